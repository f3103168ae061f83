"""Public history of pages (`<page-url>history/`), differences between versions, moderators' reverts, and
/recent-changes/ with its Atom feed."""

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from wagtail.models import Revision

from moderation import roles
from schools.models import SchoolPage

from .diff import compare
from .forms import CompareForm, RecentChangesForm
from .revert import restore_revision
from .versions import is_published_revision, page_versions, recent_changes, versions_of

VERSIONS_PER_PAGE = 50
CHANGES_PER_PAGE = 50
FEED_ITEMS = 50


def page_number(request):
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


def page_history(request, page, rest):
    """The page action registered as `history`: routes `history/`, `compare/<a>/<b>/` and `revert/<id>/`."""
    if rest == "":
        return history_list(request, page)
    if rest == "compare/":
        return compare_picked(request, page)
    if match := re.fullmatch(r"compare/(\d+)/(\d+)/", rest):
        return version_diff(request, page, int(match[1]), int(match[2]))
    if match := re.fullmatch(r"revert/(\d+)/", rest):
        return revert(request, page, int(match[1]))
    raise Http404


def history_list(request, page):
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    number = page_number(request)
    versions, total = page_versions(page, offset=(number - 1) * VERSIONS_PER_PAGE, limit=VERSIONS_PER_PAGE)
    if number > 1 and not versions:
        raise Http404
    return render(
        request,
        "history/page_history.html",
        {
            "page": page,
            "versions": versions,
            "total": total,
            "number": number,
            "has_next": number * VERSIONS_PER_PAGE < total,
            "can_revert": roles.is_moderator(request.user),
        },
    )


def compare_picked(request, page):
    """The history form's two radio buttons, sent to the canonical address of their difference (older first)."""
    form = CompareForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Pick two versions to compare.")
        return redirect(page.url + "history/")
    a, b = sorted([form.cleaned_data["a"], form.cleaned_data["b"]])
    return redirect(f"{page.url}history/compare/{a}/{b}/")


def published_revision(page, revision_id):
    """A revision of `page` that was published at some point; anything else (drafts, other pages) is not found."""
    revision = get_object_or_404(Revision.page_revisions.select_related("user"), pk=revision_id, object_id=str(page.pk))
    if not is_published_revision(page, revision_id):
        raise Http404
    return revision


def version_diff(request, page, old_id, new_id):
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    old, new = published_revision(page, old_id), published_revision(page, new_id)
    changes = compare(type(page), old.as_object(), new.as_object(), request=request)
    return render(
        request,
        "history/version_diff.html",
        {
            "page": page,
            "old": old,
            "new": new,
            "changes": changes,
            "can_revert": roles.is_moderator(request.user) and old.pk != page.live_revision_id,
        },
    )


def revert(request, page, revision_id):
    """Moderators put an earlier version back: a confirmation with the difference, then a POST."""
    if not roles.is_moderator(request.user):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('people:login')}?{urlencode({'next': request.get_full_path()})}")
        raise PermissionDenied("Only moderators can restore earlier versions.")
    target = published_revision(page, revision_id)
    if target.pk == page.live_revision_id:
        messages.info(request, "That version is already the live one.")
        return redirect(page.url + "history/")
    if request.method == "POST":
        reason = " ".join(request.POST.get("reason", "").split())
        when = date_format(timezone.localtime(target.created_at), "j F Y, H:i")
        restore_revision(
            page, target, request.user, f"Restored the version of {when}" + (f": {reason}" if reason else "")
        )
        messages.success(request, f"The version of {when} is live again.")
        return redirect(page.url + "history/")
    live = page.live_revision
    changes = compare(type(page), live.as_object(), target.as_object(), request=request) if live else []
    return render(
        request, "history/revert_confirm.html", {"page": page, "target": target, "live": live, "changes": changes}
    )


# Recent changes


def change_filters(request):
    form = RecentChangesForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    school = SchoolPage.objects.live().filter(slug=filters["school"]).first() if filters.get("school") else None
    member = get_user_model().objects.filter(username=filters["member"]).first() if filters.get("member") else None
    entries = recent_changes(area=filters.get("area", ""), school=school, member=member)
    if filters.get("member") and member is None:
        entries = entries.none()
    return form, entries


@require_GET
def recent_changes_view(request):
    form, entries = change_filters(request)
    number = page_number(request)
    offset = (number - 1) * CHANGES_PER_PAGE
    rows = list(entries[offset : offset + CHANGES_PER_PAGE + 1])
    if number > 1 and not rows:
        raise Http404
    changes = versions_of(rows[:CHANGES_PER_PAGE])
    schools = schools_of(changes)
    for change in changes:
        change.school = schools.get(change.page.path[: -change.page.steplen])
    querystring = request.GET.copy()
    querystring.pop("page", None)
    return render(
        request,
        "history/recent_changes.html",
        {
            "form": form,
            "changes": changes,
            "number": number,
            "has_next": len(rows) > CHANGES_PER_PAGE,
            "querystring": querystring.urlencode(),
            "feed_url": reverse("history:recent_changes_feed") + (f"?{querystring.urlencode()}" if querystring else ""),
        },
    )


def schools_of(changes):
    """The school above each changed course, keyed by the school's path (one query)."""
    parent_paths = {change.page.path[: -change.page.steplen] for change in changes}
    return {school.path: school for school in SchoolPage.objects.filter(path__in=parent_paths)}


class RecentChangesFeed(Feed):
    """/recent-changes/feed/: the same list as an Atom feed, with the same filters.

    Links are absolute from the configured site address (BASE_URL), never from the request or the sites framework.
    """

    feed_type = Atom1Feed
    title = "Recent changes"
    description = "Changes published to courses, schools and wiki pages."

    def get_object(self, request, *args, **kwargs):
        # One feed object answers every request (and thread): what a request needs travels in the object returned.
        return request.get_full_path(), change_filters(request)[1]

    @staticmethod
    def absolute(path):
        return settings.WAGTAILADMIN_BASE_URL + path

    def link(self, obj):
        return self.absolute(reverse("history:recent_changes"))

    def feed_url(self, obj):
        return self.absolute(obj[0])

    def items(self, obj):
        return versions_of(list(obj[1][:FEED_ITEMS]))

    def item_title(self, change):
        return f"{change.page.title}: {change.summary}" if change.summary else change.page.title

    def item_description(self, change):
        author = change.author.public_name if change.author else "the community"
        return f"{change.summary or 'Changed'} (by {author})"

    def item_link(self, change):
        url = change.page.get_url_parts()[2]  # the path within its site; absolute() adds the site's address
        if change.previous_revision_id:
            url = f"{url}history/compare/{change.previous_revision_id}/{change.revision_id}/"
        return self.absolute(url)

    def item_guid(self, change):
        return self.link(None) + f"#change-{change.entry.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.timestamp

    def item_updateddate(self, change):
        return change.timestamp

    def item_author_name(self, change):
        return change.author.public_name if change.author else None

    def item_author_link(self, change):
        return self.absolute(change.author.get_absolute_url()) if change.author else None
