"""Organisers' views under a course: participants (decisions, CSV), the progress table, rounds, announcements.

Only the course's organisers and staff moderators with `learning.manage_participants` get in (checked here on
the server for every request); the announcement archive is public, like the course page it belongs to.
"""

import csv
import re
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from . import announcements as announcing
from . import signups
from .conf import conf
from .course_state import CourseLearning
from .forms import AnnouncementForm, DecisionForm, RoundForm
from .models import Announcement, Round, Signup, TaskCompletion
from .permissions import Refusal, can_manage
from .schedule import ensure_first_round, next_round_number
from .views import email_preference, posted, rate_limited

Status = Signup.Status
STATUS_FILTERS = {
    "active": [Status.ACTIVE],
    "pending": [Status.PENDING],
    "waiting": [Status.WAITING],
    "past": [Status.LEFT, Status.DECLINED, Status.REMOVED],
}


def organisers_only(view):
    @wraps(view)
    def wrapper(request, course, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_manage(request.user, course):
            return render(
                request,
                "learning/refused.html",
                {"page": course, "message": "Only the organisers of this course can see this page."},
                status=403,
            )
        return view(request, course, *args, **kwargs)

    return wrapper


def organiser_context(request, course, tab, **extra):
    learning = CourseLearning.for_request(request, course)
    return {"page": course, "learning": learning, "tab": tab, **extra}


def page_of(request, items):
    return Paginator(items, conf.PARTICIPANTS_PER_PAGE).get_page(request.GET.get("page"))


def chosen_round(request, course):
    """The round picked in the ?round= filter (or None), and every round of the course."""
    rounds = list(Round.objects.filter(course=course))
    picked = next((round for round in rounds if str(round.pk) == request.GET.get("round")), None)
    return picked, rounds


def done_counts(course, user_ids):
    """{user id: (tasks done, last completion)} over the course's current tasks, in one query."""
    rows = (
        TaskCompletion.objects.filter(course=course, user_id__in=user_ids, task__page=course)
        .values("user_id")
        .annotate(done=Count("pk"), last=Max("completed_at"))
    )
    return {row["user_id"]: (row["done"], row["last"]) for row in rows}


# Participants

PARTICIPANT_PATH = re.compile(r"^(?:(?P<csv>csv)/|(?P<pk>\d+)/(?P<decision>accept|decline|remove)/)?$")


def participants(request, course, rest):
    match = PARTICIPANT_PATH.match(rest)
    if not match:
        raise Http404
    if match["csv"]:
        return participants_csv(request, course)
    if match["decision"]:
        return decide(request, course, int(match["pk"]), match["decision"])
    return participant_list(request, course)


@organisers_only
def participant_list(request, course):
    status_filter = request.GET.get("status") if request.GET.get("status") in STATUS_FILTERS else "active"
    picked, rounds = chosen_round(request, course)
    found = Signup.objects.filter(course=course, status__in=STATUS_FILTERS[status_filter]).select_related(
        "user", "round"
    )
    if picked:
        found = found.filter(round=picked)
    order = "status_changed_at" if status_filter == "waiting" else "-status_changed_at"
    page = page_of(request, found.order_by(order, "pk"))
    counts = done_counts(course, [signup.user_id for signup in page.object_list])
    total_tasks = course.tasks.count()
    for signup in page.object_list:
        signup.done, signup.last_done = counts.get(signup.user_id, (0, None))
    tallies = Signup.objects.filter(course=course).aggregate(
        **{name: Count("pk", filter=Q(status__in=statuses)) for name, statuses in STATUS_FILTERS.items()}
    )
    context = organiser_context(
        request,
        course,
        "participants",
        signups=page,
        status_filter=status_filter,
        tallies=tallies,
        rounds=rounds,
        picked_round=picked,
        total_tasks=total_tasks,
        decision_form=DecisionForm(),
    )
    return render(request, "learning/organiser/participants.html", context)


DECISIONS = {
    "accept": (lambda signup, by, note: signups.accept(signup, by), "{name} is accepted."),
    "decline": (signups.decline, "{name}’s request is declined."),
    "remove": (lambda signup, by, note: signups.remove(signup, by, note)[0], "{name} is removed from the course."),
}


@require_POST
@organisers_only
def decide(request, course, pk, decision):
    signup = get_object_or_404(Signup.objects.select_related("user"), pk=pk, course=course)
    signup.course = course
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    act, message = DECISIONS[decision]
    try:
        result = act(signup, request.user, note)
    except Refusal as refusal:
        messages.error(request, refusal.message)
    else:
        text = message.format(name=signup.user.public_name)
        if decision == "accept" and result.status == Status.WAITING:
            text = f"{signup.user.public_name} is accepted, on the waiting list: the round is full."
        messages.success(request, text)
    back = request.POST.get("back_status")
    return redirect(f"{course.url}participants/" + (f"?status={back}" if back in STATUS_FILTERS else ""))


def spreadsheet_safe(value):
    """Cells starting like a formula are quoted, so a spreadsheet never runs what a learner typed."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@organisers_only
def participants_csv(request, course):
    tasks_total = course.tasks.count()
    found = Signup.objects.filter(course=course).select_related("user", "round").order_by("status", "created_at")
    counts = done_counts(course, found.values("user_id"))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{course.slug}-participants.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    writer.writerow(
        [
            "Name",
            "Profile",
            "Status",
            "Round",
            "Signed up",
            "Got a place",
            "Tasks done",
            "Tasks",
            "Last task done",
            "Answer",
        ]
    )
    for signup in found:
        done, last = counts.get(signup.user_id, (0, None))
        writer.writerow(
            spreadsheet_safe(value)
            for value in [
                signup.user.public_name,
                request.build_absolute_uri(signup.user.get_absolute_url()),
                signup.get_status_display(),
                signup.group_label,
                signup.created_at.date().isoformat(),
                signup.joined_at.date().isoformat() if signup.joined_at else "",
                done,
                tasks_total,
                last.date().isoformat() if last else "",
                signup.answer,
            ]
        )
    return response


# Progress table


@organisers_only
def progress_table(request, course, rest):
    if rest:
        raise Http404
    picked, rounds = chosen_round(request, course)
    tasks = list(course.tasks.all())
    taking_part = Signup.objects.taking_part().filter(course=course)
    if picked:
        taking_part = taking_part.filter(round=picked)
    page = page_of(request, taking_part.select_related("user", "round").order_by("user__username"))
    user_ids = [signup.user_id for signup in page.object_list]
    done, evidence = set(), {}
    for user_id, task_id, url in TaskCompletion.objects.filter(course=course, user_id__in=user_ids).values_list(
        "user_id", "task_id", "evidence_url"
    ):
        done.add((user_id, task_id))
        if url:
            evidence[(user_id, task_id)] = url
    rows = []
    for signup in page.object_list:
        cells = [(task, (signup.user_id, task.pk) in done, evidence.get((signup.user_id, task.pk))) for task in tasks]
        rows.append((signup, cells, sum(1 for _, ok, _ in cells if ok)))
    per_task = dict(
        TaskCompletion.objects.filter(course=course, user__in=taking_part.values("user_id"))
        .values_list("task_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    columns = [(task, per_task.get(task.pk, 0)) for task in tasks]
    context = organiser_context(
        request,
        course,
        "progress",
        rows=rows,
        columns=columns,
        signups=page,
        participants=page.paginator.count,
        rounds=rounds,
        picked_round=picked,
    )
    return render(request, "learning/organiser/progress.html", context)


# Rounds

ROUND_PATH = re.compile(r"^(?:(?P<new>new)/|(?P<number>\d+)/)?$")


@organisers_only
def rounds(request, course, rest):
    match = ROUND_PATH.match(rest)
    if not match or course.self_paced:
        raise Http404
    if match["new"] or match["number"]:
        return round_form(request, course, int(match["number"]) if match["number"] else None)
    found = list(
        Round.objects.filter(course=course).annotate(
            participants=Count(
                "signups", filter=Q(signups__status=Status.ACTIVE, signups__user__blocked_at__isnull=True)
            ),
            waiting=Count("signups", filter=Q(signups__status=Status.WAITING)),
        )
    )
    today = timezone.localdate()
    return render(
        request,
        "learning/organiser/rounds.html",
        organiser_context(request, course, "rounds", rounds=found, today=today),
    )


def round_form(request, course, number):
    ensure_first_round(course)
    instance = get_object_or_404(Round, course=course, number=number) if number else Round(course=course)
    form = RoundForm(posted(request), instance=instance, course=course)
    if request.method == "POST" and form.is_valid():
        round = form.save(commit=False)
        if not round.pk:
            round.number = next_round_number(course)
        round.save()
        messages.success(request, f"{round.label} is saved. Learners can now pick it when they join.")
        return redirect(f"{course.url}rounds/")
    return render(
        request,
        "learning/organiser/round_form.html",
        organiser_context(request, course, "rounds", form=form, round=instance),
        status=400 if form.errors else 200,
    )


# Announcements

ANNOUNCEMENT_PATH = re.compile(r"^(?:(?P<new>new)/|(?P<pk>\d+)/(?P<retry>retry/)?|(?P<email>email)/)?$")


def announcements(request, course, rest):
    match = ANNOUNCEMENT_PATH.match(rest)
    if not match:
        raise Http404
    if match["email"]:
        return email_preference(request, course, "")
    if match["new"]:
        return new_announcement(request, course)
    if match["retry"]:
        return retry_announcement(request, course, int(match["pk"]))
    if match["pk"]:
        announcement = get_object_or_404(
            Announcement.objects.select_related("author", "round"), pk=match["pk"], course=course
        )
        return render(
            request,
            "learning/announcement_detail.html",
            organiser_context(request, course, "announcements", announcement=announcement),
        )
    found = Announcement.objects.filter(course=course).select_related("author", "round")
    return render(
        request,
        "learning/announcement_list.html",
        organiser_context(request, course, "announcements", announcements=page_of(request, found)),
    )


@organisers_only
def new_announcement(request, course):
    rounds = [] if course.self_paced else list(Round.objects.filter(course=course))
    form = AnnouncementForm(posted(request), rounds=rounds)
    error, status = None, 200
    if request.method == "POST":
        if form.is_valid():
            try:
                refusal = rate_limited(request, "announcement", conf.ANNOUNCEMENT_LIMIT)
                if refusal:
                    raise refusal
                announcement = announcing.announce(
                    course,
                    request.user,
                    form.cleaned_data["audience"],
                    form.cleaned_data["subject"],
                    form.cleaned_data["body"],
                )
            except Refusal as refusal:
                error, status = refusal.message, refusal.status
            else:
                messages.success(
                    request, f"Your announcement is on its way to {announcement.recipient_count} learners."
                )
                return redirect(f"{course.url}announcements/{announcement.pk}/")
        else:
            status = 400
    reached = announcing.audience(course, None).values("round_id").annotate(n=Count("pk")).order_by()
    audiences = {row["round_id"]: row["n"] for row in reached}
    for round in rounds:
        round.audience = audiences.get(round.pk, 0)
    return render(
        request,
        "learning/organiser/announcement_form.html",
        organiser_context(
            request, course, "announcements", form=form, error=error, rounds=rounds, everyone=sum(audiences.values())
        ),
        status=status,
    )


@require_POST
@organisers_only
def retry_announcement(request, course, pk):
    announcement = get_object_or_404(Announcement, pk=pk, course=course)
    announcement.course = course
    try:
        announcing.retry(announcement, request.user)
    except Refusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, "Sending the copies that did not go out.")
    return redirect(f"{course.url}announcements/{announcement.pk}/")
