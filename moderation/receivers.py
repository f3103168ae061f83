"""What the moderation app does when members sign up, reviews are decided and pages are reverted."""

from django.db import transaction

from wagtail.models import GroupApprovalTask

from . import roles, tasks
from .models import ReviewOutcome
from .trust import record_outcome


def give_learner_role(sender, user, **kwargs):
    roles.add_role(user, roles.LEARNERS)


def _review(task_state):
    """The workflow state of a staff review decision, or None for tasks that are not reviews."""
    if not isinstance(task_state.task.specific, GroupApprovalTask):
        return None
    return task_state.workflow_state


def count_approval(sender, instance, user=None, **kwargs):
    if state := _review(instance):
        record_outcome(
            state.requested_by, state.content_object, ReviewOutcome.APPROVED, user, instance.revision, instance.comment
        )


def count_changes_requested(sender, instance, user=None, **kwargs):
    if state := _review(instance):
        record_outcome(
            state.requested_by,
            state.content_object,
            ReviewOutcome.CHANGES_REQUESTED,
            user,
            instance.revision,
            instance.comment,
        )


def count_revert(sender, page, revision, restored, replaced, user, **kwargs):
    """A moderator put an earlier version back: the change they replaced counts against its author's trust."""
    author = replaced.user if replaced is not None else None
    if author is not None and author.pk != getattr(user, "pk", None) and roles.is_contributor(author):
        record_outcome(author, page, ReviewOutcome.REVERTED, user, replaced)


def tell_organisers(sender, instance, user=None, **kwargs):
    """A change to a course reaches its organisers (besides the moderators Wagtail emails)."""
    state = _review(instance)
    if state is None:
        return
    course = state.content_object.specific
    if course._meta.label != "courses.CoursePage":
        return
    organisers = [link.user for link in course.organisers.select_related("user")]
    if course.owner is not None and all(person.pk != course.owner_id for person in organisers):
        organisers.append(course.owner)
    others = [person for person in organisers if person.pk != state.requested_by_id]
    if others:
        organiser_ids = [person.pk for person in others]
        transaction.on_commit(lambda: tasks.send_proposal_to_organisers.enqueue(instance.pk, organiser_ids))
