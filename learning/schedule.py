"""Rounds and their meetings: which rounds learners can join, and when each group meets.

A round's meetings are its own when an organiser gave it a schedule; otherwise they are the course's meeting
blocks moved by the days between the course's start and the round's, so a weekly Tuesday 19:00 London meeting
stays a Tuesday 19:00 London meeting in every round. Learners working at their own pace in a course with rounds
have no meetings; in a self-paced course everyone shares the course's meetings.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .models import Round


@dataclass(frozen=True)
class Occurrence:
    """One meeting at one time, for one group of a course."""

    course: object
    round: Round | None
    meeting: object  # core.blocks.MeetingStructValue
    key: str  # stable across requests: the meeting block's id and the occurrence's index
    starts_at: datetime.datetime

    @property
    def ends_at(self):
        return self.starts_at + self.meeting.duration

    @property
    def title(self):
        return self.meeting.get("title") or "Meeting"


def stored_meetings(stream):
    """[(block id, meeting)] for the meeting blocks of a StreamField value, read from its stored JSON.

    Wagtail would check the time zone against its ~600 choices one by one for every meeting it reads, which is
    most of the cost of a dashboard or a calendar with many courses; the stored zone name is used as it is.
    """
    meetings = []
    for item in stream.raw_data:
        if item["type"] != "meeting":
            continue
        block, raw = stream.stream_block.child_blocks["meeting"], item["value"]
        values = [
            (name, raw[name] if name == "time_zone" else child.to_python(raw[name]))
            if name in raw
            else (name, child.get_default())
            for name, child in block.child_blocks.items()
        ]
        meetings.append((item["id"], block.meta.value_class(block, values)))
    return meetings


def course_meetings(course):
    """[(block id, meeting)] from the course's own page body."""
    return stored_meetings(course.body)


def shifted(meeting, days):
    """A copy of `meeting` whose first date is `days` later; the local time and time zone stay."""
    if not days or not meeting.get("date"):
        return meeting
    copy = type(meeting)(meeting.block, list(meeting.items()))
    copy["date"] = meeting["date"] + datetime.timedelta(days=days)
    return copy


def round_meetings(round, course):
    if round.meetings:
        return stored_meetings(round.meetings)
    if not course.start_date:
        return []
    days = (round.start_date - course.start_date).days
    return [(key, shifted(meeting, days)) for key, meeting in course_meetings(course)]


def group_meetings(course, round):
    """[(key, meeting)] for one group: a round, or (round None) the learners working at their own pace."""
    if round is not None:
        return round_meetings(round, course)
    return course_meetings(course) if course.self_paced else []


def occurrences(course, round):
    found = []
    for key, meeting in group_meetings(course, round):
        for index, start in enumerate(meeting.occurrences()):
            found.append(Occurrence(course, round, meeting, f"{key}-{index}", start))
    return sorted(found, key=lambda occurrence: occurrence.starts_at)


def upcoming(found, now=None, limit=None):
    """Occurrences not yet over, soonest first."""
    now = now or timezone.now()
    later = sorted((o for o in found if o.ends_at > now), key=lambda occurrence: occurrence.starts_at)
    return later[:limit] if limit else later


# Rounds


def ensure_first_round(course):
    """A course with a start date runs as round 1 from that date; keep round 1 on the course's start date."""
    if course.self_paced or not course.start_date:
        return None
    first, created = Round.objects.get_or_create(course=course, number=1, defaults={"start_date": course.start_date})
    if not created and first.start_date != course.start_date:
        first.start_date = course.start_date
        first.save(update_fields=["start_date"])
    return first


def joinable(rounds, today=None):
    """The rounds still open to new learners, earliest first."""
    return sorted((r for r in rounds if r.accepts_signups(today)), key=lambda r: (r.start_date, r.number))


def next_round_number(course):
    last = Round.objects.filter(course=course).order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1
