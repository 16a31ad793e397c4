"""Every API error is JSON: `detail` (a sentence), `code`, and for invalid input `errors`, a field → messages map.

Messages are in the request's language (Vietnamese by default, English with `Accept-Language: en`): the locale
middleware activates it before the view runs.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def flatten(errors, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error structure as a flat map: {"field": [...], "members.0.name": [...]}."""
    if isinstance(errors, dict):
        flat: dict[str, list[str]] = {}
        for key, value in errors.items():
            flat.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(errors, list) and any(isinstance(item, (dict, list)) for item in errors):
        flat = {}
        for index, item in enumerate(errors):
            if item:
                flat.update(flatten(item, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    messages = errors if isinstance(errors, list) else [errors]
    return {prefix or api_settings.NON_FIELD_ERRORS_KEY: [str(message) for message in messages]}


def blocking_models(error: ProtectedError | RestrictedError) -> str:
    objects = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", None) or []
    return ", ".join(sorted({str(obj._meta.verbose_name) for obj in objects}))


def exception_handler(exc, context):
    """DRF's handler, plus: Django validation errors and database constraint errors are 400, a record that other
    records depend on is 409, and the body always has the same shape."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, (ProtectedError, RestrictedError)):
        exc = Conflict(
            _("This record cannot be deleted: other records depend on it (%(blocking)s).")
            % {"blocking": blocking_models(exc)}
        )
    elif isinstance(exc, IntegrityError):
        # Model validation runs before every save, so this is a race with another request (two creates of the
        # same unique value at once): the database refused the second.
        exc = exceptions.ValidationError(
            {api_settings.NON_FIELD_ERRORS_KEY: [_("The record conflicts with data saved at the same time; try again.")]}
        )
    elif isinstance(exc, Http404):
        # Not Django's "No Plan matches the given query.": the same words whether or not the record exists.
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        body = {"detail": _("The data sent is not valid."), "code": "invalid", "errors": flatten(exc.detail)}
    else:
        detail = exc.detail
        if isinstance(detail, (list, dict)):
            detail = " ".join(message for messages in flatten(detail).values() for message in messages)
        body = {"detail": str(detail), "code": getattr(exc.detail, "code", None) or exc.default_code}
    if response.status_code == status.HTTP_400_BAD_REQUEST:
        # Every 400 has the same shape, also when the body could not be read at all (malformed JSON).
        body.setdefault("errors", {})
    response.data = body
    return response
