from django.conf import settings
from django.conf.global_settings import LANGUAGES
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.functional import cached_property

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BaseStreamBlock, TaskStreamBlock
from core.page_actions import PageActionsMixin
from moderation.forms import CoursePageForm
from moderation.permissions import community_permissions

CARD_IMAGE_FILTER = "fill-640x360-c50"
LANGUAGE_CHOICES = sorted(
    ((code, str(name)) for code, name in LANGUAGES if "-" not in code),
    key=lambda c: c[1],
)
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


class CourseKind(models.Model):
    """A kind of learning activity (Course, Study Group, Challenge…); site admins add their own."""

    name = models.CharField(max_length=60, unique=True, help_text="Singular, e.g. 'Study Group'")
    plural_name = models.CharField(max_length=60, help_text="e.g. 'Study Groups'")
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text="Used in filter addresses, e.g. 'study-group'",
    )
    description = models.TextField(blank=True, max_length=400, help_text="What makes this kind different")
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first")

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("plural_name")]),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "course kind"

    def __str__(self):
        return self.name


class SignupStatus(models.TextChoices):
    OPEN = "open", "Open: join at once"
    MODERATED = "moderated", "Moderated: organisers accept each learner"
    CLOSED = "closed", "Closed"


class CourseIndexPage(Page):
    """/courses/: every course across schools, with filters."""

    intro = models.TextField(blank=True, max_length=500, help_text="A sentence or two shown under the title")

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    per_page = 12

    def get_context(self, request, *args, **kwargs):
        from .filters import CourseFilterForm  # the form imports this module's models

        context = super().get_context(request, *args, **kwargs)
        form = CourseFilterForm(request.GET or None)
        courses = form.filter(CoursePage.objects.live().public())
        paginator = Paginator(courses, self.per_page)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context.update(
            filter_form=form,
            courses=CoursePage.prepare_cards(page_obj.object_list),
            page_obj=page_obj,
            paginator=paginator,
            querystring=form.querystring_without_page(),
        )
        return context


class CoursePage(PageActionsMixin, Page):
    """One learning activity of any kind (course, study group, challenge…), inside a school."""

    kind = models.ForeignKey(CourseKind, on_delete=models.PROTECT, related_name="courses")
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES, default="en")
    summary = models.TextField(
        max_length=400,
        help_text="One or two sentences shown on cards and in search results",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    self_paced = models.BooleanField(default=False, help_text="Learners start whenever they like; no start date")
    start_date = models.DateField(null=True, blank=True)
    effort = models.CharField(max_length=80, blank=True, help_text="e.g. '6 weeks, 3–4 hours a week'")
    signup_status = models.CharField(max_length=12, choices=SignupStatus.choices, default=SignupStatus.OPEN)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Most learners at once; later sign-ups join a waiting list. Empty: no limit"
    )
    signup_question = models.CharField(
        max_length=300, blank=True, help_text="For moderated sign-up: what organisers ask each learner who applies"
    )
    discussion_mode = models.CharField(
        max_length=12,
        choices=[("discussion", "Discussion"), ("questions", "Questions and answers")],
        default="discussion",
        help_text="In Q&A mode a thread is a question, and its asker or an organiser marks the accepted answer",
    )
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
                FieldPanel("summary"),
                FieldPanel("cover_image"),
            ],
            heading="About",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("self_paced"), FieldPanel("start_date")]),
                FieldPanel("effort"),
                FieldPanel("signup_status"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("signup_question")]),
            ],
            heading="Schedule and sign-up",
        ),
        MultipleChooserPanel(
            "organisers",
            chooser_field_name="user",
            heading="Organisers",
            label="Organiser",
        ),
        FieldPanel("body"),
        InlinePanel("tasks", heading="Tasks", label="Task"),
        FieldPanel("discussion_mode"),
        FieldPanel("edit_summary"),
    ]
    base_form_class = CoursePageForm

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tasks", [index.SearchField("title"), index.SearchField("instructions")]),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("signup_status"),
    ]

    parent_page_types = ["schools.SchoolPage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tasks"] = list(self.tasks.all())
        context["organisers"] = [link.user for link in self.organisers.select_related("user")]
        context["meetings"] = [block.value for block in self.body if block.block_type == "meeting"]
        return context

    def permissions_for_user(self, user):
        # Contributors propose changes to any course; organisers who are trusted publish theirs (moderation app).
        return community_permissions(user, self)

    def clean(self):
        super().clean()
        if not self.self_paced and not self.start_date:
            raise ValidationError({"start_date": "Give a start date, or tick 'self-paced'."})
        if self.self_paced and self.start_date:
            raise ValidationError({"start_date": "A self-paced course has no start date: leave it empty."})
        organiser_ids = [link.user_id for link in self.organisers.all()]
        if len(organiser_ids) != len(set(organiser_ids)):
            raise ValidationError("Each organiser can be listed only once.")

    @property
    def is_open_for_signup(self):
        return self.signup_status != SignupStatus.CLOSED

    @property
    def language_name(self):
        return LANGUAGE_NAMES.get(self.language, self.language)

    @cached_property
    def school(self):
        return self.get_parent().specific

    @classmethod
    def prepare_cards(cls, courses):
        """Load what course cards show (kind, image renditions, school) in a fixed number of queries."""
        from schools.models import SchoolPage

        courses = list(
            courses.select_related("kind").prefetch_related(
                models.Prefetch(
                    "cover_image",
                    queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE_FILTER),
                )
            )
        )
        parent_paths = {course.path[: -course.steplen] for course in courses}
        schools = {school.path: school for school in SchoolPage.objects.filter(path__in=parent_paths)}
        for course in courses:
            course.__dict__["school"] = schools.get(course.path[: -course.steplen])
        # Other apps add what their part of a card shows (participants, comments…) in bulk, never per card.
        for annotate in hooks.get_hooks("annotate_course_cards"):
            annotate(courses)
        return courses


class CourseOrganiser(Orderable):
    """A person who runs a course: its creator and the co-organisers they add."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="organisers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organised_courses",
    )

    panels = [FieldPanel("user")]


class CourseTask(Orderable):
    """One step of a course that learners work through and mark done."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    instructions = StreamField(TaskStreamBlock(), blank=True, use_json_field=True)
    needs_evidence = models.BooleanField(
        default=False,
        verbose_name="Needs an evidence link",
        help_text="Learners give a link to their work (a blog post, a repository…) when they mark it done",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("instructions"),
        FieldPanel("needs_evidence"),
    ]

    def __str__(self):
        return self.title
