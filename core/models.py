from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock
from .page_actions import PageActionsMixin


class StandardPage(PageActionsMixin, Page):
    """A plain content page: About, FAQ, Code of conduct and the like."""

    intro = models.TextField(blank=True, max_length=500, help_text="A sentence or two shown under the title")
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]


@register_setting(icon="site")
class SiteIdentity(BaseGenericSetting):
    """The community's name, tagline and footer text, edited by site admins."""

    community_name = models.CharField(max_length=80, default="P2PU")
    tagline = models.CharField(
        max_length=160,
        default="Peer 2 Peer University: learning for everyone, by everyone",
    )
    footer_text = models.TextField(
        blank=True,
        default="An open community where anyone can create a course and anyone can take one. "
        "No tuition, no admissions: just peers learning together.",
    )
    licence_text = models.CharField(
        max_length=200,
        blank=True,
        default="Content on this site is licensed CC BY-SA 4.0 unless noted otherwise.",
    )
    contact_email = models.EmailField(blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("community_name"), FieldPanel("tagline")], heading="Identity"),
        MultiFieldPanel(
            [
                FieldPanel("footer_text"),
                FieldPanel("licence_text"),
                FieldPanel("contact_email"),
            ],
            heading="Footer",
        ),
    ]

    class Meta:
        verbose_name = "Site identity"
