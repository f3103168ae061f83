"""Likes, and flags that hide a comment after enough members flag it, until a moderator decides."""

from bs4 import BeautifulSoup

from .factories import confirmed, post


def test_liking_toggles_and_counts(client, course, thread, bruno, chen):
    root = thread[0]
    client.force_login(bruno)

    liked = client.post(f"/discussion/comments/{root.pk}/like/", HTTP_ACCEPT="application/json")
    client.force_login(chen)
    client.post(f"/discussion/comments/{root.pk}/like/")

    assert liked.json()["liked"] is True
    assert liked.json()["likes"] == 1
    assert 'aria-pressed="true"' in liked.json()["html"]
    root.refresh_from_db()
    assert root.like_count == 2
    button = BeautifulSoup(client.get(course.url).content, "html.parser").select_one(f"#c{root.pk} .comment__like")
    assert button["aria-pressed"] == "true"
    assert button.select_one("[data-like-count]").get_text() == "2"

    unliked = client.post(f"/discussion/comments/{root.pk}/like/", HTTP_ACCEPT="application/json")

    assert (unliked.json()["liked"], unliked.json()["likes"]) == (False, 1)


def test_enough_flags_hide_a_comment_until_a_moderator_decides(client, course, ada, bruno, chen, moderator, settings):
    settings.DISCUSSION_AUTO_HIDE_FLAGS = 2
    rude = post(course, ada, "You are all idiots")
    reply = post(course, chen, "That is not kind.", parent=rude)

    client.force_login(bruno)
    first = client.post(f"/discussion/comments/{rude.pk}/flag/")
    again = client.post(f"/discussion/comments/{rude.pk}/flag/", HTTP_ACCEPT="application/json")
    rude.refresh_from_db()
    assert first.status_code == 302
    assert again.json()["message"] == "You already flagged this comment."
    assert (rude.flag_count, rude.hidden_by_flags, rude.is_public) == (1, False, True)

    client.force_login(chen)
    client.post(f"/discussion/comments/{rude.pk}/flag/")
    rude.refresh_from_db()
    assert (rude.flag_count, rude.hidden_by_flags, rude.is_public) == (2, True, False)
    page = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert page.select_one(f"#c{rude.pk} > .comment__placeholder").get_text() == "[hidden while moderators review it]"
    assert page.select_one(f"#c{reply.pk} .comment__text") is not None, "replies stay"

    client.force_login(ada)
    own_view = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert "hidden until a moderator looks at it" in own_view.select_one(f"#c{rude.pk} .comment__notice").get_text()

    rude.restore(moderator)
    rude.refresh_from_db()
    assert (rude.flag_count, rude.hidden_by_flags, rude.is_public) == (0, False, True)
    # Flags before the decision are settled; a new one counts from zero.

    newcomer = confirmed("dana")
    rude.add_flag(newcomer)
    rude.refresh_from_db()
    assert (rude.flag_count, rude.hidden_by_flags) == (1, False)


def test_the_flag_page_explains_before_flagging(client, thread, bruno):
    client.force_login(bruno)

    page = client.get(f"/discussion/comments/{thread[0].pk}/flag/")

    assert page.status_code == 200
    assert "Flag this comment for the moderators?" in page.content.decode()
    assert thread[0].flags.count() == 0


def test_a_removed_comment_stays_removed_when_flagged(course, ada, bruno, moderator, settings):
    settings.DISCUSSION_AUTO_HIDE_FLAGS = 1
    comment = post(course, ada, "Spam")
    comment.remove(moderator)

    comment.add_flag(bruno)

    comment.refresh_from_db()
    assert comment.is_removed
    assert not comment.hidden_by_flags
