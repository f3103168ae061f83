from django import template
from django.db.models import Prefetch
from django.utils.safestring import mark_safe

import markdown as markdown_lib
import nh3

from ..models import Assertion, Badge, EarningPath, Review, Submission

register = template.Library()

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "code", "br", "blockquote", "h3", "h4"}


@register.filter
def markdown(text):
    """Editors' Markdown as safe HTML: a short list of tags, links that can't run script."""
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"])
    return mark_safe(  # noqa: S308 — nh3 has removed everything outside ALLOWED_TAGS
        nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}}, link_rel="nofollow noopener")
    )


@register.filter
def stars(rating):
    """★★★★☆ for 4: the visual part of a rating (the number is given alongside for screen readers)."""
    rating = max(0, min(5, round(rating or 0)))
    return "★" * rating + "☆" * (5 - rating)


@register.simple_tag
def field_widget(field):
    """The field's input, described by its help text and its errors, so screen readers announce both."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}_errors")
    attrs = {"aria-describedby": " ".join(described)} if described else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.inclusion_tag("badges/includes/backpack.html", takes_context=True)
def backpack(context, member):
    """The badges `member` holds, for their profile."""
    assertions = list(
        Assertion.objects.active().filter(recipient=member).select_related("badge", "course").order_by("-issued_on")
    )
    request = context.get("request")
    return {"member": member, "assertions": assertions, "is_own": request and request.user == member}


@register.inclusion_tag("badges/includes/my_badges.html", takes_context=True)
def my_badges(context):
    """The dashboard's badges panel: held badges, submissions in review, and reviews waiting for the member."""
    user = context["request"].user
    if not user.is_authenticated:
        return {"user": user}
    assertions = list(Assertion.objects.filter(recipient=user).select_related("badge").prefetch_related("revocations"))
    submissions = list(
        Submission.objects.filter(learner=user, assertion__isnull=True)
        .select_related("badge")
        .prefetch_related(Prefetch("reviews", queryset=Review.objects.counted()))
    )
    for submission in submissions:
        reviews = list(submission.reviews.all())
        submission.review_count = len(reviews)
        submission.progress = min(100, round(100 * len(reviews) / submission.badge.min_reviews))
    to_review = []
    if user.can_participate:
        reviewable = set(
            Assertion.objects.active()
            .filter(recipient=user, badge__earned_by=EarningPath.PEER_ASSESSMENT)
            .values_list("badge_id", flat=True)
        ) | set(
            Badge.objects.filter(
                earned_by=EarningPath.PEER_ASSESSMENT,
                course_links__course__organisers__user=user,
                course_links__course__live=True,
            ).values_list("pk", flat=True)
        )
        to_review = list(
            Submission.objects.filter(badge__in=reviewable, assertion__isnull=True, learner__blocked_at__isnull=True)
            .exclude(learner=user)
            .exclude(reviews__reviewer=user)
            .select_related("badge", "learner")
            .order_by("created_at")[:10]
        )
    return {
        "user": user,
        "assertions": assertions,
        "submissions": submissions,
        "to_review": to_review,
    }


@register.inclusion_tag("badges/includes/course_badges.html", takes_context=True)
def course_badges(context, course):
    """The badges a course offers, for its page."""
    badges = list(Badge.objects.filter(course_links__course=course).order_by("name"))
    held = set()
    request = context.get("request")
    if request and request.user.is_authenticated and badges:
        held = set(
            Assertion.objects.active()
            .filter(recipient=request.user, badge__in=badges)
            .values_list("badge_id", flat=True)
        )
    return {"badges": badges, "held": held, "course": course}


@register.inclusion_tag("badges/includes/earned_badges.html", takes_context=True)
def course_badges_earned(context, course):
    """The completion badges of `course` the reader holds, to tell them under their progress that they earned them."""
    request = context.get("request")
    if not request or not request.user.is_authenticated:
        return {"assertions": []}
    assertions = (
        Assertion.objects.active()
        .filter(recipient=request.user, badge__earned_by=EarningPath.COMPLETION, badge__course_links__course=course)
        .select_related("badge")
        .order_by("issued_on", "pk")
    )
    return {"assertions": list(assertions), "member": request.user}
