"""A small community to search: courses in two schools, wiki pages, a standard page and discussions."""

import html
from types import SimpleNamespace

from django.utils import timezone

import pytest

from courses.models import CourseKind
from tests.discussion.factories import post
from tests.factories import SchoolPageFactory, StandardPageFactory, UserFactory, WikiPageFactory


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture
def member(db):
    return UserFactory(username="ada", first_name="Ada", last_name="Okafor", email_confirmed_at=timezone.now())


@pytest.fixture
def corpus(site_tree, make_course, member):
    """Pages and comments whose words the tests search for."""
    webcraft = site_tree.school
    science = SchoolPageFactory(parent=site_tree.schools, title="School of Open Science", slug="open-science")
    study_group = CourseKind.objects.get(slug="study-group")
    gardening = make_course(
        title="Urban gardening basics",
        slug="urban-gardening",
        summary="Grow vegetables on a balcony with neighbours.",
        body=paragraph("Soil, seeds and patience: we compare notes every week."),
        language="en",
        signup_status="open",
    )
    python = make_course(
        title="Python for data journalism",
        slug="python-data-journalism",
        summary="Scrape, clean and chart public data with Python.",
        body=paragraph("We start from spreadsheets and move to pandas. Open source tools only."),
        kind=study_group,
        language="es",
        signup_status="closed",
    )
    mapping = make_course(
        school=science,
        title="Citizen science mapping",
        slug="citizen-mapping",
        summary="Map trees in your street and share the open data.",
        body=paragraph("A gentle introduction to gardening data: we count trees, not vegetables."),
        signup_status="moderated",
    )
    wiki_page = WikiPageFactory(
        parent=site_tree.wiki,
        title="Facilitation tips",
        slug="facilitation-tips",
        summary="How to run a study group that people come back to.",
        body=paragraph("Start on time, share the notes, and let every learner speak about gardening or anything."),
    )
    about = StandardPageFactory(
        parent=site_tree.home, title="About us", slug="about", intro="Peer learning, open source at heart."
    )
    comment = post(python, member, "Is there a **pandas** cheat sheet for beginners?")
    return SimpleNamespace(
        webcraft=webcraft,
        science=science,
        gardening=gardening,
        python=python,
        mapping=mapping,
        wiki_page=wiki_page,
        about=about,
        comment=comment,
        member=member,
        study_group=study_group,
    )


def titles(response):
    """The result titles of a /search/ response, in order, as text (no highlighting, no escaping)."""
    return [html.unescape(result.title.replace("<mark>", "").replace("</mark>", "")) for result in results_of(response)]


def results_of(response):
    page_obj = response.context["search"].page_obj
    return list(page_obj.object_list) if page_obj else []
