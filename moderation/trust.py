"""Trust levels: contributors earn the right to publish without review, and lose it when their changes keep
being sent back or reverted.

A contributor is promoted after `TRUST_AFTER_APPROVALS` approved changes with none sent back or reverted among
their last `TRUST_WINDOW` reviewed changes; a trusted contributor goes back to review after
`DEMOTE_AFTER_REJECTIONS` changes sent back or reverted within that window. Moderators may promote and demote by
hand; counting then starts afresh, so an old decision never undoes theirs.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from . import roles, tasks
from .conf import conf
from .models import Contributor, ReviewOutcome


@dataclass
class TrustStatus:
    """Where a member stands on the way to (or within) trust, for them and for moderators."""

    role: str
    approved: int
    needed: int
    window: int
    remaining: int
    negatives_in_window: int
    recent_setback: bool

    @property
    def is_trusted(self):
        return self.role in ("trusted", "moderator", "admin")

    @property
    def is_contributor(self):
        return self.role in ("contributor", "trusted", "moderator", "admin")

    @property
    def percent(self):
        if self.is_trusted:
            return 100
        done = max(0, self.needed - self.remaining) if self.recent_setback else min(self.approved, self.needed)
        return round(100 * done / self.needed) if self.needed else 100

    @property
    def shown_approved(self):
        """How far along the bar is, in approved changes out of `needed`."""
        return min(self.approved, self.needed) if not self.recent_setback else max(0, self.needed - self.remaining)

    @property
    def summary(self):
        if not self.is_contributor:
            return "Start contributing to create courses and improve wiki pages."
        if self.is_trusted:
            return "Trusted contributor: your changes to the wiki and to your courses are published straight away."
        if self.recent_setback:
            return (
                f"{self.remaining} more approved change{'s' if self.remaining != 1 else ''} in a row to become a "
                "trusted contributor (a change was sent back recently)."
            )
        return f"{self.approved} of {self.needed} approved changes to become a trusted contributor."


def recent_outcomes(member, since, limit):
    return list(
        ReviewOutcome.objects.filter(member=member, decided_at__gte=since).order_by("-decided_at", "-pk")[:limit]
    )


def counted_since(member):
    record = Contributor.objects.filter(user=member).first()
    return record.trust_counted_since if record else member.date_joined


def status_for(member):
    """The member's trust status, read in two queries (their contributor record and their latest reviews)."""
    needed, window = conf.TRUST_AFTER_APPROVALS, conf.TRUST_WINDOW
    outcomes = recent_outcomes(member, counted_since(member), max(needed, window))
    approved = sum(1 for outcome in outcomes if not outcome.is_negative)
    in_window = outcomes[:window]
    negatives = [index for index, outcome in enumerate(in_window) if outcome.is_negative]
    # The most recent setback leaves the window after this many further reviews, all of which must be approvals.
    to_clear_window = window - negatives[0] if negatives else 0
    return TrustStatus(
        role=roles.role_of(member),
        approved=approved,
        needed=needed,
        window=window,
        remaining=max(needed - approved, to_clear_window, 0),
        negatives_in_window=len(negatives),
        recent_setback=bool(negatives),
    )


def record_outcome(member, page, outcome, decided_by=None, revision=None, comment=""):
    """Record a decision on a member's change, and promote or demote them if it crosses a threshold."""
    if member is None or not member.is_active or (decided_by is not None and member.pk == decided_by.pk):
        return None
    result = ReviewOutcome.objects.create(
        member=member, page=page, revision=revision, outcome=outcome, decided_by=decided_by, comment=comment
    )
    reconsider(member)
    return result


def reconsider(member):
    """Apply the automatic promotion and demotion rules to a member's current record."""
    role = roles.role_of(member)
    if role not in ("contributor", "trusted"):
        return
    status = status_for(member)
    if role == "contributor" and status.remaining == 0:
        promote(member, automatic=True)
    elif role == "trusted" and status.negatives_in_window >= conf.DEMOTE_AFTER_REJECTIONS:
        demote(member, automatic=True)


class TrustRefused(Exception):
    """A promotion or demotion that can't be made; the message says why, for the moderator."""


@transaction.atomic
def promote(member, by=None, note="", automatic=False):
    if not roles.is_contributor(member):
        raise TrustRefused(f"{member.public_name} hasn't started contributing yet, so there is nothing to trust.")
    if roles.is_trusted(member):
        raise TrustRefused(f"{member.public_name} is already trusted.")
    roles.add_role(member, roles.TRUSTED)
    _change_trust(member, "moderation.promote", by, note, automatic)


@transaction.atomic
def demote(member, by=None, note="", automatic=False):
    if roles.is_moderator(member):
        raise TrustRefused(f"{member.public_name} is a moderator; take them out of the Moderators group instead.")
    if roles.TRUSTED not in roles.group_names(member):
        raise TrustRefused(f"{member.public_name} is not a trusted contributor.")
    roles.remove_role(member, roles.TRUSTED)
    _change_trust(member, "moderation.demote", by, note, automatic)


def _change_trust(member, action, by, note, automatic):
    # Counting starts afresh after every change of level, so the reviews that led here don't count twice.
    Contributor.objects.update_or_create(user=member, defaults={"trust_counted_since": timezone.now()})
    log(instance=member, action=action, user=by, data={"automatic": automatic, "note": note})
    promoted = action == "moderation.promote"
    transaction.on_commit(lambda: tasks.send_trust_change.enqueue(member.pk, promoted, automatic))


def start_contributing(member):
    """The one step from learner to contributor; returns False when they already were one."""
    if roles.is_contributor(member):
        return False
    with transaction.atomic():
        Contributor.objects.get_or_create(user=member)
        roles.add_role(member, roles.CONTRIBUTORS)
        log(instance=member, action="moderation.start_contributing", user=member)
    return True
