"""/recent-changes/: published changes across the site, filtered by kind, school and member, and as Atom."""

import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from tests.factories import SchoolPageFactory, WikiPageFactory
from tests.history.factories import many_versions, publish_version
from tests.people.factories import contributor, trusted
from tests.test_content_security import inline_violations

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def changes(site_tree, make_course):
    ada, cora = (
        trusted("ada", first_name="Ada", last_name="Okafor"),
        contributor("cora", first_name="Cora", last_name="T"),
    )
    wiki = WikiPageFactory(parent=site_tree.wiki, title="Glossary", slug="glossary")
    publish_version(wiki, ada, summary="Started the glossary")
    publish_version(wiki, cora, summary="Added 'round'")
    course = make_course(title="Python", slug="python")
    publish_version(course, ada, summary="Opened sign-ups")
    other_school = SchoolPageFactory(parent=site_tree.schools, title="School of Open", slug="open")
    open_course = make_course(school=other_school, title="Licensing", slug="licensing")
    publish_version(open_course, cora, summary="Explained CC BY")
    hidden = WikiPageFactory(parent=site_tree.wiki, title="Secret plans", slug="secret")
    publish_version(hidden, ada, summary="Private notes")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    gone = WikiPageFactory(parent=site_tree.wiki, title="Spam page", slug="spam")
    publish_version(gone, cora, summary="Spam")
    Page.objects.get(pk=gone.pk).unpublish()
    return {"wiki": wiki, "course": course, "open_course": open_course}


def test_published_changes_are_listed_newest_first_with_who_and_why(client, changes):
    response = client.get("/recent-changes/")

    html = response.content.decode()
    assert html.index("Explained CC BY") < html.index("Opened sign-ups") < html.index("Added &#x27;round&#x27;")
    assert "in School of Open" in html
    assert 'href="/people/cora/">Cora T</a>' in html
    assert "Secret plans" not in html and "Spam page" not in html  # private and unpublished pages stay out
    assert inline_violations(response.content) == []
    assert 'type="application/atom+xml"' in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("area=wiki", ["Started the glossary"], ["Opened sign-ups", "Explained CC BY"]),
        ("area=courses", ["Opened sign-ups", "Explained CC BY"], ["Started the glossary"]),
        ("school=open", ["Explained CC BY"], ["Opened sign-ups", "Started the glossary"]),
        ("member=cora", ["Explained CC BY", "Added &#x27;round&#x27;"], ["Opened sign-ups"]),
        ("member=nobody", [], ["Opened sign-ups", "Explained CC BY", "Started the glossary"]),
        ("area=nonsense&school=nowhere", ["Opened sign-ups", "Started the glossary"], []),
    ],
)
def test_filters(client, changes, query, shown, hidden):
    html = client.get(f"/recent-changes/?{query}").content.decode()

    for text in shown:
        assert text in html
    for text in hidden:
        assert text not in html


def test_each_change_links_to_what_it_did(client, changes):
    wiki = changes["wiki"]
    first, second = wiki.revisions.order_by("pk")[:2]

    html = client.get("/recent-changes/?area=wiki").content.decode()

    assert f'href="{wiki.url}history/compare/{first.pk}/{second.pk}/"' in html
    assert f'href="{wiki.url}history/"' in html


def test_the_atom_feed_has_the_same_changes_and_filters(client, changes):
    response = client.get("/recent-changes/feed/?area=courses")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed, in a test
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Licensing: Explained CC BY", "Python: Opened sign-ups"]
    first = next(feed.iter(f"{ATOM}entry"))
    assert first.find(f"{ATOM}author/{ATOM}name").text == "Cora T"
    assert first.find(f"{ATOM}link").get("href").startswith("http://testserver/schools/")
    self_link = next(link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self")
    assert self_link.get("href") == "http://testserver/recent-changes/feed/?area=courses"


def test_pages_of_changes(client, site_tree):
    page = WikiPageFactory(parent=site_tree.wiki, title="Busy page", slug="busy")
    many_versions(page, 60, [trusted("ada")])

    second = client.get("/recent-changes/?page=2").content.decode()

    assert "Page 2" in second and "← Newer" in second and "Older →" not in second
    assert client.get("/recent-changes/?page=9").status_code == 404


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_five_thousand_changes(client, site_tree, make_course):
    authors = [contributor(f"author{number}") for number in range(20)]
    pages = [
        WikiPageFactory(parent=site_tree.wiki, title=f"Page {number}", slug=f"page-{number}") for number in range(25)
    ]
    pages += [make_course(title=f"Course {number}", slug=f"course-{number}") for number in range(25)]
    for page in pages[:5]:
        many_versions(page, 2, authors)
    few = count_queries(client, "/recent-changes/")

    for page in pages:
        many_versions(page, 100, authors)
    assert count_queries(client, "/recent-changes/") <= few
    assert count_queries(client, "/recent-changes/?page=40&area=courses") <= few
    assert count_queries(client, "/recent-changes/feed/") <= few


def test_the_query_count_of_a_history_does_not_grow_with_two_hundred_versions(client, site_tree):
    authors = [contributor(f"author{number}") for number in range(12)]
    page = WikiPageFactory(parent=site_tree.wiki, title="Glossary", slug="glossary")
    many_versions(page, 10, authors)
    few = count_queries(client, page.url + "history/")

    many_versions(page, 190, authors)

    assert count_queries(client, page.url + "history/") <= few
    assert count_queries(client, page.url + "history/?page=4") <= few
