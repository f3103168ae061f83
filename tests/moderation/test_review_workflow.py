"""The "Staff review" workflow: contributors submit in the real Wagtail editor, moderators (and a course's trusted
organisers) approve or send back with a comment, and the contributor is told by email and on /contribute/."""

from django.core import mail
from django.test import Client

from wagtail.models import TaskState, WorkflowState

import pytest

from courses.models import CourseKind, CoursePage
from moderation.models import ReviewOutcome
from tests.factories import CourseOrganiserFactory, WikiPageFactory
from tests.moderation.editor import course_data, create, edit, new_course_data, wiki_data
from tests.people.factories import contributor, logged_in, moderator, trusted

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(make_course):
    return make_course(title="Python", slug="python", summary="Learn Python.")


@pytest.fixture
def people(course):
    organiser = trusted("olu", first_name="Olu", last_name="Bello")
    CourseOrganiserFactory(page=course, user=organiser)
    return {"cora": contributor("cora", first_name="Cora"), "mo": moderator("mo", first_name="Mo"), "olu": organiser}


def submit(client, page, **changes):
    response = edit(client, page, course_data(page, action="submit", **changes))
    assert response.status_code == 302, response.content[:500]
    return TaskState.objects.get(status="in_progress", workflow_state__object_id=str(page.pk))


def test_a_contributors_change_waits_for_review_then_goes_live_when_approved(
    course, people, django_capture_on_commit_callbacks
):
    cora, mo = people["cora"], people["mo"]
    with django_capture_on_commit_callbacks(execute=True):
        task_state = submit(
            logged_in(cora), course, summary="Learn Python with peers, one task a week.", edit_summary="Clearer summary"
        )

    course.refresh_from_db()
    assert course.summary == "Learn Python."  # nothing is live yet
    submitted = {tuple(message.to) for message in mail.outbox}
    assert ("mo@example.org",) in submitted  # Wagtail tells the moderators…
    assert ("olu@example.org",) in submitted  # …and we tell the course's organisers
    mail.outbox.clear()

    moderator_client = logged_in(mo)
    queue = moderator_client.get("/moderation/").content.decode()
    assert "Python" in queue and "Clearer summary" in queue
    review = moderator_client.get(f"/moderation/reviews/{task_state.pk}/").content.decode()
    assert "Learn Python with peers, one task a week." in review
    assert '<span class="deletion">' in review or 'class="addition"' in review

    response = moderator_client.post(f"/moderation/reviews/{task_state.pk}/", {"decision": "approve", "comment": ""})

    assert response["Location"] == "/moderation/"
    course.refresh_from_db()
    assert course.summary == "Learn Python with peers, one task a week."
    assert course.live_revision.user == cora
    assert ReviewOutcome.objects.get().outcome == ReviewOutcome.APPROVED
    (message,) = mail.outbox
    assert message.to == ["cora@example.org"]
    assert "approved" in message.body
    decisions = logged_in(cora).get("/contribute/").content.decode()
    assert "Approved by Mo" in decisions


def test_sending_back_needs_a_comment_and_the_contributor_gets_it(course, people):
    task_state = submit(logged_in(people["cora"]), course, summary="Buy my course at spam.example")
    mail.outbox.clear()
    moderator_client = logged_in(people["mo"])

    empty = moderator_client.post(f"/moderation/reviews/{task_state.pk}/", {"decision": "reject", "comment": " "})
    assert "Say what needs to change" in empty.content.decode()
    assert TaskState.objects.get(pk=task_state.pk).status == "in_progress"
    assert mail.outbox == []

    moderator_client.post(
        f"/moderation/reviews/{task_state.pk}/", {"decision": "reject", "comment": "Please link to open materials."}
    )

    assert TaskState.objects.get(pk=task_state.pk).status == "rejected"
    assert WorkflowState.objects.get().status == "needs_changes"
    course.refresh_from_db()
    assert course.summary == "Learn Python."
    (message,) = mail.outbox
    assert message.to == ["cora@example.org"]
    assert "Please link to open materials." in message.body
    outcome = ReviewOutcome.objects.get()
    assert (outcome.outcome, outcome.comment) == (ReviewOutcome.CHANGES_REQUESTED, "Please link to open materials.")
    assert "Please link to open materials." in logged_in(people["cora"]).get("/contribute/").content.decode()


def test_contributors_land_back_on_the_site_after_submitting_or_publishing(course, people, site_tree):
    response = edit(logged_in(people["cora"]), course, course_data(course, action="submit", summary="Shorter."))
    assert response["Location"] == "/contribute/"  # not Wagtail's page explorer, which they can't open

    page = WikiPageFactory(parent=site_tree.wiki, title="Tips", slug="tips")
    response = edit(logged_in(trusted("hana")), page, wiki_data(page, action="publish"))
    assert response["Location"] == page.url


