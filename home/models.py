from django.db import models
from django.db.models import F

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BaseStreamBlock


class StepBlock(blocks.StructBlock):
    """One step of "how it works" on the home page."""

    title = blocks.CharBlock(max_length=60)
    text = blocks.TextBlock(max_length=300)

    class Meta:
        icon = "tick"
        template = "blocks/step_block.html"
        preview_value = {
            "title": "Find a course",
            "text": "Browse schools and pick something to learn.",
        }


class HomePage(Page):
    """The front page: what the community is, featured schools, open courses, recent changes."""

    hero_heading = models.CharField(max_length=120, default="Learn anything, together")
    hero_text = models.TextField(max_length=400, blank=True)
    hero_cta_label = models.CharField(max_length=40, blank=True, verbose_name="Button label")
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Button page",
    )
    how_it_works = StreamField([("step", StepBlock())], blank=True, use_json_field=True, max_num=4)
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_cta_label"),
                PageChooserPanel("hero_cta_page"),
            ],
            heading="Welcome",
        ),
        FieldPanel("how_it_works"),
        InlinePanel("featured_schools", heading="Featured schools", label="School", max_num=6),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "schools.SchoolIndexPage",
        "courses.CourseIndexPage",
        "wiki.WikiIndexPage",
        "core.StandardPage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from courses.models import CoursePage, SignupStatus
        from schools.models import SchoolPage
        from wiki.models import WikiPage

        context = super().get_context(request, *args, **kwargs)
        school_ids = [link.school_id for link in self.featured_schools.all()]
        schools = SchoolPage.with_course_counts(
            SchoolPage.objects.live().public().filter(pk__in=school_ids).select_related("image")
        )
        context["featured_schools"] = sorted(schools, key=lambda school: school_ids.index(school.pk))
        open_courses = (
            CoursePage.objects.live()
            .public()
            .exclude(signup_status=SignupStatus.CLOSED)
            .order_by("-first_published_at")[:6]
        )
        context["open_courses"] = CoursePage.prepare_cards(open_courses)
        context["recent_changes"] = (
            Page.objects.live()
            .public()
            .type(CoursePage, WikiPage)
            .order_by(F("last_published_at").desc(nulls_last=True))
            .select_related("content_type")[:8]
        )
        return context


class HomePageFeaturedSchool(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_schools")
    school = models.ForeignKey("schools.SchoolPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("school")]
