"""Building learning data in tests: members who may take part, and the same services the views call."""

from django.utils import timezone

from learning import signups
from learning.models import Signup
from tests.factories import CourseOrganiserFactory, UserFactory


def member(username, **fields):
    """A member with a confirmed email address, who may sign up and mark tasks done."""
    return UserFactory(username=username, email_confirmed_at=timezone.now(), **fields)


def organise(course, user):
    CourseOrganiserFactory(page=course, user=user)
    course.__dict__.pop("_learning_organiser_ids", None)
    return user


def taking_part(course, user, round=None):
    """`user` holds a place in `course` (in `round`, or the course's first round if it has rounds)."""
    if round is None and not course.self_paced:
        round = course.rounds.order_by("number").first()
    signup = signups.join(user, course, round)
    assert signup.status == Signup.Status.ACTIVE
    return signup