def test_a_trusted_organiser_decides_on_proposals_to_their_course_but_not_their_own(course, people):
    olu = people["olu"]
    task_state = submit(logged_in(people["cora"]), course, summary="Now with exercises.")
    olu_client = logged_in(olu)
    assert f"/moderation/reviews/{task_state.pk}/" in olu_client.get("/contribute/").content.decode()
    assert "Your decision" in olu_client.get(f"/moderation/reviews/{task_state.pk}/").content.decode()

    olu_client.post(f"/moderation/reviews/{task_state.pk}/", {"decision": "approve", "comment": "Thanks!"})

    course.refresh_from_db()
    assert course.summary == "Now with exercises."

    # Olu's own proposal goes to the moderators: he can't approve it himself.
    own = submit(olu_client, course, summary="Olu's own idea.")
    response = olu_client.post(f"/moderation/reviews/{own.pk}/", {"decision": "approve", "comment": ""})
    assert response.status_code == 403
    assert TaskState.objects.get(pk=own.pk).status == "in_progress"


def test_an_untrusted_organiser_is_told_but_leaves_the_decision_to_moderators(course, people):
    dana = contributor("dana")
    CourseOrganiserFactory(page=course, user=dana)
    task_state = submit(logged_in(people["cora"]), course, summary="Shorter.")
    dana_client = logged_in(dana)

    page = dana_client.get(f"/moderation/reviews/{task_state.pk}/").content.decode()
    assert "Shorter." in page
    assert "Your decision" not in page
    assert dana_client.post(f"/moderation/reviews/{task_state.pk}/", {"decision": "approve"}).status_code == 403
    assert TaskState.objects.get(pk=task_state.pk).status == "in_progress"
    assert "Changes proposed to your courses" in dana_client.get("/contribute/").content.decode()


def test_strangers_cannot_see_a_review(course, people):
    task_state = submit(logged_in(people["cora"]), course, summary="Shorter.")

    assert logged_in(contributor("eve")).get(f"/moderation/reviews/{task_state.pk}/").status_code == 403
    assert Client().get(f"/moderation/reviews/{task_state.pk}/")["Location"].startswith("/accounts/login/")


def test_moderators_can_also_approve_in_the_wagtail_editor(course, people):
    submit(logged_in(people["cora"]), course, summary="Approved in the editor.")
    course.refresh_from_db()

    response = edit(
        logged_in(people["mo"]), course, course_data(course, action="approve", summary="Approved in the editor.")
    )

    assert response.status_code == 302
    course.refresh_from_db()
    assert course.summary == "Approved in the editor."
    assert ReviewOutcome.objects.get().outcome == ReviewOutcome.APPROVED


def test_a_contributor_starts_a_course_becomes_its_organiser_and_it_goes_live_after_review(site_tree, people):
    cora_client = logged_in(people["cora"])

    response = create(
        cora_client,
        site_tree.school,
        CoursePage,
        new_course_data("Rust", "rust", CourseKind.objects.get(slug="course"), action="submit"),
    )

    assert response.status_code == 302
    rust = CoursePage.objects.get(slug="rust")
    assert not rust.live
    assert rust.owner == people["cora"]
    assert [link.user for link in rust.organisers.all()] == [people["cora"]]
    task_state = TaskState.objects.get(status="in_progress")
    logged_in(people["mo"]).post(f"/moderation/reviews/{task_state.pk}/", {"decision": "approve"})
    rust.refresh_from_db()
    assert rust.live


def test_trusted_contributors_publish_wiki_pages_straight_away(site_tree):
    hana = trusted("hana")
    page = WikiPageFactory(parent=site_tree.wiki, title="Tips", slug="tips")

    response = edit(logged_in(hana), page, wiki_data(page, action="publish", body=["<p>Be kind.</p>"]))

    assert response.status_code == 302
    page.refresh_from_db()
    assert "Be kind." in page.body[0].value.source
    assert page.live_revision.user == hana
    assert not TaskState.objects.exists()


def test_the_queue_runs_the_same_queries_however_long_it_is(site_tree, make_course):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    moderator_client = logged_in(moderator("mo"))

    def pending(count, offset):
        for number in range(offset, offset + count):
            course = make_course(title=f"Course {number}", slug=f"course-{number}")
            submit(logged_in(contributor(f"cora{number}")), course, summary=f"Idea {number}")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert moderator_client.get("/moderation/").status_code == 200
        return len(captured)

    pending(2, 0)
    few = queries()
    pending(12, 2)
    assert queries() <= few
