"""Who may post, edit, delete, like, flag, accept and remove: checked on the server, with nothing changed on refusal."""

from django.test import Client
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from discussion.models import Comment
from tests.factories import UserFactory

from .factories import post


def post_url(page):
    return f"/discussion/pages/{page.pk}/comments/"


def test_visitors_are_asked_to_log_in_and_cannot_post(client, course, thread):
    page = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert page.select_one("#discussion form.discussion-form") is None
    login = page.select_one(".discussion__notice a")
    assert login.get_text() == "Log in"
    assert login["href"] == f"/accounts/login/?next={course.url}%23discussion"
    assert not page.select("#discussion .comment__actions a[href$='/reply/']")

    response = client.post(post_url(course), {"text": "Anonymous"})

    assert response.status_code == 403
    assert "Log in to join the discussion." in response.content.decode()
    assert Comment.objects.count() == 3


def test_an_unconfirmed_member_is_told_to_confirm_their_email(client, course):
    member = UserFactory(username="newbie", email_confirmed_at=None)
    client.force_login(member)

    page = client.get(course.url).content.decode()
    response = client.post(post_url(course), {"text": "Hello"})

    assert "Confirm your email address to join the discussion" in page
    assert response.status_code == 403
    assert "Confirm your email address" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_blocked_member_cannot_post(client, course):
    member = UserFactory(username="spammer", email_confirmed_at=timezone.now(), blocked_at=timezone.now())
    client.force_login(member)

    response = client.post(post_url(course), {"text": "Buy now"}, HTTP_ACCEPT="application/json")

    assert response.status_code == 403
    assert response.json()["message"].startswith("Your account is blocked")
    assert Comment.objects.count() == 0


def test_posting_without_a_csrf_token_is_refused(course, ada):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(ada)

    refused = browser.post(post_url(course), {"text": "No token"})
    token = BeautifulSoup(browser.get(course.url).content, "html.parser").select_one(
        "#discussion form.discussion-form input[name=csrfmiddlewaretoken]"
    )["value"]
    accepted = browser.post(post_url(course), {"text": "With token", "csrfmiddlewaretoken": token})

    assert refused.status_code == 403
    assert accepted.status_code == 302
    assert list(Comment.objects.values_list("comment", flat=True)) == ["With token"]


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_members_cannot_edit_or_delete_someone_elses_comment(client, thread, bruno, action):
    root = thread[0]
    client.force_login(bruno)

    shown = client.get(f"/discussion/comments/{root.pk}/{action}/")
    done = client.post(f"/discussion/comments/{root.pk}/{action}/", {"text": "Hijacked"})

    assert shown.status_code == done.status_code == 403
    root.refresh_from_db()
    assert root.comment == "How do I install Python on Windows?"
    assert root.deleted_at is None


@pytest.mark.parametrize("action", ["like", "flag"])
def test_authors_cannot_like_or_flag_their_own_comment(client, thread, ada, action):
    client.force_login(ada)

    response = client.post(f"/discussion/comments/{thread[0].pk}/{action}/")

    assert response.status_code == 403
    assert thread[0].flags.count() == 0


def test_only_moderators_remove_other_peoples_comments(client, course, thread, bruno, moderator):
    target = thread[0]
    client.force_login(bruno)
    assert "Remove</a>" not in client.get(course.url).content.decode()
    assert client.get(f"/discussion/comments/{target.pk}/remove/").status_code == 403
    assert client.post(f"/discussion/comments/{target.pk}/remove/").status_code == 403
    target.refresh_from_db()
    assert not target.is_removed

    target.add_flag(bruno)
    client.force_login(moderator)
    page = client.get(course.url).content.decode()
    assert f'href="/discussion/comments/{target.pk}/remove/"' in page
    assert f'href="/admin/discussion/comment/inspect/{target.pk}/">1 flag' in page
    response = client.post(f"/discussion/comments/{target.pk}/remove/")

    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_removed
    assert target.moderated_by == moderator


def test_visitors_are_sent_to_log_in_for_pages_that_need_it(client, thread):
    for action in ("reply", "edit", "delete", "flag", "remove"):
        response = client.get(f"/discussion/comments/{thread[1].pk}/{action}/")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    assert client.post(f"/discussion/comments/{thread[1].pk}/like/").status_code == 403


def test_state_changing_views_refuse_get(client, thread, bruno):
    client.force_login(bruno)
    for action in ("like", "accept"):
        assert client.get(f"/discussion/comments/{thread[0].pk}/{action}/").status_code == 405
    assert thread[0].flags.count() == 0


def test_comments_on_a_page_nobody_may_read_are_out_of_reach(client, course, ada, bruno):
    comment = post(course, ada, "Before unpublishing")
    course.unpublish()
    client.force_login(bruno)

    assert client.get(f"/discussion/comments/{comment.pk}/").status_code == 404
    assert client.post(f"/discussion/comments/{comment.pk}/like/").status_code == 404
    assert client.get(f"/discussion/comments/{comment.pk}/reply/").status_code == 404
