"""Running the portal in production: request ids and JSON logs, the slow-query log, the worker heartbeat, a clean
503 page when the database or Redis is down, backups and restores, and scale data for benchmarks."""
