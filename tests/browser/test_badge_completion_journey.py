"""Completion badge journey in real Chromium: a learner logs in, joins a course, marks every task done (with an
evidence link where a task asks for one) and earns the course's badge; it is in the backpack on their profile,
its JSON link answers a valid Open Badges 2.0 assertion, the baked PNG carries the same assertion, and the
badge's page lists them among its holders."""

import io
import json
import re

import pytest
from jsonschema import Draft202012Validator
from openbadges_bakery import unbake
from playwright.sync_api import expect

from badges.models import Assertion, EarningPath, identity_hash
from learning.models import TaskCompletion
from learning.schedule import ensure_first_round
from tests.badges import schemas
from tests.badges.factories import BadgeFactory, MemberFactory
from tests.factories import CourseOrganiserFactory, CourseTaskFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"  # UserFactory's
TASKS = [
    ("Find a page you love and look at its source", False),
    ("Remix it and publish your remix", True),
    ("Show your remix to the group", False),
]
EVIDENCE = "https://lena.example.org/my-remix/"


@pytest.fixture
def journey(make_course, live_server, settings):
    # Documents build their addresses from the configured base URL: here, the server the browser talks to, so
    # the journey can follow the assertion to its badge class and issuer.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    course = make_course(title="Webmaking 101", slug="webmaking-101", self_paced=True, start_date=None)
    for index, (title, evidence) in enumerate(TASKS):
        CourseTaskFactory(page=course, title=title, sort_order=index, needs_evidence=evidence)
    CourseOrganiserFactory(page=course, user=MemberFactory(username="ada", first_name="Ada", last_name="Okafor"))
    ensure_first_round(course)
    badge = BadgeFactory(
        name="Web Remixer",
        slug="web-remixer",
        colour="teal",
        earned_by=EarningPath.COMPLETION,
        description="Read the source of a page, remixed it and published the remix for others to see.",
        criteria="Work through **every task** of *Webmaking 101*: the badge is yours when the last one is done.",
        courses=[course],
    )
    learner = MemberFactory(username="lena", first_name="Lena", last_name="Berg", email="Lena.Berg@Example.org")
    return {"course": course, "badge": badge, "learner": learner}


def check(tab, name):
    """Every page of the journey: a screenshot, no accessibility violations, nothing in the console."""
    tab.screenshot(name)
    assert tab.accessibility_violations() == []
    assert tab.errors == []


