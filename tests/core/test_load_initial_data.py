from io import StringIO

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision

import pytest

from courses.models import CoursePage, CourseTask
from people.models import User
from schools.models import SchoolPage
from wiki.models import WikiPage


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": User.objects.count(),
        "tasks": CourseTask.objects.count(),
    }


@pytest.mark.django_db
def test_demo_content_is_complete_and_a_second_run_changes_nothing(settings):
    settings.DEBUG = True
    first_output = StringIO()
    call_command("load_initial_data", stdout=first_output)
    after_first = counts()

    second_output = StringIO()
    call_command("load_initial_data", stdout=second_output)

    assert counts() == after_first
    assert "nothing to do" in second_output.getvalue()
    assert SchoolPage.objects.live().count() >= 4
    courses = CoursePage.objects.live()
    assert courses.count() >= 12
    assert {course.kind.slug for course in courses} == {"course", "study-group", "challenge"}
    python = courses.get(slug="gentle-introduction-to-python")
    assert python.tasks.count() >= 6
    assert any(block.block_type == "meeting" and block.value["recurrence"] == "weekly" for block in python.body)
    titles = " ".join(courses.values_list("title", flat=True)).lower()
    assert "cyberpunk" in titles
    assert "psychology" in titles
    assert "introduction to contributing" in titles
    assert WikiPage.objects.live().count() >= 6
    assert WikiPage.objects.filter(depth__gt=4).exists(), "some wiki pages are nested"
    assert all(course.cover_image_id for course in courses)
    for username in ("admin", "moderator", "contributor", "learner"):
        assert User.objects.get(username=username).check_password("changeme")
    assert User.objects.get(username="admin").is_superuser
    assert "admin, moderator, contributor, learner" in first_output.getvalue()


@pytest.mark.django_db
def test_no_demo_accounts_without_debug(settings):
    settings.DEBUG = False

    call_command("load_initial_data", stdout=StringIO())

    assert not User.objects.filter(username__in=["admin", "moderator", "contributor", "learner"]).exists()
