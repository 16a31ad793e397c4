"""Editing records in the browser: forms, child-row formsets, workflow moves and history with child rows.

Shared by the pages of partners, delegations and aid projects (both depend on partners). They build on the site's
view mixins in `doingoai.views` (`RecordCreateView`, `ConcurrencySafeUpdateView`, `RecordDeleteView`,
`RecordHistoryView`) and add what a record with child rows needs:

- `EditForm`: a `RecordForm` with HTML5 date inputs, a grouped layout, and the model's cross-field rule
  (`rules.validate_<model>`) whose messages land next to the field they concern;
- `ChildFormSet` + `InlineFormsetsMixin`: the parent and its rows are validated together and saved in one
  transaction; each row carries its own version, so a row changed by someone else since the page was opened is
  refused like the parent is (no lost updates), and a refused save keeps everything typed;
- `TransitionView` + `workflow_actions`: the workflow buttons, through the app's service (role checks, required
  facts, the state-transition log);
- `history_with_children`: the history tab of a record, with the changes of its child rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.forms.models import BaseInlineFormSet, modelform_factory
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from django.views.generic.detail import SingleObjectMixin

from doingoai.core.concurrency import take_their_changes
from doingoai.core.forms import RecordForm
from doingoai.core.history import (
    HISTORY_TYPES,
    IGNORED_FIELDS,
    FieldChange,
    HistoryEntry,
    history_of,
)
from doingoai.core.services import transitions_of
from doingoai.views import RecordDeleteView, RecordHistoryView, ScopedMixin

from .rules import RecordValues
from .workflow import Workflow

# Forms --------------------------------------------------------------------------------------------------------------


def date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def html5_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """The form field of a model field, with the browser's date pickers and searchable select boxes."""
    if isinstance(db_field, models.DateTimeField):
        kwargs.setdefault(
            "widget", forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
        )
    elif isinstance(db_field, models.DateField):
        kwargs.setdefault("widget", date_widget())
    elif isinstance(db_field, models.TextField):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
    elif isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("widget", forms.SelectMultiple(attrs={"size": 6, "data-searchable": ""}))
    elif isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("widget", forms.Select(attrs={"data-searchable": ""}))
    return db_field.formfield(**kwargs)


class MonthField(forms.DateField):
    """A month (the browser's month picker), stored as the first day of that month."""

    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    input_formats = ["%Y-%m", "%m/%Y", "%Y-%m-%d", "%d/%m/%Y"]

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


def add_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put each message of `error` next to its field, or above the form when the form has no such field."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


class EditForm(RecordForm):
    """A record's form: HTML5 widgets, a grouped layout (`fieldsets`) and the model's cross-field rule (`rules`)."""

    # `validate_<model>(values)` from the app's rules module; called with the submitted values over the record's.
    rules = None
    # ((legend, (field, ...)), ...): how the page groups the fields. Fields not named come last.
    fieldsets: tuple = ()
    # Fields that take the whole width of the form.
    wide_fields: tuple[str, ...] = ()

    class Meta:
        formfield_callback = html5_formfield

    def clean(self):
        cleaned_data = super().clean()
        if type(self).rules is not None:
            try:
                type(self).rules(RecordValues(cleaned_data, self.instance))
            except ValidationError as error:
                add_errors(self, error)
        return cleaned_data

    def layout(self) -> list[tuple[str, list]]:
        """[(legend, [(bound field, css class), ...]), ...] for the template."""
        hidden = {field.name for field in self.hidden_fields()}
        placed: set[str] = set()
        groups = []
        for legend, names in self.fieldsets:
            names = [name for name in names if name in self.fields and name not in hidden]
            placed.update(names)
            groups.append((legend, [(self[name], self._width(name)) for name in names]))
        rest = [name for name in self.fields if name not in placed and name not in hidden]
        if rest:
            groups.append(("", [(self[name], self._width(name)) for name in rest]))
        return [(legend, fields) for legend, fields in groups if fields]

    def _width(self, name: str) -> str:
        widget = self.fields[name].widget
        if name in self.wide_fields or isinstance(widget, forms.Textarea):
            return "col-12"
        if isinstance(widget, forms.SelectMultiple):
            return "col-md-6"
        return "col-md-6 col-xl-4"


