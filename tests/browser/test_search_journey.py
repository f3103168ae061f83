"""Search journey in real Chromium: suggestions in the header box, the results page with facets, a misspelling
corrected, and the same on a phone."""

import pytest
from playwright.sync_api import expect

from core.demo.build import build_demo
from courses.models import CoursePage
from tests.discussion.factories import confirmed, post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def community():
    build_demo(log=lambda line: None, with_accounts=False)
    course = CoursePage.objects.get(title="A Gentle Introduction to Python")
    post(course, confirmed("farah", first_name="Farah", last_name="Haddad"), "Which Python editor do you all use?")
    return course


def test_visitor_finds_a_course_from_the_header_box(community, tab):
    page = tab.page
    tab.goto("/")
    box = page.locator("#header-search-input")
    suggestions = page.locator("#header-search-input-suggestions")

    box.click()
    page.keyboard.type("pyth", delay=40)
    option = suggestions.get_by_role("option", name="A Gentle Introduction to Python")
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", "header-search-input-suggestions")
    assert "Course · School of Webcraft" in option.inner_text()

    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "header-search-input-suggestions-0")
    expect(option).to_have_attribute("aria-selected", "true")
    tab.screenshot("search-01-suggestions")
    assert tab.accessibility_violations() == []

    # Escape closes the list and keeps what was typed; the arrow opens it again.
    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(suggestions).to_be_hidden()
    assert box.input_value() == "pyth"
    page.keyboard.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")

    page.keyboard.press("Enter")
    page.wait_for_url(f"**{community.url}")
    assert page.locator("h1").inner_text() == "A Gentle Introduction to Python"
    assert tab.csp_violations() == []
    assert tab.errors == []


def test_visitor_searches_narrows_and_follows_a_suggestion(community, tab):
    page = tab.page
    tab.goto("/")

    # Enter without choosing a suggestion submits the search itself.
    page.locator("#header-search-input").fill("python")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=python")
    expect(page.locator(".search-count")).to_contain_text("results for “python”")
    types = page.locator(".facet", has=page.locator("h3", has_text="Type"))
    assert types.locator(".facet__label").all_inner_texts() == ["Courses", "Schools", "Wiki pages", "Discussions"]
    assert page.locator(".search-result mark").first.inner_text().lower() == "python"
    tab.screenshot("search-02-results")
    assert tab.accessibility_violations() == []

    types.locator("a", has_text="Discussions").click()
    page.wait_for_load_state("networkidle")
    titles = page.locator(".search-result__title").all_inner_texts()
    assert "Farah Haddad on “A Gentle Introduction to Python”" in titles
    assert all(" on “" in title for title in titles)
    expect(page.locator(".facet__option.is-selected")).to_have_attribute("aria-current", "true")

    page.locator("#search-page-input").fill("pyhton")
    page.locator("#search-page-input").press("Enter")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".search-count")).to_contain_text("Nothing found for “pyhton”")
    suggestion = page.locator(".search-suggestion a").first
    assert suggestion.inner_text() == "python"
    tab.screenshot("search-03-did-you-mean")
    assert tab.accessibility_violations() == []
    suggestion.click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".search-count")).to_contain_text("results for “python”")

    assert tab.csp_violations() == []
    assert tab.errors == []


def test_search_works_on_a_phone(community, tab):
    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})

    tab.goto("/search/?q=learn")
    assert page.locator(".search-result").count() > 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    tab.screenshot("search-04-phone")
    assert tab.accessibility_violations() == []

    page.locator("#search-page-input").fill("facil")
    option = page.locator("#search-page-input-suggestions [role=option]").first
    expect(option).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    tab.screenshot("search-05-phone-suggestions")
    option.click()
    page.wait_for_load_state("networkidle")
    assert "acilitat" in page.locator("h1").inner_text()
    assert tab.errors == []
