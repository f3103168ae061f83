"""Contributing and moderating on the public site.

/contribute/ is where a member becomes a contributor in one step and follows their changes. Moderators work from
/moderation/: the review queue (each review shows the difference with the live page and takes a decision), the
members (trust levels, blocks) and the log. Every view checks its permission on the server.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from wagtail.models import ModelLogEntry, Page, TaskState, WorkflowState

from core.requests import safe_next
from history.diff import compare
from schools.models import SchoolPage
from wiki.models import WikiIndexPage

from . import roles
from .block import BlockRefused, block_member, refusal, undo_block
from .conf import conf
from .forms import BlockForm, ReviewDecisionForm, StartContributingForm, TrustForm, UndoBlockForm
from .models import Block, ReviewOutcome, proposals_to
from .permissions import is_organiser
from .trust import TrustRefused, demote, promote, start_contributing, status_for

User = get_user_model()
MODERATION_ACTIONS = ["moderation.block", "moderation.unblock", "moderation.promote", "moderation.demote"]


def moderator_required(permission=None):
    """Moderators only (with `permission` if given): visitors go to log in, everyone else gets a 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            allowed = roles.is_moderator(request.user) and (permission is None or request.user.has_perm(permission))
            if not allowed:
                raise PermissionDenied("This page is for moderators.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# Contributing


@never_cache
def contribute(request):
    """The contributor guidelines, the one-step "Start contributing", and a contributor's own changes."""
    user = request.user
    next_url = safe_next(request, default="")
    form = StartContributingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect(f"{reverse('people:login')}?next={request.get_full_path()}")
        if not user.can_participate:
            messages.error(request, "Confirm your email address first: then you can start contributing.")
            return redirect(reverse("moderation:contribute"))
        if form.is_valid():
            start_contributing(user)
            messages.success(
                request, "Welcome, contributor! Your changes go to staff review before they are published."
            )
            return redirect(next_url or reverse("moderation:contribute"))
    context = {
        "form": form,
        "next": next_url,
        "is_contributor": roles.is_contributor(user),
        "trust_after": conf.TRUST_AFTER_APPROVALS,
    }
    if context["is_contributor"]:
        context.update(contributor_dashboard(user))
    return render(request, "moderation/contribute.html", context)


def contributor_dashboard(user):
    """What a contributor sees on /contribute/: their standing, their changes in review, decisions, proposals."""
    pending = list(
        WorkflowState.objects.active()
        .filter(requested_by=user)
        .select_related("current_task_state")
        .order_by("-created_at")
    )
    pages = Page.objects.in_bulk([int(state.object_id) for state in pending])
    for state in pending:
        state.subject = pages.get(int(state.object_id))
    proposals = attach_pages(list(proposals_to(user).select_related("workflow_state__requested_by")))
    wiki = WikiIndexPage.objects.live().first()
    return {
        "pending": [state for state in pending if state.subject is not None],
        "decisions": ReviewOutcome.objects.filter(member=user).select_related("page", "decided_by")[:10],
        "proposals": proposals,
        "new_wiki_url": reverse("wagtailadmin_pages:add", args=["wiki", "wikipage", wiki.pk]) if wiki else None,
        "schools": SchoolPage.objects.live().public().order_by("title"),
    }


# The review queue


@never_cache
@moderator_required()
def queue(request):
    states = (
        TaskState.objects.reviewable_by(request.user)
        .filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state__requested_by", "revision__note")
        .prefetch_related("workflow_state__requested_by__groups")
        .defer("revision__content")
        .order_by("started_at")
    )
    page_obj = Paginator(states, conf.QUEUE_PER_PAGE).get_page(request.GET.get("page"))
    attach_pages(page_obj.object_list)
    roles.remember_groups([state.workflow_state.requested_by for state in page_obj.object_list])
    return render(
        request, "moderation/queue.html", {"page_obj": page_obj, "reviews": page_obj.object_list, "tab": "queue"}
    )


def attach_pages(task_states):
    """Set `.subject`, the page under review (specific), on each task state: one query per page type."""
    ids = [int(state.workflow_state.object_id) for state in task_states]
    pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
    for state in task_states:
        state.subject = pages.get(int(state.workflow_state.object_id))
    return task_states


def review_for(request, task_state_id):
    """The review and its page, if this member may see it: moderators, the course's organisers, the submitter."""
    task_state = get_object_or_404(
        TaskState.objects.select_related("workflow_state__requested_by", "revision__user", "finished_by"),
        pk=task_state_id,
    )
    page = Page.objects.filter(pk=task_state.workflow_state.object_id).specific().first()
    if page is None:
        raise Http404
    user = request.user
    allowed = (
        roles.is_moderator(user)
        or task_state.workflow_state.requested_by_id == user.pk
        or (page._meta.label == "courses.CoursePage" and is_organiser(user, page))
    )
    if not allowed:
        raise PermissionDenied(
            "Only moderators, the course's organisers and the person who proposed it see this change."
        )
    return task_state, page


@never_cache
@login_required
def review(request, task_state_id):
    """A change waiting for review: what it changes on the live page, and the decision for those who may take it."""
    task_state, page = review_for(request, task_state_id)
    task = task_state.task.specific
    in_progress = task_state.status == TaskState.STATUS_IN_PROGRESS
    actions = [name for name, _label, _modal in task.get_actions(page, request.user)] if in_progress else []
    form = ReviewDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not actions:
            raise PermissionDenied("You can't decide on this change.")
        if form.is_valid():
            decision = form.cleaned_data["decision"]
            if decision not in actions:
                raise PermissionDenied("You can't decide on this change.")
            task.on_action(task_state, request.user, decision, comment=form.cleaned_data["comment"].strip())
            if decision == "approve":
                messages.success(request, f"Approved: “{page.title}” is published.")
            else:
                messages.success(
                    request, f"Sent back to {task_state.workflow_state.requested_by.public_name} with your comment."
                )
            return redirect(
                reverse("moderation:queue") if roles.is_moderator(request.user) else reverse("moderation:contribute")
            )
    proposed = task_state.revision.as_object()
    live = page.live_revision.as_object() if page.live_revision else type(page)()
    return render(
        request,
        "moderation/review.html",
        {
            "task_state": task_state,
            "page": page,
            "proposed": proposed,
            "is_new_page": page.live_revision is None,
            "is_course": page._meta.label == "courses.CoursePage",
            "changes": compare(type(page), live, proposed, request=request),
            "form": form,
            "can_decide": bool(actions),
            "requester_status": status_for(task_state.workflow_state.requested_by)
            if task_state.workflow_state.requested_by
            else None,
        },
    )


# Members: trust levels and blocks


@never_cache
@moderator_required("moderation.set_trust_level")
def members(request):
    query = request.GET.get("q", "").strip()
    role = request.GET.get("role", "")
    people = User.objects.annotate(
        approved=Count("review_outcomes", filter=Q(review_outcomes__outcome=ReviewOutcome.APPROVED)),
        sent_back=Count("review_outcomes", filter=~Q(review_outcomes__outcome=ReviewOutcome.APPROVED)),
    ).order_by("-date_joined")
    if query:
        people = people.filter(
            Q(username__icontains=query)
            | Q(display_name__icontains=query)
            | Q(email__iexact=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    group_for_role = {"contributor": roles.CONTRIBUTORS, "trusted": roles.TRUSTED, "moderator": roles.MODERATORS}
    if role in group_for_role:
        people = people.filter(groups__name=group_for_role[role])
    elif role == "blocked":
        people = people.filter(blocked_at__isnull=False)
    page_obj = Paginator(people.prefetch_related("groups"), conf.MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    roles.remember_groups(page_obj.object_list)
    querystring = request.GET.copy()
    querystring.pop("page", None)
    return render(
        request,
        "moderation/members.html",
        {
            "page_obj": page_obj,
            "people": page_obj.object_list,
            "query": query,
            "role": role,
            "querystring": querystring.urlencode(),
            "tab": "members",
        },
    )


@never_cache
@moderator_required("moderation.set_trust_level")
def member(request, username):
    person = get_object_or_404(User, username=username)
    user_type = ContentType.objects.get_for_model(User)
    status = status_for(person)
    return render(
        request,
        "moderation/member.html",
        {
            "tab": "members",
            "person": person,
            "status": status,
            "can_change_trust": person.is_active and roles.role_of(person) in ("contributor", "trusted"),
            "outcomes": ReviewOutcome.objects.filter(member=person).select_related("page", "decided_by")[:20],
            "blocks": Block.objects.filter(member=person).select_related("moderator", "undone_by"),
            "log": ModelLogEntry.objects.filter(content_type=user_type, object_id=str(person.pk))
            .select_related("user")
            .order_by("-timestamp")[:20],
            "trust_form": TrustForm(initial={"level": "contributor" if roles.is_trusted(person) else "trusted"}),
            "block_form": BlockForm(),
            "block_refusal": refusal(person, request.user),
            "can_block": request.user.has_perm("moderation.block_member"),
            "pages_touched": Page.objects.live().filter(Q(owner=person) | Q(live_revision__user=person)).count(),
        },
    )


@require_POST
@moderator_required("moderation.set_trust_level")
def set_trust(request, username):
    person = get_object_or_404(User, username=username)
    form = TrustForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a trust level.")
        return redirect("moderation:member", username=username)
    change = promote if form.cleaned_data["level"] == "trusted" else demote
    try:
        change(person, by=request.user, note=form.cleaned_data["note"])
    except TrustRefused as error:
        messages.error(request, str(error))
    else:
        level = "a trusted contributor" if change is promote else "back to review"
        messages.success(request, f"{person.public_name} is now {level}.")
    return redirect("moderation:member", username=username)


@require_POST
@moderator_required("moderation.block_member")
def block(request, username):
    person = get_object_or_404(User, username=username)
    form = BlockForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("moderation:member", username=username)
    try:
        done = block_member(person, request.user, form.cleaned_data["reason"])
    except BlockRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"{person.public_name} is blocked: {len(done.rollback['unpublished'])} page(s) unpublished, "
            f"{len(done.rollback['reverted'])} page(s) rolled back, {len(done.rollback['cancelled'])} review(s) withdrawn.",
        )
    return redirect("moderation:member", username=username)


@require_POST
@moderator_required("moderation.block_member")
def undo(request, block_id):
    record = get_object_or_404(Block.objects.select_related("member"), pk=block_id)
    form = UndoBlockForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        restored, skipped = undo_block(record, request.user, note)
    except BlockRefused as error:
        messages.error(request, str(error))
    else:
        text = f"{record.member.public_name} is unblocked; {len(restored)} page(s) restored."
        if skipped:
            text += f" {len(skipped)} page(s) were changed since and left as they are."
        messages.success(request, text)
    return redirect("moderation:member", username=record.member.username)


@never_cache
@moderator_required()
def audit_log(request):
    user_type = ContentType.objects.get_for_model(User)
    entries = (
        ModelLogEntry.objects.filter(content_type=user_type, action__in=MODERATION_ACTIONS)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )
    page_obj = Paginator(entries, 50).get_page(request.GET.get("page"))
    subjects = User.objects.in_bulk([int(entry.object_id) for entry in page_obj.object_list])
    for entry in page_obj.object_list:
        entry.subject = subjects.get(int(entry.object_id))
    return render(request, "moderation/log.html", {"page_obj": page_obj, "entries": page_obj.object_list, "tab": "log"})
