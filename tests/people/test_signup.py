"""Signing up: the happy path, and every way it refuses bad input without storing anything."""

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

import pytest

from people.models import User
from tests.people.factories import member

pytestmark = pytest.mark.django_db

GOOD = {
    "username": "newbie",
    "email": "newbie@example.org",
    "display_name": "New Bie",
    "password1": "tangerine-harbour-42",
    "password2": "tangerine-harbour-42",
    "agree": "on",
}


def sign_up(client, **changes):
    return client.post("/accounts/signup/", {**GOOD, **changes})


def test_a_visitor_signs_up_and_is_asked_to_confirm_their_address(client):
    response = sign_up(client, next="/wiki/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/?next=/wiki/"
    newbie = User.objects.get(username="newbie")
    assert newbie.email == "newbie@example.org"
    assert newbie.display_name == "New Bie"
    assert newbie.check_password("tangerine-harbour-42")
    assert newbie.groups.filter(name="Learners").exists()
    assert newbie.email_confirmed_at is None
    assert not newbie.can_participate
    assert int(client.session["_auth_user_id"]) == newbie.pk
    (message,) = mail.outbox
    assert message.to == ["newbie@example.org"]
    assert "http://testserver/accounts/confirm-email/" in message.body

    page = client.get(response["Location"])
    assert b"newbie@example.org" in page.content
    assert b"Send a new link" in page.content


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"username": "Taken"}, "username", "That username is taken."),
        ({"email": "TAKEN@example.org"}, "email", "An account with this email address already exists."),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"email": "two@@example.org"}, "email", "Enter a valid email address."),
        ({"password1": "12345678", "password2": "12345678"}, "password2", "This password is too common."),
        ({"password1": "short", "password2": "short"}, "password2", "This password is too short."),
        ({"password1": "newbie1234", "password2": "newbie1234"}, "password2", "too similar to the username"),
        ({"password2": "something-else-42"}, "password2", "The two password fields didn’t match."),
        ({"agree": ""}, "agree", "Tick this box to agree to the code of conduct."),
        ({"username": "bad name!"}, "username", "Enter a valid username."),
        ({"username": "Admin"}, "username", "That username is reserved."),
    ],
)
def test_bad_input_gets_a_clear_error_and_stores_nothing(client, changes, field, message):
    member("taken", email="taken@example.org")
    users_before = User.objects.count()

    response = sign_up(client, **changes)

    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    assert message.encode() in response.content.replace(b"&#x27;", b"'").replace(b"&quot;", b'"')
    assert User.objects.count() == users_before
    assert mail.outbox == []
    assert "_auth_user_id" not in client.session


def test_errors_are_tied_to_their_fields_for_screen_readers(client):
    response = sign_up(client, email="not-an-email")

    html = response.content.decode()
    assert 'id="id_email_error"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'role="alert"' in html


def test_a_post_without_csrf_token_is_refused_with_an_explanation():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/accounts/signup/", GOOD)

    assert response.status_code == 403
    assert b"form had expired" in response.content
    assert not User.objects.filter(username="newbie").exists()


def test_bots_filling_the_hidden_field_are_refused(client):
    response = sign_up(client, website="http://spam.example")

    assert response.status_code == 200
    assert not User.objects.filter(username="newbie").exists()


def test_sign_ups_are_limited_per_address(client, settings):
    settings.PEOPLE_SIGNUP_LIMITS_PER_IP = [(2, 3600)]
    for number in range(2):
        sign_up(client, username=f"person{number}", email=f"person{number}@example.org")
        client.logout()

    response = sign_up(client, username="person3", email="person3@example.org")

    assert "Too many attempts" in response.content.decode()
    assert not User.objects.filter(username="person3").exists()
    # Another address is not affected.
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_up(other, username="person4", email="person4@example.org").status_code == 302


def test_the_same_email_address_cannot_be_tried_over_and_over(client, settings):
    settings.PEOPLE_CONFIRMATION_LIMITS_PER_ACCOUNT = [(2, 3600)]
    for number in range(2):
        # Each attempt fails (weak password), yet counts against the address.
        sign_up(Client(REMOTE_ADDR=f"198.51.100.{number}"), password1="1", password2="1")

    response = sign_up(Client(REMOTE_ADDR="198.51.100.99"))

    assert "Too many attempts" in response.content.decode()
    assert not User.objects.filter(username="newbie").exists()


def test_members_who_are_logged_in_go_to_their_profile(client):
    client.force_login(member("ada"))

    assert client.get("/accounts/signup/")["Location"] == "/people/ada/"


def test_next_never_leads_off_the_site(client):
    response = sign_up(client, next="https://evil.example/phish")

    assert response["Location"] == "/accounts/confirm-email/"


def test_new_members_get_the_learner_role_from_the_migration_group(client):
    sign_up(client)

    assert list(User.objects.get(username="newbie").groups.values_list("name", flat=True)) == ["Learners"]
    assert Group.objects.filter(name="Learners").count() == 1
