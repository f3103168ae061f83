"""Marking tasks done and undone, evidence links, the signal badges listen to, and tasks that change later."""

import json

import pytest

from courses.models import CoursePage
from learning import progress, signups
from learning.models import TaskCompletion
from learning.permissions import Refusal
from learning.signals import progress_changed

from .factories import taking_part


@pytest.fixture
def signals():
    """Every progress_changed sent during the test, as (user, course)."""
    sent = []

    def receiver(sender, user, course, **kwargs):
        assert sender is CoursePage
        sent.append((user.username, course.pk))

    progress_changed.connect(receiver, dispatch_uid="test-progress-signal")
    yield sent
    progress_changed.disconnect(dispatch_uid="test-progress-signal")


def tasks_of(course):
    return list(course.tasks.order_by("sort_order"))


def completions():
    return sorted(TaskCompletion.objects.values_list("user__username", "task_id", "evidence_url"))


def test_a_participant_marks_tasks_done_and_sees_progress(client, course, lena, signals):
    taking_part(course, lena)
    first, second, _ = tasks_of(course)
    client.force_login(lena)

    response = client.post(f"{course.url}tasks/{first.pk}/")
    client.post(f"{course.url}tasks/{second.pk}/", {"evidence_url": "https://lena.example.org/essay"})

    assert response.status_code == 302
    assert response["Location"] == f"{course.url}#task-{first.pk}"
    assert completions() == [("lena", first.pk, ""), ("lena", second.pk, "https://lena.example.org/essay")]
    assert signals == [("lena", course.pk), ("lena", course.pk)]
    page = client.get(course.url).content.decode()
    assert "<strong data-learning-done>2</strong> of <span data-learning-total>3</span> tasks done" in page
    assert '<a href="https://lena.example.org/essay" rel="nofollow ugc noopener">your work</a>' in page


def test_a_completion_remembers_the_task_as_the_learner_saw_it(course, lena):
    taking_part(course, lena)
    task = tasks_of(course)[0]

    completion, created = progress.complete(lena, course, task.pk)

    assert created
    assert completion.task_title == task.title
    assert completion.task_instructions == [{"type": "paragraph", "value": "<p>Do the reading.</p>"}]
    assert len(completion.task_fingerprint) == 64
    assert completion.course == course
    assert completion.revision_id == CoursePage.objects.get(pk=course.pk).live_revision_id
    assert not completion.task_changed(task)


def test_undo_takes_the_task_back(client, course, lena, signals):
    taking_part(course, lena)
    task = tasks_of(course)[0]
    progress.complete(lena, course, task.pk)
    client.force_login(lena)

    response = client.post(f"{course.url}tasks/{task.pk}/undo/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    data = response.json()
    assert (data["ok"], data["done"], data["total"]) == (True, 0, 3)
    assert "Mark as done" in data["task_html"]
    assert completions() == []
    assert signals == [("lena", course.pk), ("lena", course.pk)]


def test_marking_done_in_place_returns_the_new_task_and_progress(client, course, lena):
    taking_part(course, lena)
    task = tasks_of(course)[0]
    client.force_login(lena)

    data = client.post(f"{course.url}tasks/{task.pk}/", HTTP_ACCEPT="application/json").json()

    assert (data["ok"], data["message"], data["done"], data["total"]) == (True, "Task done. Well done!", 1, 3)
    assert "Mark as not done" in data["task_html"]
    assert "<strong data-learning-done>1</strong>" in data["progress_html"]
    assert "Done" in data["marker_html"]


def test_a_second_submission_updates_the_evidence(course, lena):
    taking_part(course, lena)
    task = tasks_of(course)[1]
    progress.complete(lena, course, task.pk, "https://lena.example.org/draft")

    completion, created = progress.complete(lena, course, task.pk, "https://lena.example.org/final")

    assert not created
    assert completions() == [("lena", task.pk, "https://lena.example.org/final")]


# Refusals: a clear message, and nothing stored or sent


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ("", "This task asks for a link to your work"),
        ("javascript:alert(1)", "Give a web address starting with https://"),
        ("ftp://files.example.org/work", "Give a web address starting with https://"),
        ("not a link", "Give a web address starting with https://"),
        ("https://example.org/" + "a" * 500, "That link is too long"),
    ],
)
def test_evidence_must_be_a_web_link(client, course, lena, signals, evidence, message):
    taking_part(course, lena)
    task = tasks_of(course)[1]
    client.force_login(lena)

    response = client.post(f"{course.url}tasks/{task.pk}/", {"evidence_url": evidence}, HTTP_ACCEPT="application/json")

    assert response.status_code == 400
    assert message in response.json()["message"]
    assert completions() == []
    assert signals == []


def test_without_javascript_the_refusal_shows_beside_the_task(client, course, lena):
    taking_part(course, lena)
    task = tasks_of(course)[1]
    client.force_login(lena)

    response = client.post(f"{course.url}tasks/{task.pk}/", {"evidence_url": "nope"}, follow=True)

    html = response.content.decode()
    assert html.count("Give a web address starting with https://") == 2  # the summary at the top, and at the field
    assert f'id="evidence-{task.pk}-error"' in html
    assert 'aria-invalid="true"' in html
    # Shown once: the next view of the page is clean.
    assert "Give a web address" not in client.get(course.url).content.decode()