class ChildForm(EditForm):
    """A row of a child formset: it keeps its version (conflict check) but asks no reason of its own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("change_reason", None)
        for field in self.fields.values():
            # A row is one line of a table: small inputs named after their column, no search box, short text areas.
            attrs = field.widget.attrs
            attrs.pop("data-searchable", None)
            attrs["aria-label"] = field.label
            if isinstance(field.widget, forms.Textarea):
                attrs["rows"] = 1
            if isinstance(field.widget, forms.Select):
                attrs["class"] = "form-select-sm"
            elif not isinstance(field.widget, forms.CheckboxInput):
                attrs["class"] = "form-control-sm"


class ChildFormSet(BaseInlineFormSet):
    """The child rows of a record, edited on the record's page: validated with it, saved with it."""

    stale_message = gettext_lazy(
        "Someone changed or deleted this row after you opened the page. Your changes to it have not been saved; "
        "check it and save again."
    )

    @property
    def title(self) -> str:
        return self.model._meta.verbose_name_plural

    def adjust_form(self, form: forms.BaseForm) -> None:
        """Hook for each row's form (and the empty row): e.g. narrow a select's choices to the parent's records."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        self.adjust_form(form)
        self._share_choices(form)
        return form

    @property
    def empty_form(self):
        form = super().empty_form
        self.adjust_form(form)
        self._share_choices(form)
        return form

    def _share_choices(self, form: forms.BaseForm) -> None:
        # Every row offers the same options: read them once for the formset, not once per row.
        cache = self.__dict__.setdefault("_choices", {})
        for name, field in form.fields.items():
            if isinstance(field, forms.ModelChoiceField) and not field.widget.is_hidden:
                if name not in cache:
                    cache[name] = list(field.choices)
                field.widget.choices = cache[name]

    def row_fields(self) -> list[str]:
        """The visible columns of the table, in order (the template renders DELETE apart)."""
        form = self.empty_form
        return [field.name for field in form.visible_fields() if field.name != "DELETE"]

    def stale_forms(self) -> list[forms.BaseForm]:
        """Rows the user changed or deleted whose record changed since the page was opened (locked, then compared)."""
        if not any(field.name == "modified_at" for field in self.model._meta.concrete_fields):
            return []
        touched = [
            form for form in self.initial_forms
            if form.instance.pk and (form in self.deleted_forms or form.has_changed())
        ]
        if not touched:
            return []
        current = dict(
            self.model._base_manager.select_for_update()
            .filter(pk__in=[form.instance.pk for form in touched])
            .values_list("pk", "modified_at")
        )
        stale = []
        for form in touched:
            modified_at = current.get(form.instance.pk)
            if modified_at is None or form.data.get(form.add_prefix("version")) != modified_at.isoformat():
                form.add_error(None, self.stale_message)
                stale.append(form)
        return stale

    def refresh_versions(self) -> list[str]:
        """After a refused save: take others' changes into the rows the user left alone, and let the next save
        compare against the versions the user has now been shown. Returns the labels of the fields taken."""
        current = dict(
            self.model._base_manager.filter(pk__in=[form.instance.pk for form in self.initial_forms if form.instance.pk])
            .values_list("pk", "modified_at")
        ) if any(field.name == "modified_at" for field in self.model._meta.concrete_fields) else {}
        taken = []
        for form in self.initial_forms:
            if form.instance.pk in current:
                taken += take_their_changes(form, form.data.get(form.add_prefix("version")))
                form.data = form.data.copy()
                form.data[form.add_prefix("version")] = current[form.instance.pk].isoformat()
        return taken

    def prepare_save(self) -> None:
        """Hook run before rows are saved (e.g. to free unique values that rows swap)."""

    def save_rows(self, reason: str = "") -> None:
        """Delete the rows marked for deletion, then save changed and new rows, each with the history reason."""
        self.prepare_save()
        instances = self.save(commit=False)
        for obj in self.deleted_objects:
            if reason:
                obj._change_reason = reason
            obj.delete()
        for obj in instances:
            if reason:
                obj._change_reason = reason
            obj.save()
        self.save_m2m()


class InlineFormsetsMixin:
    """Create or edit a record with its child rows (`formset_classes`: {prefix: formset class}).

    Nothing is saved unless the record and every row are valid; a refused save shows everything as typed. On an
    edit, rows carry versions: a row changed by someone else since the page was opened is refused (marked on the
    row), and so is the record (checked by `ConcurrencySafeUpdateView`), since every row is edited on this page.
    """

    formset_classes: dict[str, type[ChildFormSet]] = {}
    template_name = "partners/record_form.html"

    def get_formsets(self, instance) -> dict[str, ChildFormSet]:
        kwargs = {"instance": instance}
        if self.request.method == "POST":
            kwargs.update(data=self.request.POST, files=self.request.FILES)
        return {prefix: formset_class(prefix=prefix, **kwargs) for prefix, formset_class in self.formset_classes.items()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not hasattr(self, "formsets"):
            self.formsets = self.get_formsets(context["form"].instance)
        context["formsets"] = list(self.formsets.values())
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object() if self.pk_url_kwarg in self.kwargs else None
        form = self.get_form()
        self.formsets = self.get_formsets(form.instance)
        valid = form.is_valid()
        # Validate every formset, not just up to the first invalid one: all errors show at once.
        valid = all([formset.is_valid() for formset in self.formsets.values()]) and valid
        return self.form_valid(form) if valid else self.form_invalid(form)

    def form_valid(self, form):
        with transaction.atomic():
            if self.object is not None:
                stale = [form for formset in self.formsets.values() for form in formset.stale_forms()]
                if stale:
                    form.add_error(None, _("Rows marked below were changed by someone else after you opened this "
                                           "page. Nothing has been saved; your changes are kept below."))
                    self.conflict = True
                    return self.form_invalid(form)
            return super().form_valid(form)

    def take_their_related_changes(self) -> list[str]:
        """After a conflict, the rows take the other person's changes too (see `ConcurrencySafeUpdateView`)."""
        taken = []
        for formset in self.formsets.values():
            taken += formset.refresh_versions()
        return taken

    def save_form(self, form):
        record = super().save_form(form)
        reason = form.cleaned_data.get("change_reason") or ""
        for formset in self.formsets.values():
            formset.instance = record
            formset.save_rows(reason)
        return record


