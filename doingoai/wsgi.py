"""WSGI entry point for gunicorn: `gunicorn doingoai.wsgi`."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
application = get_wsgi_application()
