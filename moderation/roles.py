"""The community's roles, which are Django groups created by this app's data migration (never by hand).

Learner → Contributor → Trusted contributor are steps a member climbs; Moderators are staff. Admins are superusers.
A trusted contributor stays in Contributors too, so "contributor" checks hold for both.
"""

from django.contrib.auth.models import Group

LEARNERS = "Learners"
CONTRIBUTORS = "Contributors"
TRUSTED = "Trusted contributors"
MODERATORS = "Moderators"  # Wagtail's own group, kept: its page permissions are what staff need.

ROLE_LABELS = {
    "admin": "Admin",
    "moderator": "Moderator",
    "trusted": "Trusted contributor",
    "contributor": "Contributor",
    "learner": "Learner",
    "visitor": "Visitor",
}


def group_names(user):
    """The names of the member's groups, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_community_groups"):
        user._community_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._community_groups


def remember_groups(users):
    """For lists of members fetched with `prefetch_related("groups")`: role checks then need no more queries."""
    for user in users:
        if user is not None:
            user._community_groups = frozenset(group.name for group in user.groups.all())


def forget_groups(user):
    """Call after changing a member's groups, so the next check reads them again."""
    for attribute in ("_community_groups", "_perm_cache", "_group_perm_cache", "_group_approval_task_checks"):
        user.__dict__.pop(attribute, None)


def is_moderator(user):
    return user.is_authenticated and user.is_active and (user.is_superuser or MODERATORS in group_names(user))


def is_contributor(user):
    """May create and edit courses and wiki pages (through review unless trusted)."""
    return user.is_authenticated and user.can_participate and (is_moderator(user) or CONTRIBUTORS in group_names(user))


def is_trusted(user):
    """May publish their own changes to courses and wiki pages without review."""
    return is_contributor(user) and (is_moderator(user) or TRUSTED in group_names(user))


def role_of(user):
    """The member's highest role, as a key of ROLE_LABELS."""
    if not user.is_authenticated:
        return "visitor"
    if user.is_superuser:
        return "admin"
    names = group_names(user)
    if MODERATORS in names:
        return "moderator"
    if TRUSTED in names:
        return "trusted"
    if CONTRIBUTORS in names:
        return "contributor"
    return "learner"


def add_role(user, *names):
    user.groups.add(*Group.objects.filter(name__in=names))
    forget_groups(user)


def remove_role(user, *names):
    user.groups.remove(*Group.objects.filter(name__in=names))
    forget_groups(user)
