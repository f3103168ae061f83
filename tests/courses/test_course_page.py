import datetime

from django.core.exceptions import ValidationError

import pytest
from bs4 import BeautifulSoup

from courses.models import CourseKind, CourseOrganiser, CoursePage
from tests.factories import UserFactory


def test_course_page_shows_everything_about_the_course(client, make_course):
    course = make_course(
        title="A Gentle Introduction to Python",
        kind=CourseKind.objects.get(slug="study-group"),
        language="es",
        effort="6 weeks",
        signup_status="moderated",
        tasks=3,
        organisers=2,
        body=[("paragraph", "<p>Learn Python with peers.</p>")],
    )
    course.tasks.filter(sort_order=1).update(needs_evidence=True)

    response = client.get(course.url)

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("h1").text == "A Gentle Introduction to Python"
    assert html.select_one(".course-hero .pill--kind").text == "Study Group"
    assert html.select_one(".course-hero__school").text == "School of Webcraft"
    facts = html.select_one(".facts").text
    assert "Spanish" in facts
    assert "Monday 11 January 2027" in facts
    assert "6 weeks" in facts
    assert "Sign-up by request" in facts
    assert [t.text for t in html.select(".task__title")] == [f"Task {n} of {course.title}" for n in (1, 2, 3)]
    assert len(html.select(".task .pill--evidence")) == 1
    organisers = [link.user.public_name for link in course.organisers.all()]
    assert [li.text.strip()[1:].strip() for li in html.select(".people-list__item")] == organisers
    assert "Learn Python with peers." in html.select_one(".course-main .prose").text


def test_self_paced_course_says_so(client, make_course):
    course = make_course(self_paced=True, start_date=None)

    response = client.get(course.url)

    assert "Self-paced: start any time" in response.content.decode()


@pytest.mark.parametrize(
    ("self_paced", "start_date", "message"),
    [
        (False, None, "Give a start date"),
        (True, datetime.date(2027, 1, 1), "self-paced course has no start date"),
    ],
)
def test_schedule_must_be_either_dated_or_self_paced(make_course, self_paced, start_date, message):
    course = make_course()
    course.self_paced, course.start_date = self_paced, start_date

    with pytest.raises(ValidationError, match=message):
        course.full_clean()


def test_an_organiser_is_listed_once(make_course):
    course = make_course()
    person = UserFactory()
    course.organisers = [CourseOrganiser(user=person), CourseOrganiser(user=person)]

    with pytest.raises(ValidationError, match="only once"):
        course.full_clean()


def test_closed_course_is_not_open_for_signup(make_course):
    assert make_course(signup_status="open").is_open_for_signup
    assert make_course(signup_status="moderated").is_open_for_signup
    assert not make_course(signup_status="closed").is_open_for_signup


def test_course_kinds_are_seeded_and_admins_can_add_their_own(db):
    assert list(CourseKind.objects.values_list("name", flat=True)) == ["Course", "Study Group", "Challenge"]

    CourseKind.objects.create(
        name="Reading Circle", plural_name="Reading Circles", slug="reading-circle", sort_order=40
    )

    assert CourseKind.objects.last().name == "Reading Circle"


def test_a_kind_in_use_cannot_be_deleted(make_course):
    from django.db.models import ProtectedError

    course = make_course()

    with pytest.raises(ProtectedError):
        course.kind.delete()
    assert CoursePage.objects.filter(pk=course.pk).exists()
