"""Settings of the badges app, read when used so tests and deployments can change them.

Every one has a working default; set them in the environment or in a settings module.
"""

import os
from email.utils import parseaddr

from django.conf import settings


def setting(name, default):
    return getattr(settings, name, default)


def signing_key_pem():
    """The PEM of the RSA key that signs Open Badges 3.0 credentials: `BADGES_SIGNING_KEY` (setting or environment).

    Empty means the site generates a key once and keeps it in the database, so every app server signs with it.
    """
    pem = setting("BADGES_SIGNING_KEY", None) or os.environ.get("BADGES_SIGNING_KEY", "")
    # One-line environments (many hosting dashboards) write the PEM's line breaks as "\n".
    return pem.replace("\\n", "\n").strip()


def issuer_email():
    """The contact address published in the issuer profile (Open Badges 2.0 requires one)."""
    configured = setting("BADGES_ISSUER_EMAIL", None) or os.environ.get("BADGES_ISSUER_EMAIL", "")
    if configured:
        return configured
    from core.models import SiteIdentity

    contact = SiteIdentity.load().contact_email
    return contact or parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "badges@localhost"


# Uploaded badge images larger than this are refused.
def max_image_bytes():
    return setting("BADGES_MAX_IMAGE_BYTES", 2 * 1024 * 1024)


# How many peer-assessment submissions and reviews one member may send in an hour (cache-based, shared by servers).
def submissions_per_hour():
    return setting("BADGES_SUBMISSIONS_PER_HOUR", 10)


def reviews_per_hour():
    return setting("BADGES_REVIEWS_PER_HOUR", 30)


def awards_per_hour():
    return setting("BADGES_AWARDS_PER_HOUR", 60)
