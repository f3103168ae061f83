from django import template

from wagtail.models import Page

from ..course_state import CourseLearning, TaskState
from ..models import Follow

register = template.Library()


@register.simple_tag(takes_context=True)
def course_learning(context, course=None):
    """The learning state of the course page being rendered, loaded once per request and shared by every include."""
    if context.get("learning") is not None:
        return context["learning"]
    return CourseLearning.for_request(
        context["request"], course or context["page"], context.get("tasks"), context.get("organisers")
    )


@register.simple_tag
def course_trail(page):
    """The pages above `page` for breadcrumbs, from the home page down."""
    return list(Page.objects.ancestor_of(page).filter(depth__gt=1).order_by("depth"))


@register.simple_tag
def task_state(learning, task):
    return TaskState(learning, task)


@register.simple_tag(takes_context=True)
def task_error(context, task):
    """The refusal of the last attempt to mark `task` done (without JavaScript), shown once beside its form."""
    session = getattr(context.get("request"), "session", None)
    error = session.get("learning_task_error") if session is not None else None
    if error and error.get("task") == task.pk:
        del session["learning_task_error"]
        return error["message"]
    return ""


@register.simple_tag(takes_context=True)
def is_following(context, target):
    request = context.get("request")
    return bool(request) and Follow.is_following(request.user, target)


@register.filter
def follow_kind(target):
    """The URL segment of /follow/<kind>/<pk>/ for a page or a member."""
    return "pages" if hasattr(target, "url_path") else "people"


@register.filter
def follow_name(target):
    return getattr(target, "title", None) or getattr(target, "public_name", "")
