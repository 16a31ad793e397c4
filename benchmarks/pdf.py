#!/usr/bin/env python
"""How long the annual plan PDF takes, and where the time goes: queries + template vs WeasyPrint.

    .venv/bin/python benchmarks/pdf.py                 # 50, 300 and 1,000 activities
    .venv/bin/python benchmarks/pdf.py --sizes 100 --parallel 0

It builds a throw-away SQLite database in a temporary directory (never the configured one), creates a plan with
N activities (each with a lead and two coordinating agencies), then for each size prints: total seconds, seconds
in queries + template, seconds in WeasyPrint (layout and writing), pages, and the CPU seconds of the single
render (a load-independent figure: wall-clock times grow on a busy machine). With --parallel K it also renders
the appendix in K parts in K processes and merges them with pypdf, to see whether that beats one render.
Results are recorded in docs/performance.md ("PDF reports").
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
WORKDIR = tempfile.mkdtemp(prefix="doingoai-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")

import django

django.setup()

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from doingoai import pdf
from doingoai.accounts.models import User
from doingoai.reports.documents import CATALOGUE
from partners.models import Agency
from plans.models import Activity, ActivityCoordination, Plan, Task

TASKS = 7


def make_plan(size: int, agencies: list[Agency], committee: Agency) -> Plan:
    plan = Plan.objects.create(year=2000 + size % 100, number=f"{size}/KH-UBND", issuing_agency=committee,
                               title=f"Kế hoạch công tác đối ngoại nhân dân ({size} hoạt động)",
                               purpose="Tiếp tục thực hiện hiệu quả Chỉ thị số 12-CT/TW.\n" * 3,
                               implementation="Các sở, ban, ngành căn cứ kế hoạch triển khai thực hiện.\n" * 3)
    tasks = [Task.objects.create(plan=plan, number=n, title=f"Nhiệm vụ số {n} về đối ngoại nhân dân",
                                 description="Tăng cường hợp tác hữu nghị với các tỉnh kết nghĩa.")
             for n in range(1, TASKS + 1)]
    activities = Activity.objects.bulk_create(
        Activity(task=tasks[i % TASKS], number=i // TASKS + 1, lead_agency=agencies[i % len(agencies)],
                 quarter=i % 4 + 1, budget_amount=Decimal(15_000_000 + i * 1000), budget_source="state_budget",
                 content=f"Tổ chức đoàn giao lưu hữu nghị, thăm và làm việc với tỉnh Champasak (Lào), lần {i + 1}")
        for i in range(size)
    )
    ActivityCoordination.objects.bulk_create(
        ActivityCoordination(activity=activity, agency=agencies[(i + k) % len(agencies)])
        for i, activity in enumerate(activities) for k in (1, 2)
    )
    return plan


def split_appendix(html: str, parts: int) -> list[str]:
    """The document with the first part of the appendix rows, then documents holding only the other parts."""
    head, body = html.split("<body>", 1)
    start = body.index("<tbody>", body.index('class="appendix"')) + len("<tbody>")
    end = body.index("</tbody>", start)
    rows = re.findall(r"<tr.*?</tr>", body[start:end], flags=re.DOTALL)
    thead = re.search(r"<thead>.*?</thead>", body[body.index('class="appendix"'):], flags=re.DOTALL).group(0)
    size = -(-len(rows) // parts)
    chunks = [rows[i:i + size] for i in range(0, len(rows), size)]
    documents = [head + "<body>" + body[:start] + "".join(chunks[0]) + body[end:]]
    for chunk in chunks[1:]:
        documents.append(head + '<body><section class="appendix" style="break-before: auto">'
                         f'<table class="data small appendix-table">{thead}<tbody>{"".join(chunk)}</tbody></table>'
                         "</section></body></html>")
    return documents


def render_part(html: str) -> bytes:
    return pdf.html_to_pdf(html)[0]


def parallel_render(html: str, parts: int, pool: ProcessPoolExecutor) -> tuple[float, int]:
    from pypdf import PdfReader, PdfWriter

    started = time.perf_counter()
    pieces = list(pool.map(render_part, split_appendix(html, parts)))
    writer = PdfWriter()
    for piece in pieces:
        writer.append(PdfReader(io.BytesIO(piece)))
    out = io.BytesIO()
    writer.write(out)
    return time.perf_counter() - started, len(writer.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 300, 1000])
    parser.add_argument("--parallel", type=int, default=2, help="processes for the split render (0: skip)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the fastest is shown)")
    arguments = parser.parse_args()

    call_command("migrate", verbosity=0)
    committee = Agency.objects.create(name="Ủy ban nhân dân tỉnh Đồng Tháp", code="ubnd", kind="peoples_committee")
    agencies = [Agency.objects.create(name=f"Sở thử nghiệm số {n}", code=f"so-{n}") for n in range(12)]
    staff = User.objects.create(username="bench", role=User.Role.STAFF)
    document = CATALOGUE["plan"]
    pdf.font_files()  # font discovery is a one-off per process, not part of a report
    pool = ProcessPoolExecutor(arguments.parallel) if arguments.parallel else None
    print(f"os.getloadavg() before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'activities':>10} {'queries':>8} {'total s':>8} {'data+tpl s':>10} {'weasyprint s':>12} {'pages':>6}"
          f" {'cpu s':>6}"
          + (f" {'split x' + str(arguments.parallel) + ' s':>12}" if pool else ""))
    for size in arguments.sizes:
        plan = make_plan(size, agencies, committee)
        best = None
        for _ in range(arguments.repeat):
            cpu_started = time.process_time()
            with translation.override("vi"), CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                context = document.gather({"plan": plan.pk}, staff)
                html = pdf.render_html(document.template_name, context)
                templated = time.perf_counter()
            content, pages = pdf.html_to_pdf(html)
            finished = time.perf_counter()
            run = (finished - started, templated - started, finished - templated, pages, len(queries.captured_queries),
                   time.process_time() - cpu_started)
            if best is None or run[0] < best[0]:
                best = run
        total, data, layout, pages, query_count, cpu = best
        line = f"{size:>10} {query_count:>8} {total:>8.2f} {data:>10.2f} {layout:>12.2f} {pages:>6} {cpu:>6.2f}"
        if pool:
            seconds, _merged_pages = parallel_render(html, arguments.parallel, pool)
            line += f" {data + seconds:>12.2f}"
        print(line, flush=True)
        assert content.startswith(b"%PDF")
    if pool:
        pool.shutdown()


if __name__ == "__main__":
    main()
