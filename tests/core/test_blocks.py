"""Every shared block renders its content through its own template, and refuses bad values."""

import datetime

from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from core.blocks import BaseStreamBlock, CallToActionBlock, CodeBlock, MeetingBlock, ResourceLinkBlock
from tests.conftest import VIDEO_URL
from tests.factories import StandardPageFactory

MEETING = {
    "title": "Weekly IRC meeting",
    "date": datetime.date(2027, 3, 23),
    "time": datetime.time(19, 0),
    "time_zone": "Europe/London",
    "duration_minutes": 60,
    "recurrence": "weekly",
    "occurrences": 3,
    "place_type": "irc",
    "irc_channel": "#p2pu-python",
    "irc_network": "irc.libera.chat",
    "video_url": "",
    "address": "",
    "notes": "Bring a question.",
}

EVERY_BLOCK = [
    ("heading", {"text": "What you will learn", "level": "h2"}),
    ("paragraph", "<p>Peer learning means <b>learning together</b>.</p>"),
    ("video", {"video": VIDEO_URL, "caption": "A companion video"}),
    ("quote", {"quote": "We learn best together.", "attribution": "An organiser", "source_url": ""}),
    ("code", {"language": "python", "code": "print('<script>alert(1)</script>')", "caption": "Hello"}),
    (
        "resource",
        {
            "title": "Think Python",
            "resource_type": "book",
            "page": None,
            "url": "https://greenteapress.com/wp/think-python-2e/",
            "description": "A free book.",
            "licence": "CC BY-NC 3.0",
        },
    ),
    (
        "call_to_action",
        {
            "heading": "Start a group",
            "text": "Anyone can.",
            "button_label": "Read the guide",
            "page": None,
            "url": "https://example.org/guide",
        },
    ),
    ("meeting", MEETING),
    ("faq", {"heading": "Questions", "items": [{"question": "Does it cost anything?", "answer": "<p>No, never.</p>"}]}),
]


@pytest.fixture
def page_with_every_block(site_tree, stored_video):
    image = wagtail_factories.ImageFactory(title="Peers at a meetup")
    image_block = (
        "image",
        {
            "image": {"image": image, "decorative": False, "alt_text": "Five people around a laptop"},
            "caption": "Our first meetup",
            "credit": "CC BY",
        },
    )
    return StandardPageFactory(
        parent=site_tree.home, title="Every block", slug="every-block", body=[*EVERY_BLOCK, image_block]
    )


def test_every_block_renders_its_content(client, page_with_every_block):
    response = client.get(page_with_every_block.url)

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    main = html.find("main")
    assert main.find("h2", id="what-you-will-learn").text == "What you will learn"
    assert main.select_one(".rich-text b").text == "learning together"
    assert main.select_one(".block-video template").decode_contents().strip().startswith("<iframe")
    assert main.select_one(".block-video__poster")["href"] == VIDEO_URL
    assert "We learn best together." in main.select_one(".block-quote").text
    assert main.select_one(".block-code .code-block__highlight") is not None
    assert main.select_one(".block-resource__title a")["href"] == "https://greenteapress.com/wp/think-python-2e/"
    assert main.select_one(".block-cta a.button").text == "Read the guide"
    assert "#p2pu-python on irc.libera.chat" in main.select_one(".block-meeting").text
    assert main.select_one(".block-faq summary").text == "Does it cost anything?"
    image = main.select_one(".block-image img")
    assert image["alt"] == "Five people around a laptop"
    assert "Our first meetup" in main.select_one(".block-image figcaption").text


def test_code_is_escaped_not_executed(client, page_with_every_block):
    response = client.get(page_with_every_block.url)

    html = BeautifulSoup(response.content, "html.parser")
    code = html.select_one(".block-code")
    assert code.find("script") is None
    assert "<script>alert(1)</script>" in code.text


def test_video_without_a_stored_embed_falls_back_to_a_link(site_tree, client, monkeypatch):
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedNotFoundException

    def no_network(*args, **kwargs):
        raise EmbedNotFoundException

    monkeypatch.setattr(embeds, "get_finder_for_embed", no_network)
    url = "https://www.youtube.com/watch?v=never-stored"
    page = StandardPageFactory(parent=site_tree.home, body=[("video", {"video": url, "caption": ""})])

    response = client.get(page.url)

    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".block-video template") is None
    assert html.select_one(".block-video figcaption a")["href"] == url


def test_meeting_times_follow_the_meetings_own_time_zone_across_dst():
    value = MeetingBlock().to_python({**MEETING, "date": "2027-03-23", "time": "19:00:00"})

    starts = value.occurrences()

    # Britain moves to summer time on 28 March 2027: 19:00 local is 19:00 UTC, then 18:00 UTC.
    assert [start.astimezone(datetime.UTC).hour for start in starts] == [19, 18, 18]
    assert all(start.hour == 19 for start in starts)
    assert value.next_occurrence(now=datetime.datetime(2027, 3, 31, tzinfo=datetime.UTC)) == starts[2]
    assert value.next_occurrence(now=datetime.datetime(2027, 5, 1, tzinfo=datetime.UTC)) is None
    assert value.place_href == "ircs://irc.libera.chat/p2pu-python"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"place_type": "irc", "irc_channel": ""}, "irc_channel"),
        ({"place_type": "video", "video_url": ""}, "video_url"),
        ({"place_type": "address", "address": ""}, "address"),
        ({"recurrence": "weekly", "occurrences": None}, "occurrences"),
    ],
)
def test_meeting_refuses_missing_details(changes, field):
    block = MeetingBlock()
    value = block.to_python({**MEETING, "date": "2027-03-23", "time": "19:00:00", **changes})

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert field in error.value.block_errors


@pytest.mark.parametrize("block_class", [ResourceLinkBlock, CallToActionBlock])
def test_links_need_a_page_or_an_address(block_class):
    block = block_class()
    value = block.to_python({"title": "T", "heading": "H", "button_label": "Go", "page": None, "url": ""})

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "url" in error.value.block_errors


def test_unknown_code_language_falls_back_to_plain_text():
    value = CodeBlock().to_python({"language": "klingon", "code": "x = 1", "caption": ""})

    assert "x = 1" in value.highlighted()


def test_every_block_has_a_template_icon_and_preview():
    for name, block in BaseStreamBlock().child_blocks.items():
        assert block.meta.template, name
        assert block.meta.icon, name


def test_stream_value_round_trips_every_block(page_with_every_block):
    body = page_with_every_block.body
    assert isinstance(body, StreamValue)
    assert [block.block_type for block in body] == [name for name, _ in EVERY_BLOCK] + ["image"]


def test_search_indexes_what_readers_read_not_block_settings(page_with_every_block):
    content = " ".join(page_with_every_block.body.stream_block.get_searchable_content(page_with_every_block.body))

    assert "What you will learn" in content
    assert "Think Python" in content
    for setting_label in ("Section heading", "Europe/London", "Every week", "IRC channel", "Python"):
        assert setting_label not in content.replace("Think Python", "")
