"""Fixtures of the reminders tests (kept here, apart from the reports tests): a real SMTP server on loopback, the
reminder rules, and a province with one item of every kind due on `TODAY`."""

from __future__ import annotations

import datetime
import email
import email.policy
import socket
import threading
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller

from delegations.models import Delegation
from doingoai.reminders.models import ReminderRule
from partners.models import Agreement, AssociationReport, Greeting, Occasion
from tests import factories

D = datetime.date
TODAY = D(2026, 11, 22)
LONG_AGO = D(2020, 1, 1)
PORTS = range(8700, 8800)

DEFAULT_RULES = {
    "occasion": "30,10,3", "greeting": "10,3,1", "agreement_expiry": "180,90,30", "agreement_report": "3,-1,-7",
    "delegation_report": "-1,-7,-30", "activity_overdue": "-1,-30", "association_report": "7,1,-1",
}


def free_port() -> int:
    for port in PORTS:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8700-8799")


@dataclass
class Inbox:
    """What the SMTP server received; `fail_next` makes it answer 451 (try later) to that many messages."""

    envelopes: list = field(default_factory=list)
    fail_next: int = 0
    fail_reply: str = "451 4.3.0 Try again later"
    refused: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.fail_next > 0:
                self.fail_next -= 1
                self.refused += 1
                return self.fail_reply
            self.envelopes.append(envelope)
        return "250 2.0.0 Accepted"

    def messages(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(env.original_content, policy=email.policy.default) for env in self.envelopes]

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [message for message in self.messages() if message["To"] == address]

    def recipients(self) -> list[str]:
        return sorted(message["To"] for message in self.messages())


def text_of(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free loopback port, with Django's SMTP backend pointed at it."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    yield inbox
    controller.stop()


@pytest.fixture
def rules(db) -> dict[str, ReminderRule]:
    """The default rules, in force for years (migration rows may have been flushed by a transactional test)."""
    found = {}
    for kind, offsets in DEFAULT_RULES.items():
        found[kind], _created = ReminderRule.objects.update_or_create(
            kind=kind, occasion_kind="", defaults={"offsets": offsets, "armed_on": LONG_AGO, "is_active": True}
        )
    return found


@dataclass
class Province:
    world: object
    occasion: Occasion
    greeting: Greeting
    expiring: Agreement
    unreported: Agreement
    delegation: Delegation
    activity: object
    period: object


@pytest.fixture
def province(world, rules) -> Province:
    """On TODAY each rule has exactly one reminder due, addressed to the people responsible for it."""
    users = world.users
    laos = factories.CountryFactory(code="LA", name_vi="Lào", national_day_day=None, national_day_month=None,
                                    relations_established_on=None)
    occasion = factories.OccasionFactory(kind=Occasion.Kind.NATIONAL_DAY, country=laos, month=12, day=2,
                                         base_year=1975, title="Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào")
    greeting = factories.GreetingFactory(occasion=occasion, year=2026, status=Greeting.Status.DRAFT,
                                         recipient="Tỉnh trưởng tỉnh Champasak", assigned_to=users["staff"])
    expiring = factories.AgreementFactory(title="Thỏa thuận hợp tác với tỉnh Prey Veng giai đoạn 2022–2027",
                                          signed_on=D(2022, 2, 20), effective_from=D(2022, 2, 20),
                                          expires_on=TODAY + datetime.timedelta(days=90),
                                          post_signing_report_sent_on=D(2022, 3, 1))
    unreported = factories.AgreementFactory(title="Bản ghi nhớ hợp tác với tỉnh Champasak về giáo dục",
                                            signed_on=TODAY - datetime.timedelta(days=16),
                                            effective_from=TODAY - datetime.timedelta(days=16), expires_on=None)
    delegation = factories.DelegationFactory(title="Đoàn đi thăm tỉnh Champasak", host_agency=world.agency_a,
                                             status=Delegation.Status.RETURNED,
                                             start_date=TODAY - datetime.timedelta(days=14),
                                             end_date=TODAY - datetime.timedelta(days=11))
    activity = factories.ActivityFactory(content="Tổ chức gặp mặt kiều bào đón Tết", lead_agency=world.agency_a,
                                         quarter=4, start_date=D(2026, 11, 1), end_date=TODAY - datetime.timedelta(days=1),
                                         task=factories.TaskFactory(plan=factories.PlanFactory(year=2026)))
    period = factories.ReportingPeriodFactory(year=2026, kind="year", starts_on=D(2026, 1, 1), ends_on=D(2026, 12, 31),
                                              due_on=TODAY + datetime.timedelta(days=7))
    factories.AssociationReportFactory(association=world.association_y, year=2026, period="year",
                                       status=AssociationReport.Status.SUBMITTED)
    return Province(world, occasion, greeting, expiring, unreported, delegation, activity, period)
