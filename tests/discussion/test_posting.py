"""Posting comments and replies through the form, and every way a post is refused (with nothing stored)."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from discussion.models import Comment
from tests.factories import StandardPageFactory

from .factories import post


def post_url(page):
    return f"/discussion/pages/{page.pk}/comments/"


def test_a_member_posts_a_comment_and_sees_it_on_the_page(client, course, ada):
    client.force_login(ada)

    response = client.post(post_url(course), {"text": "Hello group, I am **Ada**."}, REMOTE_ADDR="198.51.100.7")

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{course.url}#c{comment.pk}"
    assert (comment.page_id, comment.user, comment.level, comment.thread_id) == (course.pk, ada, 0, comment.pk)
    assert comment.content_type == ContentType.objects.get_for_model(Page)
    assert comment.object_pk == str(course.pk)
    assert comment.ip_address == "198.51.100.7"
    assert comment.comment == "Hello group, I am **Ada**."
    page = client.get(course.url)
    assert "Your comment is posted." in page.content.decode()
    assert "I am <strong>Ada</strong>." in page.content.decode()


def test_replies_nest_in_their_thread(client, course, thread, chen):
    root, reply, nested = thread
    assert (root.level, reply.level, nested.level) == (0, 1, 2)
    assert {reply.thread_id, nested.thread_id} == {root.pk}
    soup = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert soup.select_one(f"#c{root.pk} > ol > #c{reply.pk} > ol > #c{nested.pk}") is not None


def test_the_script_gets_the_new_comment_as_html(client, course, thread, ada):
    client.force_login(ada)

    response = client.post(
        post_url(course), {"text": "Thanks both!", "parent": thread[2].pk}, HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 201
    data = response.json()
    comment = Comment.objects.get(pk=data["id"])
    assert comment.level == 3
    assert data["message"] == "Your reply is posted."
    assert f'id="c{comment.pk}"' in data["html"]
    assert "Thanks both!" in data["html"]


def test_replies_stop_at_the_maximum_depth(client, course, thread, ada):
    deepest = post(course, ada, "Level three", parent=thread[2])
    assert deepest.level == 3
    client.force_login(ada)

    response = client.post(post_url(course), {"text": "Level four?", "parent": deepest.pk})

    assert response.status_code == 400
    assert "as deep as it goes" in response.content.decode()
    assert Comment.objects.count() == 4
    page = client.get(course.url).content.decode()
    assert f'data-discussion-reply="{deepest.pk}"' not in page
    assert f'data-discussion-reply="{thread[2].pk}"' in page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "Write something before posting."),
        ("x" * 5001, "Keep it under 5000 characters (it has 5001)."),
        (" ".join(f"https://spam{n}.example" for n in range(11)), "a comment may have at most 10"),
    ],
)
def test_invalid_comments_are_refused_with_a_message(client, course, ada, text, message):
    client.force_login(ada)

    response = client.post(post_url(course), {"text": text})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Comment.objects.count() == 0
    # Errors are tied to the field for screen readers.
    field = BeautifulSoup(response.content, "html.parser").select_one("textarea[name=text]")
    assert field["aria-invalid"] == "true"
    assert "id_text_error" in field["aria-describedby"] or "_error" in field["aria-describedby"]


def test_invalid_comment_for_the_script_gets_the_message_as_json(client, course, ada):
    client.force_login(ada)

    response = client.post(post_url(course), {"text": ""}, HTTP_ACCEPT="application/json")

    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "message": "Write something before posting.",
        "errors": {"text": ["Write something before posting."]},
    }


def test_the_honeypot_refuses_bots(client, course, ada):
    client.force_login(ada)

    response = client.post(post_url(course), {"text": "Cheap watches", "website": "https://spam.example"})

    assert response.status_code == 400
    assert "looked automated" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_duplicate_on_the_same_page_is_refused(client, course, wiki_page, ada):
    client.force_login(ada)
    client.post(post_url(course), {"text": "Is anyone free on Thursday?"})

    again = client.post(post_url(course), {"text": "is anyone   free on thursday?"})
    elsewhere = client.post(post_url(wiki_page), {"text": "Is anyone free on Thursday?"})

    assert again.status_code == 400
    assert "You already posted this here." in again.content.decode()
    assert elsewhere.status_code == 302
    assert Comment.objects.filter(page=course).count() == 1


def test_too_many_posts_from_one_member_answer_429(client, course, ada, settings):
    settings.DISCUSSION_POST_LIMITS_PER_USER = [(2, 60)]
    client.force_login(ada)
    for number in range(2):
        assert client.post(post_url(course), {"text": f"Post {number}"}).status_code == 302

    response = client.post(post_url(course), {"text": "Post 2"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "You are doing that too often" in response.content.decode()
    assert Comment.objects.count() == 2


def test_too_many_posts_from_one_address_answer_429_whoever_posts(client, course, ada, bruno, settings):
    settings.DISCUSSION_POST_LIMITS_PER_IP = [(2, 60)]
    for user, text in ((ada, "One"), (bruno, "Two")):
        client.force_login(user)
        assert client.post(post_url(course), {"text": text}, REMOTE_ADDR="192.0.2.1").status_code == 302

    blocked = client.post(post_url(course), {"text": "Three"}, REMOTE_ADDR="192.0.2.1", HTTP_ACCEPT="application/json")
    other_address = client.post(post_url(course), {"text": "Four"}, REMOTE_ADDR="192.0.2.2")

    assert blocked.status_code == 429
    assert blocked.json()["message"].startswith("You are doing that too often")
    assert other_address.status_code == 302
    assert list(Comment.objects.order_by("pk").values_list("comment", flat=True)) == ["One", "Two", "Four"]


def test_behind_a_proxy_the_visitors_address_is_stored_and_limited(client, course, ada, bruno, settings):
    settings.PROXY_COUNT = 1
    settings.DISCUSSION_POST_LIMITS_PER_IP = [(1, 60)]
    via_proxy = {"REMOTE_ADDR": "10.0.0.1"}
    client.force_login(ada)
    first = client.post(
        post_url(course), {"text": "One"}, HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.1", **via_proxy
    )
    client.force_login(bruno)
    other_visitor = client.post(post_url(course), {"text": "Two"}, HTTP_X_FORWARDED_FOR="198.51.100.2", **via_proxy)
    same_visitor = client.post(post_url(course), {"text": "Three"}, HTTP_X_FORWARDED_FOR="198.51.100.1", **via_proxy)

    assert (first.status_code, other_visitor.status_code, same_visitor.status_code) == (302, 302, 429)
    assert list(Comment.objects.order_by("pk").values_list("ip_address", flat=True)) == ["198.51.100.1", "198.51.100.2"]


def test_replies_must_belong_to_the_same_page_and_be_visible(client, course, wiki_page, ada, bruno, moderator):
    elsewhere = post(wiki_page, bruno, "On the wiki")
    removed = post(course, bruno, "Removed")
    removed.remove(moderator)
    client.force_login(ada)

    for parent in (elsewhere, removed):
        response = client.post(post_url(course), {"text": "A reply", "parent": parent.pk})
        assert response.status_code == 400
        assert "no longer there" in response.content.decode()
    assert Comment.objects.count() == 2


def test_a_preview_shows_the_rendered_text_and_stores_nothing(client, course, ada):
    client.force_login(ada)

    response = client.post(post_url(course), {"text": "A *draft*", "preview": "1"})

    assert response.status_code == 200
    assert "A <em>draft</em>" in response.content.decode()
    assert "A *draft*" in response.content.decode(), "the text stays in the form"
    assert Comment.objects.count() == 0


def test_no_posting_on_unpublished_private_or_discussionless_pages(client, course, site_tree, ada):
    client.force_login(ada)
    standard = StandardPageFactory(parent=site_tree.home)
    private = type(course).objects.get(pk=course.pk)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")

    assert client.post(post_url(course), {"text": "Private"}).status_code == 404
    assert client.post(post_url(standard), {"text": "Not here"}).status_code == 404
    course.unpublish()
    PageViewRestriction.objects.all().delete()
    assert client.post(post_url(course), {"text": "Unpublished"}).status_code == 404
    assert client.post("/discussion/pages/999999/comments/", {"text": "Nowhere"}).status_code == 404
    assert Comment.objects.count() == 0


def test_posting_needs_a_post(client, course, ada):
    client.force_login(ada)
    assert client.get(post_url(course)).status_code == 405


def test_the_reply_page_works_without_javascript(client, course, thread, ada):
    client.force_login(ada)

    page = client.get(f"/discussion/comments/{thread[1].pk}/reply/")

    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.h1.get_text() == "Reply to Bruno Lima"
    assert soup.select_one("input[name=parent]")["value"] == str(thread[1].pk)
    assert soup.select_one("form.discussion-form")["action"] == post_url(course)
    assert soup.select_one("label[for=id_text]").get_text() == "Your reply"
