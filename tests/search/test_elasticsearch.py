"""The Elasticsearch path, tested at the wire: settings, index definitions, documents and query bodies.

The official client sends real HTTP to `FakeElasticsearch`, which records it (no Elasticsearch runs here).
"""

import json
import os
import subprocess
import sys

from django.conf import settings as django_settings
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

import pytest
from bs4 import BeautifulSoup

from search.documents import CommentDocument
from search.engines import get_engine
from search.engines.elasticsearch import ElasticsearchEngine
from search.facets import Catalogue, Selection
from search.query import parse
from tests.discussion.factories import post
from tests.factories import SchoolPageFactory, UserFactory

from .conftest import titles
from .fake_elasticsearch import FakeElasticsearch, empty_response


def backends_for(url):
    return {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [url],
            "INDEX_PREFIX": "p2pu-",
            "TIMEOUT": 5,
        }
    }


@pytest.fixture
def fake_es(settings):
    with FakeElasticsearch() as fake:
        settings.ELASTICSEARCH_URL = fake.url
        settings.WAGTAILSEARCH_BACKENDS = backends_for(fake.url)
        yield fake


def configured_backends(**environment):
    """WAGTAILSEARCH_BACKENDS as settings/base.py builds it in a fresh interpreter with this environment."""
    code = "import json; from p2pu_site.settings import base; print(json.dumps(base.WAGTAILSEARCH_BACKENDS))"
    names = ("ELASTICSEARCH_URL", "ELASTICSEARCH_INDEX_PREFIX")
    environment = {**{k: v for k, v in os.environ.items() if k not in names}, **environment}
    run = subprocess.run(  # noqa: S603 — this interpreter, our own code
        [sys.executable, "-c", code], env=environment, cwd=django_settings.BASE_DIR, capture_output=True, check=True
    )
    return json.loads(run.stdout)


