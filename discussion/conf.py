"""Settings of the discussion app, each overridable in Django settings as `DISCUSSION_<NAME>`.

Read lazily (`conf.MAX_LENGTH`), so tests and deployments can change them without a restart of the module.
"""

from django.conf import settings

DEFAULTS = {
    # Longest comment, in characters of Markdown source.
    "MAX_LENGTH": 5000,
    # More links than this in one comment is refused as probable spam.
    "MAX_LINKS": 10,
    # Authors may edit a comment for this many seconds after posting it (deleting has no time limit).
    "EDIT_WINDOW": 60 * 60,
    # A comment is hidden after this many members flag it, until a moderator removes or restores it.
    "AUTO_HIDE_FLAGS": 3,
    # The same text from the same member on the same page within this many seconds is refused as a duplicate.
    "DUPLICATE_WINDOW": 24 * 60 * 60,
    # Threads shown per page of a discussion.
    "THREADS_PER_PAGE": 20,
    # Posting limits, as (count, seconds) pairs, counted in the shared cache so every app server agrees.
    "POST_LIMITS_PER_USER": [(6, 60), (40, 60 * 60)],
    "POST_LIMITS_PER_IP": [(12, 60), (100, 60 * 60)],
    # Likes, flags, edits, deletions and accepted answers share these, more generous, limits.
    "ACTION_LIMITS_PER_USER": [(60, 60), (400, 60 * 60)],
    "ACTION_LIMITS_PER_IP": [(120, 60)],
    # Groups whose members moderate comments (granted `discussion.moderate_comment` after each migrate).
    "MODERATOR_GROUPS": ["Moderators"],
}


class DiscussionSettings:
    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(name)
        return getattr(settings, f"DISCUSSION_{name}", DEFAULTS[name])

    @property
    def MAX_DEPTH(self):  # noqa: N802 — read like the other settings
        """Deepest reply level (the top-level comment is level 0): django-comments-xtd's thread level."""
        return settings.COMMENTS_XTD_MAX_THREAD_LEVEL


conf = DiscussionSettings()
