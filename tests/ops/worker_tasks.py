"""A task for the worker tests (loaded with `celery worker --include tests.ops.worker_tasks`)."""

import os
import time
from pathlib import Path

from celery import shared_task


@shared_task(bind=True, acks_late=True, name="tests.ops.slow_once")
def slow_once(self, log_path: str, seconds: float) -> str:
    """Logs each start with the pool process id; the first attempt is slow (long enough to be killed)."""
    log = Path(log_path)
    attempt = 1 + (log.read_text().count("start") if log.exists() else 0)
    with log.open("a") as stream:
        stream.write(f"start {attempt} {os.getpid()}\n")
    if attempt == 1:
        time.sleep(seconds)
    with log.open("a") as stream:
        stream.write("done\n")
    return f"done at attempt {attempt}"
