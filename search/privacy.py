"""Which pages a visitor may find: live pages outside any private section they haven't been let into.

The rule mirrors Wagtail's own `PageViewRestriction.accept_request` (login, groups, password), answered for every
restriction at once in at most three queries, so search never lists a page its reader would be refused.
Comments follow the discussion's own contract instead (`visible_comments()`: public pages only).
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction


def hidden_paths(request):
    """Paths of the private sections this visitor may not see (everything under each is hidden too)."""
    restrictions = list(PageViewRestriction.objects.values_list("pk", "restriction_type", "page__path"))
    if not restrictions:
        return []
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    passed = set(request.session.get(PageViewRestriction.passed_view_restrictions_session_key, []))
    allowed_by_group = set()
    if authenticated and any(kind == PageViewRestriction.GROUPS for _, kind, _ in restrictions):
        if user.is_superuser:
            allowed_by_group = {pk for pk, _, _ in restrictions}
        else:
            allowed_by_group = set(
                PageViewRestriction.groups.through.objects.filter(group__in=user.groups.all()).values_list(
                    "pageviewrestriction_id", flat=True
                )
            )
    accepted = {
        PageViewRestriction.PASSWORD: lambda pk: pk in passed,
        PageViewRestriction.LOGIN: lambda pk: authenticated,
        PageViewRestriction.GROUPS: lambda pk: pk in allowed_by_group,
    }
    return sorted({path for pk, kind, path in restrictions if not accepted.get(kind, lambda pk: True)(pk)})


def all_private_paths():
    """Every restricted section, whoever asks: what comments on them never leave."""
    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


def visible_pages(hidden, model=Page):
    """Live pages outside the `hidden` sections (a queryset Wagtail's search backends can filter on)."""
    pages = model.objects.live()
    if hidden:
        pages = pages.exclude(reduce(or_, (Q(path__startswith=path) for path in hidden)))
    return pages
