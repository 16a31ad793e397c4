"""Settings of the gunicorn that the fault tests start: the product's, with a URLconf of pages that use the database
and Redis the way the product's pages do (they do not depend on pages still being built)."""

from doingoai.settings import *  # noqa: F403

ROOT_URLCONF = "tests.ops.fault_urls"
