from collections import defaultdict

from django.db.models import Count

from wagtail import hooks
from wagtail.admin.widgets import Button

from courses.models import CoursePage

from .models import Round, Signup
from .permissions import can_manage
from .schedule import joinable


@hooks.register("annotate_course_cards")
def add_participant_counts(courses):
    """`participant_count` and `places_left` (None: no limit) on each course card, in two queries for the list.

    Places are those of the group a new learner would join: the earliest round still open, else their own pace.
    """
    ids = [course.pk for course in courses]
    taken = defaultdict(dict)
    for row in (
        Signup.objects.taking_part().filter(course_id__in=ids).values("course_id", "round_id").annotate(n=Count("pk"))
    ):
        taken[row["course_id"]][row["round_id"]] = row["n"]
    rounds = defaultdict(list)
    for round in Round.objects.filter(course_id__in=[course.pk for course in courses if not course.self_paced]):
        rounds[round.course_id].append(round)
    for course in courses:
        groups = taken.get(course.pk, {})
        course.participant_count = sum(groups.values())
        open_rounds = joinable(rounds.get(course.pk, []))
        group = open_rounds[0].pk if open_rounds else None
        course.places_left = None if course.capacity is None else max(0, course.capacity - groups.get(group, 0))


@hooks.register("register_page_header_buttons")
def organiser_tools_in_the_editor(page, user, view_name, next_url=None):
    """In the editor's "More" menu of a live course: its participants and progress, for those who manage them."""
    if not issubclass(page.specific_class or object, CoursePage) or not page.live:
        return
    course = page.specific
    if not can_manage(user, course):
        return
    url = course.url
    yield Button("Participants", url=f"{url}participants/", icon_name="group", priority=80)
    yield Button("Learners’ progress", url=f"{url}progress/", icon_name="tasks", priority=81)
