from datetime import timedelta

from django import forms
from django.utils import timezone

from .conf import conf
from .models import Comment, NotificationSettings
from .rendering import count_links

HONEYPOT = "website"


class CommentTextField(forms.CharField):
    widget = forms.Textarea

    def __init__(self, **kwargs):
        super().__init__(
            max_length=conf.MAX_LENGTH,
            strip=True,
            error_messages={
                "required": "Write something before posting.",
                "max_length": "Keep it under %(limit_value)d characters (it has %(show_value)d).",
            },
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if count_links(value) > conf.MAX_LINKS:
            raise forms.ValidationError(
                f"That is a lot of links: a comment may have at most {conf.MAX_LINKS}.", code="too_many_links"
            )


class TextForm(forms.Form):
    text = CommentTextField(
        label="Your comment",
        help_text="Markdown works: *italic*, **bold**, [links](https://…), `code`, > quotes and lists.",
    )

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = label
        self.fields["text"].widget.attrs.update(rows=5, maxlength=conf.MAX_LENGTH, **{"data-discussion-text": ""})


class CommentForm(TextForm):
    """A new comment or a reply to `parent`, on `page`."""

    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Bots fill every field; people never see this one (hidden by CSS, out of the tab order, no autofill).
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, page, user, **kwargs):
        self.page = page
        self.user = user
        super().__init__(*args, **kwargs)

    @property
    def is_bot(self):
        return bool(self.data.get(HONEYPOT))

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = Comment.objects.filter(pk=parent_id, page_id=self.page.pk).first()
        if parent is None or not parent.is_visible:
            raise forms.ValidationError("The comment you are replying to is no longer there.", code="gone")
        if not parent.can_have_replies:
            raise forms.ValidationError(
                "This conversation is as deep as it goes: reply to an earlier comment instead.", code="too_deep"
            )
        return parent

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("text")
        if text and self.is_duplicate(text):
            raise forms.ValidationError("You already posted this here.", code="duplicate")
        return cleaned

    def is_duplicate(self, text):
        since = timezone.now() - timedelta(seconds=conf.DUPLICATE_WINDOW)
        return Comment.objects.filter(
            page_id=self.page.pk,
            user_id=self.user.pk,
            text_hash=Comment.hash_text(text),
            submit_date__gte=since,
            deleted_at__isnull=True,
        ).exists()


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["thread_replies", "followed_pages"]
