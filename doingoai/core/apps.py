from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "doingoai.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from . import search  # noqa: F401  (registers the unaccent lookup and the SQLite function)
