"""Becoming a contributor in one step, and the way there for visitors and unconfirmed members."""

from wagtail.models import ModelLogEntry

import pytest

from moderation import roles
from moderation.models import Contributor
from people.models import User
from tests.people.factories import contributor, member

pytestmark = pytest.mark.django_db


def test_a_confirmed_member_starts_contributing_by_accepting_the_guidelines(client, site_tree):
    lee = member("lee")
    client.force_login(lee)
    page = client.get("/contribute/").content.decode()
    assert "Contributor guidelines" in page and "Start contributing" in page

    response = client.post(
        "/contribute/", {"accept": "on", "next": f"/admin/pages/add/wiki/wikipage/{site_tree.wiki.pk}/"}
    )

    assert response["Location"] == f"/admin/pages/add/wiki/wikipage/{site_tree.wiki.pk}/"
    lee = User.objects.get(pk=lee.pk)
    assert roles.is_contributor(lee) and not roles.is_trusted(lee)
    assert Contributor.objects.get(user=lee).guidelines_accepted_at
    assert ModelLogEntry.objects.filter(action="moderation.start_contributing", object_id=str(lee.pk)).exists()
    # …and the editor opens for them.
    assert client.get(response["Location"]).status_code == 200


def test_the_guidelines_must_be_accepted(client):
    lee = member("lee")
    client.force_login(lee)

    response = client.post("/contribute/", {})

    assert "Tick the box to accept the contributor guidelines." in response.content.decode()
    assert not roles.is_contributor(User.objects.get(pk=lee.pk))


def test_unconfirmed_members_confirm_their_address_first(client):
    lee = member("lee", confirmed=False)
    client.force_login(lee)
    assert "Confirm your email address first" in client.get("/contribute/").content.decode()

    response = client.post("/contribute/", {"accept": "on"}, follow=True)

    assert "Confirm your email address first" in response.content.decode()
    assert not User.objects.get(pk=lee.pk).groups.filter(name=roles.CONTRIBUTORS).exists()


def test_visitors_are_shown_the_way_in(client):
    page = client.get("/contribute/?next=/wiki/").content.decode()

    assert "Create an account" in page or "Sign up" in page
    assert 'href="/accounts/signup/?next=/contribute/%3Fnext%3D/wiki/"' in page
    assert client.post("/contribute/", {"accept": "on"})["Location"].startswith("/accounts/login/")


def test_next_never_leads_off_the_site(client):
    client.force_login(member("lee"))

    response = client.post("/contribute/", {"accept": "on", "next": "https://evil.example/"})

    assert response["Location"] == "/contribute/"


def test_page_tools_lead_members_through_contributing_and_contributors_to_the_editor(client, make_course, site_tree):
    course = make_course(title="Python", slug="python")
    edit_url = f"/admin/pages/{course.pk}/edit/"

    visitor = client.get(course.url).content.decode()
    assert f'href="/contribute/?next={edit_url}"' in visitor
    assert f'href="{course.url}history/"' in visitor

    client.force_login(member("lee"))
    assert f'href="/contribute/?next={edit_url}"' in client.get(course.url).content.decode()

    client.force_login(contributor("cora"))
    assert f'href="{edit_url}"' in client.get(course.url).content.decode()
    school = client.get(site_tree.school.url).content.decode()
    assert f'href="/admin/pages/add/courses/coursepage/{site_tree.school.pk}/"' in school
    assert "New course" in school
    wiki = client.get(site_tree.wiki.url).content.decode()
    assert f'href="/admin/pages/add/wiki/wikipage/{site_tree.wiki.pk}/"' in wiki
