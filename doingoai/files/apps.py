from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    name = "doingoai.files"
    label = "files"
    verbose_name = _("Files")

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401  (registers the system check and the file clean-up)
