"""The public history of a page: its published versions, readable differences for anyone, moderators' reverts."""

from wagtail.admin.compare import diff_text
from wagtail.models import Page

import pytest

from history.diff import shows_a_change
from moderation.models import ReviewOutcome
from tests.factories import WikiPageFactory
from tests.history.factories import publish_version
from tests.people.factories import contributor, moderator, trusted
from tests.test_content_security import inline_violations

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site_tree):
    return WikiPageFactory(parent=site_tree.wiki, title="Glossary", slug="glossary")


@pytest.fixture
def versions(page):
    ada = trusted("ada", first_name="Ada", last_name="Okafor")
    cora = contributor("cora", first_name="Cora", last_name="Tributor")
    first = publish_version(
        page,
        ada,
        body=[{"type": "paragraph", "value": "<p>A study group meets weekly.</p>", "id": "definition"}],
        summary="Started the glossary",
    )
    second = publish_version(
        page,
        cora,
        body=[{"type": "paragraph", "value": "<p>A study group meets every week online.</p>", "id": "definition"}],
        summary="Clarified study groups",
    )
    # A later draft nobody published is not part of the public history.
    draft = Page.objects.get(pk=page.pk).specific
    draft.title = "Draft title"
    unpublished = draft.save_revision(user=cora)
    return {"ada": ada, "cora": cora, "first": first, "second": second, "draft": unpublished}


def test_the_history_lists_published_versions_with_who_and_why(client, page, versions):
    response = client.get(page.url + "history/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Version 2") < html.index("Version 1")
    assert "Clarified study groups" in html and "Started the glossary" in html
    assert 'href="/people/cora/">Cora Tributor</a>' in html
    assert "Draft title" not in html
    assert f"history/compare/{versions['first'].pk}/{versions['second'].pk}/" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Restore" not in html  # visitors don't get the moderators' button
    assert inline_violations(response.content) == []


def test_anyone_can_read_what_changed_between_two_versions(client, page, versions):
    # The editor keeps a block's id across versions, so a changed paragraph is compared word by word.
    response = client.get(f"{page.url}history/compare/{versions['first'].pk}/{versions['second'].pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        'A study group meets <span class="deletion">weekly.</span><span class="addition">every week online.</span>'
        in html
    )
    assert "Cora Tributor" in html
    assert inline_violations(response.content) == []


def test_markup_only_edits_are_not_shown_as_changes(client, page, versions):
    same_text = publish_version(
        page,
        None,
        body=[
            {
                "type": "paragraph",
                "value": '<p data-block-key="k1">A study group meets every week online.</p>',
                "id": "definition",
            }
        ],
    )

    html = client.get(f"{page.url}history/compare/{versions['second'].pk}/{same_text.pk}/").content.decode()

    assert "These two versions have the same content." in html


def test_words_like_addition_in_unchanged_text_are_not_a_change():
    same = "In addition, we meet weekly; no deletion of notes."

    assert not shows_a_change(diff_text(same, same).to_html())
    assert shows_a_change(diff_text(same, same + " Bring tea.").to_html())


def test_the_compare_form_goes_to_the_canonical_address_older_first(client, page, versions):
    older, newer = versions["first"].pk, versions["second"].pk

    response = client.get(f"{page.url}history/compare/?a={newer}&b={older}")

    assert response["Location"] == f"{page.url}history/compare/{older}/{newer}/"
    assert client.get(f"{page.url}history/compare/?a=x").status_code == 302


def test_drafts_and_other_pages_revisions_are_not_found(client, page, versions, site_tree):
    other = WikiPageFactory(parent=site_tree.wiki, title="Other", slug="other")
    elsewhere = publish_version(other, None, summary="Elsewhere")

    assert client.get(f"{page.url}history/compare/{versions['first'].pk}/{versions['draft'].pk}/").status_code == 404
    assert client.get(f"{page.url}history/compare/{versions['first'].pk}/{elsewhere.pk}/").status_code == 404
    assert client.get(f"{page.url}history/nonsense/").status_code == 404


def test_content_in_a_diff_is_escaped(client, page, versions):
    script = publish_version(
        page, versions["ada"], summary="<script>alert(1)</script>", title='<img src=x onerror="alert(1)">'
    )

    html = client.get(f"{page.url}history/compare/{versions['second'].pk}/{script.pk}/").content.decode()

    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "<script>alert(1)" not in client.get(page.url + "history/").content.decode()


def test_videos_are_compared_by_address_without_asking_the_provider(client, page, versions, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the diff must not fetch embeds")

    monkeypatch.setattr("wagtail.embeds.embeds.get_embed", no_network)
    one = publish_version(
        page,
        None,
        body=[
            {"type": "video", "value": {"video": "https://www.youtube.com/watch?v=aaa", "caption": ""}, "id": "clip"}
        ],
    )
    two = publish_version(
        page,
        None,
        body=[
            {"type": "video", "value": {"video": "https://www.youtube.com/watch?v=bbb", "caption": ""}, "id": "clip"}
        ],
    )

    html = client.get(f"{page.url}history/compare/{one.pk}/{two.pk}/").content.decode()

    assert "watch?v=" in html and '<span class="addition">bbb</span>' in html


def test_moderators_restore_an_earlier_version_as_a_new_one(client, page, versions):
    mo = moderator("mo")
    client.force_login(mo)
    url = f"{page.url}history/revert/{versions['first'].pk}/"
    revisions = page.revisions.count()

    confirm = client.get(url)
    assert "Restore the version of" in confirm.content.decode()
    assert page.revisions.count() == revisions  # looking changes nothing

    response = client.post(url, {"reason": "Undo an unclear edit"})

    assert response["Location"] == page.url + "history/"
    live = Page.objects.get(pk=page.pk).specific
    assert "meets weekly" in live.body[0].value.source
    assert live.live_revision.user == mo
    assert page.revisions.count() == revisions + 1
    history = client.get(page.url + "history/").content.decode()
    assert "Version 3" in history and "Undo an unclear edit" in history
    # The change it replaced counts against its author's trust.
    outcome = ReviewOutcome.objects.get()
    assert (outcome.member, outcome.outcome, outcome.decided_by) == (versions["cora"], "reverted", mo)


def test_others_cannot_restore_versions(client, page, versions):
    url = f"{page.url}history/revert/{versions['first'].pk}/"

    assert client.post(url)["Location"].startswith("/accounts/login/")
    client.force_login(trusted("hana"))
    assert client.post(url).status_code == 403
    assert "meets every week" in Page.objects.get(pk=page.pk).specific.body[0].value.source


def test_unpublished_pages_have_no_public_history(client, page, versions):
    Page.objects.get(pk=page.pk).unpublish()

    assert client.get(page.url + "history/").status_code == 404


def test_course_and_school_pages_have_a_history_too(client, make_course, site_tree):
    course = make_course(title="Python", slug="python")
    publish_version(course, None, summary="Opened the course")

    assert "Opened the course" in client.get(course.url + "history/").content.decode()
    assert client.get(site_tree.school.url + "history/").status_code == 200


def test_history_pages_need_a_page_of_results_that_exists(client, page, versions):
    assert client.get(page.url + "history/?page=5").status_code == 404
    assert client.get(page.url + "history/?page=abc").status_code == 200
