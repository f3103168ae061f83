from collections import defaultdict

from django.db import models
from django.db.models import Count, OuterRef, Subquery

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.page_actions import PageActionsMixin
from moderation.permissions import community_permissions

ACCENT_CHOICES = [
    ("teal", "Teal"),
    ("coral", "Coral"),
    ("indigo", "Indigo"),
    ("amber", "Amber"),
    ("plum", "Plum"),
    ("moss", "Moss"),
]


class SchoolIndexPage(Page):
    """/schools/: every school in the community."""

    intro = models.TextField(blank=True, max_length=500, help_text="A sentence or two shown under the title")

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["schools.SchoolPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["schools"] = SchoolPage.with_course_counts(
            SchoolPage.objects.child_of(self).live().public().select_related("image")
        )
        return context


class SchoolPage(PageActionsMixin, Page):
    """A school: a home for related courses, study groups and challenges (e.g. School of Webcraft)."""

    summary = models.TextField(max_length=300, help_text="One or two sentences shown on cards")
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accent = models.CharField(
        max_length=10,
        choices=ACCENT_CHOICES,
        default="teal",
        help_text="The colour that marks this school's pages",
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        use_json_field=True,
        help_text="What the school is about",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("accent"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["schools.SchoolIndexPage"]
    subpage_types = ["courses.CoursePage"]

    def get_context(self, request, *args, **kwargs):
        from courses.models import CoursePage

        context = super().get_context(request, *args, **kwargs)
        courses = CoursePage.prepare_cards(CoursePage.objects.child_of(self).live().public().order_by("title"))
        by_kind = defaultdict(list)
        for course in courses:
            by_kind[course.kind].append(course)
        context["courses_by_kind"] = sorted(by_kind.items(), key=lambda item: (item[0].sort_order, item[0].name))
        context["course_count"] = len(courses)
        return context

    def permissions_for_user(self, user):
        # Contributors may start a course in any school (moderation app).
        return community_permissions(user, self)

    @classmethod
    def with_course_counts(cls, schools):
        """Annotate each school with the number of its live courses, in the same query."""
        from courses.models import CoursePage

        live_children = (
            CoursePage.objects.live()
            .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
            .order_by()
            .values("depth")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return schools.annotate(course_count=Subquery(live_children, output_field=models.IntegerField()))
