"""Putting an earlier version of a page back: always as a new revision, so nothing in the history is lost."""

from .models import RevisionNote
from .signals import page_reverted


def restore_revision(page, revision, user, summary):
    """Publish `revision`'s content again as the newest revision of `page`, by `user`; returns the new revision."""
    replaced = page.live_revision
    restored_page = revision.as_object()
    # Old content may predate today's validation rules; it was valid when it was published.
    new_revision = restored_page.save_revision(user=user, previous_revision=revision, log_action=True, clean=False)
    RevisionNote.objects.create(
        revision=new_revision, summary=summary[: RevisionNote._meta.get_field("summary").max_length]
    )
    new_revision.publish(user=user, previous_revision=revision, skip_permission_checks=True)
    page_reverted.send(
        sender=type(page), page=page, revision=new_revision, restored=revision, replaced=replaced, user=user
    )
    return new_revision
