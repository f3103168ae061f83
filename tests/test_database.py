import os

from django.db import connection


def test_suite_runs_on_the_database_it_was_asked_for(db):
    """CI runs the suite twice; this makes sure the second run really is on PostgreSQL."""
    wanted = os.environ.get("DATABASE_URL", "sqlite")
    expected = "postgresql" if wanted.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected
