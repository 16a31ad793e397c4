"""gunicorn settings for doingoai: `gunicorn -c deploy/gunicorn.conf.py doingoai.wsgi`.

Every value can be changed from the environment (systemd EnvironmentFile, Procfile, container): see docs/deploy.md.
"""

import multiprocessing
import os

# Where to listen. Behind a load balancer or nginx on another machine: 0.0.0.0:8000 (and a firewall).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Processes: the scaling unit on one machine. Django is synchronous; 2 × cores + 1 keeps the CPU busy while some
# processes wait for PostgreSQL.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# Pages answer in well under a second; PDFs are made by Celery workers. A request still running after this is
# killed and logged: it is a bug to find, not a wait to extend.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5
# Recycle processes now and then: memory that Python does not give back is given back.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 200))
# The proxies whose X-Forwarded-* headers are believed (comma-separated addresses; "*" only on a closed network).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "doingoai-web"
# gunicorn's control socket (gunicornc) is not used; without it two servers on one machine cannot collide.
control_socket_disable = True

# Django writes one JSON access line per request (with the request id and query count): gunicorn's own access log
# would say less, twice. gunicorn's error log (worker timeouts, restarts) is written as JSON lines too.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "doingoai.ops.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
        # Discarded: a logging configuration switches gunicorn's access log on, and Django's line says more.
        "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}
