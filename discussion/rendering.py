"""Comments are written in Markdown and shown as sanitised HTML.

Two layers, so a gap in one is caught by the other: Markdown is configured to treat raw HTML as text (it is
escaped, never passed through), and its output goes through nh3 with a short allow-list of tags, no attributes
but a link's `href`/`title`, and only http(s) and mailto links, which all get `rel="nofollow ugc"`.
Headings and images are switched off: a comment cannot break the page's heading outline or load a tracker.
"""

import html
import re
import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.inlinepatterns import IMAGE_LINK_RE, LinkInlineProcessor
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {"p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"}
_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes={"a": {"href", "title"}, "ol": {"start"}},
    url_schemes={"http", "https", "mailto"},
    link_rel="nofollow ugc",
    strip_comments=True,
    clean_content_tags={"script", "style", "template", "textarea", "title", "noscript", "iframe", "object"},
)

# A bare web address in the text; trailing punctuation stays outside the link.
BARE_URL = re.compile(r"(?<![\w/@.:])https?://[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]}]")
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)|<https?://[^>]+>|(?<![\w/@.:])https?://\S+")


class LinkifyBareUrls(Treeprocessor):
    """Turn bare web addresses into links, outside links and code."""

    SKIP = {"a", "code", "pre"}

    def run(self, root):
        self._walk(root)

    def _walk(self, element):
        if element.tag in self.SKIP:
            return
        for child in list(element):
            self._walk(child)
        self._linkify_text(element)
        for child in list(element):
            self._linkify_tail(element, child)

    def _split(self, text):
        """Plain text before the first URL, then (link element, following text) pairs."""
        pieces = BARE_URL.split(text)
        urls = BARE_URL.findall(text)
        if not urls:
            return None
        links = []
        for url, after in zip(urls, pieces[1:], strict=True):
            link = etree.Element("a", {"href": url})
            link.text = url
            link.tail = after
            links.append(link)
        return pieces[0], links

    def _linkify_text(self, element):
        split = self._split(element.text or "")
        if split:
            element.text, links = split
            for position, link in enumerate(links):
                element.insert(position, link)

    def _linkify_tail(self, parent, child):
        split = self._split(child.tail or "")
        if split:
            child.tail, links = split
            position = list(parent).index(child) + 1
            for offset, link in enumerate(links):
                parent.insert(position + offset, link)


def _markdown():
    """A Markdown converter without raw HTML, headings or images (instances are not thread-safe: one per call)."""
    converter = markdown.Markdown(extensions=["fenced_code", "sane_lists", "nl2br"], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    for pattern in ("image_reference", "short_image_ref"):
        converter.inlinePatterns.deregister(pattern)
    # An image becomes a plain link to it, with its description as the link text.
    converter.inlinePatterns.register(LinkInlineProcessor(IMAGE_LINK_RE, converter), "image_link", 150)
    for processor in ("hashheader", "setextheader"):
        converter.parser.blockprocessors.deregister(processor)
    converter.treeprocessors.register(LinkifyBareUrls(converter), "linkify", 15)
    return converter


def render_markdown(source):
    """Sanitised HTML for a comment's Markdown `source`."""
    return sanitise(_markdown().convert(source))


def sanitise(fragment):
    return _cleaner.clean(fragment)


def plain_text(source):
    """The words of a comment without markup, for emails, excerpts and duplicate checks."""
    return html.unescape(nh3.clean(render_markdown(source), tags=set())).strip()


def count_links(source):
    return len(MARKDOWN_LINK.findall(source))


def normalised(source):
    """The text reduced to what a duplicate would share: words in lower case, single spaces."""
    return " ".join(source.lower().split())
