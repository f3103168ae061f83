"""Email about new comments: to the people in the thread and the page's followers, never to the author.

Each member hears about a comment once, for the strongest reason they have (they posted in the thread, or they
follow the page), and only if their settings allow it and they have not muted the thread or the page. Every email
carries a one-click unsubscribe link for exactly what it was about, in its body and in `List-Unsubscribe`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.models import Page

from learning.models import Follow
from people.models import reachable

from .models import Comment, Mute, NotificationSettings
from .permissions import is_questions_mode

THREAD = "thread"
FOLLOWING = "following"
UNSUBSCRIBE_SALT = "discussion.unsubscribe"


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL + path


def recipients(comment):
    """{member: reason} for a new `comment`; the reason is THREAD or FOLLOWING."""
    page = comment.page.specific
    if not Page.objects.live().public().filter(pk=page.pk).exists():
        return {}
    User = get_user_model()
    muted = Mute.objects.filter(page=page, thread_id__in=[Mute.WHOLE_PAGE, comment.thread_id]).values("user_id")
    opted_out = NotificationSettings.objects.filter(Q(thread_replies=False) | Q(followed_pages=False)).values_list(
        "user_id", "thread_replies", "followed_pages"
    )
    no_replies = {user_id for user_id, replies, _ in opted_out if not replies}
    no_following = {user_id for user_id, _, following in opted_out if not following}

    people = reachable(User.objects.exclude(pk=comment.user_id).exclude(pk__in=muted))
    in_thread = people.filter(
        pk__in=Comment.objects.filter(thread_id=comment.thread_id).visible().exclude(pk=comment.pk).values("user_id")
    )
    chosen = {user: THREAD for user in in_thread if user.pk not in no_replies}
    followers = people.filter(pk__in=Follow.followers_of(page).values("pk"))
    for user in followers:
        if user not in chosen and user.pk not in no_following:
            chosen[user] = FOLLOWING
    return chosen


def unsubscribe_token(user, page, thread_id):
    return signing.dumps({"u": user.pk, "p": page.pk, "t": thread_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """(user id, page id, thread id) from a token, or None if it was not made by us."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["u"]), int(data["p"]), int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def subject_for(comment, page, reason):
    author = comment.author_name
    if is_questions_mode(page):
        if comment.is_root:
            return f"{author} asked a question on “{page.title}”"
        return f"{author} answered in “{page.title}”" if comment.level == 1 else f"{author} replied in “{page.title}”"
    if comment.is_root:
        return f"{author} started a discussion on “{page.title}”"
    return f"{author} replied in a discussion on “{page.title}”"


def message_for(comment, page, user, reason):
    # Muting is per thread for people in it, per page for followers: what the email was about.
    thread_id = comment.thread_id if reason == THREAD else Mute.WHOLE_PAGE
    unsubscribe_url = absolute(reverse("discussion:unsubscribe", args=[unsubscribe_token(user, page, thread_id)]))
    context = {
        "comment": comment,
        "page": page,
        "recipient": user,
        "reason": reason,
        "comment_url": absolute(comment.get_absolute_url()),
        "page_url": page.full_url,
        "unsubscribe_url": unsubscribe_url,
        "settings_url": absolute(reverse("discussion:settings")),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    message = EmailMultiAlternatives(
        subject=subject_for(comment, page, reason),
        body=render_to_string("discussion/emails/new_comment.txt", context),
        from_email=settings.COMMENTS_XTD_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string("discussion/emails/new_comment.html", context), "text/html")
    return message


def notify(comment):
    """Email everyone who should hear about `comment`; returns how many emails went out."""
    if not comment.is_visible:
        return 0
    page = comment.page.specific
    messages = [message_for(comment, page, user, reason) for user, reason in recipients(comment).items()]
    if messages:
        with get_connection() as connection:
            connection.send_messages(messages)
    return len(messages)
