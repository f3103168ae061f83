"""Recent activity for the dashboard: what happened in the courses, pages and people a member follows.

Each source is one bulk query, capped, over live public pages only, leaving out the member's own actions and
blocked members': pages published (Wagtail's log), announcements, people joining courses, and comments when the
discussion app is installed. The sources are merged newest first.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page, PageLogEntry

from .conf import conf
from .models import Announcement, Follow, Signup


@dataclass
class Activity:
    when: datetime.datetime
    kind: str  # published | announcement | joined | comment
    actor: object  # a member, or None
    page: Page
    suffix: str = ""  # added to the page's URL, e.g. "announcements/3/"
    href: str = ""  # a link of its own, used instead of the page's
    excerpt: str = ""
    others: list = field(default_factory=list)  # more members who did the same (people joining one course)


@dataclass
class Scope:
    """What a member hears about: pages (courses included) and people."""

    page_ids: set
    person_ids: set


def scope_of(user, course_ids=()):
    """The pages and people `user` follows, plus the courses they take part in or organise (`course_ids`)."""
    page_type = ContentType.objects.get_for_model(Page)
    person_type = ContentType.objects.get_for_model(get_user_model())
    page_ids, person_ids = set(course_ids), set()
    for content_type_id, object_id in Follow.objects.filter(user=user).values_list("content_type_id", "object_id"):
        if content_type_id == page_type.pk:
            page_ids.add(object_id)
        elif content_type_id == person_type.pk:
            person_ids.add(object_id)
    return Scope(page_ids, person_ids)


def _public_page_ids():
    return Page.objects.live().public().values("pk")


def published(scope, since, limit, exclude_user):
    entries = (
        PageLogEntry.objects.filter(action="wagtail.publish", timestamp__gte=since)
        .filter(Q(page_id__in=scope.page_ids) | Q(user_id__in=scope.person_ids))
        .filter(page_id__in=_public_page_ids())
        .exclude(user_id=exclude_user.pk)
        .filter(Q(user__isnull=True) | Q(user__blocked_at__isnull=True))
        .select_related("user", "page")
        .order_by("-timestamp")[:limit]
    )
    return [Activity(entry.timestamp, "published", entry.user, entry.page) for entry in entries]


def announcements(scope, since, limit, exclude_user):
    found = (
        Announcement.objects.filter(created_at__gte=since)
        .filter(Q(course_id__in=scope.page_ids) | Q(author_id__in=scope.person_ids))
        .filter(course_id__in=_public_page_ids())
        .exclude(author_id=exclude_user.pk)
        .select_related("author", "course")
        .order_by("-created_at")[:limit]
    )
    return [
        Activity(
            item.created_at,
            "announcement",
            item.author,
            item.course,
            suffix=f"announcements/{item.pk}/",
            excerpt=item.subject,
        )
        for item in found
    ]


def joined(scope, since, limit, exclude_user):
    found = (
        Signup.objects.taking_part()
        .filter(joined_at__gte=since)
        .filter(Q(course_id__in=scope.page_ids) | Q(user_id__in=scope.person_ids))
        .filter(course_id__in=_public_page_ids())
        .exclude(user_id=exclude_user.pk)
        .select_related("user", "course")
        .order_by("-joined_at")[:limit]
    )
    return [Activity(item.joined_at, "joined", item.user, item.course) for item in found]


def comments(scope, since, limit, exclude_user):
    if not apps.is_installed("discussion"):
        return []
    from discussion.models import visible_comments

    found = (
        visible_comments()
        .filter(submit_date__gte=since)
        .filter(Q(page_id__in=scope.page_ids) | Q(user_id__in=scope.person_ids))
        .exclude(user_id=exclude_user.pk)
        .order_by("-submit_date")[:limit]
    )
    return [
        Activity(item.submit_date, "comment", item.user, item.page, href=item.get_absolute_url(), excerpt=item.excerpt)
        for item in found
    ]


SOURCES = [published, announcements, joined, comments]


def recent(user, course_ids=(), now=None):
    """The newest `ACTIVITY_ITEMS` things that happened in `user`'s scope in the last `ACTIVITY_DAYS` days."""
    scope = scope_of(user, course_ids)
    if not scope.page_ids and not scope.person_ids:
        return []
    since = (now or timezone.now()) - datetime.timedelta(days=conf.ACTIVITY_DAYS)
    limit = conf.ACTIVITY_ITEMS
    found = [item for source in SOURCES for item in source(scope, since, limit, user)]
    return grouped(sorted(found, key=lambda item: item.when, reverse=True))[:limit]


def grouped(items):
    """People joining the same course become one item ("Ada, Bruno and 3 others joined…"), at its latest time."""
    result, joins = [], {}
    for item in items:
        if item.kind != "joined":
            result.append(item)
        elif item.page.pk in joins:
            joins[item.page.pk].others.append(item.actor)
        else:
            joins[item.page.pk] = item
            result.append(item)
    return result
