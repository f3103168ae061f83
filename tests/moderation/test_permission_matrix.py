"""Every role × every action: each allowed case works, each refused one is refused on the server (403 or a
redirect to log in; inside the Wagtail admin, its "permission denied" redirect to the dashboard) and changes nothing."""

from types import SimpleNamespace

from django.test import Client

from wagtail.models import Page, TaskState

import pytest

from courses.models import CourseKind, CoursePage
from moderation import roles
from people.models import User
from tests.factories import CourseOrganiserFactory, WikiPageFactory
from tests.history.factories import publish_version
from tests.moderation.editor import course_data, create, edit, new_course_data, wiki_data
from tests.people.factories import admin, contributor, member, moderator, trusted
from wiki.models import WikiPage

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "unconfirmed",
    "learner",
    "contributor",
    "organiser",
    "trusted",
    "trusted_organiser",
    "moderator",
    "admin",
]
EDITORS = {"contributor", "organiser", "trusted", "trusted_organiser", "moderator", "admin"}
STAFF = {"moderator", "admin"}
ALLOWED = {
    "view draft": EDITORS,
    "edit wiki page": EDITORS,
    "edit course": EDITORS,
    "create course": EDITORS,
    "create wiki page": EDITORS,
    "publish wiki page": {"trusted", "trusted_organiser"} | STAFF,
    "publish course": {"trusted_organiser"} | STAFF,
    "approve": {"trusted_organiser"} | STAFF,
    "reject": {"trusted_organiser"} | STAFF,
    "revert": STAFF,
    "lock": STAFF,
    "promote": STAFF,
    "block": STAFF,
}


@pytest.fixture
def world(site_tree, make_course):
    people = {
        "unconfirmed": member("unconfirmed", confirmed=False),
        "learner": member("learner"),
        "contributor": contributor("contributor"),
        "organiser": contributor("organiser"),
        "trusted": trusted("trusted"),
        "trusted_organiser": trusted("trusted_organiser"),
        "moderator": moderator("moderator"),
        "admin": admin("admin"),
    }
    sam = contributor("sam")
    spammer = contributor("spammer")
    course = make_course(title="Python", slug="python")
    reviewed = make_course(title="Statistics", slug="statistics")
    for page in (course, reviewed):
        for name in ("organiser", "trusted_organiser"):
            CourseOrganiserFactory(page=page, user=people[name])
    wiki = WikiPageFactory(parent=site_tree.wiki, title="Glossary", slug="glossary")
    first = publish_version(wiki, people["trusted"], body=[("paragraph", "<p>First.</p>")])
    publish_version(wiki, sam, body=[("paragraph", "<p>Second.</p>")])
    wiki.refresh_from_db()
    # Sam proposes a change to a course; it waits for review.
    client = Client()
    client.force_login(sam)
    edit(client, reviewed, course_data(reviewed, action="submit", summary="Sam's better summary"))
    task_state = TaskState.objects.get(status="in_progress")
    return SimpleNamespace(
        people=people,
        sam=sam,
        spammer=spammer,
        school=site_tree.school,
        wiki_index=site_tree.wiki,
        course=course,
        reviewed=reviewed,
        wiki=wiki,
        first_wiki_revision=first,
        task_state=task_state,
    )


def refused(response):
    if response.status_code == 403:
        return True
    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard and an error message.
    return response.status_code == 302 and (
        response["Location"].startswith("/accounts/login/") or response["Location"] == "/admin/"
    )


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


# Each action returns (response, whether it took effect).


def view_draft(client, w):
    response = client.get(f"/admin/pages/{w.reviewed.pk}/view_draft/")
    return response, response.status_code == 200 and b"Sam&#x27;s better summary" in response.content


def edit_wiki_page(client, w):
    before = w.wiki.revisions.count()
    response = edit(client, w.wiki, wiki_data(w.wiki, body=["<p>Improved.</p>"]))
    return response, w.wiki.revisions.count() == before + 1


def edit_course(client, w):
    before = w.course.revisions.count()
    response = edit(client, w.course, course_data(w.course, summary="A clearer summary."))
    return response, w.course.revisions.count() == before + 1


def create_course(client, w):
    data = new_course_data("Rust", "rust", CourseKind.objects.get(slug="course"))
    response = create(client, w.school, CoursePage, data)
    return response, CoursePage.objects.filter(slug="rust").exists()


