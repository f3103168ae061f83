"""/courses/?q= and /wiki/?q=: the same search, inside each listing."""

from bs4 import BeautifulSoup

from tests.factories import WikiPageFactory

from .conftest import titles


def course_titles(response):
    return [course.title for course in response.context["courses"]]


def test_courses_accept_a_query_and_rank_by_relevance(client, corpus):
    response = client.get("/courses/", {"q": "gardening"})

    assert response.status_code == 200
    assert course_titles(response) == ["Urban gardening basics", "Citizen science mapping"]
    assert b"2 courses match your filters" in response.content
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".filters input[name=q]")["value"] == "gardening"
    assert html.select_one("select[name=sort] option[selected]").text == "Best match"


def test_course_query_combines_with_filters_and_order(client, corpus):
    assert course_titles(client.get("/courses/", {"q": "gardening", "school": "open-science"})) == [
        "Citizen science mapping"
    ]
    assert course_titles(client.get("/courses/", {"q": "gardening", "sort": "title"})) == [
        "Citizen science mapping",
        "Urban gardening basics",
    ]
    assert course_titles(client.get("/courses/", {"q": "vegetables balcony zebra"})) == []
    assert course_titles(client.get("/courses/", {"q": "!!!"})) == course_titles(client.get("/courses/"))


def test_course_query_too_long_is_reported_and_ignored(client, corpus):
    response = client.get("/courses/", {"q": "x" * 300})

    assert response.status_code == 200
    assert len(response.context["courses"]) == 3
    assert b"Ensure this value has at most 200 characters" in response.content


def test_wiki_accepts_a_query(client, corpus):
    WikiPageFactory(parent=corpus.wiki_page.get_parent(), title="Gardening glossary", summary="Words.")

    response = client.get("/wiki/", {"q": "gardening"})

    assert response.status_code == 200
    assert titles(response) == ["Gardening glossary", "Facilitation tips"]
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("#wiki-search-input")["value"] == "gardening"
    assert html.select_one("h2#wiki-pages-heading").text == "Wiki pages matching “gardening”"
    assert "with your filters" not in html.select_one(".search-count").text
    assert html.select_one(".search-result mark").text.lower() == "gardening"


def test_wiki_search_without_wiki_results_points_to_the_whole_site(client, corpus):
    response = client.get("/wiki/", {"q": "pandas"})

    html = BeautifulSoup(response.content, "html.parser")
    link = html.select_one(".search-suggestion a")
    assert link["href"] == "/search/?q=pandas" and "2 results across the whole site" in link.text


def test_wiki_spelling_suggestions_count_wiki_pages(client, corpus):
    response = client.get("/wiki/", {"q": "gardning"})

    suggestion = response.context["search"].spelling
    # Three results across the site, one of them in the wiki.
    assert (suggestion.text, suggestion.count, suggestion.url) == ("gardening", 1, "?q=gardening")
