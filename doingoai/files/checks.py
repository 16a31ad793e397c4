"""System check: uploaded files must never be reachable as static files (which are served to anyone)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


@register()
def media_root_outside_static(app_configs, **kwargs) -> list[Error]:
    media = Path(settings.MEDIA_ROOT).resolve()
    static_dirs = [Path(settings.STATIC_ROOT).resolve()] if settings.STATIC_ROOT else []
    static_dirs += [Path(entry[1] if isinstance(entry, tuple) else entry).resolve() for entry in settings.STATICFILES_DIRS]
    return [
        Error(
            f"MEDIA_ROOT ({media}) and the static directory {static} overlap: uploaded files would be public.",
            hint="Set DJANGO_MEDIA_ROOT to a directory outside DJANGO_STATIC_ROOT and static/.",
            id="files.E001",
        )
        for static in static_dirs
        if _inside(media, static) or _inside(static, media)
    ]
