"""Timing of every SQL statement: the slow-query log, and the per-request query count of the access log."""

from __future__ import annotations

import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings

logger = logging.getLogger("doingoai.slow_query")

# Longest SQL text written to the log; the start of a statement says which one it is.
MAX_SQL_LENGTH = 4000


@dataclass
class QueryStats:
    """Statements run and time spent in the database while serving one request."""

    count: int = 0
    ms: float = 0.0


query_stats_var: ContextVar[QueryStats | None] = ContextVar("doingoai_query_stats", default=None)


def timed_execute(execute, sql, params, many, context):
    """A database execute wrapper (`connection.execute_wrappers`): counts statements, logs the slow ones.

    The log has the SQL with its placeholders, never the parameters: they may hold personal data.
    """
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        elapsed_ms = (time.perf_counter() - started) * 1000
        stats = query_stats_var.get()
        if stats is not None:
            stats.count += 1
            stats.ms += elapsed_ms
        threshold = settings.SLOW_QUERY_MS
        if threshold and elapsed_ms >= threshold:
            logger.warning(
                "Slow query: %.0f ms",
                elapsed_ms,
                extra={
                    "duration_ms": round(elapsed_ms, 1),
                    "sql": str(sql)[:MAX_SQL_LENGTH],
                    "executemany": many,
                    "database": context["connection"].alias,
                },
            )


def install_timer(connection) -> None:
    """Adds `timed_execute` to a connection once (the wrapper object outlives reconnections).

    It goes first in the list: `connection.execute_wrapper()` blocks pop the last entry when they end, and a
    connection opened inside such a block must not lose theirs.
    """
    if timed_execute not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, timed_execute)
