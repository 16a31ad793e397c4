"""Token authentication: `Authorization: Token <key>`. Without credentials the API answers 401, never a redirect."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .models import ApiToken


class TokenAuthentication(authentication.BaseAuthentication):
    """Authenticates a request by an `ApiToken` key; `request.auth` is then the token (its scope is checked later).

    Listed first among the authentication classes so that an unauthenticated request gets 401 with a
    `WWW-Authenticate: Token` header (DRF takes the header from the first class).
    """

    keyword = "Token"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header: give “Token” and the key, nothing else."))
        try:
            key = parts[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        token = ApiToken.objects.find(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This user account is deactivated."))
        token.touch()
        return token.user, token

    def authenticate_header(self, request) -> str:
        return f'{self.keyword} realm="api"'
