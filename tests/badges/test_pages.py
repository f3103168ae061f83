"""The badge pages people read: the list, a badge, a submission, an awarded badge, and the include points."""

from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from badges.models import Review, Submission
from tests.test_content_security import inline_violations

from .factories import AssertionFactory, BadgeFactory, MemberFactory, ReviewFactory, SubmissionFactory


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_list_shows_every_badge_and_filters_by_how_it_is_earned(client, badge_world):
    AssertionFactory(badge=badge_world.peer)
    page = soup(client.get("/badges/"))

    titles = [a.get_text() for a in page.select(".badge-card__title a")]
    assert titles == ["Great Facilitator", "Web Literate", "Webmaker"]
    assert "1 holder" in page.select_one(".accent-coral").get_text()
    filtered = soup(client.get("/badges/?earned_by=peer"))
    assert [a.get_text() for a in filtered.select(".badge-card__title a")] == ["Webmaker"]
    assert filtered.select_one('.badge-filter [aria-current="page"]').get_text() == "Peer assessment"
    assert [
        a.get_text() for a in soup(client.get("/badges/?earned_by=nonsense")).select(".badge-card__title a")
    ] == titles


def test_a_badge_page_shows_criteria_holders_by_public_name_and_its_json(client, badge_world):
    holder = MemberFactory(username="secret-handle", display_name="Ada O.", email="ada@private.example")
    AssertionFactory(badge=badge_world.completion, recipient=holder)

    response = client.get("/badges/web-literate/")
    page = soup(response)
    html = response.content.decode()

    assert page.select_one("h1").get_text() == "Web Literate"
    assert page.select_one("#criteria strong").get_text() == "project"  # Markdown rendered
    assert [li.get_text() for li in page.select(".badge-tasks li")] == [f"Task {n} of Web Literacy" for n in (1, 2, 3)]
    assert [a.get_text(strip=True) for a in page.select(".holder-list a")] == ["AAda O."]
    assert "ada@private.example" not in html and "Okafor" not in html
    assert page.select_one('a[href="/badges/web-literate.json"]') is not None
    assert page.select_one('link[rel="alternate"][type="application/ld+json"]')["href"] == "/badges/web-literate.json"
    assert "public" in response["Cache-Control"], "anonymous pages are cacheable"
    assert "Cookie" in response["Vary"]


