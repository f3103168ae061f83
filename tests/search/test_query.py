"""Parsing what visitors type: words, quoted phrases, and inputs that must never reach an engine unparsed."""

import pytest

from search.query import parse


def test_words_and_quoted_phrases():
    query = parse('python "open source" beginners')

    assert query.terms == ("python", "beginners")
    assert query.phrases == ("open source",)
    assert query.words == ("python", "beginners", "open", "source")


def test_words_joined_by_punctuation_are_searched_as_phrases():
    query = parse("node.js peer-to-peer don't")

    assert query.terms == ()
    assert query.phrases == ("node.js", "peer-to-peer", "don't")
    assert query.words == ("node", "js", "peer", "to", "don", "t")


@pytest.mark.parametrize(
    ("typed", "terms", "phrases"),
    [
        ('"unbalanced quote', ("unbalanced", "quote"), ()),
        ('one "two three" "four', ("one", "four"), ("two three",)),
        ('""', (), ()),
        ('"single"', ("single",), ()),
        ("“curly quotes”", (), ("curly quotes",)),
        ("!!! @@@ ### *** (((", (), ()),
        ("python\x00basics", ("python", "basics"), ()),
        ("C++ OR c#", ("C", "OR"), ()),
        ("Python python PYTHON", ("Python",), ()),
        ("AND NOT title:x*", ("AND", "NOT", "title", "x"), ()),
    ],
)
def test_odd_input_becomes_plain_words(typed, terms, phrases):
    query = parse(typed)

    assert (query.terms, query.phrases) == (terms, phrases)
    for value in (*query.terms, *query.phrases):
        assert '"' not in value and "\x00" not in value and "*" not in value and ":" not in value


def test_control_characters_and_nul_bytes_are_removed():
    query = parse("\x00\x01\x1f  \u200b")

    assert query.text == ""
    assert query.is_empty


def test_long_input_is_cut(settings):
    settings.SEARCH_MAX_QUERY_LENGTH = 50
    settings.SEARCH_MAX_QUERY_TERMS = 4

    query = parse("word " * 500)
    assert len(query.text) <= 50
    assert query.terms == ("word",)

    query = parse("alpha beta gamma delta epsilon zeta")
    assert query.terms == ("alpha", "beta", "gamma", "delta")


def test_replacing_terms_keeps_the_phrases():
    query = parse('pyhton "open source"')

    assert query.replace_terms({"pyhton": "python"}).text == 'python "open source"'
