"""Pages and documents of the badges app: the badge list and pages, earning forms, and Open Badges documents."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_POST

from core.ratelimit import RateLimit

from . import conf, documents
from .awarding import (
    AwardRefused,
    award_by_organiser,
    can_review,
    completion_model,
    review_submission,
    submit_evidence,
)
from .credentials import signed_credential
from .forms import AwardForm, ReviewForm, SubmissionForm
from .images import badge_image_bytes, bake
from .keys import find_key
from .models import Assertion, Badge, EarningPath, Review, Submission

PER_PAGE = 24
HOLDERS_SHOWN = 60


# Open Badges documents


def ld_response(document, status=200, max_age=300):
    """JSON-LD for verifiers and backpacks: any origin may read it; caches may keep it a few minutes."""
    response = JsonResponse(
        document, status=status, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=max_age)
    return response


@require_GET
def issuer_json(request):
    return ld_response(documents.issuer_document())


@require_GET
def jwks_json(request):
    response = JsonResponse(documents.jwks_document(), content_type="application/jwk-set+json")
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_GET
def key_json(request, kid):
    key = find_key(kid)
    if key is None:
        raise Http404
    return ld_response(documents.key_document(key))


def badge_queryset():
    return Badge.objects.prefetch_related("course_links__course")


@require_GET
def badge_json(request, slug):
    return ld_response(documents.badge_class_document(get_object_or_404(badge_queryset(), slug=slug)))


@require_GET
def badge_image(request, slug, extension):
    badge = get_object_or_404(Badge, slug=slug)
    if extension != badge.image_format:
        return redirect("badges:image", slug=badge.slug, extension=badge.image_format, permanent=False)
    response = HttpResponse(cached_image(badge), content_type="image/svg+xml" if extension == "svg" else "image/png")
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=3600)
    return response


def cached_image(badge):
    """The badge's image bytes from the shared cache: drawing the default image takes tens of milliseconds."""
    key = f"badges:image:{badge.pk}:{badge.updated_at.timestamp()}"
    data = cache.get(key)
    if data is None:
        data = badge_image_bytes(badge)
        cache.set(key, data, 60 * 60 * 24)
    return data


def get_assertion(uuid):
    return get_object_or_404(
        Assertion.objects.select_related("badge", "recipient").prefetch_related("badge__course_links__course"),
        uuid=uuid,
    )


@require_GET
def assertion_json(request, uuid):
    assertion = get_assertion(uuid)
    if assertion.is_revoked:
        return ld_response(documents.revoked_assertion_document(assertion), status=410, max_age=60)
    return ld_response(documents.assertion_document(assertion), max_age=60)


def gone(assertion):
    return HttpResponse(
        f"This badge was revoked: {assertion.revocation.reason}", status=410, content_type="text/plain; charset=utf-8"
    )


@require_GET
def assertion_image(request, uuid, extension):
    """The badge image with this assertion baked in, named for download."""
    assertion = get_assertion(uuid)
    if assertion.is_revoked:
        return gone(assertion)
    if extension != assertion.badge.image_format:
        raise Http404
    document = json.dumps(documents.assertion_document(assertion), ensure_ascii=False)
    data = bake(cached_image(assertion.badge), document)
    response = HttpResponse(data, content_type="image/svg+xml" if extension == "svg" else "image/png")
    response["Content-Disposition"] = f'attachment; filename="{assertion.download_name}.{extension}"'
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_GET
def assertion_credential(request, uuid):
    """The Open Badges 3.0 credential (VC-JWT) for wallets."""
    assertion = get_assertion(uuid)
    if assertion.is_revoked:
        return gone(assertion)
    response = HttpResponse(signed_credential(assertion), content_type="application/jwt")
    response["Content-Disposition"] = f'attachment; filename="{assertion.download_name}.jwt"'
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=300)
    return response


# Pages


def holder_counts():
    active = (
        Assertion.objects.active()
        .filter(badge=OuterRef("pk"))
        .order_by()
        .values("badge")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(active, output_field=IntegerField()), 0)


@require_GET
def badge_index(request):
    badges = badge_queryset().annotate(holder_count=holder_counts())
    kinds = [(value, label) for value, label in EarningPath.choices]
    kind = request.GET.get("earned_by", "")
    if kind in EarningPath.values:
        badges = badges.filter(earned_by=kind)
    else:
        kind = ""
    page_obj = Paginator(badges, PER_PAGE).get_page(request.GET.get("page"))
    held = set()
    if request.user.is_authenticated:
        held = set(
            Assertion.objects.active()
            .filter(recipient=request.user, badge__in=page_obj.object_list)
            .values_list("badge_id", flat=True)
        )
    response = render(
        request,
        "badges/badge_index.html",
        {
            "badges": page_obj.object_list,
            "page_obj": page_obj,
            "kinds": kinds,
            "kind": kind,
            "held": held,
            "querystring": f"earned_by={kind}" if kind else "",
        },
    )
    return response


