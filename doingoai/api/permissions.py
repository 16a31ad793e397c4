"""Who may do what through the API: the same role predicates as the pages (`doingoai.accounts`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from .models import ApiToken


class TokenScopePermission(BasePermission):
    """A read-only token is refused every method that could change data (403), whatever its user may do."""

    message = _("This token is read-only.")

    def has_permission(self, request, view) -> bool:
        token = request.auth
        if request.method in SAFE_METHODS or not isinstance(token, ApiToken):
            return True
        return not token.is_read_only


class EditorOrReadOnly(BasePermission):
    """Reading is for any signed-in user (scope decides what they see); creating, editing and deleting is for
    department officers and admins, as on the pages. Leaders read and approve; partner users read their scope."""

    message = _("Only department officers and administrators may change records.")

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or bool(request.user and request.user.can_edit_records)
