"""Published versions of pages, made as the editor makes them: a revision, then publishing it."""

from history.models import RevisionNote


def publish_version(page, user=None, summary="", **fields):
    """Change `page`'s fields, save a revision by `user` and publish it; returns the revision."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    revision = page.save_revision(user=user, log_action=True)
    if summary:
        RevisionNote.objects.create(revision=revision, summary=summary)
    revision.publish(user=user, skip_permission_checks=True)
    return revision
