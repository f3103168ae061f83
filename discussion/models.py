"""Threaded comments under pages, built on django-comments-xtd's threading and django-contrib-comments' flags.

Who sees a comment (the rule search and every listing rely on, see `visible_comments()`):
a comment is visible when it is public (`is_public`: not hidden by flags awaiting a moderator, nor by its author's
block), not removed by a moderator (`is_removed`), not deleted by its author (`deleted_at`), and on a live page
outside any private section. Hidden, removed and deleted comments stay in the database (replies keep their place
under them) and are shown as a short placeholder where they have visible replies.

Every change of text or visibility goes through `Comment.save()` and sends `discussion.signals.comment_changed`,
so an index can follow along; likes alone are counted with a queryset update.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.models import Page

from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from .conf import conf
from .rendering import normalised, plain_text, render_markdown
from .signals import comment_changed

LIKE = LIKEDIT_FLAG
FLAG = CommentFlag.SUGGEST_REMOVAL


def page_content_type():
    """Comments hang on the base Page type, so a page has one key whatever its specific class."""
    return ContentType.objects.get_for_model(Page)


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """Comments anyone may read: public, not removed by a moderator, not deleted by their author."""
        return self.filter(is_public=True, is_removed=False, deleted_at__isnull=True)

    def on_public_pages(self):
        """Comments on live pages outside any private (view-restricted) section."""
        return self.filter(page__in=Page.objects.live().public().values("pk"))

    def on(self, page):
        return self.filter(page_id=page.pk)

    def needing_decision(self):
        """The moderation queue: hidden by flags, or flagged and still shown."""
        return self.filter(is_removed=False, deleted_at__isnull=True, flag_count__gt=0)


def visible_comments():
    """Exactly the comments a visitor may see, on any page: the contract search and listings build on.

    Public (not hidden by flags or by a block), not removed, not deleted by the author, on a live public page.
    """
    return Comment.objects.visible().on_public_pages().select_related("user", "page")


class Comment(XtdComment):
    """A comment or reply under a course, school or wiki page; in a Q&A course, a question or an answer."""

    xtdcomment_ptr = models.OneToOneField(
        XtdComment, on_delete=models.CASCADE, parent_link=True, primary_key=True, related_name="discussion_comment"
    )
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="discussion_comments")
    body_html = models.TextField(blank=True, editable=False, help_text="The Markdown source rendered and sanitised")
    text_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True, help_text="Deleted by its author: the text is gone")
    hidden_by_flags = models.BooleanField(default=False, help_text="Hidden after too many flags, until a decision")
    hidden_by_block = models.BooleanField(default=False, help_text="Hidden because its author is blocked")
    flag_count = models.PositiveIntegerField(default=0, db_index=True, help_text="Flags since the last decision")
    like_count = models.PositiveIntegerField(default=0)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_answer = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="On a question in a Q&A course: the answer its asker or an organiser accepted",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["thread_id", "order"]
        permissions = [("moderate_comment", "Can moderate discussion comments")]

    def __str__(self):
        return f"{self.author_name} on {self.page.title}: {self.excerpt}"

    def get_absolute_url(self):
        return reverse("discussion:comment", args=[self.pk])

    # Posting and changing

    @classmethod
    def post(cls, *, page, user, text, parent=None, ip_address=None):
        """Store a new comment (a reply when `parent` is given); the caller has checked permission and limits."""
        comment = cls(
            page=page,
            content_type=page_content_type(),
            object_pk=str(page.pk),
            site_id=settings.SITE_ID,
            user=user,
            user_name=user.get_username()[:50],
            submit_date=timezone.now(),
            ip_address=ip_address,
            parent_id=parent.pk if parent else 0,
            followup=True,
        )
        comment.set_text(text)
        with transaction.atomic():
            if parent:
                # Replies in one thread renumber its `order`: take them one at a time.
                list(XtdComment.norel_objects.select_for_update().filter(pk=parent.thread_id).values("pk"))
            comment.save()
        comment_changed.send(sender=cls, comment=comment, change="posted")
        return comment

    def set_text(self, text):
        self.comment = text
        self.body_html = render_markdown(text)
        self.text_hash = self.hash_text(text)

    @staticmethod
    def hash_text(text):
        return hashlib.sha256(normalised(text).encode()).hexdigest()

    def edit(self, text):
        self.set_text(text)
        self.edited_at = timezone.now()
        self._save_and_announce("edited")

    def delete_by_author(self):
        """Blank the text and keep the comment in its place, so replies under it still make sense."""
        self.comment = ""
        self.body_html = ""
        self.text_hash = ""
        self.deleted_at = timezone.now()
        with transaction.atomic():
            Comment.objects.filter(accepted_answer=self).update(accepted_answer=None)
            self._save_and_announce("deleted")

    def remove(self, moderator):
        self.is_removed = True
        self.hidden_by_flags = False
        self._decided_by(moderator)
        self._save_and_announce("removed")

    def restore(self, moderator):
        """A moderator's decision to show the comment: flags so far are dismissed."""
        self.is_removed = False
        self.hidden_by_flags = False
        self.flag_count = 0
        self._decided_by(moderator)
        self._save_and_announce("restored")

    def hide_for_block(self):
        self.hidden_by_block = True
        self._save_and_announce("hidden")

    def unhide_after_block(self):
        self.hidden_by_block = False
        self._save_and_announce("unhidden")

    def add_flag(self, user):
        """Record `user`'s flag; hide the comment once enough members flagged it. False if they already had."""
        with transaction.atomic():
            flag, created = CommentFlag.objects.get_or_create(comment=self, user=user, flag=FLAG)
            if not created:
                return False
            flags = CommentFlag.objects.filter(comment=self, flag=FLAG)
            if self.moderated_at:
                flags = flags.filter(flag_date__gt=self.moderated_at)
            self.flag_count = flags.count()
            hide = self.flag_count >= conf.AUTO_HIDE_FLAGS and not self.is_removed and not self.hidden_by_flags
            if hide:
                self.hidden_by_flags = True
            self._save_and_announce("hidden" if hide else "flagged")
        return True

    def toggle_like(self, user):
        """Like, or take the like back; returns whether `user` now likes it."""
        with transaction.atomic():
            flag, created = CommentFlag.objects.get_or_create(comment=self, user=user, flag=LIKE)
            if not created:
                flag.delete()
            self.like_count = CommentFlag.objects.filter(comment=self, flag=LIKE).count()
            Comment.objects.filter(pk=self.pk).update(like_count=self.like_count)
        return created

    def accept(self, answer):
        """Mark `answer` (a direct reply to this question) as accepted; None takes the mark away."""
        self.accepted_answer = answer
        self.save(update_fields=["accepted_answer"])

    def _decided_by(self, moderator):
        self.moderated_at = timezone.now()
        self.moderated_by = moderator

    def _save_and_announce(self, change):
        self.save()
        comment_changed.send(sender=Comment, comment=self, change=change)

    def save(self, *args, **kwargs):
        # `is_public` keeps django-contrib-comments' meaning: shown unless something hides it for now.
        self.is_public = not (self.hidden_by_flags or self.hidden_by_block)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"hidden_by_flags", "hidden_by_block"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "is_public"}
        super().save(*args, **kwargs)

    # State

    @property
    def is_visible(self):
        return self.is_public and not self.is_removed and not self.deleted_at

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def status(self):
        """One word for moderators: deleted, removed, hidden-by-block, hidden-by-flags, flagged or visible."""
        if self.deleted_at:
            return "deleted"
        if self.is_removed:
            return "removed"
        if self.hidden_by_block:
            return "hidden-by-block"
        if self.hidden_by_flags:
            return "hidden-by-flags"
        if self.flag_count:
            return "flagged"
        return "visible"

    @property
    def is_reply(self):
        return self.level > 0

    @property
    def is_root(self):
        return self.level == 0

    @property
    def can_have_replies(self):
        return self.level < conf.MAX_DEPTH

    @property
    def editable_until(self):
        return self.submit_date + timedelta(seconds=conf.EDIT_WINDOW)

    def can_edit(self, user):
        return (
            user.is_authenticated
            and user.pk == self.user_id
            and user.can_participate
            and self.is_visible
            and timezone.now() <= self.editable_until
        )

    def can_delete(self, user):
        return user.is_authenticated and user.pk == self.user_id and user.is_active and not self.is_deleted

    @cached_property
    def author_name(self):
        if self.user_id and self.user:
            return self.user.public_name
        return self.user_name or "A former member"

    @property
    def excerpt(self):
        text = plain_text(self.comment) if self.comment else "[deleted]"
        return text if len(text) <= 80 else text[:79].rstrip() + "…"


