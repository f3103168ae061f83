from django.conf import settings
from django.db import models
from django.utils import timezone

from wagtail.models import GroupApprovalTask, TaskState

from . import roles
from .permissions import is_organiser, organised_course_ids, page_is


def proposals_to(user, task_states=None):
    """Changes others submitted to the courses `user` organises, still waiting for a decision."""
    task_states = TaskState.objects.all() if task_states is None else task_states
    course_ids = [str(pk) for pk in organised_course_ids(user)]
    return task_states.filter(status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id__in=course_ids).exclude(
        workflow_state__requested_by=user
    )


REVIEW_ACTIONS = [
    ("reject", "Request changes", True),
    ("approve", "Approve", False),
    ("approve", "Approve with comment", True),
]


class StaffReviewTask(GroupApprovalTask):
    """The "Staff review" step: moderators decide, and a course's trusted organisers decide on others' proposals.

    Organisers never decide on a change they submitted themselves; untrusted organisers are told about proposals
    but leave the decision to the moderators, since they could not publish their own changes either.
    """

    def organiser_may_review(self, obj, user):
        if not (roles.is_trusted(user) and page_is(obj, "courses.CoursePage")):
            return False
        state = obj.current_workflow_state
        if state is not None and state.requested_by_id == user.pk:
            return False
        return is_organiser(user, obj)

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) or self.organiser_may_review(obj, user)

    def locked_for_user(self, obj, user):
        return super().locked_for_user(obj, user) and not self.organiser_may_review(obj, user)

    def user_can_lock(self, obj, user):
        return super().user_can_lock(obj, user) or self.organiser_may_review(obj, user)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions and self.organiser_may_review(obj, user):
            return list(REVIEW_ACTIONS)
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if user.is_superuser or self._user_in_groups(user) or not roles.is_trusted(user):
            return super().get_task_states_user_can_moderate(user, **kwargs)
        return proposals_to(user, self.task_states.all())

    @classmethod
    def get_description(cls):
        return "Moderators approve or send back changes; a course's trusted organisers may decide on others' proposals"

    class Meta:
        verbose_name = "staff review task"
        verbose_name_plural = "staff review tasks"


class Contributor(models.Model):
    """A member who has accepted the contributor guidelines, and from when their reviews count toward trust."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="contributor"
    )
    guidelines_accepted_at = models.DateTimeField(default=timezone.now)
    # Reviews before this moment don't count toward (or against) trust: moved on by a moderator's manual decision.
    trust_counted_since = models.DateTimeField(default=timezone.now)

    class Meta:
        permissions = [("set_trust_level", "Can promote and demote contributors")]

    def __str__(self):
        return str(self.user)


class ReviewOutcome(models.Model):
    """One decision on a member's change: approved, sent back for changes, or reverted after it was published."""

    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    REVERTED = "reverted"
    OUTCOMES = [(APPROVED, "Approved"), (CHANGES_REQUESTED, "Changes requested"), (REVERTED, "Reverted")]

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_outcomes")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=20, choices=OUTCOMES)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        indexes = [models.Index(fields=["member", "-decided_at"])]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.member} on page {self.page_id}"

    @property
    def is_negative(self):
        return self.outcome != self.APPROVED


class Block(models.Model):
    """A moderator's block of a spammer, recording what it rolled back so that it can be undone."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="blocks_made"
    )
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    # {"unpublished": [{"page", "revision"}], "reverted": [{"page", "replaced", "restored", "new"}], "cancelled": [...]}
    rollback = models.JSONField(default=dict, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("block_member", "Can block members and roll back their changes")]

    def __str__(self):
        return f"Block of {self.member} on {self.created_at:%Y-%m-%d}"

    @property
    def is_active(self):
        return self.undone_at is None
