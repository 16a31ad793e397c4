"""Sign-in pages: login with lockout, password reset by e-mail, two-factor set-up and verification, sign-in log."""

from __future__ import annotations

from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from . import twofactor
from .forms import CodeForm
from .lockout import clear_lockout

RECENT_SIGN_INS = 10


class PasswordResetView(auth_views.PasswordResetView):
    """Send a reset link to the e-mail address of an active account (the page never says whether one exists)."""

    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {
            "site_config": settings.DOINGOAI,
            "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        }
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Set a new password from the e-mailed link; this also lifts a login lockout of the account."""

    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Only the owner of the e-mail address got here: the failed logins counted against the account are moot.
        clear_lockout(form.user.get_username())
        return response


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@never_cache
@sensitive_post_parameters("code")
@login_required
def two_factor_verify(request):
    """The second login step for users with an authenticator: a code from the app or a backup code."""
    if not twofactor.second_factor_pending(request):
        return redirect(_safe_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = twofactor.check_code(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _("You signed in with a backup code; %(count)s remain.")
                    % {"count": twofactor.remaining_backup_codes(request.user)},
                )
            return redirect(_safe_next(request))
        form.add_error(
            "code",
            _(
                "This code is not right or has expired. Codes change every 30 seconds; after several wrong codes, "
                "wait a little before trying again."
            ),
        )
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _safe_next(request)})


@never_cache
@login_required
def security(request):
    """The user's own sign-in page: recent logins and failed attempts, and two-factor login for department users."""
    username = request.user.get_username()
    context = {
        "sign_ins": AccessLog.objects.filter(username=username).order_by("-attempt_time")[:RECENT_SIGN_INS],
        "failures": AccessFailureLog.objects.filter(username=username).order_by("-attempt_time")[:RECENT_SIGN_INS],
        "may_use_two_factor": twofactor.may_use_two_factor(request.user),
    }
    if context["may_use_two_factor"]:
        context["two_factor_enabled"] = twofactor.has_two_factor(request.user)
        context["backup_codes_left"] = twofactor.remaining_backup_codes(request.user)
    return render(request, "accounts/security.html", context)


@never_cache
@sensitive_post_parameters("code")
@login_required
def two_factor_setup(request):
    """Add an authenticator app: scan the QR code (or type the key), then prove it works with one code."""
    if not twofactor.may_use_two_factor(request.user):
        raise PermissionDenied
    if twofactor.has_two_factor(request.user):
        return redirect("accounts:security")
    device = twofactor.pending_totp_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.confirm_device(device, form.cleaned_data["code"]):
            device.refresh_from_db()
            otp_login(request, device)
            request.session[twofactor.SECOND_FACTOR_PENDING] = True
            request.session[twofactor.BACKUP_CODES_SESSION_KEY] = twofactor.new_backup_codes(request.user)
            messages.success(request, _("Two-factor login is on. Keep the backup codes below in a safe place."))
            return redirect("accounts:two_factor_backup_codes")
        form.add_error("code", _("This code does not match. Check the time on your phone and try the newest code."))
    context = {
        "form": form,
        "qr_code": twofactor.qr_code_svg(device),
        "secret": twofactor.secret_for_typing(device),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@never_cache
@login_required
def two_factor_backup_codes(request):
    """New backup codes, shown once; asking for new ones (with a current code) replaces the old ones."""
    if not twofactor.may_use_two_factor(request.user):
        raise PermissionDenied
    if not twofactor.has_two_factor(request.user):
        return redirect("accounts:security")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.check_code(request.user, form.cleaned_data["code"]) is not None:
            request.session[twofactor.BACKUP_CODES_SESSION_KEY] = twofactor.new_backup_codes(request.user)
            return redirect("accounts:two_factor_backup_codes")
        form.add_error("code", _("This code is not right or has expired."))
    codes = request.session.pop(twofactor.BACKUP_CODES_SESSION_KEY, None)
    context = {"codes": codes, "form": form, "backup_codes_left": twofactor.remaining_backup_codes(request.user)}
    return render(request, "accounts/two_factor_backup_codes.html", context)


@never_cache
@sensitive_post_parameters("code")
@login_required
def two_factor_disable(request):
    """Turn two-factor login off; a current code is required, so a borrowed open session cannot do it."""
    if not twofactor.may_use_two_factor(request.user):
        raise PermissionDenied
    if not twofactor.has_two_factor(request.user):
        return redirect("accounts:security")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.check_code(request.user, form.cleaned_data["code"]) is not None:
            twofactor.remove_two_factor(request.user)
            request.session[twofactor.SECOND_FACTOR_PENDING] = False
            messages.success(request, _("Two-factor login is off."))
            return redirect("accounts:security")
        form.add_error("code", _("This code is not right or has expired."))
    return render(request, "accounts/two_factor_disable.html", {"form": form})
