from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CourseKind


class CourseKindViewSet(SnippetViewSet):
    """Site admins edit the list of kinds (Course, Study Group, Challenge, or their own term)."""

    model = CourseKind
    icon = "tag"
    menu_label = "Course kinds"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "plural_name", "slug", "sort_order"]
    search_fields = ["name", "plural_name"]


register_snippet(CourseKindViewSet)
