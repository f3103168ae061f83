"""Signals other apps listen to about members' accounts."""

from django.dispatch import Signal

# Sent after someone creates an account through the sign-up form (the moderation app gives them the Learner role).
# Arguments: sender=User class, user, request.
member_signed_up = Signal()

# Sent after a member confirms an email address (their first, or a new one they changed to).
# Arguments: sender=User class, user.
email_confirmed = Signal()
