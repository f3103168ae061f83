"""Discussion journey in real Chromium: a learner posts, another replies in place, a moderator removes one in
the admin, and it disappears from the page."""

from django.contrib.auth.models import Group
from django.test import Client

import pytest
from playwright.sync_api import expect

from discussion.models import Comment
from tests.discussion.factories import confirmed, post
from tests.factories import CourseOrganiserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def people(make_course):
    course = make_course(title="A Gentle Introduction to Python", slug="python", tasks=1)
    learner = confirmed("emeka", first_name="Emeka", last_name="Nwosu")
    peer = confirmed("dana", first_name="Dana", last_name="Kowalski")
    moderator = confirmed("mo", first_name="Mo", last_name="Derator", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    post(course, confirmed("farah", first_name="Farah", last_name="Haddad"), "Is the IRC meeting at 19:00 London time?")
    return {"course": course, "sessions": sessions_for(learner, peer, moderator)}


def sessions_for(*members):
    """A logged-in session cookie per member, made before the browser starts."""
    sessions = {}
    for member in members:
        client = Client()
        client.force_login(member)
        sessions[member.username] = client.cookies["sessionid"].value
    return sessions


def log_in(tab, sessions, username):
    tab.page.context.clear_cookies()
    tab.page.context.add_cookies([{"name": "sessionid", "value": sessions[username], "url": tab.base_url}])


def test_learners_talk_and_a_moderator_removes_a_comment(people, tab):
    page = tab.page
    course_url = people["course"].url
    sessions = people["sessions"]

    # A learner posts a comment; it appears at the top of the discussion without a page load.
    log_in(tab, sessions, "emeka")
    tab.goto(course_url)
    page.evaluate("window.noReload = true")
    page.fill("#discussion-text", "Week 2 done: I drew a spiral with `turtle`. Why does **91°** twist it?")
    page.get_by_role("button", name="Post comment").click()
    first = page.locator(".comment-list--threads > li").first
    first.locator(".comment__text code").wait_for()
    assert first.locator(".comment__author").inner_text() == "Emeka Nwosu"
    assert page.evaluate("window.noReload") is True
    assert page.locator("[data-discussion-count]").inner_text() == "2"
    assert page.locator("#discussion-text").input_value() == ""
    tab.screenshot("discussion-01-posted")
    assert tab.accessibility_violations() == []

    # Another learner replies in place, from the Reply button under that comment.
    log_in(tab, sessions, "dana")
    tab.goto(course_url)
    page.evaluate("window.noReload = true")
    thread = page.locator(".comment-list--threads > li").first
    thread.get_by_role("link", name="Reply to Emeka Nwosu").click()
    reply_box = thread.locator("textarea[name=text]")
    assert reply_box.evaluate("element => element === document.activeElement")
    reply_box.fill("Each turn is one degree off, and the error adds up: try 89 and it twists the other way.")
    thread.get_by_role("button", name="Post reply").click()
    reply = thread.locator(".comment-list--replies > li").first
    reply.wait_for()
    assert "error adds up" in reply.locator(".comment__text").inner_text()
    assert page.evaluate("window.noReload") is True
    assert thread.locator("form.discussion-form--reply").count() == 0
    expect(page.locator("[data-discussion-status]")).to_have_text("Your reply is posted.")
    tab.screenshot("discussion-02-replied-in-place")
    assert tab.accessibility_violations() == []

    # On a phone the thread still reads well and nothing overflows sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    tab.goto(course_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    tab.screenshot("discussion-03-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    # A moderator removes the reply from the Wagtail admin.
    reply_comment = Comment.objects.get(comment__startswith="Each turn")
    log_in(tab, sessions, "mo")
    tab.goto("/admin/discussion/comment/")
    row = page.locator("table.listing tbody tr", has_text="Each turn is one degree off")
    row.locator("a", has_text="Remove").click()
    page.wait_for_load_state("networkidle")
    tab.screenshot("discussion-04-admin-confirm")
    page.get_by_role("button", name="Yes, remove it").click()
    page.wait_for_load_state("networkidle")
    assert "Removed the comment by Dana Kowalski" in page.content()
    tab.screenshot("discussion-05-admin-removed")
    reply_comment.refresh_from_db()
    assert reply_comment.is_removed

    # The reply is gone from the page for everyone; the learner's comment stays.
    log_in(tab, sessions, "emeka")
    tab.goto(course_url)
    assert page.locator("#discussion").get_by_text("error adds up").count() == 0
    assert page.locator(".comment__author", has_text="Emeka Nwosu").count() == 1
    assert page.locator("[data-discussion-count]").inner_text() == "2"
    tab.screenshot("discussion-06-after-removal")
    assert tab.accessibility_violations() == []
    assert tab.csp_violations() == []
    assert tab.errors == [], tab.errors


def test_the_discussion_works_without_javascript(people, browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": people["sessions"]["dana"], "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + people["course"].url)

    page.get_by_role("link", name="Reply to Farah Haddad").click()
    assert page.locator("h1").inner_text() == "Reply to Farah Haddad"
    page.fill("textarea[name=text]", "Yes, and the page shows it in your time zone too.")
    page.get_by_role("button", name="Post", exact=True).click()

    assert page.url.endswith("#c" + str(Comment.objects.get(comment__startswith="Yes, and").pk))
    assert page.locator(".message").inner_text() == "Your reply is posted."
    assert page.locator(".comment-list--replies .comment__text").inner_text().startswith("Yes, and the page")
    context.close()


@pytest.fixture
def questions(make_course):
    course = make_course(title="Statistics with R", slug="statistics-with-r", discussion_mode="questions")
    organiser = confirmed("chen", first_name="Chen", last_name="Wei")
    CourseOrganiserFactory(page=course, user=organiser)
    asker = confirmed("dana", first_name="Dana", last_name="Kowalski")
    answerer = confirmed("emeka", first_name="Emeka", last_name="Nwosu")
    return {"course": course, "sessions": sessions_for(organiser, asker, answerer)}


def test_a_question_gets_answers_and_the_asker_accepts_one(questions, tab):
    page = tab.page
    course_url = questions["course"].url
    sessions = questions["sessions"]

    # Dana previews her question, then asks it.
    log_in(tab, sessions, "dana")
    tab.goto(course_url)
    page.fill("#discussion-text", "Why does `mean(scores)` give **NA**?")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("[data-discussion-preview-output] strong")).to_have_text("NA")
    page.get_by_role("button", name="Ask").click()
    question = page.locator(".comment-list--threads > li").first
    expect(question.locator(".comment__answered")).to_have_text("Unanswered")

    # Emeka opens the answer form, changes his mind with Escape, then answers.
    log_in(tab, sessions, "emeka")
    tab.goto(course_url)
    answer_link = page.get_by_role("link", name="Answer to Dana Kowalski")
    answer_link.click()
    expect(page.locator("form.discussion-form--reply label[for=reply-text]")).to_have_text("Your answer")
    page.keyboard.press("Escape")
    expect(page.locator("form.discussion-form--reply")).to_have_count(0)
    assert answer_link.evaluate("element => element === document.activeElement")
    answer_link.click()
    page.locator("form.discussion-form--reply textarea").fill("Maybe the column is text? Try `str(scores)`.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.locator(".comment-list--replies > li")).to_have_count(1)

    # Chen, an organiser, answers too.
    log_in(tab, sessions, "chen")
    tab.goto(course_url)
    page.get_by_role("link", name="Answer to Dana Kowalski").click()
    page.locator("form.discussion-form--reply textarea").fill(
        "One missing value makes the mean NA: use `na.rm = TRUE`."
    )
    page.get_by_role("button", name="Post reply").click()
    expect(page.locator(".comment-list--replies > li")).to_have_count(2)

    # Dana accepts Chen's answer: it moves first and the question shows as answered.
    log_in(tab, sessions, "dana")
    tab.goto(course_url)
    chens = page.locator(".comment-list--replies > li", has_text="na.rm")
    chens.get_by_role("button", name="Accept this answer").click()
    page.wait_for_load_state("networkidle")
    answers = page.locator(".comment-list--replies > li")
    expect(answers.first.locator(".comment__accepted")).to_have_text("Accepted answer")
    assert "na.rm" in answers.first.inner_text()
    expect(page.locator(".comment__answered")).to_have_text("Answered")
    tab.screenshot("discussion-07-accepted-answer")
    assert tab.accessibility_violations() == []

    # The reply page (for readers without JavaScript) is accessible too.
    tab.goto(page.get_by_role("link", name="Answer to Dana Kowalski").get_attribute("href"))
    assert page.locator("h1").inner_text() == "Answer Dana Kowalski’s question"
    tab.screenshot("discussion-08-answer-page")
    assert tab.accessibility_violations() == []
    assert tab.errors == [], tab.errors
