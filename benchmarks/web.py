"""Web benchmark: the product's main pages and API lists against bare references, on PostgreSQL with scale data.

    .venv/bin/python benchmarks/web.py [--factor 1] [--seconds 10] [--concurrency 16] [--markdown FILE]

What it does, in order (docs/performance.md has the results and what they mean):
1. Prepares the database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/helper_ops_bench): creates it,
   migrates, loads `seed_scale --factor N` unless already loaded, ANALYZE; collects static files once.
2. Starts two gunicorn servers with deploy/gunicorn.conf.py and 2 sync workers each, on 127.0.0.1 only: the product
   (benchmarks/settings.py: the product's settings, plus an X-Query-Count header) and the references
   (benchmarks/bare_settings.py: Django's default middleware, the views of benchmarks/urls.py).
3. Measures every target for a fixed time with a fixed number of connections, signed in as the demo "staff" user:
   requests/s, p50/p95/p99 latency, SQL statements per request, each page as a ratio to its reference measured just
   before it. A target that does not exist (yet) is reported as such, never left out silently.
4. EXPLAIN ANALYZE of the accent-insensitive activity search, as the list page runs it.
5. A load run: N concurrent users (default 50) for S seconds (default 60) over the product targets, errors counted.
Every loop is bounded in time and every request goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import platform
import random
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/helper_ops_bench"
SEARCH_TERMS = ("hoi thao", "tap huan", "champasak")
DEEP_PAGE = 1501  # 50 a page: rows 75,001-75,050 of the 100,000 activities at factor 1
# A target whose single request takes longer than this is measured with one request at a time, a few times, and
# left out of the load run: 16 connections on it would only queue minutes of work (docs/performance.md).
HEAVY_SECONDS = 5
HEAVY_REQUESTS = 3
PROBE_TIMEOUT = 180


# --- Targets ---------------------------------------------------------------------------------------------------


@dataclass
class Target:
    name: str
    path: str
    kind: str  # "page", "api" or "reference"
    reference: str | None = None  # name of the reference target
    server: str = "app"
    note: str = ""
    missing: str = ""  # why it could not be measured
    result: dict = field(default_factory=dict)


def build_targets(year: int) -> list[Target]:
    from django.db.models import Count

    from partners.models import ForeignPartner
    from plans.models import Plan

    plan = Plan.objects.filter(number__endswith="/KH-SNgV", year=year).annotate(rows=Count("tasks__activities")).first()
    demo_plan = (Plan.objects.exclude(number__endswith="/KH-SNgV").annotate(rows=Count("tasks__activities"))
                 .order_by("-rows", "pk").first())
    partner = (
        ForeignPartner.objects.annotate(
            links=Count("delegations", distinct=True) + Count("activities", distinct=True)
            + Count("aid_projects", distinct=True)
        ).order_by("-links", "pk").first()
    )
    references = [
        Target("Hello world (orientation)", "/bench/hello/", "reference", server="bare"),
        Target("Bare page: 50 activities", "/bench/pages/activities/", "reference", server="bare"),
        Target(f"Bare page: activities page {DEEP_PAGE}", f"/bench/pages/activities/?page={DEEP_PAGE}", "reference",
               server="bare"),
        Target("Bare page: 50 foreign partners", "/bench/pages/foreign-partners/", "reference", server="bare"),
        Target("Bare page: 50 delegations", "/bench/pages/delegations/", "reference", server="bare"),
        Target("Bare page: 50 aid projects", "/bench/pages/aid-projects/", "reference", server="bare"),
        Target("Bare DRF list: activities", "/bench/api/activities/", "reference", server="bare"),
        Target(f"Bare DRF list: activities page {DEEP_PAGE}", f"/bench/api/activities/?page={DEEP_PAGE}", "reference",
               server="bare"),
        Target("Bare DRF list: foreign partners", "/bench/api/foreign-partners/", "reference", server="bare"),
        Target("Bare DRF list: delegations", "/bench/api/delegations/", "reference", server="bare"),
        Target("Bare DRF list: aid projects", "/bench/api/aid-projects/", "reference", server="bare"),
    ]
    page, api = "Bare page: 50 activities", "Bare DRF list: activities"
    targets = [
        Target("Dashboard", "/", "page", page),
        Target("Plan editor, demo plan", f"/plans/{demo_plan.pk}/editor/" if demo_plan else "/plans/0/editor/", "page",
               page, note=f"{demo_plan.rows} activities" if demo_plan else "",
               missing="" if demo_plan else "no demo plan"),
        Target("Plan editor, scale plan", f"/plans/{plan.pk}/editor/" if plan else "/plans/0/editor/", "page", page,
               note=f"plan of {year}, {plan.rows:,} activities" if plan else "",
               missing="" if plan else "no scale plan for this year"),
        Target("Activity list", "/plans/activities/", "page", page),
        Target("Activity list, filtered", f"/plans/activities/?year={year}&status=late", "page", page,
               note=f"year={year}, status=late"),
        Target("Activity list, searched", "/plans/activities/?q=hoi+thao", "page", page, note="q=hoi thao"),
        Target(f"Activity list, page {DEEP_PAGE}", f"/plans/activities/?page={DEEP_PAGE}", "page",
               f"Bare page: activities page {DEEP_PAGE}", note="rows 75,001-75,050"),
        Target("Partner 360°", f"/partners/foreign-partners/{partner.pk}/", "page", "Bare page: 50 foreign partners",
               note=f"the partner with most links ({partner.links})"),
        Target("Delegation list", "/delegations/", "page", "Bare page: 50 delegations"),
        Target("Aid project list", "/aid-projects/", "page", "Bare page: 50 aid projects"),
        Target("API: activities", "/api/v1/activities/", "api", api),
        Target("API: activities, searched", "/api/v1/activities/?q=hoi+thao", "api", api, note="q=hoi thao"),
        Target(f"API: activities, page {DEEP_PAGE}", f"/api/v1/activities/?page={DEEP_PAGE}", "api",
               f"Bare DRF list: activities page {DEEP_PAGE}"),
        Target("API: foreign partners", "/api/v1/foreign-partners/", "api", "Bare DRF list: foreign partners"),
        Target("API: delegations", "/api/v1/delegations/", "api", "Bare DRF list: delegations"),
        Target("API: aid projects", "/api/v1/aid-projects/", "api", "Bare DRF list: aid projects"),
    ]
    from django.urls import Resolver404, resolve

    for target in targets:
        if not target.missing:
            try:
                resolve(urlsplit(target.path).path)
            except Resolver404:
                target.missing = "not built yet (no such URL)"
    return references + targets


# --- The HTTP client ---------------------------------------------------------------------------------------------


@dataclass
class Sample:
    status: int
    seconds: float
    queries: int | None


async def fetch(port: int, path: str, cookie: str, timeout: float = 120) -> Sample:
    started = time.perf_counter()
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    try:
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\nAccept-Language: vi\r\n"
            f"Accept: text/html,application/json\r\nConnection: close\r\n\r\n".encode()
        )
        data = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    elapsed = time.perf_counter() - started
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    queries = None
    for line in head[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "x-query-count":
            queries = int(value)
    return Sample(status, elapsed, queries)


async def run_load(port_of, paths: list[tuple[str, str]], cookie: str, concurrency: int, seconds: float,
                   rng: random.Random | None = None) -> tuple[list[Sample], float, list[str]]:
    """`concurrency` clients send requests back to back for `seconds`; each picks a path (at random if several)."""
    samples: list[Sample] = []
    errors: list[str] = []
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        while time.perf_counter() < deadline:
            server, path = rng.choice(paths) if rng else paths[0]
            try:
                sample = await fetch(port_of(server), path, cookie)
            except (OSError, asyncio.TimeoutError, ValueError, IndexError) as error:
                errors.append(f"{path}: {error!r}")
                continue
            samples.append(sample)
            if sample.status != 200:  # a redirect (to the login page, say) is not the page either
                errors.append(f"{path}: HTTP {sample.status}")

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return samples, time.perf_counter() - started, errors


def summarize(samples: list[Sample], elapsed: float, errors: list[str]) -> dict:
    latencies = sorted(sample.seconds * 1000 for sample in samples)

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))] if latencies else 0

    queries = [sample.queries for sample in samples if sample.queries is not None]
    return {
        "requests": len(samples),
        "rps": len(samples) / elapsed if elapsed else 0,
        "p50": percentile(50), "p95": percentile(95), "p99": percentile(99),
        "queries_min": min(queries) if queries else None, "queries_max": max(queries) if queries else None,
        "errors": len(errors), "error_examples": sorted(set(errors))[:5],
    }


# --- Preparation -------------------------------------------------------------------------------------------------


def prepare_database(url: str, factor: float) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            print(f"Creating database {name}", flush=True)
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    from django.core.management import call_command
    from django.db import connection as django_connection

    from doingoai.ops.seed.scale import is_seeded

    call_command("migrate", interactive=False, verbosity=0)
    if is_seeded():
        print("Scale data already loaded: reusing it", flush=True)
    else:
        call_command("seed_scale", factor=factor)
    with django_connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def prepare_static(static_root: Path) -> None:
    if (static_root / "staticfiles.json").exists():
        return
    print(f"Collecting static files into {static_root} (once)", flush=True)
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def session_cookie(username: str) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def start_server(settings_module: str, port: int, env: dict, log: Path) -> subprocess.Popen:
    server_env = {**env, "DJANGO_SETTINGS_MODULE": settings_module, "GUNICORN_BIND": f"127.0.0.1:{port}",
                  "GUNICORN_WORKERS": "2"}
    return subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "doingoai.wsgi"],
        cwd=ROOT, env=server_env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
    )


def wait_ready(port: int, path: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if asyncio.run(fetch(port, path, "")).status < 500:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"server on port {port} did not start")


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def drain(ports: dict, seconds: float = 300) -> None:
    """Wait until both servers answer at once: requests a timed-out client left behind are still being served."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            quick = [asyncio.run(fetch(ports["app"], "/healthz", "", timeout=2)).seconds,
                     asyncio.run(fetch(ports["bare"], "/bench/hello/", "", timeout=2)).seconds]
            if max(quick) < 1:
                return
        except (OSError, asyncio.TimeoutError):
            pass
        time.sleep(1)


