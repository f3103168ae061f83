"""Who may do what in a discussion. Views check these on the server; templates only use them to hide buttons."""

from django.apps import apps

# The page types that carry a discussion (their templates include discussion/includes/discussion.html).
DISCUSSION_PAGE_TYPES = ("courses.CoursePage", "schools.SchoolPage", "wiki.WikiPage")


def has_discussion(page):
    return any(issubclass(page.specific_class, apps.get_model(label)) for label in DISCUSSION_PAGE_TYPES)


def is_questions_mode(page):
    return getattr(page, "discussion_mode", None) == "questions"


def can_view_page(request, page):
    """Live, and every view restriction above it (password, login, groups) lets this request through."""
    return page.live and all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def is_moderator(user):
    return user.is_authenticated and user.is_active and user.has_perm("discussion.moderate_comment")


def posting_refusal(user):
    """Why `user` may not write in discussions, in words for them; None when they may."""
    if not user.is_authenticated:
        return "Log in to join the discussion."
    if getattr(user, "is_blocked", False):
        return "Your account is blocked, so you cannot post. Contact the moderators if you think this is a mistake."
    if not user.is_active:
        return "Your account is not active, so you cannot post."
    if not user.email_confirmed:
        return "Confirm your email address to join the discussion: follow the link in the email we sent you."
    return None


def organiser_ids(page):
    """Members who organise `page` (a course); empty for other pages."""
    organisers = getattr(page, "organisers", None)
    if organisers is None:
        return set()
    return set(organisers.values_list("user_id", flat=True))


def can_accept_answers(user, question, organisers):
    """In Q&A mode the asker and the course's organisers choose the accepted answer."""
    return user.is_authenticated and user.can_participate and (user.pk == question.user_id or user.pk in organisers)
