"""Badge journeys in real Chromium: earning a peer-assessed badge, and finding it verifiable afterwards."""

import json

from django.test import Client

import pytest
from jsonschema import Draft202012Validator

from badges.models import Assertion, EarningPath
from tests.badges import schemas
from tests.badges.factories import AssertionFactory, BadgeFactory, MemberFactory
from tests.factories import CourseOrganiserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def people(make_course):
    course = make_course(title="HTML and CSS from Scratch", slug="html-css", tasks=2)
    organiser = MemberFactory(username="chen", first_name="Chen", last_name="Wei")
    CourseOrganiserFactory(page=course, user=organiser)
    badge = BadgeFactory(
        name="Webmaker",
        slug="webmaker",
        colour="coral",
        earned_by=EarningPath.PEER_ASSESSMENT,
        min_reviews=2,
        min_average_rating=3.5,
        description="Built and published a web page by hand, with semantic HTML and CSS that works on a phone.",
        criteria="Publish a page you made yourself and submit its address.\n\n1. semantic HTML\n2. works on a phone",
        courses=[course],
    )
    holder = AssertionFactory(
        badge=badge, recipient=MemberFactory(username="ada", first_name="Ada", last_name="Okafor")
    ).recipient
    learner = MemberFactory(username="emeka", first_name="Emeka", last_name="Nwosu")
    sessions = {}
    for member in (learner, holder, organiser):
        client = Client()
        client.force_login(member)
        sessions[member.username] = client.cookies["sessionid"].value
    return {"badge": badge, "learner": learner, "sessions": sessions}


def log_in(tab, sessions, username):
    tab.page.context.clear_cookies()
    tab.page.context.add_cookies([{"name": "sessionid", "value": sessions[username], "url": tab.base_url}])


def test_a_learner_earns_a_peer_assessed_badge_and_it_verifies(people, tab):
    page = tab.page
    sessions = people["sessions"]

    # The learner submits their work from the badge's page.
    log_in(tab, sessions, "emeka")
    tab.goto("/badges/")
    page.locator(".badge-card__title a", has_text="Webmaker").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Webmaker"
    page.get_by_label("Link to your work").fill("https://emeka.example.org/bird-count/")
    page.get_by_label("About your work").fill(
        "A one-page site for our bird count, with a sightings table and a layout that works on a phone."
    )
    tab.screenshot("badges-01-submit")
    assert tab.accessibility_violations() == []
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state("networkidle")
    assert "The course organisers have been emailed" in page.locator(".messages").inner_text()
    assert page.locator(".badge-panel__heading").inner_text() == "In review"

    # A holder finds it waiting for review and rates it with the keyboard.
    log_in(tab, sessions, "ada")
    tab.goto("/badges/webmaker/")
    page.locator(".submission-list a", has_text="Emeka Nwosu").click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("4 – Strong").focus()
    page.keyboard.press("Space")
    page.get_by_label("Your comment").fill("Clean markup and the table has proper headers. Well done!")
    tab.screenshot("badges-02-review")
    assert tab.accessibility_violations() == []
    page.get_by_role("button", name="Send my review").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".review").count() == 1

    # The organiser's review completes it.
    log_in(tab, sessions, "chen")
    tab.goto(page.url.removeprefix(tab.base_url))
    page.get_by_label("5 – Outstanding").check()
    page.get_by_label("Your comment").fill("Exactly what the badge asks for, and a lovely write-up.")
    page.get_by_role("button", name="Send my review").click()
    page.wait_for_load_state("networkidle")
    assert "Emeka Nwosu has earned Webmaker!" in page.locator(".messages").inner_text()

    # The learner holds it, and its JSON link answers a valid Open Badges assertion.
    log_in(tab, sessions, "emeka")
    tab.goto("/badges/webmaker/")
    assert page.locator(".badge-panel__heading--held").inner_text() == "You hold this badge"
    page.get_by_role("link", name="See your badge").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".certificate__recipient").inner_text().startswith("Awarded to Emeka Nwosu")
    tab.screenshot("badges-03-awarded")
    assert tab.accessibility_violations() == []
    json_url = page.get_by_role("link", name="Assertion (JSON-LD)").get_attribute("href")
    response = page.request.get(tab.base_url + json_url)
    assert response.status == 200
    assert response.headers["content-type"] == "application/ld+json"
    document = json.loads(response.text())
    assert list(Draft202012Validator(schemas.ASSERTION).iter_errors(document)) == []
    assert document["id"].endswith(json_url)

    assert tab.csp_violations() == []
    assert tab.errors == []


def test_badge_pages_work_on_a_phone(people, tab):
    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(tab, people["sessions"], "ada")

    tab.goto("/badges/webmaker/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator(".holder-list__item").count() == 1
    tab.screenshot("badges-04-phone")
    assert tab.accessibility_violations() == []
    assert tab.errors == []
    assert Assertion.objects.count() == 1
