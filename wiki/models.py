from django.db import models
from django.db.models import F

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.page_actions import PageActionsMixin
from history.forms import EditSummaryPageForm
from moderation.permissions import community_permissions


class WikiIndexPage(Page):
    """/wiki/: the community's collaborative pages."""

    intro = models.TextField(blank=True, max_length=500, help_text="A sentence or two shown under the title")

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["wiki.WikiPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = WikiPage.objects.descendant_of(self).live().public()
        if request.GET.get("q", "").strip():
            from search.results import run  # search imports the page models

            context["search"] = run(request, only_type="wiki")  # shown instead of the tree of every page
        else:
            context["sections"] = WikiPage.tree_of(pages, root=self)
        context["recently_changed"] = pages.order_by(F("last_published_at").desc(nulls_last=True))[:8]
        return context

    def permissions_for_user(self, user):
        # Contributors may start a wiki page at the top of the wiki (moderation app).
        return community_permissions(user, self)


class WikiPage(PageActionsMixin, Page):
    """A page of the wiki that any member can improve; pages nest to any depth."""

    summary = models.TextField(blank=True, max_length=300, help_text="One sentence shown in listings")
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body"), FieldPanel("edit_summary")]
    base_form_class = EditSummaryPageForm

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["wiki.WikiIndexPage", "wiki.WikiPage"]
    subpage_types = ["wiki.WikiPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = WikiPage.objects.child_of(self).live().public().order_by("title")
        return context

    def permissions_for_user(self, user):
        # Any contributor edits the wiki; trusted contributors publish without review (moderation app).
        return community_permissions(user, self)

    @staticmethod
    def tree_of(pages, root):
        """Nest a flat queryset of wiki pages under `root` in one query: [(page, [(child, [...])...])...]."""
        children = {}
        for page in pages.order_by("path"):
            children.setdefault(page.path[: -page.steplen], []).append(page)

        def branch(path):
            return [(page, branch(page.path)) for page in sorted(children.get(path, []), key=lambda p: p.title)]

        return branch(root.path)
