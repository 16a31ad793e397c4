"""The deployment files say what docs/deploy.md says, and collectstatic copes with vendored files' dangling links."""

import configparser
import os
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

DEPLOY = Path(settings.BASE_DIR) / "deploy"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(DEPLOY / name)
    return parser


def test_gunicorn_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:8877")
    monkeypatch.setenv("GUNICORN_WORKERS", "2")
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["bind"] == "127.0.0.1:8877"
    assert config["workers"] == 2
    assert config["timeout"] >= 30 and config["max_requests"] > 0
    assert config["accesslog"] is None  # Django's access line (with request id and query count) replaces it
    assert config["control_socket_disable"] is True
    assert config["logconfig_dict"]["formatters"]["json"]["()"] == "doingoai.ops.logging.JsonFormatter"


def test_gunicorn_defaults_to_two_processes_per_core_plus_one(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    assert runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))["workers"] == os.cpu_count() * 2 + 1


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("doingoai-web.service", "gunicorn -c deploy/gunicorn.conf.py doingoai.wsgi"),
        ("doingoai-worker@.service", "celery -A doingoai worker"),
        ("doingoai-beat.service", "celery -A doingoai beat"),
    ],
)
def test_systemd_units_run_the_documented_commands(name, command):
    service = unit(name)["Service"]
    assert command in service["ExecStart"]
    assert service["WorkingDirectory"] == "/srv/doingoai/app"
    assert service["EnvironmentFile"] == "/etc/doingoai/doingoai.env"
    assert service["User"] == "doingoai"
    assert service["KillSignal"] == "SIGTERM"  # gunicorn and Celery finish their work on TERM
    assert service["Restart"] in {"always", "on-failure"}


def test_workers_get_time_to_finish_a_report_job_before_being_killed():
    stop = int(unit("doingoai-worker@.service")["Service"]["TimeoutStopSec"])
    assert stop > settings.DOINGOAI["REPORT_TIME_LIMIT_SECONDS"]


def test_procfile_has_web_worker_beat_and_release():
    entries = dict(
        line.split(":", 1) for line in (DEPLOY / "Procfile").read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert set(entries) == {"release", "web", "worker", "beat"}
    assert "deploy/gunicorn.conf.py" in entries["web"] and "doingoai.wsgi" in entries["web"]
    assert "migrate" in entries["release"] and "collectstatic" in entries["release"]


def test_make_prod_check_runs_the_check_script():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    assert "\nprod-check:" in makefile
    assert "deploy/prod_check.py" in makefile
    assert (DEPLOY / "prod_check.py").is_file()


def test_collectstatic_hashes_files_and_leaves_links_to_missing_ones(settings, tmp_path):
    source = tmp_path / "static"
    (source / "vendor" / "fonts").mkdir(parents=True)
    (source / "vendor" / "fonts" / "icons.woff2").write_bytes(b"wOF2")
    (source / "vendor" / "icons.css").write_text(
        '@font-face{src:url("fonts/icons.woff2?v=1") format("woff2"),url("fonts/icons.woff?v=1") format("woff")}'
    )
    (source / "vendor" / "lib.js").write_text("var x=1;\n//# sourceMappingURL=lib.js.map\n")
    settings.STATICFILES_DIRS = [source]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "doingoai.ops.storage.StaticFilesStorage"}}

    call_command("collectstatic", interactive=False, verbosity=0)

    collected = settings.STATIC_ROOT
    css = next(collected.glob("vendor/icons.*.css")).read_text()
    assert "fonts/icons.woff2?v=1" not in css and "fonts/icons." in css  # the existing font got its hashed name
    assert 'url("fonts/icons.woff?v=1")' in css  # the missing one is left as written
    assert "sourceMappingURL=lib.js.map" in next(collected.glob("vendor/lib.*.js")).read_text()
    assert (collected / "staticfiles.json").exists()
