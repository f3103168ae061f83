"""Emails from the moderation app, sent by `moderation.tasks` to reachable members only. Wagtail sends its own for
submissions, approvals and requested changes."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse


def _send(template, context, recipients):
    if not recipients:
        return
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "base_url": settings.WAGTAILADMIN_BASE_URL, **context}
    for recipient in recipients:
        context["recipient"] = recipient
        subject = render_to_string(f"moderation/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"moderation/emails/{template}.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])


def send_trust_change(member, promoted, automatic):
    """Tell a member they can now publish without review, or that their changes go through review again."""
    _send(
        "trust_change",
        {
            "member": member,
            "promoted": promoted,
            "automatic": automatic,
            "contribute_url": reverse("moderation:contribute"),
        },
        [member],
    )


def send_proposal_to_organisers(course, task_state, organisers):
    """Tell a course's organisers that someone proposed a change to it, with where to see and decide on it."""
    requested_by = task_state.workflow_state.requested_by
    _send(
        "proposal",
        {
            "course": course,
            "requested_by": requested_by,
            "review_url": reverse("moderation:review", args=[task_state.pk]),
        },
        organisers,
    )
