"""The limits on the places strangers write to (sign-up, log-in, password reset), per address and per account.

Counted by `core.ratelimit`; the numbers are in `people.conf`.
"""

from core.ratelimit import RateLimit, client_ip

from .conf import conf


def _limit(action, request, account, ip_limits, account_limits):
    # Visitors whose address is unknown share one count rather than escaping the per-address limit.
    return RateLimit(action, ip=(client_ip(request) or "unknown", ip_limits), account=(account.strip(), account_limits))


def signup_limit(request, email):
    return _limit("signup", request, email, conf.SIGNUP_LIMITS_PER_IP, conf.CONFIRMATION_LIMITS_PER_ACCOUNT)


def confirmation_limit(request, user):
    return _limit("confirm", request, str(user.pk), conf.SIGNUP_LIMITS_PER_IP, conf.CONFIRMATION_LIMITS_PER_ACCOUNT)


def login_limit(request, account):
    return _limit("login", request, account, conf.LOGIN_FAILURE_LIMITS_PER_IP, conf.LOGIN_FAILURE_LIMITS_PER_ACCOUNT)


def reset_limit(request, email):
    return _limit("reset", request, email, conf.RESET_LIMITS_PER_IP, conf.RESET_LIMITS_PER_ACCOUNT)
