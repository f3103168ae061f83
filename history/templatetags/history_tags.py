from django import template
from django.urls import reverse

from core import page_actions
from moderation import roles

from ..versions import recent_changes, versions_of

register = template.Library()

# Page types contributors edit, and page types under which they create pages (with the label of that link).
OPEN_TO_CONTRIBUTORS = {"courses.CoursePage", "wiki.WikiPage"}
NEW_PAGE_LABELS = {"schools.SchoolPage": "New course", "wiki.WikiIndexPage": "New page", "wiki.WikiPage": "New subpage"}


def contribute_first(then):
    """Where a member who is not yet a contributor goes: the one-step "Start contributing" page, then `then`."""
    return f"{reverse('moderation:contribute')}?next={then}"


@register.inclusion_tag("history/includes/page_tools_links.html", takes_context=True)
def page_tools(context, page, recent_changes=False):
    """ "Edit this page", "History" and "New course" / "New page", each shown only when it will work for this visitor.

    Members who could edit once they start contributing see the same links, leading through the one-step
    "Start contributing" page; visitors are led to it too, where it explains how to join.
    """
    request = context["request"]
    perms = page.permissions_for_user(request.user)
    label = page._meta.label
    not_yet_contributor = not roles.is_contributor(request.user)

    edit_url = None
    if label in OPEN_TO_CONTRIBUTORS or perms.can_edit():
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        if not perms.can_edit():
            edit_url = contribute_first(edit_url) if not_yet_contributor else None

    new_url = None
    child_model = next(iter(page.specific_class.creatable_subpage_models()), None)
    if child_model is not None and (label in NEW_PAGE_LABELS or perms.can_add_subpage()):
        meta = child_model._meta
        new_url = reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, page.pk])
        if not perms.can_add_subpage():
            new_url = contribute_first(new_url) if not_yet_contributor else None

    has_history = page_actions.lookup(page, "history") is not None
    return {
        "page": page,
        "history_url": page.get_url(request) + "history/" if has_history else None,
        "edit_url": edit_url,
        "new_url": new_url,
        "new_label": NEW_PAGE_LABELS.get(label, "New page"),
        "recent_changes_url": reverse("history:recent_changes") if recent_changes else None,
    }


@register.inclusion_tag("history/includes/contributions.html", takes_context=True)
def recent_contributions(context, member, limit=10):
    """A member's latest published changes to courses, schools and wiki pages (a fixed number of queries)."""
    rows = list(recent_changes(member=member)[:limit])
    return {"request": context["request"], "changes": versions_of(rows), "member": member}


@register.simple_tag(takes_context=True)
def diff_url(context, change):
    """The address of what this change did, or "" for a page's first version."""
    if not change.previous_revision_id:
        return ""
    page_url = change.page.get_url(context.get("request"))
    return f"{page_url}history/compare/{change.previous_revision_id}/{change.revision_id}/"


@register.filter
def page_kind(page):
    return {"CoursePage": "Course", "WikiPage": "Wiki", "SchoolPage": "School"}.get(
        page.specific_class.__name__, "Page"
    )
