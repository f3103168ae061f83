"""What learners do together: follow, sign up for rounds, complete tasks, hear announcements, add meetings to calendars."""

import datetime
import hashlib
import json
import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone

from wagtail.fields import StreamField
from wagtail.models import Page

from core.blocks import MeetingBlock

from .conf import conf


class Follow(models.Model):
    """A member following a course, a wiki page or a person, to hear about what happens there."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="unique_follow"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.user} follows {self.content_type.model} {self.object_id}"

    @classmethod
    def _key(cls, target):
        # Pages are followed as Page rows, whatever their specific type, so every page has one key.
        if isinstance(target, Page):
            return ContentType.objects.get_for_model(Page), target.pk
        return ContentType.objects.get_for_model(target), target.pk

    @classmethod
    def follow(cls, user, target):
        content_type, object_id = cls._key(target)
        return cls.objects.get_or_create(user=user, content_type=content_type, object_id=object_id)[0]

    @classmethod
    def unfollow(cls, user, target):
        content_type, object_id = cls._key(target)
        cls.objects.filter(user=user, content_type=content_type, object_id=object_id).delete()

    @classmethod
    def is_following(cls, user, target):
        if not user.is_authenticated:
            return False
        content_type, object_id = cls._key(target)
        return cls.objects.filter(user=user, content_type=content_type, object_id=object_id).exists()

    @classmethod
    def followers_of(cls, target):
        """The members following `target`, as a User queryset."""
        from django.contrib.auth import get_user_model

        content_type, object_id = cls._key(target)
        return get_user_model().objects.filter(follows__content_type=content_type, follows__object_id=object_id)


# Rounds and sign-ups


class Round(models.Model):
    """One run of a course with its own start date and meetings; every round shares the course's content."""

    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=80, blank=True, help_text="Optional, e.g. 'Spring 2027'")
    start_date = models.DateField()
    meetings = StreamField(
        [("meeting", MeetingBlock())],
        blank=True,
        use_json_field=True,
        help_text="Leave empty to follow the course's own meetings, moved to this round's start date",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["course", "number"]
        constraints = [models.UniqueConstraint(fields=["course", "number"], name="unique_round_number")]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return f"Round {self.number}: {self.name}" if self.name else f"Round {self.number}"

    def accepts_signups(self, today=None):
        """Learners may join until `LATE_JOIN_DAYS` after the start; after that they pick a later round."""
        today = today or timezone.localdate()
        return self.start_date >= today - datetime.timedelta(days=conf.LATE_JOIN_DAYS)


class SignupQuerySet(models.QuerySet):
    def taking_part(self):
        """Participants who hold a place: active, and not blocked (a block frees the place until it is undone)."""
        return self.filter(status=Signup.Status.ACTIVE, user__blocked_at__isnull=True)

    def current(self):
        """Sign-ups still in play: taking part, waiting for a place, or waiting for the organisers' answer."""
        return self.filter(status__in=Signup.CURRENT)

    def in_group(self, course, round):
        """The sign-ups that share places: one round of a course, or its self-paced learners (round None)."""
        return self.filter(course=course, round=round)


class Signup(models.Model):
    """A member's place in a course: applied, waiting for a place, taking part, declined, removed or left."""

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting the organisers’ answer"
        WAITING = "waiting", "On the waiting list"
        ACTIVE = "active", "Taking part"
        DECLINED = "declined", "Declined by the organisers"
        REMOVED = "removed", "Removed by the organisers"
        LEFT = "left", "Left"

    CURRENT = (Status.PENDING, Status.WAITING, Status.ACTIVE)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signups")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="signups")
    round = models.ForeignKey(
        Round,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signups",
        help_text="Empty: working through the course at their own pace",
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    answer = models.TextField(blank=True, max_length=2000, help_text="The learner's answer to the sign-up question")
    decision_note = models.TextField(blank=True, max_length=1000, help_text="What the organisers told the learner")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now, help_text="Also the waiting list's order")
    joined_at = models.DateTimeField(null=True, blank=True, help_text="When they last got a place")
    announcements_muted = models.BooleanField(default=False, help_text="Unsubscribed from this course's emails")

    objects = SignupQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_signup")]
        indexes = [
            models.Index(fields=["course", "status", "round"]),
            models.Index(fields=["user", "status"]),
        ]
        permissions = [("manage_participants", "Can manage the participants of any course")]

    def __str__(self):
        return f"{self.user} in {self.course_id}: {self.status}"

    @property
    def is_current(self):
        return self.status in self.CURRENT

    @property
    def group_label(self):
        return self.round.label if self.round_id else "At their own pace"


# Tasks


def task_content(task):
    """What a learner sees of a task: its title, its instructions (as stored) and whether it needs evidence."""
    return {
        "title": task.title,
        "instructions": [{"type": block["type"], "value": block["value"]} for block in task.instructions.raw_data],
        "needs_evidence": task.needs_evidence,
    }


def fingerprint(content):
    """A short digest of `task_content()`: equal digests mean the learner saw what the task says now."""
    return hashlib.sha256(json.dumps(content, sort_keys=True, cls=DjangoJSONEncoder).encode()).hexdigest()


def task_fingerprint(task):
    return fingerprint(task_content(task))


web_url_validator = URLValidator(schemes=["http", "https"], message="Give a web address starting with https://")


class TaskCompletion(models.Model):
    """A learner's record that they did a task, with what the task said when they did it.

    `course` repeats `task.page` so progress over many courses is one query. The snapshot (`task_title`,
    `task_instructions`, `task_fingerprint`, `revision`) is taken on save when missing, so a task edited after
    completion can be told apart from the version the learner worked on.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="task_completions")
    task = models.ForeignKey("courses.CourseTask", on_delete=models.CASCADE, related_name="completions")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="task_completions")
    completed_at = models.DateTimeField(default=timezone.now)
    evidence_url = models.URLField(
        max_length=500, blank=True, validators=[web_url_validator], help_text="A link to what the learner made"
    )
    task_title = models.CharField(max_length=200, blank=True, help_text="The task's title as the learner saw it")
    task_instructions = models.JSONField(default=list, blank=True, help_text="The instructions as the learner saw them")
    task_fingerprint = models.CharField(max_length=64, blank=True, help_text="Digest of the task as the learner saw it")
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The course's live revision when the task was completed",
    )

    class Meta:
        ordering = ["completed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "task"], name="unique_task_completion")]
        indexes = [models.Index(fields=["course", "user"])]

    def __str__(self):
        return f"{self.user} completed {self.task_title or self.task_id}"

    def save(self, *args, **kwargs):
        if not self.course_id:
            self.course_id = self.task.page_id
        if not self.task_fingerprint:
            self.take_snapshot()
        super().save(*args, **kwargs)

    def take_snapshot(self):
        """Remember the task as it is now (the learner has just seen it)."""
        content = task_content(self.task)
        self.task_title = content["title"]
        self.task_instructions = content["instructions"]
        self.task_fingerprint = fingerprint(content)
        self.revision_id = (
            Page.objects.filter(pk=self.course_id).values_list("live_revision_id", flat=True).first()
            if self.course_id
            else None
        )

    def task_changed(self, task):
        """Has `task` (the same task, as it is now) changed since the learner completed it?"""
        return bool(self.task_fingerprint) and task_fingerprint(task) != self.task_fingerprint


# Announcements


class Announcement(models.Model):
    """An email from a course's organisers to the participants of one round (or all), archived on the course page."""

    class Status(models.TextChoices):
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Some emails failed"

    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="announcements")
    round = models.ForeignKey(
        Round,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="announcements",
        help_text="Empty: every participant of the course",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    subject = models.CharField(max_length=150)
    body = models.TextField(max_length=10_000, help_text="Plain text; blank lines make paragraphs, links work")
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENDING)
    recipient_count = models.PositiveIntegerField(default=0, help_text="Participants it was addressed to")
    sent_count = models.PositiveIntegerField(default=0, help_text="Emails handed to the mail server so far")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["course", "-created_at"])]

    def __str__(self):
        return self.subject

    @property
    def audience_label(self):
        return self.round.label if self.round_id else "Everyone taking part"


class AnnouncementDelivery(models.Model):
    """One participant's copy of an announcement, so a retried sending never emails anyone twice."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["announcement", "user"], name="unique_announcement_delivery")]

    def __str__(self):
        return f"{self.announcement} to {self.user}"


# Calendars


def new_calendar_token():
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A member's private iCalendar address for the meetings of all their courses; replacing it revokes the old one."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar of {self.user}"

    def renew(self):
        self.token = new_calendar_token()
        self.created_at = timezone.now()
        self.save(update_fields=["token", "created_at"])
