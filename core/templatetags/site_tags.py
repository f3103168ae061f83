from django import template
from django.core.cache import cache
from django.urls import reverse

from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Page, Site

from core import menus

register = template.Library()


def _top_pages(request):
    """The home page's live, public children as (title, url, show_in_menus, is_standard_page), for header and footer.

    Kept in the shared cache per site (every page of the site shows them) until `core.menus` hears of a change.
    """
    if not hasattr(request, "_top_pages"):
        site = Site.find_for_request(request)
        request._top_pages = (
            cache.get_or_set(menus.cache_key(site), lambda: _read_top_pages(site, request), menus.TIMEOUT)
            if site
            else []
        )
    return request._top_pages


def _read_top_pages(site, request):
    from core.models import StandardPage

    return [
        (page.title, page.get_url(request), page.show_in_menus, issubclass(page.specific_class, StandardPage))
        for page in site.root_page.get_children().live().public()
    ]


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """Index pages in the menu, then Badges (a view, not a page), then standard pages such as About."""
    request = context["request"]
    pages = [(title, url, standard) for title, url, in_menus, standard in _top_pages(request) if in_menus]
    links = [(title, url) for title, url, standard in pages if not standard]
    links.append(("Badges", reverse("badges:index")))
    links += [(title, url) for title, url, standard in pages if standard]
    return {"items": [{"title": title, "url": url, "active": request.path.startswith(url)} for title, url in links]}


@register.inclusion_tag("components/footer_menus.html", takes_context=True)
def footer_menus(context):
    """Index pages under "Explore", standard pages (About, FAQ…) under "Community"."""
    explore, community = [], []
    for title, url, _in_menus, standard in _top_pages(context["request"]):
        (community if standard else explore).append((title, url))
    return {"explore": explore, "community": community}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The trail from the home page down to `page`; nothing on the home page itself."""
    if page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = Page.objects.ancestor_of(page).filter(depth__gt=1).order_by("depth")
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag
def video_embed(url):
    """The stored embed (markup, title, provider) for `url`, or None.

    Templates use the provider's own markup rather than Wagtail's wrapper, whose inline style a strict CSP blocks.
    """
    try:
        return embeds.get_embed(url)
    except EmbedException:
        return None


@register.filter
def accent_class(school):
    return f"accent-{getattr(school, 'accent', None) or 'teal'}"
