"""A December 2026 with one item of every calendar kind, spread over two agencies and two associations."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from delegations.models import Delegation
from partners.models import ForeignPartner
from tests import factories

D = datetime.date


@dataclass
class December:
    partner: object
    occasion: object
    outbound: object
    inbound: object
    expiring: object
    unreported: object
    activity_a: object
    activity_b: object
    activity_x: object
    period: object


@pytest.fixture
def december(world) -> December:
    laos = factories.CountryFactory(code="LA", name_vi="Lào", national_day_day=None, national_day_month=None,
                                    relations_established_on=None)
    champasak = factories.ForeignPartnerFactory(kind=ForeignPartner.Kind.FOREIGN_LOCALITY, country=laos,
                                                name_vi="Tỉnh Champasak")
    occasion = factories.OccasionFactory(title="Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào", country=laos,
                                         partner=champasak, month=12, day=2, base_year=1975)
    outbound = factories.DelegationFactory(title="Đoàn đi Champasak", host_agency=world.agency_a,
                                           direction=Delegation.Direction.OUTBOUND, status=Delegation.Status.APPROVED,
                                           start_date=D(2026, 12, 3), end_date=D(2026, 12, 5))
    outbound.partners.add(champasak)
    inbound = factories.DelegationFactory(title="Đoàn Prey Veng thăm tỉnh", host_agency=world.agency_b,
                                          direction=Delegation.Direction.INBOUND, status=Delegation.Status.PROPOSED,
                                          start_date=D(2026, 12, 10), end_date=D(2026, 12, 12))
    expiring = factories.AgreementFactory(title="Thỏa thuận hợp tác giai đoạn 2022–2026", signed_on=D(2022, 1, 5),
                                          effective_from=D(2022, 1, 5), expires_on=D(2026, 12, 20),
                                          post_signing_report_sent_on=D(2022, 1, 10))
    unreported = factories.AgreementFactory(title="Bản ghi nhớ về giáo dục", signed_on=D(2026, 12, 1),
                                            effective_from=D(2026, 12, 1), expires_on=None)
    plan = factories.PlanFactory(year=2026)
    activity_a = factories.ActivityFactory(task=factories.TaskFactory(plan=plan), lead_agency=world.agency_a,
                                           content="Hội nghị tổng kết công tác đối ngoại", quarter=4,
                                           start_date=D(2026, 12, 1), end_date=D(2026, 12, 18))
    activity_a.partners.add(champasak)
    activity_b = factories.ActivityFactory(task=factories.TaskFactory(plan=plan), lead_agency=world.agency_b,
                                           content="Liên hoan văn hóa hữu nghị", quarter=4, month=12)
    activity_x = factories.ActivityFactory(task=factories.TaskFactory(plan=plan),
                                           lead_agency=world.association_x.agency, content="Gặp mặt hội viên", quarter=4)
    period = factories.ReportingPeriodFactory(year=2026, kind="year", starts_on=D(2026, 1, 1), ends_on=D(2026, 12, 31),
                                              due_on=D(2026, 12, 28))
    return December(champasak, occasion, outbound, inbound, expiring, unreported, activity_a, activity_b, activity_x,
                    period)
