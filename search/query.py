"""What a visitor typed, made safe: words and quoted phrases, with nothing a search engine could trip over.

Every engine builds its own query syntax from `ParsedQuery.terms` and `.phrases`, which only ever hold letters,
digits and the joiners inside words (node.js, peer-to-peer, don't): no quotes, operators, wildcards, control
characters or NUL bytes survive parsing. Unbalanced quotes are read as plain words, so any input is a valid query.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from .conf import conf

# A word: letters and digits, possibly joined by the punctuation that lives inside words.
WORD = re.compile(r"[^\W_]+(?:['’.\-+#&/][^\W_]+)*")
# The letters-and-digits runs inside a word ("node.js" -> "node", "js"), for highlighting.
WORD_PART = re.compile(r"[^\W_]+")
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@dataclass(frozen=True)
class ParsedQuery:
    """A query reduced to plain words (all must match) and phrases (each must match as a run of words)."""

    text: str = ""
    terms: tuple = ()
    phrases: tuple = ()
    # Every letters-and-digits run in the query, lower case: what snippets highlight.
    words: tuple = field(default=(), repr=False)

    @property
    def is_empty(self):
        return not (self.terms or self.phrases)

    def replace_terms(self, replacements):
        """The same query with some words swapped, e.g. for "Did you mean…?"."""
        terms = tuple(replacements.get(term.casefold(), term) for term in self.terms)
        quoted = [f'"{phrase}"' for phrase in self.phrases]
        return parse(" ".join([*terms, *quoted]))


def clean(raw):
    """The query text without control characters, in one normal form, trimmed to the longest we accept."""
    text = unicodedata.normalize("NFKC", str(raw or ""))
    text = "".join(" " if unicodedata.category(char).startswith("C") else char for char in text)
    return " ".join(text.split())[: conf.MAX_QUERY_LENGTH].strip()


def parse(raw):
    text = clean(raw)
    segments = text.translate(QUOTES).split('"')
    if len(segments) % 2 == 0:
        # An odd number of quotes: the last one opens nothing, so what follows it is plain words.
        segments[-2:] = [segments[-2] + " " + segments[-1]]

    terms, phrases, seen = [], [], set()

    def add(collection, value):
        key = value.casefold()
        if key not in seen and len(seen) < conf.MAX_QUERY_TERMS:
            seen.add(key)
            collection.append(value)

    for position, segment in enumerate(segments):
        tokens = WORD.findall(segment)
        if position % 2 and len(tokens) > 1:
            add(phrases, " ".join(tokens))
            continue
        for token in tokens:
            # A joined word ("node.js") is searched as the phrase of its parts, as the indexers split it.
            add(phrases if WORD_PART.fullmatch(token) is None else terms, token)

    words = []
    for value in [*terms, *phrases]:
        words.extend(part.casefold() for part in WORD_PART.findall(value) if part.casefold() not in words)
    return ParsedQuery(text=text, terms=tuple(terms), phrases=tuple(phrases), words=tuple(words))
