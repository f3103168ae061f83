"""The index follows the site: publishing, unpublishing, moving and deleting pages; posting and moderating comments."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.search.models import IndexEntry

import pytest

from discussion.models import Comment
from tests.discussion.factories import post
from tests.factories import SchoolPageFactory, UserFactory, WikiPageFactory

from .conftest import titles


def found(client, words, **filters):
    return titles(client.get("/search/", {"q": words, **filters}))


def test_a_published_page_is_found_at_once(client, site_tree):
    page = WikiPageFactory(parent=site_tree.wiki, title="Draft about quilting", live=False)
    assert found(client, "quilting") == []

    page.save_revision().publish()

    assert found(client, "quilting") == ["Draft about quilting"]


def test_publishing_new_words_replaces_the_old_ones(client, site_tree):
    page = WikiPageFactory(parent=site_tree.wiki, title="Pottery wheel basics")
    page.title = "Throwing on the kiln wheel"
    page.save_revision().publish()

    assert found(client, "pottery") == []
    assert found(client, "kiln") == ["Throwing on the kiln wheel"]


def test_an_unpublished_page_disappears(client, site_tree):
    page = WikiPageFactory(parent=site_tree.wiki, title="Calligraphy nibs")
    assert found(client, "calligraphy") == ["Calligraphy nibs"]

    page.unpublish()

    assert found(client, "calligraphy") == []


def test_a_moved_course_changes_school(client, site_tree, make_course):
    course = make_course(title="Bookbinding by hand")
    crafts = SchoolPageFactory(parent=site_tree.schools, title="School of Crafts", slug="crafts")
    assert found(client, "bookbinding", school="webcraft") == ["Bookbinding by hand"]

    course.move(crafts, pos="last-child")

    assert found(client, "bookbinding", school="webcraft") == []
    assert found(client, "bookbinding", school="crafts") == ["Bookbinding by hand"]


def test_a_deleted_page_and_its_comments_disappear(client, site_tree, make_course):
    course = make_course(title="Woodcarving spoons")
    post(course, UserFactory(email_confirmed_at=timezone.now()), "Woodcarving needs a hook knife.")
    assert len(found(client, "woodcarving")) == 2

    course.delete()

    assert found(client, "woodcarving") == []
    comments = ContentType.objects.get_for_model(Comment)
    assert not IndexEntry.objects.filter(content_type=comments).exists()


@pytest.fixture
def course_and_author(site_tree, make_course):
    author = UserFactory(username="chen", first_name="Chen", last_name="Wei", email_confirmed_at=timezone.now())
    return make_course(title="Sketching outdoors"), author


def test_comments_are_found_as_soon_as_posted_and_after_edits(client, course_and_author):
    course, author = course_and_author
    comment = post(course, author, "Charcoal smudges everywhere.")
    assert found(client, "charcoal") == ["Chen Wei on “Sketching outdoors”"]

    comment.edit("Graphite is cleaner than what I used before.")

    assert found(client, "charcoal") == []
    assert found(client, "graphite") == ["Chen Wei on “Sketching outdoors”"]


def test_removed_comments_disappear_and_restored_ones_return(client, course_and_author):
    course, author = course_and_author
    comment = post(course, author, "Watercolour pencils travel well.")
    moderator = UserFactory(is_staff=True)

    comment.remove(moderator)
    assert found(client, "watercolour") == []
    comments = ContentType.objects.get_for_model(Comment)
    assert not IndexEntry.objects.filter(content_type=comments, object_id=str(comment.pk)).exists()

    comment.restore(moderator)
    assert found(client, "watercolour") == ["Chen Wei on “Sketching outdoors”"]


def test_comments_of_a_blocked_member_disappear_until_unblocked(client, course_and_author):
    course, author = course_and_author
    comment = post(course, author, "Ink washes dry fast in the sun.")

    comment.hide_for_block()
    assert found(client, "washes") == []
    comment.unhide_after_block()
    assert found(client, "washes") == ["Chen Wei on “Sketching outdoors”"]


def test_a_comment_deleted_by_its_author_disappears(client, course_and_author):
    course, author = course_and_author
    comment = post(course, author, "Pastels need fixative.")

    comment.delete_by_author()

    assert found(client, "pastels") == []
