"""/search/: ranking, facets, phrases, pagination, suggestions and odd input, on the real database backend."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from tests.discussion.factories import post
from tests.factories import CoursePageFactory, WikiPageFactory
from tests.test_content_security import inline_violations

from .conftest import paragraph, results_of, titles


def search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response


def facet(response, name):
    """{label: count} of one facet, and the labels chosen."""
    for found in response.context["search"].facets:
        if found.name == name:
            return {option.label: option.count for option in found.options}
    return {}


def test_title_matches_rank_above_body_matches(client, site_tree, make_course):
    body_only = make_course(
        title="Keeping bees in the city",
        summary="Hives on roofs.",
        body=paragraph("Urban beekeeping needs patience. Beekeeping clubs help. Read about beekeeping laws."),
    )
    in_title = make_course(title="Beekeeping for beginners", summary="Start with one hive.")
    in_wiki_title = WikiPageFactory(parent=site_tree.wiki, title="Beekeeping glossary", summary="Words and terms.")

    found = titles(search(client, q="beekeeping"))

    assert found.index(in_title.title) < found.index(body_only.title)
    assert found.index(in_wiki_title.title) < found.index(body_only.title)
    assert len(found) == 3


def test_every_word_must_match(client, corpus):
    assert titles(search(client, q="gardening vegetables")) == ["Urban gardening basics", "Citizen science mapping"]
    assert titles(search(client, q="gardening balcony")) == ["Urban gardening basics"]


def test_quoted_phrases_match_words_together(client, corpus):
    assert set(titles(search(client, q='"open source"'))) == {"About us", "Python for data journalism"}
    # "open" and "data" both appear in the mapping course, but never side by side as "open source".
    assert "Citizen science mapping" not in titles(search(client, q='"open source"'))
    assert titles(search(client, q='"data open"')) == []


def test_results_show_type_school_kind_snippet_and_date(client, corpus):
    corpus.python.save_revision().publish()
    corpus.python.refresh_from_db()

    html = BeautifulSoup(search(client, q="pandas").content, "html.parser")
    course = next(
        item for item in html.select(".search-result") if item.h3.text.strip() == "Python for data journalism"
    )

    assert [pill.text for pill in course.select(".pill")] == ["Course", "Study Group"]
    assert course.select_one(".search-result__school").text == "School of Webcraft"
    assert course.select_one(".search-result__snippet mark").text == "pandas"
    assert course.select_one("time")["datetime"].startswith(str(corpus.python.last_published_at.date()))
    assert "Sign-up closed" in course.text and "Spanish" in course.text
    comment = next(item for item in html.select(".search-result") if "Discussion" in item.text)
    assert comment.select_one("a")["href"] == corpus.comment.get_absolute_url()
    assert comment.select_one(".search-result__snippet").decode_contents() == (
        "Is there a <mark>pandas</mark> cheat sheet for beginners?"
    )


def test_facets_count_and_combine_with_the_query(client, corpus):
    response = search(client, q="gardening")

    assert facet(response, "type") == {"Courses": 2, "Wiki pages": 1}
    assert facet(response, "school") == {"School of Open Science": 1, "School of Webcraft": 1}
    assert facet(response, "kind") == {"Courses": 2}
    assert facet(response, "language") == {"English": 2}
    assert facet(response, "open") == {"Open for sign-up": 2}

    narrowed = search(client, q="gardening", type="course", school="open-science")
    assert titles(narrowed) == ["Citizen science mapping"]
    # Each facet counts with the *other* filters: the type facet still offers wiki pages to switch to.
    assert facet(narrowed, "type") == {"Courses": 1}
    assert facet(narrowed, "school") == {"School of Open Science": 1, "School of Webcraft": 1}
    assert narrowed.context["search"].total == 1


def test_discussions_are_a_type_of_their_own(client, corpus):
    response = search(client, q="pandas")
    assert facet(response, "type") == {"Courses": 1, "Discussions": 1}

    only = search(client, q="pandas", type="discussion")
    assert titles(only) == ["Ada Okafor on “Python for data journalism”"]
    assert facet(only, "school") == {"School of Webcraft": 1}
    # Course-only filters leave discussions out.
    assert titles(search(client, q="pandas", language="es")) == ["Python for data journalism"]


def test_open_for_signup_and_language_filters(client, corpus):
    assert titles(search(client, q="data", open="1")) == ["Citizen science mapping"]
    assert titles(search(client, q="data", language="es")) == ["Python for data journalism"]
    assert facet(search(client, q="data", open="1"), "language") == {"English": 1}


def test_unknown_filters_are_named_and_ignored(client, corpus):
    response = search(client, q="gardening", kind="no-such-kind", school="<script>", open="maybe")

    assert len(titles(response)) == 3
    assert response.context["search"].selection.ignored == ["school", "kind", "open"]
    assert b"were not recognised and were ignored" in response.content
    assert b"<script>" not in response.content.split(b"<main")[1]


def test_facet_links_toggle_a_filter_and_keep_the_others(client, corpus):
    response = search(client, q="gardening", type="course")
    options = {
        (found.name, option.label): option for found in response.context["search"].facets for option in found.options
    }

    assert options["type", "Courses"].selected and options["type", "Courses"].url == "?q=gardening"
    assert options["school", "School of Webcraft"].url == "?q=gardening&type=course&school=webcraft"
    assert not options["kind", "Courses"].selected
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".facet__option[aria-current=true]").get_text(" ", strip=True).startswith("Courses")
    assert html.select_one(".facets__clear a")["href"] == "/search/?q=gardening"


def test_pagination(client, settings, site_tree, make_course):
    settings.SEARCH_PER_PAGE = 3
    for number in range(7):
        make_course(title=f"Astronomy night {number}", slug=f"astronomy-{number}")

    first = search(client, q="astronomy")
    second = search(client, q="astronomy", page=2)
    past_the_end = search(client, q="astronomy", page=99)
    nonsense = search(client, q="astronomy", page="two")

    assert first.context["search"].total == 7
    assert len(titles(first)) == 3 and len(titles(second)) == 3
    assert set(titles(first)).isdisjoint(titles(second))
    assert len(titles(past_the_end)) == 1 and past_the_end.context["search"].page_obj.number == 3
    assert titles(nonsense) == titles(first)
    assert b'href="?q=astronomy&amp;page=2"' in first.content


def test_results_stop_at_the_deepest_page(client, settings, site_tree, make_course):
    settings.SEARCH_PER_PAGE = 2
    settings.SEARCH_MAX_RESULTS = 4
    for number in range(6):
        make_course(title=f"Origami {number}", slug=f"origami-{number}")

    response = search(client, q="origami", page=5)

    assert response.context["search"].total == 6
    assert response.context["search"].page_obj.paginator.num_pages == 2
    assert b"(the best 4 are shown)" in response.content


def test_misspelt_words_get_a_suggestion_that_finds_something(client, corpus):
    response = search(client, q="gardning")

    assert titles(response) == []
    suggestion = response.context["search"].spelling
    assert suggestion.text == "gardening" and suggestion.count == 3
    assert suggestion.url == "?q=gardening"
    assert b"Did you mean" in response.content


def test_no_suggestion_for_words_nothing_resembles(client, corpus):
    response = search(client, q="xylophone")

    assert response.context["search"].spelling is None
    assert b"Nothing found for" in response.content


def test_filters_that_leave_nothing_offer_the_results_without_them(client, corpus):
    response = search(client, q="pandas", type="school")

    assert titles(response) == []
    html = BeautifulSoup(response.content, "html.parser")
    link = next(a for a in html.select(".search-suggestion a") if "without filters" in a.text)
    assert link["href"] == "/search/?q=pandas" and "2 results" in link.text


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "\x00",
        "python\x00",
        "!!!***(((",
        '"',
        '"unbalanced python',
        '""""',
        "x" * 5000,
        "word " * 400,
        "' OR 1=1; DROP TABLE wagtailcore_page; --",
        "NEAR(python data) title:* ^ AND OR NOT",
        "\\",
        "ünïcödé 中文 العربية",
        "<script>alert(1)</script>",
    ],
)
def test_odd_queries_answer_a_normal_page(client, corpus, typed):
    response = client.get("/search/", {"q": typed})

    assert response.status_code == 200
    assert inline_violations(response.content) == []
    assert b"<script>alert" not in response.content


