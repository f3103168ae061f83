from collections import Counter
from io import StringIO

from django.core.management import call_command

import pytest

from badges.models import Assertion, Badge, Review, Submission
from core.demo.content import PYTHON_TASKS
from learning import demo as learning_demo
from learning.models import TaskCompletion


def counts():
    return (Badge.objects.count(), Assertion.objects.count(), Submission.objects.count(), Review.objects.count())


@pytest.mark.django_db
def test_demo_badges_of_every_kind_and_the_learner_holds_one(settings, client):
    settings.DEBUG = True
    call_command("load_initial_data", stdout=StringIO())
    after_first = counts()

    output = StringIO()
    call_command("load_initial_data", stdout=output)

    assert counts() == after_first, "a second run changes nothing"
    assert set(Badge.objects.values_list("earned_by", flat=True)) == {"completion", "peer", "award"}
    pythonista = Badge.objects.get(slug="pythonista")
    assert [course.slug for course in pythonista.courses] == ["gentle-introduction-to-python"]
    learner_badges = Assertion.objects.active().filter(recipient__username="learner")
    assert learner_badges.exists()
    # Whoever the learning demo took through every task of the Python course holds its completion badge.
    course = pythonista.courses[0]
    done = Counter(TaskCompletion.objects.filter(course=course).values_list("user__username", flat=True))
    finished = {username for username, count in done.items() if count == course.tasks.count()}
    holders = set(pythonista.assertions.filter(earned_by="completion").values_list("recipient__username", flat=True))
    assert finished and finished <= holders
    pending = Submission.objects.get(badge__slug="webmaker", assertion__isnull=True)
    assert pending.reviews.count() < pending.badge.min_reviews
    # The demo badges are real documents.
    assert client.get(learner_badges.first().json_url).status_code == 200
    assert client.get("/badges/").status_code == 200


@pytest.mark.django_db
def test_the_learner_gets_the_completion_badge_when_the_learning_demo_completes_their_course(settings, monkeypatch):
    """The learning demo records completions without sending `progress_changed`; the badges demo catches up."""

    def finishing(row):
        course, username, round_number, _, evidence, status = row
        if (course, username) != (learning_demo.PYTHON, "learner"):
            return row
        return course, username, round_number, list(range(len(PYTHON_TASKS))), evidence, status

    monkeypatch.setattr(learning_demo, "SIGNUPS", [finishing(row) for row in learning_demo.SIGNUPS])
    settings.DEBUG = True
    call_command("load_initial_data", stdout=StringIO())
    after_first = counts()

    call_command("load_initial_data", stdout=StringIO())

    assert counts() == after_first, "a second run changes nothing"
    earned = Assertion.objects.active().get(recipient__username="learner", badge__slug="pythonista")
    assert earned.earned_by == "completion" and earned.course.slug == learning_demo.PYTHON
    assert len(earned.evidence) == len(PYTHON_TASKS)
    assert earned.evidence[1]["id"] == "https://notes.example.org/lee/think-python-chapter-1"
