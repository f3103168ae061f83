"""Markdown in comments: the formatting people expect, and nothing that can run or leak."""

import pytest

from discussion.rendering import count_links, plain_text, render_markdown


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("*italic* and **bold**", "<p><em>italic</em> and <strong>bold</strong></p>"),
        ("line one\nline two", "<p>line one<br>\nline two</p>"),
        ("`a < b`", "<p><code>a &lt; b</code></p>"),
        ("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>"),
        ("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>"),
        ("```\nif a < b:\n```", "<pre><code>if a &lt; b:\n</code></pre>"),
    ],
)
def test_formatting(source, expected):
    assert render_markdown(source) == expected


def test_links_are_nofollow_ugc():
    html = render_markdown("[P2PU](https://www.p2pu.org/) and <https://example.org>")

    assert html.count('rel="nofollow ugc"') == 2
    assert 'href="https://www.p2pu.org/"' in html


def test_bare_addresses_become_links_but_not_inside_code_or_links():
    html = render_markdown("See https://example.org/a?b=1. Or `https://not.linked` or [x](https://y.org/https://z)")

    assert '<a href="https://example.org/a?b=1" rel="nofollow ugc">https://example.org/a?b=1</a>.' in html
    assert "<code>https://not.linked</code>" in html
    assert html.count("<a ") == 2


def test_raw_html_is_shown_as_text():
    assert render_markdown("<b>bold</b>") == "<p>&lt;b&gt;bold&lt;/b&gt;</p>"


def test_headings_stay_paragraphs_so_comments_cannot_break_the_page_outline():
    assert render_markdown("# Big news") == "<p># Big news</p>"
    assert "<h" not in render_markdown("Title\n=====")


def test_images_become_links_to_the_image():
    assert render_markdown("![diagram](https://example.org/d.png)") == (
        '<p><a href="https://example.org/d.png" rel="nofollow ugc">diagram</a></p>'
    )


@pytest.mark.parametrize("scheme", ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "JAVASCRIPT:alert(1)"])
def test_dangerous_link_schemes_lose_their_address(scheme):
    html = render_markdown(f"[click]({scheme})")

    assert "href" not in html
    assert "click" in html


def test_plain_text_and_link_count():
    assert plain_text("**Hello** <there> [you](https://x.org)") == "Hello <there> you"
    assert count_links("[a](https://x.org) https://y.org <https://z.org> plain") == 3
