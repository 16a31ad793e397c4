"""Settings for doingoai: one module, driven by the environment.

Without any environment the portal runs embedded: SQLite, Celery tasks run eagerly, e-mail to the console.
Production sets DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis); see .env.example for every variable.
"""

import datetime
import os
import sys
import tempfile
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
TESTING = env.bool("DOINGOAI_TESTING", default="pytest" in sys.modules)
# The secret key is required whenever the site is not in DEBUG or test mode: a default key in production
# would let anyone forge sessions and signed links.
if DEBUG or TESTING:
    SECRET_KEY = env("DJANGO_SECRET_KEY", default="embedded-mode-insecure-key-change-me")
else:
    SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "django_celery_results",
    "simple_history",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "doingoai.core",
    "doingoai.accounts",
    "doingoai.files",
    "doingoai.api",
    "partners",
    "plans",
    "delegations",
    "aid_projects",
    "doingoai.reports",
    "doingoai.dashboard",
    "doingoai.notifications",
    "doingoai.agenda",
    "doingoai.reminders",
    "doingoai.demo",
    "doingoai.ops",
]

MIDDLEWARE = [
    # First: the request id and the access log line cover everything below; then a 503 page, not a traceback,
    # when the database or Redis is down.
    "doingoai.ops.middleware.RequestIdMiddleware",
    "doingoai.ops.middleware.ServiceUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "doingoai.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "doingoai.accounts.middleware.SecondFactorMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "doingoai.urls"
WSGI_APPLICATION = "doingoai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "doingoai.core.context_processors.site",
                "doingoai.notifications.context_processors.unread",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=0))
# A kept connection is checked before a request uses it: after a database restart the first request reconnects
# instead of failing.
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn threads or a test server and a browser write to the same file: wait instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    if TESTING:
        # The test database is a file, not Django's shared in-memory database. With an in-memory database the
        # browser tests' live server hands one SQLite connection to all its threads, and two threads on one
        # connection deadlock when a query calls a Python function (our unaccent, Django's date functions): one
        # holds SQLite's lock waiting for the GIL, the other holds the GIL waiting for SQLite's lock. With a file
        # every thread opens its own connection, as under `make run`. Durability is not needed for a test run.
        DATABASES["default"]["TEST"] = {
            "NAME": str(Path(tempfile.gettempdir()) / f"doingoai-test-{os.getpid()}.sqlite3"),
        }
        DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF; PRAGMA journal_mode=WAL;"
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Hashing is not what the tests test; a fast hasher keeps hundreds of logins cheap.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE", default=False)
# The lockout check (django-axes) runs before Django's password check; see docs/security.md.
AUTHENTICATION_BACKENDS = [
    "doingoai.accounts.backends.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("DOINGOAI_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("DOINGOAI_LOGIN_COOLOFF_MINUTES", default=15))
# What a lockout applies to: by default one account from one address ("username+ip_address"), so that the
# typos of a colleague behind the same office router lock nobody else out. Also "username" (the account from any
# address) or "ip_address"; several comma-separated entries lock on any of them. See docs/security.md.
AXES_LOCKOUT_PARAMETERS = [
    entry.split("+") if "+" in entry else entry
    for entry in env.list("DOINGOAI_LOGIN_LOCKOUT_BY", default=["username+ip_address"])
]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "doingoai.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "doingoai.accounts.lockout.client_ip"
AXES_VERBOSE = False

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("DJANGO_TIME_ZONE", default="Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["doingoai.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files live outside the static root and are served only through views that check scope.
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            # WhiteNoise's compressed, hashed files; tolerant of vendored files naming a file they do not ship.
            "doingoai.ops.storage.StaticFilesStorage"
            if not (DEBUG or TESTING)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="doingoai@localhost")

CACHES = {"default": env.cache("DJANGO_CACHE_URL", default="locmemcache://")}

