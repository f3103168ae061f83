"""Confirming an email address with a signed, expiring link; changing it; asking for a new link."""

import re

from django.core import mail
from django.core.signing import dumps

import pytest

from people.signals import email_confirmed
from people.tokens import SALT, make_token
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def link_in(message):
    return re.search(r"http://testserver(/accounts/confirm-email/[^/\s]+/)", message.body)[1]


def test_the_emailed_link_confirms_the_address_on_a_button_press(client):
    client.post(
        "/accounts/signup/",
        {
            "username": "newbie",
            "email": "newbie@example.org",
            "password1": "tangerine-harbour-42",
            "password2": "tangerine-harbour-42",
            "agree": "on",
        },
    )
    path = link_in(mail.outbox[0])
    heard = []
    email_confirmed.connect(lambda sender, user, **kwargs: heard.append(user.username), weak=False, dispatch_uid="test")
    try:
        # Following the link changes nothing by itself (mail scanners follow links too)…
        page = client.get(path)
        assert page.status_code == 200
        assert b"Confirm my email address" in page.content
        newbie = page.context["member"]
        newbie.refresh_from_db()
        assert newbie.email_confirmed_at is None

        # …the button does.
        response = client.post(path)
    finally:
        email_confirmed.disconnect(dispatch_uid="test")

    assert response["Location"] == "/contribute/"
    newbie.refresh_from_db()
    assert newbie.email_confirmed_at is not None
    assert newbie.can_participate
    assert heard == ["newbie"]


def test_an_expired_link_is_refused_and_changes_nothing(client, settings):
    ada = member("ada", confirmed=False)
    settings.PEOPLE_CONFIRMATION_MAX_AGE = -1

    response = client.post(f"/accounts/confirm-email/{make_token(ada)}/")

    assert response.status_code == 400
    assert b"expired" in response.content
    ada.refresh_from_db()
    assert ada.email_confirmed_at is None


def test_a_tampered_link_is_refused(client):
    ada = member("ada", confirmed=False)
    forged = dumps({"u": ada.pk, "e": "ada@example.org", "was": "ada@example.org"}, salt=SALT, key="not-our-key")

    for token in (forged, make_token(ada)[:-3] + "abc", "nonsense"):
        response = client.post(f"/accounts/confirm-email/{token}/")
        assert response.status_code == 400
        assert b"not valid" in response.content
    ada.refresh_from_db()
    assert ada.email_confirmed_at is None


def test_a_link_for_an_address_the_account_no_longer_has_is_out_of_date(client):
    ada = member("ada", confirmed=False)
    token = make_token(ada)
    ada.email = "ada.new@example.org"
    ada.save()

    response = client.post(f"/accounts/confirm-email/{token}/")

    assert response.status_code == 400
    assert b"out of date" in response.content
    ada.refresh_from_db()
    assert ada.email_confirmed_at is None


def test_changing_the_address_takes_effect_only_once_the_new_one_is_confirmed(client):
    ada = member("ada", email="ada@example.org")
    client.force_login(ada)

    client.post("/people/ada/edit/", {"display_name": "Ada", "email": "ada@new.example.org", "bio": ""})

    ada.refresh_from_db()
    assert ada.email == "ada@example.org"
    (message,) = mail.outbox
    assert message.to == ["ada@new.example.org"]
    assert "change the email address" in message.body

    client.post(link_in(message))

    ada.refresh_from_db()
    assert ada.email == "ada@new.example.org"
    assert ada.email_confirmed


def test_a_new_link_is_sent_on_request_within_limits(client, settings):
    settings.PEOPLE_CONFIRMATION_LIMITS_PER_ACCOUNT = [(2, 3600)]
    ada = member("ada", confirmed=False)
    client.force_login(ada)

    assert client.get("/accounts/confirm-email/resend/").status_code == 405
    for _ in range(3):
        response = client.post("/accounts/confirm-email/resend/", follow=True)

    assert len(mail.outbox) == 2
    assert "Too many attempts" in response.content.decode()


def test_confirmed_members_skip_the_waiting_page(client):
    client.force_login(member("ada"))

    assert client.get("/accounts/confirm-email/")["Location"] == "/people/ada/"
