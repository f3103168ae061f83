"""Email to learners and organisers: sign-up decisions, waiting-list places, applications and announcements.

Every email has a plain-text body (a template in templates/learning/emails/) and the same text as simple HTML.
They go out after the database change is committed, through a background task (django-tasks; at once when no
worker is configured), and through Django's email backend: console in development, SMTP from the settings.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from people.models import reachable

UNSUBSCRIBE_SALT = "learning.unsubscribe"

# What each learner email says about a sign-up, and the status it must still have when the email goes out.
LEARNER_EVENTS = {
    "accepted": ("You’re in: {course}", "active"),
    "accepted_waiting": ("You’re on the waiting list for {course}", "waiting"),
    "promoted": ("A place opened up: you’re in {course}", "active"),
    "declined": ("Your request to join {course}", "declined"),
    "removed": ("You were removed from {course}", "removed"),
}


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL + path


def compose(template, context, subject, to, headers=None):
    """An email whose HTML part is its plain text with paragraphs and links."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    text = render_to_string(f"learning/emails/{template}.txt", context).strip() + "\n"
    # urlize escapes the text and adds the links; linebreaks then only wraps paragraphs around it.
    body_html = mark_safe(linebreaks(urlize(text, autoescape=True), autoescape=False))  # noqa: S308
    html = render_to_string("learning/emails/layout.html", {**context, "subject": subject, "body_html": body_html})
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    return message


def _on_commit(task, *args):
    transaction.on_commit(lambda: task.enqueue(*args))


# Sign-ups


def learner_told(signup, event):
    """After commit: tell the learner about `event` (a key of LEARNER_EVENTS) on their sign-up."""
    from .tasks import send_learner_email

    _on_commit(send_learner_email, signup.pk, event)


def application_received(signup):
    """After commit: tell the course's organisers that someone applied to join."""
    from .tasks import send_application_email

    _on_commit(send_application_email, signup.pk)


def learner_email(signup, event):
    """The email for `event`, or None when it no longer holds (they left since) or they can't be emailed."""
    subject, status = LEARNER_EVENTS[event]
    user = signup.user
    if signup.status != status or not reachable(type(user).objects.filter(pk=user.pk)).exists():
        return None
    course = signup.course
    context = {
        "event": event,
        "signup": signup,
        "learner": user,
        "course": course,
        "course_url": absolute(course.url),
        "dashboard_url": absolute(reverse("learning:dashboard")),
    }
    if event == "accepted_waiting":
        from .signups import waiting_position

        context["position"] = waiting_position(signup)
    return compose(f"signup_{event}", context, subject.format(course=course.title), [user.email])


def application_emails(signup):
    """One email per organiser of the course about a new application (none if it was answered meanwhile)."""
    from django.contrib.auth import get_user_model

    if signup.status != "pending":
        return []
    course = signup.course
    organisers = reachable(get_user_model().objects.filter(organised_courses__page=course)).distinct()
    context = {
        "signup": signup,
        "learner": signup.user,
        "course": course,
        "question": course.signup_question,
        "participants_url": absolute(course.url + "participants/?status=pending"),
    }
    subject = f"{signup.user.public_name} asked to join {course.title}"
    return [compose("application", {**context, "organiser": person}, subject, [person.email]) for person in organisers]


# Announcements


def unsubscribe_token(signup):
    return signing.dumps({"s": signup.pk, "u": signup.user_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """(sign-up id, user id) from a token we made, else None."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["s"]), int(data["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def announcement_email(announcement, signup):
    course = announcement.course
    unsubscribe_url = absolute(reverse("learning:unsubscribe", args=[unsubscribe_token(signup)]))
    context = {
        "announcement": announcement,
        "course": course,
        "learner": signup.user,
        "course_url": absolute(course.url),
        "archive_url": absolute(course.url + f"announcements/{announcement.pk}/"),
        "unsubscribe_url": unsubscribe_url,
    }
    host = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return compose(
        "announcement",
        context,
        f"{announcement.subject} · {course.title}",
        [signup.user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{course.title} <course-{course.pk}.{host}>",
            "Precedence": "bulk",
        },
    )
