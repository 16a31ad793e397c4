"""The one FilterSet of report jobs, for the "My reports" page."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import SearchFilterSet

from .documents import CATALOGUE
from .models import ReportJob


def document_choices():
    return [(kind, document.label) for kind, document in CATALOGUE.items()]


class ReportJobFilterSet(SearchFilterSet):
    search_fields = ("title",)

    kind = django_filters.ChoiceFilter(label=_("Document"), choices=document_choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ReportJob.Status.choices)

    class Meta:
        model = ReportJob
        fields = ["q", "kind", "status"]
