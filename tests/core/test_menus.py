"""The header and footer menus are cached per site and follow every change to the top of the page tree."""

from django.contrib.auth.models import Group
from django.core.cache import cache

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from tests.factories import StandardPageFactory


def community_links(client):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    return [a.text for a in html.select(".site-footer nav[aria-label=Community] a")]


def menu_links(client):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    return [a.text for a in html.select(".main-menu a")]


@pytest.fixture
def about(site_tree, client):
    page = StandardPageFactory(parent=site_tree.home, title="About", slug="about", show_in_menus=True)
    assert community_links(client) == ["About"]  # the menus are now cached
    return page


def test_the_menus_are_read_once_and_then_come_from_the_cache(client, about, django_assert_max_num_queries):
    cache.clear()
    with django_assert_max_num_queries(100) as cold:
        client.get("/")
    with django_assert_max_num_queries(100) as warm:
        client.get("/")
    assert len(warm.captured_queries) < len(cold.captured_queries)

    about.__class__.objects.filter(pk=about.pk).update(title="Renamed without telling anyone")
    assert community_links(client) == ["About"]  # no signal, so the cached menus stand (for at most TIMEOUT)


def test_a_new_page_at_the_top_appears(client, site_tree, about):
    faq = StandardPageFactory(parent=site_tree.home, title="FAQ", slug="faq", live=False)
    assert community_links(client) == ["About"]

    faq.save_revision().publish()

    assert community_links(client) == ["About", "FAQ"]


def test_a_renamed_page_shows_its_new_title(client, about):
    about.title = "About us"
    about.save_revision().publish()

    assert menu_links(client)[-1] == "About us"


def test_unpublished_private_and_deleted_pages_leave(client, site_tree, about):
    conduct = StandardPageFactory(parent=site_tree.home, title="Code of conduct", slug="conduct")
    faq = StandardPageFactory(parent=site_tree.home, title="FAQ", slug="faq")
    assert community_links(client) == ["About", "Code of conduct", "FAQ"]

    about.unpublish()
    assert community_links(client) == ["Code of conduct", "FAQ"]

    restriction = PageViewRestriction.objects.create(page=conduct, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Moderators"))
    assert community_links(client) == ["FAQ"]

    restriction.delete()
    assert community_links(client) == ["Code of conduct", "FAQ"]

    faq.delete()
    assert community_links(client) == ["Code of conduct"]


def test_pages_moved_into_or_out_of_the_top_follow(client, site_tree, about):
    nested = StandardPageFactory(parent=about, title="Our history", slug="history")
    assert community_links(client) == ["About"]

    nested.move(site_tree.home, pos="last-child")
    assert community_links(client) == ["About", "Our history"]

    about.move(site_tree.wiki, pos="last-child")
    assert community_links(client) == ["Our history"]
