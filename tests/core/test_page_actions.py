from django.http import HttpResponse

import pytest

from core import page_actions
from courses.models import CoursePage
from tests.factories import WikiPageFactory
from wiki.models import WikiPage


@pytest.fixture
def echo_action():
    def echo(request, page, rest):
        return HttpResponse(f"{page.title}|{rest}")

    page_actions.register("echo", echo, models=[WikiPage])
    yield
    page_actions._actions.pop((WikiPage, "echo"))


def test_registered_action_answers_under_the_page(client, site_tree, echo_action):
    page = WikiPageFactory(parent=site_tree.wiki, title="Handbook")

    assert client.get(f"{page.url}echo/").content == b"Handbook|"
    assert client.get(f"{page.url}echo/3/7/").content == b"Handbook|3/7/"


def test_a_child_page_wins_over_an_action_of_the_same_name(client, site_tree, echo_action):
    page = WikiPageFactory(parent=site_tree.wiki, title="Handbook")
    WikiPageFactory(parent=page, title="Echo", slug="echo")

    response = client.get(f"{page.url}echo/")

    assert response.status_code == 200
    assert b"<h1" in response.content


def test_unregistered_actions_and_other_page_types_are_404(client, site_tree, make_course, echo_action):
    course = make_course()

    assert client.get(f"{course.url}echo/").status_code == 404
    assert client.get(f"{site_tree.school.url}nothing-here/").status_code == 404
    assert page_actions.lookup(CoursePage(), "echo") is None
