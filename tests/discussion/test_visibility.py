"""Who sees what: `visible_comments()` (the contract search relies on), blocks, signals and page deletion."""

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup
from django_comments.models import Comment as BaseComment
from django_comments_xtd.models import XtdComment

from discussion.models import Comment, visible_comments
from discussion.signals import comment_changed
from moderation.signals import member_blocked, member_unblocked

from .factories import post


def visible_texts():
    return set(visible_comments().values_list("comment", flat=True))


def test_visible_comments_are_exactly_what_visitors_may_read(course, wiki_page, ada, bruno, moderator, make_course):
    post(course, ada, "Shown")
    post(wiki_page, ada, "Shown on the wiki")
    post(course, bruno, "Removed").remove(moderator)
    post(course, bruno, "Deleted").delete_by_author()
    hidden = post(course, bruno, "Hidden by flags")
    hidden.hidden_by_flags = True
    hidden.save()
    draft_course = make_course(title="Draft")
    post(draft_course, ada, "On an unpublished page")
    draft_course.unpublish()
    private_course = make_course(title="Private")
    post(private_course, ada, "On a private page")
    PageViewRestriction.objects.create(page=private_course, restriction_type="login")

    assert visible_texts() == {"Shown", "Shown on the wiki"}
    assert all(comment.is_public and not comment.is_removed for comment in visible_comments())


def test_blocking_hides_a_members_comments_and_unblocking_restores_only_those(course, ada, bruno, moderator):
    kept = post(course, ada, "Ada's question")
    reply = post(course, bruno, "Bruno's spam", parent=kept)
    removed = post(course, bruno, "Removed before the block")
    removed.remove(moderator)
    flagged = post(course, bruno, "Hidden by flags before the block")
    flagged.hidden_by_flags = True
    flagged.save()
    bruno.blocked_at = flagged.submit_date
    bruno.save()

    member_blocked.send(sender=type(bruno), user=bruno, moderator=moderator)

    assert visible_texts() == {"Ada's question"}
    reply.refresh_from_db()
    assert (reply.hidden_by_block, reply.is_public) == (True, False)

    bruno.blocked_at = None
    bruno.save()
    member_unblocked.send(sender=type(bruno), user=bruno, moderator=moderator)

    assert visible_texts() == {"Ada's question", "Bruno's spam"}
    removed.refresh_from_db()
    flagged.refresh_from_db()
    assert removed.is_removed, "a moderator's removal outlives the block"
    assert flagged.hidden_by_flags and not flagged.is_public


def test_a_blocked_members_reply_leaves_a_placeholder_only_where_replies_hang(
    client, course, ada, bruno, chen, moderator
):
    root = post(course, bruno, "Spam root")
    answer = post(course, chen, "Please stop", parent=root)
    lone = post(course, bruno, "Lone spam")

    member_blocked.send(sender=type(bruno), user=bruno, moderator=moderator)

    page = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert page.select_one(f"#c{root.pk} > .comment__placeholder").get_text() == "[hidden]"
    assert page.select_one(f"#c{answer.pk} .comment__text") is not None
    assert page.select_one(f"#c{lone.pk}") is None


def test_every_change_is_announced_for_indexes(course, ada, bruno, moderator):
    changes = []

    def record(sender, comment, change, **kwargs):
        changes.append((comment.comment or "[deleted]", change))

    comment_changed.connect(record)
    try:
        comment = post(course, ada, "First")
        comment.edit("First, edited")
        comment.add_flag(bruno)
        comment.remove(moderator)
        comment.restore(moderator)
        comment.hide_for_block()
        comment.unhide_after_block()
        comment.delete_by_author()
    finally:
        comment_changed.disconnect(record)

    assert [change for _, change in changes] == [
        "posted",
        "edited",
        "flagged",
        "removed",
        "restored",
        "hidden",
        "unhidden",
        "deleted",
    ]


def test_deleting_a_page_deletes_its_comments_and_their_flags(course, thread, bruno):
    thread[0].add_flag(bruno)
    assert BaseComment.objects.count() == 3

    course.delete()

    assert Comment.objects.count() == XtdComment.objects.count() == BaseComment.objects.count() == 0


@pytest.mark.parametrize("page_fixture", ["course", "wiki_page"])
def test_comments_hang_on_the_page_whatever_its_type(request, page_fixture, ada):
    page = request.getfixturevalue(page_fixture)

    comment = post(page, ada, "Hello")

    assert comment.content_object.pk == page.pk
    assert comment.content_object.specific_class is type(page)
