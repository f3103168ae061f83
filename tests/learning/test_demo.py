"""The demo community's learning: real progress, a second round, an application, a waiting list; loaded once."""

import pytest

from core.demo.build import build_demo
from learning.models import Announcement, AnnouncementDelivery, Follow, Round, Signup, TaskCompletion
from learning.progress import progress_of
from learning.signups import waiting_position


def snapshot():
    return [
        list(model.objects.order_by("pk").values_list("pk", flat=True))
        for model in (Signup, TaskCompletion, Round, Announcement, AnnouncementDelivery, Follow)
    ]


@pytest.mark.django_db
def test_the_demo_learner_has_real_progress_and_a_second_run_changes_nothing():
    build_demo(log=lambda line: None, with_accounts=True)
    first = snapshot()
    build_demo(log=lambda line: None, with_accounts=True)

    assert snapshot() == first
    learner = Signup.objects.filter(user__username="learner").select_related("course")
    by_course = {signup.course.slug: signup for signup in learner}
    python = by_course["gentle-introduction-to-python"]
    assert (python.status, python.round.number) == ("active", 1)
    done = progress_of(python.user, [python.course])[python.course.pk]
    assert (done.done, done.total) == (2, 7)
    assert sum(1 for completion in done.completions.values() if completion.evidence_url) == 1
    assert len(done.changed) == 1, "one task changed after the learner completed it"
    assert by_course["javascript-for-the-curious"].status == "pending"
    assert by_course["javascript-for-the-curious"].answer
    waiting = by_course["circulo-de-conversacion"]
    assert (waiting.status, waiting.course.capacity, waiting_position(waiting)) == ("waiting", 4, 2)
    assert Round.objects.get(course__slug="gentle-introduction-to-python", number=2).name == "Spring 2027"
    assert Announcement.objects.filter(course=python.course, status="sent").count() == 2
    assert Follow.objects.filter(user=python.user).count() == 3


@pytest.mark.django_db
def test_without_demo_accounts_members_still_take_part():
    build_demo(log=lambda line: None, with_accounts=False)

    assert not Signup.objects.filter(user__username="learner").exists()
    assert Signup.objects.filter(course__slug="gentle-introduction-to-python", status="active").count() == 6
