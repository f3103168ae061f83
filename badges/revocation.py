"""Revoking badges: by staff, and when a moderator blocks a member whose content a badge depended on.

A block revokes the blocked member's own badges, the badges they awarded as an organiser, and peer-assessed badges
that would not have been earned without their reviews. Undoing the block removes exactly those revocations.
"""

from django.db import transaction

from .awarding import meets_threshold
from .models import Assertion, EarningPath, Revocation

REASON_HOLDER_BLOCKED = "The holder’s account was blocked by the community’s moderators."
REASON_AWARDER_BLOCKED = "It was awarded by an organiser whose account was later blocked by the moderators."
REASON_REVIEWER_BLOCKED = "It rested on peer reviews from an account later blocked by the moderators."


def revoke(assertion, reason, *, by=None):
    """Revoke by a staff decision (kept until staff reinstate it)."""
    return Revocation.objects.create(assertion=assertion, reason=reason, revoked_by=by)


def reinstate(assertion):
    """Undo staff revocations; revocations caused by a block stay until the block is undone."""
    Revocation.objects.filter(assertion=assertion, blocked_member__isnull=True).delete()


def assertions_depending_on(member):
    """(assertion, reason) for each badge that depended on `member`'s account or content."""
    found = {}
    for assertion in Assertion.objects.filter(recipient=member):
        found.setdefault(assertion.pk, (assertion, REASON_HOLDER_BLOCKED))
    for assertion in Assertion.objects.filter(awarded_by=member, earned_by=EarningPath.ORGANISER_AWARD):
        found.setdefault(assertion.pk, (assertion, REASON_AWARDER_BLOCKED))
    reviewed = Assertion.objects.filter(
        earned_by=EarningPath.PEER_ASSESSMENT, submission__reviews__reviewer=member
    ).select_related("submission__badge")
    for assertion in reviewed:
        if assertion.pk not in found and not meets_threshold(assertion.submission, exclude_reviewer=member):
            found[assertion.pk] = (assertion, REASON_REVIEWER_BLOCKED)
    return list(found.values())


def revoke_for_block(member, moderator=None):
    with transaction.atomic():
        revocations = [
            Revocation(assertion=assertion, reason=reason, blocked_member=member, revoked_by=moderator)
            for assertion, reason in assertions_depending_on(member)
        ]
        Revocation.objects.bulk_create(revocations, ignore_conflicts=True)
    return len(revocations)


def restore_after_unblock(member):
    deleted, _ = Revocation.objects.filter(blocked_member=member).delete()
    return deleted
