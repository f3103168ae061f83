"""Small questions views ask of a request, answered the same way everywhere."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, default="/"):
    """The `next` address from the form or query, if it stays on this site; `default` otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def wants_json(request):
    """The page's script asked for JSON (progressive enhancement); without it, views answer with a page."""
    return "application/json" in request.headers.get("Accept", "")
