"""Posting and acting on comments. Every view works as a plain form post; discussion.js asks for JSON instead.

Order of checks for anything that writes: the page is there and readable, the member may participate, the
input is valid, and the rate limit allows it; a refusal stores nothing and says why.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wagtail.models import Page

from core.ratelimit import client_ip
from core.requests import wants_json

from .abuse import check_action_rate, check_post_rate
from .conf import conf
from .forms import CommentForm, NotificationSettingsForm, TextForm
from .models import Comment, Mute, NotificationSettings
from .notifications import read_unsubscribe_token
from .permissions import (
    can_accept_answers,
    can_view_page,
    has_discussion,
    is_moderator,
    is_questions_mode,
    organiser_ids,
    posting_refusal,
)
from .rendering import render_markdown
from .tasks import send_comment_notifications
from .threads import PAGE_PARAMETER, Viewer, page_number_of


def edit_window_words():
    minutes = round(conf.EDIT_WINDOW / 60)
    if minutes % 60 == 0:
        hours = minutes // 60
        return "an hour" if hours == 1 else f"{hours} hours"
    return f"{minutes} minutes"


def refuse(request, message, status, page=None, retry_after=None):
    """A refusal the reader understands: JSON for the script, a short page otherwise."""
    if wants_json(request):
        response = JsonResponse({"ok": False, "message": message}, status=status)
    else:
        context = {"message": message, "discussion_page": page, "login_url": settings.LOGIN_URL}
        response = render(request, "discussion/refused.html", context, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def discussion_page(page_id, request):
    """The specific page with a discussion that this request may read, or 404."""
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if not has_discussion(page) or not can_view_page(request, page):
        raise Http404("No discussion here")
    return page


def comment_view(view):
    """Load the comment named in the URL and its page, or 404 if the reader may not see either."""

    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        comment = get_object_or_404(Comment.objects.select_related("user"), pk=pk)
        page = discussion_page(comment.page_id, request)
        comment.page = page
        return view(request, comment, page, *args, **kwargs)

    return wrapper


def participant_only(view):
    """Only members who may participate get past; the others are told why (and anonymous ones to log in)."""

    @wraps(view)
    def wrapper(request, comment, page, *args, **kwargs):
        refusal = posting_refusal(request.user)
        if refusal:
            if not request.user.is_authenticated and request.method == "GET":
                return redirect_to_login(request.get_full_path())
            return refuse(request, refusal, 403, page)
        return view(request, comment, page, *args, **kwargs)

    return wrapper


def link_to(comment, page, user):
    number = page_number_of(comment, user)
    query = f"?{PAGE_PARAMETER}={number}" if number > 1 else ""
    return f"{page.url}{query}#c{comment.pk}"


def render_comment(request, comment, page):
    """One comment as the discussion shows it to this reader, for the script to insert in place."""
    viewer = Viewer(request.user, page)
    viewer.load_feedback([comment.pk])
    question = None
    if comment.level > 0:
        question = Comment.objects.filter(pk=comment.thread_id).first()
    viewer.decorate(comment, question=question)
    return render_to_string(
        "discussion/includes/comment.html", {"comment": comment, "viewer": viewer, "page": page}, request=request
    )


def done(request, comment, page, message, status=200, **data):
    """Success: the updated comment for the script, or back to it on the page with a message."""
    if wants_json(request):
        return JsonResponse(
            {"ok": True, "message": message, "id": comment.pk, "html": render_comment(request, comment, page), **data},
            status=status,
        )
    messages.success(request, message)
    return redirect(link_to(comment, page, request.user))


@require_POST
def post_comment(request, page_id):
    page = discussion_page(page_id, request)
    refusal = posting_refusal(request.user)
    if refusal:
        return refuse(request, refusal, 403, page)
    form = CommentForm(request.POST, page=page, user=request.user)
    if form.is_bot:
        return refuse(request, "Your comment looked automated, so it was not posted.", 400, page)
    if not form.is_valid():
        return form_invalid(request, form, page)
    if "preview" in request.POST:
        return preview(request, form, page)
    limited = check_post_rate(request)
    if limited:
        return refuse(request, limited.message, 429, page, retry_after=limited.retry_after)

    comment = Comment.post(
        page=page,
        user=request.user,
        text=form.cleaned_data["text"],
        parent=form.cleaned_data["parent"],
        ip_address=client_ip(request),
    )
    transaction.on_commit(lambda: send_comment_notifications.enqueue(comment.pk))
    noun = "reply" if comment.is_reply else ("question" if is_questions_mode(page) else "comment")
    return done(request, comment, page, f"Your {noun} is posted.", status=201)


def form_invalid(request, form, page):
    if wants_json(request):
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        return JsonResponse({"ok": False, "message": " ".join(errors), "errors": form.errors}, status=400)
    return form_page(request, form, page, form.cleaned_data.get("parent"), status=400)


def preview(request, form, page):
    preview_html = render_markdown(form.cleaned_data["text"])
    if wants_json(request):
        return JsonResponse({"ok": True, "preview": preview_html})
    return form_page(request, form, page, form.cleaned_data.get("parent"), preview=preview_html)


def form_page(request, form, page, parent, status=200, preview=None):
    """The comment form on a page of its own: replying without JavaScript, or showing errors and previews."""
    answering = is_questions_mode(page) and parent is not None and parent.is_root
    if parent is None:
        label = "Your question" if is_questions_mode(page) else "Your comment"
    else:
        label = "Your answer" if answering else "Your reply"
    form.fields["text"].label = label
    context = {
        "form": form,
        "discussion_page": page,
        "parent": parent,
        "answering": answering,
        "preview": preview,
        "action": reverse("discussion:post", args=[page.pk]),
    }
    return render(request, "discussion/comment_form.html", context, status=status)


@require_GET
@comment_view
def permalink(request, comment, page):
    return redirect(link_to(comment, page, request.user))


@require_GET
@comment_view
@participant_only
def reply(request, comment, page):
    """The reply form on a page of its own, for readers without JavaScript."""
    if not comment.is_visible or not comment.can_have_replies:
        return refuse(request, "You cannot reply to this comment.", 400, page)
    form = CommentForm(initial={"parent": comment.pk}, page=page, user=request.user)
    return form_page(request, form, page, comment)


@require_http_methods(["GET", "POST"])
@comment_view
@participant_only
def edit(request, comment, page):
    if not comment.can_edit(request.user):
        return refuse(
            request, f"You can only edit your own comments, within {edit_window_words()} of posting them.", 403, page
        )
    form = TextForm(request.POST or None, initial={"text": comment.comment}, label="Edit your comment")
    if request.method == "POST":
        if not form.is_valid():
            if wants_json(request):
                return JsonResponse(
                    {"ok": False, "message": " ".join(form.errors["text"]), "errors": form.errors}, status=400
                )
            return render(
                request, "discussion/edit.html", {"form": form, "comment": comment, "discussion_page": page}, status=400
            )
        limited = check_action_rate(request)
        if limited:
            return refuse(request, limited.message, 429, page, retry_after=limited.retry_after)
        comment.edit(form.cleaned_data["text"])
        return done(request, comment, page, "Your changes are saved.")
    return render(request, "discussion/edit.html", {"form": form, "comment": comment, "discussion_page": page})


@require_http_methods(["GET", "POST"])
@comment_view
def delete(request, comment, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not comment.can_delete(request.user):
        return refuse(request, "You can only delete your own comments.", 403, page)
    if request.method == "POST":
        limited = check_action_rate(request)
        if limited:
            return refuse(request, limited.message, 429, page, retry_after=limited.retry_after)
        comment.delete_by_author()
        return done(request, comment, page, "Your comment is deleted.")
    return render(request, "discussion/confirm.html", confirm_context(comment, page, "delete"))


@require_POST
@comment_view
@participant_only
def like(request, comment, page):
    if comment.user_id == request.user.pk or not comment.is_visible:
        return refuse(request, "You cannot like this comment.", 403, page)
    limited = check_action_rate(request)
    if limited:
        return refuse(request, limited.message, 429, page, retry_after=limited.retry_after)
    liked = comment.toggle_like(request.user)
    return done(
        request, comment, page, "You like this." if liked else "Like taken back.", liked=liked, likes=comment.like_count
    )


@require_http_methods(["GET", "POST"])
@comment_view
@participant_only
def flag(request, comment, page):
    if comment.user_id == request.user.pk or not comment.is_visible:
        return refuse(request, "You cannot flag this comment.", 403, page)
    if request.method == "POST":
        limited = check_action_rate(request)
        if limited:
            return refuse(request, limited.message, 429, page, retry_after=limited.retry_after)
        created = comment.add_flag(request.user)
        message = "Thank you: moderators will look at it." if created else "You already flagged this comment."
        if comment.hidden_by_flags and not wants_json(request):
            messages.success(request, message + " It is hidden until they decide.")
            return redirect(f"{page.url}#discussion")
        return done(request, comment, page, message, hidden=comment.hidden_by_flags)
    return render(request, "discussion/confirm.html", confirm_context(comment, page, "flag"))


@require_POST
@comment_view
@participant_only
def accept(request, comment, page):
    """Mark an answer as the accepted one for its question, or take the mark back."""
    question = Comment.objects.filter(pk=comment.thread_id).first()
    allowed = (
        is_questions_mode(page)
        and comment.level == 1
        and comment.is_visible
        and question is not None
        and can_accept_answers(request.user, question, organiser_ids(page))
    )
    if not allowed:
        return refuse(
            request, "Only the person who asked and the course's organisers choose the accepted answer.", 403, page
        )
    limited = check_action_rate(request)
    if limited:
        return refuse(request, limited.message, 429, page, retry_after=limited.retry_after)
    if question.accepted_answer_id == comment.pk:
        question.accept(None)
        return done(request, comment, page, "The answer is no longer marked as accepted.", accepted=False)
    question.accept(comment)
    return done(request, comment, page, "Answer accepted: it now shows first.", accepted=True)


@require_http_methods(["GET", "POST"])
@comment_view
def remove(request, comment, page):
    """A moderator removes a comment from the page (it can be restored from the admin)."""
    if not is_moderator(request.user):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return refuse(request, "Only moderators can remove other people's comments.", 403, page)
    if request.method == "POST":
        comment.remove(request.user)
        messages.success(request, "The comment is removed. Restore it from Comments in the admin if needed.")
        return redirect(f"{page.url}#discussion")
    return render(request, "discussion/confirm.html", confirm_context(comment, page, "remove"))


def confirm_context(comment, page, action):
    return {"comment": comment, "discussion_page": page, "action": action}


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    current = NotificationSettings.for_user(request.user)
    form = NotificationSettingsForm(request.POST or None, instance=current)
    if request.method == "POST":
        if "unmute" in request.POST:
            Mute.objects.filter(user=request.user, pk=request.POST.get("unmute")).delete()
            messages.success(request, "You will hear about that discussion again.")
            return redirect("discussion:settings")
        if form.is_valid():
            form.save()
            messages.success(request, "Your discussion email settings are saved.")
            return redirect("discussion:settings")
    mutes = Mute.objects.filter(user=request.user).select_related("page").order_by("-created_at")
    return render(request, "discussion/settings.html", {"form": form, "mutes": mutes})


@csrf_exempt  # mail clients send one-click unsubscribes (RFC 8058) without a CSRF token; the signed token is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Mute the thread (or, for followers, the page) an email was about, without logging in."""
    data = read_unsubscribe_token(token)
    if data is not None and not get_user_model().objects.filter(pk=data[0]).exists():
        data = None  # the account is gone: nothing left to unsubscribe
    if data is None:
        return render(request, "discussion/unsubscribe.html", {"invalid": True}, status=400)
    user_id, page_id, thread_id = data
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404("That page is gone")
    if request.method == "POST":
        Mute.objects.get_or_create(user_id=user_id, page=page, thread_id=thread_id)
        return render(
            request, "discussion/unsubscribe.html", {"muted_page": page, "thread_id": thread_id, "done": True}
        )
    return render(request, "discussion/unsubscribe.html", {"muted_page": page, "thread_id": thread_id, "token": token})
