"""Block and roll back: one moderator action against a spammer, and its undo.

Blocking deactivates the account, withdraws their pending submissions, unpublishes the pages they created that
nobody else approved or edited, puts back the last version by someone else on every page where their change is
live, and sends `member_blocked` (the discussion hides their comments, badges revokes what depended on them).
Everything it did is kept on the Block, so undoing it can restore the pages and the account and send
`member_unblocked`. Both write to Wagtail's audit log.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from history.revert import restore_revision
from history.versions import PUBLISH

from . import roles
from .models import Block
from .signals import member_blocked, member_unblocked


class BlockRefused(Exception):
    """The block or undo can't be done; the message says why, for the moderator."""


def refusal(member, moderator):
    """Why `moderator` may not block `member`, or None."""
    if member.pk == moderator.pk:
        return "You can't block yourself."
    if member.is_superuser:
        return "Admins can't be blocked here."
    if roles.is_moderator(member) and not moderator.is_superuser:
        return "Only an admin can block a moderator."
    if member.is_blocked:
        return f"{member.public_name} is already blocked."
    return None


def last_good_revision(page, member):
    """The latest published revision of `page` that someone other than `member` wrote or approved, or None."""
    entries = (
        PageLogEntry.objects.filter(page=page, action=PUBLISH, revision__isnull=False)
        .filter(~Q(revision__user_id=member.pk) | (Q(user__isnull=False) & ~Q(user_id=member.pk)))
        .select_related("revision")
        .order_by("-timestamp", "-pk")
    )
    entry = entries.first()
    return entry.revision if entry else None


@transaction.atomic
def block_member(member, moderator, reason):
    """Block `member` and roll back their changes; returns the Block. Raises BlockRefused."""
    if problem := refusal(member, moderator):
        raise BlockRefused(problem)
    User = get_user_model()
    # Deactivated first: nothing below may count as their contribution, and their sessions stop working at once.
    member.is_active = False
    member.blocked_at = timezone.now()
    member.block_reason = reason
    member.save(update_fields=["is_active", "blocked_at", "block_reason"])

    rollback = {"cancelled": [], "unpublished": [], "reverted": []}
    for state in WorkflowState.objects.active().filter(requested_by=member):
        state.cancel(user=moderator)
        rollback["cancelled"].append(state.pk)

    summary = f"Rolled back changes by {member.public_name} (blocked: {reason})"
    touched = Page.objects.live().filter(Q(owner=member) | Q(live_revision__user=member)).specific().order_by("-depth")
    for page in touched:
        live_revision = page.live_revision
        if live_revision is None:
            continue
        good = last_good_revision(page, member)
        if good is None:
            page.unpublish(user=moderator, log_action=True)
            rollback["unpublished"].append({"page": page.pk, "revision": live_revision.pk})
        elif good.pk != live_revision.pk:
            new_revision = restore_revision(page, good, moderator, summary)
            rollback["reverted"].append(
                {"page": page.pk, "replaced": live_revision.pk, "restored": good.pk, "new": new_revision.pk}
            )

    block = Block.objects.create(member=member, moderator=moderator, reason=reason, rollback=rollback)
    log(
        instance=member,
        action="moderation.block",
        user=moderator,
        data={
            "reason": reason,
            "block": block.pk,
            "unpublished": len(rollback["unpublished"]),
            "reverted": len(rollback["reverted"]),
            "cancelled": len(rollback["cancelled"]),
        },
    )
    member_blocked.send(sender=User, user=member, moderator=moderator)
    return block


@transaction.atomic
def undo_block(block, moderator, note=""):
    """Restore the account and the pages a block rolled back, where nobody has changed them since."""
    if block.undone_at is not None:
        raise BlockRefused("This block was already undone.")
    member = block.member
    User = get_user_model()
    restored, skipped = [], []
    when = date_format(timezone.localtime(block.created_at), "j F Y")

    for item in block.rollback.get("unpublished", []):
        page = Page.objects.filter(pk=item["page"]).first()
        revision = Revision.objects.filter(pk=item["revision"]).first()
        if page is None or revision is None or page.live:
            skipped.append(item["page"])
            continue
        revision.publish(user=moderator, skip_permission_checks=True)
        restored.append(item["page"])

    for item in block.rollback.get("reverted", []):
        page = Page.objects.filter(pk=item["page"]).specific().first()
        replaced = Revision.objects.filter(pk=item["replaced"]).first()
        if page is None or replaced is None or page.live_revision_id != item["new"]:
            skipped.append(item["page"])  # someone changed it since: their work wins
            continue
        restore_revision(page, replaced, moderator, f"Undid the roll-back of {when} (block lifted)")
        restored.append(item["page"])

    member.is_active = True
    member.blocked_at = None
    member.block_reason = ""
    member.save(update_fields=["is_active", "blocked_at", "block_reason"])
    block.undone_at = timezone.now()
    block.undone_by = moderator
    block.rollback = {**block.rollback, "undo": {"restored": restored, "skipped": skipped, "note": note}}
    block.save(update_fields=["undone_at", "undone_by", "rollback"])
    log(
        instance=member,
        action="moderation.unblock",
        user=moderator,
        data={"block": block.pk, "note": note, "restored": len(restored), "skipped": len(skipped)},
    )
    member_unblocked.send(sender=User, user=member, moderator=moderator)
    return restored, skipped
