"""Every public page works under the strict Content-Security-Policy: no inline script, style or javascript: links."""

from django.conf import settings

import pytest
from bs4 import BeautifulSoup

from tests.core.test_blocks import EVERY_BLOCK
from tests.factories import StandardPageFactory, WikiPageFactory


@pytest.fixture
def every_page(site_tree, make_course, stored_video):
    course = make_course(tasks=2, organisers=1, body=EVERY_BLOCK)
    wiki_page = WikiPageFactory(parent=site_tree.wiki, body=EVERY_BLOCK)
    standard = StandardPageFactory(parent=site_tree.home, body=EVERY_BLOCK)
    return [
        "/",
        site_tree.schools.url,
        site_tree.school.url,
        site_tree.courses.url,
        course.url,
        site_tree.wiki.url,
        wiki_page.url,
        standard.url,
        "/search/?q=course",
        "/no-such-page/",
    ]


def inline_violations(html):
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for script in soup.find_all("script"):
        if not script.get("src") and script.get("type") != "application/json":
            problems.append(f"inline script: {script}")
    for element in soup.find_all(True):
        if element.has_attr("style"):
            problems.append(f"style attribute on <{element.name}>")
        problems.extend(f"event handler {name} on <{element.name}>" for name in element.attrs if name.startswith("on"))
        for attribute in ("href", "src", "action"):
            if element.get(attribute, "").strip().lower().startswith("javascript:"):
                problems.append(f"javascript: URL in <{element.name} {attribute}>")
    problems.extend("<style> element" for _ in soup.find_all("style"))
    return problems


def test_pages_have_no_inline_code_and_send_the_policy(client, every_page):
    for url in every_page:
        response = client.get(url)

        assert response.status_code in (200, 404), url
        assert inline_violations(response.content) == [], url
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "object-src 'none'" in policy


def test_the_checker_catches_what_it_should():
    html = '<p style="x" onclick="y"><a href="javascript:z">a</a></p><script>w</script><style>v</style>'

    assert len(inline_violations(html)) == 5


def test_no_template_carries_inline_style_or_script():
    """Also the templates no test renders (admin screens, rare states); emails are exempt, mail clients need style=."""
    problems = []
    for path in sorted(settings.BASE_DIR.joinpath("templates").rglob("*.html")):
        if "emails" in path.parts:
            continue
        problems.extend(f"{path.name}: {problem}" for problem in inline_violations(path.read_text()))
    assert problems == []
