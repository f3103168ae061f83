from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A member of the community: every learner, organiser and moderator."""

    display_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="How your name is shown on the site. Leave empty to use your full name.",
    )

    def __str__(self):
        return self.public_name

    @property
    def public_name(self):
        return self.display_name or self.get_full_name() or self.username
