from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "doingoai.ops"
    label = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (slow-query timer, outage marker, worker heartbeat, task request ids)
