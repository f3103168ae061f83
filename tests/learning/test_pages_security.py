"""Every learning page under the strict Content-Security-Policy, with what members typed escaped, and labelled fields."""

import datetime

import pytest
from bs4 import BeautifulSoup

from learning import progress, signups
from learning.models import Announcement, CalendarFeed, Round
from tests.test_content_security import inline_violations

from .factories import taking_part

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def busy_course(course, moderated, lena, omar, olu):
    """A course with everything on it, some of it typed by members trying to inject markup."""
    Round.objects.create(course=course, number=2, name=f"Spring {SCRIPT}", start_date=datetime.date(2027, 4, 12))
    taking_part(course, lena)
    task = course.tasks.order_by("sort_order")[0]
    progress.complete(lena, course, task.pk)
    signups.join(omar, moderated, moderated.rounds.get(number=1), f"My answer {SCRIPT}")
    Announcement.objects.create(
        course=course, author=olu, subject=f"Hello {SCRIPT}", body=f"Body {SCRIPT}", status="sent"
    )
    CalendarFeed.objects.create(user=lena)
    return course, moderated, task


def pages_for(busy_course):
    course, moderated, task = busy_course
    announcement = Announcement.objects.get()
    return {
        "lena": [
            course.url,
            "/dashboard/",
            f"{course.url}leave/",
            f"{course.url}move/",
            f"{moderated.url}join/",
            f"{course.url}announcements/",
            f"{course.url}announcements/{announcement.pk}/",
        ],
        "olu": [
            f"{course.url}participants/",
            f"{moderated.url}participants/?status=pending",
            f"{course.url}progress/",
            f"{course.url}rounds/",
            f"{course.url}rounds/new/",
            f"{course.url}rounds/2/",
            f"{course.url}announcements/new/",
            f"{course.url}announcements/{announcement.pk}/",
            "/dashboard/",
        ],
        None: [course.url, f"{course.url}announcements/"],
    }


def test_learning_pages_have_no_inline_code_and_escape_what_members_typed(client, busy_course, lena, olu):
    people = {"lena": lena, "olu": olu}
    for who, urls in pages_for(busy_course).items():
        client.logout()
        if who:
            client.force_login(people[who])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert inline_violations(html) == [], url
            assert "script-src 'self'" in response["Content-Security-Policy"]
            assert '<script>alert("x")' not in html, url
            assert "<img src=x onerror" not in html, url


def test_every_form_field_has_a_label(client, busy_course, lena, olu):
    people = {"lena": lena, "olu": olu}
    for who, urls in pages_for(busy_course).items():
        if not who:
            continue
        client.force_login(people[who])
        for url in urls:
            soup = BeautifulSoup(client.get(url).content, "html.parser")
            main = soup.find("main")
            for field in main.find_all(["input", "select", "textarea"]):
                if field.get("type") in ("hidden", "submit"):
                    continue
                labelled = field.get("id") and main.find("label", attrs={"for": field["id"]})
                assert labelled or field.find_parent("label"), f"{url}: unlabelled {field}"


def test_announcement_emails_escape_markup_in_their_html(course, lena, olu, django_capture_on_commit_callbacks):
    from django.core import mail

    from learning import announcements

    taking_part(course, lena)
    with django_capture_on_commit_callbacks(execute=True):
        announcements.announce(course, olu, None, "Hello", f"Body {SCRIPT}")

    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_evidence_links_are_only_web_links_on_the_page(client, course, lena):
    taking_part(course, lena)
    task = course.tasks.order_by("sort_order")[1]
    client.force_login(lena)

    client.post(f"{course.url}tasks/{task.pk}/", {"evidence_url": 'https://ok.example/"onmouseover="alert(1)'})

    html = client.get(course.url).content.decode()
    assert 'onmouseover="alert' not in html
    assert inline_violations(html) == []


def test_a_signup_answer_is_only_shown_to_organisers(client, busy_course, lena, olu):
    _, moderated, _ = busy_course
    applications = f"{moderated.url}participants/?status=pending"

    client.force_login(olu)
    html = client.get(applications).content.decode()
    assert "My answer" in html
    assert "<script>alert" not in html

    client.force_login(lena)
    assert client.get(applications).status_code == 403
    assert "My answer" not in client.get(moderated.url).content.decode()


def test_anonymous_course_pages_carry_nothing_personal(client, busy_course):
    """The learning parts of a course page are the same for every visitor, so the page can be cached."""
    course, _, _ = busy_course

    soup = BeautifulSoup(client.get(course.url).content, "html.parser")

    for part in soup.select("#learning, .learn-news, [data-learning-task], [data-learning-tasks-progress]"):
        assert part.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
        assert part.find("form") is None
