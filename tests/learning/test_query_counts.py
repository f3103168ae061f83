"""Query counts that do not grow: a course page with 500 participants and 30 tasks, a dashboard with 20 courses,
organiser pages with hundreds of learners, and course cards."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from learning.models import Announcement, Follow, Signup, TaskCompletion
from learning.schedule import ensure_first_round
from people.models import User
from tests.core.test_blocks import MEETING
from tests.factories import CourseTaskFactory

from .factories import organise, taking_part

QUERY_BUDGET = 40


def count_queries(client, url):
    client.get(url)  # warm: image renditions, round 1, site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def crowd(course, number, tasks_done=0):
    """`number` members taking part in `course` (round 1), each with the first `tasks_done` tasks done."""
    now = timezone.now()
    users = User.objects.bulk_create(
        User(username=f"c{course.pk}-{index}", email=f"c{course.pk}-{index}@example.org", email_confirmed_at=now)
        for index in range(number)
    )
    round = ensure_first_round(course)
    Signup.objects.bulk_create(
        Signup(user=user, course=course, round=round, status="active", joined_at=now) for user in users
    )
    tasks = list(course.tasks.order_by("sort_order")[:tasks_done])
    TaskCompletion.objects.bulk_create(
        TaskCompletion(user=user, task=task, course=course, task_fingerprint="x") for user in users for task in tasks
    )
    return users


def add_tasks(course, number):
    for index in range(number):
        CourseTaskFactory(page=course, title=f"Task {index}", sort_order=index)


@pytest.fixture
def small_and_large(make_course, olu, lena):
    small = make_course(title="Small", slug="small", tasks=1)
    large = make_course(title="Large", slug="large")
    add_tasks(large, 30)
    for course in (small, large):
        organise(course, olu)
        ensure_first_round(course)
        Announcement.objects.create(course=course, author=olu, subject="Hi", body="Hello.", status="sent")
    crowd(small, 1, tasks_done=1)
    crowd(large, 500, tasks_done=12)
    for course in (small, large):
        taking_part(course, lena)
        for task in course.tasks.all()[:5]:
            TaskCompletion.objects.create(user=lena, task=task, course=course)
    return small, large


@pytest.mark.parametrize("viewer", ["anonymous", "lena", "olu"])
def test_course_page_does_not_grow_with_participants_or_tasks(client, small_and_large, viewer, request):
    small, large = small_and_large
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))

    few, many = count_queries(client, small.url), count_queries(client, large.url)

    assert many == few
    assert many <= QUERY_BUDGET
    page = client.get(large.url).content.decode()
    assert "501</strong> learners taking part" in page


@pytest.mark.parametrize("path", ["participants/", "progress/", "participants/?status=pending", "announcements/"])
def test_organiser_pages_do_not_grow_with_participants(client, small_and_large, olu, path):
    small, large = small_and_large
    client.force_login(olu)

    assert count_queries(client, large.url + path) == count_queries(client, small.url + path)


def test_the_participants_csv_does_not_grow_with_participants(client, small_and_large, olu):
    small, large = small_and_large
    client.force_login(olu)

    assert count_queries(client, f"{large.url}participants/csv/") == count_queries(
        client, f"{small.url}participants/csv/"
    )


def courses_for(make_course, user, number, offset=0):
    made = []
    for index in range(number):
        course = make_course(
            title=f"Course {offset + index}",
            slug=f"course-{offset + index}",
            tasks=3,
            body=[("meeting", MEETING)],
        )
        taking_part(course, user)
        TaskCompletion.objects.create(user=user, task=course.tasks.first(), course=course)
        Follow.follow(user, course)
        made.append(course)
    return made


def test_dashboard_does_not_grow_with_courses(client, make_course, lena, olu):
    client.force_login(lena)
    courses_for(make_course, lena, 2)
    Follow.follow(lena, olu)
    few = count_queries(client, "/dashboard/")

    courses_for(make_course, lena, 18, offset=2)
    many = count_queries(client, "/dashboard/")

    assert many == few
    assert many <= QUERY_BUDGET
    page = client.get("/dashboard/").content.decode()
    assert page.count('class="dash-course ') == 20


@pytest.mark.parametrize("url", ["/", "/courses/", "/schools/webcraft/"])
def test_course_cards_count_participants_in_bulk(client, make_course, site_tree, url):
    from home.models import HomePageFeaturedSchool

    HomePageFeaturedSchool.objects.create(page=site_tree.home, school=site_tree.school)
    for index in range(2):
        crowd(make_course(title=f"A{index}", slug=f"a{index}", tasks=1), 3)
    few = count_queries(client, url)

    for index in range(10):
        crowd(make_course(title=f"B{index}", slug=f"b{index}", tasks=1), 5)

    assert count_queries(client, url) == few
    assert "5 learners" in client.get("/courses/").content.decode()