def create_wiki_page(client, w):
    data = {**wiki_data(SimpleNamespace(title="Tips", slug="tips", summary="", body=[]), body=["<p>Tip.</p>"])}
    response = create(client, w.wiki_index, WikiPage, data)
    return response, WikiPage.objects.filter(slug="tips").exists()


def publish_wiki_page(client, w):
    response = edit(client, w.wiki, wiki_data(w.wiki, action="publish", title="Glossary of terms"))
    return response, fresh(w.wiki).title == "Glossary of terms" and fresh(
        w.wiki
    ).live_revision_id != w.wiki.live_revision_id


def publish_course(client, w):
    response = edit(client, w.course, course_data(w.course, action="publish", title="Python for everyone"))
    return response, fresh(w.course).title == "Python for everyone"


def decide(decision):
    def action(client, w):
        data = {"decision": decision, "comment": "Please add sources." if decision == "reject" else ""}
        response = client.post(f"/moderation/reviews/{w.task_state.pk}/", data)
        status = TaskState.objects.get(pk=w.task_state.pk).status
        return response, status == ("approved" if decision == "approve" else "rejected")

    return action


def revert(client, w):
    response = client.post(f"{w.wiki.url}history/revert/{w.first_wiki_revision.pk}/", {"reason": "Undo"})
    return response, fresh(w.wiki).body[0].value.source == "<p>First.</p>"


def lock(client, w):
    response = client.post(f"/admin/pages/{w.course.pk}/lock/")
    return response, fresh(w.course).locked


def promote(client, w):
    response = client.post("/moderation/members/sam/trust/", {"level": "trusted"})
    return response, roles.TRUSTED in roles.group_names(User.objects.get(pk=w.sam.pk))


def block(client, w):
    response = client.post("/moderation/members/spammer/block/", {"reason": "Spam links", "confirm": "on"})
    return response, not User.objects.get(pk=w.spammer.pk).is_active


ACTIONS = {
    "view draft": view_draft,
    "edit wiki page": edit_wiki_page,
    "edit course": edit_course,
    "create course": create_course,
    "create wiki page": create_wiki_page,
    "publish wiki page": publish_wiki_page,
    "publish course": publish_course,
    "approve": decide("approve"),
    "reject": decide("reject"),
    "revert": revert,
    "lock": lock,
    "promote": promote,
    "block": block,
}


def snapshot():
    """Everything any action could change."""
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "live", "locked", "title", "live_revision_id", "latest_revision_id")
        ),
        "tasks": sorted(TaskState.objects.values_list("pk", "status")),
        "members": sorted(User.objects.values_list("pk", "is_active")),
        "trusted": sorted(User.objects.filter(groups__name=roles.TRUSTED).values_list("pk", flat=True)),
    }


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, role, action):
    client = Client()
    if role != "visitor":
        client.force_login(world.people[role])
    before = snapshot()

    response, took_effect = ACTIONS[action](client, world)

    if role in ALLOWED[action]:
        assert took_effect, f"{role} should be able to {action} (got {response.status_code})"
        assert not refused(response)
    else:
        assert refused(response), (
            f"{role} must be refused {action}: got {response.status_code} {response.get('Location')}"
        )
        assert not took_effect
        assert snapshot() == before


MODERATION_PAGES = ["/moderation/", "/moderation/members/", "/moderation/members/learner/", "/moderation/log/"]


@pytest.mark.parametrize("role", ["visitor", "unconfirmed", "learner", "contributor", "trusted"])
def test_the_moderation_pages_are_refused_to_everyone_but_moderators(world, role):
    client = Client()
    if role != "visitor":
        client.force_login(world.people[role])

    for url in MODERATION_PAGES:
        assert refused(client.get(url)), f"{role} must not see {url}"


@pytest.mark.parametrize("role", ["moderator", "admin"])
def test_moderators_see_the_moderation_pages(world, role):
    client = Client()
    client.force_login(world.people[role])

    for url in MODERATION_PAGES:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("action", ["promote", "block", "approve"])
def test_moderators_actions_need_the_csrf_token(world, action):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.people["moderator"])
    before = snapshot()

    response, took_effect = ACTIONS[action](client, world)

    assert response.status_code == 403
    assert not took_effect
    assert snapshot() == before
