"""A page's query count must not grow with its content."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import wagtail_factories

from home.models import HomePageFeaturedSchool
from tests.factories import SchoolPageFactory

QUERY_BUDGET = 30


def count_queries(client, url):
    client.get(url)  # the first view makes image renditions; count a warm page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def add_courses(site_tree, make_course):
    def add(number):
        for _ in range(number):
            make_course(cover_image=wagtail_factories.ImageFactory(), tasks=2, organisers=1)

    return add


@pytest.mark.parametrize("url", ["/", "/courses/", "/schools/", "/schools/webcraft/"])
def test_listing_pages_do_not_grow_with_the_number_of_courses(client, site_tree, add_courses, url):
    HomePageFeaturedSchool.objects.create(page=site_tree.home, school=site_tree.school)
    SchoolPageFactory(parent=site_tree.schools, image=wagtail_factories.ImageFactory())
    add_courses(2)
    few = count_queries(client, url)

    add_courses(10)
    many = count_queries(client, url)

    assert many == few
    assert many <= QUERY_BUDGET


def test_course_page_does_not_grow_with_tasks_or_organisers(client, make_course, django_assert_max_num_queries):
    small = make_course(cover_image=wagtail_factories.ImageFactory(), tasks=1, organisers=1)
    large = make_course(cover_image=wagtail_factories.ImageFactory(), tasks=30, organisers=5)

    assert count_queries(client, large.url) == count_queries(client, small.url)
    with django_assert_max_num_queries(QUERY_BUDGET):
        client.get(large.url)
