"""Published versions of pages, as the public history and /recent-changes/ list them.

A version is a "publish" entry of Wagtail's audit log with the revision it made live. Everything a listing shows
(author, publisher, approver, summary, the version before) is read in a fixed number of queries, however many
versions a page has: one query for the rows, one for approvals, and a count.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery

from wagtail.models import Page, PageLogEntry, TaskState

PUBLISH = "wagtail.publish"


def published_entries():
    """Every publish of a revision, newest first, with what listings show joined in."""
    return (
        PageLogEntry.objects.filter(action=PUBLISH, revision__isnull=False)
        .select_related("user", "revision__user", "revision__note")
        .defer("revision__content")  # a listing never needs the page's stored content
        .order_by("-timestamp", "-pk")
    )


def is_published_revision(page, revision_id):
    return published_entries().filter(page=page, revision_id=revision_id).exists()


@dataclass
class Version:
    """One published version of a page."""

    entry: PageLogEntry
    previous_revision_id: int | None
    approved_by: object = None
    number: int | None = None

    @property
    def revision(self):
        return self.entry.revision

    @property
    def revision_id(self):
        return self.entry.revision_id

    @property
    def page(self):
        return self.entry.page

    @property
    def author(self):
        return self.entry.revision.user

    @property
    def published_by(self):
        """Who made it live, when not the author: the moderator who approved it or reverted to it."""
        publisher = self.entry.user
        if publisher is None or publisher.pk == getattr(self.author, "pk", None):
            return None
        return publisher

    @property
    def timestamp(self):
        return self.entry.timestamp

    @property
    def restored_revision_id(self):
        return (self.entry.data or {}).get("revision", {}).get("id")

    @property
    def is_creation(self):
        return self.previous_revision_id is None

    @property
    def summary(self):
        note = getattr(self.entry.revision, "note", None)
        if note is not None:
            return note.summary
        if self.restored_revision_id:
            return "Restored an earlier version"
        if self.is_creation:
            return "Created the page"
        return ""


def approvals_for(revision_ids):
    """Who approved each of these revisions in a review, keyed by revision id (one query)."""
    states = TaskState.objects.filter(revision_id__in=revision_ids, status=TaskState.STATUS_APPROVED).select_related(
        "finished_by"
    )
    return {state.revision_id: state.finished_by for state in states}


def page_versions(page, offset, limit):
    """One page of `page`'s published versions, newest first, and how many there are in all."""
    entries = published_entries().filter(page=page)
    total = entries.count()
    rows = list(entries[offset : offset + limit + 1])  # one more, to know the version before the last shown
    approvals = approvals_for([row.revision_id for row in rows[:limit]])
    versions = [
        Version(
            entry=row,
            previous_revision_id=rows[index + 1].revision_id if index + 1 < len(rows) else None,
            approved_by=approvals.get(row.revision_id),
            number=total - offset - index,
        )
        for index, row in enumerate(rows[:limit])
    ]
    return versions, total


def change_types():
    """The page types whose changes are listed in recent changes, keyed by the area filter's value."""
    from courses.models import CoursePage
    from schools.models import SchoolPage
    from wiki.models import WikiPage

    types = ContentType.objects.get_for_models(WikiPage, CoursePage, SchoolPage)
    return {"wiki": [types[WikiPage]], "courses": [types[CoursePage]], "schools": [types[SchoolPage]]}


def recent_changes(area="", school=None, member=None):
    """Published changes to live, public courses, schools and wiki pages, newest first (a queryset)."""
    types = change_types()
    content_types = types.get(area) or [ct for group in types.values() for ct in group]
    previous = (
        PageLogEntry.objects.filter(
            page_id=OuterRef("page_id"), action=PUBLISH, revision__isnull=False, timestamp__lt=OuterRef("timestamp")
        )
        .order_by("-timestamp", "-pk")
        .values("revision_id")[:1]
    )
    entries = (
        published_entries()
        .filter(content_type__in=content_types, page__in=Page.objects.live().public().values("pk"))
        .select_related("page")
        .annotate(previous_revision_id=Subquery(previous))
    )
    if school is not None:
        entries = entries.filter(page__path__startswith=school.path)
    if member is not None:
        entries = entries.filter(revision__user=member)
    return entries


def versions_of(entries):
    """Versions for already-fetched rows of `recent_changes()` (one more query, for the approvals)."""
    approvals = approvals_for([row.revision_id for row in entries])
    return [
        Version(entry=row, previous_revision_id=row.previous_revision_id, approved_by=approvals.get(row.revision_id))
        for row in entries
    ]
