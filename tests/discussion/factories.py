"""Building discussion data in tests: the same `Comment.post` the site uses, without going through a request."""

from django.utils import timezone

from discussion.models import Comment
from tests.factories import UserFactory


def confirmed(username, **fields):
    """A member with a confirmed email address, who may take part in discussions."""
    return UserFactory(username=username, email_confirmed_at=timezone.now(), **fields)


def post(page, user, text, parent=None):
    return Comment.post(page=page, user=user, text=text, parent=parent, ip_address="203.0.113.9")


def deep_threads(page, users, threads, replies_per_level=2, depth=3):
    """`threads` threads, each a tree `depth` levels deep with `replies_per_level` replies under every comment."""
    made = []
    for number in range(threads):
        root = post(page, users[number % len(users)], f"Thread {number}: what did you make this week?")
        made.append(root)
        level = [root]
        for _ in range(depth):
            nxt = []
            for parent in level:
                for index in range(replies_per_level):
                    author = users[(parent.pk + index) % len(users)]
                    text = f"Reply {index} to comment {parent.pk}, with a [link](https://example.org)."
                    nxt.append(post(page, author, text, parent=parent))
            made.extend(nxt)
            level = nxt
    return made
