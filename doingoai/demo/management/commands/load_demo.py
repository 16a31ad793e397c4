"""`python manage.py load_demo`: load the demo province, its plans, partners, delegations and aid projects."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from doingoai.demo.loader import PASSWORD, USERS, DemoLoader


class Command(BaseCommand):
    help = "Load (or bring up to date) the demo data and the demo users. Safe to run again: nothing is duplicated."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", metavar="YYYY-MM-DD",
            help="Compute the dates that must look current (upcoming visits, late reports) from this day.",
        )

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError(f"--today: {error}") from error
        loader = DemoLoader(today=today)
        result = loader.run()
        self.stdout.write(self.style.SUCCESS(
            f"Demo data for {loader.p} loaded in {result['seconds']:.1f} s: {result['created']} records created, "
            f"{result['updated']} updated, {result['links_changed']} link sets changed."
        ))
        for label, count in result["counts"]:
            self.stdout.write(f"  {str(label):<40} {count:>5}")
        self.stdout.write(f"\nDemo logins (password “{PASSWORD}”):")
        for username, role, *_rest in USERS:
            user = loader.users[username]
            scope = user.agency if role == "agency_focal" else user.association or ""
            self.stdout.write(f"  {username:<16} {user.get_full_name():<20} {role.label:<28} {scope}")
