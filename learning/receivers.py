"""What learning does when other parts of the site change: publishing a course, blocks, migrations."""

from core.permissions import grant_to_groups

from .conf import conf
from .models import Signup
from .schedule import ensure_first_round
from .signups import fill_free_places


def course_published(sender, instance, **kwargs):
    """Round 1 follows the course's start date, and places added by a bigger capacity go to the waiting list."""
    ensure_first_round(instance)
    fill_free_places(instance)


def places_after_block(sender, user, **kwargs):
    """A blocked member's places are free until the block is undone: move the waiting lists of their courses up.

    Nothing is deleted, so unblocking gives them their place back (the group may then be over capacity for a
    while, which organisers see in the participants list).
    """
    courses = {signup.course for signup in Signup.objects.filter(user=user).select_related("course")}
    for course in courses:
        fill_free_places(course)


def grant_manage_permission(sender, using="default", **kwargs):
    """Give the moderator groups `learning.manage_participants` after each migrate."""
    grant_to_groups(sender, "manage_participants", conf.MODERATOR_GROUPS, using)
