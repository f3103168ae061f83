"""Organisers' pages: who may see them, the participants list and CSV, the progress table, and rounds."""

import csv
import datetime
import io

from django.utils import timezone

import pytest

from learning import progress, signups
from learning.models import Round, Signup

from .factories import member, taking_part

ORGANISER_PAGES = ["participants/", "participants/csv/", "progress/", "rounds/", "rounds/new/", "announcements/new/"]


@pytest.mark.parametrize("path", ORGANISER_PAGES)
def test_only_organisers_and_staff_moderators_get_in(client, course, lena, olu, moderator, path):
    assert client.get(course.url + path)["Location"].startswith("/accounts/login/")

    client.force_login(lena)
    refused = client.get(course.url + path)
    assert refused.status_code == 403
    assert "Only the organisers of this course can see this page." in refused.content.decode()

    for allowed in (olu, moderator):
        client.force_login(allowed)
        assert client.get(course.url + path).status_code == 200


def test_the_participants_list_filters_by_status(client, moderated, lena, omar, olu):
    signups.join(lena, moderated, moderated.rounds.get(number=1), "I want to build a quiz.")
    client.force_login(olu)

    pending = client.get(f"{moderated.url}participants/?status=pending").content.decode()

    assert "Lena Berg" in pending
    assert "I want to build a quiz." in pending
    assert "What would you like to build?" in pending
    assert 'Awaiting your answer <span class="learn-filter__count">1</span>' in pending
    assert "Lena Berg" not in client.get(f"{moderated.url}participants/").content.decode()


def test_the_csv_has_every_sign_up_without_email_addresses(client, course, lena, omar, olu):
    taking_part(course, lena)
    progress.complete(lena, course, course.tasks.order_by("sort_order")[0].pk)
    Signup.objects.create(user=omar, course=course, status="left", answer='=HYPERLINK("http://evil.example")')
    client.force_login(olu)

    response = client.get(f"{course.url}participants/csv/")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="python-participants.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Name", "Profile", "Status"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Lena Berg"][2:4] == ["Taking part", "Round 1"]
    assert by_name["Lena Berg"][6:8] == ["1", "3"]
    assert by_name["Omar Haddad"][-1] == '\'=HYPERLINK("http://evil.example")'  # never a live formula
    assert "@" not in response.content.decode().replace("http://testserver/people/", "")


def test_the_progress_table_marks_each_task(client, course, lena, omar, olu):
    taking_part(course, lena)
    taking_part(course, omar)
    first, second, _ = course.tasks.order_by("sort_order")
    progress.complete(lena, course, first.pk)
    progress.complete(lena, course, second.pk, "https://lena.example.org/work")
    client.force_login(olu)

    page = client.get(f"{course.url}progress/").content.decode()

    assert "2 learners" in page
    assert "2/3" in page and "0/3" in page
    assert 'href="https://lena.example.org/work" rel="nofollow ugc noopener"' in page
    assert "1 done" in page


def test_an_organiser_starts_a_new_round(client, course, olu):
    client.force_login(olu)

    response = client.post(
        f"{course.url}rounds/new/", {"name": "Spring", "start_date": "2027-04-12", "schedule": "course"}
    )

    assert response.status_code == 302
    round = Round.objects.get(course=course, number=2)
    assert (round.name, round.start_date, list(round.meetings)) == ("Spring", datetime.date(2027, 4, 12), [])


def test_a_round_with_its_own_meeting(client, course, olu):
    client.force_login(olu)

    client.post(
        f"{course.url}rounds/new/",
        {
            "start_date": "2027-04-12",
            "schedule": "own",
            "meeting_title": "Evening call",
            "meeting_date": "2027-04-15",
            "meeting_time": "18:30",
            "time_zone": "America/New_York",
            "duration_minutes": "60",
            "recurrence": "weekly",
            "occurrences": "6",
            "place_type": "video",
            "video_url": "https://meet.example.org/python",
        },
    )

    meeting = Round.objects.get(number=2).meetings[0].value
    assert meeting.starts_at == datetime.datetime(2027, 4, 15, 22, 30, tzinfo=datetime.UTC)
    assert len(meeting.occurrences()) == 6


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"start_date": "2020-01-01", "schedule": "course"}, "A new round can’t start in the past."),
        ({"start_date": "2027-04-12", "schedule": "own", "place_type": "video"}, "Say when the first meeting is."),
        (
            {
                "start_date": "2027-04-12",
                "schedule": "own",
                "meeting_date": "2027-04-15",
                "meeting_time": "18:30",
                "recurrence": "once",
                "place_type": "irc",
            },
            "Say where the meeting happens.",
        ),
    ],
)
def test_a_round_form_with_mistakes_saves_nothing(client, course, olu, data, error):
    client.force_login(olu)

    response = client.post(f"{course.url}rounds/new/", data)

    assert response.status_code == 400
    assert error in response.content.decode()
    assert Round.objects.filter(course=course).count() == 1


def test_round_one_keeps_the_course_start_date(client, course, olu):
    client.force_login(olu)

    client.post(f"{course.url}rounds/1/", {"name": "Winter", "start_date": "2030-01-01", "schedule": "course"})

    round = course.rounds.get(number=1)
    assert (round.name, round.start_date) == ("Winter", course.start_date)


def test_self_paced_courses_have_no_rounds_page(client, self_paced, olu):
    client.force_login(olu)

    assert client.get(f"{self_paced.url}rounds/").status_code == 404


def test_a_decision_on_another_courses_sign_up_is_not_found(client, course, moderated, lena, olu):
    signups.join(lena, moderated, moderated.rounds.get(number=1), "A quiz.")
    signup = Signup.objects.get(user=lena)
    client.force_login(olu)

    assert client.post(f"{course.url}participants/{signup.pk}/accept/").status_code == 404
    assert Signup.objects.get(pk=signup.pk).status == "pending"


def test_decisions_are_posts(client, moderated, lena, olu):
    signups.join(lena, moderated, moderated.rounds.get(number=1), "A quiz.")
    signup = Signup.objects.get(user=lena)
    client.force_login(olu)

    assert client.get(f"{moderated.url}participants/{signup.pk}/accept/").status_code == 405
    assert Signup.objects.get(pk=signup.pk).status == "pending"


def test_blocked_organisers_lose_their_tools(client, course, olu):
    type(olu).objects.filter(pk=olu.pk).update(blocked_at=timezone.now())
    client.force_login(olu)

    assert client.get(f"{course.url}participants/").status_code == 403


def test_many_participants_are_paged(client, course, olu, settings):
    settings.LEARNING_PARTICIPANTS_PER_PAGE = 2
    for index in range(5):
        taking_part(course, member(f"learner{index}"))
    client.force_login(olu)

    page = client.get(f"{course.url}participants/?page=3").content.decode()

    assert "Page 3 of 3" in page
    assert page.count('class="learn-person"') == 1


def test_the_editor_links_to_a_courses_participants(client, course, superuser):
    client.force_login(superuser)

    html = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()

    assert f'href="{course.url}participants/"' in html
    assert f'href="{course.url}progress/"' in html
