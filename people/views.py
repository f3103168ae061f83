"""Accounts (sign-up, email confirmation, log-in, password reset) and members' public profiles."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from core.ratelimit import wait_message
from core.requests import safe_next
from courses.models import CoursePage

from . import ratelimit
from .emails import send_confirmation
from .forms import (
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordForm,
    SignupForm,
)
from .signals import email_confirmed, member_signed_up
from .tokens import InvalidToken, read_token

User = get_user_model()


# Sign-up and email confirmation


@never_cache
@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect(request.user.get_absolute_url())
    next_url = safe_next(request, default="")
    form = SignupForm(request.POST if request.method == "POST" else None, request=request)
    if request.method == "POST" and form.is_valid():
        member = form.save()
        login(request, member, backend="django.contrib.auth.backends.ModelBackend")
        member_signed_up.send(sender=User, user=member, request=request)
        send_confirmation(member)
        sent_url = reverse("people:confirm_email_sent")
        return redirect(f"{sent_url}?next={next_url}" if next_url else sent_url)
    return render(request, "people/signup.html", {"form": form, "next": next_url})


@never_cache
@login_required
def confirm_email_sent(request):
    if request.user.email_confirmed:
        return redirect(safe_next(request, default=request.user.get_absolute_url()))
    return render(request, "people/confirm_email_sent.html", {"next": safe_next(request, default="")})


@never_cache
def confirm_email(request, token):
    """GET shows what will be confirmed; the POST confirms (so a mail scanner following the link changes nothing)."""
    try:
        member, email = read_token(token)
    except InvalidToken as error:
        return render(request, "people/confirm_email.html", {"error": str(error)}, status=400)
    if request.method == "POST":
        already = member.email == email and member.email_confirmed
        if not already:
            member.email = email
            member.email_confirmed_at = timezone.now()
            member.save(update_fields=["email", "email_confirmed_at"])
            email_confirmed.send(sender=User, user=member)
        messages.success(request, f"Thank you: {email} is confirmed. You can now take part fully.")
        if request.user.is_authenticated and request.user.pk == member.pk:
            return redirect(reverse("moderation:contribute"))
        return redirect(f"{reverse('people:login')}?next={reverse('moderation:contribute')}")
    return render(request, "people/confirm_email.html", {"member": member, "email": email})


@require_POST
@login_required
def resend_confirmation(request):
    member = request.user
    if member.email_confirmed:
        messages.info(request, "Your email address is already confirmed.")
        return redirect(member.get_absolute_url())
    limit = ratelimit.confirmation_limit(request, member)
    wait = limit.blocked()
    if wait:
        messages.error(request, wait_message(wait))
    else:
        limit.hit()
        send_confirmation(member)
        messages.success(request, f"We sent a new confirmation link to {member.email}.")
    return redirect(reverse("people:confirm_email_sent"))


# Log-in, log-out and passwords (Django's views with our forms, templates and limits)


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "people/login.html"
    # Not redirected when logged in: the admin sends members without access here, and would send them back.


class LogoutView(auth_views.LogoutView):
    next_page = "/"


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "people/password_reset.html"
    email_template_name = "people/emails/password_reset.txt"
    subject_template_name = "people/emails/password_reset_subject.txt"
    success_url = reverse_lazy("people:password_reset_done")

    @property
    def extra_email_context(self):
        # Links are built from the configured address, never from the request's Host header.
        return {"base_url": settings.WAGTAILADMIN_BASE_URL, "site_name": settings.WAGTAIL_SITE_NAME}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "people/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "people/password_reset_confirm.html"
    success_url = reverse_lazy("people:password_reset_complete")

    def form_valid(self, form):
        # The reset link reached this address, which confirms it as well as any confirmation link would.
        member = form.user
        if not member.email_confirmed:
            member.email_confirmed_at = timezone.now()
            member.save(update_fields=["email_confirmed_at"])
            email_confirmed.send(sender=User, user=member)
        return super().form_valid(form)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "people/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "people/password_change.html"

    def get_success_url(self):
        messages.success(self.request, "Your password is changed.")
        return self.request.user.get_absolute_url()


# Profiles


def visible_member(request, username):
    """The member whose profile this is; blocked or deactivated accounts only for moderators."""
    member = get_object_or_404(User, username=username)
    if not member.is_active and not request.user.has_perm("moderation.block_member"):
        raise Http404
    return member


def profile(request, username):
    member = visible_member(request, username)
    courses = CoursePage.prepare_cards(
        CoursePage.objects.live().public().filter(Q(organisers__user=member)).distinct().order_by("title")
    )
    return render(
        request,
        "people/profile.html",
        {"profile_user": member, "courses": courses, "is_own_profile": request.user.pk == member.pk},
    )


@never_cache
@login_required
def profile_edit(request, username):
    member = visible_member(request, username)
    if member.pk != request.user.pk:
        raise PermissionDenied("You can only edit your own profile.")
    bound = request.method == "POST"
    form = ProfileForm(request.POST if bound else None, request.FILES if bound else None, instance=member)
    if request.method == "POST" and form.is_valid():
        new_email = form.new_email
        member = form.save()
        if new_email:
            send_confirmation(member, new_email)
            messages.success(
                request,
                f"Your profile is saved. We sent a link to {new_email}: your address changes when you follow it.",
            )
        else:
            messages.success(request, "Your profile is saved.")
        return redirect(member.get_absolute_url())
    return render(request, "people/profile_edit.html", {"form": form, "profile_user": member})
