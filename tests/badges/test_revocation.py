"""Blocking a member revokes the badges that depended on them; unblocking restores exactly those."""

from django.utils import timezone

import pytest

from badges.awarding import award_by_organiser, review_submission
from badges.models import Assertion, Revocation
from badges.revocation import REASON_AWARDER_BLOCKED, REASON_HOLDER_BLOCKED, REASON_REVIEWER_BLOCKED, revoke
from moderation.signals import member_blocked, member_unblocked
from people.models import User

from .factories import AssertionFactory, MemberFactory, SubmissionFactory

COMMENT = "Thorough work that meets the criteria."


def block(member, moderator):
    member.blocked_at = timezone.now()
    member.is_active = False
    member.save()
    member_blocked.send(sender=User, user=member, moderator=moderator)


def unblock(member, moderator):
    member.blocked_at = None
    member.is_active = True
    member.save()
    member_unblocked.send(sender=User, user=member, moderator=moderator)


@pytest.fixture
def moderator(db):
    return MemberFactory(username="mod", is_staff=True)


def status(client, assertion):
    return client.get(f"/badges/assertions/{assertion.uuid}.json").status_code


def test_blocking_revokes_the_members_own_badges_and_unblocking_restores_them(client, badge_world, moderator):
    own = AssertionFactory(badge=badge_world.completion, recipient=badge_world.learner)

    block(badge_world.learner, moderator)

    assert status(client, own) == 410
    assert client.get(f"/badges/assertions/{own.uuid}.json").json()["revocationReason"] == REASON_HOLDER_BLOCKED
    assert Revocation.objects.get().revoked_by == moderator
    unblock(badge_world.learner, moderator)
    assert status(client, own) == 200
    assert not Revocation.objects.exists()


def test_blocking_an_organiser_revokes_the_badges_they_awarded(client, badge_world, moderator):
    awarded = award_by_organiser(badge_world.award, badge_world.organiser, badge_world.learner, note="Great sessions.")
    unrelated = AssertionFactory(badge=badge_world.completion, recipient=badge_world.learner)

    block(badge_world.organiser, moderator)

    assert status(client, awarded) == 410
    assert awarded.revocations.get().reason == REASON_AWARDER_BLOCKED
    assert status(client, unrelated) == 200
    unblock(badge_world.organiser, moderator)
    assert status(client, awarded) == 200


def test_blocking_a_reviewer_revokes_peer_badges_that_needed_their_review(client, badge_world, moderator, holder_of):
    spammer, honest, extra = (holder_of(badge_world.peer) for _ in range(3))
    needed = SubmissionFactory(badge=badge_world.peer)
    review_submission(needed, spammer, rating=5, comment=COMMENT)
    earned_with_spammer = review_submission(needed, honest, rating=4, comment=COMMENT)[1]
    enough_without = SubmissionFactory(badge=badge_world.peer)
    review_submission(enough_without, honest, rating=4, comment=COMMENT)
    review_submission(enough_without, extra, rating=4, comment=COMMENT)
    assert earned_with_spammer is not None
    # The spammer's review came after the award here, so the award never rested on it.
    unaffected = Assertion.objects.get(submission=enough_without)

    block(spammer, moderator)

    assert status(client, earned_with_spammer) == 410
    assert earned_with_spammer.revocations.get().reason == REASON_REVIEWER_BLOCKED
    assert status(client, unaffected) == 200
    # The spammer's own badge goes too.
    assert Assertion.objects.revoked().filter(recipient=spammer).exists()
    unblock(spammer, moderator)
    assert Assertion.objects.revoked().count() == 0


def test_a_badge_revoked_by_staff_stays_revoked_when_a_block_is_undone(client, badge_world, moderator):
    own = AssertionFactory(badge=badge_world.completion, recipient=badge_world.learner)
    revoke(own, "The work was not the learner's own.", by=moderator)

    block(badge_world.learner, moderator)
    unblock(badge_world.learner, moderator)

    assert status(client, own) == 410
    assert client.get(f"/badges/assertions/{own.uuid}.json").json()["revocationReason"] == (
        "The work was not the learner's own."
    )


def test_blocking_twice_does_not_duplicate_revocations(badge_world, moderator):
    AssertionFactory(badge=badge_world.completion, recipient=badge_world.learner)

    block(badge_world.learner, moderator)
    member_blocked.send(sender=User, user=badge_world.learner, moderator=moderator)

    assert Revocation.objects.count() == 1


def test_revoked_badges_leave_the_profile_and_holder_lists(client, badge_world, moderator):
    own = AssertionFactory(badge=badge_world.completion, recipient=badge_world.learner)
    assert "Lena Berg" in client.get("/badges/web-literate/").content.decode()

    block(badge_world.learner, moderator)

    assert "Lena Berg" not in client.get("/badges/web-literate/").content.decode()
    page = client.get(own.get_absolute_url())
    assert page.status_code == 410
    assert f"<strong>Revoked.</strong> {REASON_HOLDER_BLOCKED}" in page.content.decode()
    assert own.baked_url not in page.content.decode(), "no download of a revoked badge"
