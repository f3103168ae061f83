"""The /courses/ filter form: words to search for, school, kind, language, open for sign-up, order."""

from django import forms
from django.db.models import F

from schools.models import SchoolPage
from search.api import search_pages

from .models import LANGUAGE_NAMES, CourseKind, CoursePage, SignupStatus

SORT_ORDERS = {
    "newest": ("Newest first", [F("first_published_at").desc(nulls_last=True)]),
    "starting": ("Starting soonest", [F("start_date").asc(nulls_last=True), "title"]),
    "title": ("Title A–Z", ["title"]),
}


class CourseFilterForm(forms.Form):
    """Unknown or malformed values are reported on the field and ignored, never a server error."""

    q = forms.CharField(required=False, max_length=200, label="Search")
    school = forms.ModelChoiceField(
        queryset=SchoolPage.objects.live().order_by("title"),
        to_field_name="slug",
        required=False,
        empty_label="All schools",
    )
    kind = forms.ModelChoiceField(
        queryset=CourseKind.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All kinds",
    )
    language = forms.ChoiceField(required=False)
    open = forms.BooleanField(required=False, label="Open for sign-up only")
    sort = forms.ChoiceField(
        required=False,
        choices=[(key, label) for key, (label, _) in SORT_ORDERS.items()],
        label="Order",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        languages = CoursePage.objects.live().order_by().values_list("language", flat=True).distinct()
        self.fields["language"].choices = [("", "All languages")] + sorted(
            ((code, LANGUAGE_NAMES.get(code, code)) for code in languages),
            key=lambda choice: choice[1],
        )
        if self.data.get("q"):
            self.fields["sort"].choices = [("", "Best match"), *self.fields["sort"].choices]

    def filter(self, courses):
        data = {}
        if self.is_bound:
            self.is_valid()  # invalid fields drop out of cleaned_data and show their error
            data = self.cleaned_data
        if data.get("school"):
            courses = courses.child_of(data["school"])
        if data.get("kind"):
            courses = courses.filter(kind=data["kind"])
        if data.get("language"):
            courses = courses.filter(language=data["language"])
        if data.get("open"):
            courses = courses.exclude(signup_status=SignupStatus.CLOSED)
        if data.get("q"):
            courses, relevance = search_pages(courses, data["q"], "course")
            if relevance is not None and not data.get("sort"):
                return courses.order_by(relevance, "title")
        _, ordering = SORT_ORDERS.get(data.get("sort") or "newest")
        return courses.order_by(*ordering)

    @property
    def is_filtered(self):
        return self.is_bound and any(
            self.cleaned_data.get(name) for name in ("q", "school", "kind", "language", "open")
        )

    def querystring_without_page(self):
        if not self.is_bound:
            return ""
        params = self.data.copy()
        params.pop("page", None)
        return params.urlencode()
