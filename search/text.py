"""The plain text search shows snippets from: the same fields the indexers read, without markup."""

import html
import re

from wagtail.search import index

TAG = re.compile(r"<[^>]*>")


def html_to_text(fragment):
    """Text of an HTML fragment, with a space where each tag was so words in adjacent blocks stay apart."""
    return " ".join(html.unescape(TAG.sub(" ", fragment or "")).split())


def page_text(page):
    """The text of a page's searchable fields other than its title (summary, intro, body), as it is indexed."""
    texts = []
    for field in page.get_search_fields():
        if type(field) is not index.SearchField or field.field_name == "title":
            continue
        value = field.get_value(page)
        if isinstance(value, (list, tuple)):
            value = " ".join(str(item) for item in value)
        if value:
            texts.append(" ".join(str(value).split()))  # already plain text: Wagtail strips rich text markup
    return " ".join(texts)


def comment_text(comment):
    """A comment's words: its rendered, sanitised HTML without the tags."""
    return html_to_text(comment.body_html)
