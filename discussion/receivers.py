"""What the discussion does when other parts of the site change: blocks, and migrations (moderators' permission)."""

from django.dispatch import receiver

from core.permissions import grant_to_groups
from moderation.signals import member_blocked, member_unblocked

from .conf import conf
from .models import Comment


@receiver(member_blocked)
def hide_comments_of_blocked_member(sender, user, **kwargs):
    for comment in Comment.objects.filter(user=user, hidden_by_block=False, deleted_at__isnull=True):
        comment.hide_for_block()


@receiver(member_unblocked)
def show_comments_of_unblocked_member(sender, user, **kwargs):
    """Only what the block hid comes back: comments removed or hidden by flags stay as moderators left them."""
    for comment in Comment.objects.filter(user=user, hidden_by_block=True):
        comment.unhide_after_block()


def grant_moderation_permission(sender, using="default", **kwargs):
    """Give the moderator groups `discussion.moderate_comment` after each migrate."""
    grant_to_groups(sender, "moderate_comment", conf.MODERATOR_GROUPS, using)
