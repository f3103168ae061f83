"""Settings of the learning app, each overridable in Django settings as `LEARNING_<NAME>`.

Read lazily (`conf.LATE_JOIN_DAYS`), so tests and deployments can change them without touching this module.
"""

from django.conf import settings

DEFAULTS = {
    # Learners may still join a round this many days after it started; later they pick the next round.
    "LATE_JOIN_DAYS": 14,
    # Participants and rows of the progress table shown per page to organisers.
    "PARTICIPANTS_PER_PAGE": 50,
    # The dashboard's recent activity: how far back it looks, and how many items it shows.
    "ACTIVITY_DAYS": 30,
    "ACTIVITY_ITEMS": 25,
    # Emails sent per connection while an announcement goes out.
    "ANNOUNCEMENT_BATCH_SIZE": 100,
    # Limits, as (count, seconds), counted in the shared cache so every app server agrees.
    "SIGNUP_LIMIT": (20, 60 * 60),
    "TASK_LIMIT": (240, 60 * 60),
    "FOLLOW_LIMIT": (120, 60 * 60),
    "ANNOUNCEMENT_LIMIT": (10, 24 * 60 * 60),
    # Groups whose members may manage any course's participants (granted `learning.manage_participants`).
    "MODERATOR_GROUPS": ["Moderators"],
}


class LearningSettings:
    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(name)
        return getattr(settings, f"LEARNING_{name}", DEFAULTS[name])


conf = LearningSettings()
