"""Learners' views: joining, leaving and changing round, marking tasks done, following, calendars, the dashboard.

Course sub-pages (`<course-url>join/`, `tasks/…`) are page actions (see `apps.py`), so Wagtail has checked the
page is live and the reader may see it. Everything that changes state is a POST; a refusal changes nothing and
says why. learning.js asks for JSON to update a page in place; without it every form posts and redirects back.
"""

import re
from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wagtail.models import Page, Site

from core.blocks import TaskStreamBlock
from core.ratelimit import RateLimit, client_ip, wait_message
from core.requests import safe_next, wants_json
from courses.models import CoursePage

from . import calendars, progress, signups
from . import dashboard as dashboard_data
from .conf import conf
from .course_state import CourseLearning
from .emails import read_unsubscribe_token
from .forms import JoinForm, MoveForm
from .models import CalendarFeed, Follow, Signup, task_content
from .permissions import Refusal, participation_refusal

Status = Signup.Status


def posted(request):
    """The submitted data of a POST (even an empty one), for binding a form; None otherwise."""
    return request.POST if request.method == "POST" else None


def refuse(request, course, refusal, anchor="learning"):
    """Say why nothing happened: JSON for the script, else a message on the course page."""
    if wants_json(request):
        return JsonResponse({"ok": False, "message": refusal.message}, status=refusal.status)
    messages.error(request, refusal.message)
    return redirect(f"{course.url}#{anchor}")


TASK_ERROR_KEY = "learning_task_error"


def rate_limited(request, action, limit):
    """A Refusal when this member (or, three times as generously, their address) did `action` too often, else None."""
    count, seconds = limit
    wait = RateLimit(
        f"learning-{action}", user=(request.user.pk, [limit]), ip=(client_ip(request), [(count * 3, seconds)])
    ).hit()
    return Refusal(wait_message(wait, "You are doing that too often."), status=429) if wait else None


def signed_in(view):
    """Anonymous readers go to the login page (and come back here) instead of seeing a refusal."""

    @wraps(view)
    def wrapper(request, course, rest):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, course, rest)

    return wrapper


def no_rest(view):
    @wraps(view)
    def wrapper(request, course, rest):
        if rest:
            raise Http404
        return view(request, course, rest)

    return wrapper


# Joining, leaving, changing round


JOINED_MESSAGES = {
    Status.ACTIVE: "Welcome! You’re taking part in {course}.",
    Status.WAITING: "{course} is full, so you’re on the waiting list. We’ll email you when a place opens up.",
    Status.PENDING: "Your application is sent. The organisers will answer soon; we’ll email you.",
}


@no_rest
@signed_in
def join(request, course, rest):
    learning = CourseLearning.for_request(request, course)
    if learning.signup and learning.signup.is_current:
        messages.info(request, signups.describe(learning.signup))
        return redirect(f"{course.url}#learning")
    form = JoinForm(learning, posted(request))
    error = participation_refusal(request.user)
    status = 200
    if request.method == "POST" and not error:
        if form.is_valid():
            try:
                refusal = rate_limited(request, "signup", conf.SIGNUP_LIMIT)
                if refusal:
                    raise refusal
                signup = signups.join(request.user, course, form.chosen_round, form.cleaned_data.get("answer", ""))
            except Refusal as refusal:
                error, status = refusal.message, refusal.status
            else:
                messages.success(request, JOINED_MESSAGES[signup.status].format(course=course.title))
                return redirect(f"{course.url}#learning")
        else:
            status = 400
    elif request.method == "POST":
        status = 403
    return render(
        request,
        "learning/join.html",
        {"page": course, "learning": learning, "form": form, "error": error},
        status=status,
    )


@no_rest
@signed_in
def leave(request, course, rest):
    learning = CourseLearning.for_request(request, course)
    signup = learning.signup
    if request.method == "POST":
        if signup is None:
            return refuse(request, course, Refusal("You are not signed up for this course."))
        try:
            signups.leave(signup)
        except Refusal as refusal:
            return refuse(request, course, refusal)
        messages.success(request, f"You left {course.title}. Your progress is kept if you come back.")
        return redirect(f"{course.url}#learning")
    if signup is None or not signup.is_current:
        return redirect(f"{course.url}#learning")
    return render(request, "learning/leave.html", {"page": course, "learning": learning})


