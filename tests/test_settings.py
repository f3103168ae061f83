"""Production settings refuse to start without their secrets; the checks Django and Wagtail run are clean."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command

import pytest

ROOT = Path(__file__).resolve().parent.parent


def import_production_settings(**env):
    clean = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    return subprocess.run(  # noqa: S603 — fixed arguments
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "p2pu_site.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "SECRET_KEY and ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "p2pu.example"}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_secrets(env, missing):
    result = import_production_settings(**env)

    assert result.returncode != 0
    assert f"Production settings need {missing} in the environment" in result.stderr


def test_production_starts_with_secrets():
    result = import_production_settings(SECRET_KEY="x" * 50, ALLOWED_HOSTS="p2pu.example")

    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.django_db
def test_system_checks_and_migrations_are_clean():
    call_command("check", fail_level="WARNING", stdout=StringIO())
    call_command("makemigrations", check=True, dry_run=True, stdout=StringIO())
