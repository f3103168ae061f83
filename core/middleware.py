from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


class AnonymousPageCacheMiddleware:
    """Let shared caches (a CDN, Varnish) keep pages that anonymous visitors see; keep everyone else's private.

    A response is public only when it is a successful GET or HEAD for a visitor without a session, sets no
    cookie (a CSRF token, a session, a message) and has not chosen its own caching. Publishing purges the
    shared cache when WAGTAILFRONTENDCACHE is configured (FRONTEND_CACHE_PURGE_URL); otherwise pages are at most
    PUBLIC_CACHE_SECONDS stale; a view may ask for less by setting `response.public_cache_seconds`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        # A session (a signed-in member, or a visitor who unlocked a password-protected page) makes a page personal.
        if (user is not None and user.is_authenticated) or settings.SESSION_COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code in (200, 404) and not response.cookies:
            patch_vary_headers(response, ["Cookie"])
            max_age = min(
                getattr(response, "public_cache_seconds", settings.PUBLIC_CACHE_SECONDS), settings.PUBLIC_CACHE_SECONDS
            )
            patch_cache_control(response, public=True, max_age=max_age)
        return response
