"""PostgreSQL or Redis "restarting" under a running gunicorn: requests fail cleanly (the 503 page, no traceback, no
dropped connection) while the service is away, and succeed again once it is back, with no restart of gunicorn.

The restart is simulated with a TCP proxy between gunicorn and the real servers (tests/ops/proxy.py): cutting it
drops every open connection and refuses new ones, as a restart does, without touching the PostgreSQL and Redis that
the rest of the suite uses. PostgreSQL only: gunicorn is another process, and the SQLite test database lives in this
process's memory.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from tests import factories

from .proxy import Proxy, free_port

ROOT = Path(settings.BASE_DIR)
REDIS_PORT = 6379

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def proxies():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: gunicorn runs in another process and cannot see the SQLite test database")
    try:
        import redis

        redis.Redis(port=REDIS_PORT, socket_connect_timeout=2).ping()
    except Exception as error:  # noqa: BLE001
        pytest.skip(f"needs Redis on 127.0.0.1:{REDIS_PORT}: {error}")
    database = Proxy(int(connection.settings_dict.get("PORT") or 5432), connection.settings_dict.get("HOST") or
                     "127.0.0.1").start()
    broker = Proxy(REDIS_PORT, port=free_port(database.port + 1)).start()
    yield database, broker
    database.stop()
    broker.stop()


@pytest.fixture
def server(proxies, tmp_path):
    """gunicorn (1 worker, persistent database connections) reaching PostgreSQL and Redis through the proxies."""
    database, broker = proxies
    params = connection.settings_dict
    port = free_port(broker.port + 1)
    redis_url = f"redis://127.0.0.1:{broker.port}/12"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.ops.fault_settings",
        "DOINGOAI_TESTING": "1",  # static files from the finders: no collectstatic for a test
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": f"postgres://{params['USER']}@127.0.0.1:{database.port}/{params['NAME']}",
        "DJANGO_CONN_MAX_AGE": "60",
        "CELERY_BROKER_URL": redis_url,
        "DJANGO_CACHE_URL": redis_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
    }
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "doingoai.wsgi"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if fetch(base + "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("gunicorn did not start:\n" + (tmp_path / "gunicorn.log").read_text()[-3000:])
    yield base, process
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    log.close()


@pytest.fixture
def session_cookie():
    user = factories.UserFactory(username="fault_tester")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def fetch(url: str, cookie: str = "") -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def assert_clean_503(status: int, body: str) -> None:
    assert status == 503, body[:500]
    assert 'data-testid="service-unavailable"' in body
    assert "Traceback" not in body and "Error" not in body.split("<main", 1)[-1].split("</main>")[0]


class Load:
    """Requests sent one after another from a few threads while a test cuts and restores a service."""

    def __init__(self, url: str, cookie: str = "", threads: int = 2) -> None:
        self.url, self.cookie = url, cookie
        self.statuses: list[int] = []
        self.failures: list[str] = []
        self.running = True
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(threads)]

    def run(self) -> None:
        while self.running:
            try:
                status, body = fetch(self.url, self.cookie)
            except OSError as error:  # a dropped or refused connection to gunicorn is not a clean failure
                self.failures.append(repr(error))
                continue
            self.statuses.append(status)
            if status not in (200, 503) or (status == 503 and 'data-testid="service-unavailable"' not in body):
                self.failures.append(f"{status}: {body[:300]}")

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.running = False
        for thread in self.threads:
            thread.join(timeout=30)


def test_database_restart_gives_the_503_page_then_recovers_without_restart(proxies, server, session_cookie):
    database, _broker = proxies
    base, process = server
    assert fetch(base + "/db/", session_cookie) == (200, "fault_tester: 1 users")

    with Load(base + "/db/", session_cookie) as load:
        time.sleep(1)
        database.cut()
        time.sleep(2)
        status, body = fetch(base + "/db/", session_cookie)
        assert_clean_503(status, body)
        status, body = fetch(base + "/healthz")
        assert status == 503 and '"database": {"ok": false' in body
        database.restore()
        time.sleep(2)
    assert load.failures == []
    assert 503 in load.statuses and load.statuses[-1] == 200

    # The same gunicorn worker serves the next request: persistent connections were dropped and reopened.
    assert process.poll() is None
    assert fetch(base + "/db/", session_cookie) == (200, "fault_tester: 1 users")
    assert fetch(base + "/healthz")[0] == 200


def test_redis_restart_gives_the_503_page_then_recovers_without_restart(proxies, server):
    _database, broker = proxies
    base, process = server
    assert fetch(base + "/cache/") == (200, "cache hit")

    with Load(base + "/cache/") as load:
        time.sleep(1)
        broker.cut()
        time.sleep(2)
        assert_clean_503(*fetch(base + "/cache/"))
        status, body = fetch(base + "/healthz")
        assert status == 503 and '"broker": {"ok": false' in body
        broker.restore()
        time.sleep(2)
    assert load.failures == []
    assert 503 in load.statuses and load.statuses[-1] == 200

    assert process.poll() is None
    assert fetch(base + "/cache/") == (200, "cache hit")
    assert fetch(base + "/healthz")[0] == 200
