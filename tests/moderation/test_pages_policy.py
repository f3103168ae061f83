"""Every screen of accounts, contributing and moderation works under the strict Content-Security-Policy."""

from django.test import Client

from wagtail.models import TaskState

import pytest

from moderation.block import block_member
from tests.factories import WikiPageFactory
from tests.history.factories import publish_version
from tests.moderation.editor import course_data, edit
from tests.people.factories import contributor, logged_in, member, moderator
from tests.test_content_security import inline_violations

pytestmark = pytest.mark.django_db


@pytest.fixture
def screens(site_tree, make_course):
    course = make_course(title="Python", slug="python")
    cora = contributor("cora")
    edit(logged_in(cora), course, course_data(course, action="submit", summary="Better."))
    review = TaskState.objects.get(status="in_progress")
    page = WikiPageFactory(parent=site_tree.wiki, title="Glossary", slug="glossary")
    first = publish_version(page, cora, summary="One")
    publish_version(page, cora, summary="Two")
    spammer = contributor("spammer")
    block_member(spammer, moderator("root-mod"), "Spam")
    return {
        None: [
            "/accounts/signup/",
            "/accounts/login/",
            "/accounts/password-reset/",
            "/accounts/password-reset/sent/",
            "/contribute/",
            "/people/cora/",
            "/recent-changes/",
            page.url + "history/",
        ],
        member("lee", confirmed=False): [
            "/contribute/",
            "/accounts/confirm-email/",
            "/people/lee/edit/",
            "/accounts/password/",
        ],
        member("leo"): ["/contribute/", "/people/leo/"],
        cora: ["/contribute/", f"/moderation/reviews/{review.pk}/", course.url],
        moderator("mo"): [
            "/moderation/",
            f"/moderation/reviews/{review.pk}/",
            "/moderation/members/",
            "/moderation/members/cora/",
            "/moderation/members/spammer/",
            "/moderation/log/",
            f"{page.url}history/revert/{first.pk}/",
        ],
    }


def test_every_screen_renders_without_inline_code(screens):
    for user, urls in screens.items():
        client = logged_in(user) if user else Client()
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (user, url)
            assert inline_violations(response.content) == [], (user, url)
            assert "script-src 'self'" in response["Content-Security-Policy"]
