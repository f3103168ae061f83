"""The three ways to earn a badge — completing a course, peer assessment, an organiser's award — and the refusals.

Each path checks what it can first and gives a clear reason when it refuses; the unique constraint on
(badge, recipient) and row locks are what make an award happen exactly once when requests race.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone

from . import notifications
from .documents import absolute
from .models import Assertion, Badge, EarningPath, Review, Submission


class AwardRefused(ValidationError):
    """An earning step that is not allowed; its message is shown to the member as it is."""


def can_receive_badges(user):
    """Badges name a member by their email: only active, unblocked members with a confirmed address receive them."""
    return user.is_active and not user.is_blocked and user.email_confirmed and bool(user.email)


def issue(
    badge, recipient, *, earned_by, course=None, awarded_by=None, submission=None, note="", evidence=(), notify=True
):
    """Award `badge` to `recipient` unless they hold it already. Returns (assertion, created)."""
    existing = Assertion.objects.filter(badge=badge, recipient=recipient).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            assertion = Assertion.objects.create(
                badge=badge,
                recipient=recipient,
                earned_by=earned_by,
                course=course,
                awarded_by=awarded_by,
                submission=submission,
                note=note,
                evidence=list(evidence),
            )
    except IntegrityError:
        # Another request awarded it a moment ago: that one stands.
        return Assertion.objects.get(badge=badge, recipient=recipient), False
    if notify:
        notifications.award_made(assertion)
    return assertion, True


# Completion


def completion_model():
    """learning's record of a completed task, or None while the learning app has none."""
    try:
        return apps.get_model("learning", "TaskCompletion")
    except LookupError:
        return None


def award_for_completion(user, course, notify=True):
    """Award every completion badge of `course` whose tasks `user` has now completed. Returns the new assertions."""
    TaskCompletion = completion_model()
    if TaskCompletion is None or not user.is_active or user.is_blocked:
        return []
    badges = list(
        Badge.objects.filter(earned_by=EarningPath.COMPLETION, course_links__course=course)
        .exclude(assertions__recipient=user)
        .prefetch_related("required_task_links")
    )
    if not badges:
        return []
    course_tasks = {task.pk: task for task in course.tasks.all()}
    completions = {
        completion.task_id: completion
        for completion in TaskCompletion.objects.filter(user=user, task__page=course, task__in=course_tasks.keys())
    }
    awarded = []
    for badge in badges:
        chosen = [link.task_id for link in badge.required_task_links.all() if link.task_id in course_tasks]
        required = chosen or list(course_tasks)
        if not required or any(task_id not in completions for task_id in required):
            continue
        evidence = [completion_evidence(course, course_tasks[task_id], completions[task_id]) for task_id in required]
        assertion, created = issue(
            badge, user, earned_by=EarningPath.COMPLETION, course=course, evidence=evidence, notify=notify
        )
        if created:
            awarded.append(assertion)
    return awarded


def completion_evidence(course, task, completion):
    evidence_url = getattr(completion, "evidence_url", "") or ""
    completed_at = getattr(completion, "completed_at", None)
    narrative = f"Completed the task “{task.title}” of {course.title}"
    if completed_at:
        completed_on = timezone.localtime(completed_at)
        narrative += f" on {completed_on.day} {completed_on:%B %Y}"
    return {
        "id": evidence_url or absolute(course.url + f"#task-{task.pk}"),
        "name": task.title,
        "narrative": narrative + ".",
    }


# Peer assessment


def check_can_submit(badge, learner):
    if not badge.is_peer_assessed:
        raise AwardRefused("This badge is not earned by peer assessment.")
    if not learner.can_participate:
        raise AwardRefused("Confirm your email address to submit work for a badge.")
    if Assertion.objects.filter(badge=badge, recipient=learner).exists():
        raise AwardRefused("You already hold this badge.")


def submit_evidence(badge, learner, *, evidence_url, text):
    """Create or revise `learner`'s submission for `badge`; refused once it has reviews."""
    check_can_submit(badge, learner)
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(badge=badge, learner=learner).first()
        if submission is None:
            try:
                with transaction.atomic():
                    submission = Submission.objects.create(
                        badge=badge, learner=learner, evidence_url=evidence_url, text=text
                    )
                notifications.submission_made(submission)
                return submission, True
            except IntegrityError:
                submission = Submission.objects.select_for_update().get(badge=badge, learner=learner)
        if submission.reviews.exists():
            raise AwardRefused("Your submission has been reviewed already, so it can no longer be changed.")
        submission.evidence_url = evidence_url
        submission.text = text
        submission.save(update_fields=["evidence_url", "text", "updated_at"])
        return submission, False


