"""Every sign-up state transition, through the pages learners and organisers use, and every refusal.

A refusal says why and leaves the database exactly as it was.
"""

import datetime

from django.core import mail
from django.utils import timezone

import pytest

from learning import signups
from learning.models import Round, Signup
from learning.permissions import Refusal
from moderation.signals import member_blocked, member_unblocked
from people.models import User

from .factories import member, taking_part

Status = Signup.Status


def rows():
    """Everything about sign-ups that a refusal must leave alone."""
    return sorted(Signup.objects.values_list("user__username", "course_id", "round_id", "status", "answer"))


def status_of(user, course):
    return Signup.objects.get(user=user, course=course).status


def first_round(course):
    return course.rounds.get(number=1)


def join(client, user, course, **data):
    client.force_login(user)
    return client.post(f"{course.url}join/", data)


# Open courses


def test_joining_an_open_course_gives_a_place_at_once(client, course, lena, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = join(client, lena, course, round=first_round(course).pk)

    assert response.status_code == 302
    assert response["Location"] == f"{course.url}#learning"
    signup = Signup.objects.get(user=lena, course=course)
    assert (signup.status, signup.round, signup.joined_at is not None) == (Status.ACTIVE, first_round(course), True)
    assert mail.outbox == []  # nothing to tell: they see it on the page
    page = client.get(course.url).content.decode()
    assert "You’re taking part" in page
    assert "1</strong> learner taking part" in page


def test_signing_up_twice_is_refused_and_changes_nothing(client, course, lena):
    join(client, lena, course, round=first_round(course).pk)
    before = rows()

    response = client.post(f"{course.url}join/", {"round": first_round(course).pk}, follow=True)

    assert rows() == before
    assert "You are taking part in this course." in response.content.decode()
    with pytest.raises(Refusal, match="already signed up"):
        signups.join(lena, course, first_round(course))
    assert rows() == before


def test_a_closed_course_refuses_sign_up(client, course, lena):
    course.signup_status = "closed"
    course.save_revision().publish()

    response = join(client, lena, course, round=first_round(course).pk)

    assert response.status_code == 400
    assert "Sign-up for this course is closed." in response.content.decode()
    assert rows() == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email_confirmed_at": None}, "Confirm your email address first"),
        ({"blocked_at": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)}, "Your account is blocked"),
    ],
)
def test_members_who_may_not_participate_are_refused(client, course, lena, change, message):
    User.objects.filter(pk=lena.pk).update(**change)

    response = join(client, lena, course, round=first_round(course).pk)

    assert response.status_code == 403
    assert message in response.content.decode()
    assert rows() == []


def test_anonymous_visitors_are_sent_to_log_in(client, course):
    response = client.post(f"{course.url}join/", {"round": first_round(course).pk})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert rows() == []
    assert "Log in to join" in client.get(course.url).content.decode()


def test_join_is_only_a_post_that_changes_anything(client, course, lena):
    client.force_login(lena)

    response = client.get(f"{course.url}join/")

    assert response.status_code == 200
    assert rows() == []


# Capacity and the waiting list


@pytest.fixture
def small_course(course):
    course.capacity = 2
    course.save_revision().publish()
    return course


def test_past_capacity_learners_join_the_waiting_list(client, small_course, lena, omar, priya):
    round = first_round(small_course)
    for person in (lena, omar):
        taking_part(small_course, person)

    response = join(client, priya, small_course, round=round.pk)

    assert response.status_code == 302
    assert status_of(priya, small_course) == Status.WAITING
    page = client.get(small_course.url).content.decode()
    assert "You’re number <strong>1</strong>" in page


def test_the_waiting_list_moves_up_in_order_when_someone_leaves(
    client, small_course, lena, omar, priya, django_capture_on_commit_callbacks
):
    taking_part(small_course, lena)
    taking_part(small_course, omar)
    round = first_round(small_course)
    kemal = member("kemal")
    for person in (priya, kemal):
        signups.join(person, small_course, round)
    assert signups.waiting_position(Signup.objects.get(user=kemal)) == 2

    client.force_login(lena)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{small_course.url}leave/")

    assert response.status_code == 302
    assert status_of(lena, small_course) == Status.LEFT
    assert status_of(priya, small_course) == Status.ACTIVE
    assert status_of(kemal, small_course) == Status.WAITING
    assert signups.waiting_position(Signup.objects.get(user=kemal)) == 1
    assert [message.to for message in mail.outbox] == [[priya.email]]
    assert mail.outbox[0].subject == "A place opened up: you’re in Python study group"


def test_a_blocked_participant_frees_their_place_until_unblocked(small_course, lena, omar, priya, moderator):
    taking_part(small_course, lena)
    taking_part(small_course, omar)
    signups.join(priya, small_course, first_round(small_course))

    User.objects.filter(pk=lena.pk).update(blocked_at=timezone.now())
    member_blocked.send(sender=User, user=lena, moderator=moderator)

    assert status_of(priya, small_course) == Status.ACTIVE
    assert Signup.objects.taking_part().filter(course=small_course).count() == 2

    User.objects.filter(pk=lena.pk).update(blocked_at=None)
    member_unblocked.send(sender=User, user=lena, moderator=moderator)

    # Nothing was taken away from either of them: the organisers see the group one over for a while.
    assert Signup.objects.taking_part().filter(course=small_course).count() == 3


