"""Fixtures for the discussion tests: members who may post, a moderator, pages with discussions."""

from django.contrib.auth.models import Group

import pytest

from tests.factories import WikiPageFactory

from .factories import confirmed, post


@pytest.fixture
def ada(db):
    return confirmed("ada", first_name="Ada", last_name="Okafor")


@pytest.fixture
def bruno(db):
    return confirmed("bruno", first_name="Bruno", last_name="Lima")


@pytest.fixture
def chen(db):
    return confirmed("chen", first_name="Chen", last_name="Wei")


@pytest.fixture
def moderator(db):
    """A member of Wagtail's Moderators group, which the discussion grants its moderation permission to."""
    user = confirmed("mod", first_name="Mo", last_name="Derator", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def course(make_course):
    return make_course(title="Python study group", slug="python-study-group")


@pytest.fixture
def qa_course(make_course, ada):
    """A course in Q&A mode organised by Ada."""
    from tests.factories import CourseOrganiserFactory

    course = make_course(title="Statistics with R", slug="statistics-with-r", discussion_mode="questions")
    CourseOrganiserFactory(page=course, user=ada)
    return course


@pytest.fixture
def wiki_page(site_tree):
    return WikiPageFactory(parent=site_tree.wiki, title="Facilitation tips", slug="facilitation-tips")


@pytest.fixture
def thread(course, ada, bruno, chen):
    """Ada asks, Bruno replies, Chen replies to Bruno."""
    root = post(course, ada, "How do I install Python on Windows?")
    reply = post(course, bruno, "Use the installer from python.org and tick *Add to PATH*.", parent=root)
    nested = post(course, chen, "And restart the terminal afterwards!", parent=reply)
    return root, reply, nested
