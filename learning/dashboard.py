"""What /dashboard/ shows a member, loaded in a fixed number of queries however many courses they have."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone

from wagtail.models import Page

from courses.models import CoursePage

from . import activity, schedule
from .models import CalendarFeed, Follow, Signup
from .progress import Progress, progress_of

Status = Signup.Status
MEETINGS_SHOWN = 4


@dataclass
class MyCourse:
    signup: Signup
    course: CoursePage  # prepared as a card: kind, school, cover rendition
    progress: Progress
    next_meeting: schedule.Occurrence | None = None
    waiting_position: int | None = None


@dataclass
class OrganisedCourse:
    course: CoursePage
    participants: int
    pending: int


def _waiting_positions(signups):
    """{sign-up id: place on its group's waiting list}, for all of them in one query."""
    waiting = [signup for signup in signups if signup.status == Status.WAITING]
    if not waiting:
        return {}
    queue = (
        Signup.objects.filter(
            course_id__in={s.course_id for s in waiting}, status=Status.WAITING, user__blocked_at__isnull=True
        )
        .order_by("status_changed_at", "pk")
        .values_list("pk", "course_id", "round_id")
    )
    counters, positions = {}, {}
    for pk, course_id, round_id in queue:
        counters[(course_id, round_id)] = counters.get((course_id, round_id), 0) + 1
        positions[pk] = counters[(course_id, round_id)]
    return positions


def _cards(course_ids):
    return {course.pk: course for course in CoursePage.prepare_cards(CoursePage.objects.filter(pk__in=course_ids))}


def my_courses(user, now=None):
    """The member's current sign-ups with progress, next meeting and waiting-list place; and their meetings."""
    now = now or timezone.now()
    signups = list(
        Signup.objects.current()
        .filter(user=user, course__live=True)
        .select_related("round")
        .order_by("-status_changed_at", "-pk")
    )
    cards = _cards([signup.course_id for signup in signups])
    progress = progress_of(user, cards.values())
    positions = _waiting_positions(signups)
    courses, meetings = [], []
    for signup in signups:
        course = cards[signup.course_id]
        signup.course = course
        item = MyCourse(signup, course, progress[course.pk], waiting_position=positions.get(signup.pk))
        if signup.status == Status.ACTIVE:
            upcoming = schedule.upcoming(schedule.occurrences(course, signup.round), now)
            item.next_meeting = upcoming[0] if upcoming else None
            meetings.extend(upcoming[:MEETINGS_SHOWN])
        courses.append(item)
    meetings.sort(key=lambda occurrence: occurrence.starts_at)
    return courses, meetings[:MEETINGS_SHOWN]


def organised_courses(user):
    courses = list(CoursePage.objects.live().filter(organisers__user=user).distinct().order_by("title"))
    counts = (
        Signup.objects.filter(course__in=courses)
        .values("course_id")
        .annotate(
            participants=Count("pk", filter=Q(status=Status.ACTIVE, user__blocked_at__isnull=True)),
            pending=Count("pk", filter=Q(status=Status.PENDING)),
        )
    )
    counts = {row["course_id"]: row for row in counts}
    return [
        OrganisedCourse(
            course,
            counts.get(course.pk, {}).get("participants", 0),
            counts.get(course.pk, {}).get("pending", 0),
        )
        for course in courses
    ]


def following(user):
    """What the member follows: (live public pages, active people), each sorted by name."""
    follows = list(Follow.objects.filter(user=user).values_list("content_type_id", "object_id"))
    page_type = ContentType.objects.get_for_model(Page)
    person_type = ContentType.objects.get_for_model(get_user_model())
    page_ids = [object_id for type_id, object_id in follows if type_id == page_type.pk]
    person_ids = [object_id for type_id, object_id in follows if type_id == person_type.pk]
    pages = list(Page.objects.live().public().filter(pk__in=page_ids).order_by("title")) if page_ids else []
    people = list(get_user_model().objects.filter(pk__in=person_ids, is_active=True)) if person_ids else []
    return pages, sorted(people, key=lambda person: person.public_name.lower())


def build(user, now=None):
    courses, meetings = my_courses(user, now)
    organised = organised_courses(user)
    in_scope = [item.course.pk for item in courses if item.signup.status == Status.ACTIVE]
    in_scope += [item.course.pk for item in organised]
    pages, people = following(user)
    return {
        "my_courses": [item for item in courses if item.signup.status != Status.PENDING],
        "applications": [item for item in courses if item.signup.status == Status.PENDING],
        "changed_tasks": [(item, task, done) for item in courses for task, done in item.progress.changed],
        "meetings": meetings,
        "organised": organised,
        "followed_pages": pages,
        "followed_people": people,
        "activity": activity.recent(user, in_scope, now),
        "calendar_feed": CalendarFeed.objects.filter(user=user).first(),
    }
