"""The OpenAPI description: error responses on every operation, field descriptions, token authentication."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_filters import filters
from drf_spectacular import openapi
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_basic_type, build_parameter_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.permissions import AllowAny

from .serializers import ErrorSerializer, ValidationErrorSerializer

WRITE_ACTIONS = ("create", "update", "partial_update")


def model_field_label(field) -> str | None:
    """The `verbose_name` of the model field behind a serializer field (nested serializers have no label)."""
    meta = getattr(getattr(field, "parent", None), "Meta", None)
    model = getattr(meta, "model", None)
    if model is None or not getattr(field, "source", None) or field.source == "*":
        return None
    try:
        model_field = model._meta.get_field(field.source.split(".")[0])
    except FieldDoesNotExist:
        return None
    # A reverse relation (a delegation's members) is named after the related records.
    name = getattr(model_field, "verbose_name", None) or model_field.related_model._meta.verbose_name_plural
    return capfirst(name)


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, plus what a client needs to handle failures and what each field means.

    - Writes take the view's `write_serializer_class` (ids) and answer with its `serializer_class` (nested), as do
      the workflow actions named in `record_actions`.
    - Every operation lists the errors it can answer (400, 401, 403, 404, 409) with their JSON body.
    - A field without help text is described by its label (the model field's `verbose_name`).
    """

    def get_request_serializer(self):
        write = getattr(self.view, "write_serializer_class", None)
        if write is not None and getattr(self.view, "action", None) in WRITE_ACTIONS:
            return write
        return super().get_request_serializer()

    def get_response_serializers(self):
        action = getattr(self.view, "action", None)
        if action in WRITE_ACTIONS and getattr(self.view, "write_serializer_class", None) is not None:
            return self.view.serializer_class
        if action in getattr(self.view, "record_actions", ()):
            return self.view.serializer_class
        return super().get_response_serializers()

    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        if "description" not in meta:
            # The model field's verbose name first: DRF makes a label from the field name when it has none.
            label = model_field_label(field) or getattr(field, "label", None)
            if label:
                meta["description"] = str(label)
        return meta

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        # An e-mail or web address that may be left empty reads "" when it is, which is no valid "email" or "uri":
        # read-only fields lose `allow_blank` (from which requests get a "" alternative), so responses drop the format.
        for field_schema in schema.get("properties", {}).values():
            if field_schema.get("format") in ("email", "uri") and field_schema.get("readOnly"):
                del field_schema["format"]
        return schema

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        for parameter in (operation or {}).get("parameters", []):
            if parameter["in"] == "path" and not parameter.get("description"):
                parameter["description"] = str(_("The record's id."))
        return operation

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        public = any(isinstance(permission, AllowAny) for permission in self.view.get_permissions())
        path_has_id = "{" in self.path
        errors = {}
        # Writes can be invalid; lists can be given invalid filters; a delete can be refused by a rule (only a
        # draft plan is deleted).
        if self.method in ("POST", "PUT", "PATCH", "DELETE") or (self.method == "GET" and not path_has_id):
            errors["400"] = (ValidationErrorSerializer, _("Invalid input: see `errors`."))
        if not public:
            errors["401"] = (ErrorSerializer, _("No valid credentials (token or session)."))
            errors["403"] = (ErrorSerializer, _("Your role, or a read-only token, does not allow this."))
            errors["404"] = (ErrorSerializer, _("No such record in your scope, or no such page."))
        if self.method in ("PUT", "PATCH", "DELETE") and path_has_id:
            errors["409"] = (
                ErrorSerializer, _("The record changed since you read it, or other records depend on it."),
            )
        for code, (serializer, description) in errors.items():
            if code not in responses:
                response = self._get_response_for_code(serializer, code, direction=direction)
                response["description"] = str(description)
                responses[code] = response
        return responses


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "doingoai.api.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": str(
                _("`Token <key>`; get a key from `POST /api/v1/auth/token/` with your username and password.")
            ),
        }


class FilterSetParameters(DjangoFilterExtension):
    """The FilterSets' parameters, also for filters django-filter's introspection cannot type: a record filter with a
    method of its own ("agency": leads or coordinates) takes an id; choices computed per request take a string."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        if isinstance(filter_field, filters.ModelChoiceFilter):
            schema = build_basic_type(OpenApiTypes.INT)
        elif isinstance(filter_field, filters.ChoiceFilter) and callable(filter_field.extra.get("choices")):
            schema = build_basic_type(OpenApiTypes.STR)
        else:
            return super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
        return [
            build_parameter_type(
                name=field_name,
                required=filter_field.extra["required"],
                location=OpenApiParameter.QUERY,
                description=str(filter_field.label or field_name),
                schema=schema,
            )
        ]
