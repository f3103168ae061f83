"""Moderating comments in the Wagtail admin: the queue, filters, remove and restore, and who may do it."""

from django.contrib.auth.models import Permission

import pytest
from bs4 import BeautifulSoup

from discussion.models import Comment

from .factories import confirmed, post

INDEX = "/admin/discussion/comment/"


def listed(client, query=""):
    response = client.get(INDEX + query)
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
    excerpts = []
    for row in rows:
        cell = row.select_one("td")
        for buttons in cell.select("ul.actions"):
            buttons.decompose()
        excerpts.append(cell.get_text(" ", strip=True))
    return excerpts


@pytest.fixture
def queue(course, wiki_page, ada, bruno, chen, settings):
    """A calm comment, one flagged once, one hidden after three flags, one removed, one on the wiki."""
    settings.DISCUSSION_AUTO_HIDE_FLAGS = 3
    calm = post(course, ada, "Calm and useful")
    flagged = post(course, bruno, "Slightly rude")
    flagged.add_flag(ada)
    hidden = post(course, chen, "Buy cheap pills")
    for member in (ada, bruno):
        hidden.add_flag(member)

    hidden.add_flag(confirmed("dana"))
    removed = post(course, ada, "Removed long ago")
    removed.is_removed = True
    removed.save()
    wiki = post(wiki_page, bruno, "On the wiki")
    return {"calm": calm, "flagged": flagged, "hidden": hidden, "removed": removed, "wiki": wiki}


def test_the_flagged_queue_comes_first(client, queue, moderator):
    client.force_login(moderator)

    rows = listed(client)

    assert rows[:2] == ["Buy cheap pills", "Slightly rude"]
    assert sorted(rows[2:]) == ["Calm and useful", "On the wiki", "Removed long ago"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?status=decision", ["Buy cheap pills"]),
        ("?status=flagged", ["Slightly rude"]),
        ("?status=removed", ["Removed long ago"]),
        ("?flags=1", ["Buy cheap pills", "Slightly rude"]),
        ("?flags=3", ["Buy cheap pills"]),
        ("?q=pills", ["Buy cheap pills"]),
        ("?q=bruno", ["Slightly rude", "On the wiki"]),
    ],
)
def test_filters_and_search(client, queue, moderator, query, expected):
    client.force_login(moderator)
    assert listed(client, query) == expected


def test_filter_by_page_author_and_date(client, queue, moderator, wiki_page, bruno):
    client.force_login(moderator)

    assert listed(client, f"?page={wiki_page.pk}") == ["On the wiki"]
    assert listed(client, f"?author={bruno.pk}") == ["Slightly rude", "On the wiki"]
    filters = BeautifulSoup(client.get(INDEX).content, "html.parser")
    past_week = next(
        link["href"] for link in filters.select(".changelist-filter a") if link.get_text(strip=True) == "Past 7 days"
    )
    assert len(listed(client, past_week)) == 5
    Comment.objects.filter(pk=queue["wiki"].pk).update(submit_date="2020-01-01T00:00:00Z")
    assert "On the wiki" not in listed(client, past_week)


def test_free_form_lookups_in_the_address_are_ignored(client, queue, moderator):
    client.force_login(moderator)
    assert len(listed(client, "?user__password__startswith=md5")) == 5


def test_a_moderator_removes_a_comment_and_it_leaves_the_page(client, course, queue, moderator):
    hidden = queue["hidden"]
    calm = queue["calm"]
    client.force_login(moderator)
    confirm = client.get(f"{INDEX}remove/{calm.pk}/")
    assert "Yes, remove it" in confirm.content.decode()

    response = client.post(f"{INDEX}remove/{calm.pk}/")

    assert response.status_code == 302
    calm.refresh_from_db()
    assert calm.is_removed
    assert "Calm and useful" not in client.get(course.url).content.decode()

    client.post(f"{INDEX}restore/{hidden.pk}/")
    hidden.refresh_from_db()
    assert (hidden.is_removed, hidden.hidden_by_flags, hidden.flag_count) == (False, False, 0)
    assert "Buy cheap pills" in client.get(course.url).content.decode()


def test_the_inspect_page_shows_source_flags_and_thread(client, queue, moderator):
    client.force_login(moderator)

    page = client.get(f"{INDEX}inspect/{queue['hidden'].pk}/").content.decode()

    assert "Buy cheap pills" in page
    assert "Hidden: awaiting decision" in page
    assert "Flags (3)" in page
    assert "203.0.113.9" in page
    assert "css/discussion-admin.css" in page  # indents the thread outline without style attributes


def test_members_without_the_permission_are_turned_away(client, queue, chen):
    chen.is_staff = True
    chen.save()
    chen.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(chen)
    target = queue["calm"]

    for url in (INDEX, f"{INDEX}inspect/{target.pk}/", f"{INDEX}remove/{target.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    client.post(f"{INDEX}remove/{target.pk}/")
    target.refresh_from_db()
    assert not target.is_removed


def test_comments_are_not_created_edited_or_deleted_in_the_admin(client, queue, moderator):
    client.force_login(moderator)
    target = queue["calm"]

    assert client.get(f"{INDEX}create/").status_code in (302, 403)
    assert client.post(f"{INDEX}edit/{target.pk}/", {"comment": "Rewritten"}).status_code in (302, 403)
    assert client.post(f"{INDEX}delete/{target.pk}/").status_code in (302, 403)
    assert Comment.objects.filter(pk=target.pk, comment="Calm and useful").exists()


def test_the_dashboard_shows_moderators_the_flagged_comments(client, queue, moderator):
    client.force_login(moderator)

    page = client.get("/admin/").content.decode()

    assert "Flagged comments" in page
    assert "Buy cheap pills" in page
    assert "Open the moderation queue (2 flagged comments)" in page


def test_the_list_does_not_grow_in_queries_with_comments(client, course, moderator, ada, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(moderator)
    post(course, ada, "First")
    client.get(INDEX)
    with CaptureQueriesContext(connection) as few:
        client.get(INDEX)
    for number in range(30):
        post(course, ada, f"Comment {number}")
    with CaptureQueriesContext(connection) as many:
        client.get(INDEX)

    assert len(many) == len(few)
    with django_assert_max_num_queries(40):
        client.get(INDEX)
