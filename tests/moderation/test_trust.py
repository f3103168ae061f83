"""Trust levels: promotion after N approved changes with none sent back among the last M, demotion after repeated
setbacks, moderators' manual decisions, and what members and moderators see."""

from datetime import timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from moderation import roles, tasks
from moderation.models import ReviewOutcome
from moderation.trust import TrustRefused, demote, promote, record_outcome, status_for
from people.models import User
from tests.factories import WikiPageFactory
from tests.people.factories import contributor, member, moderator, trusted

pytestmark = pytest.mark.django_db

APPROVED, SENT_BACK, REVERTED = ReviewOutcome.APPROVED, ReviewOutcome.CHANGES_REQUESTED, ReviewOutcome.REVERTED


@pytest.fixture
def page(site_tree):
    return WikiPageFactory(parent=site_tree.wiki)


@pytest.fixture
def mo(db):
    return moderator("mo")


def decide(member_, page, *outcomes, by=None):
    for outcome in outcomes:
        record_outcome(User.objects.get(pk=member_.pk), page, outcome, decided_by=by)


def is_trusted(person):
    return roles.TRUSTED in roles.group_names(User.objects.get(pk=person.pk))


@pytest.fixture(autouse=True)
def default_thresholds(settings):
    settings.MODERATION_TRUST_AFTER_APPROVALS = 5
    settings.MODERATION_TRUST_WINDOW = 10
    settings.MODERATION_DEMOTE_AFTER_REJECTIONS = 2


def test_the_fifth_approval_makes_a_trusted_contributor(page, mo, django_capture_on_commit_callbacks):
    cora = contributor("cora")
    decide(cora, page, *[APPROVED] * 4, by=mo)
    assert not is_trusted(cora)
    assert status_for(cora).summary == "4 of 5 approved changes to become a trusted contributor."

    with django_capture_on_commit_callbacks(execute=True):
        decide(cora, page, APPROVED, by=mo)

    assert is_trusted(cora)
    (message,) = mail.outbox
    assert message.to == ["cora@example.org"]
    assert "published as soon as you press Publish" in message.body
    entry = ModelLogEntry.objects.get(action="moderation.promote")
    assert entry.data["automatic"] is True


def test_trust_emails_go_only_to_members_the_site_may_email():
    confirmed, unconfirmed, blocked = contributor("cora"), contributor("una"), contributor("bea")
    User.objects.filter(pk=unconfirmed.pk).update(email_confirmed_at=None)
    User.objects.filter(pk=blocked.pk).update(blocked_at=timezone.now())

    for person in (confirmed, unconfirmed, blocked):
        tasks.send_trust_change.enqueue(person.pk, True, True)

    assert [message.to for message in mail.outbox] == [["cora@example.org"]]


def test_a_change_sent_back_within_the_window_holds_promotion_back_until_it_leaves(page, mo):
    cora = contributor("cora")
    decide(cora, page, *[APPROVED] * 4, SENT_BACK, by=mo)
    status = status_for(cora)
    assert status.recent_setback and status.remaining == 10
    assert "10 more approved changes in a row" in status.summary

    decide(cora, page, *[APPROVED] * 9, by=mo)
    assert not is_trusted(cora)
    assert status_for(cora).remaining == 1

    decide(cora, page, APPROVED, by=mo)
    assert is_trusted(cora)


def test_a_revert_counts_like_a_change_sent_back(page, mo):
    cora = contributor("cora")
    decide(cora, page, *[APPROVED] * 4, REVERTED, APPROVED, by=mo)

    assert not is_trusted(cora)


