"""The default reminder rules (domain reference §3: 30, 10 and 3 days before an occasion) and the daily periodic
task in django-celery-beat. Both are data the administrators change in the admin; running this again changes
nothing that exists."""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

DEFAULT_RULES = [
    ("occasion", "30,10,3"),
    ("greeting", "10,3,1"),
    ("agreement_expiry", "180,90,30"),
    ("agreement_report", "3,-1,-7"),
    ("delegation_report", "-1,-7,-30"),
    ("activity_overdue", "-1,-30"),
    ("association_report", "7,1,-1"),
]
TASK_NAME = "reminders-daily"


def create(apps, schema_editor):
    ReminderRule = apps.get_model("reminders", "ReminderRule")
    today = timezone.localdate()
    for kind, offsets in DEFAULT_RULES:
        ReminderRule.objects.get_or_create(kind=kind, occasion_kind="", defaults={"offsets": offsets, "armed_on": today})
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schedule, _created = CrontabSchedule.objects.get_or_create(
        minute="0", hour="7", day_of_week="*", day_of_month="*", month_of_year="*", timezone=settings.TIME_ZONE
    )
    PeriodicTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "task": "doingoai.reminders.tasks.run_daily_reminders",
            "crontab": schedule,
            "description": "Nhắc việc hằng ngày: ngày kỷ niệm, thư chúc mừng, thỏa thuận, báo cáo, hoạt động quá hạn "
                           "(one digest e-mail per user per day).",
        },
    )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
