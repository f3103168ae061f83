"""The demo community's discussions: real-looking threads on several pages, loaded once."""

from django.contrib.auth.models import AnonymousUser

from wagtail.models import Page

import pytest
from django_comments.models import CommentFlag

from core.demo.build import build_demo
from discussion.models import LIKE, Comment
from discussion.threads import load_discussion


def snapshot():
    return (
        Comment.objects.count(),
        CommentFlag.objects.count(),
        list(Comment.objects.order_by("pk").values_list("submit_date", "like_count", "accepted_answer")),
    )


@pytest.mark.django_db
def test_demo_discussions_are_complete_and_a_second_run_changes_nothing(rf):
    build_demo(log=lambda line: None, with_accounts=False)
    first = snapshot()
    build_demo(log=lambda line: None, with_accounts=False)

    assert snapshot() == first
    pages = {comment.page.slug for comment in Comment.objects.select_related("page")}
    assert {
        "gentle-introduction-to-python",
        "psychology-of-learning",
        "cyberpunk-literature",
        "statistics-with-r",
        "webcraft",
        "facilitation-tips",
    } <= pages
    assert Comment.objects.filter(level=3).exists(), "replies nest to the deepest level"
    assert CommentFlag.objects.filter(flag=LIKE).count() >= 20
    assert Comment.objects.filter(flag_count=1, hidden_by_flags=False).count() == 1
    question = Comment.objects.get(page__slug="statistics-with-r", accepted_answer__isnull=False)
    assert question.page.specific.discussion_mode == "questions"
    assert question.accepted_answer.parent_id == question.pk
    # Spread over days, like a real community, newest thread first.
    dates = Comment.objects.values_list("submit_date", flat=True)
    assert (max(dates) - min(dates)).days >= 10
    request = rf.get("/")
    request.user = AnonymousUser()
    python = load_discussion(Page.objects.get(slug="gentle-introduction-to-python").specific, request)
    assert [len(thread.replies) for thread in python["threads"]] == [1, 1, 1]