def badge_context(request, badge, submission_form=None, award_form=None):
    """What a badge's page shows, for everyone and for the member reading it."""
    holders = Assertion.objects.active().filter(badge=badge).select_related("recipient").order_by("-issued_on")
    context = {
        "badge": badge,
        "holders": list(holders[:HOLDERS_SHOWN]),
        "holder_count": holders.count(),
        "required_tasks": required_tasks(badge),
        "login_url": settings.LOGIN_URL,
    }
    user = request.user
    if not user.is_authenticated:
        return context
    mine = Assertion.objects.filter(badge=badge, recipient=user).first()
    is_organiser = badge.is_organiser(user)
    context.update(mine=mine, is_organiser=is_organiser)
    if badge.is_peer_assessed:
        submission = (
            Submission.objects.filter(badge=badge, learner=user)
            .prefetch_related(Prefetch("reviews", queryset=Review.objects.select_related("reviewer")))
            .first()
        )
        context["submission"] = submission
        if mine is None and user.can_participate and (submission is None or not submission.reviews.all()):
            context["submission_form"] = submission_form or SubmissionForm(instance=submission)
        if can_review(badge, user):
            context["to_review"] = submissions_to_review(badge, user)
    if badge.is_completion and mine is None:
        context["completion_progress"] = completion_progress(badge, user, context["required_tasks"])
    if badge.is_organiser_award and is_organiser and user.can_participate:
        context["award_form"] = award_form or AwardForm()
        context["award_candidates"] = award_candidates(badge)
    return context


def completion_progress(badge, user, required):
    """(course, done, total) for each course of a completion badge the member has started."""
    TaskCompletion = completion_model()
    if TaskCompletion is None or not required:
        return []
    task_ids = {task.pk for _, tasks, _ in required for task in tasks}
    done = set(TaskCompletion.objects.filter(user=user, task__in=task_ids).values_list("task_id", flat=True))
    progress = []
    for course, tasks, _ in required:
        count = sum(1 for task in tasks if task.pk in done)
        if count:
            progress.append((course, count, len(tasks)))
    return progress


def award_candidates(badge):
    """Members an organiser is likely to award: those who have completed tasks of the badge's courses."""
    TaskCompletion = completion_model()
    if TaskCompletion is None:
        return []
    learners = TaskCompletion.objects.filter(task__page__in=[course.pk for course in badge.courses]).values("user")
    return list(
        get_user_model()
        .objects.filter(pk__in=learners, blocked_at__isnull=True)
        .exclude(badge_assertions__badge=badge)
        .order_by("username")[:200]
    )


def required_tasks(badge):
    """For a completion badge: (course, tasks) for each course, the chosen tasks or all of them."""
    if not badge.is_completion:
        return []
    chosen = {link.task_id for link in badge.required_task_links.all()}
    result = []
    for course in badge.courses:
        tasks = list(course.tasks.all())
        picked = [task for task in tasks if task.pk in chosen]
        result.append((course, picked or tasks, bool(picked)))
    return result


def submissions_to_review(badge, reviewer):
    """Pending submissions `reviewer` may review and hasn't yet."""
    return list(
        Submission.objects.filter(badge=badge, assertion__isnull=True, learner__blocked_at__isnull=True)
        .exclude(learner=reviewer)
        .exclude(reviews__reviewer=reviewer)
        .select_related("learner")
        .annotate(review_count=Count("reviews"))
        .order_by("created_at")[:20]
    )


def get_badge(slug):
    return get_object_or_404(
        Badge.objects.prefetch_related("course_links__course__tasks", "required_task_links"), slug=slug
    )


@require_GET
def badge_detail(request, slug):
    badge = get_badge(slug)
    response = render(request, "badges/badge_detail.html", badge_context(request, badge))
    return response


def too_many_this_hour(action, user, per_hour):
    """Count one `action` by `user`; the seconds to wait once they did it more than `per_hour` times this hour."""
    return RateLimit(f"badges-{action}", user=(user.pk, [(per_hour, 60 * 60)])).hit()