@no_rest
@signed_in
def move(request, course, rest):
    learning = CourseLearning.for_request(request, course)
    signup = learning.signup
    if course.self_paced or signup is None or signup.status not in (Status.ACTIVE, Status.WAITING):
        return refuse(request, course, Refusal("Only learners taking part or waiting for a place can change round."))
    form = MoveForm(learning, posted(request))
    error, status = None, 200
    if request.method == "POST":
        if form.is_valid():
            try:
                moved, _ = signups.move(signup, form.cleaned_data["round"])
            except Refusal as refusal:
                error, status = refusal.message, refusal.status
            else:
                where = moved.round.label if moved.round else "your own pace"
                if moved.status == Status.WAITING:
                    messages.success(request, f"You’re on the waiting list of {where}.")
                else:
                    messages.success(request, f"You moved to {where}. Your progress comes with you.")
                return redirect(f"{course.url}#learning")
        else:
            status = 400
    return render(
        request,
        "learning/move.html",
        {"page": course, "learning": learning, "form": form, "error": error},
        status=status,
    )


# Tasks

TASK_PATH = re.compile(r"^(?P<task_id>\d+)/(?:(?P<step>undo|changes)/)?$")


def task_fragments(request, course, task_id):
    """The task's status and the progress bar as the page shows them now, for the script to swap in."""
    learning = CourseLearning(request, course)
    task = next((task for task in learning.tasks if task.pk == int(task_id)), None)
    context = {"page": course, "task": task, "tasks": learning.tasks, "learning": learning}
    return {
        "task_html": render_to_string("learning/includes/task_status.html", context, request=request),
        "marker_html": render_to_string("learning/includes/task_marker.html", context, request=request),
        "progress_html": render_to_string("learning/includes/tasks_progress.html", context, request=request),
        "done": learning.done_count,
        "total": len(learning.tasks),
    }


@require_http_methods(["GET", "POST"])
def tasks(request, course, rest):
    match = TASK_PATH.match(rest)
    if not match:
        raise Http404
    task_id, step = match["task_id"], match["step"]
    if step == "changes":
        return task_changes(request, course, task_id)
    if request.method != "POST":
        return redirect(f"{course.url}#task-{task_id}")
    anchor = f"task-{task_id}"
    try:
        refusal = rate_limited(request, "task", conf.TASK_LIMIT)
        if refusal:
            raise refusal
        if step == "undo":
            progress.undo(request.user, course, task_id)
            message = "Marked as not done."
        else:
            _, created = progress.complete(request.user, course, task_id, request.POST.get("evidence_url", ""))
            message = "Task done. Well done!" if created else "Your evidence link is updated."
    except Refusal as refusal:
        if not wants_json(request):
            # Shown again beside the task's own form, tied to its field (see `task_error` in learning_tags).
            request.session[TASK_ERROR_KEY] = {"task": int(task_id), "message": refusal.message}
        return refuse(request, course, refusal, anchor)
    if wants_json(request):
        return JsonResponse({"ok": True, "message": message, **task_fragments(request, course, task_id)})
    messages.success(request, message)
    return redirect(f"{course.url}#{anchor}")


