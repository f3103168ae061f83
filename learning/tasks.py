"""Background work: emails go out after the request, on a worker when a TASKS backend is configured."""

from django.core.mail import get_connection

from django_tasks import task

from . import announcements, emails
from .models import Signup


def _signup(signup_id):
    return Signup.objects.select_related("user", "course", "round").filter(pk=signup_id).first()


@task()
def send_learner_email(signup_id, event):
    signup = _signup(signup_id)
    message = emails.learner_email(signup, event) if signup else None
    return message.send() if message else 0


@task()
def send_application_email(signup_id):
    signup = _signup(signup_id)
    messages = emails.application_emails(signup) if signup else []
    if messages:
        with get_connection() as connection:
            connection.send_messages(messages)
    return len(messages)


@task()
def send_announcement(announcement_id):
    return announcements.deliver(announcement_id)
