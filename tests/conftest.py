from types import SimpleNamespace

from django.core.cache import cache

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

import pytest

from home.models import HomePage

from .factories import (
    CourseIndexPageFactory,
    CourseOrganiserFactory,
    CoursePageFactory,
    CourseTaskFactory,
    SchoolIndexPageFactory,
    SchoolPageFactory,
    UserFactory,
    WikiIndexPageFactory,
)

VIDEO_URL = "https://www.youtube.com/watch?v=test-video"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and other cached state live in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """The page tree every site has: home, the three index pages and one school."""
    home = HomePage.objects.get()
    schools = SchoolIndexPageFactory(parent=home)
    return SimpleNamespace(
        home=home,
        schools=schools,
        courses=CourseIndexPageFactory(parent=home),
        wiki=WikiIndexPageFactory(parent=home),
        school=SchoolPageFactory(parent=schools, title="School of Webcraft", slug="webcraft"),
    )


@pytest.fixture
def make_course(site_tree):
    """Create a course with `tasks` tasks and `organisers` organisers under `school` (default: Webcraft)."""

    def make(school=None, tasks=0, organisers=0, **fields):
        course = CoursePageFactory(parent=school or site_tree.school, **fields)
        for index in range(tasks):
            CourseTaskFactory(page=course, title=f"Task {index + 1} of {course.title}", sort_order=index)
        for _ in range(organisers):
            CourseOrganiserFactory(page=course)
        return course

    return make


@pytest.fixture
def member(db):
    return UserFactory(username="ada", first_name="Ada", last_name="Okafor")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def stored_video(db):
    """A video whose embed is already stored, so nothing asks the provider over the network."""
    return Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/test-video" title="Test video"></iframe>',
        title="Test video",
        provider_name="YouTube",
    )
