import hashlib
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.models import Orderable

from .images import validate_badge_image

# Paths under /badges/ that a badge's slug must not take.
RESERVED_SLUGS = {"issuer", "jwks", "keys", "assertions", "submissions", "image"}


class EarningPath(models.TextChoices):
    COMPLETION = "completion", "Completing a course"
    PEER_ASSESSMENT = "peer", "Peer assessment"
    ORGANISER_AWARD = "award", "Awarded by an organiser"


class BadgeColour(models.TextChoices):
    """The school accent colours, so a badge can match the school it belongs to."""

    TEAL = "teal", "Teal"
    CORAL = "coral", "Coral"
    INDIGO = "indigo", "Indigo"
    AMBER = "amber", "Amber"
    PLUM = "plum", "Plum"
    MOSS = "moss", "Moss"


def validate_slug_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(f"“{value}” is used by the site’s badge addresses: choose another slug.")


class Badge(ClusterableModel):
    """An Open Badge learners earn here by completing a course, by peer assessment or from an organiser."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        validators=[validate_slug_not_reserved],
        help_text="The badge’s address: /badges/<slug>/. Changing it breaks links to the badge already shared.",
    )
    description = models.TextField(
        max_length=500, help_text="One or two sentences: what holding this badge says about someone"
    )
    image = models.FileField(
        upload_to="badges/images/",
        blank=True,
        validators=[validate_badge_image],
        help_text="A square PNG or SVG, at least 256 pixels wide. Leave empty for a generated image in the badge’s colour.",
    )
    colour = models.CharField(
        max_length=10,
        choices=BadgeColour.choices,
        default=BadgeColour.TEAL,
        help_text="Used for the generated image and on the badge’s page",
    )
    criteria = models.TextField(
        help_text="How to earn it, in a few short paragraphs (Markdown: **bold**, lists and links work)"
    )
    earned_by = models.CharField(
        max_length=12,
        choices=EarningPath.choices,
        default=EarningPath.COMPLETION,
        verbose_name="How it is earned",
    )
    min_reviews = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        verbose_name="Reviews needed",
        help_text="Peer assessment: how many reviews a submission needs before the badge is awarded",
    )
    min_average_rating = models.DecimalField(
        max_digits=2,
        decimal_places=1,
        default=3.5,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        verbose_name="Lowest average rating",
        help_text="Peer assessment: the average rating (1 to 5) those reviews must reach",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
                FieldPanel("description"),
                FieldRowPanel([FieldPanel("image"), FieldPanel("colour")]),
            ],
            heading="The badge",
        ),
        FieldPanel("criteria"),
        MultipleChooserPanel(
            "course_links",
            chooser_field_name="course",
            heading="Courses",
            label="Course",
            help_text="The courses this badge belongs to. Their organisers can award and review it.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("earned_by"),
                FieldRowPanel([FieldPanel("min_reviews"), FieldPanel("min_average_rating")]),
            ],
            heading="How it is earned",
        ),
        MultipleChooserPanel(
            "required_task_links",
            chooser_field_name="task",
            heading="Tasks to complete",
            label="Task",
            help_text="For a completion badge: the tasks a learner must complete. None chosen: every task of the course.",
        ),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("badges:detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.slug:
            self.slug = self.slug.lower()

    @property
    def is_completion(self):
        return self.earned_by == EarningPath.COMPLETION

    @property
    def is_peer_assessed(self):
        return self.earned_by == EarningPath.PEER_ASSESSMENT

    @property
    def is_organiser_award(self):
        return self.earned_by == EarningPath.ORGANISER_AWARD

    @property
    def image_format(self):
        """ "svg" for an uploaded SVG, else "png" (uploaded or generated)."""
        return "svg" if self.image and self.image.name.lower().endswith(".svg") else "png"

    @property
    def image_url(self):
        return reverse("badges:image", args=[self.slug, self.image_format])

    @property
    def json_url(self):
        return reverse("badges:badge_json", args=[self.slug])

    @cached_property
    def courses(self):
        """The live courses this badge belongs to, in the editor's order."""
        return [link.course for link in self.course_links.all() if link.course.live]

    def organiser_ids(self):
        from courses.models import CourseOrganiser

        return set(
            CourseOrganiser.objects.filter(page__badge_links__badge=self, page__live=True).values_list(
                "user_id", flat=True
            )
        )

    def is_organiser(self, user):
        """May `user` award this badge and review submissions as an organiser? Staff always may."""
        if not user.is_authenticated:
            return False
        return user.is_staff or user.pk in self.organiser_ids()


class BadgeCourse(Orderable):
    """A course a badge belongs to."""

    badge = ParentalKey(Badge, on_delete=models.CASCADE, related_name="course_links")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="badge_links")

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["badge", "course"], name="unique_badge_course")]

    def __str__(self):
        return f"{self.badge} – {self.course}"


