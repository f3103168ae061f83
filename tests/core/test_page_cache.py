"""Anonymous pages are cacheable by shared caches; anything personal never is."""

import pytest

from tests.factories import UserFactory


def test_anonymous_page_views_are_public(client, make_course, settings):
    settings.PUBLIC_CACHE_SECONDS = 120
    course = make_course()

    for url in ("/", course.url, "/courses/?kind=course", "/no-such-page/"):
        response = client.get(url)
        assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=120"}, url
        assert "Cookie" in response["Vary"]


def test_signed_in_members_get_private_pages(client, make_course):
    course = make_course()
    client.force_login(UserFactory())

    response = client.get(course.url)

    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_pages_that_set_a_cookie_are_not_public(client, site_tree):
    response = client.get("/accounts/login/")  # its form sets the CSRF cookie

    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_posts_and_views_with_their_own_policy_are_left_alone(client):
    assert "public" not in client.post("/search/", {"q": "x"}).get("Cache-Control", "")
    assert client.get("/search/suggestions/?q=pyth")["Cache-Control"] == "private, max-age=60"


def test_a_visitor_with_a_session_gets_private_pages(client, site_tree):
    from wagtail.models import PageViewRestriction

    from tests.factories import WikiPageFactory

    page = WikiPageFactory(parent=site_tree.wiki)
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="open sesame")
    session = client.session
    session["unlocked"] = True
    session.save()

    response = client.get(page.url)

    assert "public" not in response["Cache-Control"]
