"""Account forms: sign-up, log-in, password reset and the member's own profile.

Every form that a stranger can submit checks its rate limit in the shared cache before doing any work, and says
in plain words what to fix when it refuses.
"""

import io

from django import forms
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile

from PIL import Image, ImageOps, UnidentifiedImageError

from core.ratelimit import wait_message

from . import ratelimit
from .conf import conf

User = get_user_model()

# Names that would read as official or collide with site paths if they appeared as /people/<name>/.
RESERVED_USERNAMES = {"admin", "administrator", "moderator", "moderators", "staff", "p2pu", "root", "support", "edit"}


def normalise_email(email):
    return User.objects.normalize_email((email or "").strip())


def email_taken(email, exclude=None):
    others = User.objects.filter(email__iexact=email)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return others.exists()


class SignupForm(auth_forms.BaseUserCreationForm):
    """A new member: username, email and password, agreeing to the code of conduct."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We send a link to confirm it. It is never shown on the site.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    display_name = forms.CharField(
        label="Your name (optional)",
        max_length=100,
        required=False,
        help_text="How your name is shown on the site. You can change it later.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    agree = forms.BooleanField(
        label="I will follow the code of conduct",
        error_messages={"required": "Tick this box to agree to the code of conduct."},
    )
    # Left empty by people; bots fill every field. Hidden by a class, so it works under the strict CSP.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta(auth_forms.BaseUserCreationForm.Meta):
        model = User
        fields = ("username", "email", "display_name")
        field_classes = {"username": auth_forms.UsernameField}
        help_texts = {"username": "Letters, digits and @ . + - _ only. It is part of your profile's address."}

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = "At least 8 characters; not only digits, and not a common password."
        self.fields["password2"].label = "Password again"
        self.fields["password2"].help_text = ""
        self.fields["username"].widget.attrs["autocomplete"] = "username"

    def clean_username(self):
        username = self.cleaned_data["username"]
        if username.lower() in RESERVED_USERNAMES:
            raise ValidationError("That username is reserved. Please choose another.")
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError("That username is taken. Please choose another.")
        return username

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        if email_taken(email):
            raise ValidationError(
                "An account with this email address already exists. Log in, or reset your password if you forgot it."
            )
        return email

    def clean(self):
        if self.data.get("website"):
            raise ValidationError("Something went wrong. Please try again without filling in hidden fields.")
        if self.request is not None:
            limit = ratelimit.signup_limit(self.request, self.data.get("email", ""))
            wait = limit.blocked()
            if wait:
                raise ValidationError(wait_message(wait))
            limit.hit()
        return super().clean()


class LoginForm(auth_forms.AuthenticationForm):
    """Log in with a username or an email address; repeated failures are slowed down per address and account."""

    username = auth_forms.UsernameField(
        label="Username or email", widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"})
    )

    error_messages = {
        "invalid_login": "That username or email and password don't match. Passwords are case-sensitive.",
        "inactive": "This account is not active.",
    }

    def clean(self):
        account = (self.cleaned_data.get("username") or "").strip()
        password = self.cleaned_data.get("password")
        if not account or not password:
            return self.cleaned_data
        member = self.find_member(account)
        # A member's failures count together however they name the account (username or email address).
        limit = ratelimit.login_limit(self.request, f"#{member.pk}" if member else account)
        wait = limit.blocked()
        if wait:
            raise ValidationError(wait_message(wait), code="rate_limited")
        username = member.username if member else account
        self.user_cache = authenticate(self.request, username=username, password=password)
        if self.user_cache is None:
            limit.hit()
            if member is not None and member.is_blocked and member.check_password(password):
                raise ValidationError(
                    "This account has been blocked by the moderators. If you think this is a mistake, write to us.",
                    code="blocked",
                )
            raise self.get_invalid_login_error()
        self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    @staticmethod
    def find_member(account):
        if "@" in account:
            return User.objects.filter(email__iexact=account).order_by("pk").first()
        return User.objects.filter(username=account).first()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, limited per address and per email; it never says whether an account exists."""

    email = forms.EmailField(
        label="Email address", max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if email and self.request is not None:
            limit = ratelimit.reset_limit(self.request, email)
            wait = limit.blocked()
            if wait:
                raise ValidationError(wait_message(wait))
            limit.hit()
        return cleaned


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = "At least 8 characters; not only digits, and not a common password."
        self.fields["new_password2"].label = "New password again"


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = "At least 8 characters; not only digits, and not a common password."
        self.fields["new_password2"].label = "New password again"


class ProfileForm(forms.ModelForm):
    """What a member edits about themselves. A new email address takes effect once they confirm it."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="Changing it sends a confirmation link to the new address; the old one stays until you follow it.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    remove_avatar = forms.BooleanField(label="Remove my picture", required=False)

    class Meta:
        model = User
        fields = ("display_name", "first_name", "last_name", "bio", "avatar")
        labels = {"display_name": "Display name", "bio": "About you", "avatar": "Picture"}
        help_texts = {
            "avatar": "A square JPEG, PNG or WebP works best; we crop it to a square.",
            "bio": "A few words shown on your profile: what you are learning, what you can help with.",
        }
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "avatar": forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].initial = self.instance.email
        self.fields["display_name"].widget.attrs["autocomplete"] = "nickname"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        if email.lower() != self.instance.email.lower() and email_taken(email, exclude=self.instance):
            raise ValidationError("Another account already uses this email address.")
        return email

    def clean_avatar(self):
        upload = self.cleaned_data.get("avatar")
        if not upload or upload == self.initial.get("avatar"):
            return upload
        if upload.size > conf.AVATAR_MAX_BYTES:
            raise ValidationError(
                f"That picture is too large: the limit is {conf.AVATAR_MAX_BYTES // (1024 * 1024)} MB."
            )
        try:
            image = Image.open(upload)
            image.load()
        except (UnidentifiedImageError, OSError) as error:
            raise ValidationError("That file is not a picture we can read. Use a JPEG, PNG or WebP image.") from error
        if image.format not in {"JPEG", "PNG", "WEBP"}:
            raise ValidationError("Use a JPEG, PNG or WebP image.")
        return square_jpeg(image, upload.name)

    @property
    def new_email(self):
        """The address to confirm, when the member asked to change theirs."""
        email = self.cleaned_data.get("email", "")
        return email if email.lower() != (self.instance.email or "").lower() else None

    def save(self, commit=True):
        member = super().save(commit=False)
        if self.cleaned_data.get("remove_avatar") and "avatar" not in self.changed_data:
            member.avatar.delete(save=False)
            member.avatar = ""
        if commit:
            member.save()
        return member


def square_jpeg(image, name):
    """The picture cropped to a centred square, scaled down and re-encoded: no metadata or oversized files kept."""
    image = ImageOps.exif_transpose(image).convert("RGB")
    image = ImageOps.fit(image, (conf.AVATAR_SIZE, conf.AVATAR_SIZE), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=88, optimize=True)
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0][:40] or "avatar"
    return InMemoryUploadedFile(output, "avatar", f"{stem}.jpg", "image/jpeg", output.tell(), None)
