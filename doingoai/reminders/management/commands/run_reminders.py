import datetime

from django.core.management.base import BaseCommand, CommandError

from doingoai.reminders import services


class Command(BaseCommand):
    help = "Run the daily reminders now (what the 'reminders-daily' periodic task does). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run for this day (YYYY-MM-DD) instead of today.")

    def handle(self, *args, date=None, **options):
        try:
            day = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        result = services.run_daily(day)
        self.stdout.write(
            f"{result.day:%d/%m/%Y}: {result.found} due, {result.claimed} new reminders, "
            f"{result.notifications} notifications, {result.drafted} greeting drafts, {result.digests} digests queued."
        )
