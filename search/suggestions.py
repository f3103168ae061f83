"""'Did you mean…?': the closest words from the titles people can find, for a query that found nothing.

The vocabulary (words of live page titles, course kinds) is built once and kept in the shared cache; publishing
or unpublishing a page drops it so new titles count at once. Only words of three letters or more are corrected,
against words of similar length that start with the same letter, which keeps the guesses sensible and cheap.
"""

import difflib
import re

from django.core.cache import cache

from wagtail.models import Page

from courses.models import CourseKind

from .conf import conf

VOCABULARY_KEY = "search:vocabulary"
WORD = re.compile(r"[^\W\d_]{3,}")


def vocabulary(page_content_types):
    words = cache.get(VOCABULARY_KEY)
    if words is None:
        titles = Page.objects.live().public().filter(content_type_id__in=page_content_types)
        texts = [*titles.values_list("title", flat=True), *CourseKind.objects.values_list("name", flat=True)]
        words = sorted({word.casefold() for text in texts for word in WORD.findall(text)})
        cache.set(VOCABULARY_KEY, words, conf.VOCABULARY_TIMEOUT)
    return words


def forget_vocabulary(**kwargs):
    cache.delete(VOCABULARY_KEY)


def did_you_mean(query, page_content_types):
    """The query with misspelt words replaced by the closest known ones, or None if nothing changes."""
    words = vocabulary(page_content_types)
    known = set(words)
    replacements = {}
    for term in query.terms:
        word = term.casefold()
        if word in known or not WORD.fullmatch(word):
            continue
        candidates = [w for w in words if w[0] == word[0] and abs(len(w) - len(word)) <= 2]
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
        if close:
            replacements[word] = close[0]
    return query.replace_terms(replacements) if replacements else None
