"""Sign-up: every change of a member's place in a course, and the waiting list.

    (none), left, declined --join--> pending (moderated course) | active | waiting (no place left)
    pending --accept--> active | waiting            pending, waiting --decline--> declined
    waiting --a place frees up--> active            active, waiting --remove--> removed
    pending, waiting, active --leave--> left        active, waiting --move--> another round, or own pace

Anything else is refused with a `Refusal` that says why, and changes nothing. Places are counted per group (one
round, or the learners at their own pace) under a row lock, so two learners can't take the last place at once; a
place freed by leaving, removal, a move or a block goes to whoever has waited longest in that group.
"""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page

from courses.models import SignupStatus

from . import emails
from .models import Round, Signup
from .permissions import Refusal, require_manager, require_participation

Status = Signup.Status
OWN_PACE = None  # the round of learners working through a course at their own pace


def describe(signup):
    """Where a member stands, in a sentence for them."""
    return {
        Status.PENDING: "You have applied to join; the organisers have not answered yet.",
        Status.WAITING: "You are on the waiting list.",
        Status.ACTIVE: "You are taking part in this course.",
        Status.DECLINED: "The organisers declined your request to join.",
        Status.REMOVED: "The organisers removed you from this course.",
        Status.LEFT: "You left this course.",
    }[signup.status]


def _lock(course, round):
    """Hold the group's row until the transaction ends, so its places are counted one change at a time."""
    if round is not None:
        Round.objects.select_for_update().filter(pk=round.pk).first()
    else:
        Page.objects.select_for_update().filter(pk=course.pk).values_list("pk", flat=True).first()


def places_taken(course, round, excluding=None):
    taken = Signup.objects.taking_part().in_group(course, round)
    if excluding is not None:
        taken = taken.exclude(pk=excluding.pk)
    return taken.count()


def has_place(course, round, excluding=None):
    return course.capacity is None or places_taken(course, round, excluding) < course.capacity


def _set(signup, status, by=None):
    now = timezone.now()
    signup.status = status
    signup.status_changed_at = now
    if status == Status.ACTIVE:
        signup.joined_at = now
    if by is not None:
        signup.decided_by = by


def _admit(signup, by=None):
    """A place if the group has one, else the end of its waiting list."""
    _set(signup, Status.ACTIVE if has_place(signup.course, signup.round, excluding=signup) else Status.WAITING, by)


def check_round(course, round):
    """`round` as a valid choice for a learner of `course` now; OWN_PACE is always open."""
    if course.self_paced:
        if round is not OWN_PACE:
            raise Refusal("This course has no rounds: everyone works through it at their own pace.")
        return OWN_PACE
    if round is OWN_PACE:
        return OWN_PACE
    if round.course_id != course.pk:
        raise Refusal("That round is not part of this course.")
    if not round.accepts_signups():
        raise Refusal(f"{round.label} started too long ago to join. Pick a later round, or work at your own pace.")
    return round


def join(user, course, round=OWN_PACE, answer=""):
    """Sign `user` up for `course` in `round`; in a moderated course this is an application."""
    require_participation(user)
    if not course.live:
        raise Refusal("This course is not published.", status=404)
    if course.signup_status == SignupStatus.CLOSED:
        raise Refusal("Sign-up for this course is closed.")
    existing = Signup.objects.filter(user=user, course=course).first()
    if existing and existing.is_current:
        raise Refusal(f"You have already signed up. {describe(existing)}")
    if existing and existing.status == Status.REMOVED:
        raise Refusal(
            "The organisers removed you from this course, so you cannot join it again. "
            "Write to them if you think this is a mistake.",
            status=403,
        )
    round = check_round(course, round)
    moderated = course.signup_status == SignupStatus.MODERATED
    answer = (answer or "").strip()
    if moderated and course.signup_question and not answer:
        raise Refusal("Answer the organisers’ question to apply.")

    signup = existing or Signup(user=user, course=course)
    signup.course = course
    signup.round = round
    signup.answer = answer if moderated else ""
    signup.decision_note = ""
    signup.decided_by = None
    try:
        with transaction.atomic():
            _lock(course, round)
            if moderated:
                _set(signup, Status.PENDING)
            else:
                _admit(signup)
            signup.save()
    except IntegrityError:
        # The same member signed up in another request a moment ago: that one stands.
        raise Refusal("You have already signed up for this course.") from None
    if signup.status == Status.PENDING:
        emails.application_received(signup)
    return signup


