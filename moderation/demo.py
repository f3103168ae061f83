"""The moderation part of the demo community, loaded by `load_initial_data` after the pages exist.

Gives every member a role and a confirmed address, and writes a little history: later versions of some courses and
wiki pages by different members (published by trusted contributors, or approved by a moderator), and one change
still waiting for staff review, so /recent-changes/, page histories and the review queue have something real.
"""

from datetime import timedelta

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

from history.models import RevisionNote

from . import roles
from .models import Contributor, ReviewOutcome

# username: roles beyond Learner. Every demo member organises a course, so every one of them contributes.
MEMBER_ROLES = {
    "ada": [roles.CONTRIBUTORS, roles.TRUSTED],
    "bruno": [roles.CONTRIBUTORS],
    "chen": [roles.CONTRIBUTORS, roles.TRUSTED],
    "dana": [roles.CONTRIBUTORS],
    "emeka": [roles.CONTRIBUTORS],
    "farah": [roles.CONTRIBUTORS, roles.TRUSTED, roles.MODERATORS],
    "gabriel": [roles.CONTRIBUTORS],
    "hana": [roles.CONTRIBUTORS, roles.TRUSTED],
    "admin": [],
    "moderator": [roles.MODERATORS],
    "contributor": [roles.CONTRIBUTORS],
    "learner": [],
}
STAFF = {"moderator"}

# (path under the home page, author, approved by (None: published by the author), days ago, summary, change)
EDITS = [
    (
        "wiki/organiser-handbook/facilitation-tips",
        "chen",
        None,
        12,
        "Added the round-robin technique",
        (
            "paragraph",
            "<p><b>Round robin.</b> Go round the circle once before anyone speaks twice. Quiet voices get a turn without being put on the spot, and talkative ones learn to wait.</p>",
        ),
    ),
    (
        "schools/webcraft/gentle-introduction-to-python",
        "bruno",
        None,
        9,
        "Clarified the weekly time commitment",
        (
            "paragraph",
            "<p>Most learners spend three to four hours a week: one hour of reading, the rest trying things out. Falling behind is fine; the tasks stay open.</p>",
        ),
    ),
    (
        "wiki/organiser-handbook/running-your-first-study-group",
        "dana",
        "farah",
        7,
        "Added a section on week 2",
        (
            "paragraph",
            "<p><b>Week 2: find the rhythm.</b> Start with a five-minute check-in: what did everyone try since last time? Then work through one task together and leave the rest for the week.</p>",
        ),
    ),
    (
        "wiki/learner-guide/finding-open-materials",
        "gabriel",
        "farah",
        5,
        "Added where to find free audiobooks",
        (
            "paragraph",
            '<p>For literature, <a href="https://librivox.org/">LibriVox</a> has free public-domain audiobooks read by volunteers, and Project Gutenberg has the texts.</p>',
        ),
    ),
    (
        "wiki/glossary",
        "hana",
        None,
        3,
        "Explained what an organiser does",
        (
            "paragraph",
            "<p><b>Organiser:</b> the peer who starts a course or study group, sets its rhythm and keeps the conversation going. Not a teacher: a host.</p>",
        ),
    ),
    (
        "schools/webcraft/html-and-css-from-scratch",
        "chen",
        None,
        1,
        "Linked the MDN beginner guides",
        (
            "paragraph",
            '<p>Stuck on a property? The <a href="https://developer.mozilla.org/en-US/docs/Learn">MDN Learn pages</a> explain every part of HTML and CSS with examples you can edit.</p>',
        ),
    ),
]
# Still waiting for a moderator: the demo contributor's first proposal (or Dana's, without demo accounts).
PENDING = (
    "wiki/learner-guide/staying-motivated",
    ("contributor", "dana"),
    "Added tips for catching up after a break",
    (
        "paragraph",
        "<p>Back after a break? Skim the discussion for the weeks you missed, pick one task to finish, and say hello in the next meeting. Nobody expects you to catch up on everything.</p>",
    ),
)


