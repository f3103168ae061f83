from io import StringIO

from django.core.management import call_command

import pytest

from badges.models import Assertion, Badge, Review, Submission


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
    pending = Submission.objects.get(badge__slug="webmaker", assertion__isnull=True)
    assert pending.reviews.count() < pending.badge.min_reviews
    # The demo badges are real documents.
    assert client.get(learner_badges.first().json_url).status_code == 200
    assert client.get("/badges/").status_code == 200
