"""Resetting a forgotten password by email, limited per address and per email; it also confirms the address."""

import re

from django.core import mail

import pytest

from tests.people.factories import member

pytestmark = pytest.mark.django_db


def test_a_member_resets_their_password_from_the_emailed_link(client):
    ada = member("ada", email="ada@example.org", confirmed=False)

    response = client.post("/accounts/password-reset/", {"email": "ada@example.org"})

    assert response["Location"] == "/accounts/password-reset/sent/"
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/accounts/password-reset/[^\s]+/)", message.body)[1]
    form_page = client.get(link, follow=True)
    assert b"Choose a new password" in form_page.content
    set_url = form_page.redirect_chain[-1][0]

    done = client.post(set_url, {"new_password1": "lemon-tree-harbour-9", "new_password2": "lemon-tree-harbour-9"})

    assert done["Location"] == "/accounts/password-reset/done/"
    ada.refresh_from_db()
    assert ada.check_password("lemon-tree-harbour-9")
    assert ada.email_confirmed  # the link reached the address


def test_unknown_addresses_look_the_same_and_send_nothing(client):
    response = client.post("/accounts/password-reset/", {"email": "nobody@example.org"})

    assert response["Location"] == "/accounts/password-reset/sent/"
    assert mail.outbox == []


def test_requests_for_one_address_are_limited(client, settings):
    settings.PEOPLE_RESET_LIMITS_PER_ACCOUNT = [(2, 3600)]
    member("ada", email="ada@example.org")
    for _ in range(2):
        client.post("/accounts/password-reset/", {"email": "ada@example.org"})

    response = client.post("/accounts/password-reset/", {"email": "ada@example.org"})

    assert response.status_code == 200
    assert "Too many attempts" in response.content.decode()
    assert len(mail.outbox) == 2


def test_a_used_or_forged_link_says_it_does_not_work(client):
    response = client.get("/accounts/password-reset/MQ/set-password-forged/")

    assert b"expired or has already been used" in response.content
