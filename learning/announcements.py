"""Announcements: organisers email every participant of a round (the Mechanical MOOC's weekly email).

An announcement is stored first and sent after commit, participant by participant over one connection per batch;
each delivered copy is recorded, so a retry after a mail-server failure never emails anyone twice. Participants
who unsubscribed from the course, who can't be emailed (unconfirmed address, blocked) or who only wait for a place
are left out. The stored announcements are the archive shown on the course page.
"""

import logging
import smtplib

from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from people.models import reachable

from .conf import conf
from .emails import announcement_email
from .models import Announcement, AnnouncementDelivery, Signup
from .permissions import Refusal, require_manager

logger = logging.getLogger(__name__)


def audience(course, round):
    """The sign-ups an announcement to `round` reaches (round None: everyone taking part in the course)."""
    signups = Signup.objects.taking_part().filter(course=course, announcements_muted=False)
    if round is not None:
        signups = signups.filter(round=round)
    return signups.filter(user__in=reachable(get_user_model().objects.all()))


def announce(course, author, round, subject, body):
    """Store an announcement from `author` and send it once the transaction commits."""
    require_manager(author, course)
    if round is not None and round.course_id != course.pk:
        raise Refusal("That round is not part of this course.")
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject or not body:
        raise Refusal("Write a subject and a message.")
    count = audience(course, round).count()
    if not count:
        raise Refusal("Nobody would get this announcement: no one taking part in that group receives emails yet.")
    announcement = Announcement.objects.create(
        course=course, round=round, author=author, subject=subject, body=body, recipient_count=count
    )
    send_later(announcement)
    return announcement


def send_later(announcement):
    from .tasks import send_announcement

    transaction.on_commit(lambda: send_announcement.enqueue(announcement.pk))


def retry(announcement, by):
    """Send the copies a failed sending did not deliver."""
    require_manager(by, announcement.course)
    if announcement.status != Announcement.Status.FAILED:
        raise Refusal("Only an announcement whose sending failed can be sent again.")
    Announcement.objects.filter(pk=announcement.pk).update(status=Announcement.Status.SENDING)
    send_later(announcement)


def deliver(announcement_id):
    """Email every participant who has no copy yet; returns how many copies went out now."""
    announcement = Announcement.objects.select_related("course", "round").get(pk=announcement_id)
    delivered = AnnouncementDelivery.objects.filter(announcement=announcement).values("user_id")
    pending = list(
        audience(announcement.course, announcement.round).exclude(user_id__in=delivered).select_related("user")
    )
    Announcement.objects.filter(pk=announcement.pk).update(recipient_count=announcement.sent_count + len(pending))
    sent, failed = 0, False
    size = conf.ANNOUNCEMENT_BATCH_SIZE
    for start in range(0, len(pending), size):
        done = []
        try:
            with get_connection() as connection:
                for signup in pending[start : start + size]:
                    connection.send_messages([announcement_email(announcement, signup)])
                    done.append(signup.user_id)
        except (smtplib.SMTPException, OSError):
            logger.exception("Announcement %s: sending stopped after %s copies", announcement.pk, sent + len(done))
            failed = True
        AnnouncementDelivery.objects.bulk_create(
            [AnnouncementDelivery(announcement=announcement, user_id=user_id) for user_id in done],
            ignore_conflicts=True,
        )
        Announcement.objects.filter(pk=announcement.pk).update(sent_count=F("sent_count") + len(done))
        sent += len(done)
        if failed:
            break
    status = Announcement.Status.FAILED if failed else Announcement.Status.SENT
    Announcement.objects.filter(pk=announcement.pk).update(status=status, sent_at=timezone.now())
    return sent