def test_criteria_markdown_cannot_inject_script(client, badge_world):
    badge_world.completion.criteria = (
        "<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    badge_world.completion.save()

    response = client.get("/badges/web-literate/")

    assert inline_violations(response.content) == []
    assert "<script>alert" not in response.content.decode()


def test_pages_follow_the_content_security_policy(client, badge_world):
    assertion = AssertionFactory(badge=badge_world.peer, recipient=badge_world.learner)
    submission = SubmissionFactory(badge=badge_world.peer)
    ReviewFactory(submission=submission)
    client.force_login(badge_world.organiser)
    for url in (
        "/badges/",
        "/badges/webmaker/",
        "/badges/great-facilitator/",
        submission.get_absolute_url(),
        assertion.get_absolute_url(),
        badge_world.course.url,
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert inline_violations(response.content) == [], url


def test_the_course_page_lists_its_badges(client, badge_world):
    AssertionFactory(badge=badge_world.peer, recipient=badge_world.learner)
    client.force_login(badge_world.learner)

    page = soup(client.get(badge_world.course.url))

    assert [a.get_text() for a in page.select(".course-badge__title a")] == [
        "Great Facilitator",
        "Web Literate",
        "Webmaker",
    ]
    assert page.select_one(".accent-coral .pill--held").get_text() == "You hold it"


def test_a_learner_submits_work_from_the_badge_page(client, badge_world):
    client.force_login(badge_world.learner)
    form = soup(client.get("/badges/webmaker/")).select_one('form[action="/badges/webmaker/submit/"]')
    assert form.select_one("label[for=id_evidence_url]") is not None

    response = client.post(
        "/badges/webmaker/submit/",
        {"evidence_url": "https://lena.example.org/site", "text": "My first website, with notes on semantic HTML."},
    )

    submission = Submission.objects.get()
    assert response["Location"] == submission.get_absolute_url()
    assert "The course organisers have been emailed" in client.get(response["Location"]).content.decode()


def test_a_bad_submission_shows_errors_tied_to_fields_and_saves_nothing(client, badge_world):
    client.force_login(badge_world.learner)

    response = client.post("/badges/webmaker/submit/", {"evidence_url": "javascript:alert(1)", "text": "Short."})

    assert response.status_code == 400
    page = soup(response)
    url_input = page.select_one("#id_evidence_url")
    assert url_input["aria-invalid"] == "true"
    assert "id_evidence_url_errors" in url_input["aria-describedby"]
    assert page.select_one("#id_text_errors").get_text().startswith("Tell reviewers a little more")
    assert not Submission.objects.exists()


def test_an_unconfirmed_member_cannot_submit(client, badge_world):
    member = MemberFactory(email_confirmed_at=None)
    client.force_login(member)

    response = client.post("/badges/webmaker/submit/", {"evidence_url": "https://example.org", "text": "x" * 60})

    assert response.status_code == 403
    assert "Confirm your email address" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_holder_reviews_from_the_submission_page(client, badge_world, holder_of):
    submission = SubmissionFactory(badge=badge_world.peer, learner=badge_world.learner)
    reviewer = holder_of(badge_world.peer)
    client.force_login(reviewer)
    page = soup(client.get(submission.get_absolute_url()))
    assert page.select_one("fieldset legend").get_text() == "Your rating"
    assert len(page.select("input[name=rating]")) == 5

    response = client.post(submission.get_absolute_url(), {"rating": "5", "comment": "Lovely work, clearly explained."})

    assert response.status_code == 302
    after = soup(client.get(submission.get_absolute_url()))
    assert after.select_one(".review__author").get_text() == reviewer.public_name
    assert after.select_one("form.badge-form") is None, "no second review form"


def test_refused_reviews_through_the_page_say_why_and_change_nothing(client, badge_world, holder_of):
    submission = SubmissionFactory(badge=badge_world.peer, learner=badge_world.learner)
    stranger = MemberFactory()

    client.force_login(stranger)
    response = client.post(submission.get_absolute_url(), {"rating": "5", "comment": "Looks great to me, well done!"})
    assert response.status_code == 403
    assert (
        "Only members who hold this badge, and the organisers of its courses, can review." in response.content.decode()
    )

    client.force_login(badge_world.learner)
    response = client.post(submission.get_absolute_url(), {"rating": "5", "comment": "I rate my own work highly."})
    assert response.status_code == 403
    assert "You can’t review your own submission." in response.content.decode()

    client.force_login(holder_of(badge_world.peer))
    response = client.post(submission.get_absolute_url(), {"rating": "9", "comment": "ok"})
    assert response.status_code == 400
    assert soup(response).select_one("#rating-errors") is not None
    assert not Review.objects.exists()


def test_the_awarded_badge_page_offers_downloads_and_verification_links(client, badge_world):
    assertion = AssertionFactory(badge=badge_world.award, recipient=badge_world.learner, note="For the workshops.")

    page = soup(client.get(assertion.get_absolute_url()))

    assert page.select_one("h1").get_text() == "Great Facilitator"
    assert "Lena Berg" in page.select_one(".certificate__recipient").get_text()
    hrefs = {a["href"] for a in page.select(".certificate a")}
    assert {assertion.baked_url, assertion.credential_url, assertion.json_url, "/badges/issuer.json"} <= hrefs


def render_include(name, user, **context):
    request = RequestFactory().get("/")
    request.user = user
    return Template(f'{{% include "badges/includes/{name}" %}}').render(Context({"request": request, **context}))


def test_the_profile_backpack_lists_held_badges_with_downloads(badge_world):
    assertion = AssertionFactory(badge=badge_world.peer, recipient=badge_world.learner)
    visitor = MemberFactory()

    page = BeautifulSoup(
        render_include("profile_badges.html", visitor, profile_user=badge_world.learner), "html.parser"
    )

    item = page.select_one(".backpack-item")
    assert item.select_one("h3 a")["href"] == assertion.get_absolute_url()
    links = {a["href"] for a in item.select(".backpack-item__links a")}
    assert links == {assertion.baked_url, assertion.json_url}, "the 3.0 export is offered to its holder only"
    own = BeautifulSoup(
        render_include("profile_badges.html", badge_world.learner, profile_user=badge_world.learner), "html.parser"
    )
    assert assertion.credential_url in {a["href"] for a in own.select(".backpack-item__links a")}


def test_the_dashboard_shows_badges_reviews_in_progress_and_reviews_waiting(badge_world, holder_of):
    reviewer = holder_of(badge_world.peer)
    AssertionFactory(badge=badge_world.award, recipient=reviewer)
    mine = SubmissionFactory(badge=badge_world.completion, learner=reviewer)  # any badge works for the listing
    ReviewFactory(submission=mine)
    waiting = SubmissionFactory(badge=badge_world.peer, learner=badge_world.learner)

    page = BeautifulSoup(render_include("dashboard_badges.html", reviewer), "html.parser")

    assert sorted(chip.get_text(strip=True) for chip in page.select(".badge-chip")) == ["Great Facilitator", "Webmaker"]
    assert page.select_one(".progress-list__meta").get_text() == "1 of 2 reviews"
    assert page.select_one(".submission-list a")["href"] == waiting.get_absolute_url()


@pytest.mark.parametrize("url", ["/badges/", "/badges/webmaker/"])
def test_query_counts_do_not_grow_with_badges_or_holders(client, badge_world, url):
    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    client.force_login(badge_world.organiser)
    for _ in range(2):
        BadgeFactory(courses=[badge_world.course])
        AssertionFactory(badge=badge_world.peer)
    few = count()
    for _ in range(15):
        BadgeFactory(courses=[badge_world.course])
        AssertionFactory(badge=badge_world.peer)
    many = count()

    assert many == few
    assert many <= 25


def test_too_many_submissions_in_an_hour_answer_429_and_change_nothing(client, badge_world, settings):
    settings.BADGES_SUBMISSIONS_PER_HOUR = 1
    client.force_login(badge_world.learner)
    first = {"evidence_url": "https://example.org/first", "text": "x" * 60}
    assert client.post("/badges/webmaker/submit/", first).status_code == 302

    response = client.post("/badges/webmaker/submit/", {"evidence_url": "https://example.org/second", "text": "y" * 60})

    assert response.status_code == 429
    assert "a lot of submissions in the last hour" in response.content.decode()
    assert Submission.objects.get().evidence_url == "https://example.org/first"


def test_too_many_reviews_in_an_hour_answer_429_and_store_nothing(client, badge_world, holder_of, settings):
    settings.BADGES_REVIEWS_PER_HOUR = 1
    first, second = (SubmissionFactory(badge=badge_world.peer, learner=MemberFactory()) for _ in range(2))
    client.force_login(holder_of(badge_world.peer))
    review = {"rating": "5", "comment": "Lovely work, clearly explained."}
    assert client.post(first.get_absolute_url(), review).status_code == 302

    response = client.post(second.get_absolute_url(), review)

    assert response.status_code == 429
    assert "a lot of reviews in the last hour" in response.content.decode()
    assert not second.reviews.exists()


def test_an_assertion_page_is_cached_for_a_minute_for_visitors_and_never_for_members(client, badge_world):
    assertion = AssertionFactory(badge=badge_world.completion, recipient=badge_world.learner)
    url = f"/badges/assertions/{assertion.uuid}/"

    visitor = client.get(url)
    client.force_login(badge_world.learner)
    member = client.get(url)

    assert visitor.status_code == member.status_code == 200
    assert "public" in visitor["Cache-Control"] and "max-age=60" in visitor["Cache-Control"]
    assert "private" in member["Cache-Control"] and "public" not in member["Cache-Control"]
