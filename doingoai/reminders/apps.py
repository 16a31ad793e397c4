from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "doingoai.reminders"
    label = "reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (keeps derived occasions in step with their source records)
