"""Announcements: emails to exactly a round's participants who did not unsubscribe, with the unsubscribe headers.

And the archive on the course page, the organisers' sending status, one-click unsubscribe, and retries.
"""

import datetime
import re
import smtplib

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

import pytest

from learning import announcements, signups
from learning.models import Announcement, AnnouncementDelivery, Round, Signup
from learning.permissions import Refusal
from people.models import User

from .factories import member, taking_part


@pytest.fixture
def spring(course):
    return Round.objects.create(course=course, number=2, name="Spring", start_date=datetime.date(2027, 4, 12))


@pytest.fixture
def people(course, spring, lena, omar, priya):
    """Round 1: Lena, Omar (unsubscribed), Priya (blocked), Kemal (unconfirmed); waiting: Sara; applied: Tom.

    Round 2: Ines.
    """
    round_one = course.rounds.get(number=1)
    taking_part(course, lena)
    Signup.objects.filter(pk=taking_part(course, omar).pk).update(announcements_muted=True)
    taking_part(course, priya)
    User.objects.filter(pk=priya.pk).update(blocked_at=timezone.now())
    kemal = member("kemal")
    taking_part(course, kemal)
    User.objects.filter(pk=kemal.pk).update(email_confirmed_at=None)
    sara = member("sara")
    Signup.objects.create(user=sara, course=course, round=round_one, status="waiting")
    Signup.objects.create(user=member("tom"), course=course, round=round_one, status="pending")
    ines = member("ines")
    taking_part(course, ines, spring)
    return {"round_one": round_one, "ines": ines}


def send(client, user, course, captured, **data):
    client.force_login(user)
    with captured(execute=True):
        return client.post(f"{course.url}announcements/new/", data)


def test_an_announcement_reaches_exactly_the_rounds_participants(
    client, course, people, olu, lena, django_capture_on_commit_callbacks
):
    response = send(
        client,
        olu,
        course,
        django_capture_on_commit_callbacks,
        audience=people["round_one"].pk,
        subject="Week 2: functions",
        body="Read chapter 3.\n\nSee you on Tuesday: https://example.org/meeting",
    )

    announcement = Announcement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{course.url}announcements/{announcement.pk}/"
    assert [message.to for message in mail.outbox] == [[lena.email]]
    message = mail.outbox[0]
    assert message.subject == "Week 2: functions · Python study group"
    assert "Read chapter 3." in message.body
    unsubscribe = re.search(r"Stop announcement emails from this course: (\S+)", message.body)[1]
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0][0]
    assert '<a href="https://example.org/meeting"' in html
    assert (announcement.status, announcement.recipient_count, announcement.sent_count) == ("sent", 1, 1)


def test_everyone_means_every_round(client, course, people, olu, lena, django_capture_on_commit_callbacks):
    send(client, olu, course, django_capture_on_commit_callbacks, audience="everyone", subject="Hello", body="Hi all.")

    assert sorted(message.to[0] for message in mail.outbox) == sorted([lena.email, people["ines"].email])


def test_the_organiser_sees_the_sending_status(client, course, people, olu, django_capture_on_commit_callbacks):
    send(client, olu, course, django_capture_on_commit_callbacks, audience="everyone", subject="Hello", body="Hi all.")
    announcement = Announcement.objects.get()

    page = client.get(f"{course.url}announcements/{announcement.pk}/").content.decode()

    assert "Sent to 2 learners" in page
    client.logout()
    public = client.get(f"{course.url}announcements/{announcement.pk}/").content.decode()
    assert "Hi all." in public
    assert "Sent to" not in public


def test_the_archive_shows_on_the_course_page(client, course, people, olu, django_capture_on_commit_callbacks):
    for number in range(4):
        send(
            client,
            olu,
            course,
            django_capture_on_commit_callbacks,
            audience="everyone",
            subject=f"Week {number}",
            body="News.",
        )
    client.logout()

    page = client.get(course.url).content.decode()

    assert "Week 3" in page and "Week 1" in page
    assert "Week 0" not in page  # the three newest, then a link to all
    assert f'href="{course.url}announcements/">All announcements' in page
    archive = client.get(f"{course.url}announcements/").content.decode()
    assert all(f"Week {number}" in archive for number in range(4))


def test_only_organisers_send(client, course, people, lena, django_capture_on_commit_callbacks):
    response = send(
        client, lena, course, django_capture_on_commit_callbacks, audience="everyone", subject="Spam", body="Buy."
    )

    assert response.status_code == 403
    assert not Announcement.objects.exists()
    assert mail.outbox == []
    with pytest.raises(Refusal):
        announcements.announce(course, lena, None, "Spam", "Buy.")


def test_an_announcement_nobody_would_get_is_refused(client, course, spring, olu, django_capture_on_commit_callbacks):
    response = send(
        client, olu, course, django_capture_on_commit_callbacks, audience=spring.pk, subject="Hi", body="Hi."
    )

    assert response.status_code == 400
    assert "Nobody would get this announcement" in response.content.decode()
    assert not Announcement.objects.exists()


