"""/courses/: filters, ordering and pagination, and what happens with bad input."""

import pytest
from bs4 import BeautifulSoup

from courses.models import CourseKind
from tests.factories import SchoolPageFactory


def titles(response):
    return [a.text for a in BeautifulSoup(response.content, "html.parser").select(".course-card__title a")]


@pytest.fixture
def catalogue(site_tree, make_course):
    open_school = SchoolPageFactory(parent=site_tree.schools, title="School of Open", slug="open")
    study_group = CourseKind.objects.get(slug="study-group")
    make_course(title="Python", kind=study_group, language="en")
    make_course(title="Cyberpunk", language="en", signup_status="closed")
    make_course(school=open_school, title="Licences", language="es")
    make_course(school=open_school, title="Contributing", kind=study_group, language="en", signup_status="moderated")
    return site_tree


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Python", "Cyberpunk", "Licences", "Contributing"}),
        ("?school=open", {"Licences", "Contributing"}),
        ("?kind=study-group", {"Python", "Contributing"}),
        ("?language=es", {"Licences"}),
        ("?open=on", {"Python", "Licences", "Contributing"}),
        ("?school=webcraft&kind=study-group&open=on", {"Python"}),
        ("?school=open&language=fr", {"Licences", "Contributing"}),  # a language nobody uses is ignored
    ],
)
def test_filters(client, catalogue, query, expected):
    response = client.get(f"/courses/{query}")

    assert response.status_code == 200
    assert set(titles(response)) == expected


@pytest.mark.parametrize(
    "query",
    ["?school=atlantis", "?kind=%00", "?language=<script>", "?sort=sideways", "?page=abc", "?page=999", "?page=-1"],
)
def test_bad_input_gives_a_normal_page(client, catalogue, query):
    response = client.get(f"/courses/{query}")

    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert b"<script>" not in response.content.split(b"<main")[1]


def test_unknown_filter_value_is_reported_on_its_field(client, catalogue):
    response = client.get("/courses/?school=atlantis")

    html = BeautifulSoup(response.content, "html.parser")
    assert "The filter was ignored." in html.select_one(".field--error").text


def test_sort_orders(client, catalogue):
    assert titles(client.get("/courses/?sort=title")) == ["Contributing", "Cyberpunk", "Licences", "Python"]


def test_pagination(client, site_tree, make_course):
    for number in range(15):
        make_course(title=f"Course {number:02d}")

    first = client.get("/courses/?sort=title")
    second = client.get("/courses/?sort=title&page=2")
    beyond = client.get("/courses/?sort=title&page=99")

    assert titles(first) == [f"Course {n:02d}" for n in range(12)]
    assert titles(second) == ["Course 12", "Course 13", "Course 14"]
    assert titles(beyond) == titles(second)
    html = BeautifulSoup(first.content, "html.parser")
    assert html.select_one(".pagination a[rel=next]")["href"] == "?sort=title&page=2"
    assert "Page 1 of 2" in html.select_one(".pagination").text


def test_drafts_are_not_listed(client, site_tree, make_course):
    make_course(title="Published")
    make_course(title="Draft", live=False)

    assert titles(client.get("/courses/")) == ["Published"]
