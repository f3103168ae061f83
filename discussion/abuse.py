"""Anti-abuse for the discussion: rate limits counted in the shared cache, and the client's address behind proxies.

The counters live in the cache (Redis in production), so every app server sees the same numbers. Each limit is a
fixed window: at most `count` actions per `seconds`, counted per member and per address.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache

from .conf import conf


@dataclass
class Refusal:
    """Why an action was refused, and how long to wait before trying again."""

    message: str
    retry_after: int


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the entry `PROXY_COUNT` proxies in front of us added."""
    hops = conf.PROXY_COUNT
    if hops:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR") or None


def _hit(key, limit, seconds):
    """Count one more action under `key`; the seconds left in the window if that goes over `limit`, else 0."""
    window = int(time.time() // seconds)
    key = f"discussion:rate:{key}:{seconds}:{window}"
    if cache.add(key, 1, seconds + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between add() and incr()
            cache.set(key, 1, seconds + 1)
            count = 1
    if count > limit:
        return max(1, int((window + 1) * seconds - time.time()))
    return 0


def _spell(seconds):
    if seconds < 90:
        return "a minute"
    if seconds < 60 * 60:
        return f"{round(seconds / 60)} minutes"
    return "an hour"


def check_rate(request, action, user_limits, ip_limits):
    """Count one `action` by this member and address; a Refusal if either went over its limits, else None."""
    scopes = [(f"{action}:user:{request.user.pk}", user_limits)]
    address = client_ip(request)
    if address:
        scopes.append((f"{action}:ip:{address}", ip_limits))
    wait = 0
    for key, limits in scopes:
        for limit, seconds in limits:
            wait = max(wait, _hit(key, limit, seconds))
    if wait:
        return Refusal(f"You are doing that too often. Please wait {_spell(wait)} and try again.", wait)
    return None


def check_post_rate(request):
    return check_rate(request, "post", conf.POST_LIMITS_PER_USER, conf.POST_LIMITS_PER_IP)


def check_action_rate(request):
    return check_rate(request, "action", conf.ACTION_LIMITS_PER_USER, conf.ACTION_LIMITS_PER_IP)
