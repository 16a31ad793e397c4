"""Until a user with two-factor login has given their code, every page sends them to the code page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import reverse

from .twofactor import second_factor_pending


class SecondFactorMiddleware:
    """Place after AuthenticationMiddleware and django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if second_factor_pending(request) and not self._exempt(request.path_info):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": "Second factor required."}, status=403)
            return redirect_to_login(request.get_full_path(), reverse("accounts:two_factor_verify"))
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        open_paths = (
            reverse("accounts:two_factor_verify"),
            reverse("accounts:logout"),
            reverse("set_language"),
            reverse("core:healthz"),
        )
        return path in open_paths or path.startswith(settings.STATIC_URL)
