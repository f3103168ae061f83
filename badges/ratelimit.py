"""A fixed-window rate limit in the shared cache, so every app server counts the same requests."""

import time

from django.core.cache import cache


def allow(action, user, limit, window=3600):
    """Count one `action` by `user`; False once they have done it `limit` times in this window."""
    key = f"badges:rate:{action}:{user.pk}:{int(time.time() // window)}"
    if cache.add(key, 1, window):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # the window's key expired between add and incr
        cache.set(key, 1, window)
        return True
