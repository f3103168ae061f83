# The two commands a newcomer needs are `make run` and `make test`; `make help` lists the rest.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test processes (pytest-xdist): one per core by default; PYTEST_WORKERS=0 runs the suite in this process.
PYTEST_WORKERS ?= auto
MANAGE := $(BIN)/python manage.py
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=p2pu_site.settings.test

.DEFAULT_GOAL := help
.PHONY: help install install-dev run test lint format check bench browsers clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: $(BIN)/python requirements.txt
	$(BIN)/pip install --quiet --progress-bar on -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet --progress-bar on -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime ## Create .venv and install the site's requirements

install-dev: $(VENV)/.dev ## Also install the test and lint tools

run: install ## Migrate, load the demo content and serve on http://127.0.0.1:$(PORT)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_initial_data
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install-dev ## Check style and imports with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev ## Rewrite files in the house style
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install-dev ## Django's system checks and the missing-migrations check
	$(TEST_SETTINGS) $(MANAGE) check --fail-level WARNING
	$(TEST_SETTINGS) $(MANAGE) makemigrations --check --dry-run

test: lint check ## Run the whole suite (lint, checks, pytest with browser journeys)
	$(BIN)/pytest -n $(PYTEST_WORKERS)

bench: install-dev ## Benchmark every suite on throwaway databases (SUITE=search for one; BENCH_DATABASE_URL for PostgreSQL)
	for suite in $(or $(SUITE),pages learning discussion history badges search); do \
		$(BIN)/python bench/run.py --suite $$suite || exit 1; \
	done

clean: ## Remove the virtualenv, the SQLite database, media and test artefacts
	rm -rf $(VENV) db.sqlite3 media test-artifacts
