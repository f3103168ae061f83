"""Factories for badges, awards, submissions and reviews."""

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from badges.models import Assertion, Badge, BadgeCourse, EarningPath, Review, Submission
from tests.factories import UserFactory


class MemberFactory(UserFactory):
    """A member who may take part: active, with a confirmed email address."""

    email_confirmed_at = factory.LazyFunction(timezone.now)


class BadgeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Badge {n}")
    slug = factory.Sequence(lambda n: f"badge-{n}")
    description = "Shows that its holder can build and share a small project with peers."
    criteria = "Complete the **project** and share it.\n\n- Publish it\n- Explain it"
    earned_by = EarningPath.COMPLETION

    class Meta:
        model = Badge
        skip_postgeneration_save = True

    @factory.post_generation
    def courses(badge, create, extracted, **kwargs):
        for index, course in enumerate(extracted or []):
            BadgeCourse.objects.create(badge=badge, course=course, sort_order=index)


class AssertionFactory(DjangoModelFactory):
    badge = factory.SubFactory(BadgeFactory)
    recipient = factory.SubFactory(MemberFactory)
    earned_by = factory.LazyAttribute(lambda assertion: assertion.badge.earned_by)

    class Meta:
        model = Assertion


class SubmissionFactory(DjangoModelFactory):
    badge = factory.SubFactory(BadgeFactory, earned_by=EarningPath.PEER_ASSESSMENT)
    learner = factory.SubFactory(MemberFactory)
    evidence_url = "https://example.org/my-portfolio/"
    text = "I built a small personal site with a contact form and wrote about the accessibility checks I ran."

    class Meta:
        model = Submission


class ReviewFactory(DjangoModelFactory):
    submission = factory.SubFactory(SubmissionFactory)
    reviewer = factory.SubFactory(MemberFactory)
    rating = 4
    comment = "Clear structure and a thoughtful write-up of what you learned."

    class Meta:
        model = Review
