"""Settings of the product server under benchmark: the product's, plus an `X-Query-Count` header on every response."""

from doingoai.settings import *  # noqa: F403

MIDDLEWARE = ["benchmarks.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
