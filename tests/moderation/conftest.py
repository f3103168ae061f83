"""Fixtures shared with the account tests (rate-limit counters start empty in every test)."""

from tests.people.conftest import fresh_rate_limits  # noqa: F401
