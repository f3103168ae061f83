"""Rate limits for the places strangers write to (sign-up, log-in, password reset), counted in the shared cache.

The counters live in the cache (Redis in production), so every app server sees the same numbers. Each limit is a
fixed window: at most `count` hits per `seconds`, counted separately for each key (an address, an account name).
"""

import hashlib
import time

from django.core.cache import cache

from .conf import conf


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the entry `PROXY_COUNT` proxies in front of us added."""
    hops = conf.PROXY_COUNT
    if hops:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR") or "unknown"


def _cache_key(action, key, seconds):
    # Hashed so that odd account names (spaces, unicode, long) make valid cache keys.
    digest = hashlib.sha256(f"{action}:{key}".lower().encode()).hexdigest()[:32]
    return f"people:rate:{digest}:{seconds}:{int(time.time() // seconds)}"


def _wait(action, key, limits):
    """Seconds left before `key` may act again, or 0 when it is under every limit."""
    wait = 0
    for count, seconds in limits:
        used = cache.get(_cache_key(action, key, seconds), 0)
        if used >= count:
            wait = max(wait, seconds - int(time.time() % seconds))
    return wait


def _hit(action, key, limits):
    for _count, seconds in limits:
        cache_key = _cache_key(action, key, seconds)
        if not cache.add(cache_key, 1, seconds + 1):
            try:
                cache.incr(cache_key)
            except ValueError:  # the window ended between add() and incr()
                cache.set(cache_key, 1, seconds + 1)


class RateLimit:
    """A named limit over several scopes, e.g. `RateLimit("login", ip=..., account=...)`.

    `blocked()` says how long to wait without counting; `hit()` counts one more attempt in every scope.
    """

    def __init__(self, action, **scopes):
        # scopes: name -> (key, limits); a scope whose key is empty is skipped.
        self.action = action
        self.scopes = {name: value for name, value in scopes.items() if value[0]}

    def blocked(self):
        return max(
            (_wait(f"{self.action}:{name}", key, limits) for name, (key, limits) in self.scopes.items()), default=0
        )

    def hit(self):
        for name, (key, limits) in self.scopes.items():
            _hit(f"{self.action}:{name}", key, limits)


def wait_message(seconds):
    if seconds < 90:
        wait = "a minute"
    elif seconds < 60 * 60:
        wait = f"{round(seconds / 60)} minutes"
    elif seconds < 2 * 60 * 60:
        wait = "an hour"
    else:
        wait = f"{round(seconds / 3600)} hours"
    return f"Too many attempts. Please wait {wait} and try again."


def signup_limit(request, email):
    return RateLimit(
        "signup",
        ip=(client_ip(request), conf.SIGNUP_LIMITS_PER_IP),
        account=(email.strip(), conf.CONFIRMATION_LIMITS_PER_ACCOUNT),
    )


def confirmation_limit(request, user):
    return RateLimit(
        "confirm",
        ip=(client_ip(request), conf.SIGNUP_LIMITS_PER_IP),
        account=(str(user.pk), conf.CONFIRMATION_LIMITS_PER_ACCOUNT),
    )


def login_limit(request, account):
    return RateLimit(
        "login",
        ip=(client_ip(request), conf.LOGIN_FAILURE_LIMITS_PER_IP),
        account=(account.strip(), conf.LOGIN_FAILURE_LIMITS_PER_ACCOUNT),
    )


def reset_limit(request, email):
    return RateLimit(
        "reset",
        ip=(client_ip(request), conf.RESET_LIMITS_PER_IP),
        account=(email.strip(), conf.RESET_LIMITS_PER_ACCOUNT),
    )
