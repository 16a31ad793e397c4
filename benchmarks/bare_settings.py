"""Settings of the reference server: the same project and database, Django's default middleware (as `startproject`
writes it), no authentication on the reference views, and only the reference URLs."""

from doingoai.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
MIDDLEWARE = [
    "benchmarks.middleware.QueryCountMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
