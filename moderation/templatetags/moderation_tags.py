from django import template

from .. import roles
from ..trust import status_for

register = template.Library()


@register.inclusion_tag("moderation/includes/member_roles.html")
def member_roles(member):
    """The member's role as a pill (Contributor, Trusted contributor, Moderator…); nothing for learners."""
    role = roles.role_of(member)
    return {"role": role, "label": roles.ROLE_LABELS[role], "blocked": member.is_blocked}


@register.inclusion_tag("moderation/includes/contributor_status.html", takes_context=True)
def contributor_status(context, member):
    """Where the member stands on the way to trust, with the progress bar; for their own eyes and moderators'."""
    return {"status": status_for(member), "member": member, "request": context.get("request")}


@register.filter
def role_label(member):
    return roles.ROLE_LABELS[roles.role_of(member)]