def task_changes(request, course, task_id):
    """What a task said when the learner completed it, beside what it says now; they can mark it read."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    task = get_object_or_404(course.tasks, pk=task_id)
    completion = get_object_or_404(request.user.task_completions, task=task)
    if request.method == "POST":
        progress.acknowledge_change(request.user, course, task_id)
        messages.success(request, f"Noted: you have read the new version of “{task.title}”.")
        return redirect(f"{course.url}#task-{task.pk}")
    seen = TaskStreamBlock().to_python(completion.task_instructions)
    then = [(block["type"], block["value"]) for block in completion.task_instructions]
    now = [(block["type"], block["value"]) for block in task_content(task)["instructions"]]
    return render(
        request,
        "learning/task_changes.html",
        {
            "page": course,
            "task": task,
            "completion": completion,
            # Each block with whether it is missing on the other side, so the differences stand out.
            "seen_blocks": [(block, pair not in now) for block, pair in zip(seen, then, strict=True)],
            "current_blocks": [(block, pair not in then) for block, pair in zip(task.instructions, now, strict=True)],
            "title_changed": completion.task_title != task.title,
        },
    )


# Announcement emails for one learner


@require_POST
@no_rest
@signed_in
def email_preference(request, course, rest):
    signup = Signup.objects.filter(user=request.user, course=course).first()
    if signup is None:
        return refuse(request, course, Refusal("You are not signed up for this course."))
    signup.announcements_muted = request.POST.get("announcements") != "on"
    signup.save(update_fields=["announcements_muted"])
    if signup.announcements_muted:
        message = f"You won’t get announcement emails from {course.title}; they stay on the course page."
    else:
        message = f"You’ll get announcement emails from {course.title}."
    if wants_json(request):
        return JsonResponse({"ok": True, "message": message, "muted": signup.announcements_muted})
    messages.success(request, message)
    return redirect(f"{course.url}#learning")


@csrf_exempt  # List-Unsubscribe-Post (RFC 8058): mail programs post here without a session or a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    data = read_unsubscribe_token(token)
    signup = Signup.objects.select_related("course").filter(pk=data[0], user_id=data[1]).first() if data else None
    if signup is None:
        return render(request, "learning/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        Signup.objects.filter(pk=signup.pk).update(announcements_muted=True)
        return render(request, "learning/unsubscribe.html", {"signup": signup, "done": True})
    return render(request, "learning/unsubscribe.html", {"signup": signup, "token": token})


# Following


def follow_target(kind, pk):
    if kind == "pages":
        page = get_object_or_404(Page.objects.live().public(), pk=pk)
        return page, page.url
    person = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    return person, person.get_absolute_url()


def follow_refusal(request, target, following):
    if following:
        reason = participation_refusal(request.user)
        if reason:
            return Refusal(reason, status=403)
        if target == request.user:
            return Refusal("You can’t follow yourself.")
    return rate_limited(request, "follow", conf.FOLLOW_LIMIT)


@require_POST
def follow(request, kind, pk):
    target, fallback = follow_target(kind, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(fallback)
    following = request.POST.get("action") != "unfollow"
    refusal = follow_refusal(request, target, following)
    if refusal:
        if wants_json(request):
            return JsonResponse({"ok": False, "message": refusal.message}, status=refusal.status)
        messages.error(request, refusal.message)
        return redirect(safe_next(request, fallback))
    if following:
        Follow.follow(request.user, target)
    else:
        Follow.unfollow(request.user, target)
    name = getattr(target, "title", None) or target.public_name
    message = f"You follow {name}." if following else f"You no longer follow {name}."
    if wants_json(request):
        return JsonResponse(
            {"ok": True, "message": message, "following": following, "followers": Follow.followers_of(target).count()}
        )
    messages.success(request, message)
    return redirect(safe_next(request, fallback))


# Calendars


@require_GET
def course_calendar(request, path):
    """`<course-url>calendar.ics`: a dot in the name keeps this out of Wagtail's router, so the page is found here."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    course = get_object_or_404(CoursePage.objects.live().public(), url_path=site.root_page.url_path + path)
    return calendars.response(calendars.course_calendar(course), f"{course.slug}.ics", private=False)


@require_GET
def learner_calendar(request, token):
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    if not feed.user.is_active or feed.user.is_blocked:
        raise Http404
    return calendars.response(calendars.learner_calendar(feed.user), "my-courses.ics", private=True)


@login_required
@require_POST
def calendar_address(request):
    """Create the member's private calendar address, or replace it (the old one stops working at once)."""
    feed, created = CalendarFeed.objects.get_or_create(user=request.user)
    if not created:
        feed.renew()
        messages.success(request, "Your calendar address is new. Subscribe to it again; the old one no longer works.")
    else:
        messages.success(request, "Your private calendar address is ready: add it to your calendar program.")
    return redirect(reverse("learning:dashboard") + "#calendar")


# Dashboard


@login_required
@require_GET
def dashboard(request):
    context = dashboard_data.build(request.user)
    if context["calendar_feed"]:
        path = reverse("learning:learner_calendar", args=[context["calendar_feed"].token])
        context["calendar_url"] = request.build_absolute_uri(path)
        context["webcal_url"] = "webcal://" + context["calendar_url"].split("://", 1)[1]
    return render(request, "learning/dashboard.html", context)
