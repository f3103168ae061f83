"""Learner journey in real Chromium: sign up, complete two tasks (one with an evidence link), see progress 2/N on
the course page and on the dashboard; then the organiser sees it in the progress table."""

import datetime
import re

from django.test import Client

import pytest
from playwright.sync_api import expect

from learning import progress, signups
from learning.models import Signup, TaskCompletion
from learning.schedule import ensure_first_round
from people.models import User
from tests.factories import CourseOrganiserFactory, CourseTaskFactory
from tests.learning.factories import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TASKS = [
    ("Set up Python and say hello", False),
    ("Write your first function", True),
    ("Conditionals and recursion", False),
    ("Project: a word game", True),
]


@pytest.fixture
def journey(make_course):
    course = make_course(title="A Gentle Introduction to Python", slug="python", start_date=datetime.date(2027, 1, 11))
    for index, (title, evidence) in enumerate(TASKS):
        CourseTaskFactory(page=course, title=title, sort_order=index, needs_evidence=evidence)
    learner = member("lena", first_name="Lena", last_name="Berg")
    organiser = member("ada", first_name="Ada", last_name="Okafor")
    CourseOrganiserFactory(page=course, user=organiser)
    ensure_first_round(course)
    sessions = {}
    for person in (learner, organiser):
        client = Client()
        client.force_login(person)
        sessions[person.username] = client.cookies["sessionid"].value
    return {"course": course, "sessions": sessions}


def log_in(tab, sessions, username):
    tab.page.context.clear_cookies()
    tab.page.context.add_cookies([{"name": "sessionid", "value": sessions[username], "url": tab.base_url}])


def test_a_learner_signs_up_completes_two_tasks_and_sees_progress(journey, tab):
    page = tab.page
    course_url = journey["course"].url
    log_in(tab, journey["sessions"], "lena")

    # Sign up from the course page's panel.
    tab.goto(course_url)
    panel = page.locator("#learning")
    expect(panel.get_by_role("button", name="Join this course")).to_be_visible()
    tab.screenshot("learning-01-course-before-joining")
    panel.get_by_role("button", name="Join this course").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".message")).to_contain_text("Welcome! You’re taking part in A Gentle Introduction to Python.")
    expect(panel).to_contain_text("You’re taking part")
    expect(page.locator("[data-learning-tasks-progress]")).to_contain_text("0 of 4 tasks done")

    # The first task: marked done in place, without a page load.
    page.evaluate("window.noReload = true")
    first = page.locator(f"#task-{task_id(journey, 0)}")
    first.get_by_role("button", name=named("Mark as done", "Set up Python and say hello")).click()
    expect(first.get_by_role("button", name=named("Mark as not done", "Set up Python and say hello"))).to_be_visible()
    expect(page.locator("[data-learning-tasks-progress]")).to_contain_text("1 of 4 tasks done")
    expect(first.locator(".task__summary")).to_contain_text("Done")

    # The second asks for evidence: a bad link is refused beside the field, a good one is kept.
    second = page.locator(f"#task-{task_id(journey, 1)}")
    second.locator("summary").click()
    evidence = second.get_by_label("Link to your work")
    evidence.fill("my blog")
    second.get_by_role("button", name=named("Mark as done", "Write your first function")).click()
    expect(second.locator("[data-learning-error]")).to_contain_text("Give a web address starting with https://")
    assert evidence.get_attribute("aria-invalid") == "true"
    tab.screenshot("learning-02-evidence-refused")
    evidence.fill("https://lena.example.org/right-justify")
    second.get_by_role("button", name=named("Mark as done", "Write your first function")).click()
    expect(second.get_by_role("link", name="your work")).to_have_attribute(
        "href", "https://lena.example.org/right-justify"
    )
    assert page.evaluate("window.noReload") is True

    # Progress 2 of 4, on the course page (after a reload too) and in the sidebar.
    tab.goto(course_url)
    expect(page.locator("[data-learning-tasks-progress]")).to_contain_text("2 of 4 tasks done")
    expect(page.locator("#learning [data-learning-progress]")).to_contain_text("2 of 4 tasks done")
    assert page.locator("[data-learning-tasks-progress] progress").get_attribute("value") == "2"
    tab.screenshot("learning-03-course-progress")
    assert tab.accessibility_violations() == []

    # And on the dashboard.
    tab.goto("/dashboard/")
    course_card = page.locator(".dash-course", has_text="A Gentle Introduction to Python")
    expect(course_card).to_contain_text("2 of 4 tasks done")
    expect(course_card.get_by_role("link", name="Conditionals and recursion")).to_be_visible()
    tab.screenshot("learning-04-dashboard")
    assert tab.accessibility_violations() == []

    # On a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    tab.goto(course_url)
    tab.screenshot("learning-05-course-phone")
    tab.goto("/dashboard/")
    tab.screenshot("learning-06-dashboard-phone")
    assert tab.accessibility_violations() == []

    assert Signup.objects.get(user__username="lena").status == "active"
    assert TaskCompletion.objects.filter(user__username="lena").count() == 2
    # The only console line is the refused link's answer (HTTP 400), which the page showed beside the field.
    assert tab.errors == ["Failed to load resource: the server responded with a status of 400 (Bad Request)"]


def test_the_organiser_sees_everyones_progress(journey, tab):
    learner = User.objects.get(username="lena")
    course = journey["course"]
    signups.join(learner, course, course.rounds.get(number=1))
    progress.complete(learner, course, task_id(journey, 0))
    log_in(tab, journey["sessions"], "ada")

    tab.goto(course.url)
    tab.page.get_by_role("link", name="Progress table").click()
    tab.page.wait_for_load_state("networkidle")
    expect(tab.page.locator(".learn-table")).to_contain_text("1/4")
    tab.screenshot("learning-07-progress-table")
    assert tab.accessibility_violations() == []
    tab.goto(f"{course.url}participants/")
    tab.screenshot("learning-08-participants")
    assert tab.accessibility_violations() == []
    assert tab.errors == []


def named(action, task):
    """A button's accessible name: its visible action and, for screen readers, the task it acts on."""
    return re.compile(rf"^{re.escape(action)}\W+{re.escape(task)}$")


def task_id(journey, position):
    return journey["course"].tasks.order_by("sort_order")[position].pk
