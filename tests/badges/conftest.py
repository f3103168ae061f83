from types import SimpleNamespace

import pytest

from badges.models import EarningPath
from tests.factories import CourseOrganiserFactory

from .factories import AssertionFactory, BadgeFactory, MemberFactory


@pytest.fixture
def badge_world(make_course):
    """One course with three tasks and an organiser, and a badge of each kind on it."""
    organiser = MemberFactory(username="olu", first_name="Olu", last_name="Adeyemi")
    course = make_course(title="Web Literacy", slug="web-literacy", tasks=3)
    CourseOrganiserFactory(page=course, user=organiser)
    return SimpleNamespace(
        course=course,
        organiser=organiser,
        learner=MemberFactory(username="lena", first_name="Lena", last_name="Berg", email="Lena.Berg@Example.org"),
        completion=BadgeFactory(name="Web Literate", slug="web-literate", courses=[course]),
        peer=BadgeFactory(
            name="Webmaker",
            slug="webmaker",
            earned_by=EarningPath.PEER_ASSESSMENT,
            colour="coral",
            min_reviews=2,
            min_average_rating=3.5,
            courses=[course],
        ),
        award=BadgeFactory(
            name="Great Facilitator",
            slug="great-facilitator",
            earned_by=EarningPath.ORGANISER_AWARD,
            colour="indigo",
            courses=[course],
        ),
    )


@pytest.fixture
def holder_of(badge_world):
    """A member holding `badge` (so they may review it)."""

    def make(badge, **fields):
        return AssertionFactory(badge=badge, **fields).recipient

    return make
