"""Fixtures for the learning tests: members who may take part, an organiser, and courses of each kind."""

import datetime

from django.contrib.auth.models import Group

import pytest

from learning.schedule import ensure_first_round

from .factories import member, organise


@pytest.fixture
def lena(db):
    return member("lena", first_name="Lena", last_name="Berg")


@pytest.fixture
def omar(db):
    return member("omar", first_name="Omar", last_name="Haddad")


@pytest.fixture
def priya(db):
    return member("priya", first_name="Priya", last_name="Nair")


@pytest.fixture
def olu(db):
    """The organiser of the courses below."""
    return member("olu", first_name="Olu", last_name="Adeyemi")


@pytest.fixture
def moderator(db):
    """Staff in Wagtail's Moderators group, which learning grants `learning.manage_participants`."""
    user = member("mod", first_name="Mo", last_name="Derator", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def course(make_course, olu):
    """An open course with rounds, three tasks (the second asks for evidence) and Olu as organiser."""
    course = make_course(title="Python study group", slug="python", tasks=3, start_date=datetime.date(2027, 1, 11))
    second = course.tasks.order_by("sort_order")[1]
    second.needs_evidence = True
    second.save()
    organise(course, olu)
    ensure_first_round(course)
    return course


@pytest.fixture
def moderated(make_course, olu):
    course = make_course(
        title="JavaScript for the curious",
        slug="javascript",
        tasks=2,
        signup_status="moderated",
        signup_question="What would you like to build?",
        start_date=datetime.date(2027, 3, 8),
    )
    organise(course, olu)
    ensure_first_round(course)
    return course


@pytest.fixture
def self_paced(make_course, olu):
    course = make_course(title="Webmaking 101", slug="webmaking", tasks=3, self_paced=True, start_date=None)
    organise(course, olu)
    return course
