from django.core.management.base import BaseCommand

from partners.occasions import sync_derived_occasions


class Command(BaseCommand):
    help = "Create or update the occasions derived from countries, agreements, associations and twinned partners."

    def handle(self, *args, **options):
        result = sync_derived_occasions()
        self.stdout.write(
            f"{result.created} created, {result.adopted} adopted, {result.updated} updated, "
            f"{result.deactivated} deactivated."
        )
