from datetime import timedelta
from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.timesince import timesince

from .. import rendering
from ..forms import CommentForm
from ..permissions import is_questions_mode
from ..threads import load_discussion

register = template.Library()


@register.inclusion_tag("discussion/section.html", takes_context=True)
def discussion_section(context, page):
    """The discussion under `page`: threads, the form (or why the reader cannot post) and pagination."""
    request = context["request"]
    data = load_discussion(page, request)
    questions = is_questions_mode(page)
    if data["viewer"].can_post:
        data["form"] = CommentForm(
            page=page,
            user=request.user,
            auto_id="discussion-%s",
            label="Your question" if questions else "Your comment",
        )
        data["reply_form"] = CommentForm(page=page, user=request.user, auto_id="reply-%s", label="Your reply")
    data.update(
        request=request,
        csrf_token=context.get("csrf_token"),
        login_url=f"{settings.LOGIN_URL}?next={quote(request.get_full_path() + '#discussion')}",
    )
    return data


@register.simple_tag
def reply_label(comment, viewer):
    """What replying is called here: answering a question, or replying to anyone else."""
    if viewer.questions_mode and comment.is_root:
        return "Answer"
    return "Reply"


@register.filter
def plain_text(source):
    """A comment's words without Markdown, for plain-text emails."""
    return rendering.plain_text(source)


@register.filter
def ago(moment):
    """'3 days ago': one unit is enough beside a comment (the exact time is in the title)."""
    if timezone.now() - moment < timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment, depth=1)} ago"
