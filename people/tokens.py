"""Email confirmation links: signed and expiring, so confirming needs nothing stored between the email and the click.

A token names the member, the address to confirm and the address the account had when it was sent. It stops
working when it expires, or as soon as the account's address changes, so an old link can never switch it back.
"""

from django.contrib.auth import get_user_model
from django.core import signing

from .conf import conf

SALT = "people.email-confirmation"


class InvalidToken(Exception):
    """The link is malformed, expired or no longer matches the account; the message says which, for the member."""


def make_token(user, email=None):
    return signing.dumps({"u": user.pk, "e": email or user.email, "was": user.email}, salt=SALT, compress=True)


def read_token(token):
    """The member and the address the token confirms; raises InvalidToken with a message for the member."""
    try:
        data = signing.loads(token, salt=SALT, max_age=conf.CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise InvalidToken("This confirmation link has expired. Send yourself a new one below.") from error
    except signing.BadSignature as error:
        raise InvalidToken("This confirmation link is not valid. Check that you copied all of it.") from error
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    if user is None or user.email != data.get("was"):
        raise InvalidToken("This confirmation link is out of date: the account's email address has changed since.")
    return user, data["e"]
