"""Logging in and out: by username or email, slowed down after failures, clear about blocked accounts."""

from django.test import Client
from django.utils import timezone

import pytest

from tests.people.factories import PASSWORD, contributor, member

pytestmark = pytest.mark.django_db


def log_in(client, username, password=PASSWORD, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password, **extra})


@pytest.mark.parametrize("name", ["ada", "ADA@example.org"])
def test_members_log_in_with_their_username_or_email(client, name):
    ada = member("ada", email="ada@example.org")

    response = log_in(client, name, next="/wiki/")

    assert response["Location"] == "/wiki/"
    assert int(client.session["_auth_user_id"]) == ada.pk


def test_a_wrong_password_says_so_and_logs_nobody_in(client):
    member("ada")

    response = log_in(client, "ada", "wrong")

    assert response.status_code == 200
    assert "don't match" in response.content.decode().replace("&#x27;", "'")
    assert "_auth_user_id" not in client.session


def test_failures_are_limited_per_account_even_from_many_addresses(settings):
    settings.PEOPLE_LOGIN_FAILURE_LIMITS_PER_ACCOUNT = [(3, 900)]
    member("ada")
    for number in range(3):
        log_in(Client(REMOTE_ADDR=f"198.51.100.{number}"), "ada", "guess")

    client = Client(REMOTE_ADDR="198.51.100.50")
    response = log_in(client, "ada")  # even the right password waits

    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_by_username_and_by_email_count_against_the_same_account(settings):
    settings.PEOPLE_LOGIN_FAILURE_LIMITS_PER_ACCOUNT = [(2, 900)]
    member("ada", email="ada@example.org")
    log_in(Client(REMOTE_ADDR="198.51.100.1"), "ada", "guess")
    log_in(Client(REMOTE_ADDR="198.51.100.2"), "ADA@example.org", "guess")

    client = Client(REMOTE_ADDR="198.51.100.3")
    response = log_in(client, "ada")

    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_are_limited_per_address_across_accounts(settings):
    settings.PEOPLE_LOGIN_FAILURE_LIMITS_PER_IP = [(3, 900)]
    member("ada")
    client = Client(REMOTE_ADDR="198.51.100.9")
    for name in ("bruno", "chen", "dana"):
        log_in(client, name, "guess")

    response = log_in(client, "ada")

    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_correct_password_is_never_counted_as_a_failure(client, settings):
    settings.PEOPLE_LOGIN_FAILURE_LIMITS_PER_ACCOUNT = [(2, 900)]
    member("ada")
    for _ in range(3):
        assert log_in(client, "ada").status_code == 302
        client.logout()


def test_a_blocked_member_is_told_so_only_with_the_right_password(client):
    member("ada", is_active=False, blocked_at=timezone.now(), block_reason="Spam")

    assert "blocked" not in log_in(client, "ada", "wrong").content.decode()
    response = log_in(client, "ada")

    assert "has been blocked by the moderators" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_next_never_leads_off_the_site(client):
    member("ada")

    response = log_in(client, "ada", next="https://evil.example/")

    assert response["Location"] == "/"


def test_log_out_needs_a_post(client):
    client.force_login(member("ada"))

    assert client.get("/accounts/logout/").status_code == 405
    assert "_auth_user_id" in client.session
    assert client.post("/accounts/logout/")["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_the_admin_sends_visitors_to_the_same_log_in_page(client):
    response = client.get("/admin/")

    assert response["Location"].startswith("/accounts/login/?next=/admin/")


def test_wagtails_own_log_in_and_reset_pages_cannot_bypass_the_limits(client, settings):
    settings.PEOPLE_LOGIN_FAILURE_LIMITS_PER_ACCOUNT = [(1, 900)]
    member("ada")
    log_in(Client(REMOTE_ADDR="198.51.100.1"), "ada", "guess")  # the account is now at its limit

    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/accounts/login/?next=/admin/pages/"
    # Even the right password, posted to Wagtail's own form, only leads to the site's (limited) log-in page.
    posted = client.post("/admin/login/", {"username": "ada", "password": PASSWORD})
    assert posted.status_code == 302 and posted["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/password_reset/").status_code == 404


def test_the_admin_account_page_cannot_change_an_address_without_confirming_it(client, settings):
    client.force_login(contributor("ada"))
    name_field = 'name="name_email-first_name"'

    page = client.get("/admin/account/").content.decode()
    assert name_field in page
    assert 'name="name_email-email"' not in page

    settings.WAGTAIL_EMAIL_MANAGEMENT_ENABLED = True  # what the setting turns off
    assert 'name="name_email-email"' in client.get("/admin/account/").content.decode()


def test_the_header_offers_sign_up_and_log_in_to_visitors_and_the_profile_to_members(client):
    html = client.get("/accounts/password-reset/").content.decode()
    assert 'href="/accounts/signup/?next=' in html
    assert 'href="/accounts/login/?next=' in html

    client.force_login(member("ada", first_name="Ada", last_name="Okafor", confirmed=False))
    html = client.get("/accounts/password-reset/").content.decode()
    assert 'href="/people/ada/"' in html
    assert "Confirm your email" in html
    assert 'action="/accounts/logout/"' in html
