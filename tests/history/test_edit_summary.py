"""The editor's "Summary of your changes" is kept with the revision and shown in the public history."""

import pytest

from history.models import RevisionNote
from tests.factories import WikiPageFactory
from tests.history.factories import publish_version
from tests.moderation.editor import course_data, edit, wiki_data
from tests.people.factories import contributor, trusted

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site_tree):
    page = WikiPageFactory(parent=site_tree.wiki, title="Glossary", slug="glossary")
    publish_version(page, None, body=[("paragraph", "<p>Terms.</p>")])
    return page


def test_the_editor_asks_for_a_summary_and_the_history_shows_it(client, page):
    client.force_login(trusted("hana"))
    assert "Summary of your changes" in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    edit(
        client,
        page,
        wiki_data(page, action="publish", body=["<p>More terms.</p>"], edit_summary="  Added   two terms "),
    )

    page.refresh_from_db()
    assert RevisionNote.objects.get(revision=page.live_revision).summary == "Added two terms"
    assert "Added two terms" in client.get(page.url + "history/").content.decode()


def test_a_drafts_summary_carries_over_to_its_submission(client, make_course):
    course = make_course(title="Python", slug="python")
    client.force_login(contributor("cora"))
    edit(client, course, course_data(course, summary="Shorter.", edit_summary="Shortened the summary"))

    form = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert 'value="Shortened the summary"' in form
    edit(client, course, course_data(course, action="submit", summary="Shorter.", edit_summary="Shortened the summary"))

    course.refresh_from_db()
    assert course.latest_revision.note.summary == "Shortened the summary"


def test_a_too_long_summary_is_refused_with_the_reason(client, page):
    client.force_login(contributor("cora"))
    revisions = page.revisions.count()

    response = edit(client, page, wiki_data(page, edit_summary="x" * 201))

    assert "Ensure this value has at most 200 characters" in response.content.decode()
    assert page.revisions.count() == revisions


def test_an_autosave_after_clearing_the_summary_removes_it(client, page):
    client.force_login(contributor("cora"))
    edit(client, page, wiki_data(page, body=["<p>Draft.</p>"], edit_summary="Draft note"))
    draft = page.revisions.order_by("-pk").first()
    assert draft.note.summary == "Draft note"

    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {**wiki_data(page, body=["<p>Draft, again.</p>"]), "overwrite_revision_id": draft.pk},
        headers={"Accept": "application/json"},
    )

    assert response.json()["success"] is True
    assert not RevisionNote.objects.filter(revision=draft).exists()
