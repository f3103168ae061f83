import pytest

from learning.models import Follow
from tests.factories import UserFactory, WikiPageFactory


def test_follow_and_unfollow_a_page_and_a_person(site_tree, make_course):
    learner, organiser = UserFactory(), UserFactory()
    course = make_course()

    Follow.follow(learner, course)
    Follow.follow(learner, course)  # twice is still once
    Follow.follow(learner, organiser)

    assert Follow.objects.filter(user=learner).count() == 2
    assert list(Follow.followers_of(course)) == [learner]
    # A page is the same page whether it is held as its specific type or as a plain Page.
    assert Follow.is_following(learner, course.page_ptr)
    assert list(Follow.followers_of(organiser)) == [learner]

    Follow.unfollow(learner, course)

    assert not Follow.is_following(learner, course)
    assert Follow.is_following(learner, organiser)


def test_followers_of_one_page_are_not_followers_of_another(site_tree):
    reader = UserFactory()
    first = WikiPageFactory(parent=site_tree.wiki)
    second = WikiPageFactory(parent=site_tree.wiki)

    Follow.follow(reader, first)

    assert Follow.followers_of(second).count() == 0


@pytest.mark.django_db
def test_anonymous_visitors_follow_nothing(site_tree):
    from django.contrib.auth.models import AnonymousUser

    assert not Follow.is_following(AnonymousUser(), site_tree.wiki)
