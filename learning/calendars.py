"""iCalendar feeds (RFC 5545, built with `icalendar`): one per course, and a private one per learner.

Each meeting occurrence is its own event, written in the meeting's time zone with a VTIMEZONE, so calendar
programs show the right instant wherever the reader lives and a weekly 19:00 stays 19:00 across daylight saving.
Event UIDs stay the same from one download to the next, so subscribed calendars update instead of duplicating.
"""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

import icalendar

from . import schedule
from .emails import absolute
from .models import Round, Signup

PRODID = "-//P2PU//Learning together//EN"


def _host():
    return settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"


def new_calendar(name, description):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("description", description)
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    return calendar


def event_for(occurrence, stamp, with_round_label):
    course, meeting, round = occurrence.course, occurrence.meeting, occurrence.round
    group = f"round-{round.number}" if round else "own-pace"
    event = icalendar.Event()
    event.add("uid", f"course-{course.pk}-{group}-{occurrence.key}@{_host()}")
    event.add("dtstamp", stamp)
    event.add("dtstart", occurrence.starts_at)
    event.add("dtend", occurrence.ends_at)
    title = f"{course.title}: {occurrence.title}"
    if round and with_round_label:
        title += f" ({round.label})"
    event.add("summary", title)
    course_url = absolute(course.url)
    event.add("url", meeting.place_href or course_url)
    if meeting.place_label:
        event.add("location", meeting.place_label)
    lines = [meeting.get("notes") or ""]
    if meeting.place_href:
        lines.append(f"Join: {meeting.place_href}")
    lines.append(f"Course: {course_url}")
    event.add("description", "\n\n".join(line for line in lines if line))
    return event


def build(name, description, occurrences, with_round_label=False):
    calendar = new_calendar(name, description)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for occurrence in occurrences:
        calendar.add_component(event_for(occurrence, stamp, with_round_label))
    if occurrences:
        first = min(o.starts_at for o in occurrences).date() - datetime.timedelta(days=366)
        last = max(o.ends_at for o in occurrences).date() + datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def course_calendar(course):
    """Every meeting of every round of `course` (or, for a self-paced course, its meetings)."""
    if course.self_paced:
        found = schedule.occurrences(course, None)
        rounds = []
    else:
        rounds = list(Round.objects.filter(course=course))
        found = [o for round in rounds for o in schedule.occurrences(course, round)]
    return build(course.title, f"Meetings of {course.title} on {settings.WAGTAIL_SITE_NAME}", found, len(rounds) > 1)


def learner_calendar(user):
    """The meetings of every group `user` takes part in, across all their courses."""
    signups = (
        Signup.objects.filter(user=user, status=Signup.Status.ACTIVE, course__live=True)
        .select_related("course", "round")
        .order_by("course__title")
    )
    found = [o for signup in signups for o in schedule.occurrences(signup.course, signup.round)]
    name = f"My courses on {settings.WAGTAIL_SITE_NAME}"
    return build(name, f"Meetings of {user.public_name}’s courses", found, with_round_label=True)


def response(calendar, filename, private):
    result = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    result["Content-Disposition"] = f'inline; filename="{filename}"'
    result["Cache-Control"] = "private, max-age=300" if private else "public, max-age=900"
    if private:
        result["X-Robots-Tag"] = "noindex"
    return result
