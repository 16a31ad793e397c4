# doingoai — two commands: `make run` (the demo on http://127.0.0.1:8000) and `make test` (the whole suite).
# Everything they need is installed here: a virtualenv from PyPI, and Debian packages when run as root.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Pango for WeasyPrint (PDF), Liberation fonts (Times-compatible with Vietnamese), gettext for the catalogue.
RUN_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 gettext
# Chromium for the browser tests, poppler-utils (pdftotext, pdffonts, pdftoppm) for the PDF tests.
TEST_DEBS := $(RUN_DEBS) chromium poppler-utils

.PHONY: run test check messages system-deps-run system-deps-test clean-db help prod-check

help:
	@echo "make run    - install, migrate, load the demo and serve http://127.0.0.1:8000 (SQLite, eager tasks)"
	@echo "make test   - the whole test suite (SQLite; PostgreSQL when DATABASE_URL is set)"
	@echo "make check  - Django system checks and a check for missing migrations"
	@echo "make prod-check - start gunicorn, a Celery worker and beat on PostgreSQL + Redis, check /healthz, stop"

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

system-deps-run:
	@./scripts/system-deps.sh $(RUN_DEBS)

system-deps-test:
	@./scripts/system-deps.sh $(TEST_DEBS)

run: system-deps-run $(VENV)/.installed
	DJANGO_DEBUG=1 $(MANAGE) migrate --no-input
	DJANGO_DEBUG=1 $(MANAGE) load_demo
	@echo ""
	@echo "  doingoai is starting on  http://127.0.0.1:8000/"
	@echo "  Demo logins (password: doingoai-demo): admin, staff, leader, focal_finance, focal_culture,"
	@echo "  assoc_laos, assoc_cambodia"
	@echo ""
	DJANGO_DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

test: system-deps-test $(VENV)/.installed
	$(VENV)/bin/pytest

# The checks run in the embedded configuration (DEBUG): production refuses to start without a secret key.
check: $(VENV)/.installed
	DJANGO_DEBUG=1 $(MANAGE) check
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run

messages: $(VENV)/.installed
	DJANGO_DEBUG=1 $(MANAGE) makemessages --locale vi --ignore ".venv/*" --ignore "tests/*" --ignore "benchmarks/*" --no-obsolete
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --locale vi --ignore ".venv/*"

clean-db:
	rm -f db.sqlite3

# The production stack on this machine (docs/deploy.md): PostgreSQL and Redis from DATABASE_URL and
# CELERY_BROKER_URL, or the local ones.
prod-check: system-deps-run $(VENV)/.installed
	$(PY) deploy/prod_check.py
