"""Sorting for API lists: `?ordering=` over the columns a viewset declares, as the HTML lists sort by `?sort=`."""

from __future__ import annotations

from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, filters

# The values a date part can take; beyond them the database (or Python's date) fails instead of finding nothing.
DATE_PART_RANGES = {"year": (1, 9999), "month": (1, 12), "day": (1, 31), "quarter": (1, 4), "week": (1, 53)}


class FilterBackend(DjangoFilterBackend):
    """The view's FilterSet (the HTML list's), with invalid values answered 400 rather than ignored.

    Also refuses (400) a date part out of its range, such as `?year=0` on a filter by the year of a date: Django
    cannot build the date bounds of year 0 and would fail with a server error.
    """

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is None or not filterset.is_valid():
            return filterset
        errors = {}
        for name, filter_ in filterset.filters.items():
            bounds = DATE_PART_RANGES.get((filter_.lookup_expr or "").split("__")[0])
            value = filterset.form.cleaned_data.get(name)
            if bounds and value is not None and not bounds[0] <= value <= bounds[1]:
                errors[name] = [gettext_now("Enter a whole number from %(low)s to %(high)s.")
                                % {"low": bounds[0], "high": bounds[1]}]
        if errors:
            raise exceptions.ValidationError(errors)
        return filterset


def order_paths(term: str, fields: dict) -> list[str]:
    """The ORM ordering for one `name` or `-name` among `fields` ({"name": "orm path" or ("path", …)})."""
    name = term.lstrip("-")
    if name not in fields:
        return []
    paths = fields[name]
    paths = (paths,) if isinstance(paths, str) else paths
    return [f"-{path}" if term.startswith("-") else path for path in paths]


class OrderingFilter(filters.OrderingFilter):
    """`?ordering=name,-year`: only the names in the view's `ordering_fields` count; unknown names are ignored
    (as the HTML lists ignore an unknown `sort`). Without one the view's `default_ordering`, else the model's
    ordering, applies; the primary key always breaks ties so that pages never repeat or skip rows."""

    ordering_description = _("Sort by these columns, comma-separated; a leading “-” sorts descending.")

    def get_ordering(self, request, queryset, view) -> list[str]:
        fields = getattr(view, "ordering_fields", None) or {}
        ordering = []
        for term in request.query_params.get(self.ordering_param, "").split(","):
            ordering += order_paths(term.strip(), fields)
        if not ordering and getattr(view, "default_ordering", ""):
            ordering = order_paths(view.default_ordering, fields)
        return ordering or list(queryset.model._meta.ordering)

    def filter_queryset(self, request, queryset, view):
        return queryset.order_by(*self.get_ordering(request, queryset, view), "pk")

    def get_schema_operation_parameters(self, view) -> list[dict]:
        names = list(getattr(view, "ordering_fields", None) or {})
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": str(self.ordering_description) + " " + ", ".join(names),
                "schema": {"type": "string"},
            }
        ] if names else []
