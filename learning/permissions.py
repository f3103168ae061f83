"""Who may do what in a course. Views and services check these on the server; templates only hide buttons."""


class Refusal(Exception):
    """An action that cannot happen, with the reason in words for the member who tried."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def participation_refusal(user):
    """Why `user` may not sign up or mark tasks done; None when they may (`User.can_participate`)."""
    if not user.is_authenticated:
        return "Log in to join courses and track your progress."
    if getattr(user, "is_blocked", False):
        return (
            "Your account is blocked, so you cannot take part. Contact the moderators if you think this is a mistake."
        )
    if not user.is_active:
        return "Your account is not active, so you cannot take part."
    if not user.email_confirmed:
        return "Confirm your email address first: follow the link in the email we sent you."
    return None


def require_participation(user):
    message = participation_refusal(user)
    if message:
        raise Refusal(message, status=403)


def organiser_ids(course):
    """Members who organise `course` (the live page's organisers), cached on the page object."""
    cached = getattr(course, "_learning_organiser_ids", None)
    if cached is None:
        cached = course._learning_organiser_ids = set(course.organisers.values_list("user_id", flat=True))
    return cached


def is_staff_manager(user):
    """Staff moderators with `learning.manage_participants` may manage any course's participants."""
    return user.is_superuser or (user.is_staff and user.has_perm("learning.manage_participants"))


def can_manage(user, course):
    """May `user` see and manage this course's participants, rounds and announcements?"""
    if not user.is_authenticated or not user.is_active or getattr(user, "is_blocked", False):
        return False
    return user.pk in organiser_ids(course) or is_staff_manager(user)


def require_manager(user, course):
    if not can_manage(user, course):
        raise Refusal("Only the organisers of this course can do that.", status=403)
