from django import forms
from django.contrib.auth import get_user_model

from .models import Review, Submission

RATING_CHOICES = [
    (5, "5 – Outstanding"),
    (4, "4 – Strong"),
    (3, "3 – Meets the criteria"),
    (2, "2 – Not quite there"),
    (1, "1 – Far from the criteria"),
]


class SubmissionForm(forms.ModelForm):
    evidence_url = forms.URLField(
        assume_scheme="https",
        max_length=500,
        label=Submission._meta.get_field("evidence_url").verbose_name,
        help_text=Submission._meta.get_field("evidence_url").help_text,
        widget=forms.URLInput(attrs={"placeholder": "https://", "autocomplete": "url"}),
    )

    class Meta:
        model = Submission
        fields = ["evidence_url", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}

    def clean_evidence_url(self):
        url = self.cleaned_data["evidence_url"]
        if not url.lower().startswith(("https://", "http://")):
            raise forms.ValidationError("Give a web address starting with https:// or http://.")
        return url

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 40:
            raise forms.ValidationError("Tell reviewers a little more: at least a couple of sentences (40 characters).")
        return text


class ReviewForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        label="Your rating",
        help_text="Against the badge’s criteria, not against other learners",
    )

    class Meta:
        model = Review
        fields = ["rating", "comment"]
        labels = {"comment": "Your comment"}
        help_texts = {"comment": "What works, and what would make it stronger. Be kind and specific."}
        widgets = {"comment": forms.Textarea(attrs={"rows": 5})}

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if len(comment) < 20:
            raise forms.ValidationError("Write a sentence or two the learner can act on (at least 20 characters).")
        return comment


class AwardForm(forms.Form):
    recipient = forms.CharField(
        label="Member",
        max_length=150,
        help_text="Their username, as in the address of their profile (/people/username/)",
        widget=forms.TextInput(attrs={"autocomplete": "off", "list": "award-candidates"}),
    )
    note = forms.CharField(
        label="Why they earned it",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown with the badge and published as its evidence",
    )

    def clean_recipient(self):
        username = self.cleaned_data["recipient"].strip().lstrip("@")
        member = get_user_model().objects.filter(username__iexact=username).first()
        if member is None:
            raise forms.ValidationError(f"There is no member with the username “{username}”.")
        return member

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if len(note) < 10:
            raise forms.ValidationError("Say in a sentence why they earned it.")
        return note
