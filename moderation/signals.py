"""Signals other apps listen to when a moderator blocks or unblocks a member."""

from django.dispatch import Signal

# Sent after a member is blocked as a spammer (their account deactivated, content rolled back).
# Receivers hide or revoke what depended on the member (comments, badges) and must be undoable.
# Arguments: sender=User class, user (the blocked member), moderator.
member_blocked = Signal()

# Sent after a block is undone; receivers restore what they hid or revoked for that block.
# Arguments: sender=User class, user, moderator.
member_unblocked = Signal()
