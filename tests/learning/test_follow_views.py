"""Following and unfollowing from the Follow buttons: courses, wiki pages and people."""

import pytest

from learning.models import Follow
from tests.factories import WikiPageFactory


@pytest.fixture
def wiki_page(site_tree):
    return WikiPageFactory(parent=site_tree.wiki, title="Organiser handbook")


def test_follow_and_unfollow_a_course(client, course, lena):
    client.force_login(lena)

    response = client.post(f"/follow/pages/{course.pk}/", {"next": course.url})

    assert response.status_code == 302
    assert response["Location"] == course.url
    assert Follow.is_following(lena, course)
    assert "data-learning-follow-label>Following<" in client.get(course.url).content.decode()

    client.post(f"/follow/pages/{course.pk}/", {"action": "unfollow"})
    assert not Follow.is_following(lena, course)


def test_following_a_wiki_page_and_a_person_in_place(client, wiki_page, lena, omar):
    client.force_login(lena)

    page = client.post(f"/follow/pages/{wiki_page.pk}/", HTTP_ACCEPT="application/json").json()
    person = client.post(f"/follow/people/{omar.pk}/", HTTP_ACCEPT="application/json").json()

    assert (page["ok"], page["following"], page["followers"]) == (True, True, 1)
    assert person["message"] == "You follow Omar Haddad."
    assert Follow.is_following(lena, wiki_page) and Follow.is_following(lena, omar)
    assert "data-learning-follow" in client.get(wiki_page.url).content.decode()


def test_following_yourself_is_refused(client, lena):
    client.force_login(lena)

    response = client.post(f"/follow/people/{lena.pk}/", HTTP_ACCEPT="application/json")

    assert response.status_code == 400
    assert response.json()["message"] == "You can’t follow yourself."
    assert not Follow.objects.exists()


def test_unconfirmed_members_cannot_follow_but_may_unfollow(client, course, lena):
    Follow.follow(lena, course)
    type(lena).objects.filter(pk=lena.pk).update(email_confirmed_at=None)
    client.force_login(lena)

    refused = client.post(f"/follow/pages/{course.pk}/", {"action": "follow"}, HTTP_ACCEPT="application/json")
    client.post(f"/follow/pages/{course.pk}/", {"action": "unfollow"})

    assert refused.status_code == 403
    assert not Follow.objects.exists()


def test_anonymous_visitors_log_in_first(client, course):
    response = client.post(f"/follow/pages/{course.pk}/")

    assert response["Location"].startswith("/accounts/login/")
    assert not Follow.objects.exists()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_next_never_leads_off_the_site(client, course, lena, target):
    client.force_login(lena)

    response = client.post(f"/follow/pages/{course.pk}/", {"next": target})

    assert response["Location"] == course.url


def test_follow_is_post_only_and_needs_a_real_target(client, course, lena):
    client.force_login(lena)

    assert client.get(f"/follow/pages/{course.pk}/").status_code == 405
    assert client.post("/follow/pages/999999/").status_code == 404
    assert client.post("/follow/robots/1/").status_code == 404
    assert not Follow.objects.exists()


def test_unpublished_pages_and_inactive_people_cannot_be_followed(client, course, lena, omar):
    course.unpublish()
    type(omar).objects.filter(pk=omar.pk).update(is_active=False)
    client.force_login(lena)

    assert client.post(f"/follow/pages/{course.pk}/").status_code == 404
    assert client.post(f"/follow/people/{omar.pk}/").status_code == 404


def test_following_is_rate_limited(client, course, lena, settings):
    settings.LEARNING_FOLLOW_LIMIT = (3, 3600)
    client.force_login(lena)
    for _ in range(3):
        client.post(f"/follow/pages/{course.pk}/", {"action": "unfollow"})

    response = client.post(f"/follow/pages/{course.pk}/", HTTP_ACCEPT="application/json")

    assert response.status_code == 429
    assert "too often" in response.json()["message"]
    assert not Follow.objects.exists()
