"""StreamField blocks shared by every page type.

Each block renders through its own template in `templates/blocks/`.
"""

import datetime
import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from dateutil.relativedelta import relativedelta
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

# Rich text never embeds media itself: images and videos have blocks of their own,
# whose templates carry captions, alt text and CSP-safe markup.
RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "hr",
    "code",
    "blockquote",
    "superscript",
    "subscript",
    "strikethrough",
]


class HeadingBlock(blocks.StructBlock):
    """A section heading; its slug is the anchor other pages can link to."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[
            ("h2", "Section heading"),
            ("h3", "Subheading"),
            ("h4", "Minor heading"),
        ],
        default="h2",
        search_index=False,
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "What you will learn", "level": "h2"}
        description = "A heading that structures the page"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["text"])
        return context


class ParagraphBlock(blocks.RichTextBlock):
    """Formatted text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        preview_value = "<p>Peer learning means <b>learning with and from each other</b>.</p>"
        description = "Formatted text with links and lists"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text, an optional caption and credit."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=120, help_text="Who made the image, and its licence")

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        description = "An image with a caption"


class VideoBlock(blocks.StructBlock):
    """A video (YouTube, Vimeo…) embedded from its page address."""

    video = EmbedBlock(help_text="The address of the video's page, e.g. https://www.youtube.com/watch?v=…")
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        description = "A video from YouTube, Vimeo and similar sites"