class BadgeRequiredTask(Orderable):
    """A task a completion badge asks for, when it asks for some tasks rather than all."""

    badge = ParentalKey(Badge, on_delete=models.CASCADE, related_name="required_task_links")
    task = models.ForeignKey("courses.CourseTask", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("task")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["badge", "task"], name="unique_badge_required_task")]

    def __str__(self):
        return str(self.task)


def identity_hash(email, salt):
    """Open Badges' salted recipient identity: "sha256$" and the hex digest of the email followed by the salt."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


class AssertionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(~Exists(Revocation.objects.filter(assertion=OuterRef("pk"))))

    def revoked(self):
        return self.filter(Exists(Revocation.objects.filter(assertion=OuterRef("pk"))))


class Assertion(models.Model):
    """One badge awarded to one member: the Open Badges assertion anyone can verify at its address."""

    # Awards are not content editors reuse: keep them out of Wagtail's "usage" index of pages.
    wagtail_reference_index_ignore = True

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    badge = models.ForeignKey(Badge, on_delete=models.PROTECT, related_name="assertions")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_assertions")
    salt = models.CharField(max_length=32, editable=False)
    identity_hash = models.CharField(max_length=71, editable=False)
    issued_on = models.DateTimeField(default=timezone.now)
    earned_by = models.CharField(max_length=12, choices=EarningPath.choices)
    course = models.ForeignKey(
        "courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="badge_assertions"
    )
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="badges_awarded"
    )
    submission = models.OneToOneField(
        "badges.Submission", null=True, blank=True, on_delete=models.SET_NULL, related_name="assertion"
    )
    note = models.TextField(blank=True, help_text="The organiser’s note, shown with the badge")
    # What the badge was earned with, kept as it was on the day (tasks can be undone, links edited later).
    evidence = models.JSONField(default=list, blank=True)

    objects = AssertionQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on"]
        constraints = [
            # Each earning path checks first, but this is what makes awarding happen exactly once under races.
            models.UniqueConstraint(fields=["badge", "recipient"], name="one_assertion_per_badge_and_member"),
        ]

    def __str__(self):
        return f"{self.badge} awarded to {self.recipient}"

    def save(self, *args, **kwargs):
        if not self.salt:
            self.salt = secrets.token_hex(16)
        if not self.identity_hash:
            self.identity_hash = identity_hash(self.recipient.email, self.salt)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("badges:assertion", args=[self.uuid])

    @property
    def json_url(self):
        return reverse("badges:assertion_json", args=[self.uuid])

    @property
    def baked_url(self):
        return reverse("badges:assertion_image", args=[self.uuid, self.badge.image_format])

    @property
    def credential_url(self):
        return reverse("badges:assertion_credential", args=[self.uuid])

    @property
    def download_name(self):
        return f"{self.badge.slug}-{self.recipient.username}"

    @cached_property
    def revocation(self):
        """The first revocation in force, or None."""
        return self.revocations.order_by("created_at").first()

    @property
    def is_revoked(self):
        return self.revocation is not None


class Revocation(models.Model):
    """Why an assertion no longer stands: a staff decision, or the block of a member it depended on."""

    assertion = models.ForeignKey(Assertion, on_delete=models.CASCADE, related_name="revocations")
    reason = models.CharField(max_length=300)
    # Set when a block caused it, so undoing that block restores the badge.
    blocked_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assertion", "blocked_member"],
                condition=Q(blocked_member__isnull=False),
                name="one_revocation_per_assertion_and_block",
            )
        ]

    def __str__(self):
        return f"{self.assertion} revoked: {self.reason}"


class Submission(models.Model):
    """A learner's evidence for a peer-assessed badge, waiting for reviews."""

    # Awards are not content editors reuse: keep them out of Wagtail's "usage" index of pages.
    wagtail_reference_index_ignore = True

    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="submissions")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_submissions")
    evidence_url = models.URLField(
        max_length=500,
        verbose_name="Link to your work",
        help_text="A blog post, a repository, a video… wherever reviewers can see what you made",
    )
    text = models.TextField(
        max_length=4000,
        verbose_name="About your work",
        help_text="What you made, how it meets the criteria, and what you learned",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["badge", "learner"], name="one_submission_per_badge_and_member")]

    def __str__(self):
        return f"{self.learner}’s submission for {self.badge}"

    def get_absolute_url(self):
        return reverse("badges:submission", args=[self.badge.slug, self.pk])


class ReviewQuerySet(models.QuerySet):
    def counted(self):
        """Reviews that count towards an award: not from a blocked member."""
        return self.filter(reviewer__blocked_at__isnull=True, reviewer__is_active=True)


class Review(models.Model):
    """One reviewer's rating and comment on a submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_reviews")
    rating = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "reviewer"], name="one_review_per_submission_and_reviewer"),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="review_rating_1_to_5"),
        ]

    def __str__(self):
        return f"{self.reviewer} rated {self.submission}: {self.rating}"


class SigningKey(models.Model):
    """The RSA key that signs Open Badges 3.0 credentials when none is configured; generated once, kept here."""

    kid = models.CharField(max_length=64, unique=True)
    private_key_pem = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Signing key {self.kid}"
