"""/search/suggestions/: page titles for the header box, as JSON, rate-limited per address."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import WikiPageFactory

URL = "/search/suggestions/"


def test_titles_starting_with_the_words_typed(client, corpus):
    response = client.get(URL, {"q": "urban gard"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "query": "urban gard",
        "results": [
            {
                "title": "Urban gardening basics",
                "url": corpus.gardening.url,
                "type": "Course",
                "context": "School of Webcraft",
            }
        ],
    }


def test_every_kind_of_page_is_suggested_but_not_comments(client, corpus):
    titles = {result["title"]: result for result in client.get(URL, {"q": "s"}).json()["results"]}
    assert titles == {}  # one letter is too short to suggest anything

    results = client.get(URL, {"q": "fac"}).json()["results"]
    assert [(result["title"], result["type"], result["context"]) for result in results] == [
        ("Facilitation tips", "Wiki page", "")
    ]
    schools = client.get(URL, {"q": "school of open"}).json()["results"]
    assert [(result["title"], result["type"], result["context"]) for result in schools] == [
        ("School of Open Science", "School", "")
    ]
    assert client.get(URL, {"q": "chea"}).json()["results"] == []  # "cheat sheet" is only in a comment


@pytest.mark.parametrize("typed", ["", "\x00\x00", '"', "!!", "a" * 3000, "' OR 1=1 --", "<script>"])
def test_odd_input_answers_an_empty_list(client, corpus, typed):
    response = client.get(URL, {"q": typed})

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_suggestions_are_limited(client, settings, site_tree):
    settings.SEARCH_AUTOCOMPLETE_LIMIT = 3
    for number in range(6):
        WikiPageFactory(parent=site_tree.wiki, title=f"Juggling lesson {number}")

    assert len(client.get(URL, {"q": "jug"}).json()["results"]) == 3


def test_query_count_does_not_grow_with_the_suggestions(client, settings, site_tree):
    settings.SEARCH_AUTOCOMPLETE_LIMIT = 10
    WikiPageFactory(parent=site_tree.wiki, title="Kite making")

    def count():
        client.get(URL, {"q": "kite"})
        with CaptureQueriesContext(connection) as queries:
            results = client.get(URL, {"q": "kite"}).json()["results"]
        return len(queries), len(results)

    one = count()
    for number in range(9):
        WikiPageFactory(parent=site_tree.wiki, title=f"Kite flying {number}")
    ten = count()

    assert (one[1], ten[1]) == (1, 10)
    assert one[0] == ten[0] <= 8


def test_too_many_requests_from_one_address_are_refused(client, settings, corpus):
    settings.SEARCH_AUTOCOMPLETE_REQUESTS_PER_MINUTE = 3
    for _ in range(3):
        assert client.get(URL, {"q": "urban"}, REMOTE_ADDR="198.51.100.7").status_code == 200

    refused = client.get(URL, {"q": "urban"}, REMOTE_ADDR="198.51.100.7")

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json() == {"error": "Too many requests: try again in a minute.", "results": []}
    # Another address is counted apart.
    assert client.get(URL, {"q": "urban"}, REMOTE_ADDR="198.51.100.8").json()["results"]


def test_only_get_is_allowed(client, corpus):
    assert client.post(URL, {"q": "urban"}).status_code == 405
    assert client.post("/search/", {"q": "urban"}).status_code == 405