@login_required
@require_POST
def submit(request, slug):
    badge = get_badge(slug)
    existing = Submission.objects.filter(badge=badge, learner=request.user).first()
    form = SubmissionForm(request.POST, instance=existing)
    status = 400
    if too_many_this_hour("submit", request.user, conf.submissions_per_hour()):
        form.add_error(None, "You have sent a lot of submissions in the last hour. Please try again later.")
        status = 429
    elif form.is_valid():
        try:
            submission, created = submit_evidence(
                badge, request.user, evidence_url=form.cleaned_data["evidence_url"], text=form.cleaned_data["text"]
            )
        except AwardRefused as refusal:
            form.add_error(None, refusal.message)
            status = 403
        else:
            messages.success(
                request,
                "Your work is submitted. The course organisers have been emailed, and members who hold the badge "
                "will find it waiting for their review."
                if created
                else "Your submission is updated.",
            )
            return redirect(submission)
    context = badge_context(request, badge, submission_form=form)
    context["submission_form"] = form
    return render(request, "badges/badge_detail.html", context, status=status)


@login_required
@require_POST
def award(request, slug):
    badge = get_badge(slug)
    form = AwardForm(request.POST)
    status = 400
    if not badge.is_organiser(request.user):
        messages.error(request, "Only the organisers of this badge’s courses can award it.")
        return render(request, "badges/badge_detail.html", badge_context(request, badge), status=403)
    if too_many_this_hour("award", request.user, conf.awards_per_hour()):
        form.add_error(None, "You have awarded a lot of badges in the last hour. Please try again later.")
        status = 429
    elif form.is_valid():
        try:
            assertion = award_by_organiser(
                badge, request.user, form.cleaned_data["recipient"], note=form.cleaned_data["note"]
            )
        except AwardRefused as refusal:
            form.add_error("recipient" if refusal.code == "recipient" else None, refusal.message)
        else:
            messages.success(request, f"{assertion.recipient.public_name} now holds {badge.name}.")
            return redirect(badge)
    context = badge_context(request, badge, award_form=form)
    context["award_form"] = form
    return render(request, "badges/badge_detail.html", context, status=status)


def submission_detail(request, slug, pk):
    """A submission with its reviews; holders and organisers review it here."""
    badge = get_badge(slug)
    submission = get_object_or_404(
        Submission.objects.select_related("learner", "assertion").prefetch_related(
            Prefetch("reviews", queryset=Review.objects.counted().select_related("reviewer"))
        ),
        badge=badge,
        pk=pk,
    )
    if submission.learner.is_blocked and not request.user.is_staff:
        raise Http404
    user = request.user
    assertion = getattr(submission, "assertion", None)
    form, status = None, 200
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        form = ReviewForm(request.POST)
        if too_many_this_hour("review", user, conf.reviews_per_hour()):
            form.add_error(None, "You have written a lot of reviews in the last hour. Please try again later.")
            status = 429
        elif form.is_valid():
            try:
                _, assertion = review_submission(
                    submission, user, rating=form.cleaned_data["rating"], comment=form.cleaned_data["comment"]
                )
            except AwardRefused as refusal:
                form.add_error(None, refusal.message)
                status = 403
            else:
                if assertion:
                    earned = f"{submission.learner.public_name} has earned {badge.name}!"
                    messages.success(request, f"Thank you for your review. {earned}")
                else:
                    messages.success(request, "Thank you for your review.")
                return redirect(submission)
        else:
            status = 400
    elif (
        user.is_authenticated
        and user.pk != submission.learner_id
        and assertion is None
        and can_review(badge, user)
        and not any(review.reviewer_id == user.pk for review in submission.reviews.all())
    ):
        form = ReviewForm()
    reviews = list(submission.reviews.all())
    ratings = [review.rating for review in reviews]
    context = {
        "badge": badge,
        "submission": submission,
        "reviews": reviews,
        "average": sum(ratings) / len(ratings) if ratings else None,
        "review_form": form,
        "assertion": assertion,
        "progress": min(100, round(100 * len(reviews) / badge.min_reviews)),
    }
    return render(request, "badges/submission_detail.html", context, status=status)


@require_GET
def assertion_detail(request, uuid):
    """The human-readable page of one awarded badge: who earned it, when, with what evidence."""
    assertion = get_assertion(uuid)
    response = render(
        request,
        "badges/assertion_detail.html",
        {"assertion": assertion, "badge": assertion.badge, "revocation": assertion.revocation},
        status=410 if assertion.is_revoked else 200,
    )
    response.public_cache_seconds = 60  # a revocation shows within a minute
    return response
