"""The calendar: a month grid and a list of what falls when, and the personal iCal feed at a secret URL."""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .events import events_for
from .forms import CalendarFilterForm
from .ical import calendar_of
from .models import FeedToken

LIST_DAYS = 60
FEED_PAST_DAYS = 30
FEED_FUTURE_DAYS = 366


def _filters(request) -> tuple[CalendarFilterForm, dict]:
    """The filter form and what of it is valid: invalid parts are reported on the page and ignored."""
    form = CalendarFilterForm(request.GET or None, user=request.user)
    if not request.GET:
        return form, {}
    form.is_valid()
    return form, form.cleaned_data


def _query(request, **changes) -> str:
    params = request.GET.copy()
    for name, value in changes.items():
        params[name] = value
    return params.urlencode()


@login_required
def month(request):
    form, data = _filters(request)
    today = timezone.localdate()
    first = data.get("month") or today.replace(day=1)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    events = events_for(request.user, weeks[0][0], weeks[-1][-1], data.get("kind"), data.get("partner"))
    by_day = defaultdict(list)
    for event in events:
        for day in event.days():
            by_day[day].append(event)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    context = {
        "form": form, "first": first, "today": today, "events": events,
        "weeks": [[(day, day.month == first.month, by_day.get(day, [])) for day in week] for week in weeks],
        "weekdays": [WEEKDAYS_ABBR[n] for n in range(7)],
        "previous_query": _query(request, month=f"{previous:%Y-%m}"),
        "next_query": _query(request, month=f"{following:%Y-%m}"),
        "today_query": _query(request, month=f"{today:%Y-%m}"),
        "hidden_fields": [("month", f"{first:%Y-%m}")],
    }
    return render(request, "agenda/month.html", context)


@login_required
def event_list(request):
    form, data = _filters(request)
    start = data.get("start") or timezone.localdate()
    end = data.get("end") or start + datetime.timedelta(days=LIST_DAYS)
    if end < start:
        end = start + datetime.timedelta(days=LIST_DAYS)
    events = events_for(request.user, start, end, data.get("kind"), data.get("partner"))
    days = defaultdict(list)
    for event in events:
        days[max(event.start, start)].append(event)
    context = {"form": form, "start": start, "end": end, "days": sorted(days.items()), "count": len(events),
               "range_fields": [form["start"], form["end"]]}
    return render(request, "agenda/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def feed_settings(request):
    """Where the personal iCal URL is shown, and regenerated (POST) when it may have leaked."""
    if request.method == "POST":
        FeedToken.regenerate(request.user)
        messages.success(request, _("A new calendar address was made; the previous one no longer works."))
        return HttpResponseRedirect(reverse("agenda:feed_settings"))
    feed = FeedToken.for_user(request.user)
    url = request.build_absolute_uri(reverse("agenda:feed", args=[feed.token]))
    return render(request, "agenda/feed.html", {"feed": feed, "feed_url": url})


def feed(request, token: str):
    """The iCal feed of the user owning `token`: no login (calendar programs cannot), the secret is the key."""
    row = FeedToken.objects.select_related("user").filter(token=token).first()
    if row is None or not row.user.is_active:
        raise Http404
    today = timezone.localdate()
    events = events_for(row.user, today - datetime.timedelta(days=FEED_PAST_DAYS),
                        today + datetime.timedelta(days=FEED_FUTURE_DAYS))
    name = _("People-to-people diplomacy calendar – %(user)s") % {"user": row.user.get_full_name() or row.user.username}
    body = calendar_of(events, name, request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="doingoai.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
