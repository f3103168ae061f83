"""Settings of the accounts, each overridable in Django settings as `PEOPLE_<NAME>`; read lazily (`conf.NAME`)."""

from django.conf import settings

DEFAULTS = {
    # A confirmation link works for this many seconds after it is sent.
    "CONFIRMATION_MAX_AGE": 3 * 24 * 60 * 60,
    # Rate limits, as (count, seconds) pairs, counted in the shared cache so every app server agrees.
    # Sign-ups per address, and confirmation emails per address or account.
    "SIGNUP_LIMITS_PER_IP": [(5, 60 * 60), (20, 24 * 60 * 60)],
    "CONFIRMATION_LIMITS_PER_ACCOUNT": [(3, 60 * 60)],
    # Failed log-ins per address and per account name; a correct password is never counted.
    "LOGIN_FAILURE_LIMITS_PER_IP": [(30, 15 * 60)],
    "LOGIN_FAILURE_LIMITS_PER_ACCOUNT": [(8, 15 * 60)],
    # Password-reset requests per address and per email address asked for.
    "RESET_LIMITS_PER_IP": [(5, 60 * 60)],
    "RESET_LIMITS_PER_ACCOUNT": [(3, 60 * 60)],
    # Largest avatar upload, in bytes; avatars are stored cropped to a square of AVATAR_SIZE pixels.
    "AVATAR_MAX_BYTES": 5 * 1024 * 1024,
    "AVATAR_SIZE": 320,
}


class PeopleSettings:
    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(name)
        return getattr(settings, f"PEOPLE_{name}", DEFAULTS[name])


conf = PeopleSettings()
