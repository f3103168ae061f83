"""Organiser awards, through the badge page: only organisers of the badge's courses (and staff), with a note."""

from django.db import IntegrityError, transaction

import pytest

from badges.awarding import AwardRefused, award_by_organiser, issue
from badges.models import Assertion

from .factories import MemberFactory

NOTE = "Lena ran two brilliant sessions on web accessibility for the group."


def award_url(badge):
    return f"/badges/{badge.slug}/award/"


def test_an_organiser_awards_with_a_note(client, badge_world):
    client.force_login(badge_world.organiser)

    response = client.post(award_url(badge_world.award), {"recipient": "lena", "note": NOTE})

    assert response.status_code == 302
    assertion = Assertion.objects.get()
    assert (assertion.badge, assertion.recipient, assertion.awarded_by) == (
        badge_world.award,
        badge_world.learner,
        badge_world.organiser,
    )
    assert assertion.note == NOTE
    assert assertion.course == badge_world.course
    assert assertion.evidence[0]["narrative"] == NOTE
    page = client.get(response["Location"])
    assert "Lena Berg now holds Great Facilitator." in page.content.decode()


def test_a_member_who_does_not_organise_the_course_is_refused(client, badge_world):
    client.force_login(MemberFactory())

    response = client.post(award_url(badge_world.award), {"recipient": "lena", "note": NOTE})

    assert response.status_code == 403
    assert "Only the organisers of this badge’s courses can award it." in response.content.decode()
    assert not Assertion.objects.exists()


def test_the_award_form_is_only_shown_to_organisers(client, badge_world):
    client.force_login(MemberFactory())
    assert 'action="/badges/great-facilitator/award/"' not in client.get("/badges/great-facilitator/").content.decode()
    client.force_login(badge_world.organiser)
    assert 'action="/badges/great-facilitator/award/"' in client.get("/badges/great-facilitator/").content.decode()


@pytest.mark.parametrize(
    ("recipient", "message"),
    [
        ("olu", "You can’t award a badge to yourself."),
        ("nobody-here", "There is no member with the username “nobody-here”."),
        ("unconfirmed", "can’t receive badges until their account is active and their email address is confirmed"),
    ],
)
def test_bad_recipients_get_a_clear_error_on_the_field(client, badge_world, recipient, message):
    MemberFactory(username="unconfirmed", email_confirmed_at=None)
    client.force_login(badge_world.organiser)

    response = client.post(award_url(badge_world.award), {"recipient": recipient, "note": NOTE})

    assert response.status_code in (400, 403)
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html and 'id="id_recipient_errors"' in html
    assert not Assertion.objects.exists()


def test_awarding_twice_is_refused(client, badge_world):
    client.force_login(badge_world.organiser)
    client.post(award_url(badge_world.award), {"recipient": "lena", "note": NOTE})

    response = client.post(award_url(badge_world.award), {"recipient": "lena", "note": "Again, for good measure."})

    assert "Lena Berg already holds this badge." in response.content.decode()
    assert Assertion.objects.count() == 1


def test_a_note_is_required(client, badge_world):
    client.force_login(badge_world.organiser)

    response = client.post(award_url(badge_world.award), {"recipient": "lena", "note": " "})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Assertion.objects.exists()


def test_other_kinds_of_badge_cannot_be_awarded_by_hand(badge_world):
    with pytest.raises(AwardRefused, match="not awarded by organisers"):
        award_by_organiser(badge_world.peer, badge_world.organiser, badge_world.learner, note=NOTE)
    assert not Assertion.objects.exists()


def test_staff_may_award_any_organiser_badge(badge_world):
    staff = MemberFactory(is_staff=True)

    assertion = award_by_organiser(badge_world.award, staff, badge_world.learner, note=NOTE)

    assert assertion.awarded_by == staff and assertion.course is None


def test_an_organiser_of_a_draft_only_course_is_refused(badge_world):
    badge_world.course.unpublish()

    with pytest.raises(AwardRefused, match="Only the organisers"):
        award_by_organiser(badge_world.award, badge_world.organiser, badge_world.learner, note=NOTE)


def test_anonymous_visitors_are_sent_to_log_in(client, badge_world):
    response = client.post(award_url(badge_world.award), {"recipient": "lena", "note": NOTE})

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Assertion.objects.exists()


def test_the_database_allows_one_assertion_per_badge_and_member(badge_world):
    first, created = issue(badge_world.award, badge_world.learner, earned_by="award")
    again, created_again = issue(badge_world.award, badge_world.learner, earned_by="award")

    assert created and not created_again and again == first
    with pytest.raises(IntegrityError), transaction.atomic():
        Assertion.objects.create(badge=badge_world.award, recipient=badge_world.learner, earned_by="award")


def test_too_many_awards_in_an_hour_answer_429_and_award_nothing_more(client, badge_world, settings):
    settings.BADGES_AWARDS_PER_HOUR = 1
    client.force_login(badge_world.organiser)
    assert client.post(award_url(badge_world.award), {"recipient": "lena", "note": NOTE}).status_code == 302
    Assertion.objects.all().delete()

    response = client.post(award_url(badge_world.award), {"recipient": "lena", "note": NOTE})

    assert response.status_code == 429
    assert "awarded a lot of badges in the last hour" in response.content.decode()
    assert not Assertion.objects.exists()
