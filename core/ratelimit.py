"""Rate limits counted in the shared cache, and the visitor's address behind proxies.

The counters live in the cache (Redis in production), so every app server sees the same numbers. A limit is a
list of fixed windows, `[(count, seconds), ...]`: at most `count` actions per `seconds`, counted separately for
each scope of an action (a member, an address, an account name).

Two ways to use a `RateLimit`:

- count and check: `wait = limit.hit()` counts this action and says how long to wait if that went over a limit;
- check, then count failures: `limit.blocked()` says how long to wait without counting, and `limit.hit()` after a
  failed attempt counts it (log-in counts only wrong passwords this way).
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the entry the `PROXY_COUNT` proxies in front of us added; None if unknown.

    With PROXY_COUNT at 0, X-Forwarded-For is ignored: anyone can write it.
    """
    hops = settings.PROXY_COUNT
    if hops:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR") or None


def _cache_key(scope, key, seconds, window):
    # Hashed so that any key (spaces, unicode, very long) makes a valid cache key; case-insensitive, so
    # "Ada@Example.org" and "ada@example.org" share their counters.
    digest = hashlib.sha256(f"{scope}:{key}".lower().encode()).hexdigest()[:32]
    return f"ratelimit:{digest}:{seconds}:{window}"


def _windows(limits):
    """`(count, seconds)` for each distinct window length once, with the smallest count allowed in it."""
    smallest = {}
    for count, seconds in limits:
        smallest[seconds] = min(count, smallest.get(seconds, count))
    return [(count, seconds) for seconds, count in smallest.items()]


def _seconds_left(seconds, now):
    return max(1, math.ceil((now // seconds + 1) * seconds - now))


def _incr(cache_key, seconds):
    """Add one to a counter, atomically across app servers; the new count."""
    if cache.add(cache_key, 1, seconds + 1):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(cache_key, 1, seconds + 1)
        return 1


class RateLimit:
    """One action limited in several scopes, e.g. `RateLimit("login", ip=(address, limits), account=(name, limits))`.

    A scope whose key is empty (an unknown address) is not counted.
    """

    def __init__(self, action, **scopes):
        self.scopes = {f"{action}:{name}": (key, limits) for name, (key, limits) in scopes.items() if key}

    def blocked(self):
        """Seconds to wait before acting again because a scope is at one of its limits, else 0; counts nothing."""
        now = time.time()
        wait = 0
        for scope, (key, limits) in self.scopes.items():
            for count, seconds in _windows(limits):
                if cache.get(_cache_key(scope, key, seconds, int(now // seconds)), 0) >= count:
                    wait = max(wait, _seconds_left(seconds, now))
        return wait

    def hit(self):
        """Count one more action in every scope; seconds to wait if that went over a limit, else 0."""
        now = time.time()
        wait = 0
        for scope, (key, limits) in self.scopes.items():
            for count, seconds in _windows(limits):
                if _incr(_cache_key(scope, key, seconds, int(now // seconds)), seconds) > count:
                    wait = max(wait, _seconds_left(seconds, now))
        return wait


def wait_message(seconds, reason="Too many attempts."):
    """`reason`, then how long to wait in words: "Too many attempts. Please wait a minute and try again." """
    if seconds < 90:
        wait = "a minute"
    elif seconds < 60 * 60:
        wait = f"{round(seconds / 60)} minutes"
    elif seconds < 2 * 60 * 60:
        wait = "an hour"
    else:
        wait = f"{round(seconds / 3600)} hours"
    return f"{reason} Please wait {wait} and try again."
