"""Snippets with the searched words marked: escaped text and `<mark>`, built here so no engine's markup leaks in.

None of the backends hands back highlighted text Wagtail can use (the database backends have none, and
Elasticsearch's would need the page fields stored), so snippets are cut from the same text the indexers read.
Everything from the document is escaped before `<mark>` is added around the matched words; the query's words only
ever choose *where* marks go, never what is written.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Endings that English stemming (PostgreSQL, Elasticsearch) folds together: "learn" finds "learning", "learned".
SUFFIXES = ("ing", "ers", "ies", "ied", "es", "ed", "er", "ly", "s", "y", "e")
WORD_CHARS = r"[^\W_]"


def stem(word):
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def word_pattern(words):
    """A regex matching any of `words` (or their stem plus a common ending) as whole words."""
    stems = sorted({stem(word.casefold()) for word in words if word}, key=len, reverse=True)
    if not stems:
        return None
    endings = "|".join(SUFFIXES)
    alternatives = "|".join(re.escape(item) for item in stems)
    return re.compile(rf"(?<!{WORD_CHARS})(?:{alternatives})(?:{endings})?(?!{WORD_CHARS})", re.IGNORECASE)


def _marked(text, pattern):
    out, position = [], 0
    for match in pattern.finditer(text) if pattern else ():
        out.append(escape(text[position : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def highlight(text, words):
    """All of `text`, escaped, with `words` marked (for titles)."""
    return mark_safe(_marked(text or "", word_pattern(words)))  # noqa: S308 — every piece is escaped above


def snippet(text, words, length):
    """About `length` characters of `text` around its densest cluster of `words`, escaped, with them marked."""
    text = " ".join((text or "").split())
    pattern = word_pattern(words)
    matches = list(pattern.finditer(text))[:200] if pattern else []  # enough to find a good window
    start = 0
    if matches:
        best = max(
            matches,
            key=lambda first: len(
                {m.group().casefold() for m in matches if first.start() <= m.start() < first.start() + length}
            ),
        )
        start = max(0, best.start() - length // 5)
    end = min(len(text), start + length)
    # Whole words at both ends.
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < best.start() else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = _marked(text[start:end], pattern)
    return mark_safe(("…" if start > 0 else "") + piece + ("…" if end < len(text) else ""))  # noqa: S308
