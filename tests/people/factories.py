"""Members in each community role, made the way the site makes them (groups from the roles migration)."""

from django.test import Client
from django.utils import timezone

from moderation import roles
from moderation.models import Contributor
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


def member(username, confirmed=True, **fields):
    """A learner: signed up, in the Learners group, email confirmed unless `confirmed=False`."""
    person = UserFactory(username=username, email_confirmed_at=timezone.now() if confirmed else None, **fields)
    roles.add_role(person, roles.LEARNERS)
    return person


def contributor(username, **fields):
    person = member(username, **fields)
    Contributor.objects.get_or_create(user=person)
    roles.add_role(person, roles.CONTRIBUTORS)
    return person


def trusted(username, **fields):
    person = contributor(username, **fields)
    roles.add_role(person, roles.TRUSTED)
    return person


def moderator(username, **fields):
    person = member(username, is_staff=True, **fields)
    roles.add_role(person, roles.MODERATORS)
    return person


def admin(username, **fields):
    return member(username, is_staff=True, is_superuser=True, **fields)


def logged_in(user):
    """A test client with `user`'s session."""
    client = Client()
    client.force_login(user)
    return client