def test_completing_a_task_without_being_signed_up_is_refused(client, course, lena, signals):
    task = tasks_of(course)[0]
    client.force_login(lena)

    response = client.post(f"{course.url}tasks/{task.pk}/", HTTP_ACCEPT="application/json")

    assert response.status_code == 403
    assert response.json()["message"] == "Sign up for this course to mark its tasks done."
    assert completions() == []
    assert signals == []


def test_learners_on_the_waiting_list_cannot_mark_tasks_yet(course, lena, omar):
    course.capacity = 1
    course.save_revision().publish()
    taking_part(course, omar)
    signups.join(lena, course, course.rounds.get(number=1))

    with pytest.raises(Refusal, match="waiting list"):
        progress.complete(lena, course, tasks_of(course)[0].pk)
    assert completions() == []


def test_marking_a_task_of_another_course_is_refused(client, course, make_course, lena, signals):
    other = make_course(title="Other", slug="other", tasks=1)
    taking_part(course, lena)
    foreign = other.tasks.get()
    client.force_login(lena)

    response = client.post(f"{course.url}tasks/{foreign.pk}/", HTTP_ACCEPT="application/json")

    assert response.status_code == 404
    assert response.json()["message"] == "That task is not part of this course."
    assert completions() == []
    assert signals == []


def test_undoing_a_task_not_done_is_refused(course, lena, signals):
    taking_part(course, lena)

    with pytest.raises(Refusal, match="not marked done"):
        progress.undo(lena, course, tasks_of(course)[0].pk)
    assert signals == []


def test_anonymous_posts_are_refused(client, course):
    response = client.post(f"{course.url}tasks/{tasks_of(course)[0].pk}/", HTTP_ACCEPT="application/json")

    assert response.status_code == 403
    assert completions() == []


def test_task_urls_answer_get_with_the_task(client, course, lena):
    task = tasks_of(course)[0]

    response = client.get(f"{course.url}tasks/{task.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"{course.url}#task-{task.pk}"
    assert client.get(f"{course.url}tasks/nonsense/").status_code == 404


def test_leaving_keeps_progress_for_a_return(course, lena):
    signup = taking_part(course, lena)
    progress.complete(lena, course, tasks_of(course)[0].pk)

    signups.leave(signup)
    signups.join(lena, course, course.rounds.get(number=1))

    assert progress.progress_of(lena, [course])[course.pk].done == 1


# A task that changes after completion


def edit_task(course, position, instructions):
    """An editor changes a task's instructions and publishes the course, as in the Wagtail editor."""
    page = CoursePage.objects.get(pk=course.pk)
    tasks = list(page.tasks.order_by("sort_order"))
    tasks[position].instructions = instructions
    page.tasks = tasks
    page.save_revision().publish()
    return page


def test_the_learner_is_told_when_a_task_changes_after_they_did_it(client, course, lena):
    taking_part(course, lena)
    task = tasks_of(course)[0]
    progress.complete(lena, course, task.pk)
    client.force_login(lena)
    assert "changed" not in client.get("/dashboard/").content.decode()

    edit_task(course, 0, [("paragraph", "<p>Read chapters 1 and 2, then write a summary.</p>")])

    task.refresh_from_db()
    assert course.tasks.filter(pk=task.pk).exists()  # same row, same id, after a publish
    dashboard = client.get("/dashboard/").content.decode()
    assert "Changed since you did them" in dashboard
    assert f"{course.url}tasks/{task.pk}/changes/" in dashboard
    assert "Done, since changed" in client.get(course.url).content.decode()

    changes = client.get(f"{course.url}tasks/{task.pk}/changes/").content.decode()
    assert "Do the reading." in changes
    assert "Read chapters 1 and 2, then write a summary." in changes

    client.post(f"{course.url}tasks/{task.pk}/changes/")

    assert "Changed since you did them" not in client.get("/dashboard/").content.decode()


def test_a_task_that_did_not_change_is_not_flagged_after_other_edits(client, course, lena):
    taking_part(course, lena)
    first = tasks_of(course)[0]
    progress.complete(lena, course, first.pk)

    edit_task(course, 2, [("paragraph", "<p>A different third task.</p>")])

    completion = TaskCompletion.objects.get()
    assert not completion.task_changed(course.tasks.get(pk=first.pk))


def test_someone_elses_task_changes_page_is_not_found(client, course, lena, omar):
    taking_part(course, lena)
    task = tasks_of(course)[0]
    progress.complete(lena, course, task.pk)
    client.force_login(omar)

    assert client.get(f"{course.url}tasks/{task.pk}/changes/").status_code == 404


def test_json_refusals_are_json(client, course, lena):
    client.force_login(lena)

    response = client.post(f"{course.url}tasks/{tasks_of(course)[0].pk}/undo/", HTTP_ACCEPT="application/json")

    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["ok"] is False
