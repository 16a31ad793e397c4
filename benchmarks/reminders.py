"""Benchmark of the daily reminders scan: 10,000 occasions and 100,000 plan activities.

Shows that the scan runs a constant number of queries (the same at a tenth of the volume) and how long the scan and
the whole daily run take. Runs against a throw-away test database (SQLite in memory, or `<name>_bench` on
PostgreSQL when DATABASE_URL points there); nothing else is touched.

    .venv/bin/python benchmarks/reminders.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/doingoai .venv/bin/python benchmarks/reminders.py

Results are recorded in docs/performance.md ("Reminders").
"""

from __future__ import annotations

import datetime
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
os.environ.setdefault("DOINGOAI_TESTING", "1")  # test settings: no secret key needed, eager tasks

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

TODAY = datetime.date(2026, 11, 22)
OCCASIONS, ACTIVITIES = 10_000, 100_000
ACTIVITIES_PER_TASK = 1_000


def populate(occasions: int, activities: int, start: int = 0) -> None:
    """Add occasions and activities (numbered from `start`) with bulk inserts: some due today, most not."""
    from doingoai.accounts.models import User
    from partners.models import Agency, Occasion, OccasionDate
    from plans.models import Activity, Plan, Task

    agencies = list(Agency.objects.order_by("pk"))
    if not agencies:
        agencies = Agency.objects.bulk_create(
            [Agency(name=f"Sở thử nghiệm {n}", code=f"bench-{n}") for n in range(50)]
        )
        User.objects.bulk_create(
            [User(username=f"focal{n}", email=f"focal{n}@example.org", role=User.Role.AGENCY_FOCAL,
                  agency=agency) for n, agency in enumerate(agencies[:25])]
            + [User(username=f"staff{n}", email=f"staff{n}@example.org", role=User.Role.STAFF) for n in range(5)]
        )
    rows = []
    for n in range(start, start + occasions):
        day = TODAY + datetime.timedelta(days=n % 365)
        if n % 100 == 1:
            rows.append(Occasion(kind=Occasion.Kind.NEW_YEAR, title=f"Tết âm lịch {n}", date_rule="lunar",
                                 month=1 + n % 12, day=1 + n % 28))
        elif n % 100 == 2:
            rows.append(Occasion(kind=Occasion.Kind.NEW_YEAR, title=f"Tết theo năm {n}", date_rule="per_year"))
        else:
            rows.append(Occasion(kind=Occasion.Kind.OTHER, title=f"Ngày kỷ niệm {n}", date_rule="fixed",
                                 month=day.month, day=day.day, base_year=1950 + n % 70))
    created = Occasion.objects.bulk_create(rows, batch_size=2000)
    OccasionDate.objects.bulk_create(
        [OccasionDate(occasion=occasion, year=year, date=datetime.date(year, 4, 14), end_date=datetime.date(year, 4, 16))
         for occasion in created if occasion.date_rule == "per_year" for year in (2026, 2027)],
        batch_size=2000,
    )
    plan, _created = Plan.objects.get_or_create(year=2026, number="1/KH-BENCH", defaults={
        "issuing_agency": agencies[0], "title": "Kế hoạch thử nghiệm"})
    first_task = start // ACTIVITIES_PER_TASK
    tasks = Task.objects.bulk_create(
        [Task(plan=plan, number=first_task + n + 1, title=f"Nhiệm vụ {n}")
         for n in range(activities // ACTIVITIES_PER_TASK)]
    )
    batch = []
    for t, task in enumerate(tasks):
        for n in range(ACTIVITIES_PER_TASK):
            i = t * ACTIVITIES_PER_TASK + n
            end = TODAY - datetime.timedelta(days=1) if i % 1000 == 0 else None  # one in a thousand due today
            batch.append(Activity(task=task, number=n + 1, content=f"Hoạt động {start + i}",
                                  lead_agency=agencies[i % len(agencies)], quarter=1 + i % 4, end_date=end,
                                  start_date=end))
            if len(batch) == 5000:
                Activity.objects.bulk_create(batch)
                batch = []
    Activity.objects.bulk_create(batch)


def measure(label: str) -> tuple[int, float, int]:
    from doingoai.reminders.scan import candidates

    candidates(TODAY)  # warm caches (content types)
    with CaptureQueriesContext(connection) as context:
        started = time.perf_counter()
        found = candidates(TODAY)
        seconds = time.perf_counter() - started
    print(f"{label:<44} {len(context.captured_queries):>7} {seconds:>9.2f} {len(found):>9}")
    return len(context.captured_queries), seconds, len(found)


def main() -> None:
    from doingoai.reminders.models import ReminderRule
    from doingoai.reminders.services import run_daily
    from partners.models import Occasion
    from plans.models import Activity

    setup_test_environment()
    settings_dict = connection.settings_dict
    settings_dict.setdefault("TEST", {})
    if settings.USING_POSTGRES:
        settings_dict["TEST"]["NAME"] = f"{settings_dict['NAME']}_bench"
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        for kind, offsets in (("occasion", "30,10,3"), ("activity_overdue", "-1,-30"), ("greeting", "10,3,1")):
            ReminderRule.objects.update_or_create(kind=kind, occasion_kind="", defaults={
                "offsets": offsets, "armed_on": datetime.date(2020, 1, 1)})
        print(f"database: {connection.vendor} ({name})")
        print(f"{'':<44} {'queries':>7} {'seconds':>9} {'due':>9}")
        started = time.perf_counter()
        populate(OCCASIONS // 10, ACTIVITIES // 10)
        small = measure(f"scan, {Occasion.objects.count():,} occasions / {Activity.objects.count():,} activities")
        populate(OCCASIONS - OCCASIONS // 10, ACTIVITIES - ACTIVITIES // 10, start=ACTIVITIES // 10)
        print(f"(loading took {time.perf_counter() - started:.1f} s)")
        large = measure(f"scan, {Occasion.objects.count():,} occasions / {Activity.objects.count():,} activities")
        assert small[0] == large[0], f"query count grew: {small[0]} -> {large[0]}"
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            result = run_daily(TODAY)
            seconds = time.perf_counter() - started
        print(f"{'whole daily run (first, sends)':<44} {len(context.captured_queries):>7} {seconds:>9.2f} "
              f"{result.claimed:>9}")
        started = time.perf_counter()
        again = run_daily(TODAY)
        print(f"{'whole daily run (again, sends nothing)':<44} {'':>7} {time.perf_counter() - started:>9.2f} "
              f"{again.claimed:>9}")
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
