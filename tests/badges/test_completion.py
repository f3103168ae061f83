"""Completion badges: awarded exactly once when a learner has completed the course's (or the chosen) tasks.

They listen to learning's `progress_changed` signal and read its TaskCompletion records.
"""

from django.db import transaction

import pytest
from bs4 import BeautifulSoup

from badges.awarding import completion_model
from badges.models import Assertion, BadgeCourse, BadgeRequiredTask
from badges.revocation import revoke
from courses.models import CoursePage
from learning.schedule import ensure_first_round
from learning.signals import progress_changed
from tests.learning.factories import taking_part
from tests.races import at_once, needs_two_transactions

from .factories import AssertionFactory, MemberFactory

TaskCompletion = completion_model()
pytestmark = pytest.mark.skipif(TaskCompletion is None, reason="learning has no TaskCompletion model yet")


def record(user, task, evidence_url=""):
    """A completion as learning stores it, without the signal."""
    fields = {"user": user, "task": task}
    names = {field.name for field in TaskCompletion._meta.get_fields()}
    if "course" in names:
        fields["course"] = CoursePage.objects.get(pk=task.page_id)
    if evidence_url:
        fields["evidence_url"] = evidence_url
    TaskCompletion.objects.create(**fields)


def complete(user, task, evidence_url=""):
    record(user, task, evidence_url)
    progress_changed.send(sender=CoursePage, user=user, course=CoursePage.objects.get(pk=task.page_id))


def undo(user, task):
    TaskCompletion.objects.filter(user=user, task=task).delete()
    progress_changed.send(sender=CoursePage, user=user, course=CoursePage.objects.get(pk=task.page_id))


def held(user, badge):
    return Assertion.objects.filter(recipient=user, badge=badge).count()


def test_the_badge_comes_with_the_last_task_and_carries_the_evidence(badge_world):
    tasks = list(badge_world.course.tasks.all())
    learner = badge_world.learner

    complete(learner, tasks[0])
    complete(learner, tasks[1], evidence_url="https://lena.example.org/essay")
    assert held(learner, badge_world.completion) == 0

    complete(learner, tasks[2])

    assertion = Assertion.objects.get(recipient=learner, badge=badge_world.completion)
    assert assertion.earned_by == "completion" and assertion.course == badge_world.course
    assert [item["name"] for item in assertion.evidence] == [task.title for task in tasks]
    assert assertion.evidence[1]["id"] == "https://lena.example.org/essay"
    assert assertion.evidence[0]["id"].endswith(f"{badge_world.course.url}#task-{tasks[0].pk}")
    # Only the completion badge: the others are earned otherwise.
    assert Assertion.objects.filter(recipient=learner).count() == 1


def test_the_learner_is_told_on_the_course_page_when_the_last_task_earns_the_badge(client, badge_world):
    course, learner = badge_world.course, badge_world.learner
    ensure_first_round(course)
    taking_part(course, learner)
    AssertionFactory(badge=badge_world.peer, recipient=learner)  # held, but not earned by completing the course
    client.force_login(learner)
    tasks = list(course.tasks.all())

    def mark_done(task):
        response = client.post(f"{course.url}tasks/{task.pk}/", HTTP_ACCEPT="application/json")
        assert response.status_code == 200
        return BeautifulSoup(response.json()["progress_html"], "html.parser")

    for task in tasks[:-1]:
        assert mark_done(task).select(".badge-earned") == []
    news = mark_done(tasks[-1]).select(".badge-earned")

    assertion = Assertion.objects.get(recipient=learner, badge=badge_world.completion)
    assert [" ".join(item.select_one("[data-learning-announce]").get_text().split()) for item in news] == [
        "You earned the Web Literate badge! It’s in the backpack on your profile, ready to share."
    ]
    assert {a["href"] for a in news[0].select("a")} == {learner.get_absolute_url(), assertion.get_absolute_url()}
    page = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert len(page.select("[data-learning-tasks-progress] .badge-earned")) == 1, "still said after a reload"

    revoke(assertion, "Spam")
    page = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert page.select(".badge-earned") == [], "a revoked badge is not announced"


def test_toggling_a_task_twice_never_makes_a_second_assertion(badge_world):
    tasks = list(badge_world.course.tasks.all())
    learner = badge_world.learner
    for task in tasks:
        complete(learner, task)
    first = Assertion.objects.get(recipient=learner)

    undo(learner, tasks[-1])
    complete(learner, tasks[-1])
    undo(learner, tasks[-1])
    complete(learner, tasks[-1])

    assert list(Assertion.objects.filter(recipient=learner)) == [first]


def test_a_badge_can_ask_for_chosen_tasks_only(badge_world):
    tasks = list(badge_world.course.tasks.all())
    BadgeRequiredTask.objects.create(badge=badge_world.completion, task=tasks[1])

    complete(badge_world.learner, tasks[1])

    assert held(badge_world.learner, badge_world.completion) == 1


def test_blocked_members_earn_nothing(badge_world):
    learner = badge_world.learner
    tasks = list(badge_world.course.tasks.all())
    for task in tasks[:-1]:
        complete(learner, task)
    learner.blocked_at = learner.date_joined
    learner.save()

    complete(learner, tasks[-1])

    assert held(learner, badge_world.completion) == 0


def test_query_count_of_an_award_does_not_grow_with_tasks(badge_world, make_course, django_assert_max_num_queries):
    learner = MemberFactory()
    course = make_course(tasks=12)
    BadgeCourse.objects.create(badge=badge_world.completion, course=course)
    for task in course.tasks.all():
        record(learner, task)

    with django_assert_max_num_queries(10):
        progress_changed.send(sender=CoursePage, user=learner, course=course)

    assert held(learner, badge_world.completion) == 1


@needs_two_transactions
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_progress_events_racing_award_once(badge_world):
    learner = badge_world.learner
    for task in badge_world.course.tasks.all():
        record(learner, task)

    def send():
        with transaction.atomic():
            progress_changed.send(sender=CoursePage, user=learner, course=badge_world.course)

    # Both are past their "already holds it?" check before either commits.
    _, errors = at_once(send, [(), ()], linger_on=Assertion)

    assert errors == []
    assert held(learner, badge_world.completion) == 1
