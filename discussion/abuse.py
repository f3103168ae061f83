"""The discussion's rate limits, per member and per address: counted by `core.ratelimit`, numbers in `conf`."""

from dataclasses import dataclass

from core.ratelimit import RateLimit, client_ip, wait_message

from .conf import conf


@dataclass
class Refusal:
    """Why an action was refused, and how long to wait before trying again."""

    message: str
    retry_after: int


def check_rate(request, action, user_limits, ip_limits):
    """Count one `action` by this member and address; a Refusal if either went over its limits, else None."""
    limit = RateLimit(action, user=(request.user.pk, user_limits), ip=(client_ip(request), ip_limits))
    wait = limit.hit()
    return Refusal(wait_message(wait, "You are doing that too often."), wait) if wait else None


def check_post_rate(request):
    return check_rate(request, "discussion-post", conf.POST_LIMITS_PER_USER, conf.POST_LIMITS_PER_IP)


def check_action_rate(request):
    return check_rate(request, "discussion-action", conf.ACTION_LIMITS_PER_USER, conf.ACTION_LIMITS_PER_IP)
