"""The shared view mixins: scope first, then filter, then sort and paginate; HTMX gets the table partial."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView

from doingoai.core.concurrency import take_their_changes
from doingoai.core.history import history_of
from doingoai.core.services import transitions_of


class ScopedMixin(LoginRequiredMixin):
    """Every queryset starts from `Model.objects.for_user(user)`: out of scope is 404, never a leak."""

    model = None
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple = ()

    def get_queryset(self):
        queryset = self.model.objects.for_user(self.request.user)
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        return queryset


class EditorRequiredMixin(LoginRequiredMixin):
    """Creating, editing and deleting records is for department officers and admins (403 for others)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.can_edit_records:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FilteredListView(ScopedMixin, ListView):
    """A list page driven by the model's FilterSet, sortable by declared columns, paginated, HTMX-refreshable.

    Declare `model`, `filterset_class`, `sort_fields` ({"param": "orm_path" or ("path", "path", ...)}) and
    `default_sort`. Computed columns to sort by are added in `annotate_queryset`, which runs before sorting.
    """

    filterset_class = None
    sort_fields: dict[str, str] = {}
    default_sort: str = ""
    paginate_by = 50

    def get_template_names(self):
        meta = self.model._meta
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{meta.app_label}/_{meta.model_name}_table.html"]
        return [f"{meta.app_label}/{meta.model_name}_list.html"]

    def get_sort(self) -> str:
        sort = self.request.GET.get("sort", "") or self.default_sort
        return sort if sort.lstrip("-") in self.sort_fields else self.default_sort

    def annotate_queryset(self, queryset):
        return queryset

    def get_queryset(self):
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=super().get_queryset(), request=self.request
        )
        queryset = self.annotate_queryset(self.filterset.qs)
        sort = self.get_sort()
        if sort:
            paths = self.sort_fields[sort.lstrip("-")]
            paths = (paths,) if isinstance(paths, str) else paths
            descending = sort.startswith("-")
            # The primary key breaks ties so that pages never repeat or skip rows.
            queryset = queryset.order_by(*(f"-{path}" if descending else path for path in paths), "pk")
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filterset"] = self.filterset
        context["sort"] = self.get_sort()
        context["result_count"] = context["paginator"].count if context.get("paginator") else len(context["object_list"])
        context["opts"] = self.model._meta
        context["table_template"] = f"{self.model._meta.app_label}/_{self.model._meta.model_name}_table.html"
        return context


class ScopedDetailView(ScopedMixin, DetailView):
    """A detail page of a record in the user's scope."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opts"] = self.model._meta
        return context


class RecordHistoryView(ScopedDetailView):
    """The history tab of a record: who changed which field from what to what, and why."""

    template_name = "core/history.html"
    history_limit = 100

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = history_of(self.object, limit=self.history_limit)
        context["transitions"] = transitions_of(self.object) if hasattr(self.object, "TRANSITIONS") else []
        return context


class RecordFormMixin(EditorRequiredMixin):
    """Create and update pages share one template, a success message, and the history reason."""

    template_name = "core/form.html"
    success_message = _("Saved.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opts"] = self.model._meta
        return context

    def save_form(self, form):
        record = form.save(commit=False)
        reason = form.cleaned_data.get("change_reason")
        if reason:
            record._change_reason = reason
        record.save()
        form.save_m2m()
        return record

    def form_valid(self, form):
        self.object = self.save_form(form)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self):
        return self.object.get_absolute_url()


class RecordCreateView(RecordFormMixin, CreateView):
    """A page to create a record (department officers and admins)."""


class ConcurrencySafeUpdateView(RecordFormMixin, ScopedMixin, UpdateView):
    """Edit a record; refuse the save if someone else changed it since the form was opened (no lost updates).

    The check runs on the locked row inside the transaction that saves, so two saves cannot both pass it. The
    refused form keeps everything the user typed, says who changed the record and when, and links to the history.
    """

    def form_valid(self, form):
        with transaction.atomic():
            current = self.model._base_manager.select_for_update().get(pk=self.object.pk)
            seen = form.cleaned_data.get("version") or ""
            if seen != current.modified_at.isoformat():
                latest = current.history.select_related("history_user").order_by("-history_date").first()
                author = latest.history_user if latest else None
                who = (author.get_full_name() or author.username) if author else _("Someone")
                form.add_error(
                    None,
                    _(
                        "%(who)s changed this record at %(when)s, after you opened it. Your changes have not been "
                        "saved; they are kept below. Look at the other change in the history, then save again."
                    )
                    % {"who": who, "when": date_format(timezone.localtime(current.modified_at), "DATETIME_FORMAT")},
                )
                self.conflict = True
                return self.form_invalid(form)
            return super().form_valid(form)

    def form_invalid(self, form):
        if getattr(self, "conflict", False):
            # Fields the user left alone take the other person's values, so saving again keeps both changes; the
            # next save compares against the version the user has now seen.
            taken = take_their_changes(form, self.request.POST.get("version"))
            taken += self.take_their_related_changes()
            current = self.model._base_manager.filter(pk=self.object.pk).values_list("modified_at", flat=True).get()
            form.data = form.data.copy()
            form.data["version"] = current.isoformat()
            if taken:
                messages.info(self.request, _(
                    "The other person's changes to fields you had not touched are now in the form: %(fields)s."
                ) % {"fields": ", ".join(dict.fromkeys(taken))})
        return super().form_invalid(form)

    def take_their_related_changes(self) -> list[str]:
        """Hook: rows edited on the same page (formsets) take the other person's changes; their field labels."""
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["conflict"] = getattr(self, "conflict", False)
        return context


class RecordDeleteView(EditorRequiredMixin, ScopedMixin, DeleteView):
    """Delete a record after confirmation; a record other records depend on is kept, and the page says why."""

    template_name = "core/confirm_delete.html"
    success_url_name = ""

    def get_success_url(self):
        return reverse(self.success_url_name)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                self.object.delete()
        except (ProtectedError, RestrictedError) as error:
            blocking = sorted({str(obj._meta.verbose_name) for obj in error.protected_objects}) if hasattr(
                error, "protected_objects") else []
            if not blocking and hasattr(error, "restricted_objects"):
                blocking = sorted({str(obj._meta.verbose_name) for obj in error.restricted_objects})
            messages.error(
                self.request,
                _("“%(record)s” cannot be deleted: other records depend on it (%(blocking)s).")
                % {"record": self.object, "blocking": ", ".join(blocking)},
            )
            return HttpResponseRedirect(self.object.get_absolute_url())
        messages.success(self.request, _("“%(record)s” was deleted.") % {"record": self.object})
        return HttpResponseRedirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opts"] = self.model._meta
        return context