# Deleting ------------------------------------------------------------------------------------------------------------


class GuardedDeleteView(RecordDeleteView):
    """Delete after confirmation; records still linked (many-to-many) or depended on (protected) are kept."""

    # Many-to-many links that keep a record: a partner named in agreements is not silently dropped from them.
    blocking_relations: tuple[str, ...] = ()

    def form_valid(self, form):
        linked = sorted(
            str(self.object._meta.get_field(name).related_model._meta.verbose_name_plural)
            for name in self.blocking_relations
            if getattr(self.object, name).exists()
        )
        if linked:
            messages.error(
                self.request,
                _("“%(record)s” cannot be deleted: other records depend on it (%(blocking)s).")
                % {"record": self.object, "blocking": ", ".join(linked)},
            )
            return HttpResponseRedirect(self.object.get_absolute_url())
        return super().form_valid(form)


# Workflow ------------------------------------------------------------------------------------------------------------


class TransitionForm(forms.ModelForm):
    """The facts a workflow step asks for, and a comment for the log."""

    comment = forms.CharField(
        label=gettext_lazy("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Recorded with the status change."),
    )

    def __init__(self, *args, step, **kwargs):
        super().__init__(*args, **kwargs)
        for name in step.requires:
            self.fields[name].required = True
            # The usual day for a date the step records is today.
            if isinstance(self.fields[name], forms.DateField) and not self.initial.get(name):
                self.initial[name] = timezone.localdate()
        if step.needs_comment:
            self.fields["comment"].required = True


def transition_form(record, step, status: str, data=None):
    form_class = modelform_factory(
        type(record), form=TransitionForm, fields=step.asks, formfield_callback=html5_formfield
    )
    return form_class(data, instance=record, step=step, auto_id=f"id_{status}_%s")


@dataclass
class WorkflowAction:
    status: str
    label: str
    url: str
    form: forms.BaseForm
    negative: bool


def workflow_actions(record, user, workflow: Workflow, url_name: str) -> list[WorkflowAction]:
    """The moves `user` may make on `record` now, each with its small form (for the detail page)."""
    labels = dict(type(record)._meta.get_field("status").flatchoices)
    actions = []
    for status in workflow.targets(record, user):
        step = workflow.step(status)
        actions.append(
            WorkflowAction(
                status=status,
                label=labels[status],
                url=reverse(url_name, args=[record.pk, status]),
                form=transition_form(record, step, status),
                negative=step.negative,
            )
        )
    return actions


def workflow_context(record, user, workflow: Workflow, url_name: str) -> dict:
    return {
        "workflow_actions": workflow_actions(record, user, workflow, url_name),
        "transitions": transitions_of(record),
    }


