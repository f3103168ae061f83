from django.db.models import Count, Q
from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.options import modeladmin_register

from .admin_views import CommentAdmin
from .models import Comment
from .permissions import is_moderator

modeladmin_register(CommentAdmin)


@hooks.register("insert_global_admin_css")
def discussion_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/discussion-admin.css"))


@hooks.register("annotate_course_cards")
def add_discussion_counts(courses):
    """`comment_count` and `question_count` on each course card, in one query for the whole list."""
    counts = {
        row["page_id"]: row
        for row in Comment.objects.visible()
        .filter(page_id__in=[course.pk for course in courses])
        .values("page_id")
        .annotate(comments=Count("pk"), questions=Count("pk", filter=Q(level=0)))
    }
    for course in courses:
        row = counts.get(course.pk, {})
        course.comment_count = row.get("comments", 0)
        course.question_count = row.get("questions", 0)


class CommentsAwaitingDecisionPanel(Component):
    """On the admin dashboard of moderators: the comments members flagged, most urgent first."""

    name = "comments_awaiting_decision"
    template_name = "discussion/admin/dashboard_panel.html"
    order = 160
    shown = 5

    def get_context_data(self, parent_context):
        queue = Comment.objects.needing_decision().order_by("-hidden_by_flags", "-flag_count", "-submit_date")
        return {
            "comments": list(queue.select_related("user", "page")[: self.shown]),
            "total": queue.count(),
            "index_url": CommentAdmin().url_helper.index_url,
        }


@hooks.register("construct_homepage_panels")
def add_moderation_queue_panel(request, panels):
    if is_moderator(request.user):
        panels.append(CommentsAwaitingDecisionPanel())
