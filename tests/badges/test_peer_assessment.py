"""Peer assessment: learners submit work, holders and organisers review it, the badge is awarded exactly once."""

import pytest

from badges.awarding import AwardRefused, review_submission, submit_evidence
from badges.models import Assertion, Review, Submission
from tests.races import at_once, needs_two_transactions

from .factories import MemberFactory, ReviewFactory, SubmissionFactory

GOOD = {"rating": 4, "comment": "Clear, well structured and it meets every criterion."}


def snapshot():
    return (Submission.objects.count(), Review.objects.count(), Assertion.objects.count())


@pytest.fixture
def submission(badge_world):
    return SubmissionFactory(badge=badge_world.peer, learner=badge_world.learner)


def test_the_badge_is_awarded_when_enough_good_reviews_arrive(badge_world, submission, holder_of):
    first, second = holder_of(badge_world.peer), badge_world.organiser

    review, assertion = review_submission(submission, first, **GOOD)
    assert assertion is None, "one review of two is not enough"
    review, assertion = review_submission(submission, second, rating=3, **{"comment": GOOD["comment"]})

    assert assertion is not None
    assert assertion.recipient == badge_world.learner
    assert assertion.submission == submission
    assert assertion.earned_by == "peer"
    assert [item["id"] for item in assertion.evidence][1] == submission.evidence_url
    assert Assertion.objects.filter(badge=badge_world.peer).count() == 2  # the holder's and the new one


def test_a_low_average_does_not_award(badge_world, submission, holder_of):
    review_submission(submission, holder_of(badge_world.peer), rating=2, comment=GOOD["comment"])
    _, assertion = review_submission(submission, badge_world.organiser, rating=4, comment=GOOD["comment"])

    assert assertion is None  # average 3.0 < 3.5
    assert not Assertion.objects.filter(recipient=badge_world.learner).exists()


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("author", "can’t review your own submission"),
        ("stranger", "Only members who hold this badge"),
        ("unconfirmed", "Confirm your email address"),
    ],
)
def test_refused_reviews_change_nothing(badge_world, submission, who, message):
    reviewer = {
        "author": badge_world.learner,
        "stranger": MemberFactory(),
        "unconfirmed": MemberFactory(email_confirmed_at=None),
    }[who]
    before = snapshot()

    with pytest.raises(AwardRefused, match=message):
        review_submission(submission, reviewer, **GOOD)

    assert snapshot() == before


def test_reviewing_twice_is_refused(badge_world, submission, holder_of):
    reviewer = holder_of(badge_world.peer)
    review_submission(submission, reviewer, **GOOD)
    before = snapshot()

    with pytest.raises(AwardRefused, match="already reviewed"):
        review_submission(submission, reviewer, rating=1, comment="Changing my mind after all, sorry about that.")

    assert snapshot() == before
    assert Review.objects.get(reviewer=reviewer).rating == 4


def test_no_review_after_the_badge_is_earned(badge_world, submission, holder_of):
    review_submission(submission, holder_of(badge_world.peer), **GOOD)
    review_submission(submission, badge_world.organiser, **GOOD)
    late = holder_of(badge_world.peer)
    before = snapshot()

    with pytest.raises(AwardRefused, match="earned the badge already"):
        review_submission(submission, late, **GOOD)

    assert snapshot() == before


def test_a_revoked_holder_may_not_review(badge_world, submission, holder_of):
    from badges.revocation import revoke

    reviewer = holder_of(badge_world.peer)
    revoke(Assertion.objects.get(recipient=reviewer), "Copied work.")

    with pytest.raises(AwardRefused, match="Only members who hold this badge"):
        review_submission(submission, reviewer, **GOOD)


def test_submitting_creates_then_revises_until_reviewed(badge_world):
    learner = badge_world.learner
    submission, created = submit_evidence(
        badge_world.peer, learner, evidence_url="https://example.org/a", text="First version of my site."
    )
    assert created
    again, created = submit_evidence(
        badge_world.peer, learner, evidence_url="https://example.org/b", text="Second version of my site."
    )
    assert not created and again.pk == submission.pk
    assert Submission.objects.get().evidence_url == "https://example.org/b"

    ReviewFactory(submission=submission)
    with pytest.raises(AwardRefused, match="can no longer be changed"):
        submit_evidence(badge_world.peer, learner, evidence_url="https://example.org/c", text="Third version.")
    assert Submission.objects.get().evidence_url == "https://example.org/b"


def test_submissions_are_refused_for_holders_and_other_kinds_of_badge(badge_world, holder_of):
    holder = holder_of(badge_world.peer)
    with pytest.raises(AwardRefused, match="already hold"):
        submit_evidence(badge_world.peer, holder, evidence_url="https://example.org", text="Again please.")
    with pytest.raises(AwardRefused, match="not earned by peer assessment"):
        submit_evidence(badge_world.award, badge_world.learner, evidence_url="https://example.org", text="Me!")
    assert Submission.objects.count() == 0


@needs_two_transactions
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviews_arriving_at_once_award_exactly_once(badge_world, holder_of):
    badge_world.peer.min_reviews = 2
    badge_world.peer.save()
    submission = SubmissionFactory(badge=badge_world.peer, learner=badge_world.learner)
    reviewers = [holder_of(badge_world.peer), badge_world.organiser]
    # Each transaction stays open a moment after its review is written, so the two overlap.
    results, errors = at_once(
        lambda reviewer: review_submission(submission, reviewer, **GOOD),
        [(r,) for r in reviewers],
        linger_on=Review,
        seconds=0.5,
    )

    assert errors == []
    assert Review.objects.filter(submission=submission).count() == 2
    assert Assertion.objects.filter(badge=badge_world.peer, recipient=badge_world.learner).count() == 1
    # The second review to commit saw the first, so exactly one of them awarded.
    assert sum(1 for _, assertion in results if assertion is not None) == 1