def measure(target: Target, ports: dict, cookie: str, args) -> None:
    """One probe request; then `concurrency` connections for `seconds` after a warm-up, or, for a target slower than
    HEAVY_SECONDS, a few requests one at a time."""
    drain(ports)
    paths = [(target.server, target.path)]
    try:
        probe = asyncio.run(fetch(ports[target.server], target.path, cookie, timeout=PROBE_TIMEOUT))
    except (OSError, asyncio.TimeoutError) as error:
        target.missing = f"no answer within {PROBE_TIMEOUT} s ({error!r})"
        return
    if probe.status != 200:
        target.missing = f"HTTP {probe.status}"
        return
    if probe.seconds > HEAVY_SECONDS:
        samples, errors = [probe], []
        started = time.perf_counter()
        for _ in range(HEAVY_REQUESTS - 1):
            sample = asyncio.run(fetch(ports[target.server], target.path, cookie, timeout=PROBE_TIMEOUT))
            samples.append(sample)
            if sample.status != 200:
                errors.append(f"HTTP {sample.status}")
        elapsed = time.perf_counter() - started + probe.seconds
        target.result = {**summarize(samples, elapsed, errors), "mode": f"one at a time, {len(samples)} requests"}
        return
    asyncio.run(run_load(ports.get, paths, cookie, args.concurrency, args.warmup))
    samples, elapsed, errors = asyncio.run(run_load(ports.get, paths, cookie, args.concurrency, args.seconds))
    target.result = {**summarize(samples, elapsed, errors), "mode": "concurrent"}


