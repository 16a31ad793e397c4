"""Which exceptions mean "a service we depend on is not answering" rather than "a bug"."""

from __future__ import annotations

from django.db import InterfaceError, OperationalError


def _redis_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = []
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        errors += [RedisConnectionError, RedisTimeoutError]
    except ImportError:  # pragma: no cover - redis comes with celery[redis]
        pass
    try:
        from kombu.exceptions import OperationalError as BrokerError

        errors.append(BrokerError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def _database_errors() -> tuple[type[BaseException], ...]:
    # Django wraps driver errors in its own classes; a few paths (a broken connection's close) let the driver's out.
    errors: list[type[BaseException]] = [OperationalError, InterfaceError]
    import sqlite3

    errors += [sqlite3.OperationalError, sqlite3.InterfaceError]
    try:
        import psycopg

        errors += [psycopg.OperationalError, psycopg.InterfaceError]
    except ImportError:  # pragma: no cover - psycopg is a dependency
        pass
    return tuple(errors)


DATABASE_ERRORS = _database_errors()
REDIS_ERRORS = _redis_errors()


def _chain(exception: BaseException):
    seen = set()
    while exception is not None and id(exception) not in seen:
        seen.add(id(exception))
        yield exception
        exception = exception.__cause__ or exception.__context__


def outage_of(exception: BaseException) -> str | None:
    """"database" or "redis" if `exception` (or one it was raised from) says that service is unreachable."""
    for error in _chain(exception):
        if isinstance(error, DATABASE_ERRORS):
            return "database"
        if isinstance(error, REDIS_ERRORS):
            return "redis"
    return None


def is_outage(exception: BaseException) -> bool:
    return outage_of(exception) is not None
