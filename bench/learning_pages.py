"""Render times of the learning pages: a course with N participants and 30 tasks (as a visitor, a participant and
its organiser), its organiser pages and CSV, its calendar, and the dashboard of a learner in 20 courses.

`python bench/run.py --suite learning --n 500` gives the issue's figure of 500 participants.
"""

import datetime

from harness import measure, print_table, progress

DEFAULT_N = 500  # participants on one course

TASKS = 30
DASHBOARD_COURSES = 20


def course_with_tasks(school, kind, slug, organiser):
    from courses.models import CourseOrganiser, CoursePage, CourseTask
    from learning.schedule import ensure_first_round
    from tests.core.test_blocks import MEETING

    instructions = [("paragraph", "<p>" + "Read the chapter and try the exercises with your group. " * 6 + "</p>")]
    course = school.add_child(
        instance=CoursePage(
            title=f"Study group {slug}",
            slug=slug,
            kind=kind,
            summary="Learn together with peers, at your own pace, with open materials.",
            start_date=datetime.date(2027, 1, 11),
            body=[("meeting", {**MEETING, "occurrences": 12})],
        )
    )
    CourseOrganiser.objects.create(page=course, user=organiser)
    CourseTask.objects.bulk_create(
        CourseTask(page=course, title=f"Task {t}", instructions=instructions, sort_order=t) for t in range(TASKS)
    )
    ensure_first_round(course)
    return course


def seed(participants):
    from django.utils import timezone

    from courses.models import CourseKind
    from home.models import HomePage
    from learning.models import Announcement, CalendarFeed, Follow, Signup, TaskCompletion
    from people.models import User
    from schools.models import SchoolIndexPage, SchoolPage
    from tests.factories import CourseIndexPageFactory

    now = timezone.now()
    home = HomePage.objects.get()
    school = home.add_child(instance=SchoolIndexPage(title="Schools", slug="schools")).add_child(
        instance=SchoolPage(title="School of Webcraft", slug="webcraft", summary="A school.")
    )
    CourseIndexPageFactory(parent=home)
    kind = CourseKind.objects.first()
    organiser = User.objects.create(username="organiser", email="organiser@example.org", email_confirmed_at=now)
    learner = User.objects.create(username="learner", email="learner@example.org", email_confirmed_at=now)

    big = course_with_tasks(school, kind, "big", organiser)
    crowd = User.objects.bulk_create(
        User(username=f"member{n}", email=f"member{n}@example.org", email_confirmed_at=now) for n in range(participants)
    )
    round = big.rounds.get()
    Signup.objects.bulk_create(
        Signup(user=user, course=big, round=round, status="active", joined_at=now) for user in [learner, *crowd]
    )
    tasks = list(big.tasks.all())
    for index, user in enumerate([learner, *crowd]):
        TaskCompletion.objects.bulk_create(
            TaskCompletion(user=user, task=task, course=big, task_fingerprint="seeded")
            for task in tasks[: index % TASKS]
        )
        progress("participants", index + 1, participants + 1)
    for n in range(5):
        Announcement.objects.create(course=big, author=organiser, subject=f"Week {n}", body="News.", status="sent")

    for n in range(DASHBOARD_COURSES - 1):
        course = course_with_tasks(school, kind, f"course-{n}", organiser)
        Signup.objects.create(user=learner, course=course, round=course.rounds.get(), status="active", joined_at=now)
        TaskCompletion.objects.bulk_create(
            TaskCompletion(user=learner, task=task, course=course, task_fingerprint="seeded")
            for task in list(course.tasks.all())[: n % TASKS]
        )
        Follow.follow(learner, course)
        progress("dashboard courses", n + 2, DASHBOARD_COURSES)
    feed = CalendarFeed.objects.create(user=learner)
    return big.url, learner, organiser, feed.token


def run(client, number, requests):
    from django.test import Client

    course_url, learner, organiser, token = seed(number)
    as_learner, as_organiser = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    as_learner.force_login(learner)
    as_organiser.force_login(organiser)
    rows = [
        measure(client, course_url, requests),
        {**measure(as_learner, course_url, requests), "url": course_url + " (participant)"},
        {**measure(as_organiser, course_url, requests), "url": course_url + " (organiser)"},
        measure(as_organiser, course_url + "participants/", requests),
        measure(as_organiser, course_url + "progress/", requests),
        measure(as_organiser, course_url + "participants/csv/", max(3, requests // 5)),
        measure(client, course_url + "calendar.ics", requests),
        measure(client, f"/calendar/{token}.ics", requests),
        measure(as_learner, "/dashboard/", requests),
        measure(client, "/courses/", requests),
    ]
    print_table(
        f"Learning pages: {number} participants, {TASKS} tasks; a dashboard with {DASHBOARD_COURSES} courses "
        f"({requests} requests each)",
        rows,
    )
    return rows
