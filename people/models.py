from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A member of the community: every learner, organiser and moderator."""

    display_name = models.CharField(
        max_length=100, blank=True, help_text="How your name is shown on the site. Leave empty to use your full name."
    )
    bio = models.TextField(blank=True, max_length=1000, help_text="A few words about you, shown on your profile")
    avatar = models.ImageField(upload_to="avatars/%Y/%m/", blank=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    blocked_at = models.DateTimeField(null=True, blank=True, editable=False)
    block_reason = models.CharField(max_length=300, blank=True, editable=False)

    def __str__(self):
        return self.public_name

    def get_absolute_url(self):
        return f"/people/{self.username}/"

    @property
    def public_name(self):
        return self.display_name or self.get_full_name() or self.username

    @property
    def email_confirmed(self):
        return self.email_confirmed_at is not None

    @property
    def is_blocked(self):
        return self.blocked_at is not None

    @property
    def can_participate(self):
        """May write on the site (comment, sign up, edit): signed in, active, email confirmed, not blocked."""
        return self.is_authenticated and self.is_active and self.email_confirmed and not self.is_blocked


def reachable(users):
    """The members of `users` the site may email: active, with a confirmed address, not blocked."""
    return users.filter(is_active=True, email_confirmed_at__isnull=False, blocked_at__isnull=True).exclude(email="")
