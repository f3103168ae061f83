"""Emails: the organisers hear about new work to review, members about a badge they earned."""

from django.core import mail

from badges.awarding import award_by_organiser, review_submission, submit_evidence

TEXT = "A small site about our community garden, with a plant table and notes on accessibility."


def test_organisers_are_asked_to_review_new_work_once(badge_world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit_evidence(badge_world.peer, badge_world.learner, evidence_url="https://example.org/a", text=TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        submit_evidence(badge_world.peer, badge_world.learner, evidence_url="https://example.org/b", text=TEXT)

    assert len(mail.outbox) == 1, "revising a submission sends nothing new"
    message = mail.outbox[0]
    assert message.to == [badge_world.organiser.email]
    assert message.subject == "New work to review for Webmaker"
    assert "Lena Berg has submitted work for the Webmaker badge" in message.body
    assert "http://testserver/badges/webmaker/submissions/" in message.body


def test_a_member_hears_about_their_new_badge(badge_world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assertion = award_by_organiser(
            badge_world.award, badge_world.organiser, badge_world.learner, note="For the workshops you ran."
        )

    assert [message.to for message in mail.outbox] == [[badge_world.learner.email]]
    body = mail.outbox[0].body
    assert mail.outbox[0].subject == "You earned the Great Facilitator badge"
    assert "awarded by Olu Adeyemi" in body and "“For the workshops you ran.”" in body
    assert f"http://testserver{assertion.get_absolute_url()}" in body


def test_a_peer_award_emails_the_learner_not_the_reviewers(badge_world, holder_of, django_capture_on_commit_callbacks):
    submission, _ = submit_evidence(
        badge_world.peer, badge_world.learner, evidence_url="https://example.org", text=TEXT
    )
    first = holder_of(badge_world.peer)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        review_submission(submission, first, rating=5, comment="Lovely, clear and complete work.")
        review_submission(submission, badge_world.organiser, rating=4, comment="Meets every criterion, well done.")

    assert [message.to for message in mail.outbox] == [[badge_world.learner.email]]
