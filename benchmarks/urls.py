"""The reference views: what a page or an API list costs with nothing of the product around it.

For pages, the same 50 rows of the same table, fetched with one query and rendered as a bare HTML table (no layout,
no authentication, Django's default middleware only). For API lists, a bare DRF `ListAPIView` of the same model with
Django REST framework's page-number pagination of 50 (its COUNT included) and every column of the table.
"""

from __future__ import annotations

from django.db import models
from django.http import HttpResponse
from django.template import Context, Engine
from django.urls import path
from rest_framework import generics, pagination, permissions, serializers

from aid_projects.models import AidProject
from delegations.models import Delegation
from partners.models import ForeignPartner
from plans.models import Activity

PAGE_SIZE = 50
TABLE = Engine().from_string(
    "<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>{{ title }}</title></head><body>"
    "<table><thead><tr>{% for name in columns %}<th>{{ name }}</th>{% endfor %}</tr></thead><tbody>"
    "{% for row in rows %}<tr>{% for value in row %}<td>{{ value }}</td>{% endfor %}</tr>{% endfor %}"
    "</tbody></table></body></html>"
)
# What each reference page shows: the columns its product page shows for the same rows (a join where the product
# page shows a related name).
PAGE_COLUMNS = {
    Activity: ("number", "content", "lead_agency__name", "quarter", "budget_amount", "status", "progress"),
    ForeignPartner: ("name_vi", "name_native", "kind", "country__name_vi", "status"),
    Delegation: ("title", "direction", "start_date", "end_date", "host_agency__name", "status"),
    AidProject: ("code", "name_vi", "donor__name_vi", "committed_amount", "currency", "status"),
}


def hello(request):
    return HttpResponse("Xin chào")


def page_view(model: type[models.Model]):
    columns = PAGE_COLUMNS[model]

    def view(request):
        page = max(int(request.GET.get("page", 1)), 1)
        start = (page - 1) * PAGE_SIZE
        rows = model.objects.order_by("pk").values_list(*columns)[start:start + PAGE_SIZE]
        html = TABLE.render(Context({"title": model._meta.verbose_name_plural, "columns": columns, "rows": rows}))
        return HttpResponse(html)

    return view


class Pagination(pagination.PageNumberPagination):
    page_size = PAGE_SIZE


def list_view(model: type[models.Model]):
    class Serializer(serializers.ModelSerializer):
        class Meta:
            pass

    Serializer.Meta.model = model
    Serializer.Meta.fields = [field.name for field in model._meta.concrete_fields]
    return generics.ListAPIView.as_view(
        queryset=model.objects.order_by("pk"), serializer_class=Serializer, pagination_class=Pagination,
        authentication_classes=[], permission_classes=[permissions.AllowAny], filter_backends=[],
    )


MODELS = {"activities": Activity, "foreign-partners": ForeignPartner, "delegations": Delegation,
          "aid-projects": AidProject}
urlpatterns = [path("bench/hello/", hello)]
for slug, model in MODELS.items():
    urlpatterns += [
        path(f"bench/pages/{slug}/", page_view(model)),
        path(f"bench/api/{slug}/", list_view(model)),
    ]
