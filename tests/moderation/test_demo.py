"""The demo community's roles, history and review queue, loaded twice without changing anything the second time."""

from io import StringIO

from django.core.management import call_command
from django.test import Client

from wagtail.models import PageLogEntry, TaskState

import pytest

from history.models import RevisionNote
from moderation import roles
from moderation.models import ReviewOutcome
from people.models import User


@pytest.mark.django_db
def test_demo_members_have_roles_history_and_a_change_waiting_for_review(settings):
    settings.DEBUG = True
    call_command("load_initial_data", stdout=StringIO())
    snapshot = (
        RevisionNote.objects.count(),
        PageLogEntry.objects.count(),
        TaskState.objects.count(),
        ReviewOutcome.objects.count(),
    )

    call_command("load_initial_data", stdout=StringIO())

    assert (
        RevisionNote.objects.count(),
        PageLogEntry.objects.count(),
        TaskState.objects.count(),
        ReviewOutcome.objects.count(),
    ) == snapshot
    users = {user.username: user for user in User.objects.all()}
    assert all(user.email_confirmed for user in users.values())
    assert roles.role_of(users["admin"]) == "admin"
    assert roles.role_of(users["moderator"]) == "moderator" and users["moderator"].is_staff
    assert roles.role_of(users["contributor"]) == "contributor"
    assert roles.role_of(users["learner"]) == "learner"
    assert roles.LEARNERS in roles.group_names(users["learner"])
    assert roles.role_of(users["hana"]) == "trusted"

    (pending,) = TaskState.objects.filter(status="in_progress")
    assert pending.workflow_state.requested_by == users["contributor"]
    assert ReviewOutcome.objects.filter(outcome="approved").count() == 2

    changes = Client().get("/recent-changes/").content.decode()
    assert "Added the round-robin technique" in changes
    assert "approved by" in changes
    history = Client().get("/wiki/organiser-handbook/running-your-first-study-group/history/").content.decode()
    assert "Version 2" in history and "Added a section on week 2" in history
    staff = Client()
    staff.force_login(users["moderator"])
    assert "Added tips for catching up after a break" in staff.get("/moderation/").content.decode()