class QuoteBlock(blocks.StructBlock):
    """A quotation with who said it."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)
    source_url = blocks.URLBlock(required=False, label="Source address")

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "We learn best when we learn together, and teach what we have just learned.",
            "attribution": "A P2PU organiser",
        }
        description = "A quotation"


CODE_LANGUAGES = [
    ("python", "Python"),
    ("javascript", "JavaScript"),
    ("html", "HTML"),
    ("css", "CSS"),
    ("bash", "Shell"),
    ("sql", "SQL"),
    ("json", "JSON"),
    ("r", "R"),
    ("text", "Plain text"),
]


class CodeStructValue(blocks.StructValue):
    def highlighted(self):
        """The code as Pygments markup: CSS classes only, so it passes a strict CSP."""
        try:
            lexer = get_lexer_by_name(self.get("language") or "text")
        except ClassNotFound:
            lexer = get_lexer_by_name("text")
        return mark_safe(highlight(self.get("code", ""), lexer, _code_formatter()))  # noqa: S308 — Pygments escapes the code


@cache
def _code_formatter():
    return HtmlFormatter(cssclass="code-block__highlight", wrapcode=True)


class CodeBlock(blocks.StructBlock):
    """A code listing, highlighted on the server."""

    language = blocks.ChoiceBlock(choices=CODE_LANGUAGES, default="python", search_index=False)
    code = blocks.TextBlock()
    caption = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "code"
        template = "blocks/code_block.html"
        value_class = CodeStructValue
        preview_value = {
            "language": "python",
            "code": 'print("Hello, peers!")',
            "caption": "",
        }
        description = "Source code with syntax highlighting"


class LinkStructValue(blocks.StructValue):
    @cached_property
    def href(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("url") or ""

    @property
    def is_external(self):
        return not self.get("page") and bool(self.get("url"))


def _require_one_link(value):
    if not value.get("page") and not value.get("url"):
        message = ValidationError("Choose a page on this site or enter an address.")
        raise StructBlockValidationError(block_errors={"url": message})


class ResourceStructValue(LinkStructValue):
    @property
    def type_label(self):
        return dict(RESOURCE_TYPES).get(self.get("resource_type"), "Resource")


RESOURCE_TYPES = [
    ("article", "Article"),
    ("video", "Video"),
    ("book", "Book"),
    ("course", "Open course"),
    ("tool", "Tool"),
    ("dataset", "Data set"),
    ("other", "Resource"),
]


class ResourceLinkBlock(blocks.StructBlock):
    """A link to an open learning resource, on this site or elsewhere."""

    title = blocks.CharBlock(max_length=150)
    resource_type = blocks.ChoiceBlock(choices=RESOURCE_TYPES, default="article", search_index=False)
    page = blocks.PageChooserBlock(required=False, help_text="A page on this site…")
    url = blocks.URLBlock(required=False, label="Address", help_text="…or an address elsewhere")
    description = blocks.TextBlock(required=False, max_length=400)
    licence = blocks.CharBlock(required=False, max_length=60, help_text="e.g. CC BY-SA 4.0")

    class Meta:
        icon = "link"
        template = "blocks/resource_link_block.html"
        value_class = ResourceStructValue
        preview_value = {
            "title": "Think Python, 2nd edition",
            "resource_type": "book",
            "url": "https://greenteapress.com/wp/think-python-2e/",
            "description": "A free book that teaches programming from first principles.",
            "licence": "CC BY-NC 3.0",
        }
        description = "A card linking to a learning resource"

    def clean(self, value):
        value = super().clean(value)
        _require_one_link(value)
        return value


class CallToActionBlock(blocks.StructBlock):
    """A banner inviting readers to act: join, contribute, read on."""

    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    button_label = blocks.CharBlock(max_length=40)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="Address")

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        value_class = LinkStructValue
        preview_value = {
            "heading": "Start a study group",
            "text": "Anyone can organise one. Pick open materials, invite peers, meet weekly.",
            "button_label": "Read the guide",
            "url": "https://example.org/guide",
        }
        description = "A highlighted invitation with a button"

    def clean(self, value):
        value = super().clean(value)
        _require_one_link(value)
        return value


@cache
def time_zone_choices():
    zones = sorted(zone for zone in zoneinfo.available_timezones() if "/" in zone and not zone.startswith("Etc/"))
    return [("UTC", "UTC"), *((zone, zone.replace("_", " ")) for zone in zones)]


RECURRENCE_STEPS = {
    "weekly": relativedelta(weeks=1),
    "fortnightly": relativedelta(weeks=2),
    "monthly": relativedelta(months=1),
}

PLACE_TYPES = [
    ("irc", "IRC channel"),
    ("video", "Video call"),
    ("address", "In person"),
]


class MeetingStructValue(blocks.StructValue):
    """Times are computed in the meeting's own time zone, so a weekly 19:00 stays 19:00 across DST."""

    @property
    def tz(self):
        try:
            return zoneinfo.ZoneInfo(self.get("time_zone") or "UTC")
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return datetime.UTC

    @property
    def starts_at(self):
        date, time = self.get("date"), self.get("time")
        if not date or not time:
            return None
        return datetime.datetime.combine(date, time, tzinfo=self.tz)

    @property
    def is_recurring(self):
        return self.get("recurrence") in RECURRENCE_STEPS

    @property
    def duration(self):
        return datetime.timedelta(minutes=self.get("duration_minutes") or 60)

    def occurrences(self):
        """Every start time of the meeting, aware in its own time zone."""
        first = self.starts_at
        if first is None:
            return []
        if not self.is_recurring:
            return [first]
        step = RECURRENCE_STEPS[self["recurrence"]]
        count = self.get("occurrences") or 1
        return [first + step * index for index in range(count)]

    def next_occurrence(self, now=None):
        now = now or datetime.datetime.now(datetime.UTC)
        return next((start for start in self.occurrences() if start + self.duration > now), None)

    @property
    def rhythm(self):
        return {
            "weekly": "Every week",
            "fortnightly": "Every two weeks",
            "monthly": "Every month",
        }.get(self.get("recurrence"), "Once")

    @property
    def place_href(self):
        kind = self.get("place_type")
        if kind == "irc" and self.get("irc_channel"):
            channel = self["irc_channel"].lstrip("#")
            return f"ircs://{self.get('irc_network') or 'irc.libera.chat'}/{channel}"
        if kind == "video":
            return self.get("video_url") or ""
        return ""

    @property
    def place_label(self):
        kind = self.get("place_type")
        if kind == "irc":
            channel = "#" + (self.get("irc_channel") or "").lstrip("#")
            return f"{channel} on {self.get('irc_network') or 'irc.libera.chat'}"
        if kind == "video":
            return "Video call"
        return self.get("address") or ""


