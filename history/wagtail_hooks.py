"""Keeps the editor's "Summary of your changes" with the revision it describes."""

from wagtail import hooks

from .forms import SUMMARY_MAX_LENGTH
from .models import RevisionNote


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def store_edit_summary(request, page):
    if "edit_summary" not in request.POST:
        return
    summary = " ".join(request.POST.get("edit_summary", "").split())[:SUMMARY_MAX_LENGTH]
    revision = page.latest_revision
    if revision is None:
        return
    if summary:
        RevisionNote.objects.update_or_create(revision=revision, defaults={"summary": summary})
    else:
        # An autosave may have stored a summary that the editor has since cleared.
        RevisionNote.objects.filter(revision=revision).delete()
