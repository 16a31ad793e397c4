from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "doingoai.dashboard"
    label = "dashboard"
    verbose_name = _("Dashboard")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .cache import record_changed

        post_save.connect(record_changed, dispatch_uid="dashboard-post-save")
        post_delete.connect(record_changed, dispatch_uid="dashboard-post-delete")
        m2m_changed.connect(record_changed, dispatch_uid="dashboard-m2m-changed")