def can_review(badge, reviewer):
    """Holders of the badge (not revoked) and the organisers of its courses may review."""
    if not reviewer.is_authenticated or not reviewer.can_participate:
        return False
    return badge.is_organiser(reviewer) or Assertion.objects.active().filter(badge=badge, recipient=reviewer).exists()


def review_submission(submission, reviewer, *, rating, comment):
    """Record a review and award the badge when the submission now meets the badge's thresholds.

    Returns (review, assertion or None). The submission row is locked for the whole step, so two reviews arriving
    together are counted one after the other and can never both award.
    """
    badge = submission.badge
    with transaction.atomic():
        submission = Submission.objects.select_for_update().select_related("badge", "learner").get(pk=submission.pk)
        if submission.learner_id == reviewer.pk:
            raise AwardRefused("You can’t review your own submission.")
        if not reviewer.is_authenticated or not reviewer.can_participate:
            raise AwardRefused("Confirm your email address to review submissions.")
        if not can_review(badge, reviewer):
            raise AwardRefused("Only members who hold this badge, and the organisers of its courses, can review.")
        if Assertion.objects.filter(badge=badge, recipient=submission.learner_id).exists():
            raise AwardRefused("This submission has earned the badge already.")
        if submission.reviews.filter(reviewer=reviewer).exists():
            raise AwardRefused("You have already reviewed this submission.")
        try:
            with transaction.atomic():
                review = Review.objects.create(submission=submission, reviewer=reviewer, rating=rating, comment=comment)
        except IntegrityError as error:
            raise AwardRefused("You have already reviewed this submission.") from error
        assertion = None
        if meets_threshold(submission) and can_receive_badges(submission.learner):
            assertion, _ = issue(
                badge,
                submission.learner,
                earned_by=EarningPath.PEER_ASSESSMENT,
                course=next(iter(badge.courses), None),
                submission=submission,
                evidence=submission_evidence(submission),
            )
        return review, assertion


def review_stats(submission, exclude_reviewer=None):
    reviews = Review.objects.counted().filter(submission=submission)
    if exclude_reviewer is not None:
        reviews = reviews.exclude(reviewer=exclude_reviewer)
    return reviews.aggregate(count=Count("pk"), average=Avg("rating"))


def meets_threshold(submission, exclude_reviewer=None):
    stats = review_stats(submission, exclude_reviewer)
    badge = submission.badge
    return stats["count"] >= badge.min_reviews and stats["average"] >= float(badge.min_average_rating)


def submission_evidence(submission):
    return [
        {
            "id": absolute(submission.get_absolute_url()),
            "name": f"Submission for {submission.badge.name}, reviewed by peers",
            "narrative": submission.text,
        },
        {"id": submission.evidence_url, "name": "The learner’s work"},
    ]


# Organiser award


def award_by_organiser(badge, organiser, recipient, *, note):
    """An organiser of one of the badge's courses (or staff) awards it to a member, with a note."""
    if not badge.is_organiser_award:
        raise AwardRefused(
            "This badge is not awarded by organisers: it is earned by " + badge.get_earned_by_display().lower() + "."
        )
    if not badge.is_organiser(organiser) or not organiser.can_participate:
        raise AwardRefused("Only the organisers of this badge’s courses can award it.")
    if recipient.pk == organiser.pk and not organiser.is_staff:
        raise AwardRefused("You can’t award a badge to yourself.", code="recipient")
    if not can_receive_badges(recipient):
        raise AwardRefused(
            f"{recipient.public_name} can’t receive badges until their account is active and their email address is confirmed.",
            code="recipient",
        )
    if Assertion.objects.filter(badge=badge, recipient=recipient).exists():
        raise AwardRefused(f"{recipient.public_name} already holds this badge.", code="recipient")
    course = next(
        (course for course in badge.courses if organiser.pk in {link.user_id for link in course.organisers.all()}), None
    )
    assertion, created = record_organiser_award(badge, organiser, recipient, note=note, course=course)
    if not created:
        raise AwardRefused(f"{recipient.public_name} already holds this badge.", code="recipient")
    return assertion


def record_organiser_award(badge, organiser, recipient, *, note, course=None, notify=True):
    """Issue an organiser's award with its note as evidence (the checks are `award_by_organiser`'s)."""
    evidence = {
        "id": absolute(course.url if course else badge.get_absolute_url()),
        "name": f"Awarded by {organiser.public_name}",
        "narrative": note,
    }
    return issue(
        badge,
        recipient,
        earned_by=EarningPath.ORGANISER_AWARD,
        course=course,
        awarded_by=organiser,
        note=note,
        evidence=[evidence],
        notify=notify,
    )