class TransitionView(ScopedMixin, SingleObjectMixin, FormView):
    """Move a record to `<status>` through the app's service; GET shows the step's form, POST makes the move.

    Out of the user's scope: 404. A move above the user's role: 403. A move the workflow does not allow now, or
    missing facts: the form again, with the reason.
    """

    workflow: Workflow = Workflow()
    # The app's service: function(record, to_status, *, by, comment, **changes). Wrap it in staticmethod().
    service = None
    template_name = "partners/transition_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = self.get_object()
        self.to_status = kwargs["status"]
        if self.to_status not in self.model.Status.values:
            raise Http404
        if not self.workflow.may(request.user, self.to_status):
            raise PermissionDenied
        self.step = self.workflow.step(self.to_status)
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        data = self.request.POST if self.request.method == "POST" else None
        return transition_form(self.object, self.step, self.to_status, data)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            opts=self.model._meta,
            to_label=dict(self.model._meta.get_field("status").flatchoices)[self.to_status],
            allowed=self.object.can_transition_to(self.to_status),
        )
        return context

    def form_valid(self, form):
        changes = {name: form.cleaned_data[name] for name in self.step.asks}
        try:
            self.service(self.object, self.to_status, by=self.request.user,
                         comment=form.cleaned_data["comment"], **changes)
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        labels = dict(self.model._meta.get_field("status").flatchoices)
        messages.success(self.request, _("Status changed to “%(status)s”.") % {"status": labels[self.to_status]})
        return HttpResponseRedirect(self.object.get_absolute_url())


# History -------------------------------------------------------------------------------------------------------------


def _display(model, name: str, value, related: dict):
    model_field = model._meta.get_field(name)
    if value in (None, ""):
        return "—"
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    if isinstance(model_field, models.ForeignKey):
        return related.get((model_field.related_model, value), f"#{value}")
    if isinstance(model_field, models.BooleanField):
        return _("Yes") if value else _("No")
    return value


def child_history(record, relation: str, label=str) -> list[HistoryEntry]:
    """Every recorded change of the rows of `record.<relation>`, deleted rows included, in three queries at most.

    `label(row)` names a row (a historical row: its fields are the row's fields at that time).
    """
    remote = type(record)._meta.get_field(relation)
    model, fk_name = remote.related_model, remote.field.attname
    verbose_name = model._meta.verbose_name
    versions = list(
        model.history.filter(**{fk_name: record.pk})
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    pairs = []
    for index, version in enumerate(versions):
        previous = versions[index - 1] if index and versions[index - 1].id == version.id else None
        changes = version.diff_against(previous, excluded_fields=IGNORED_FIELDS).changes if previous else []
        pairs.append((version, changes))

    wanted: dict[type, set] = {}
    for _version, changes in pairs:
        for change in changes:
            model_field = model._meta.get_field(change.field)
            if isinstance(model_field, models.ForeignKey):
                wanted.setdefault(model_field.related_model, set()).update(
                    value for value in (change.old, change.new) if value is not None
                )
    related = {
        (related_model, obj.pk): str(obj)
        for related_model, ids in wanted.items()
        for obj in related_model._base_manager.filter(pk__in=ids)
    }

    entries = []
    for version, changes in pairs:
        name = label(version)
        kind = HISTORY_TYPES.get(version.history_type, version.history_type)
        if version.history_type == "+":
            field_changes = [FieldChange(label=verbose_name, old="—", new=name)]
        elif version.history_type == "-":
            field_changes = [FieldChange(label=verbose_name, old=name, new="—")]
        else:
            field_changes = [
                FieldChange(
                    label=f"{model._meta.get_field(change.field).verbose_name} ({name})",
                    old=_display(model, change.field, change.old, related),
                    new=_display(model, change.field, change.new, related),
                )
                for change in changes
            ]
            if not field_changes:
                continue
        entries.append(
            HistoryEntry(
                at=version.history_date,
                user=version.history_user,
                kind=f"{str(verbose_name).capitalize()}: {str(kind).lower()}",
                reason=version.history_change_reason or "",
                changes=field_changes,
            )
        )
    return entries


def history_with_children(record, relations: dict, limit: int = 100) -> list[HistoryEntry]:
    """The record's own history and its child rows' (`relations`: {relation: label function}), newest first.

    Saving a record's page saves the record even when only rows changed (so that its version moves on); such
    saves, with no field changed and no reason given, are left out.
    """
    entries = [
        entry for entry in history_of(record, limit=limit)
        if entry.changes or entry.reason or entry.kind != HISTORY_TYPES["~"]
    ]
    for relation, label in relations.items():
        entries.extend(child_history(record, relation, label))
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries[:limit]


class HistoryView(RecordHistoryView):
    """The history tab: the record's changes, its child rows' changes (`child_relations`) and status changes."""

    template_name = "partners/record_history.html"
    child_relations: dict = {}

    def get_context_data(self, **kwargs):
        # Skip RecordHistoryView's own reading of the history: it is read here, with the child rows.
        context = super(RecordHistoryView, self).get_context_data(**kwargs)
        context["history"] = history_with_children(self.object, self.child_relations, self.history_limit)
        context["transitions"] = transitions_of(self.object) if hasattr(self.object, "TRANSITIONS") else []
        return context
