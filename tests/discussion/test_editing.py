"""Authors edit within the time window and delete at any time; deleted comments keep their replies in place."""

from datetime import timedelta

from django.utils import timezone

from bs4 import BeautifulSoup

from discussion.models import Comment

from .factories import post


def test_the_author_edits_within_the_window(client, course, thread, bruno):
    reply = thread[1]
    client.force_login(bruno)
    form = BeautifulSoup(client.get(f"/discussion/comments/{reply.pk}/edit/").content, "html.parser")
    assert form.select_one("textarea[name=text]").get_text().strip() == reply.comment

    response = client.post(
        f"/discussion/comments/{reply.pk}/edit/", {"text": "Use the installer and tick **Add to PATH**."}
    )

    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.comment == "Use the installer and tick **Add to PATH**."
    assert reply.body_html == "<p>Use the installer and tick <strong>Add to PATH</strong>.</p>"
    assert reply.edited_at is not None
    page = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert page.select_one(f"#c{reply.pk} .comment__edited").get_text() == "edited"


def test_editing_after_the_window_is_refused(client, thread, bruno, settings):
    settings.DISCUSSION_EDIT_WINDOW = 15 * 60
    reply = thread[1]
    Comment.objects.filter(pk=reply.pk).update(submit_date=timezone.now() - timedelta(minutes=16))
    client.force_login(bruno)

    response = client.post(f"/discussion/comments/{reply.pk}/edit/", {"text": "Too late"})

    assert response.status_code == 403
    assert "within 15 minutes of posting" in response.content.decode()
    reply.refresh_from_db()
    assert reply.comment.startswith("Use the installer")
    assert reply.edited_at is None
    assert f"/discussion/comments/{reply.pk}/edit/" not in client.get(reply.page.url).content.decode()


def test_an_invalid_edit_changes_nothing(client, thread, bruno):
    reply = thread[1]
    client.force_login(bruno)

    response = client.post(f"/discussion/comments/{reply.pk}/edit/", {"text": ""}, HTTP_ACCEPT="application/json")

    assert response.status_code == 400
    assert response.json()["message"] == "Write something before posting."
    reply.refresh_from_db()
    assert reply.comment.startswith("Use the installer")


def test_deleting_blanks_the_text_and_keeps_the_replies(client, course, thread, bruno):
    root, reply, nested = thread
    client.force_login(bruno)
    confirm = client.get(f"/discussion/comments/{reply.pk}/delete/")
    assert "Delete your comment?" in confirm.content.decode()

    response = client.post(f"/discussion/comments/{reply.pk}/delete/")

    assert response.status_code == 302
    reply.refresh_from_db()
    assert (reply.comment, reply.body_html) == ("", "")
    assert reply.deleted_at is not None
    page = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert page.select_one(f"#c{reply.pk} > .comment__placeholder").get_text() == "[deleted]"
    assert page.select_one(f"#c{reply.pk} > ol > #c{nested.pk} .comment__text").get_text().strip() == (
        "And restart the terminal afterwards!"
    )
    assert "tick" not in page.select_one("#discussion").get_text()


def test_a_deleted_comment_without_replies_leaves_no_trace(client, course, thread, chen):
    client.force_login(chen)

    client.post(f"/discussion/comments/{thread[2].pk}/delete/")

    page = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert page.select_one(f"#c{thread[2].pk}") is None
    assert page.select_one(f"#c{thread[1].pk}") is not None


def test_deleted_comments_cannot_be_edited_liked_or_deleted_again(client, thread, bruno, ada):
    reply = thread[1]
    reply.delete_by_author()
    client.force_login(bruno)
    assert client.post(f"/discussion/comments/{reply.pk}/edit/", {"text": "Back"}).status_code == 403
    assert client.post(f"/discussion/comments/{reply.pk}/delete/").status_code == 403
    client.force_login(ada)
    assert client.post(f"/discussion/comments/{reply.pk}/like/").status_code == 403


def test_deleting_an_accepted_answer_clears_the_mark(qa_course, ada, bruno):
    question = post(qa_course, ada, "Why NA?")
    answer = post(qa_course, bruno, "Use na.rm = TRUE", parent=question)
    question.accept(answer)

    answer.delete_by_author()

    question.refresh_from_db()
    assert question.accepted_answer is None
