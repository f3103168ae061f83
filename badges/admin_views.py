"""Staff views in the Wagtail admin: revoking an award with a reason, and reinstating it."""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from wagtail.admin import messages

from .models import Assertion
from .revocation import reinstate, revoke


class RevokeForm(forms.Form):
    reason = forms.CharField(
        max_length=300,
        help_text="Published at the badge’s address for anyone who checks it, so keep it factual",
        widget=forms.TextInput(attrs={"placeholder": "e.g. The evidence was copied from another learner."}),
    )


def revoke_link(assertion):
    label = "Reinstate" if assertion.revocations.all() else "Revoke"
    return format_html('<a href="{}">{}</a>', reverse("badge_awards:revoke", args=[quote(assertion.pk)]), label)


def revoke_view(request, pk):
    """Revoke a valid award (with a published reason), or reinstate one staff revoked."""
    if not request.user.is_staff:
        raise PermissionDenied
    assertion = get_object_or_404(Assertion.objects.select_related("badge", "recipient"), pk=pk)
    revocations = list(assertion.revocations.all())
    form = RevokeForm(request.POST or None)
    if request.method == "POST":
        if revocations and "reinstate" in request.POST:
            reinstate(assertion)
            if assertion.revocations.exists():
                messages.warning(request, "Revocations caused by a member’s block stay until the block is undone.")
            else:
                messages.success(request, f"{assertion.badge} is valid again for {assertion.recipient}.")
            return redirect("badge_awards:index")
        if not revocations and form.is_valid():
            revoke(assertion, form.cleaned_data["reason"], by=request.user)
            messages.success(request, f"{assertion.badge} revoked for {assertion.recipient}.")
            return redirect("badge_awards:index")
    return TemplateResponse(
        request,
        "badges/admin/revoke.html",
        {"assertion": assertion, "revocations": revocations, "form": form},
    )
