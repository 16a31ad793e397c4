"""The Celery application. Workers: `celery -A doingoai worker`; schedules: `celery -A doingoai beat`."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")

app = Celery("doingoai")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
