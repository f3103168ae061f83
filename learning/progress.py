"""Task completion and progress: a learner taking part marks tasks done (with evidence where asked) and undoes them.

Every change sends `learning.signals.progress_changed`, which completion badges listen to. A completion keeps a
snapshot of the task as the learner saw it, so the dashboard can tell them when its instructions changed later.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import CoursePage

from .models import Signup, TaskCompletion, web_url_validator
from .permissions import Refusal, require_participation
from .signals import progress_changed


@dataclass
class Progress:
    """How far a learner is through a course's tasks."""

    tasks: list = field(default_factory=list)  # the course's tasks, in order
    completions: dict = field(default_factory=dict)  # task id -> TaskCompletion

    @property
    def total(self):
        return len(self.tasks)

    @property
    def done(self):
        return len(self.completions)

    @property
    def finished(self):
        return self.total > 0 and self.done >= self.total

    @property
    def next_task(self):
        """The first task not done yet: where the learner picks up."""
        return next((task for task in self.tasks if task.pk not in self.completions), None)

    @property
    def changed(self):
        """[(task, completion)] for tasks edited since the learner completed them."""
        return [
            (task, self.completions[task.pk])
            for task in self.tasks
            if task.pk in self.completions and self.completions[task.pk].task_changed(task)
        ]


def _task_of(course, task_id):
    try:
        task_id = int(task_id)
    except (TypeError, ValueError):
        raise Refusal("That task does not exist.", status=404) from None
    task = course.tasks.filter(pk=task_id).first()
    if task is None:
        raise Refusal("That task is not part of this course.", status=404)
    return task


def _require_taking_part(user, course):
    require_participation(user)
    signup = Signup.objects.filter(user=user, course=course).first()
    if signup is None or signup.status != Signup.Status.ACTIVE:
        if signup is not None and signup.status == Signup.Status.WAITING:
            raise Refusal("You are on the waiting list: you can mark tasks done once you have a place.", status=403)
        raise Refusal("Sign up for this course to mark its tasks done.", status=403)
    return signup


def clean_evidence(task, evidence_url):
    evidence_url = (evidence_url or "").strip()
    if task.needs_evidence and not evidence_url:
        raise Refusal("This task asks for a link to your work: add it to mark the task done.")
    if evidence_url:
        if len(evidence_url) > 500:
            raise Refusal("That link is too long (500 characters at most).")
        try:
            web_url_validator(evidence_url)
        except ValidationError:
            raise Refusal("Give a web address starting with https:// (or http://) for your work.") from None
    return evidence_url


def complete(user, course, task_id, evidence_url=""):
    """Mark a task done, or update its evidence link and snapshot if it already is. Returns (completion, created)."""
    _require_taking_part(user, course)
    task = _task_of(course, task_id)
    evidence_url = clean_evidence(task, evidence_url)
    try:
        with transaction.atomic():
            completion = TaskCompletion.objects.select_for_update().filter(user=user, task=task).first()
            created = completion is None
            if created:
                completion = TaskCompletion(user=user, task=task, course=course)
            else:
                completion.completed_at = timezone.now()
            completion.evidence_url = evidence_url
            completion.take_snapshot()
            completion.save()
    except IntegrityError:
        # A second click raced the first: the first completion stands.
        completion, created = TaskCompletion.objects.get(user=user, task=task), False
    progress_changed.send(sender=CoursePage, user=user, course=course)
    return completion, created


def undo(user, course, task_id):
    _require_taking_part(user, course)
    task = _task_of(course, task_id)
    deleted, _ = TaskCompletion.objects.filter(user=user, task=task).delete()
    if not deleted:
        raise Refusal("That task is not marked done.")
    progress_changed.send(sender=CoursePage, user=user, course=course)


def acknowledge_change(user, course, task_id):
    """The learner has read the changed task: remember this version as the one they saw."""
    task = _task_of(course, task_id)
    completion = TaskCompletion.objects.filter(user=user, task=task).first()
    if completion is None:
        raise Refusal("That task is not marked done.")
    completion.take_snapshot()
    completion.save(update_fields=["task_title", "task_instructions", "task_fingerprint", "revision"])
    return completion


def progress_of(user, courses):
    """{course id: Progress} for `user` over `courses`, in three queries whatever their number.

    Only the tasks the learner completed are loaded with their instructions (to tell whether they changed since);
    the others are titles, which is what lists of courses show.
    """
    from courses.models import CourseTask

    ids = [course.pk for course in courses]
    found = {course_id: Progress() for course_id in ids}
    completions = list(TaskCompletion.objects.filter(user=user, course_id__in=ids))
    done = {
        task.pk: task for task in CourseTask.objects.filter(pk__in=[completion.task_id for completion in completions])
    }
    for task in (
        CourseTask.objects.filter(page_id__in=ids).defer("instructions").order_by("page_id", "sort_order", "pk")
    ):
        found[task.page_id].tasks.append(done.get(task.pk, task))
    for completion in completions:
        found[completion.course_id].completions[completion.task_id] = completion
    return found