def load(builder):
    """Add what is missing; `builder.users` maps usernames to members, `builder.note()` reports progress."""
    give_roles(builder)
    pages = {path: page_at(path) for path in [edit[0] for edit in EDITS] + [PENDING[0]]}
    missing = [edit for edit in EDITS if pages[edit[0]] and not has_summary(pages[edit[0]], edit[4])]
    # Notifications would go to every moderator's inbox: the demo's history is not news.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
        if missing and len(missing) == len(EDITS):
            settle_creation_dates()
        for edit in missing:
            make_edit(builder, pages[edit[0]], *edit[1:])
        pending_page = pages[PENDING[0]]
        if pending_page and not has_summary(pending_page, PENDING[2]):
            author = next((builder.users[name] for name in PENDING[1] if name in builder.users), None)
            if author is not None:
                propose(builder, pending_page, author, PENDING[2], PENDING[3])


def give_roles(builder):
    now = timezone.now()
    for username, member in builder.users.items():
        changed = []
        if member.email_confirmed_at is None:
            member.email_confirmed_at = now
            changed.append("email_confirmed_at")
        if username in STAFF and not member.is_staff:
            member.is_staff = True
            changed.append("is_staff")
        if changed:
            member.save(update_fields=changed)
        wanted = [roles.LEARNERS, *MEMBER_ROLES.get(username, [])]
        if not set(wanted) <= roles.group_names(member):
            roles.add_role(member, *wanted)
            builder.note(f"roles of {username}: {', '.join(wanted)}")
        if roles.CONTRIBUTORS in wanted:
            Contributor.objects.get_or_create(
                user=member, defaults={"guidelines_accepted_at": now - timedelta(days=30)}
            )


def page_at(path):
    return Page.objects.filter(url_path=f"/home/{path}/").specific().first()


def has_summary(page, summary):
    return RevisionNote.objects.filter(revision__object_id=str(page.pk), summary=summary).exists()


def settle_creation_dates():
    """The demo pages were all created a moment ago; date them a month back so later edits read in order."""
    recent = timezone.now() - timedelta(hours=6)
    shift = timedelta(days=30)
    for revision in Revision.page_revisions.filter(created_at__gte=recent):
        Revision.objects.filter(pk=revision.pk).update(created_at=revision.created_at - shift)
    for entry in PageLogEntry.objects.filter(timestamp__gte=recent):
        PageLogEntry.objects.filter(pk=entry.pk).update(timestamp=entry.timestamp - shift)
    for page in Page.objects.filter(last_published_at__gte=recent):
        Page.objects.filter(pk=page.pk).update(
            first_published_at=page.first_published_at - shift if page.first_published_at else None,
            last_published_at=page.last_published_at - shift,
            latest_revision_created_at=page.latest_revision_created_at - shift
            if page.latest_revision_created_at
            else None,
        )


def changed_copy(page, block):
    page = page.specific_class.objects.get(pk=page.pk)
    page.body.append(block)
    return page


def make_edit(builder, page, author_name, approver_name, days_ago, summary, block):
    author = builder.users.get(author_name)
    approver = builder.users.get(approver_name) if approver_name else None
    if author is None or (approver_name and approver is None):
        return
    edited = changed_copy(page, block)
    revision = edited.save_revision(user=author, log_action=True)
    RevisionNote.objects.create(revision=revision, summary=summary)
    if approver is None:
        revision.publish(user=author, skip_permission_checks=True)
    else:
        state = edited.get_workflow().start(edited, author)
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, approver, "approve", comment="")
    backdate(page, revision, timezone.now() - timedelta(days=days_ago, hours=author.pk % 7))
    builder.note(f"edit by {author_name} to “{page.title}”")


def propose(builder, page, author, summary, block):
    edited = changed_copy(page, block)
    revision = edited.save_revision(user=author, log_action=True)
    RevisionNote.objects.create(revision=revision, summary=summary)
    edited.get_workflow().start(edited, author)
    backdate(page, revision, timezone.now() - timedelta(hours=20))
    builder.note(f"change by {author.username} to “{page.title}” waiting for review")


def backdate(page, revision, when):
    """Move a demo edit (its revision, log entries, review and the page's dates) to `when`."""
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    PageLogEntry.objects.filter(revision=revision).update(timestamp=when)
    states = WorkflowState.objects.filter(object_id=str(page.pk), created_at__gt=when)
    TaskState.objects.filter(workflow_state__in=states).update(started_at=when, finished_at=when + timedelta(hours=2))
    states.update(created_at=when)
    ReviewOutcome.objects.filter(revision=revision).update(decided_at=when + timedelta(hours=2))
    updates = {"latest_revision_created_at": when}
    if Page.objects.filter(pk=page.pk, live_revision=revision).exists():
        updates["last_published_at"] = when
    Page.objects.filter(pk=page.pk).update(**updates)
