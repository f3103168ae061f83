"""Snippets and highlighted titles: escaped text, `<mark>` only around the searched words."""

from search.highlight import highlight, snippet
from search.query import parse

LONG = (
    "Peer learning works best in small groups. "
    + "Filler sentence about nothing in particular. " * 20
    + "Here the beekeeping chapter starts: beekeeping with neighbours, hives and honey. "
    + "More filler to finish the page. " * 20
)


def test_marks_the_words_and_their_common_endings():
    assert highlight("Learning to learn: learned lessons", ["learn"]) == (
        "<mark>Learning</mark> to <mark>learn</mark>: <mark>learned</mark> lessons"
    )
    assert highlight("Art and artificial light", ["art"]) == "<mark>Art</mark> and artificial light"


def test_a_document_cannot_inject_markup():
    text = 'Try <script>alert("x")</script> and <img src=x onerror=alert(1)> with python'

    marked = str(highlight(text, ["python", "script"]))

    assert "<script" not in marked and "<img" not in marked
    assert "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)" in marked
    assert marked.endswith("<mark>python</mark>")


def test_a_query_cannot_inject_markup():
    words = parse('<mark> b "><script>').words
    marked = str(snippet("Plain words about mark and <b>bold</b>", words, 200))

    assert "<b>" not in marked and "<script" not in marked
    assert marked.count("<mark>") == marked.count("</mark>") == 3  # "mark", and "b" twice


def test_snippet_shows_the_passage_with_the_words():
    cut = str(snippet(LONG, ["beekeeping", "honey"], 160))

    assert cut.startswith("…") and cut.endswith("…")
    assert "<mark>beekeeping</mark>" in cut and "<mark>honey</mark>" in cut
    assert len(cut.replace("<mark>", "").replace("</mark>", "")) <= 165


def test_snippet_without_a_match_is_the_beginning():
    cut = str(snippet(LONG, ["zebra"], 60))

    assert cut.startswith("Peer learning works best") and cut.endswith("…")
    assert "<mark>" not in cut
