"""What a course page shows about learning (sign-up, places, progress, announcements) for one request.

Loaded once per request and page, in a fixed number of queries whatever the number of participants or tasks,
and shared by every learning include on the page.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.functional import cached_property

from . import schedule
from .models import Announcement, Signup, TaskCompletion
from .permissions import can_manage, participation_refusal
from .signups import OWN_PACE, waiting_position

ANNOUNCEMENTS_SHOWN = 3


class CourseLearning:
    def __init__(self, request, course, tasks=None, organisers=None):
        self.request = request
        self.course = course
        self.user = request.user
        self._tasks = tasks
        if organisers is not None:
            course._learning_organiser_ids = {person.pk for person in organisers}

    @classmethod
    def for_request(cls, request, course, tasks=None, organisers=None):
        cache = request.__dict__.setdefault("_course_learning", {})
        if course.pk not in cache:
            cache[course.pk] = cls(request, course, tasks, organisers)
        return cache[course.pk]

    @property
    def login_url(self):
        return f"{settings.LOGIN_URL}?{urlencode({'next': self.course.url + '#learning'})}"

    @cached_property
    def today(self):
        return timezone.localdate()

    # Places

    @cached_property
    def rounds(self):
        if self.course.self_paced:
            return []
        # Round 1 is made when a course is published; a course saved some other way gets it on first view.
        return list(self.course.rounds.all()) or [
            round for round in [schedule.ensure_first_round(self.course)] if round
        ]

    @cached_property
    def joinable_rounds(self):
        return schedule.joinable(self.rounds)

    @cached_property
    def default_round(self):
        """The round a learner joins unless they pick another: the earliest still open, else their own pace."""
        return self.joinable_rounds[0] if self.joinable_rounds else OWN_PACE

    @cached_property
    def has_choice(self):
        return not self.course.self_paced and bool(self.joinable_rounds)

    @cached_property
    def places_taken(self):
        """{round id or None: participants holding a place}."""
        rows = Signup.objects.taking_part().filter(course=self.course).values("round_id").annotate(n=Count("pk"))
        return {row["round_id"]: row["n"] for row in rows}

    @property
    def participant_count(self):
        return sum(self.places_taken.values())

    def places_left(self, round):
        if self.course.capacity is None:
            return None
        return max(0, self.course.capacity - self.places_taken.get(round.pk if round else None, 0))

    @property
    def default_places_left(self):
        return self.places_left(self.default_round)

    @property
    def default_is_full(self):
        return self.default_places_left == 0

    @cached_property
    def upcoming_rounds(self):
        """Rounds still open to join, each with its places left, for the sidebar."""
        return [(round, self.places_left(round), self.places_taken.get(round.pk, 0)) for round in self.joinable_rounds]

    # This member

    @cached_property
    def signup(self):
        if not self.user.is_authenticated:
            return None
        return Signup.objects.filter(user=self.user, course=self.course).select_related("round").first()

    @property
    def status(self):
        return self.signup.status if self.signup else None

    @property
    def taking_part(self):
        return self.status == Signup.Status.ACTIVE

    @cached_property
    def refusal(self):
        """Why this member can't sign up or mark tasks done at all (not signed in, unconfirmed, blocked)."""
        return participation_refusal(self.user)

    @cached_property
    def waiting_position(self):
        return waiting_position(self.signup) if self.status == Signup.Status.WAITING else None

    @cached_property
    def is_manager(self):
        return can_manage(self.user, self.course)

    @cached_property
    def pending_count(self):
        if not self.is_manager:
            return 0
        return Signup.objects.filter(course=self.course, status=Signup.Status.PENDING).count()

    # Tasks and progress

    @cached_property
    def tasks(self):
        return self._tasks if self._tasks is not None else list(self.course.tasks.all())

    @cached_property
    def completions(self):
        """{task id: TaskCompletion} for this member, whether or not they still take part."""
        if not self.user.is_authenticated or self.signup is None:
            return {}
        found = TaskCompletion.objects.filter(user=self.user, course=self.course)
        return {completion.task_id: completion for completion in found}

    @property
    def done_count(self):
        task_ids = {task.pk for task in self.tasks}
        return sum(1 for task_id in self.completions if task_id in task_ids)

    # Meetings

    @cached_property
    def my_next_meeting(self):
        if not self.taking_part:
            return None
        found = schedule.upcoming(schedule.occurrences(self.course, self.signup.round), limit=1)
        return found[0] if found else None

    @cached_property
    def has_meetings(self):
        return bool(schedule.course_meetings(self.course)) or any(round.meetings for round in self.rounds)

    # Announcements

    @cached_property
    def _latest_announcements(self):
        return list(Announcement.objects.filter(course=self.course).select_related("round")[: ANNOUNCEMENTS_SHOWN + 1])

    @property
    def announcements(self):
        return self._latest_announcements[:ANNOUNCEMENTS_SHOWN]

    @property
    def more_announcements(self):
        return len(self._latest_announcements) > ANNOUNCEMENTS_SHOWN


class TaskState:
    """One task as this member sees it: done or not, the evidence, and whether it changed since."""

    def __init__(self, learning, task):
        self.task = task
        self.completion = learning.completions.get(task.pk)
        self.can_complete = learning.taking_part

    @property
    def done(self):
        return self.completion is not None

    @cached_property
    def changed(self):
        return self.done and self.completion.task_changed(self.task)