class NotificationSettings(models.Model):
    """A member's choice of discussion emails (everything is on until they turn it off)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_settings")
    thread_replies = models.BooleanField(
        "Replies in threads I have posted in",
        default=True,
        help_text="An email when someone replies in a conversation you took part in",
    )
    followed_pages = models.BooleanField(
        "New comments on pages I follow",
        default=True,
        help_text="An email for each new comment on the courses and wiki pages you follow",
    )

    class Meta:
        verbose_name = "discussion email settings"
        verbose_name_plural = "discussion email settings"

    def __str__(self):
        return f"Discussion emails for {self.user}"

    @classmethod
    def for_user(cls, user):
        """The member's settings, or the defaults (unsaved) if they never changed them."""
        return cls.objects.filter(user=user).first() or cls(user=user)


class Mute(models.Model):
    """A member's 'stop emailing me about this': one thread of a page, or (thread 0) the page's whole discussion."""

    WHOLE_PAGE = 0

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_mutes")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    thread_id = models.PositiveIntegerField(default=WHOLE_PAGE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "page", "thread_id"], name="unique_discussion_mute")]

    def __str__(self):
        what = "the whole discussion" if self.thread_id == self.WHOLE_PAGE else f"thread {self.thread_id}"
        return f"{self.user} muted {what} on {self.page}"
