"""Nobody finds what they may not see: drafts, private sections, hidden and removed comments."""

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from tests.discussion.factories import post
from tests.factories import UserFactory, WikiPageFactory

from .conftest import paragraph, titles


def found(client, words):
    return titles(client.get("/search/", {"q": words}))


def suggested(client, words):
    return [result["title"] for result in client.get("/search/suggestions/", {"q": words}).json()["results"]]


def test_a_page_never_published_is_not_found(client, site_tree):
    WikiPageFactory(parent=site_tree.wiki, title="Unfinished marmalade notes", live=False)

    assert found(client, "marmalade") == []
    assert suggested(client, "marma") == []


def test_unpublished_changes_to_a_live_page_stay_hidden(client, site_tree):
    page = WikiPageFactory(parent=site_tree.wiki, title="Sourdough starter", summary="Flour and water.")
    page.save_revision().publish()
    page.title = "Sourdough starter and a secret rye trick"
    page.summary = "Confidential pumpernickel method."
    page.save_revision()

    assert found(client, "pumpernickel") == []
    assert found(client, "secret rye") == []
    assert found(client, "sourdough") == ["Sourdough starter"]


@pytest.fixture
def private_wiki(site_tree):
    """A section of the wiki for signed-in members, with a page below it."""
    section = WikiPageFactory(parent=site_tree.wiki, title="Organisers' lounge", summary="Kombucha budgets.")
    below = WikiPageFactory(parent=section, title="Kombucha supplier list", summary="Who sells scobies.")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    return section, below


def test_private_sections_are_hidden_from_visitors(client, private_wiki):
    assert found(client, "kombucha") == []
    assert suggested(client, "kombu") == []


def test_members_find_what_signing_in_lets_them_see(client, private_wiki):
    client.force_login(UserFactory())

    assert sorted(found(client, "kombucha")) == ["Kombucha supplier list", "Organisers' lounge"]
    assert suggested(client, "kombu") == ["Kombucha supplier list"]


def test_group_sections_are_found_by_their_groups_only(client, site_tree):
    page = WikiPageFactory(parent=site_tree.wiki, title="Treasurer handbook", summary="Invoices.")
    treasurers = Group.objects.create(name="Treasurers")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(treasurers)
    outsider, treasurer = UserFactory(), UserFactory()
    treasurer.groups.add(treasurers)

    client.force_login(outsider)
    assert found(client, "treasurer") == []
    client.force_login(treasurer)
    assert found(client, "treasurer") == ["Treasurer handbook"]


def test_password_sections_are_found_after_the_password(client, site_tree):
    page = WikiPageFactory(parent=site_tree.wiki, title="Workshop answers", summary="Solutions.")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )

    assert found(client, "workshop") == []
    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    assert found(client, "workshop") == ["Workshop answers"]


@pytest.fixture
def discussion(site_tree, make_course):
    course = make_course(title="Knitting circle", body=paragraph("Needles and wool."))
    author = UserFactory(username="bruno", first_name="Bruno", last_name="Lima", email_confirmed_at=timezone.now())
    moderator = UserFactory(username="mod", is_staff=True)
    return course, author, moderator


def test_removed_hidden_and_deleted_comments_are_not_found(client, discussion):
    course, author, moderator = discussion
    removed = post(course, author, "Alpaca wool is warmest.")
    blocked = post(course, author, "Bamboo needles are quiet.")
    deleted = post(course, author, "Cashmere is a treat.")
    flagged = post(course, author, "Dyeing with onion skins.")
    kept = post(course, author, "Estonian lace is hard.")

    removed.remove(moderator)
    blocked.hide_for_block()
    deleted.delete_by_author()
    for _ in range(3):
        flagged.add_flag(UserFactory())

    for words in ("alpaca", "bamboo", "cashmere", "onion"):
        assert found(client, words) == [], words
    assert found(client, "estonian lace") == ["Bruno Lima on “Knitting circle”"]
    assert kept.is_visible


def test_comments_on_private_or_unpublished_pages_are_not_found(client, discussion):
    course, author, _ = discussion
    post(course, author, "Fair Isle patterns repeat.")
    client.force_login(UserFactory())  # even signed in: the discussion only shows comments on public pages

    assert len(found(client, "fair isle")) == 1
    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    assert found(client, "fair isle") == []
    restriction.delete()
    course.unpublish()
    assert found(client, "fair isle") == []
