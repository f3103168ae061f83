"""Emails the accounts send: the confirmation link (password-reset mails are Django's own, with our templates)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from .tokens import make_token


def send_confirmation(user, email=None):
    """Send a link confirming `email` (the member's own address by default) for this account."""
    email = email or user.email
    context = {
        "user": user,
        "email": email,
        "changing": email != user.email,
        "link": settings.WAGTAILADMIN_BASE_URL + reverse("people:confirm_email", args=[make_token(user, email)]),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    send_mail(
        render_to_string("people/emails/confirm_subject.txt", context).strip(),
        render_to_string("people/emails/confirm.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [email],
    )
