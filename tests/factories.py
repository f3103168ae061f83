"""Factories for the site's page types and members, built on wagtail-factories."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from core.models import StandardPage
from courses.models import CourseIndexPage, CourseKind, CourseOrganiser, CoursePage, CourseTask
from home.models import HomePage
from people.models import User
from schools.models import SchoolIndexPage, SchoolPage
from wiki.models import WikiIndexPage, WikiPage


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = User
        django_get_or_create = ["username"]


class CourseKindFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kind {n}")
    plural_name = factory.LazyAttribute(lambda kind: f"{kind.name}s")
    slug = factory.Sequence(lambda n: f"kind-{n}")

    class Meta:
        model = CourseKind


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A standard page."

    class Meta:
        model = StandardPage


class SchoolIndexPageFactory(wagtail_factories.PageFactory):
    title = "Schools"
    slug = "schools"

    class Meta:
        model = SchoolIndexPage


class SchoolPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"School {n}")
    summary = factory.LazyAttribute(lambda school: f"All about {school.title}.")

    class Meta:
        model = SchoolPage


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Courses"
    slug = "courses"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    kind = factory.LazyFunction(lambda: CourseKind.objects.get(slug="course"))
    summary = factory.LazyAttribute(lambda course: f"Learn {course.title} with peers.")
    start_date = datetime.date(2027, 1, 11)
    signup_status = "open"

    class Meta:
        model = CoursePage


class CourseTaskFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Task {n}")
    instructions = factory.LazyFunction(lambda: [("paragraph", "<p>Do the reading.</p>")])

    class Meta:
        model = CourseTask


class CourseOrganiserFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)

    class Meta:
        model = CourseOrganiser


class WikiIndexPageFactory(wagtail_factories.PageFactory):
    title = "Wiki"
    slug = "wiki"

    class Meta:
        model = WikiIndexPage


class WikiPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Wiki page {n}")
    summary = "A page of the wiki."

    class Meta:
        model = WikiPage


def home_page():
    return HomePage.objects.get()
