"""What the discussion does when other parts of the site change: blocks, and migrations (moderators' permission)."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.dispatch import receiver

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


def grant_moderation_permission(sender, using="default", apps=None, **kwargs):
    """Give the moderator groups `discussion.moderate_comment`, so nobody has to tick it by hand after deploying."""
    create_permissions(sender, verbosity=0, using=using)
    permission = (
        Permission.objects.using(using)
        .filter(content_type__app_label="discussion", codename="moderate_comment")
        .first()
    )
    if permission is None:
        return
    for group in Group.objects.using(using).filter(name__in=conf.MODERATOR_GROUPS):
        group.permissions.add(permission)