def test_a_round_of_another_course_is_not_an_audience(
    client, course, make_course, people, olu, django_capture_on_commit_callbacks
):
    other = Round.objects.create(course=make_course(slug="other"), number=1, start_date=datetime.date(2027, 5, 1))

    response = send(
        client, olu, course, django_capture_on_commit_callbacks, audience=other.pk, subject="Hi", body="Hi."
    )

    assert response.status_code == 400
    assert not Announcement.objects.exists()
    with pytest.raises(Refusal, match="not part of this course"):
        announcements.announce(course, olu, other, "Hi", "Hi.")


def test_empty_fields_are_refused(client, course, people, olu, django_capture_on_commit_callbacks):
    response = send(client, olu, course, django_capture_on_commit_callbacks, audience="everyone", subject="", body="")

    assert response.status_code == 400
    assert response.content.decode().count("This field is required.") == 2
    assert not Announcement.objects.exists()


# Unsubscribing


def unsubscribe_link(message):
    return re.search(r"Stop announcement emails from this course: http://testserver(\S+)", message.body)[1]


def test_the_unsubscribe_link_asks_then_stops_the_emails(
    client, course, people, olu, lena, django_capture_on_commit_callbacks
):
    announcements.announce(course, olu, None, "One", "First.")  # not sent: no commit callbacks here
    with django_capture_on_commit_callbacks(execute=True):
        announcements.announce(course, olu, None, "Two", "Second.")
    link = unsubscribe_link(next(m for m in mail.outbox if m.to == [lena.email]))
    client.logout()

    page = client.get(link)
    assert "Stop announcement emails?" in page.content.decode()
    assert not Signup.objects.get(user=lena, course=course).announcements_muted

    client.post(link)

    assert Signup.objects.get(user=lena, course=course).announcements_muted
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        announcements.announce(course, olu, None, "Three", "Third.")
    assert [m.to for m in mail.outbox] == [[people["ines"].email]]


def test_one_click_unsubscribe_needs_no_session_or_csrf_token(course, people, lena):
    from django.test import Client

    from learning.emails import unsubscribe_token

    signup = Signup.objects.get(user=lena, course=course)
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(
        f"/announcements/unsubscribe/{unsubscribe_token(signup)}/", {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert Signup.objects.get(pk=signup.pk).announcements_muted


def test_a_forged_unsubscribe_link_changes_nothing(client, course, people, lena):
    response = client.post("/announcements/unsubscribe/not-a-token/")

    assert response.status_code == 400
    assert "This link doesn’t work" in response.content.decode()
    assert not Signup.objects.filter(announcements_muted=True).exclude(user__username="omar").exists()


def test_learners_switch_the_emails_on_the_course_page(client, course, people, lena):
    client.force_login(lena)

    client.post(f"{course.url}announcements/email/", {})
    assert Signup.objects.get(user=lena, course=course).announcements_muted
    assert "Get announcement emails again" in client.get(course.url).content.decode()

    client.post(f"{course.url}announcements/email/", {"announcements": "on"})
    assert not Signup.objects.get(user=lena, course=course).announcements_muted


# A mail server that fails part-way


class FlakyBackend(EmailBackend):
    """Delivers `allowed` messages, then fails like an SMTP server that went away."""

    allowed = 1

    def send_messages(self, messages):
        if len(mail.outbox) >= FlakyBackend.allowed:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


def test_a_failed_sending_is_resumed_without_emailing_anyone_twice(
    client, course, people, olu, settings, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(FlakyBackend, "allowed", 1)
    settings.EMAIL_BACKEND = "tests.learning.test_announcements.FlakyBackend"
    with django_capture_on_commit_callbacks(execute=True):
        announcement = announcements.announce(course, olu, None, "Hello", "Hi all.")

    announcement.refresh_from_db()
    assert (announcement.status, announcement.sent_count, announcement.recipient_count) == ("failed", 1, 2)
    client.force_login(olu)
    assert (
        "Sent to 1 of 2: some emails failed"
        in client.get(f"{course.url}announcements/{announcement.pk}/").content.decode()
    )

    monkeypatch.setattr(FlakyBackend, "allowed", 10)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{course.url}announcements/{announcement.pk}/retry/")

    announcement.refresh_from_db()
    assert (announcement.status, announcement.sent_count) == ("sent", 2)
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == len(set(recipients)) == 2
    assert AnnouncementDelivery.objects.filter(announcement=announcement).count() == 2


def test_a_sent_announcement_cannot_be_retried(course, people, olu):
    announcement = Announcement.objects.create(course=course, author=olu, subject="Hi", body="Hi.", status="sent")

    with pytest.raises(Refusal, match="Only an announcement whose sending failed"):
        announcements.retry(announcement, olu)


def test_waiting_learners_do_not_get_announcements_until_they_have_a_place(
    course, people, olu, lena, django_capture_on_commit_callbacks
):
    sara = Signup.objects.get(user__username="sara")
    signups.leave(Signup.objects.get(user=lena, course=course))  # frees a place: Sara moves up
    sara.refresh_from_db()
    assert sara.status == "active"
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        announcements.announce(course, olu, people["round_one"], "Hi", "Welcome, Sara.")

    assert [m.to for m in mail.outbox] == [[sara.user.email]]
