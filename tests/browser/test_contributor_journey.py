"""The contributor journey in real Chromium: a visitor signs up, confirms their address from the emailed link,
starts contributing, edits a course in the Wagtail editor and submits it; a moderator logs in, finds it in the
queue and approves it; the visitor sees the new text, and the history shows both versions and their diff."""

import re

from django.core import mail

import pytest
from playwright.sync_api import expect

from tests.factories import CourseOrganiserFactory
from tests.history.factories import publish_version
from tests.people.factories import PASSWORD, moderator, trusted

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OLD_SUMMARY = "Learn Python from scratch with a study group that meets every week."
NEW_SUMMARY = "Learn Python from scratch with peers: one short task a week, and a study group to share it with."


@pytest.fixture
def course(make_course):
    course = make_course(title="A Gentle Introduction to Python", slug="python", summary=OLD_SUMMARY, tasks=1)
    ada = trusted("ada", first_name="Ada", last_name="Okafor")
    CourseOrganiserFactory(page=course, user=ada)
    publish_version(course, ada, summary="Opened the course")
    moderator("mo", first_name="Mo", last_name="Derator")
    return course


def public_page_is_clean(tab):
    assert tab.accessibility_violations() == []
    assert tab.errors == []


def test_a_visitor_becomes_a_contributor_and_their_change_goes_live_after_review(course, tab, browser):
    page = tab.page

    # A visitor wants to improve the course: "Edit this page" explains how to join.
    tab.goto(course.url)
    page.get_by_role("link", name="Edit this page").click()
    expect(page.get_by_role("heading", name="Start contributing", level=1)).to_be_visible()
    tab.screenshot("contributor-01-how-to-join")
    public_page_is_clean(tab)

    # They sign up.
    page.get_by_role("link", name="Sign up").last.click()
    page.get_by_label("Username").fill("newbie")
    page.get_by_label("Email address").fill("newbie@example.org")
    page.get_by_label("Your name (optional)").fill("Nia Newbie")
    page.get_by_label("Password", exact=True).fill("tangerine-harbour-42")
    page.get_by_label("Password again").fill("tangerine-harbour-42")
    page.get_by_label("I will follow the code of conduct").check()
    tab.screenshot("contributor-02-sign-up")
    public_page_is_clean(tab)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    tab.screenshot("contributor-03-check-your-inbox")

    # They confirm their address with the link from the email.
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", message.body)[1]
    tab.goto(link)
    page.get_by_role("button", name="Confirm my email address").click()
    expect(page.get_by_text("newbie@example.org is confirmed")).to_be_visible()

    # One step to contribute: accept the guidelines.
    page.get_by_label("I have read the contributor guidelines and will follow them").check()
    tab.screenshot("contributor-04-start-contributing")
    public_page_is_clean(tab)
    page.get_by_role("button", name="Start contributing").click()
    expect(page.get_by_role("heading", name="Your contributions", level=1)).to_be_visible()
    expect(page.get_by_text("0 of 5 approved changes to become a trusted contributor.")).to_be_visible()

    # They edit the course in the Wagtail editor and submit it for review.
    tab.goto(course.url)
    page.get_by_role("link", name="Edit this page").click()
    page.locator("#id_summary").fill(NEW_SUMMARY)
    page.locator("#id_edit_summary").fill("Made the summary say how the course works")
    page.locator("footer .w-dropdown__toggle.button").click()
    page.locator("button[name=action-submit]").click()

    # Back on the site, their change is waiting for review.
    expect(page.get_by_text("has been submitted for moderation")).to_be_visible()
    expect(page.locator(".review-list__item", has_text="A Gentle Introduction to Python")).to_contain_text("In review")
    tab.screenshot("contributor-05-submitted")
    tab.errors.clear()  # the Wagtail editor's own console messages are not the public site's

    # A moderator logs in through the site's log-in page and finds it in the queue.
    staff = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    staff.goto(tab.base_url + "/accounts/login/?next=/moderation/")
    staff.get_by_label("Username or email").fill("mo")
    staff.get_by_label("Password").fill(PASSWORD)
    staff.get_by_role("button", name="Log in").click()
    expect(staff.get_by_role("heading", name="Changes waiting for review")).to_be_visible()
    staff.get_by_role("link", name="Review A Gentle Introduction to Python").click()
    expect(staff.locator(".diff .addition").first).to_be_visible()
    staff.screenshot(path=str(tab_artifact("contributor-06-review")), full_page=True)
    staff.get_by_label("Approve and publish").check()
    staff.get_by_role("button", name="Send decision").click()
    expect(staff.get_by_text("Approved: “A Gentle Introduction to Python” is published.")).to_be_visible()
    staff.context.close()

    # The visitor sees their words on the live page…
    tab.goto(course.url)
    expect(page.locator(".course-hero__lede")).to_have_text(NEW_SUMMARY)
    tab.screenshot("contributor-07-live")
    public_page_is_clean(tab)

    # …and in the public history: both versions, and what changed between them.
    page.get_by_role("link", name="History").click()
    expect(page.get_by_text("Version 2", exact=True)).to_be_visible()
    expect(page.get_by_text("Made the summary say how the course works")).to_be_visible()
    expect(page.locator(".version").nth(1)).to_contain_text("Opened the course")
    tab.screenshot("contributor-08-history")
    public_page_is_clean(tab)
    page.get_by_role("button", name="Compare selected versions").click()
    expect(page.locator(".diff__field .addition").first).to_be_visible()
    expect(page.locator(".diff__field .deletion").first).to_be_visible()
    tab.screenshot("contributor-09-diff")
    public_page_is_clean(tab)

    # On a phone the same pages stay readable.
    page.set_viewport_size({"width": 390, "height": 844})
    tab.screenshot("contributor-10-diff-phone")
    page.go_back()
    tab.screenshot("contributor-11-history-phone")


def tab_artifact(name):
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / f"{name}.png"