def test_a_query_with_markup_is_shown_escaped(client, corpus):
    response = search(client, q='<script>alert("pandas")</script>')

    assert b"<script>alert" not in response.content
    assert b"&lt;script&gt;alert(&quot;pandas&quot;)&lt;/script&gt;" in response.content
    assert response.context["search"].query.terms == ("script", "alert", "pandas")


def test_a_document_with_markup_is_shown_escaped(client, site_tree, make_course):
    make_course(
        title="Safe <script>alert('t')</script> HTML",
        summary="Learn why <img src=x onerror=alert(1)> is dangerous in HTML.",
    )

    response = search(client, q="dangerous")
    content = response.content.split(b"<main")[1]

    assert b"<script>alert" not in content and b"<img src=x" not in content
    assert b"&lt;img src=x onerror=alert(1)&gt; is <mark>dangerous</mark>" in content


def test_empty_search_shows_tips(client, corpus):
    response = search(client)

    assert b"Searching tips" in response.content
    assert response.context["search"].page_obj is None


def test_search_sends_no_inline_code(client, corpus):
    response = search(client, q="gardening", type="course")

    assert inline_violations(response.content) == []


def test_query_count_does_not_grow_with_the_results_shown(client, settings, site_tree, make_course, member):
    settings.SEARCH_PER_PAGE = 20

    def count_queries():
        client.get("/search/", {"q": "ceramics"})  # warm caches (content types, vocabulary)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": "ceramics"})
        return len(queries), len(results_of(response))

    course = make_course(title="Ceramics at home", slug="ceramics-0", summary="Ceramics with a kitchen oven.")
    post(course, member, "My first ceramics bowl cracked.")
    WikiPageFactory(parent=site_tree.wiki, title="Ceramics glazes", summary="Glazes.")
    few_queries, few = count_queries()

    for number in range(1, 8):
        course = make_course(title=f"Ceramics {number}", slug=f"ceramics-{number}", summary="Ceramics for all.")
        post(course, member, f"Ceramics question {number}")
        WikiPageFactory(parent=site_tree.wiki, title=f"Ceramics tip {number}", summary="Glazes.")
    CoursePageFactory(parent=site_tree.school, title="Ceramics studio", slug="ceramics-studio", summary="Kilns.")
    many_queries, many = count_queries()

    assert (few, many) == (3, 20)
    assert many_queries == few_queries
    assert many_queries <= 25
