"""The discussion under a page: query counts that do not grow, pagination, permalinks, and course-card counts."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from discussion.models import Comment

from .factories import deep_threads, post

QUERY_BUDGET = 40


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_page_with_500_comments_in_deep_threads_costs_no_more_queries_than_one_with_a_few(
    client, make_course, ada, bruno, chen, moderator, signed_in, settings, django_assert_max_num_queries
):
    settings.DISCUSSION_THREADS_PER_PAGE = 50  # every thread on one page: all 500+ comments render
    users = [ada, bruno, chen]
    small = make_course(title="Small")
    deep_threads(small, users, threads=2, replies_per_level=1, depth=3)
    large = make_course(title="Large")
    # 20 threads of 1 + 3 + 9 comments, and 20 threads of 1 + 2 + 4 + 8 down to the deepest level: 560 comments.
    deep_threads(large, users, threads=20, replies_per_level=3, depth=2)
    made = deep_threads(large, users, threads=20, replies_per_level=2, depth=3)
    assert Comment.objects.filter(page=large).count() == 560
    assert max(comment.level for comment in made) == 3
    if signed_in:
        client.force_login(moderator)
        for comment in made[:50]:
            comment.toggle_like(moderator)

    few, _ = queries_for(client, small.url)
    many, response = queries_for(client, large.url)

    assert many == few
    shown = BeautifulSoup(response.content, "html.parser").select("#discussion li.comment")
    assert len(shown) == 560
    with django_assert_max_num_queries(QUERY_BUDGET):
        client.get(large.url)


def test_threads_are_paginated_newest_first(client, course, ada, settings):
    settings.DISCUSSION_THREADS_PER_PAGE = 2
    threads = [post(course, ada, f"Thread {number}") for number in range(5)]

    first = BeautifulSoup(client.get(course.url).content, "html.parser")
    third = BeautifulSoup(client.get(course.url + "?comments-page=3").content, "html.parser")
    nonsense = client.get(course.url + "?comments-page=banana")

    assert [item["id"] for item in first.select(".comment-list--threads > li")] == [
        f"c{threads[4].pk}",
        f"c{threads[3].pk}",
    ]
    assert first.select_one(".discussion__pagination a[rel=next]")["href"] == "?comments-page=2#discussion"
    assert [item["id"] for item in third.select(".comment-list--threads > li")] == [f"c{threads[0].pk}"]
    assert nonsense.status_code == 200


def test_a_permalink_leads_to_the_right_page_of_the_discussion(client, course, ada, bruno, settings):
    settings.DISCUSSION_THREADS_PER_PAGE = 2
    oldest = post(course, ada, "Oldest thread")
    reply = post(course, bruno, "A reply in it", parent=oldest)
    for number in range(4):
        post(course, ada, f"Newer {number}")

    response = client.get(f"/discussion/comments/{reply.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"{course.url}?comments-page=3#c{reply.pk}"
    assert f'id="c{reply.pk}"' in client.get(response["Location"]).content.decode()
    assert reply.get_absolute_url() == f"/discussion/comments/{reply.pk}/"


def test_school_and_wiki_pages_have_a_discussion_too(client, site_tree, wiki_page, ada):
    post(site_tree.school, ada, "Welcome to the school!")
    post(wiki_page, ada, "This page helped me.")

    for page, text in ((site_tree.school, "Welcome to the school!"), (wiki_page, "This page helped me.")):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert soup.select_one("#discussion h2").get_text(" ", strip=True).startswith("Discussion")
        assert soup.select_one("#discussion .comment__text").get_text(strip=True) == text


def test_the_page_stays_cacheable_for_visitors(client, thread, course):
    response = client.get(course.url)

    assert "csrftoken" not in response.cookies
    assert "sessionid" not in response.cookies


def test_course_cards_count_comments_in_one_query(client, site_tree, make_course, ada, bruno):
    from wagtail import hooks

    from courses.models import CoursePage

    busy = make_course(title="Busy")
    qa = make_course(title="Questions", discussion_mode="questions")
    quiet = make_course(title="Quiet")
    root = post(busy, ada, "One")
    post(busy, bruno, "Two", parent=root)
    post(busy, bruno, "Hidden").remove(ada)
    question = post(qa, ada, "How?")
    post(qa, bruno, "Like this", parent=question)
    courses = list(CoursePage.objects.filter(pk__in=[busy.pk, qa.pk, quiet.pk]).order_by("title"))
    annotate = next(
        hook for hook in hooks.get_hooks("annotate_course_cards") if hook.__module__ == "discussion.wagtail_hooks"
    )

    with CaptureQueriesContext(connection) as queries:
        annotate(courses)

    assert len(queries) == 1
    assert [(c.title, c.comment_count, c.question_count) for c in courses] == [
        ("Busy", 2, 1),
        ("Questions", 2, 1),
        ("Quiet", 0, 0),
    ]
    cards = BeautifulSoup(client.get(site_tree.school.url).content, "html.parser")
    stats = {
        card.select_one(".course-card__title").get_text(strip=True): card.select_one(".card-stat--discussion")
        for card in cards.select(".course-card")
    }
    assert stats["Busy"].get_text(strip=True) == "2 comments"
    assert stats["Questions"].get_text(strip=True) == "1 question"
    assert stats["Quiet"] is None


def test_listings_do_not_grow_in_queries_with_commented_courses(client, site_tree, make_course, ada):
    make_course(title="First")
    few, _ = queries_for(client, site_tree.courses.url)
    for number in range(6):
        post(make_course(title=f"Course {number}"), ada, "A comment")
    many, _ = queries_for(client, site_tree.courses.url)

    assert many == few
