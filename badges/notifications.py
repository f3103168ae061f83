"""Emails about badges: a new badge for its holder, new work to review for the course organisers.

They are sent after the database commits, through django-tasks (on a worker when a TASKS backend is configured).
"""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from django_tasks import task

from .documents import absolute
from .models import Assertion, Submission


def _send(subject, template, context, recipients):
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    body = render_to_string(template, context)
    return send_mail(subject, body, None, recipients)


@task()
def send_award_email(assertion_id):
    """Tell a member they have a new badge, with where to find and download it."""
    assertion = Assertion.objects.select_related("badge", "recipient", "awarded_by").filter(pk=assertion_id).first()
    if assertion is None or assertion.is_revoked:
        return 0
    context = {"assertion": assertion, "url": absolute(assertion.get_absolute_url())}
    return _send(
        f"You earned the {assertion.badge.name} badge",
        "badges/emails/awarded.txt",
        context,
        [assertion.recipient.email],
    )


@task()
def send_submission_email(submission_id):
    """Ask the organisers of the badge's courses to review new work."""
    submission = Submission.objects.select_related("badge", "learner").filter(pk=submission_id).first()
    if submission is None:
        return 0
    badge = submission.badge
    from django.contrib.auth import get_user_model

    organisers = get_user_model().objects.filter(pk__in=badge.organiser_ids(), is_active=True, blocked_at__isnull=True)
    context = {"submission": submission, "badge": badge, "url": absolute(submission.get_absolute_url())}
    return _send(
        f"New work to review for {badge.name}",
        "badges/emails/submission.txt",
        context,
        [member.email for member in organisers.exclude(pk=submission.learner_id)],
    )


def award_made(assertion):
    transaction.on_commit(lambda: send_award_email.enqueue(assertion.pk))


def submission_made(submission):
    transaction.on_commit(lambda: send_submission_email.enqueue(submission.pk))
