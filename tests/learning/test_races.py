"""Two learners taking the last place at the same moment: one gets it, the other waits (PostgreSQL row locks)."""

from django.db.models.signals import pre_save

import pytest

from learning import signups
from learning.models import Signup
from learning.schedule import ensure_first_round
from tests.races import at_once, needs_two_transactions

from .factories import member


@needs_two_transactions
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

    # Both count the places before either saves, unless the lock holds one back.
    _, errors = at_once(
        lambda learner: signups.join(learner, course, round),
        [(learner,) for learner in learners],
        linger_on=Signup,
        signal=pre_save,
    )

    assert errors == []
    assert sorted(Signup.objects.values_list("status", flat=True)) == ["active", "waiting"]
