"""Forms of the moderation app: the course editor's form, starting to contribute, and moderators' decisions."""

from django import forms

from history.forms import EditSummaryPageForm

from . import roles


class CoursePageForm(EditSummaryPageForm):
    """The course editor's form: a contributor who creates a course becomes one of its organisers.

    Staff creating a course for others are added only when they leave the organisers empty.
    """

    def save(self, commit=True):
        page = super().save(commit=False)
        user = self.for_user
        if page.pk is None and user is not None and user.is_authenticated:
            organisers = list(page.organisers.all())
            joins = not organisers or not roles.is_moderator(user)
            if joins and all(link.user_id != user.pk for link in organisers):
                organiser_model = type(page).organisers.rel.related_model
                page.organisers.add(organiser_model(user=user, sort_order=len(organisers)))
        if commit:
            page.save()
        return page


class StartContributingForm(forms.Form):
    accept = forms.BooleanField(
        label="I have read the contributor guidelines and will follow them",
        error_messages={"required": "Tick the box to accept the contributor guidelines."},
    )


class ReviewDecisionForm(forms.Form):
    """Approve or send back a change; a comment is required when sending back, so the contributor knows why."""

    decision = forms.ChoiceField(
        choices=[("approve", "Approve and publish"), ("reject", "Request changes")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve the change or ask for changes."},
    )
    comment = forms.CharField(
        label="Comment for the contributor",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required when you request changes: say what to fix. Sent by email and shown on their page.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Say what needs to change, so the contributor can fix it.")
        return cleaned


class TrustForm(forms.Form):
    level = forms.ChoiceField(choices=[("trusted", "Trusted contributor"), ("contributor", "Contributor")])
    note = forms.CharField(label="Why (for the log)", required=False, max_length=300)


class BlockForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=300,
        help_text="Recorded in the moderation log, e.g. 'Spam links on three wiki pages'.",
        error_messages={"required": "Give a reason: it goes in the moderation log."},
    )
    confirm = forms.BooleanField(
        label="Deactivate this account and roll back their changes",
        error_messages={"required": "Tick the box to confirm the block."},
    )


class UndoBlockForm(forms.Form):
    note = forms.CharField(label="Why (for the log)", required=False, max_length=300)
