"""Fixtures for the account tests: every test starts with empty rate-limit counters."""

from django.core.cache import cache

import pytest


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()
