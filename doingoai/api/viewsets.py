"""The shared API viewset: scope first, then the model's FilterSet, then sort and paginate; writes validated by the
model, transitions through the workflow service. Each app's `api/views.py` declares a handful of attributes."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from doingoai.core.models import InvalidTransition
from doingoai.core.services import transition

from .exceptions import Conflict
from .filters import FilterBackend, OrderingFilter
from .permissions import EditorOrReadOnly, TokenScopePermission
from .serializers import transition_serializer


class RecordViewSet(viewsets.ModelViewSet):
    """List, read, create, update and delete one model's records in the requesting user's scope.

    Declare `queryset = Model.objects.none()` (a forgotten override then leaks nothing), `serializer_class` (the
    nested read representation), `write_serializer_class` (ids), `filterset_class` (the HTML list's FilterSet),
    `ordering_fields` ({"param": "orm path"}, usually the HTML list's `sort_fields`), `default_ordering`, and
    `select_related` / `prefetch_related` for the read representation. `prefetch_for(user)` adds prefetches that
    depend on the user (related records scoped by `for_user`).
    """

    queryset = None
    write_serializer_class = None
    filter_backends = [FilterBackend, OrderingFilter]
    permission_classes = [IsAuthenticated, TokenScopePermission, EditorOrReadOnly]
    ordering_fields: dict = {}
    default_ordering = ""
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple = ()

    def get_queryset(self):
        model = self.queryset.model
        queryset = model.objects.for_user(self.request.user)
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        prefetches = (*self.prefetch_related, *self.prefetch_for(self.request.user))
        if prefetches:
            queryset = queryset.prefetch_related(*prefetches)
        return queryset

    def prefetch_for(self, user) -> tuple:
        return ()

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update") and self.write_serializer_class is not None:
            return self.write_serializer_class
        return self.serializer_class

    def read_representation(self, record) -> dict:
        """The record as `retrieve` shows it, read again with the viewset's related rows."""
        record = self.get_queryset().get(pk=record.pk)
        return self.serializer_class(record, context=self.get_serializer_context()).data

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            record = self.perform_create(serializer)
        return Response(self.read_representation(record), status=status.HTTP_201_CREATED)

    def perform_create(self, serializer):
        return serializer.save()

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        record = self.get_object()
        serializer = self.get_serializer(record, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            self.check_version(record, serializer.validated_data.get("version"))
            serializer.save()
        return Response(self.read_representation(record))

    def check_version(self, record, version) -> None:
        """Refuse (409) an update based on a version of the record older than the stored one: no lost updates."""
        if version is None:
            return
        current = type(record)._base_manager.select_for_update().only("modified_at").get(pk=record.pk)
        if current.modified_at != version:
            raise Conflict(
                _("Someone changed this record after you read it; read it again, then send your changes.")
            )

    def perform_destroy(self, record):
        with transaction.atomic():
            record.delete()


class TransitionMixin:
    """`POST …/{id}/transition/` with {"status", "comment", …}: one workflow step, through the app's service.

    Declare `workflow` (the app's `Workflow`: who may make each move and which facts it records) and `change_status`
    (the app's service, as a staticmethod); the service checks the role (403) and the step (400), and logs the
    change. Without them only department officers move records, through `core.services.transition`.
    """

    workflow = None
    change_status = None
    record_actions = ("transition",)

    def may_change_status(self, user) -> bool:
        if self.workflow is None:
            return user.can_edit_records
        statuses = self.queryset.model._meta.get_field("status").choices
        return any(self.workflow.may(user, status) for status, _label in statuses)

    @extend_schema(
        summary=gettext_lazy("Change the status"),
        description=gettext_lazy(
            "Move the record to a status its workflow allows next (see `allowed_transitions`); the change is logged "
            "with the comment. Some steps record facts given with them (an approval decision, a signing date)."
        ),
    )
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated, TokenScopePermission])
    def transition(self, request, pk=None):
        record = self.get_object()
        if not self.may_change_status(request.user):
            raise exceptions.PermissionDenied(_("Your role does not allow changing this record's status."))
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        to_status, comment = data.pop("status"), data.pop("comment")
        asks = self.workflow.step(to_status).asks if self.workflow is not None else ()
        unexpected = sorted(set(data) - set(asks))
        if unexpected:
            raise exceptions.ValidationError({name: [_("This step does not record this field.")] for name in unexpected})
        try:
            if self.change_status is not None:
                self.change_status(record, to_status, by=request.user, comment=comment, **data)
            else:
                transition(record, to_status, by=request.user, comment=comment)
        except InvalidTransition as error:
            raise exceptions.ValidationError({"status": error.messages})
        return Response(self.read_representation(record))

    def get_serializer_class(self):
        if self.action == "transition":
            return transition_serializer(self.queryset.model, self.transition_asks())
        return super().get_serializer_class()

    def transition_asks(self) -> tuple[str, ...]:
        """Every fact some step of the workflow records: the optional fields of the transition body."""
        if self.workflow is None:
            return ()
        steps = [*self.workflow.steps.values(), self.workflow.default]
        return tuple(sorted({name for step in steps for name in step.asks}))


class ReferenceViewSet(RecordViewSet):
    """Reference data (administrative units, sectors, reporting periods…) that clients need to know the ids of; read
    only through the API, maintained in the admin."""

    http_method_names = ["get", "head", "options"]
