"""Emails about new comments: the right people, once each, never the author, with a working unsubscribe."""

import re

from django.core import mail
from django.test import Client
from django.utils import timezone

import pytest

from discussion.models import Mute, NotificationSettings
from learning.models import Follow
from tests.factories import UserFactory

from .factories import confirmed, post


@pytest.fixture
def reply_by_ada(client, course, thread, ada, django_capture_on_commit_callbacks):
    """Ada replies to Chen's comment through the site; returns the emails that went out."""

    def send(text="Good point, Chen.", parent=None):
        mail.outbox.clear()
        client.force_login(ada)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/discussion/pages/{course.pk}/comments/", {"text": text, "parent": (parent or thread[2]).pk}
            )
        assert response.status_code == 302
        return {message.to[0]: message for message in mail.outbox}

    return send


def test_people_in_the_thread_and_followers_hear_about_a_reply(course, bruno, chen, reply_by_ada):
    follower = confirmed("dana", first_name="Dana")
    Follow.follow(follower, course)
    Follow.follow(bruno, course)  # in the thread and a follower: one email
    confirmed("stranger")

    emails = reply_by_ada()

    assert sorted(emails) == ["bruno@example.org", "chen@example.org", "dana@example.org"]
    assert "ada@example.org" not in emails, "never the author"
    thread_email = emails["chen@example.org"]
    assert thread_email.subject == "Ada Okafor replied in a discussion on “Python study group”"
    assert "Good point, Chen." in thread_email.body
    assert "you took part in this conversation" in thread_email.body
    assert "you follow “Python study group”" in emails["dana@example.org"].body
    html, mimetype = thread_email.alternatives[0]
    assert mimetype == "text/html"
    assert "<p>Good point, Chen.</p>" in html


def test_members_who_cannot_be_reached_get_nothing(course, thread, reply_by_ada):
    for name, fields in {
        "unconfirmed": {"email_confirmed_at": None},
        "blocked": {"email_confirmed_at": timezone.now(), "blocked_at": timezone.now()},
        "inactive": {"email_confirmed_at": timezone.now(), "is_active": False},
    }.items():
        Follow.follow(UserFactory(username=name, **fields), course)

    emails = reply_by_ada()

    assert sorted(emails) == ["bruno@example.org", "chen@example.org"]


def test_every_email_has_a_one_click_unsubscribe(course, thread, chen, reply_by_ada):
    email = reply_by_ada()["chen@example.org"]
    link = re.search(r"Stop these emails: (\S+)", email.body).group(1)

    assert email.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link.startswith("http://testserver/discussion/unsubscribe/")

    # Mail clients post without a CSRF token or a session.
    one_click = Client(enforce_csrf_checks=True).post(
        link.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"}
    )

    assert one_click.status_code == 200
    assert Mute.objects.filter(user=chen, page=course, thread_id=thread[0].pk).exists()
    assert "chen@example.org" not in reply_by_ada("Another reply")
    assert "bruno@example.org" in reply_by_ada("And one more")


def test_the_unsubscribe_link_asks_before_acting_and_rejects_forgeries(client, course, thread, chen, reply_by_ada):
    link = re.search(r"Stop these emails: (\S+)", reply_by_ada()["chen@example.org"].body).group(1)
    path = link.removeprefix("http://testserver")

    confirm = client.get(path)
    forged = client.post(path[:-8] + "tampered/")

    assert confirm.status_code == 200
    assert "Stop these emails?" in confirm.content.decode()
    assert forged.status_code == 400
    chen.delete()
    assert client.post(path).status_code == 400, "a link outliving its account does nothing"
    assert not Mute.objects.exists()


def test_followers_mute_the_whole_page(course, thread, reply_by_ada):
    follower = confirmed("dana")
    Follow.follow(follower, course)
    link = re.search(r"Stop these emails: (\S+)", reply_by_ada()["dana@example.org"].body).group(1)

    Client().post(link.removeprefix("http://testserver"))

    assert Mute.objects.get(user=follower).thread_id == Mute.WHOLE_PAGE
    assert "dana@example.org" not in reply_by_ada("Later", parent=thread[0])


def test_settings_turn_each_kind_of_email_off(client, course, thread, bruno, chen, reply_by_ada):
    Follow.follow(bruno, course)
    client.force_login(chen)
    client.post("/discussion/settings/", {"followed_pages": "on"})  # replies off
    NotificationSettings.objects.create(user=bruno, thread_replies=True, followed_pages=False)

    emails = reply_by_ada()

    assert "chen@example.org" not in emails
    assert "bruno@example.org" in emails, "Bruno still hears as someone in the thread"
    assert NotificationSettings.objects.get(user=chen).thread_replies is False


def test_the_settings_page_lists_and_lifts_mutes(client, course, thread, chen):
    mute = Mute.objects.create(user=chen, page=course, thread_id=thread[0].pk)
    client.force_login(chen)

    page = client.get("/discussion/settings/").content.decode()
    client.post("/discussion/settings/", {"unmute": mute.pk})

    assert "Python study group" in page
    assert not Mute.objects.exists()


def test_the_settings_page_is_for_members_only(client):
    assert client.get("/discussion/settings/")["Location"].startswith("/accounts/login/")


def test_nothing_is_sent_about_comments_on_pages_nobody_may_read(course, thread, bruno):
    from discussion.notifications import notify

    comment = post(course, bruno, "Before it went private")
    course.unpublish()

    assert notify(comment) == 0
    assert mail.outbox == []


def test_a_new_thread_reaches_followers_only(client, course, ada, bruno, django_capture_on_commit_callbacks):
    Follow.follow(bruno, course)
    client.force_login(ada)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/discussion/pages/{course.pk}/comments/", {"text": "Who is in for Thursday?"})

    assert [message.to for message in mail.outbox] == [["bruno@example.org"]]
    assert mail.outbox[0].subject == "Ada Okafor started a discussion on “Python study group”"