# Celery: with no broker configured, tasks run in-process (the embedded mode); production sets a Redis URL.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
# Tests run tasks in-process too, unless a test starts a real worker (it switches this off itself).
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL or TESTING
CELERY_TASK_EAGER_PROPAGATES = True
# Task outcomes (state, result or traceback, worker, times) are stored by django-celery-results and shown in the
# admin. Tasks that keep their own status (report jobs) or run every minute (the heartbeat) opt out with
# ignore_result=True; their failures are stored all the same.
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_RESULT_EXPIRES = datetime.timedelta(days=env.int("DOINGOAI_TASK_RESULTS_DAYS", default=30))
CELERY_TASK_IGNORE_RESULT = False
CELERY_TASK_STORE_ERRORS_EVEN_IF_IGNORED = True
# Workers log through LOGGING below (JSON lines with the task id), not in Celery's own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Beat sends a heartbeat task this often; /healthz reports a worker as silent after the second number of seconds.
WORKER_HEARTBEAT_SECONDS = env.int("DOINGOAI_WORKER_HEARTBEAT_SECONDS", default=30)
WORKER_HEARTBEAT_STALE_SECONDS = env.int("DOINGOAI_WORKER_HEARTBEAT_STALE_SECONDS", default=120)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A killed worker loses no task that acknowledges late (report jobs, reminders; all idempotent): one whose pool
# process died is put back in the queue, and one whose whole worker died is delivered again by Redis once the
# visibility timeout has passed (longer than any task runs: report jobs stop at DOINGOAI_REPORT_TIME_LIMIT_SECONDS).
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("DOINGOAI_BROKER_VISIBILITY_TIMEOUT", default=3600)}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    # Report jobs whose worker died are retried or marked failed, never left "running".
    "reports-sweep-stale-jobs": {"task": "doingoai.reports.tasks.sweep_stale_jobs", "schedule": 60.0},
    # The worker that runs it records that it is alive (doingoai.ops); a heartbeat not run in time is dropped.
    "ops-worker-heartbeat": {
        "task": "doingoai.ops.tasks.heartbeat",
        "schedule": float(WORKER_HEARTBEAT_SECONDS),
        "options": {"expires": WORKER_HEARTBEAT_SECONDS},
    },
}

