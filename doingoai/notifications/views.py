"""The notifications page: a user's own notifications, marking them read, and how they want them e-mailed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import ListView

from . import services
from .forms import DeliveryForm
from .models import Notification


class NotificationListView(LoginRequiredMixin, ListView):
    template_name = "notifications/notification_list.html"
    paginate_by = 50

    def get_queryset(self):
        rows = Notification.objects.for_user(self.request.user)
        if self.request.GET.get("unread") == "1":
            rows = rows.unread()
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["unread_only"] = self.request.GET.get("unread") == "1"
        context["delivery_form"] = DeliveryForm(initial={"delivery": services.delivery_of(self.request.user)})
        return context


def _back(request) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("notifications:notification_list")


@login_required
@require_POST
def mark_read(request):
    """Mark the posted notification ids read (`id` repeated), or all unread ones when `all` is posted."""
    if request.POST.get("all"):
        services.mark_read(request.user)
    else:
        ids = [int(value) for value in request.POST.getlist("id") if value.isdigit()]
        services.mark_read(request.user, ids)
    return HttpResponseRedirect(_back(request))


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    form = DeliveryForm(request.POST or None, initial={"delivery": services.delivery_of(request.user)})
    if request.method == "POST":
        if form.is_valid():
            services.set_delivery(request.user, form.cleaned_data["delivery"])
            messages.success(request, _("Your e-mail preference was saved."))
            return HttpResponseRedirect(reverse("notifications:notification_list"))
        return render(request, "notifications/preferences.html", {"delivery_form": form}, status=400)
    return render(request, "notifications/preferences.html", {"delivery_form": form})