def test_a_trusted_contributor_is_demoted_after_two_setbacks_in_the_window(
    page, mo, django_capture_on_commit_callbacks
):
    hana = trusted("hana")
    decide(hana, page, REVERTED, by=mo)
    assert is_trusted(hana)

    with django_capture_on_commit_callbacks(execute=True):
        decide(hana, page, SENT_BACK, by=mo)

    assert not is_trusted(hana)
    assert roles.is_contributor(User.objects.get(pk=hana.pk))
    assert "go through staff review again" in mail.outbox[0].body
    # Counting starts afresh: the old setbacks don't hold back a new promotion.
    decide(hana, page, *[APPROVED] * 5, by=mo)
    assert is_trusted(hana)


def test_the_thresholds_are_settings(page, mo, settings):
    settings.MODERATION_TRUST_AFTER_APPROVALS = 2
    settings.MODERATION_TRUST_WINDOW = 3
    cora = contributor("cora")

    decide(cora, page, APPROVED, APPROVED, by=mo)

    assert is_trusted(cora)


def test_a_members_own_decisions_and_blocked_members_do_not_count(page):
    cora = contributor("cora")
    record_outcome(cora, page, APPROVED, decided_by=cora)
    cora.is_active = False
    record_outcome(cora, page, APPROVED)

    assert not ReviewOutcome.objects.exists()


def test_moderators_promote_and_demote_by_hand_and_counting_restarts(client, page, mo):
    cora = contributor("cora")
    decide(cora, page, SENT_BACK, SENT_BACK, by=mo)
    client.force_login(mo)

    client.post("/moderation/members/cora/trust/", {"level": "trusted", "note": "Long-time organiser"})

    assert is_trusted(cora)
    entry = ModelLogEntry.objects.get(action="moderation.promote")
    assert (entry.user, entry.data) == (mo, {"automatic": False, "note": "Long-time organiser"})
    # The old setbacks no longer count against her.
    decide(cora, page, REVERTED, by=mo)
    assert is_trusted(cora)

    client.post("/moderation/members/cora/trust/", {"level": "contributor"})
    assert not is_trusted(cora)
    assert ModelLogEntry.objects.filter(action="moderation.demote").count() == 1


def test_promotion_and_demotion_refuse_what_makes_no_sense(mo):
    learner = member("lee")
    with pytest.raises(TrustRefused, match="hasn't started contributing"):
        promote(learner, by=mo)
    with pytest.raises(TrustRefused, match="not a trusted contributor"):
        demote(contributor("cora"), by=mo)
    with pytest.raises(TrustRefused, match="is a moderator"):
        demote(moderator("mo2"), by=mo)
    with pytest.raises(TrustRefused, match="already trusted"):
        promote(trusted("hana"), by=mo)


def test_a_refused_promotion_is_explained_and_changes_nothing(client, mo):
    member("lee")
    client.force_login(mo)

    response = client.post("/moderation/members/lee/trust/", {"level": "trusted"}, follow=True)

    assert "hasn&#x27;t started contributing yet" in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="moderation.promote").exists()


def test_members_see_their_progress_and_moderators_see_everyones(client, page, mo):
    cora = contributor("cora")
    decide(cora, page, APPROVED, APPROVED, APPROVED, by=mo)

    client.force_login(User.objects.get(pk=cora.pk))
    own = client.get("/people/cora/").content.decode()
    assert "3 of 5 approved changes to become a trusted contributor." in own
    assert '<progress class="trust-meter" max="5" value="3"' in own
    assert "3 of 5" in client.get("/contribute/").content.decode()

    staff = Client()
    staff.force_login(mo)
    assert "3 of 5 approved changes" in staff.get("/moderation/members/cora/").content.decode()
    listing = staff.get("/moderation/members/?role=contributor").content.decode()
    assert "@cora" in listing
    # Others don't see it on her public profile.
    assert "3 of 5" not in Client().get("/people/cora/").content.decode()


def test_only_reviews_since_the_last_change_of_level_count(page, mo):
    cora = contributor("cora")
    decide(cora, page, *[APPROVED] * 3, by=mo)
    cora.contributor.trust_counted_since = timezone.now() + timedelta(seconds=1)
    cora.contributor.save()

    assert status_for(cora).approved == 0
