"""What the badges app does when other apps report a change."""

from .awarding import award_for_completion
from .revocation import restore_after_unblock, revoke_for_block


def on_progress_changed(sender, user, course, **kwargs):
    """A learner's completed tasks changed: award any completion badge they have now earned."""
    award_for_completion(user, course)


def on_member_blocked(sender, user, moderator=None, **kwargs):
    revoke_for_block(user, moderator)


def on_member_unblocked(sender, user, moderator=None, **kwargs):
    restore_after_unblock(user)