def test_elasticsearch_url_selects_wagtails_elasticsearch8_backend(settings):
    configured = configured_backends(ELASTICSEARCH_URL="https://search:secret@es.example.org:9243")
    assert configured["default"]["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert configured["default"]["URLS"] == ["https://search:secret@es.example.org:9243"]

    settings.ELASTICSEARCH_URL = "https://search:secret@es.example.org:9243"
    settings.WAGTAILSEARCH_BACKENDS = configured
    backend = get_search_backend()
    assert isinstance(backend, Elasticsearch8SearchBackend)
    assert backend.get_index_for_model(Page).name == "p2pu-wagtailcore_page"
    assert backend.hosts == [{"host": "es.example.org", "port": 9243, "path_prefix": "", "scheme": "https"}]
    assert isinstance(get_engine(), ElasticsearchEngine)


def test_without_elasticsearch_url_the_database_backend_serves():
    assert configured_backends() == {"default": {"BACKEND": "wagtail.search.backends.database"}}


def test_comment_index_definition():
    assert CommentDocument._index._name == "p2pu-comments"
    assert CommentDocument._index.to_dict() == {
        "settings": {"number_of_shards": 1, "number_of_replicas": 1},
        "mappings": {
            "properties": {
                "text": {"type": "text", "analyzer": "english"},
                "author": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
                "page_id": {"type": "integer"},
                "page_path": {"type": "keyword"},
                "posted_at": {"type": "date"},
                "changed_at": {"type": "date"},
            }
        },
    }


def test_a_comment_document_holds_its_text_and_place(corpus):
    comment = corpus.comment

    assert CommentDocument.from_comment(comment).to_dict(include_meta=True) == {
        "_index": "p2pu-comments",
        "_id": comment.pk,
        "_source": {
            "text": "Is there a pandas cheat sheet for beginners?",
            "author": "Ada Okafor",
            "page_id": corpus.python.pk,
            "page_path": corpus.python.path,
            "posted_at": comment.submit_date,
            "changed_at": comment.submit_date,
        },
    }


def test_page_search_body(fake_es, corpus, rf):
    catalogue = Catalogue()
    selection = Selection.from_params({"school": "webcraft", "kind": "study-group"}, catalogue)
    engine = get_engine()

    body = engine.page_body(parse('python basics "open source"'), selection, catalogue, [], size=10)

    content_types = catalogue.page_content_types
    school = {"prefix": {"path_filter": corpus.webcraft.path}}
    kind = {"term": {"courses_coursepage__kind_id_filter": corpus.study_group.pk}}
    words = {"query": "python basics", "operator": "and"}
    assert body["query"] == {
        "bool": {
            "must": {
                "dis_max": {
                    "queries": [
                        {
                            "bool": {
                                "must": [
                                    {"match": {"_all_text": words}},
                                    {"match_phrase": {"_all_text": "open source"}},
                                ]
                            }
                        },
                        {
                            "bool": {
                                "must": [
                                    {"match": {"_all_text_boost_2_0": {**words, "boost": 2.0}}},
                                    {"match_phrase": {"_all_text_boost_2_0": {"query": "open source", "boost": 2.0}}},
                                ]
                            }
                        },
                    ]
                }
            },
            "filter": [
                {"match": {"_django_content_type": "wagtailcore.Page"}},
                {
                    "bool": {
                        "must": [{"term": {"live_filter": True}}, {"terms": {"content_type_id_filter": content_types}}]
                    }
                },
            ],
        }
    }
    assert body["post_filter"] == {"bool": {"filter": [school, kind]}}
    # Every facet counts with the other facets' filters only.
    assert body["aggs"]["type"]["filter"] == {"bool": {"filter": [school, kind]}}
    assert body["aggs"]["school"]["filter"] == {"bool": {"filter": [kind]}}
    assert body["aggs"]["kind"]["filter"] == {"bool": {"filter": [school]}}
    assert body["aggs"]["school"]["aggs"]["values"] == {
        "filters": {
            "filters": {
                "open-science": {"prefix": {"path_filter": corpus.science.path}},
                "webcraft": {"prefix": {"path_filter": corpus.webcraft.path}},
            }
        }
    }
    assert body["aggs"]["kind"]["aggs"]["values"] == {
        "terms": {"field": "courses_coursepage__kind_id_filter", "size": 200}
    }
    assert body["aggs"]["open"]["aggs"]["values"] == {
        "filters": {"filters": {"open": {"terms": {"courses_coursepage__signup_status_filter": ["open", "moderated"]}}}}
    }
    assert body["aggs"]["matched"] == {"filter": {"match_all": {}}}
    assert (body["size"], body["track_total_hits"], body["_source"]) == (10, True, ["pk", "content_type_id_filter"])


def test_private_sections_are_excluded_in_both_queries(fake_es, corpus, client):
    PageViewRestriction.objects.create(page=corpus.wiki_page, restriction_type=PageViewRestriction.LOGIN)

    client.get("/search/", {"q": "gardening"})

    (_, pages), (comments_index, comments) = fake_es.searches()
    private = corpus.wiki_page.path
    page_filters = pages["query"]["bool"]["filter"][1]["bool"]["must"]
    assert {"bool": {"must_not": {"prefix": {"path_filter": private}}}} in page_filters
    assert comments_index == "p2pu-comments"
    assert comments == {
        "query": {
            "bool": {
                "must": [{"match": {"text": {"query": "gardening", "operator": "and"}}}],
                "must_not": [{"prefix": {"page_path": private}}],
            }
        },
        "aggs": {
            "school": {
                "filters": {
                    "filters": {
                        "open-science": {"prefix": {"page_path": corpus.science.path}},
                        "webcraft": {"prefix": {"page_path": corpus.webcraft.path}},
                    }
                }
            },
            "matched": {"filter": {"match_all": {}}},
        },
        "size": 10,
        "track_total_hits": True,
        "_source": False,
    }

    client.force_login(UserFactory())
    client.get("/search/", {"q": "gardening"})
    (_, pages), _ = fake_es.searches()[2:]
    assert "must_not" not in json.dumps(pages["query"])  # signed in, the section is theirs to search


def test_course_only_filters_ask_no_comments(fake_es, corpus, client):
    client.get("/search/", {"q": "data", "language": "es", "page": "2"})

    (_, pages), (_, comments) = fake_es.searches()[:2]
    assert pages["size"] == 20
    assert comments["size"] == 0
    assert pages["post_filter"] == {"bool": {"filter": [{"term": {"courses_coursepage__language_filter": "es"}}]}}


def hit(pk, score, content_type=None):
    if content_type is None:
        return {"_index": "p2pu-comments", "_id": str(pk), "_score": score}
    return {"_id": str(pk), "_score": score, "_source": {"pk": str(pk), "content_type_id_filter": content_type}}


def test_results_from_elasticsearch_are_rechecked_against_the_database(fake_es, corpus, client):
    catalogue = Catalogue()
    course_type = catalogue.content_type_by_type["course"]
    removed = post(corpus.gardening, corpus.member, "Gardening gloves are a must.")
    removed.remove(UserFactory(is_staff=True))

    def respond(bodies):
        pages, comments = (empty_response(body) for body in bodies)
        pages["hits"] = {
            "total": {"value": 2, "relation": "eq"},
            "hits": [hit(corpus.gardening.pk, 9.5, course_type), hit(corpus.mapping.pk, 4.2, course_type)],
        }
        pages["aggregations"]["matched"]["doc_count"] = 3
        pages["aggregations"]["type"]["values"]["buckets"] = [{"key": course_type, "doc_count": 2}]
        pages["aggregations"]["school"]["values"]["buckets"]["webcraft"]["doc_count"] = 1
        pages["aggregations"]["school"]["values"]["buckets"]["open-science"]["doc_count"] = 1
        pages["aggregations"]["kind"]["values"]["buckets"] = [{"key": corpus.study_group.pk, "doc_count": 2}]
        pages["aggregations"]["open"]["values"]["buckets"]["open"]["doc_count"] = 2
        # The index still has the removed comment (say it missed the update): the database has the last word.
        comments["hits"] = {
            "total": {"value": 2, "relation": "eq"},
            "hits": [hit(removed.pk, 7.0), hit(corpus.comment.pk, 5.0)],
        }
        comments["aggregations"]["matched"]["doc_count"] = 2
        comments["aggregations"]["school"]["buckets"]["webcraft"]["doc_count"] = 2
        return [pages, comments]

    fake_es.respond = respond
    response = client.get("/search/", {"q": "gardening"})

    assert response.status_code == 200
    assert titles(response) == [
        "Urban gardening basics",
        "Ada Okafor on “Python for data journalism”",
        "Citizen science mapping",
    ]
    facets = {f.name: {o.label: o.count for o in f.options} for f in response.context["search"].facets}
    assert facets["type"] == {"Courses": 2, "Discussions": 2}
    assert facets["school"] == {"School of Open Science": 1, "School of Webcraft": 3}
    assert facets["kind"] == {"Study Groups": 2}
    assert facets["open"] == {"Open for sign-up": 2}
    assert response.context["search"].total == 4


def test_search_says_so_when_elasticsearch_is_down(settings, corpus, client):
    with FakeElasticsearch() as fake:
        url = fake.url
    settings.ELASTICSEARCH_URL = url  # nothing listens there any more
    settings.WAGTAILSEARCH_BACKENDS = backends_for(url)

    response = client.get("/search/", {"q": "gardening"})
    assert response.status_code == 503
    html = BeautifulSoup(response.content, "html.parser")
    assert "Search is unavailable for a moment" in html.select_one("[role=alert]").text

    assert client.get("/search/suggestions/", {"q": "gard"}).json()["results"] == []
    courses = client.get("/courses/", {"q": "gardening"})
    assert [course.title for course in courses.context["courses"]] == ["Urban gardening basics"]  # titles stand in


def test_comment_changes_reach_the_comment_index(fake_es, corpus):
    author = UserFactory(email_confirmed_at=timezone.now())
    # The corpus's first comment created the index behind the alias, with the document's definition.
    (creation,) = [r for r in fake_es.sent("PUT") if r.path.startswith("/p2pu-comments-") and "_alias" not in r.path]
    assert creation.body == CommentDocument._index.to_dict()
    fake_es.requests.clear()
    comment = post(corpus.gardening, author, "Tomatoes need sun.")

    ((operation, meta, document),) = fake_es.bulk_actions()
    assert (operation, meta) == ("index", {"_index": "p2pu-comments", "_id": comment.pk})
    assert document["text"] == "Tomatoes need sun." and document["page_path"] == corpus.gardening.path
    (created,) = [name for name in fake_es.indices if name.startswith("p2pu-comments-")]
    assert fake_es.aliases["p2pu-comments"] == {created}  # the first write made an index behind the alias

    comment.remove(UserFactory(is_staff=True))
    assert fake_es.bulk_actions()[-1][:2] == ("delete", {"_index": "p2pu-comments", "_id": comment.pk})

    kept = post(corpus.gardening, author, "Basil likes water.")
    kept_pk = kept.pk
    kept.delete()
    assert fake_es.bulk_actions()[-1][:2] == ("delete", {"_index": "p2pu-comments", "_id": kept_pk})


def test_page_changes_refresh_the_comments_under_them(fake_es, corpus):
    crafts = SchoolPageFactory(parent=corpus.webcraft.get_parent(), title="School of Crafts", slug="crafts")

    def stale_query():
        return fake_es.sent("POST", "/_delete_by_query")[-1].body["query"]

    corpus.python.unpublish()
    assert stale_query() == {
        "bool": {"filter": [{"terms": {"page_id": [corpus.python.pk]}}], "must_not": [{"ids": {"values": []}}]}
    }

    corpus.python.save_revision().publish()
    assert stale_query()["bool"]["must_not"] == [{"ids": {"values": [corpus.comment.pk]}}]
    assert fake_es.bulk_actions()[-1][2]["page_path"] == corpus.python.path

    corpus.python.move(crafts, pos="last-child")
    corpus.python.refresh_from_db()
    assert fake_es.bulk_actions()[-1][2]["page_path"] == corpus.python.path
    assert corpus.python.path.startswith(crafts.path)

    restriction = PageViewRestriction.objects.create(page=crafts, restriction_type=PageViewRestriction.LOGIN)
    assert stale_query() == {
        "bool": {
            "filter": [{"terms": {"page_id": [crafts.pk, corpus.python.pk]}}],
            "must_not": [{"ids": {"values": []}}],
        }
    }
    restriction.delete()
    assert stale_query()["bool"]["must_not"] == [{"ids": {"values": [corpus.comment.pk]}}]
