"""Settings of the moderation app, each overridable in Django settings as `MODERATION_<NAME>`; read lazily."""

from django.conf import settings

DEFAULTS = {
    # A contributor becomes trusted (publishes without review) after this many approved changes…
    "TRUST_AFTER_APPROVALS": 5,
    # …with no change sent back or reverted among their last this-many reviewed changes.
    "TRUST_WINDOW": 10,
    # A trusted contributor goes back to review after this many changes sent back or reverted within the window.
    "DEMOTE_AFTER_REJECTIONS": 2,
    # Pending reviews listed per page of the moderation queue, members per page of the member list.
    "QUEUE_PER_PAGE": 25,
    "MEMBERS_PER_PAGE": 40,
}


class ModerationSettings:
    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(name)
        return getattr(settings, f"MODERATION_{name}", DEFAULTS[name])


conf = ModerationSettings()