def test_a_learner_completes_a_course_and_the_badge_verifies(journey, tab):
    page = tab.page
    course = journey["course"]

    # Log in through the real form, coming back to the course.
    tab.goto(f"/accounts/login/?next={course.url}")
    page.get_by_label("Username or email").fill("lena")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state("networkidle")
    assert page.url == tab.base_url + course.url

    # Join from the course's panel; the badge the course offers is on the page.
    panel = page.locator("#learning")
    panel.get_by_role("button", name="Join this course").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("[data-learning-tasks-progress]")).to_contain_text("0 of 3 tasks done")
    expect(page.locator(".course-badge__title")).to_have_text("Web Remixer")
    check(tab, "badge-completion-01-joined")

    # Every task, through the page's own controls; the second asks for a link to the learner's work.
    for position, (title, needs_evidence) in enumerate(TASKS):
        task = page.locator(f"#task-{task_id(course, position)}")
        details = task.locator("details")
        if details.get_attribute("open") is None:
            task.locator("summary").click()
        if needs_evidence:
            task.get_by_label("Link to your work").fill(EVIDENCE)
        task.get_by_role("button", name=named("Mark as done", title)).click()
        expect(task.get_by_role("button", name=named("Mark as not done", title))).to_be_visible()
        expect(page.locator("[data-learning-tasks-progress]")).to_contain_text(f"{position + 1} of 3 tasks done")

    # The last one earns the badge, and the page says so where the learner is looking; screen readers hear it
    # with the task's own news.
    expect(page.locator("#learning [data-learning-progress]")).to_contain_text("3 of 3 tasks done")
    earned = page.locator("[data-learning-tasks-progress] .badge-earned")
    expect(earned).to_contain_text("You earned the Web Remixer badge!")
    expect(earned).to_be_in_viewport()
    expect(page.locator("body > [role=status][aria-live=polite]")).to_contain_text(
        "3 of 3 tasks done. You earned the Web Remixer badge!"
    )
    assertion = Assertion.objects.get(recipient=journey["learner"], badge=journey["badge"])
    assert TaskCompletion.objects.filter(user=journey["learner"], course=course).count() == len(TASKS)

    # It stays said after a reload, and the course's list of badges agrees.
    tab.goto(course.url)
    expect(earned).to_have_count(1)
    expect(page.locator(".course-badge", has_text="Web Remixer")).to_contain_text("You hold it")
    check(tab, "badge-completion-02-earned")

    # The profile's backpack holds it.
    earned.get_by_role("link", name="your profile").click()
    page.wait_for_load_state("networkidle")
    assert page.url == tab.base_url + "/people/lena/"
    backpack = page.locator(".backpack-item", has_text="Web Remixer")
    expect(backpack.locator(".backpack-item__meta")).to_contain_text("Completed Webmaking 101 ·")
    check(tab, "badge-completion-03-backpack")

    # Its JSON link answers a valid Open Badges 2.0 assertion for this learner, with the work as evidence.
    json_url = backpack.get_by_role("link", name="Assertion of Web Remixer").get_attribute("href")
    assert json_url == assertion.json_url
    response = page.request.get(tab.base_url + json_url)
    assert response.status == 200
    assert response.headers["content-type"] == "application/ld+json"
    document = json.loads(response.text())
    assert list(Draft202012Validator(schemas.ASSERTION).iter_errors(document)) == []
    assert document["id"] == tab.base_url + json_url
    recipient = document["recipient"]
    assert recipient["identity"] == identity_hash("lena.berg@example.org", recipient["salt"])
    assert [item["name"] for item in document["evidence"]] == [title for title, _ in TASKS]
    assert document["evidence"][1]["id"] == EVIDENCE
    assert re.search(r" of Webmaking 101 on [1-9]\d? [A-Z][a-z]+ \d{4}\.$", document["evidence"][0]["narrative"])
    # Its badge class and issuer answer too, from the same host.
    badge_class = json.loads(page.request.get(document["badge"]).text())
    assert list(Draft202012Validator(schemas.BADGE_CLASS).iter_errors(badge_class)) == []
    issuer = json.loads(page.request.get(badge_class["issuer"]).text())
    assert list(Draft202012Validator(schemas.ISSUER).iter_errors(issuer)) == []
    assert issuer["id"].startswith(tab.base_url + "/")

    # The baked PNG it offers carries the same assertion.
    with page.expect_download() as download:
        backpack.get_by_role("link", name="Baked PNG of Web Remixer").click()
    assert download.value.suggested_filename == "web-remixer-lena.png"
    with open(download.value.path(), "rb") as baked:
        assert json.loads(unbake(io.BytesIO(baked.read()))) == document

    # The badge's page lists the learner among its holders.
    backpack.get_by_role("link", name="Web Remixer", exact=True).click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".certificate__recipient")).to_contain_text("Awarded to Lena Berg")
    check(tab, "badge-completion-04-certificate")
    page.locator(".breadcrumbs").get_by_role("link", name="Web Remixer").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".holder-list__item")).to_have_text([re.compile(r"^\s*L\s*Lena Berg")])
    expect(page.locator(".badge-panel__heading--held")).to_have_text("You hold this badge")
    check(tab, "badge-completion-05-badge-page")
    assert Assertion.objects.count() == 1

    # On a phone: the news on the course page and the backpack fit the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    for path, name in [
        (course.url, "badge-completion-06-course-phone"),
        ("/people/lena/", "badge-completion-07-profile-phone"),
    ]:
        tab.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        check(tab, name)


def named(action, task):
    """A button's accessible name: its visible action and, for screen readers, the task it acts on."""
    return re.compile(rf"^{re.escape(action)}\W+{re.escape(task)}$")


def task_id(course, position):
    return course.tasks.order_by("sort_order")[position].pk