REST_FRAMEWORK = {
    # Token first: DRF takes the WWW-Authenticate header of a 401 from the first class (session alone gives 403).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "doingoai.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "doingoai.api.permissions.TokenScopePermission",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "doingoai.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "doingoai.api.exceptions.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "doingoai.api.schema.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "doingoai API",
    "DESCRIPTION": (
        "The records of the people-to-people diplomacy portal. Authenticate with `Authorization: Token <key>` "
        "(`POST /api/v1/auth/token/`) or a browser session. Each user sees and changes exactly what the pages "
        "let them: out of scope is 404, above the role is 403. Errors are JSON with `detail`, `code` and, for "
        "invalid input, `errors` (field → messages), in the language of `Accept-Language` (Vietnamese by default)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Operations grouped by resource ("plans", "activities"…), not all under "v1".
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Swagger UI from the drf-spectacular-sidecar package: served by us, no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Choice sets named after their model ("AgreementStatusEnum"): stable names for generated clients.
    "ENUM_NAME_OVERRIDES": {
        "".join(path.split(".")[-2:]) + "Enum": path
        for path in (
            "doingoai.api.models.ApiToken.Scope", "partners.models.Country.PartnershipLevel",
            "partners.models.AdministrativeUnit.Level", "partners.models.Agency.Kind", "partners.models.ForeignPartner.Kind",
            "partners.models.ForeignPartner.Status", "partners.models.NGORegistration.Kind", "partners.models.Agreement.Kind",
            "partners.models.Agreement.Status", "partners.models.FriendshipAssociation.Kind",
            "partners.models.AssociationOfficer.Role", "partners.models.AssociationReport.Period",
            "partners.models.AssociationReport.Status", "partners.models.Occasion.DateRule", "partners.models.Occasion.Kind",
            "partners.models.Greeting.Form", "partners.models.Greeting.Status", "plans.models.Directive.Kind",
            "plans.models.Plan.Kind", "plans.models.Plan.Status", "plans.models.Activity.BudgetSource",
            "plans.models.Activity.Status", "plans.models.ProgressUpdate.ReviewStatus", "plans.models.PlanRevision.Kind",
            "delegations.models.Delegation.Channel", "delegations.models.Delegation.Direction",
            "delegations.models.Delegation.FundingSource", "delegations.models.Delegation.Level",
            "delegations.models.Delegation.Status", "delegations.models.Gift.Direction", "aid_projects.models.AidProject.Delivery",
            "aid_projects.models.AidProject.Form", "aid_projects.models.AidProject.ManagementForm",
            "aid_projects.models.AidProject.Status", "aid_projects.models.Transaction.Form",
            "aid_projects.models.Transaction.Kind", "aid_projects.models.AidReport.Period",
        )
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not (DEBUG or TESTING):
    SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # A load balancer probes the health check over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# No inline scripts anywhere (JavaScript lives in static/js); style attributes are allowed, which Bootstrap markup
# and the admin use. See docs/security.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Uploads: larger files are streamed to a temporary file, never held in memory; stored files are not world-readable.
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750

# Logs go to standard error, one JSON object per line with the request id (DJANGO_LOG_FORMAT=plain for people):
# an access line per request ("doingoai.request"), slow SQL ("doingoai.slow_query", over SLOW_QUERY_MS; 0: off),
# outages answered with the 503 page ("doingoai.outage"). See docs/deploy.md.
SLOW_QUERY_MS = env.int("DOINGOAI_SLOW_QUERY_MS", default=500)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "doingoai.ops.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "doingoai.ops.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env("DJANGO_LOG_FORMAT", default="plain" if DEBUG else "json"),
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}

# --- Site configuration: who we are. Defaults describe the demo province; change them per installation. ---
DOINGOAI = {
    "PROVINCE_NAME": env("DOINGOAI_PROVINCE_NAME", default="Đồng Tháp"),
    "PARENT_BODY": env("DOINGOAI_PARENT_BODY", default="UBND tỉnh Đồng Tháp"),
    "HOST_BODY": env("DOINGOAI_HOST_BODY", default="Sở Ngoại vụ"),
    "HOST_BODY_SYMBOL": env("DOINGOAI_HOST_BODY_SYMBOL", default="SNgV"),
    # Days after a delegation returns by which its trip report is due.
    "DELEGATION_REPORT_DAYS": env.int("DOINGOAI_DELEGATION_REPORT_DAYS", default=10),
    # Days after signing by which an international agreement must be reported (Law 70/2020/QH14).
    "AGREEMENT_REPORT_DAYS": env.int("DOINGOAI_AGREEMENT_REPORT_DAYS", default=15),
    # An approved aid project not started within this many months is to be revoked.
    "AID_START_DEADLINE_MONTHS": env.int("DOINGOAI_AID_START_DEADLINE_MONTHS", default=6),
    # A partner with no recorded contact for this many months is shown as dormant.
    "DORMANT_AFTER_MONTHS": env.int("DOINGOAI_DORMANT_AFTER_MONTHS", default=12),
    # Largest uploaded file (evidence, report attachments), in megabytes.
    "UPLOAD_MAX_MB": env.int("DOINGOAI_UPLOAD_MAX_MB", default=20),
    # Reverse proxies in front of the site that append to X-Forwarded-For (0: use the connection's address).
    "TRUSTED_PROXIES": env.int("DOINGOAI_TRUSTED_PROXIES", default=0),
    # PDF documents (Decree 30/2020): who signs what the record does not say. Authority lines are comma-separated.
    "SIGNER_NAME": env("DOINGOAI_SIGNER_NAME", default=""),
    "SIGNER_TITLE": env("DOINGOAI_SIGNER_TITLE", default="Giám đốc"),
    "SIGNER_AUTHORITY": env.list("DOINGOAI_SIGNER_AUTHORITY", default=[]),
    "PROVINCE_SIGNER_TITLE": env("DOINGOAI_PROVINCE_SIGNER_TITLE", default="Phó Chủ tịch"),
    "PROVINCE_SIGNER_AUTHORITY": env.list(
        "DOINGOAI_PROVINCE_SIGNER_AUTHORITY", default=["TM. Ủy ban nhân dân", "KT. Chủ tịch"]
    ),
    "UNION_SYMBOL": env("DOINGOAI_UNION_SYMBOL", default="LHHN"),
    "UNION_SIGNER_TITLE": env("DOINGOAI_UNION_SIGNER_TITLE", default="Chủ tịch"),
    "UNION_SIGNER_AUTHORITY": env.list("DOINGOAI_UNION_SIGNER_AUTHORITY", default=["TM. Ban Thường vụ"]),
    # Where the PDF font files are when not in Debian's directories (empty: look there and ask fontconfig).
    "PDF_FONT_DIR": env("DOINGOAI_PDF_FONT_DIR", default=""),
    # Report jobs: a running job silent for this long is taken as lost (its worker died) and retried or failed.
    "REPORT_STALE_AFTER_SECONDS": env.int("DOINGOAI_REPORT_STALE_AFTER_SECONDS", default=900),
    "REPORT_MAX_ATTEMPTS": env.int("DOINGOAI_REPORT_MAX_ATTEMPTS", default=2),
    "REPORT_TIME_LIMIT_SECONDS": env.int("DOINGOAI_REPORT_TIME_LIMIT_SECONDS", default=600),
    # The site's address, for links in e-mails.
    "SITE_URL": env("DOINGOAI_SITE_URL", default="http://127.0.0.1:8000"),
    # Reminders: a reminder missed (beat or workers down) is still sent this many days late, never older ones.
    "REMINDER_CATCH_UP_DAYS": env.int("DOINGOAI_REMINDER_CATCH_UP_DAYS", default=3),
    # An e-mail the SMTP server did not take is retried after this many seconds, then 4, 16, 64 and 256 times that.
    "EMAIL_RETRY_SECONDS": env.int("DOINGOAI_EMAIL_RETRY_SECONDS", default=60),
    # Greeting drafts are made this many days before an occasion, assigned to this officer (a username; empty:
    # the officer of the occasion's last greeting, else the first department officer).
    "GREETING_DRAFT_DAYS": env.int("DOINGOAI_GREETING_DRAFT_DAYS", default=30),
    "GREETING_OFFICER": env("DOINGOAI_GREETING_OFFICER", default=""),
}
# The name authenticator apps show next to a two-factor code.
OTP_TOTP_ISSUER = f"{DOINGOAI['HOST_BODY']} {DOINGOAI['PROVINCE_NAME']}"
