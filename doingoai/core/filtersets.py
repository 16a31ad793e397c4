"""The base of every model's FilterSet: one class serves the HTML list and the API viewset."""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from .search import search_q

# Filters over self-references and long lists take an id (a link from a detail page sets it) instead of rendering
# every record as an option.
ID_INPUT = forms.NumberInput(attrs={"min": 1})


def in_scope(model: type[models.Model], **conditions) -> Callable:
    """The choices of a related-record filter: the related rows the requesting user may see.

    The list queryset is scoped already, so any choice would be safe to filter by; scoping the choices too keeps a
    select box from naming records the user may not see (every partner for an association representative).
    Without a request (a FilterSet built in a task or the shell) the choices are every row, so that a filter given
    there is applied rather than dropped; such callers scope the queryset themselves.
    """

    def queryset(request) -> models.QuerySet:
        user = getattr(request, "user", None)
        rows = model.objects.for_user(user) if user is not None else model.objects.all()
        return rows.filter(**conditions)

    return queryset


def users_in_scope(request) -> models.QuerySet:
    """Users to filter by: everyone for staff, leaders and admins; only themselves for partner users."""
    users = get_user_model().objects.order_by("username")
    user = getattr(request, "user", None)
    if user is None or user.sees_everything:
        return users
    return users.filter(pk=user.pk) if user.is_authenticated else users.none()


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SearchFilterSet(django_filters.FilterSet):
    """A FilterSet with `q`: accent-insensitive search over the model's `search_fields`.

    Subclasses set `search_fields` (a tuple of field paths). Sorting is not a filter: list views and the API
    order by the `sort` / `ordering` parameter against the view's own list of sortable columns.
    """

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(
        method="filter_search",
        label=_("Search"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "placeholder": _("Name, code…")}),
    )

    def filter_search(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.filter(search_q(self.search_fields, value))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # A search across to-many fields can match one row several times.
        if self.form.cleaned_data.get("q") and any("__" in field for field in self.search_fields):
            queryset = queryset.distinct()
        return queryset


class YearField(forms.IntegerField):
    """A calendar year the database can filter by: a whole number between 1900 and 2100."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        super().__init__(**kwargs)


class YearFilter(django_filters.NumberFilter):
    """Filter by a year. `?year=0` or `?year=99999` is a form error on the list, not a database error (a 500)."""

    field_class = YearField