class MeetingBlock(blocks.StructBlock):
    """A live meeting: when (with time zone), where (IRC, video call or address) and how often."""

    title = blocks.CharBlock(max_length=120, default="Weekly meeting")
    date = blocks.DateBlock(help_text="The date of the first meeting")
    time = blocks.TimeBlock(help_text="Local time in the time zone below")
    time_zone = blocks.ChoiceBlock(choices=time_zone_choices, default="UTC", search_index=False)
    duration_minutes = blocks.IntegerBlock(default=60, min_value=5, max_value=600, label="Length (minutes)")
    recurrence = blocks.ChoiceBlock(
        choices=[
            ("once", "Once"),
            ("weekly", "Every week"),
            ("fortnightly", "Every two weeks"),
            ("monthly", "Every month"),
        ],
        default="weekly",
        search_index=False,
    )
    occurrences = blocks.IntegerBlock(
        required=False,
        min_value=1,
        max_value=104,
        help_text="How many meetings in all, for a repeating meeting",
    )
    place_type = blocks.ChoiceBlock(choices=PLACE_TYPES, default="video", label="Where", search_index=False)
    irc_channel = blocks.CharBlock(required=False, max_length=60, help_text="e.g. #p2pu-python")
    irc_network = blocks.CharBlock(required=False, max_length=80, default="irc.libera.chat")
    video_url = blocks.URLBlock(required=False, label="Video-call link")
    address = blocks.TextBlock(required=False, max_length=300)
    notes = blocks.TextBlock(required=False, max_length=500, help_text="Agenda, what to prepare, who hosts")

    class Meta:
        icon = "date"
        template = "blocks/meeting_block.html"
        value_class = MeetingStructValue
        preview_value = {
            "title": "Weekly meeting",
            "date": datetime.date(2027, 1, 5),
            "time": datetime.time(19, 0),
            "time_zone": "Europe/London",
            "duration_minutes": 60,
            "recurrence": "weekly",
            "occurrences": 6,
            "place_type": "irc",
            "irc_channel": "#p2pu-python",
            "irc_network": "irc.libera.chat",
        }
        description = "A scheduled live meeting on IRC, a video call or in person"

    def clean(self, value):
        value = super().clean(value)
        required_by_place = {
            "irc": "irc_channel",
            "video": "video_url",
            "address": "address",
        }
        needed = required_by_place.get(value.get("place_type"))
        errors = {}
        if needed and not value.get(needed):
            errors[needed] = ValidationError("Say where the meeting happens.")
        if value.get("recurrence") in RECURRENCE_STEPS and not value.get("occurrences"):
            errors["occurrences"] = ValidationError("Say how many meetings there are in all.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = ParagraphBlock()

    class Meta:
        icon = "help"


class FAQBlock(blocks.StructBlock):
    """Questions and answers that open one at a time (an accordion)."""

    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/faq_block.html"
        preview_value = {
            "heading": "Questions",
            "items": [
                {
                    "question": "Does it cost anything?",
                    "answer": "<p>No. Every course here is free.</p>",
                },
                {
                    "question": "Do I get a certificate?",
                    "answer": "<p>You can earn open badges.</p>",
                },
            ],
        }
        description = "Questions and answers, shown as an accordion"


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every page body offers."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    code = CodeBlock()
    resource = ResourceLinkBlock()
    call_to_action = CallToActionBlock()
    meeting = MeetingBlock()
    faq = FAQBlock()


class TaskStreamBlock(blocks.StreamBlock):
    """The blocks a task's instructions offer: enough to explain one step, no page furniture."""

    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()
    code = CodeBlock()
    resource = ResourceLinkBlock()
    quote = QuoteBlock()