def test_a_bigger_capacity_gives_the_waiting_list_its_places(small_course, lena, omar, priya):
    taking_part(small_course, lena)
    taking_part(small_course, omar)
    signups.join(priya, small_course, first_round(small_course))

    small_course.capacity = 3
    small_course.save_revision().publish()

    assert status_of(priya, small_course) == Status.ACTIVE


def test_leaving_is_refused_when_not_signed_up(client, course, lena):
    client.force_login(lena)

    response = client.post(f"{course.url}leave/", follow=True)

    assert "You are not signed up for this course." in response.content.decode()
    assert rows() == []


# Moderated courses


def test_an_application_needs_an_answer_to_the_question(client, moderated, lena):
    response = join(client, lena, moderated, round=first_round(moderated).pk, answer="   ")

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert rows() == []


def test_applying_tells_the_organisers(client, moderated, lena, olu, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        join(client, lena, moderated, round=first_round(moderated).pk, answer="A quiz for my class.")

    signup = Signup.objects.get(user=lena)
    assert (signup.status, signup.answer) == (Status.PENDING, "A quiz for my class.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [olu.email]
    assert message.subject == "Lena Berg asked to join JavaScript for the curious"
    assert "A quiz for my class." in message.body
    assert f"http://testserver{moderated.url}participants/?status=pending" in message.body
    assert "Application sent" in client.get(moderated.url).content.decode()


def test_only_organisers_accept(client, moderated, lena, omar):
    signups.join(lena, moderated, first_round(moderated), "A quiz.")
    signup = Signup.objects.get(user=lena)
    before = rows()

    client.force_login(omar)
    response = client.post(f"{moderated.url}participants/{signup.pk}/accept/")

    assert response.status_code == 403
    assert "Only the organisers of this course can see this page." in response.content.decode()
    assert rows() == before
    with pytest.raises(Refusal, match="Only the organisers"):
        signups.accept(signup, omar)
    assert rows() == before


def test_an_organiser_accepts_and_the_learner_is_told(client, moderated, lena, olu, django_capture_on_commit_callbacks):
    signups.join(lena, moderated, first_round(moderated), "A quiz.")
    signup = Signup.objects.get(user=lena)
    client.force_login(olu)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{moderated.url}participants/{signup.pk}/accept/", follow=True)

    assert "Lena Berg is accepted." in response.content.decode()
    signup.refresh_from_db()
    assert (signup.status, signup.decided_by) == (Status.ACTIVE, olu)
    assert [(m.to, m.subject) for m in mail.outbox] == [([lena.email], "You’re in: JavaScript for the curious")]
    assert "Round 1, which starts on Monday 8 March 2027" in mail.outbox[0].body


def test_accepting_into_a_full_round_puts_the_learner_on_the_waiting_list(
    moderated, lena, omar, olu, django_capture_on_commit_callbacks
):
    moderated.capacity = 1
    moderated.save_revision().publish()
    for person in (omar, lena):
        signups.join(person, moderated, first_round(moderated), "Games.")
    signups.accept(Signup.objects.get(user=omar), olu)

    with django_capture_on_commit_callbacks(execute=True):
        signup = signups.accept(Signup.objects.get(user=lena), olu)

    assert signup.status == Status.WAITING
    assert mail.outbox[-1].subject == "You’re on the waiting list for JavaScript for the curious"
    assert "You’re number 1 on the waiting list" in mail.outbox[-1].body


def test_accepting_twice_is_refused(moderated, lena, olu):
    signups.join(lena, moderated, first_round(moderated), "Games.")
    signups.accept(Signup.objects.get(user=lena), olu)
    before = rows()

    with pytest.raises(Refusal, match="Only applications awaiting an answer can be accepted"):
        signups.accept(Signup.objects.get(user=lena), olu)
    assert rows() == before


def test_declining_with_a_note_tells_the_learner_who_may_apply_again(
    client, moderated, lena, olu, django_capture_on_commit_callbacks
):
    signups.join(lena, moderated, first_round(moderated), "Games.")
    signup = Signup.objects.get(user=lena)
    client.force_login(olu)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{moderated.url}participants/{signup.pk}/decline/", {"note": "Please try the spring round."})

    signup.refresh_from_db()
    assert (signup.status, signup.decision_note) == (Status.DECLINED, "Please try the spring round.")
    assert mail.outbox[-1].to == [lena.email]
    assert "They wrote: Please try the spring round." in mail.outbox[-1].body

    client.force_login(lena)
    assert "The organisers declined your last request" in client.get(moderated.url).content.decode()
    join(client, lena, moderated, round=first_round(moderated).pk, answer="A quiz for the spring.")
    assert status_of(lena, moderated) == Status.PENDING


def test_staff_moderators_may_manage_any_course_but_other_staff_may_not(moderated, lena, moderator):
    signups.join(lena, moderated, first_round(moderated), "Games.")
    plain_staff = member("staffer", is_staff=True)

    with pytest.raises(Refusal):
        signups.accept(Signup.objects.get(user=lena), plain_staff)
    assert status_of(lena, moderated) == Status.PENDING

    signups.accept(Signup.objects.get(user=lena), moderator)
    assert status_of(lena, moderated) == Status.ACTIVE


def test_removed_learners_cannot_join_again(client, course, lena, olu, django_capture_on_commit_callbacks):
    signup = taking_part(course, lena)
    client.force_login(olu)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{course.url}participants/{signup.pk}/remove/", {"note": "Spam links in the discussion."})
    assert status_of(lena, course) == Status.REMOVED
    assert mail.outbox[-1].subject == "You were removed from Python study group"
    before = rows()

    response = join(client, lena, course, round=first_round(course).pk)

    assert response.status_code == 403
    assert "The organisers removed you from this course" in response.content.decode()
    assert rows() == before


# Rounds


@pytest.fixture
def spring(course):
    return Round.objects.create(course=course, number=2, name="Spring", start_date=datetime.date(2027, 4, 12))


def test_a_learner_picks_a_later_round(client, course, spring, lena):
    response = join(client, lena, course, round=spring.pk)

    assert response.status_code == 302
    assert Signup.objects.get(user=lena).round == spring


def test_a_round_of_another_course_is_refused(client, course, make_course, lena):
    other = make_course(title="Other", slug="other")
    foreign = Round.objects.create(course=other, number=1, start_date=datetime.date(2027, 5, 1))

    with pytest.raises(Refusal, match="That round is not part of this course."):
        signups.join(lena, course, foreign)
    response = join(client, lena, course, round=foreign.pk)  # not among the form's choices

    assert response.status_code == 400
    assert rows() == []


def test_a_round_that_started_long_ago_is_refused(course, lena):
    old = Round.objects.create(course=course, number=2, start_date=timezone.localdate() - datetime.timedelta(days=60))

    with pytest.raises(Refusal, match="started too long ago"):
        signups.join(lena, course, old)
    assert rows() == []


def test_a_self_paced_course_has_no_rounds(self_paced, course, lena):
    with pytest.raises(Refusal, match="no rounds"):
        signups.join(lena, self_paced, first_round(course))

    signup = signups.join(lena, self_paced)

    assert (signup.status, signup.round) == (Status.ACTIVE, None)


def test_a_learner_who_fell_behind_moves_to_a_later_round(client, course, spring, lena):
    taking_part(course, lena)
    client.force_login(lena)

    response = client.post(f"{course.url}move/", {"round": spring.pk}, follow=True)

    assert "You moved to Round 2: Spring. Your progress comes with you." in response.content.decode()
    assert Signup.objects.get(user=lena).round == spring


def test_or_continues_at_their_own_pace(client, course, lena):
    taking_part(course, lena)
    client.force_login(lena)

    client.post(f"{course.url}move/", {"round": "own-pace"})

    signup = Signup.objects.get(user=lena)
    assert (signup.status, signup.round) == (Status.ACTIVE, None)


def test_moving_into_a_full_round_is_refused(client, course, spring, lena, omar, priya):
    course.capacity = 1
    course.save_revision().publish()
    taking_part(course, lena)
    taking_part(course, omar, spring)
    before = rows()

    client.force_login(lena)
    response = client.post(f"{course.url}move/", {"round": spring.pk})

    assert response.status_code == 400
    assert "Round 2: Spring is full." in response.content.decode()
    assert rows() == before


def test_moving_frees_the_old_place_for_the_waiting_list(course, spring, lena, omar):
    course.capacity = 1
    course.save_revision().publish()
    taking_part(course, lena)
    signups.join(omar, course, first_round(course))

    signups.move(Signup.objects.get(user=lena), spring)

    assert status_of(omar, course) == Status.ACTIVE


def test_moving_to_the_same_round_is_refused(course, lena):
    signup = taking_part(course, lena)
    before = rows()

    with pytest.raises(Refusal, match="already in that group"):
        signups.move(signup, first_round(course))
    assert rows() == before


def test_round_one_follows_the_course_start_date(course):
    course.start_date = datetime.date(2027, 2, 1)
    course.save_revision().publish()

    assert first_round(course).start_date == datetime.date(2027, 2, 1)


def test_signing_up_is_rate_limited(client, make_course, lena, settings):
    settings.LEARNING_SIGNUP_LIMIT = (2, 3600)
    courses = [make_course(title=f"Course {n}", slug=f"course-{n}", self_paced=True, start_date=None) for n in range(3)]
    for course in courses[:2]:
        join(client, lena, course)

    response = join(client, lena, courses[2])

    assert response.status_code == 429
    assert "You are doing that too often." in response.content.decode()
    assert Signup.objects.filter(user=lena).count() == 2
