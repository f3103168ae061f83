"""Signals other apps (search, above all) listen to when the discussion changes."""

from django.dispatch import Signal

# Sent after a comment was stored or changed.
# Arguments: sender=Comment class, comment, change: one of "posted", "edited", "deleted" (by its author),
# "flagged", "hidden" (by flags or a block), "unhidden", "removed", "restored" (by a moderator).
# Whether the comment may be shown now: `discussion.models.visible_comments().filter(pk=comment.pk).exists()`.
comment_changed = Signal()
