"""The editor's "Summary of your changes" box; what is typed there shows in the page's public history."""

from django import forms

from wagtail.admin.forms import WagtailAdminPageForm

from .models import RevisionNote

SUMMARY_MAX_LENGTH = 200


class EditSummaryPageForm(WagtailAdminPageForm):
    """Base form for pages with a public history. The summary is stored with the revision by a `wagtail_hooks` hook."""

    edit_summary = forms.CharField(
        label="Summary of your changes",
        max_length=SUMMARY_MAX_LENGTH,
        required=False,
        help_text="One line for the page's history, e.g. 'Fixed the meeting time' or 'Added week 3 readings'.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A draft keeps its summary until it is published, so "Save draft" then "Submit" doesn't lose it.
        page = self.instance
        if page.pk and page.has_unpublished_changes and page.latest_revision_id:
            note = RevisionNote.objects.filter(revision_id=page.latest_revision_id).first()
            if note is not None:
                self.fields["edit_summary"].initial = note.summary


class CompareForm(forms.Form):
    """The two versions a visitor picked to compare on a history page."""

    a = forms.IntegerField(min_value=1)
    b = forms.IntegerField(min_value=1)


class RecentChangesForm(forms.Form):
    """The filters of /recent-changes/ (and its feed): what kind of page, which school, whose changes."""

    area = forms.ChoiceField(
        label="Show changes to",
        required=False,
        choices=[("", "Everything"), ("wiki", "Wiki pages"), ("courses", "Courses"), ("schools", "School pages")],
    )
    school = forms.ChoiceField(label="In school", required=False)
    member = forms.CharField(label="By member (username)", required=False, max_length=150)

    def __init__(self, *args, **kwargs):
        from schools.models import SchoolPage  # page models import this module, so not at the top

        super().__init__(*args, **kwargs)
        schools = SchoolPage.objects.live().public().order_by("title").values_list("slug", "title")
        self.fields["school"].choices = [("", "Any school"), *schools]
