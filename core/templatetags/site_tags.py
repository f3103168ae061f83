from django import template
from django.urls import reverse

from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Page, Site

register = template.Library()


def _top_pages(request):
    """The home page's live children, fetched once per request for the header and the footer."""
    if not hasattr(request, "_top_pages"):
        site = Site.find_for_request(request)
        pages = site.root_page.get_children().live().public() if site else []
        request._top_pages = [(page, page.get_url(request)) for page in pages]
    return request._top_pages


def _is_standard_page(page):
    from core.models import StandardPage

    return issubclass(page.specific_class, StandardPage)


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """Index pages in the menu, then Badges (a view, not a page), then standard pages such as About."""
    request = context["request"]
    pages = [(page, url) for page, url in _top_pages(request) if page.show_in_menus]
    links = [(page.title, url) for page, url in pages if not _is_standard_page(page)]
    links.append(("Badges", reverse("badges:index")))
    links += [(page.title, url) for page, url in pages if _is_standard_page(page)]
    return {"items": [{"title": title, "url": url, "active": request.path.startswith(url)} for title, url in links]}


@register.inclusion_tag("components/footer_menus.html", takes_context=True)
def footer_menus(context):
    """Index pages under "Explore", standard pages (About, FAQ…) under "Community"."""
    explore, community = [], []
    for page, url in _top_pages(context["request"]):
        (community if _is_standard_page(page) else explore).append((page.title, url))
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
