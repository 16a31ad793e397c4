"""Building blocks of every app's API serializers: scoped related ids, model validation, workflow transitions."""

from __future__ import annotations

import copy
import functools

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.settings import api_settings

from .models import ApiToken


def request_user(context: dict):
    request = context.get("request")
    return getattr(request, "user", None)


class ScopedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """The id of a related record, among those the requesting user may see (`for_user`).

    An id outside the user's scope gets the same "does not exist" as an id that does not exist: nothing leaks.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        if hasattr(queryset, "for_user"):
            return queryset.for_user(request_user(self.context))
        return queryset


class UserField(serializers.PrimaryKeyRelatedField):
    """The id of a user: any active user for those who see everything, only themselves for partner users."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", get_user_model().objects.all())
        super().__init__(**kwargs)

    def get_queryset(self):
        user = request_user(self.context)
        users = super().get_queryset().filter(is_active=True)
        if user is None or not user.is_authenticated:
            return users.none()
        return users if user.sees_everything else users.filter(pk=user.pk)


class UserBriefSerializer(serializers.ModelSerializer):
    """A user as named on a record: id, login and full name."""

    full_name = serializers.SerializerMethodField(help_text=_("Full name, in Vietnamese order."))

    class Meta:
        model = get_user_model()
        fields = ["id", "username", "full_name"]
        read_only_fields = fields

    def get_full_name(self, user) -> str:
        return user.get_full_name() or user.username


def nested_errors(error: DjangoValidationError, fields) -> dict:
    """A Django validation error as a serializer error: errors on fields the serializer lacks are not-field errors."""
    if not hasattr(error, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
    errors: dict[str, list] = {}
    for name, field_errors in error.message_dict.items():
        key = name if name in fields else api_settings.NON_FIELD_ERRORS_KEY
        errors.setdefault(key, []).extend(field_errors)
    return errors


class RecordSerializer(serializers.ModelSerializer):
    """Base of the write serializers: the model's own validation decides, as for the forms.

    `validate()` applies the data to a copy of the record and calls `full_clean()`: field validators, the model's
    `clean()` and every `Meta.constraints` entry, each with its `violation_error_message`. Where an app's service
    saves the record (plans), `create`/`update` call the service instead, which validates the same way. DRF's own unique
    validators are left out so that the messages are the model's. `version` (the `modified_at` the client read)
    refuses an update made on stale data with 409; `change_reason` goes into the history.
    """

    serializer_related_field = ScopedPrimaryKeyRelatedField

    version = serializers.DateTimeField(
        write_only=True, required=False,
        help_text=_("The record's `modified_at` as you read it; if it changed since, the update is refused (409)."),
    )
    change_reason = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=100,
        help_text=_("Optional; shown in the record's history."),
    )

    def get_fields(self):
        fields = super().get_fields()
        model = self.Meta.model
        if not self.instance or not any(field.name == "modified_at" for field in model._meta.fields):
            fields.pop("version", None)
        return fields

    def get_validators(self):
        return []

    # False when the app's service validates (it calls `full_clean()` itself, with rules of its own first).
    model_validation = True

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if not self.model_validation:
            return attrs
        model = self.Meta.model
        record = copy.copy(self.instance) if self.instance is not None else model()
        many_to_many = {field.name for field in model._meta.many_to_many}
        for name, value in attrs.items():
            if name not in many_to_many and name not in ("version", "change_reason"):
                setattr(record, name, value)
        try:
            self.validate_record(record, attrs)
            record.full_clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(nested_errors(error, self.fields))
        return attrs

    def validate_record(self, record: models.Model, attrs: dict) -> None:
        """The app's cross-field rules (its `rules.py`, shared with the forms); raise a Django ValidationError."""

    @property
    def user(self):
        return request_user(self.context)

    def pop_extras(self, validated_data: dict) -> str:
        validated_data.pop("version", None)
        return validated_data.pop("change_reason", "")

    def create(self, validated_data):
        reason = self.pop_extras(validated_data)
        record = self.Meta.model(**{k: v for k, v in validated_data.items() if k not in self.many_to_many_names()})
        if reason:
            record._change_reason = reason
        record.save()
        self.save_many_to_many(record, validated_data)
        return record

    def update(self, instance, validated_data):
        reason = self.pop_extras(validated_data)
        for name, value in validated_data.items():
            if name not in self.many_to_many_names():
                setattr(instance, name, value)
        if reason:
            instance._change_reason = reason
        instance.save()
        self.save_many_to_many(instance, validated_data)
        return instance

    def many_to_many_names(self) -> set[str]:
        return {field.name for field in self.Meta.model._meta.many_to_many}

    def save_many_to_many(self, record, validated_data: dict) -> None:
        for name in self.many_to_many_names():
            if name in validated_data:
                getattr(record, name).set(validated_data[name])


