"""Q&A mode: a thread is a question; its asker or an organiser accepts an answer, which then shows first."""

import pytest
from bs4 import BeautifulSoup

from .factories import post


@pytest.fixture
def question(qa_course, bruno, chen, ada):
    """Bruno asks; Chen answers first, Ada (an organiser) second; Bruno comments on Ada's answer."""
    asked = post(qa_course, bruno, "Why does mean() give NA?")
    first = post(qa_course, chen, "Maybe the column is text?", parent=asked)
    second = post(qa_course, ada, "A missing value: use `na.rm = TRUE`.", parent=asked)
    comment = post(qa_course, bruno, "That was it!", parent=second)
    return asked, first, second, comment


def answers_in_order(client, course, question):
    page = BeautifulSoup(client.get(course.url).content, "html.parser")
    return [int(item["data-comment"]) for item in page.select(f"#c{question.pk} > ol > li")]


def test_the_page_speaks_of_questions_and_answers(client, qa_course, question, chen):
    client.force_login(chen)
    page = BeautifulSoup(client.get(qa_course.url).content, "html.parser")

    assert page.select_one("#discussion-heading").get_text(" ", strip=True).startswith("Questions and answers")
    assert page.select_one("label[for=discussion-text]").get_text() == "Your question"
    assert page.select_one("#discussion form.discussion-form button[type=submit]").get_text() == "Ask"
    reply_links = page.select(f"#c{question[0].pk} > article [data-discussion-reply]")
    assert reply_links[0].get_text(" ", strip=True).startswith("Answer")
    assert page.select_one(f"#c{question[0].pk} .comment__answered").get_text() == "2 answers, none accepted"


def test_the_asker_accepts_an_answer_and_it_shows_first(client, qa_course, question, bruno):
    asked, first, second, _ = question
    assert answers_in_order(client, qa_course, asked) == [first.pk, second.pk]
    client.force_login(bruno)

    response = client.post(f"/discussion/comments/{second.pk}/accept/", HTTP_ACCEPT="application/json")

    assert response.json()["accepted"] is True
    asked.refresh_from_db()
    assert asked.accepted_answer == second
    assert answers_in_order(client, qa_course, asked) == [second.pk, first.pk]
    page = BeautifulSoup(client.get(qa_course.url).content, "html.parser")
    assert page.select_one(f"#c{second.pk} .comment__accepted").get_text() == "Accepted answer"
    assert page.select_one(f"#c{asked.pk} .comment__answered").get_text() == "Answered"


def test_an_organiser_may_accept_and_unaccept(client, qa_course, question, ada):
    asked, first, _, _ = question
    client.force_login(ada)

    client.post(f"/discussion/comments/{first.pk}/accept/")
    asked.refresh_from_db()
    assert asked.accepted_answer == first
    client.post(f"/discussion/comments/{first.pk}/accept/")
    asked.refresh_from_db()
    assert asked.accepted_answer is None


def test_other_members_cannot_accept(client, qa_course, question, chen):
    asked, _, second, _ = question
    client.force_login(chen)
    page = client.get(qa_course.url).content.decode()
    assert f"/discussion/comments/{second.pk}/accept/" not in page

    response = client.post(f"/discussion/comments/{second.pk}/accept/")

    assert response.status_code == 403
    assert "Only the person who asked" in response.content.decode()
    asked.refresh_from_db()
    assert asked.accepted_answer is None


def test_only_direct_answers_can_be_accepted(client, qa_course, question, bruno):
    asked, _, _, comment_on_answer = question
    client.force_login(bruno)

    assert client.post(f"/discussion/comments/{comment_on_answer.pk}/accept/").status_code == 403
    asked.refresh_from_db()
    assert asked.accepted_answer is None


def test_no_accepting_in_an_ordinary_discussion(client, course, thread, ada):
    client.force_login(ada)

    assert client.post(f"/discussion/comments/{thread[1].pk}/accept/").status_code == 403
    assert "/accept/" not in client.get(course.url).content.decode()
