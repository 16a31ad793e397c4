"""`make prod-check`: start the production stack on this machine, check it answers as it should, stop it.

gunicorn (2 workers, deploy/gunicorn.conf.py) on 127.0.0.1, a Celery worker and beat, against PostgreSQL and Redis
from DATABASE_URL and CELERY_BROKER_URL, or the local ones. Checks: /healthz is 200 with the database, the broker
and the worker ok; the login page and a static file are served; beat's heartbeat reaches the worker and is
recorded. Everything it started is stopped at the end, whatever happened. Exit status 0 when every check passed.

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/doingoai_prod_check, created if missing),
CELERY_BROKER_URL (default redis://127.0.0.1:6379/12), PROD_CHECK_PORT (default 8800).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
TIMEOUT_SECONDS = 120


def say(message: str) -> None:
    print(f"prod-check: {message}", flush=True)


def environment(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/doingoai_prod_check")
    env.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/12")
    env.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    env.setdefault("PROD_CHECK_PORT", "8800")
    env.update({
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on the loopback: no TLS in front of this check.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "DOINGOAI_WORKER_HEARTBEAT_SECONDS": "5",
        "GUNICORN_BIND": f"127.0.0.1:{env['PROD_CHECK_PORT']}",
        "GUNICORN_WORKERS": "2",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def ensure_database(url: str) -> None:
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        sys.exit("prod-check: DATABASE_URL must be a PostgreSQL URL (the production database).")
    import psycopg
    from psycopg import sql

    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            say(f"creating database {name}")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def ensure_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url, socket_connect_timeout=3).ping()


def manage(env: dict, *args: str) -> None:
    say("manage.py " + " ".join(args))
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True)


def start(name: str, command: list[str], env: dict, logs: Path) -> subprocess.Popen:
    log = (logs / f"{name}.log").open("w")
    say(f"starting {name}: {' '.join(command)}")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def stop(processes: dict[str, subprocess.Popen]) -> None:
    for name, process in processes.items():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 30
    for name, process in processes.items():
        try:
            process.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        say(f"stopped {name} (exit status {process.returncode})")


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_for(description: str, condition, processes: dict[str, subprocess.Popen]):
    deadline = time.monotonic() + TIMEOUT_SECONDS
    last = None
    while time.monotonic() < deadline:
        for name, process in processes.items():
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with status {process.returncode}")
        try:
            result = condition()
        except (OSError, urllib.error.URLError, ValueError) as error:
            result, last = None, error
        if result:
            return result
        time.sleep(1)
    raise RuntimeError(f"timed out waiting for {description} (last error: {last})")


def check(env: dict, processes: dict[str, subprocess.Popen]) -> list[str]:
    base = f"http://{env['GUNICORN_BIND']}"

    def healthy():
        status, body = get(f"{base}/healthz")
        health = json.loads(body)
        return health if status == 200 and health["worker"].get("ok") else None

    health = wait_for("/healthz with a live worker", healthy, processes)
    passed = [f"/healthz 200: {json.dumps(health, ensure_ascii=False)}"]
    assert health["database"]["ok"] and health["broker"]["ok"] and "mode" not in health["broker"], health

    status, body = get(f"{base}/accounts/login/")
    assert status == 200 and b"<form" in body, f"login page: {status}"
    passed.append("login page 200 (gunicorn, templates, translations)")
    status, _body = get(f"{base}/static/css/app.css")
    assert status == 200, f"static file: {status}"
    passed.append("static file 200 (WhiteNoise)")

    first_seen = health["worker"]["last_seen"]

    def beat_reached_worker():
        _status, body = get(f"{base}/healthz")
        worker = json.loads(body)["worker"]
        return worker if worker.get("last_seen", first_seen) > first_seen else None

    worker = wait_for("a heartbeat sent by beat and run by the worker", beat_reached_worker, processes)
    passed.append(f"beat → Redis → worker → database: heartbeat of {worker['hostname']} at {worker['last_seen']}")
    return passed


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="doingoai-prod-check-"))
    env = environment(work)
    database = urlsplit(env["DATABASE_URL"])  # named without its password
    say(f"database {database.hostname}:{database.port or 5432}{database.path}, broker {env['CELERY_BROKER_URL']}, "
        f"web http://{env['GUNICORN_BIND']}/, logs in {work}")
    ensure_database(env["DATABASE_URL"])
    ensure_redis(env["CELERY_BROKER_URL"])
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    processes: dict[str, subprocess.Popen] = {}
    try:
        processes["web"] = start("web", [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "doingoai.wsgi"],
                                 env, work)
        processes["worker"] = start("worker", [str(BIN / "celery"), "-A", "doingoai", "worker", "--loglevel", "INFO",
                                               "--concurrency", "2", "--hostname", "prodcheck@%h"], env, work)
        processes["beat"] = start("beat", [str(BIN / "celery"), "-A", "doingoai", "beat", "--loglevel", "INFO",
                                           "--schedule", str(work / "beat-schedule")], env, work)
        passed = check(env, processes)
    except (AssertionError, RuntimeError) as failure:
        say(f"FAILED: {failure}")
        for name in processes:
            say(f"--- last lines of {name}.log ---")
            print("\n".join((work / f"{name}.log").read_text(errors="replace").splitlines()[-25:]))
        return 1
    finally:
        stop(processes)
        shutil.rmtree(work / "static", ignore_errors=True)  # the logs stay, for a look after a failure
    for line in passed:
        say(f"ok  {line}")
    say("the production stack started, answered and stopped cleanly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
