"""iCalendar feeds: they parse with `icalendar` and hold the right events at the right UTC instants.

The course meets weekly at 19:00 London time from 16 March 2027; British Summer Time starts on 28 March, so
the first two meetings are at 19:00 UTC and the next at 18:00 UTC. Round 2 starts four weeks later and moves the
same schedule; round 3 has its own meeting in New York, where daylight saving starts on 14 March.
"""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import icalendar
import pytest

from learning.models import CalendarFeed, Round, Signup
from tests.core.test_blocks import MEETING

from .factories import taking_part

UTC = datetime.UTC


def meeting(**fields):
    """The course's weekly meeting: 19:00 London time from Tuesday 16 March 2027, four times, 90 minutes."""
    return {**MEETING, "date": datetime.date(2027, 3, 16), "duration_minutes": 90, "occurrences": 4, **fields}


@pytest.fixture
def meeting_course(course):
    course.start_date = datetime.date(2027, 3, 15)
    course.body = [("meeting", meeting())]
    course.save_revision().publish()
    course.refresh_from_db()
    return course


@pytest.fixture
def later_rounds(meeting_course):
    second = Round.objects.create(course=meeting_course, number=2, start_date=datetime.date(2027, 4, 12))
    own = meeting(
        title="Evening video call",
        date=datetime.date(2027, 3, 11),
        time=datetime.time(18, 30),
        time_zone="America/New_York",
        occurrences=2,
        place_type="video",
        video_url="https://meet.example.org/python",
        irc_channel="",
    )
    third = Round.objects.create(
        course=meeting_course,
        number=3,
        name="Americas",
        start_date=datetime.date(2027, 3, 10),
        meetings=[("meeting", own)],
    )
    return second, third


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(calendar):
    """(summary, start in UTC, end in UTC) for each event, in order."""
    found = [
        (str(event["SUMMARY"]), event.decoded("DTSTART").astimezone(UTC), event.decoded("DTEND").astimezone(UTC))
        for event in calendar.walk("VEVENT")
    ]
    return sorted(found, key=lambda item: item[1])


def at(month, day, hour, minute=0):
    return datetime.datetime(2027, month, day, hour, minute, tzinfo=UTC)


def test_the_course_feed_holds_every_meeting_at_the_right_instant(client, meeting_course):
    calendar = parse(client.get(f"{meeting_course.url}calendar.ics"))

    assert calendar["VERSION"] == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Python study group"
    starts = [start for _, start, _ in events(calendar)]
    assert starts == [at(3, 16, 19), at(3, 23, 19), at(3, 30, 18), at(4, 6, 18)]
    assert all(end - start == datetime.timedelta(minutes=90) for _, start, end in events(calendar))
    # Times are written in London time with its VTIMEZONE, so calendars keep 19:00 across the change.
    first = calendar.walk("VEVENT")[0]
    assert first["DTSTART"].params["TZID"] == "Europe/London"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert str(first["LOCATION"]) == "#p2pu-python on irc.libera.chat"
    assert str(first["URL"]) == "ircs://irc.libera.chat/p2pu-python"
    assert "Bring a question." in str(first["DESCRIPTION"])


def test_rounds_have_their_own_schedules_in_the_course_feed(client, meeting_course, later_rounds):
    found = events(parse(client.get(f"{meeting_course.url}calendar.ics")))

    by_round = {}
    for summary, start, _ in found:
        by_round.setdefault(summary, []).append(start)
    assert by_round["Python study group: Weekly IRC meeting (Round 1)"] == [
        at(3, 16, 19),
        at(3, 23, 19),
        at(3, 30, 18),
        at(4, 6, 18),
    ]
    # Round 2 moves the course's meetings four weeks on: 19:00 London, now summer time.
    assert by_round["Python study group: Weekly IRC meeting (Round 2)"] == [
        at(4, 13, 18),
        at(4, 20, 18),
        at(4, 27, 18),
        at(5, 4, 18),
    ]
    # Round 3's own meeting: 18:30 New York, before and after the US change on 14 March.
    assert by_round["Python study group: Evening video call (Round 3: Americas)"] == [
        at(3, 11, 23, 30),
        at(3, 18, 22, 30),
    ]


def test_event_ids_stay_the_same_between_downloads(client, meeting_course):
    first = [str(e["UID"]) for e in parse(client.get(f"{meeting_course.url}calendar.ics")).walk("VEVENT")]
    second = [str(e["UID"]) for e in parse(client.get(f"{meeting_course.url}calendar.ics")).walk("VEVENT")]

    assert first == second
    assert len(set(first)) == 4


def test_a_self_paced_course_feed_has_its_meetings(client, self_paced):
    self_paced.body = [("meeting", meeting(recurrence="once", occurrences=None))]
    self_paced.save_revision().publish()

    assert [start for _, start, _ in events(parse(client.get(f"{self_paced.url}calendar.ics")))] == [at(3, 16, 19)]


def test_feeds_of_missing_or_private_courses_are_not_found(client, meeting_course):
    assert client.get("/schools/webcraft/no-such-course/calendar.ics").status_code == 404
    PageViewRestriction.objects.create(page=meeting_course, restriction_type="password", password="secret")  # noqa: S106

    assert client.get(f"{meeting_course.url}calendar.ics").status_code == 404


# The private feed


def test_the_private_feed_holds_the_meetings_of_the_learners_groups(client, meeting_course, later_rounds, lena):
    _, americas = later_rounds
    taking_part(meeting_course, lena, americas)
    client.force_login(lena)
    client.post("/dashboard/calendar/")
    feed = CalendarFeed.objects.get(user=lena)
    client.logout()  # calendar programs have no session

    calendar = parse(client.get(f"/calendar/{feed.token}.ics"))

    assert events(calendar) == [
        ("Python study group: Evening video call (Round 3: Americas)", at(3, 11, 23, 30), at(3, 12, 1, 0)),
        ("Python study group: Evening video call (Round 3: Americas)", at(3, 18, 22, 30), at(3, 19, 0, 0)),
    ]
    response = client.get(f"/calendar/{feed.token}.ics")
    assert response["Cache-Control"] == "private, max-age=300"


def test_the_private_feed_leaves_out_courses_the_learner_only_waits_for(client, meeting_course, lena, omar):
    meeting_course.capacity = 1
    meeting_course.save_revision().publish()
    taking_part(meeting_course, omar)
    Signup.objects.create(user=lena, course=meeting_course, round=meeting_course.rounds.get(number=1), status="waiting")
    feed = CalendarFeed.objects.create(user=lena)

    assert events(parse(client.get(f"/calendar/{feed.token}.ics"))) == []


def test_a_new_address_revokes_the_old_one(client, meeting_course, lena):
    client.force_login(lena)
    client.post("/dashboard/calendar/")
    old = CalendarFeed.objects.get(user=lena).token

    response = client.post("/dashboard/calendar/", follow=True)

    new = CalendarFeed.objects.get(user=lena).token
    assert new != old
    assert "the old one no longer works" in response.content.decode()
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200


def test_a_blocked_members_feed_stops(client, lena):
    feed = CalendarFeed.objects.create(user=lena)
    type(lena).objects.filter(pk=lena.pk).update(blocked_at=timezone.now())

    assert client.get(f"/calendar/{feed.token}.ics").status_code == 404


def test_the_calendar_address_is_made_by_post_only(client, lena):
    client.force_login(lena)

    assert client.get("/dashboard/calendar/").status_code == 405
    assert not CalendarFeed.objects.exists()
