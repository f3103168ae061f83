"""`manage.py rebuild_comment_index`: every visible comment, and nothing else, with a progress bar."""

from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from wagtail.search.models import IndexEntry

import pytest

from discussion.models import Comment
from tests.discussion.factories import post
from tests.factories import UserFactory

from .conftest import titles
from .fake_elasticsearch import FakeElasticsearch
from .test_elasticsearch import backends_for


@pytest.fixture
def comments(site_tree, make_course):
    course = make_course(title="Beatboxing")
    author = UserFactory(email_confirmed_at=timezone.now())
    made = [post(course, author, f"Rhythm pattern number {n}") for n in range(5)]
    made[0].remove(UserFactory(is_staff=True))
    return made


def rebuild(**options):
    out = StringIO()
    call_command("rebuild_comment_index", stdout=out, **options)
    return out.getvalue()


def test_database_rebuild_restores_visible_comments(client, comments):
    entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(Comment))
    entries.delete()
    assert titles(client.get("/search/", {"q": "rhythm"})) == []

    output = rebuild(chunk_size=2)

    assert sorted(int(pk) for pk in entries.values_list("object_id", flat=True)) == [c.pk for c in comments[1:]]
    assert len(titles(client.get("/search/", {"q": "rhythm"}))) == 4
    assert "  comments [..............................] 0/4" in output
    assert "  comments [##############################] 4/4" in output
    assert "Indexed 4 comments in the database search index." in output


def test_elasticsearch_rebuild_swaps_the_alias_when_complete(settings, comments):
    with FakeElasticsearch() as fake:
        settings.ELASTICSEARCH_URL = fake.url
        settings.WAGTAILSEARCH_BACKENDS = backends_for(fake.url)
        fake.indices.add("p2pu-comments-old")
        fake.aliases["p2pu-comments"] = {"p2pu-comments-old"}

        output = rebuild(chunk_size=3)

    (new,) = fake.aliases["p2pu-comments"]
    assert new.startswith("p2pu-comments-") and new != "p2pu-comments-old"
    creation = next(r for r in fake.requests if r.method == "PUT" and r.path == f"/{new}")
    assert creation.body["mappings"]["properties"]["text"] == {"type": "text", "analyzer": "english"}
    bulks = fake.sent(path_end="/_bulk")
    assert [len(r.body) // 2 for r in bulks] == [3, 1]
    indexed = [(meta["_index"], meta["_id"]) for _, meta, _ in fake.bulk_actions()]
    assert indexed == [(new, comment.pk) for comment in comments[1:]]
    swap = fake.sent("POST", "/_aliases")[-1].body
    assert swap == {
        "actions": [
            {"remove": {"index": "p2pu-comments-old", "alias": "p2pu-comments"}},
            {"add": {"index": new, "alias": "p2pu-comments"}},
        ]
    }
    assert fake.sent("DELETE")[-1].path == "/p2pu-comments-old"
    assert "p2pu-comments-old" not in fake.indices
    assert "  comments [######################........] 3/4" in output
    assert f"Indexed 4 comments into {new}, now searched as p2pu-comments." in output
