"""/dashboard/: my courses with progress, meetings, applications, waiting lists, and activity in what I follow."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from learning import activity, progress, signups
from learning.models import Announcement, Follow, Signup
from people.models import User
from tests.core.test_blocks import MEETING
from tests.factories import WikiPageFactory

from .factories import member, taking_part


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_dashboard_needs_a_login(client):
    response = client.get("/dashboard/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/dashboard/")


def test_my_courses_show_progress_and_where_to_pick_up(client, course, lena):
    taking_part(course, lena)
    first, second, third = course.tasks.order_by("sort_order")
    progress.complete(lena, course, first.pk)

    page = dashboard(client, lena)

    assert "Python study group" in page
    assert "<strong data-learning-done>1</strong> of <span data-learning-total>3</span> tasks done" in page
    assert f'href="{course.url}#task-{second.pk}">{second.title}</a>' in page
    assert "Round 1" in page


def test_applications_and_waiting_lists_are_shown(client, course, moderated, lena, omar):
    signups.join(lena, moderated, moderated.rounds.get(number=1), "A quiz.")
    course.capacity = 1
    course.save_revision().publish()
    taking_part(course, omar)
    signups.join(lena, course, course.rounds.get(number=1))

    page = dashboard(client, lena)

    assert "Awaiting an answer" in page
    assert "JavaScript for the curious" in page
    assert "Waiting list: number 1" in page


def test_next_meetings_come_from_my_groups(client, course, lena):
    course.body = [
        ("meeting", {**MEETING, "date": timezone.localdate() + datetime.timedelta(days=3)}),
    ]
    course.start_date = timezone.localdate() + datetime.timedelta(days=2)
    course.save_revision().publish()
    taking_part(course, lena)

    page = dashboard(client, lena)

    assert page.count('class="dash-meeting"') == 3
    assert "#p2pu-python on irc.libera.chat" in page


def test_courses_i_organise_show_applications_awaiting_me(client, moderated, olu, lena):
    signups.join(lena, moderated, moderated.rounds.get(number=1), "A quiz.")

    page = dashboard(client, olu)

    assert "Courses I organise" in page
    assert "1 awaiting your answer" in page
    assert f"{moderated.url}participants/?status=pending" in page


def test_the_badges_section_is_included(client, lena):
    assert 'id="my-badges-heading"' in dashboard(client, lena)


# Following and recent activity


def test_activity_in_followed_courses_pages_and_people(client, course, site_tree, lena, omar, olu):
    wiki_page = WikiPageFactory(parent=site_tree.wiki, title="Organiser handbook")
    Follow.follow(lena, course)
    Follow.follow(lena, wiki_page)
    Follow.follow(lena, omar)
    wiki_page.summary = "Updated."
    wiki_page.save_revision(user=olu, log_action=True).publish(user=olu, skip_permission_checks=True)
    Announcement.objects.create(course=course, author=olu, subject="Week 2 is here", body="Chapter 3.", status="sent")
    taking_part(course, omar)
    priya = member("priya2", first_name="Priya", last_name="Nair")
    taking_part(course, priya)

    page = dashboard(client, lena)

    assert "Olu Adeyemi</a>\n" in page and "updated" in page and "Organiser handbook" in page
    assert "sent an announcement to" in page and "Week 2 is here" in page
    # Two people joining one course make one line.
    assert page.count("activity__item--joined") == 1
    assert "Priya Nair</a> and <a" in page or "Omar Haddad</a> and <a" in page


def test_activity_leaves_out_private_pages_my_own_actions_and_blocked_members(client, course, site_tree, lena, omar):
    secret = WikiPageFactory(parent=site_tree.wiki, title="Secret plans")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    Follow.follow(lena, secret)
    Follow.follow(lena, course)
    secret.save_revision(user=omar, log_action=True).publish(user=omar, skip_permission_checks=True)
    taking_part(course, lena)
    taking_part(course, omar)
    User.objects.filter(pk=omar.pk).update(blocked_at=timezone.now())

    items = activity.recent(lena, [course.pk])

    assert items == []
    assert "Secret plans" not in dashboard(client, lena)


def test_comments_in_followed_pages_show_when_the_discussion_is_there(client, course, lena, omar):
    from discussion.models import Comment

    Follow.follow(lena, course)
    Comment.post(page=course, user=omar, text="Is the meeting at 19:00 London time?", ip_address="203.0.113.9")

    page = dashboard(client, lena)

    assert "commented on" in page
    assert "Is the meeting at 19:00 London time?" in page


def test_the_following_list_lets_me_unfollow(client, course, lena, omar):
    Follow.follow(lena, course)
    Follow.follow(lena, omar)

    page = dashboard(client, lena)

    assert page.count("data-learning-follow-label>Following<") == 2


def test_nothing_followed_explains_how(client, lena):
    assert "Use the Follow buttons on courses, wiki pages and profiles." in dashboard(client, lena)


@pytest.mark.parametrize("status", [Signup.Status.LEFT, Signup.Status.DECLINED, Signup.Status.REMOVED])
def test_courses_i_am_no_longer_in_are_not_listed(client, course, lena, status):
    Signup.objects.create(user=lena, course=course, status=status)

    assert "You haven’t joined anything yet." in dashboard(client, lena)