def accept(signup, by):
    """An organiser accepts an application: a place, or the waiting list if the group is full."""
    require_manager(by, signup.course)
    with transaction.atomic():
        signup = _reload(signup)
        if signup.status != Status.PENDING:
            raise Refusal(
                f"Only applications awaiting an answer can be accepted; this member’s is “{signup.get_status_display().lower()}”."
            )
        _lock(signup.course, signup.round)
        _admit(signup, by=by)
        signup.save()
    emails.learner_told(signup, "accepted" if signup.status == Status.ACTIVE else "accepted_waiting")
    return signup


def _end(signup, status, allowed, refusal, by=None, note=""):
    """Move a sign-up out of play (declined, removed, left); a place it held goes to the waiting list."""
    with transaction.atomic():
        signup = _reload(signup)
        if signup.status not in allowed:
            raise Refusal(refusal)
        held_place = signup.status == Status.ACTIVE
        _lock(signup.course, signup.round)
        _set(signup, status, by=by)
        if by is not None:
            signup.decision_note = (note or "").strip()
        signup.save()
        promoted = promote_waiting(signup.course, signup.round) if held_place else []
    return signup, promoted


def decline(signup, by, note=""):
    require_manager(by, signup.course)
    refusal = "Only applications and the waiting list can be declined; remove a participant instead."
    signup, _ = _end(signup, Status.DECLINED, (Status.PENDING, Status.WAITING), refusal, by, note)
    emails.learner_told(signup, "declined")
    return signup


def remove(signup, by, note=""):
    require_manager(by, signup.course)
    refusal = "Only participants and people on the waiting list can be removed."
    signup, promoted = _end(signup, Status.REMOVED, (Status.ACTIVE, Status.WAITING), refusal, by, note)
    emails.learner_told(signup, "removed")
    return signup, promoted


def leave(signup):
    """The learner leaves (or withdraws an application, or leaves the waiting list); their progress is kept."""
    return _end(signup, Status.LEFT, Signup.CURRENT, "You are not signed up for this course.")


def move(signup, round):
    """Move to a later round, or on to one's own pace; a waiting learner joins the new group's list if it is full."""
    course = signup.course
    with transaction.atomic():
        signup = _reload(signup)
        if signup.status not in (Status.ACTIVE, Status.WAITING):
            raise Refusal("Only learners taking part or waiting for a place can change round.")
        if course.self_paced:
            raise Refusal("This course has no rounds: everyone works through it at their own pace.")
        round = check_round(course, round)
        if (round.pk if round else None) == signup.round_id:
            raise Refusal("You are already in that group.")
        old_round, held_place = signup.round, signup.status == Status.ACTIVE
        _lock(course, round)
        if held_place and not has_place(course, round):
            target = round.label if round else "The own-pace group"
            raise Refusal(f"{target} is full. Stay where you are, or pick another round.")
        signup.round = round
        _admit(signup)
        signup.save()
        promoted = []
        if held_place:
            _lock(course, old_round)
            promoted = promote_waiting(course, old_round)
    return signup, promoted


def promote_waiting(course, round):
    """Give free places in a group to the longest-waiting learners (call inside a transaction holding the lock)."""
    waiting = Signup.objects.filter(course=course, round=round, status=Status.WAITING, user__blocked_at__isnull=True)
    waiting = waiting.select_related("user", "course", "round").order_by("status_changed_at", "pk")
    if course.capacity is not None:
        free = course.capacity - places_taken(course, round)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for signup in promoted:
        _set(signup, Status.ACTIVE)
        signup.save(update_fields=["status", "status_changed_at", "joined_at"])
        emails.learner_told(signup, "promoted")
    return promoted


def fill_free_places(course):
    """After capacity grows or a participant is blocked: move every group's waiting list up."""
    groups = Signup.objects.filter(course=course, status=Status.WAITING).values_list("round_id", flat=True).distinct()
    rounds = {round.pk: round for round in Round.objects.filter(course=course)}
    promoted = []
    for round_id in set(groups):
        round = rounds.get(round_id) if round_id else OWN_PACE
        with transaction.atomic():
            _lock(course, round)
            promoted += promote_waiting(course, round)
    return promoted


def waiting_position(signup):
    """1 for the next learner to get a place in their group."""
    earlier = Signup.objects.filter(
        course_id=signup.course_id, round_id=signup.round_id, status=Status.WAITING, user__blocked_at__isnull=True
    ).filter(
        Q(status_changed_at__lt=signup.status_changed_at)
        | Q(status_changed_at=signup.status_changed_at, pk__lt=signup.pk)
    )
    return earlier.count() + 1


def _reload(signup):
    """The sign-up as stored now, locked for this transaction, so two organisers can't decide it at once."""
    fresh = Signup.objects.select_for_update(of=("self",)).select_related("course", "round", "user").get(pk=signup.pk)
    fresh.course = signup.course if signup.course.pk == fresh.course_id else fresh.course
    return fresh
