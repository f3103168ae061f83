"""Two learners taking the last place at the same moment: one gets it, the other waits (PostgreSQL row locks)."""

import threading
import time

from django.db import connection
from django.db.models.signals import pre_save

import pytest

from learning import signups
from learning.models import Signup
from learning.schedule import ensure_first_round

from .factories import member


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs two transactions at once (PostgreSQL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("self_paced_course", [False, True])
def test_two_learners_racing_for_the_last_place(make_course, self_paced_course):
    if self_paced_course:
        course = make_course(title="Webmaking 101", slug="webmaking", self_paced=True, start_date=None, capacity=1)
        round = None
    else:
        course = make_course(title="Python", slug="python", capacity=1)
        round = ensure_first_round(course)
    learners = [member("lena"), member("omar")]
    barrier = threading.Barrier(2)
    errors = []

    def linger(sender, **kwargs):
        time.sleep(0.3)  # both requests have counted the places before either saves, unless the lock holds one back

    def join(learner):
        try:
            barrier.wait(timeout=10)
            signups.join(learner, course, round)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    pre_save.connect(linger, sender=Signup, dispatch_uid="linger")
    try:
        threads = [threading.Thread(target=join, args=(learner,)) for learner in learners]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        pre_save.disconnect(dispatch_uid="linger", sender=Signup)

    assert errors == []
    assert sorted(Signup.objects.values_list("status", flat=True)) == ["active", "waiting"]
