"""Token endpoints: get a token with a username and password, list your tokens, revoke one."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doingoai.accounts.twofactor import check_code, has_two_factor

from .models import ApiToken
from .permissions import TokenScopePermission
from .serializers import ApiTokenSerializer, ErrorSerializer, NewTokenSerializer, TokenRequestSerializer


class TokenCreateView(APIView):
    """`POST /api/v1/auth/token/`: username and password in, a new token out (its key is shown this once)."""

    # No authentication (and so no CSRF check): the credentials are in the body.
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_token_create",
        tags=["auth"],
        summary=gettext_lazy("Get a token"),
        description=gettext_lazy(
            "Exchange a username and password for an API token. The key is in the answer only; store it. Send it "
            "as `Authorization: Token <key>`. A `read` token is refused every change (403)."
        ),
        request=TokenRequestSerializer,
        responses={
            201: NewTokenSerializer,
            429: OpenApiResponse(ErrorSerializer, description=gettext_lazy("Too many failed logins: locked out.")),
        },
        examples=[
            OpenApiExample(
                "Read-write token for a script",
                value={"username": "staff", "password": "doingoai-demo", "name": "sync script", "scope": "read_write"},
                request_only=True,
            ),
        ],
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        # Through `authenticate`, so that the login backends (and any lockout they keep) apply here too.
        user = authenticate(request._request, username=data["username"], password=data["password"])
        if getattr(request._request, "axes_locked_out", False):
            # The login lockout (django-axes) refused the attempt: say so in JSON, not with the lockout page.
            request._request.axes_locked_out = False
            raise exceptions.Throttled(
                detail=_("Too many failed logins for this account from this address; try again later.")
            )
        if user is None or not user.is_active:
            raise exceptions.ValidationError({"non_field_errors": [_("Unable to log in with provided credentials.")]})
        if has_two_factor(user):
            # A token is a login that lasts: it must not be a way around the second factor of the web login.
            if not data.get("otp_code"):
                raise exceptions.ValidationError({"otp_code": [_(
                    "This account signs in with two-factor authentication: give the current code of your "
                    "authenticator app."
                )]})
            if check_code(user, data["otp_code"]) is None:
                raise exceptions.ValidationError({"otp_code": [_("The code is wrong or has expired.")]})
        token, key = ApiToken.issue(user, name=data["name"], scope=data["scope"])
        token.token = key
        return Response(NewTokenSerializer(token).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary=gettext_lazy("Your tokens"), tags=["auth"]),
    retrieve=extend_schema(summary=gettext_lazy("One of your tokens"), tags=["auth"]),
    destroy=extend_schema(
        summary=gettext_lazy("Revoke a token"),
        description=gettext_lazy("The token stops working at once; it stays in the list with `revoked_at`."),
        tags=["auth"],
    ),
)
class ApiTokenViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin,
                      viewsets.GenericViewSet):
    """The requesting user's own tokens (never anyone else's): list them and revoke them."""

    queryset = ApiToken.objects.none()
    serializer_class = ApiTokenSerializer
    permission_classes = [IsAuthenticated, TokenScopePermission]

    def get_queryset(self):
        return ApiToken.objects.filter(user=self.request.user).order_by("-created_at", "-pk")

    def perform_destroy(self, token):
        token.revoke()


class NotFoundView(APIView):
    """Every URL under /api/ that names no endpoint: a JSON 404, whatever the method."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    schema = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise exceptions.NotFound()
