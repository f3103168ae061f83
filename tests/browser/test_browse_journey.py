"""A visitor browses the demo community: home → a school → a course → the wiki."""

import pytest

from core.demo.build import build_demo

# Live-server tests commit for real; serialized rollback restores what the data migrations made.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo():
    build_demo(log=lambda line: None, with_accounts=False)


def test_visitor_browses_from_home_to_a_course_and_the_wiki(demo, tab):
    page = tab.page

    tab.goto("/")
    assert page.locator("h1").inner_text() == "Learn anything, together"
    assert page.locator(".school-card").count() == 4
    tab.screenshot("01-home")
    assert tab.accessibility_violations() == []

    page.locator(".school-card__title a", has_text="School of Webcraft").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "School of Webcraft"
    assert page.locator(".kind-group h2").all_inner_texts() == ["Courses", "Study Groups", "Challenges"]
    tab.screenshot("02-school")
    assert tab.accessibility_violations() == []

    page.locator(".course-card__title a", has_text="A Gentle Introduction to Python").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "A Gentle Introduction to Python"
    assert page.locator(".task").count() == 7
    # The second task opens with the keyboard, like any disclosure.
    second = page.locator(".task__summary").nth(1)
    second.focus()
    page.keyboard.press("Enter")
    assert page.locator(".task__details").nth(1).get_attribute("open") is not None
    # The meeting time is shown in the reader's own time zone too.
    assert page.locator(".block-meeting .local-time").count() == 1
    tab.screenshot("03-course")
    assert tab.accessibility_violations() == []

    page.locator(".main-menu a", has_text="Wiki").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Wiki"
    page.locator(".page-tree__link", has_text="Facilitation Tips").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Facilitation Tips"
    assert page.locator(".breadcrumbs a").all_inner_texts() == ["Home", "Wiki", "Organiser Handbook"]
    tab.screenshot("04-wiki-page")
    assert tab.accessibility_violations() == []

    assert tab.csp_violations() == []
    assert tab.errors == []


def test_courses_listing_filters_and_works_on_a_phone(demo, tab):
    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})

    tab.goto("/courses/")
    assert not page.locator(".main-menu").is_visible()
    page.locator("[data-nav-toggle]").click()
    assert page.locator(".main-menu").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(".main-menu").is_visible()

    page.select_option("#id_language", "es")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    titles = page.locator(".course-card__title a").all_inner_texts()
    assert titles and all(
        title in {"The Open Licensing Challenge", "Círculo de conversación en español"} for title in titles
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    tab.screenshot("05-courses-phone")
    assert tab.accessibility_violations() == []
    assert tab.errors == []
