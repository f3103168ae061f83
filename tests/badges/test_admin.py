"""Managing badges in the Wagtail admin: staff manage every badge, organisers the badges of their own courses."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from badges.models import Assertion, Badge, Revocation
from tests.factories import CourseOrganiserFactory

from .factories import AssertionFactory, BadgeFactory, MemberFactory


def badge_form(course_ids, task_ids=(), **fields):
    return nested_form_data(
        {
            "name": "Accessibility Advocate",
            "slug": "accessibility-advocate",
            "description": "Checks pages with a screen reader and fixes what gets in the way.",
            "colour": "plum",
            "criteria": "Audit three pages and fix what you find.",
            "earned_by": "completion",
            "min_reviews": 2,
            "min_average_rating": "3.5",
            "course_links": inline_formset([{"course": pk} for pk in course_ids]),
            "required_task_links": inline_formset([{"task": pk} for pk in task_ids]),
            **fields,
        }
    )


@pytest.fixture
def admin_user(db):
    return MemberFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def organiser_with_admin_access(badge_world):
    group = Group.objects.create(name="Organisers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    badge_world.organiser.groups.add(group)
    return badge_world.organiser


def test_staff_create_a_badge_with_courses_and_chosen_tasks(client, admin_user, badge_world):
    client.force_login(admin_user)
    task = badge_world.course.tasks.first()

    response = client.post(reverse("badge_admin:add"), badge_form([badge_world.course.pk], [task.pk]))

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    badge = Badge.objects.get(slug="accessibility-advocate")
    assert [link.course for link in badge.course_links.all()] == [badge_world.course]
    assert [link.task for link in badge.required_task_links.all()] == [task]
    assert badge.created_by == admin_user
    assert client.get(reverse("badge_admin:index")).status_code == 200


def test_the_editor_and_the_task_chooser_open(client, admin_user, badge_world):
    client.force_login(admin_user)

    assert client.get(reverse("badge_admin:add")).status_code == 200
    assert client.get(reverse("badge_admin:edit", args=[badge_world.peer.pk])).status_code == 200
    chooser = client.get(reverse("badge_task_chooser:choose"), {"q": "Task 2"})
    assert chooser.status_code == 200
    assert "Task 2 of Web Literacy" in chooser.content.decode()
    assert "Task 1 of Web Literacy" not in chooser.content.decode()


def test_tasks_from_another_course_and_reserved_slugs_are_refused(client, admin_user, badge_world, make_course):
    client.force_login(admin_user)
    other_task = make_course(tasks=1).tasks.get()

    response = client.post(reverse("badge_admin:add"), badge_form([badge_world.course.pk], [other_task.pk]))
    assert response.status_code == 200
    assert "These tasks are not from the badge’s courses" in response.content.decode()

    response = client.post(reverse("badge_admin:add"), badge_form([badge_world.course.pk], slug="issuer"))
    assert "is used by the site’s badge addresses" in response.content.decode()

    response = client.post(reverse("badge_admin:add"), badge_form([]))
    assert "Link the badge to at least one course." in response.content.decode()
    assert not Badge.objects.filter(slug__in=["accessibility-advocate", "issuer"]).exists()


def test_an_organiser_manages_badges_of_their_own_courses_only(
    client, organiser_with_admin_access, badge_world, make_course
):
    client.force_login(organiser_with_admin_access)
    elsewhere = make_course(title="Someone else's course")
    CourseOrganiserFactory(page=elsewhere)
    theirs = BadgeFactory(name="Not yours", slug="not-yours", courses=[elsewhere])

    index = client.get(reverse("badge_admin:index")).content.decode()
    assert "Web Literate" in index and "Not yours" not in index
    assert (
        client.get(reverse("badge_admin:edit", args=[theirs.pk])).status_code == 302
    )  # refused, back to the dashboard
    assert client.get(reverse("badge_admin:edit", args=[badge_world.completion.pk])).status_code == 200
    client.post(reverse("badge_admin:delete", args=[theirs.pk]))
    AssertionFactory(badge=badge_world.completion)
    client.post(reverse("badge_admin:delete", args=[badge_world.completion.pk]))
    assert Badge.objects.filter(pk__in=[theirs.pk, badge_world.completion.pk]).count() == 2, "awarded badges stay"

    refused = client.post(reverse("badge_admin:add"), badge_form([elsewhere.pk]))
    assert "You can only link courses you organise" in refused.content.decode()
    created = client.post(reverse("badge_admin:add"), badge_form([badge_world.course.pk]))
    assert created.status_code == 302
    assert Badge.objects.filter(slug="accessibility-advocate", created_by=badge_world.organiser).exists()


def test_members_without_courses_see_no_badge_admin(client, badge_world):
    member = MemberFactory()
    group = Group.objects.create(name="Course helpers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    member.groups.add(group)
    client.force_login(member)

    assert client.get(reverse("badge_admin:index")).status_code == 302
    assert client.get(reverse("badge_admin:add")).status_code == 302


def test_staff_revoke_with_a_reason_and_reinstate(client, admin_user, badge_world):
    assertion = AssertionFactory(badge=badge_world.award, recipient=badge_world.learner)
    client.force_login(admin_user)
    url = reverse("badge_awards:revoke", args=[assertion.pk])

    assert client.post(url, {"reason": ""}).status_code == 200
    assert not Revocation.objects.exists()
    assert client.post(url, {"reason": "The evidence was copied."}).status_code == 302
    assert Assertion.objects.revoked().get() == assertion
    assert "Reinstate" in client.get(reverse("badge_awards:index")).content.decode()

    assert client.post(url, {"reinstate": "1"}).status_code == 302
    assert not Revocation.objects.exists()


def test_organisers_cannot_revoke(client, organiser_with_admin_access, badge_world):
    assertion = AssertionFactory(badge=badge_world.award, recipient=badge_world.learner)
    client.force_login(organiser_with_admin_access)

    response = client.post(reverse("badge_awards:revoke", args=[assertion.pk]), {"reason": "I changed my mind."})

    assert response.status_code in (302, 403)
    assert not Revocation.objects.exists()


def test_an_awarded_badge_keeps_its_address_and_cannot_be_deleted(client, admin_user, badge_world):
    AssertionFactory(badge=badge_world.peer)
    client.force_login(admin_user)
    task_free = badge_form([badge_world.course.pk], name="Webmaker", slug="web-maker", earned_by="peer")

    response = client.post(reverse("badge_admin:edit", args=[badge_world.peer.pk]), task_free)
    client.post(reverse("badge_admin:delete", args=[badge_world.peer.pk]))

    assert "its address is in its holders’ badges" in response.content.decode()
    assert Badge.objects.get(pk=badge_world.peer.pk).slug == "webmaker"