def breakdown(targets: list[Target], repeat: int = 3) -> list[dict]:
    """Each product target served in this process, one request at a time (best of `repeat`): total time, SQL
    statements and their time, the slowest statement. Says where the time goes, without queueing."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_ACCEPT_LANGUAGE="vi", HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="staff"))
    rows = []
    for target in targets:
        if target.kind == "reference" or target.missing:
            continue
        best = None
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(target.path)
                elapsed = (time.perf_counter() - started) * 1000
            sql_ms = sum(float(query["time"]) for query in captured.captured_queries) * 1000
            slowest = max(captured.captured_queries, key=lambda query: float(query["time"]), default=None)
            row = {"name": target.name, "status": response.status_code, "ms": elapsed, "queries": len(captured),
                   "sql_ms": sql_ms, "bytes": len(response.content),
                   "slowest_ms": float(slowest["time"]) * 1000 if slowest else 0,
                   "slowest_sql": slowest["sql"][:300] if slowest else ""}
            if best is None or row["ms"] < best["ms"]:
                best = row
        rows.append(best)
        print(f"breakdown {target.name:<40} {best['ms']:8.0f} ms, {best['queries']} SQL in {best['sql_ms']:.0f} ms "
              f"(slowest {best['slowest_ms']:.0f} ms), {best['bytes'] / 1024:.0f} KiB", flush=True)
    return rows


# --- Search at the database --------------------------------------------------------------------------------------


def explain_search() -> list[dict]:
    """EXPLAIN ANALYZE of the search as the activity list runs it, and of the same words over the activity's own
    text columns only (the shape the trigram indexes answer)."""
    import re

    from django.test import RequestFactory

    from doingoai.accounts.models import User
    from doingoai.core.search import search_q
    from plans.filtersets import ActivityFilterSet
    from plans.models import Activity

    staff = User.objects.get(username="staff")
    request = RequestFactory().get("/")
    request.user = staff
    rows = []
    for term in SEARCH_TERMS:
        as_listed = ActivityFilterSet({"q": term}, queryset=Activity.objects.for_user(staff), request=request).qs
        own_columns = Activity.objects.for_user(staff).filter(search_q(("content", "expected_result", "notes"), term))
        for shape, queryset in (("as the list page searches (5 fields, 2 joined)", as_listed),
                                ("own text columns only (content, expected result, notes)", own_columns)):
            # The list's default order (plan, task, number), as the page shows it.
            for query, explained in (("all matches", queryset.order_by().values("pk")), ("first page", queryset[:50])):
                plan = explained.explain(analyze=True)
                execution = float(re.search(r"Execution Time: ([\d.]+) ms", plan).group(1))
                rows.append({"term": term, "shape": shape, "query": query, "ms": execution,
                             "matches": queryset.count() if query == "all matches" else None, "plan": plan})
    return rows


# --- Report ------------------------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    import django
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    # The machine is shared: its load average says how much of it the benchmark had.
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": memory, "python": platform.python_version(),
            "load_average": " / ".join(f"{value:.1f}" for value in os.getloadavg()),
            "django": django.get_version(), "postgresql": postgres, "os": platform.platform()}


def markdown(report: dict) -> str:
    m = report["machine"]
    lines = [
        f"Measured {report['date']} on {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; {m['os']}; "
        f"Python {m['python']}, Django {m['django']}, PostgreSQL {m['postgresql']}. Load average at the start "
        f"{report['load_before']}, at the end {m['load_average']} (1/5/15 min; the machine is shared).",
        f"Scale data: `seed_scale --factor {report['factor']:g}`. Servers: gunicorn, deploy/gunicorn.conf.py, "
        f"2 sync workers each. Each target: {report['concurrency']} connections for {report['seconds']:g} s after "
        f"a {report['warmup']:g} s warm-up, signed in as `staff` (sees everything).",
        "",
        f"Command: `{report['command']}`",
        "",
        "| target | req/s | p50 ms | p95 ms | p99 ms | SQL/request | reference | req/s vs reference | errors |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    by_name = {target["name"]: target for target in report["targets"]}
    for target in report["targets"]:
        r = target["result"]
        mode = r.get("mode", "concurrent")
        name = target["name"] + (f" ({target['note']})" if target["note"] else "") + (
            f" — *{mode}*" if mode != "concurrent" else "")
        path = f"`{target['path']}`"
        if target["missing"]:
            lines.append(f"| {name} {path} | — | — | — | — | — | — | {target['missing']} | — |")
            continue
        queries = "—" if r.get("queries_max") is None else (
            str(r["queries_max"]) if r["queries_min"] == r["queries_max"] else f"{r['queries_min']}–{r['queries_max']}")
        ratio, reference = "", ""
        if target["reference"]:
            ref = by_name[target["reference"]]["result"]
            reference = target["reference"]
            ratio = f"{r['rps'] / ref['rps']:.0%}" if ref.get("rps") else "—"
        lines.append(
            f"| {name} {path} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | {queries} | "
            f"{reference} | {ratio} | {r['errors']} |"
        )
    lines += ["", "Where the time goes: each page served in the benchmark's own process, one request at a time, best of 3 "
              "(no queueing; SQL time as Django measures it):", "",
              "| target | ms | SQL statements | SQL ms | slowest statement ms | KiB |", "|---|---:|---:|---:|---:|---:|"]
    for row in report["breakdown"]:
        lines.append(f"| {row['name']} | {row['ms']:.0f} | {row['queries']} | {row['sql_ms']:.0f} | "
                     f"{row['slowest_ms']:.0f} | {row['bytes'] / 1024:.0f} |")
    lines += ["", "Search at the database (EXPLAIN ANALYZE, warm cache):", "",
              "| words | query shape | query | matches | execution ms |", "|---|---|---|---:|---:|"]
    for row in report["search"]:
        lines.append(f"| {row['term']} | {row['shape']} | {row['query']} | {row['matches'] or ''} | {row['ms']:.1f} |")
    load = report["load"]
    lines += ["", f"Load run: {load['users']} concurrent users for {load['seconds']:g} s, each request a random product "
              f"target above: {load['requests']:,} requests, {load['rps']:.1f} req/s, p50 {load['p50']:.0f} ms, "
              f"p95 {load['p95']:.0f} ms, p99 {load['p99']:.0f} ms, **{load['errors']} errors**"
              + (f" ({'; '.join(load['error_examples'])})" if load["errors"] else "") + "."
              + (f" Left out of the load run (slower than {HEAVY_SECONDS} s a request, or failed): "
                 f"{', '.join(load['left_out'])}." if load["left_out"] else "")]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--factor", type=float, default=1.0)
    parser.add_argument("--port", type=int, default=8850, help="product server port; references on port + 1")
    parser.add_argument("--seconds", type=float, default=10, help="measured seconds per target")
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--load-users", type=int, default=50)
    parser.add_argument("--load-seconds", type=float, default=60)
    parser.add_argument("--only", default="", help="measure only targets whose name contains this text")
    parser.add_argument("--static-root", type=Path, default=Path("/tmp/doingoai-bench-static"))
    parser.add_argument("--markdown", type=Path, help="also write the tables to this file")
    parser.add_argument("--json", type=Path, help="write every figure (and the query plans) to this file")
    args = parser.parse_args()
    if not (8800 <= args.port <= 8898):
        parser.error("--port must be within 8800-8898 (the product and the reference server)")

    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", secrets.token_urlsafe(50)),
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_ROOT": str(args.static_root),
        "DJANGO_CONN_MAX_AGE": "60",
        "DJANGO_CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/12"),
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DOINGOAI_TESTING": "0",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.utils import timezone

    prepare_database(args.database_url, args.factor)
    prepare_static(args.static_root)
    targets = build_targets(timezone.localdate().year)
    if args.only:
        targets = [t for t in targets if args.only.lower() in t.name.lower() or t.kind == "reference"]
    cookie = session_cookie("staff")
    load_before = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    ports = {"app": args.port, "bare": args.port + 1}
    for port in ports.values():
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                sys.exit(f"Port {port} is in use: stop what listens there, or pass another --port.")
    # A `timeout` or Ctrl-C must still stop the servers (the `finally` below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    logs = Path(os.environ.get("TMPDIR", "/tmp"))
    processes = [start_server("benchmarks.settings", ports["app"], env, logs / "doingoai-bench-app.log"),
                 start_server("benchmarks.bare_settings", ports["bare"], env, logs / "doingoai-bench-bare.log")]
    try:
        wait_ready(ports["app"], "/healthz")
        wait_ready(ports["bare"], "/bench/hello/")
        for target in targets:
            if target.missing:
                print(f"SKIPPED {target.name} {target.path}: {target.missing}", flush=True)
                continue
            measure(target, ports, cookie, args)
            r = target.result
            if not r:
                print(f"FAILED {target.name} {target.path}: {target.missing}", flush=True)
                continue
            print(f"{target.name:<45} {r['rps']:7.1f} req/s  p50 {r['p50']:6.0f}  p95 {r['p95']:6.0f}  "
                  f"p99 {r['p99']:6.0f} ms  SQL {r['queries_min']}–{r['queries_max']}  errors {r['errors']}"
                  + (f"  {r['error_examples']}" if r['errors'] else ""), flush=True)
        search = explain_search()
        for row in search:
            print(f"search {row['term']!r:<12} {row['query']:<10} {row['ms']:8.1f} ms  {row['shape']}", flush=True)
        drain(ports)
        load_paths = [(t.server, t.path) for t in targets
                      if t.kind in ("page", "api") and not t.missing and t.result.get("mode") == "concurrent"]
        samples, elapsed, errors = asyncio.run(
            run_load(ports.get, load_paths, cookie, args.load_users, args.load_seconds, random.Random(1))
        ) if load_paths else ([], 0.0, ["no product target to load"])
        load = {"users": args.load_users, "seconds": args.load_seconds, **summarize(samples, elapsed, errors),
                "left_out": [t.name for t in targets if t.kind in ("page", "api") and not t.missing
                             and t.result.get("mode") != "concurrent"]}
        print(f"load: {load['requests']} requests, {load['rps']:.1f} req/s, p50 {load['p50']:.0f} ms, "
              f"p99 {load['p99']:.0f} ms, errors {load['errors']} {load['error_examples']}", flush=True)
    finally:
        stop(processes)
    cost = breakdown(targets)
    report = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="minutes"),
        "command": " ".join([os.path.relpath(sys.executable, ROOT), *sys.argv]),
        "machine": machine(), "load_before": load_before, "factor": args.factor, "seconds": args.seconds, "warmup": args.warmup,
        "concurrency": args.concurrency,
        "targets": [{"name": t.name, "path": t.path, "kind": t.kind, "reference": t.reference, "note": t.note,
                     "missing": t.missing, "result": t.result} for t in targets],
        "search": search, "load": load, "breakdown": cost,
    }
    text = markdown(report)
    print("\n" + text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
