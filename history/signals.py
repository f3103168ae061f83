"""Signals of the history app."""

from django.dispatch import Signal

# Sent after an earlier version of a page is published again as a new revision (a moderator's revert, or a
# block rolling back a spammer's edits). Arguments: sender=the page's class, page, revision (the new one),
# restored (the earlier revision whose content is back), replaced (the revision that was live before), user.
page_reverted = Signal()
