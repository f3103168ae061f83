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


def many_versions(page, count, users, start=None):
    """`count` published versions of `page`, made in bulk (as a busy wiki accumulates them), by `users` in turn."""
    from datetime import timedelta

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from wagtail.models import Page, PageLogEntry, Revision

    start = start or timezone.now() - timedelta(days=365)
    page_type = ContentType.objects.get_for_model(type(page))
    base_type = ContentType.objects.get_for_model(Page)
    content = page.serializable_data()
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=page_type,
            base_content_type=base_type,
            object_id=str(page.pk),
            object_str=page.title,
            content=content,
            user=users[index % len(users)],
            created_at=start + timedelta(minutes=index),
        )
        for index in range(count)
    )
    RevisionNote.objects.bulk_create(
        RevisionNote(revision=revision, summary=f"Edit number {index}")
        for index, revision in enumerate(revisions)
        if index % 2
    )
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            page=page,
            content_type=page_type,
            label=page.title,
            action="wagtail.publish",
            revision=revision,
            user=revision.user,
            timestamp=revision.created_at,
            data={},
        )
        for revision in revisions
    )
    Page.objects.filter(pk=page.pk).update(live_revision=revisions[-1], latest_revision=revisions[-1])
    return revisions
