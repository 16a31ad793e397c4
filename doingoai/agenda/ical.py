"""A user's events as an RFC 5545 calendar (the icalendar library writes the format)."""

from __future__ import annotations

import datetime
from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.utils import timezone

from .events import Event

PRODID = "-//doingoai//Lich doi ngoai nhan dan//VI"


def _uid_domain() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "doingoai.localhost"


def calendar_of(events: list[Event], name: str, site_url: str) -> bytes:
    """All-day VEVENTs (DTEND is the day after the last day, as RFC 5545 requires for dates), UTF-8, CRLF, folded."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    domain = _uid_domain()
    for event in events:
        item = icalendar.Event()
        item.add("uid", f"{event.key}@{domain}")
        item.add("dtstamp", stamp)
        item.add("dtstart", event.start)
        item.add("dtend", event.last_day + datetime.timedelta(days=1))
        item.add("summary", event.title)
        item.add("categories", [event.kind_label])
        description = " · ".join(part for part in (event.kind_label, event.badge, event.detail) if part)
        if description:
            item.add("description", description)
        if event.url:
            item.add("url", site_url + event.url)
        item.add("transp", "TRANSPARENT")
        cal.add_component(item)
    return cal.to_ical()
