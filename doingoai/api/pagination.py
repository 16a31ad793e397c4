"""Page-number pagination with the total `count`, as the HTML lists show it."""

from django.utils.translation import gettext as _
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_paginated_response_schema(self, schema: dict) -> dict:
        paginated = super().get_paginated_response_schema(schema)
        descriptions = {
            "count": _("How many records match, on all pages."),
            "next": _("The next page, or null on the last one."),
            "previous": _("The previous page, or null on the first one."),
            "results": _("The records of this page."),
        }
        for name, description in descriptions.items():
            paginated["properties"][name]["description"] = description
        return paginated
