"""Hostile markup posted through the real comment form never comes back executable."""

import pytest
from bs4 import BeautifulSoup

from discussion.models import Comment
from discussion.rendering import ALLOWED_TAGS
from tests.test_content_security import inline_violations

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[press](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">styled</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    "[x](vbscript:msgbox(1))",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    '"><script>alert(1)</script>',
    "<style>body{display:none}</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '[x](https://example.org "title\\" onmouseover=\\"alert(1)")',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "[a](<javascript:alert(1)>)",
    '<http://example.org/"onmouseover="alert(1)>',
    "[link][ref]\n\n[ref]: javascript:alert(1)",
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "https://example.org/<script>alert(1)</script>",
    "<template><script>alert(1)</script></template>",
    "<xss onpointerover=alert(1)>hover</xss>",
    '[**bold** link](javascript:alert(1) "t")',
    '<a href="  java\nscript:alert(1)">split</a>',
]

SAFE_SCHEMES = ("http://", "https://", "mailto:")


def test_there_are_at_least_thirty_payloads():
    assert len(set(PAYLOADS)) >= 30


@pytest.fixture
def no_limits(settings):
    settings.DISCUSSION_POST_LIMITS_PER_USER = [(1000, 60)]
    settings.DISCUSSION_POST_LIMITS_PER_IP = [(1000, 60)]


def comment_bodies(html):
    return BeautifulSoup(html, "html.parser").select("#discussion .comment__text")


def assert_nothing_executable(bodies):
    for body in bodies:
        for element in body.find_all(True):
            assert element.name in ALLOWED_TAGS, f"<{element.name}> in {body}"
            for attribute in element.attrs:
                assert attribute in {"href", "title", "rel", "start"}, f"{attribute} on <{element.name}>"
            href = element.get("href")
            if href is not None:
                assert href.startswith(SAFE_SCHEMES), href
            if element.name == "a":
                assert element.get("rel") == ["nofollow", "ugc"]


def test_payloads_posted_through_the_form_render_harmless(client, course, ada, no_limits):
    client.force_login(ada)
    for payload in PAYLOADS:
        response = client.post(f"/discussion/pages/{course.pk}/comments/", {"text": payload})
        assert response.status_code == 302, (payload, response.status_code)
    assert Comment.objects.count() == len(PAYLOADS)
    assert set(Comment.objects.values_list("comment", flat=True)) == set(PAYLOADS)

    for url in (course.url, f"{course.url}?comments-page=2", f"{course.url}?comments-page=3"):
        response = client.get(url)
        assert response.status_code == 200
        assert inline_violations(response.content) == []
        bodies = comment_bodies(response.content)
        assert bodies
        assert_nothing_executable(bodies)
    # The text survives as text: people can talk about markup.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(course.url + "?comments-page=3").content.decode()


def test_replies_inserted_in_place_are_just_as_harmless(client, course, ada, bruno, no_limits):
    client.force_login(ada)
    root = client.post(f"/discussion/pages/{course.pk}/comments/", {"text": "Question"}, HTTP_ACCEPT="application/json")
    client.force_login(bruno)
    for payload in PAYLOADS:
        response = client.post(
            f"/discussion/pages/{course.pk}/comments/",
            {"text": payload, "parent": root.json()["id"]},
            HTTP_ACCEPT="application/json",
        )
        assert response.status_code == 201, payload
        fragment = response.json()["html"]
        assert inline_violations(fragment) == []
        assert_nothing_executable(BeautifulSoup(fragment, "html.parser").select(".comment__text"))


def test_preview_is_sanitised_the_same_way(client, course, ada):
    client.force_login(ada)
    for payload in PAYLOADS[:10]:
        response = client.post(
            f"/discussion/pages/{course.pk}/comments/",
            {"text": payload, "preview": "1"},
            HTTP_ACCEPT="application/json",
        )
        preview = BeautifulSoup(response.json()["preview"], "html.parser")
        assert not preview.find_all(["script", "img", "svg", "iframe"])
    assert Comment.objects.count() == 0, "a preview stores nothing"