@functools.cache
def transition_serializer(model: type[models.Model], asks: tuple[str, ...] = ()) -> type[serializers.Serializer]:
    """The body of `POST …/{id}/transition/` for `model`: the status to move to (an enum of its statuses), a comment
    for the status log, and the facts some steps record (`asks`: a signing date, an approval decision…)."""

    class Meta:
        fields = ["status", "comment", *asks]
        extra_kwargs = {name: {"required": False, "validators": []} for name in asks}

    Meta.model = model
    return type(
        f"{model.__name__}TransitionSerializer",
        (serializers.ModelSerializer,),
        {
            "__doc__": "A status change, with what the step records.",
            "__module__": __name__,
            "Meta": Meta,
            "status": serializers.ChoiceField(
                choices=model._meta.get_field("status").choices,
                help_text=_("The status to move to; see `allowed_transitions`."),
            ),
            "comment": serializers.CharField(
                required=False, allow_blank=True, default="",
                help_text=_("Why; kept in the record's status log (required to step back or to end the record)."),
            ),
            "get_validators": lambda self: [],
        },
    )


class CommentSerializer(serializers.Serializer):
    """The body of a plan workflow action: a comment (required to return a plan or unlock a closed year)."""

    comment = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("Why; kept in the plan's status log.")
    )


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class AllowedTransitionsField(serializers.ReadOnlyField):
    """The statuses the record may move to next (`POST …/transition/` or the plan actions); name the field
    `allowed_transitions`, the model method it reads."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("The statuses this record may move to next."))
        super().__init__(**kwargs)


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    detail = serializers.CharField(help_text=_("What went wrong, in the request's language."))
    code = serializers.CharField(help_text=_("A stable machine-readable code, e.g. not_found, permission_denied."))


class ValidationErrorSerializer(ErrorSerializer):
    """The body of a 400 response: which fields are wrong and why."""

    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Field name → messages; `non_field_errors` for rules across fields."),
    )


# --- Tokens ---


class TokenRequestSerializer(serializers.Serializer):
    """Username and password for a new token, its name and scope."""

    username = serializers.CharField(help_text=_("Your login name."))
    password = serializers.CharField(help_text=_("Your password."), style={"input_type": "password"}, trim_whitespace=False)
    name = serializers.CharField(
        max_length=100, required=False, default="API", help_text=_("What the token is for, e.g. the program using it.")
    )
    otp_code = serializers.CharField(
        required=False, allow_blank=True, max_length=32,
        help_text=_("The current code of your authenticator app (or a backup code), if your login uses two-factor."),
    )
    scope = serializers.ChoiceField(
        choices=ApiToken.Scope.choices, default=ApiToken.Scope.READ,
        help_text=_("`read` (the default) is refused every change; `read_write` may change what your role allows."),
    )


class ApiTokenSerializer(serializers.ModelSerializer):
    """One of your tokens, without its key (only its first characters)."""

    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "scope", "created_at", "last_used_at", "revoked_at"]
        read_only_fields = fields


class NewTokenSerializer(ApiTokenSerializer):
    """A new token with its key: the key is shown this once and never again."""

    token = serializers.CharField(read_only=True, help_text=_("The key: send it as `Authorization: Token <key>`."))

    class Meta(ApiTokenSerializer.Meta):
        fields = ["token", *ApiTokenSerializer.Meta.fields]
        read_only_fields = fields
