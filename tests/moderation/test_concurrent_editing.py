"""Two people editing the same page never silently lose one person's work: Wagtail's locks, its notice that
someone else saved, its refusal to autosave over a newer version, and revisions that keep every save."""

from django.urls import reverse

from wagtail.models import Revision

import pytest

from tests.factories import WikiPageFactory
from tests.history.factories import publish_version
from tests.moderation.editor import course_data, edit, wiki_data
from tests.people.factories import contributor, logged_in, moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site_tree):
    page = WikiPageFactory(parent=site_tree.wiki, title="Glossary", slug="glossary")
    publish_version(page, None, body=[("paragraph", "<p>Original.</p>")])
    page.refresh_from_db()
    return page


def ping(client, page, revision):
    url = reverse("wagtailadmin_editing_sessions:ping", args=("wiki", "wikipage", page.pk, 0))
    data = {"is_editing": "1", "revision_id": revision.pk, "revision_created_at": revision.created_at.isoformat()}
    return client.post(url, data).json()


def test_each_editor_is_told_when_the_other_saves_and_autosave_never_overwrites_it(page):
    cora, dana = (
        logged_in(contributor("cora", first_name="Cora", last_name="Ng")),
        logged_in(contributor("dana", first_name="Dana", last_name="K")),
    )
    loaded = page.latest_revision
    assert ping(cora, page, loaded)["other_sessions"] == []
    assert [s["user"] for s in ping(dana, page, loaded)["other_sessions"]] == ["Cora Ng"]

    assert edit(dana, page, wiki_data(page, body=["<p>Dana's version.</p>"])).status_code == 302
    danas = page.revisions.order_by("-pk").first()

    notice = ping(cora, page, loaded)["other_sessions"][0]
    assert (notice["user"], notice["revision_id"]) == ("Dana K", danas.pk)

    autosave = cora.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            **wiki_data(page, body=["<p>Cora's version.</p>"]),
            "loaded_revision_id": loaded.pk,
            "loaded_revision_created_at": loaded.created_at.isoformat(),
        },
        headers={"Accept": "application/json"},
    )
    assert autosave.status_code == 400
    assert autosave.json()["error_code"] == "invalid_revision"
    assert page.revisions.order_by("-pk").first() == danas

    # Saving on purpose makes a new revision; Dana's is still in the history, to compare or restore.
    assert edit(cora, page, wiki_data(page, body=["<p>Cora's version.</p>"])).status_code == 302
    assert "Dana's version." in Revision.objects.get(pk=danas.pk).as_object().body[0].value.source
    assert page.revisions.count() == 3


def test_a_page_a_moderator_locked_cannot_be_saved_by_others(page):
    mo = logged_in(moderator("mo"))
    cora = logged_in(contributor("cora"))
    mo.post(f"/admin/pages/{page.pk}/lock/")
    revisions = page.revisions.count()

    response = edit(cora, page, wiki_data(page, body=["<p>Sneaky edit.</p>"]))

    assert response.status_code == 200
    assert "locked" in response.content.decode().lower()
    assert page.revisions.count() == revisions

    mo.post(f"/admin/pages/{page.pk}/unlock/")
    assert edit(cora, page, wiki_data(page, body=["<p>Now it saves.</p>"])).status_code == 302


def test_a_change_in_review_is_locked_for_its_author_until_decided(make_course):
    course = make_course(title="Python", slug="python")
    cora = logged_in(contributor("cora"))
    edit(cora, course, course_data(course, action="submit", summary="First idea."))
    revisions = course.revisions.count()

    response = edit(cora, course, course_data(course, summary="Second thoughts."))

    assert response.status_code == 200
    assert course.revisions.count() == revisions
