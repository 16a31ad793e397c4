"""A small province whose dashboard figures are counted by hand in `Expected` below.

The dashboard's year is last year: every date it counts lies in the past, so whether a report is late or an
activity overdue does not depend on the day the tests run. The next 30 days are built relative to today.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from aid_projects.models import AidProject, Transaction
from delegations.models import Delegation
from partners.models import Agreement, AssociationReport, ForeignPartner, Occasion
from plans.models import Activity
from tests import factories


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached figures (the local-memory cache outlives a test's rolled-back data)."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class Province:
    year: int
    today: datetime.date
    records: dict


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


@pytest.fixture
def province(world) -> Province:
    today = timezone.localdate()
    year = today.year - 1
    a, b = world.agency_a, world.agency_b
    records: dict = {"agency_a": a, "agency_b": b}

    # Plans: six activities in last year's plan, one in the plan before.
    plan = factories.PlanFactory(year=year, number=f"58/KH-UBND-{year}")
    task1 = factories.TaskFactory(plan=plan, number=1, title="Hòa bình, hữu nghị")
    task2 = factories.TaskFactory(plan=plan, number=2, title="Vận động viện trợ")
    done = {"status": Activity.Status.DONE, "progress": 100}
    factories.ActivityFactory(task=task1, number=1, lead_agency=a, **done)
    factories.ActivityFactory(task=task1, number=2, lead_agency=a, status=Activity.Status.LATE,
                              end_date=today + days(60), quarter=None)
    factories.ActivityFactory(task=task1, number=3, lead_agency=b, status=Activity.Status.ON_TRACK, quarter=2)
    factories.ActivityFactory(task=task2, number=1, lead_agency=b, status=Activity.Status.ON_TRACK,
                              end_date=today + days(30), quarter=None)
    factories.ActivityFactory(task=task2, number=2, lead_agency=a, status=Activity.Status.CANCELLED, quarter=1)
    factories.ActivityFactory(task=task2, number=3, lead_agency=b, **done)
    older = factories.TaskFactory(plan=factories.PlanFactory(year=year - 1), number=1)
    factories.ActivityFactory(task=older, number=1, lead_agency=a, status=Activity.Status.LATE)
    records.update(plan=plan, task1=task1, task2=task2)

    # Delegations of the year, and one the year before.
    c1 = factories.CountryFactory(code="LA", name_vi="Lào")
    c2 = factories.CountryFactory(code="KH", name_vi="Campuchia")
    records.update(country1=c1, country2=c2)
    D = Delegation
    factories.DelegationFactory(
        direction=D.Direction.OUTBOUND, level=D.Level.HIGH, status=D.Status.APPROVED,
        start_date=datetime.date(year, 6, 1), end_date=datetime.date(year, 6, 3), countries=[c1],
    )
    factories.DelegationFactory(
        direction=D.Direction.INBOUND, level=D.Level.PROVINCIAL, status=D.Status.REPORTED,
        start_date=datetime.date(year, 3, 10), end_date=datetime.date(year, 3, 12),
        report_received_on=datetime.date(year, 3, 15), countries=[c1, c2],
    )
    factories.DelegationFactory(
        direction=D.Direction.INBOUND, level=D.Level.NGO, status=D.Status.PROPOSED,
        start_date=datetime.date(year, 3, 20), end_date=datetime.date(year, 3, 22), countries=[c2],
    )
    factories.DelegationFactory(
        direction=D.Direction.OUTBOUND, level=D.Level.PROVINCIAL, status=D.Status.CANCELLED,
        start_date=datetime.date(year, 7, 1), end_date=datetime.date(year, 7, 5), countries=[c1],
    )
    factories.DelegationFactory(
        direction=D.Direction.INBOUND, status=D.Status.APPROVED, start_date=datetime.date(year - 1, 5, 1),
        end_date=datetime.date(year - 1, 5, 2), countries=[c2],
    )

    # Foreign partners: two donors, a twinned province, and one without contact for years.
    donor1 = factories.ForeignPartnerFactory(name_vi="Quỹ Hy vọng", country=c1)
    donor2 = factories.ForeignPartnerFactory(name_vi="Tổ chức Nước sạch", country=c2)
    factories.ForeignPartnerFactory(name_vi="Tỉnh Champasak", kind=ForeignPartner.Kind.FOREIGN_LOCALITY,
                                    is_twinned=True, country=c1)
    factories.ForeignPartnerFactory(name_vi="Hội cũ", country=c2,
                                    relationship_since=datetime.date(today.year - 5, 1, 1))
    records.update(donor1=donor1, donor2=donor2)

    # Aid: US$ at 25,000 VND both ways, so that every amount is exact.
    sector1 = factories.SectorFactory(code="health", name="Y tế")
    sector2 = factories.SectorFactory(code="education", name="Giáo dục")
    sector3 = factories.SectorFactory(code="climate", name="Biến đổi khí hậu")
    commune1 = factories.AdministrativeUnitFactory(name="Xã Tràm Chim")
    commune2 = factories.AdministrativeUnitFactory(name="Xã Thường Phước")
    records.update(sector1=sector1, sector2=sector2, commune1=commune1, commune2=commune2)

    def project(code, status, approved_on, amount, donor, sectors, locations, **extra):
        project = factories.AidProjectFactory(
            code=code, status=status, approved_on=approved_on, committed_amount=Decimal(amount), donor=donor,
            governing_agency=a, aid_owner=a, **extra,
        )
        project.sectors.set(sectors)
        project.locations.set(locations)
        return project

    S = AidProject.Status
    p1 = project("P1", S.IMPLEMENTING, datetime.date(year, 2, 1), 100_000, donor1, [sector1, sector2], [commune1],
                 started_on=datetime.date(year, 3, 1))
    project("P2", S.REVOKED, datetime.date(year, 3, 1), 50_000, donor1, [sector1], [commune1],
            revoked_on=datetime.date(year, 10, 1))
    p3 = project("P3", S.IMPLEMENTING, datetime.date(year - 1, 5, 1), 200_000, donor2, [sector1], [commune2],
                 started_on=datetime.date(year - 1, 6, 1))
    project("P4", S.APPROVED, datetime.date(year - 1, 1, 10), 30_000, donor2, [sector3], [commune2])
    project("P5", S.SUBMITTED, None, 70_000, donor1, [sector1], [commune1])
    for target, kind, day, amount in [
        (p1, Transaction.Kind.COMMITMENT, datetime.date(year, 2, 1), 100_000),
        (p1, Transaction.Kind.DISBURSEMENT, datetime.date(year, 4, 1), 40_000),
        (p1, Transaction.Kind.DISBURSEMENT, datetime.date(year, 6, 1), 10_000),
        (p1, Transaction.Kind.EXPENDITURE, datetime.date(year, 6, 9), 30_000),
        (p3, Transaction.Kind.DISBURSEMENT, datetime.date(year, 5, 1), 20_000),
        (p3, Transaction.Kind.DISBURSEMENT, datetime.date(year - 1, 6, 1), 100_000),
    ]:
        factories.TransactionFactory(project=target, kind=kind, date=day, amount=Decimal(amount))

    # Agreements: three in force, two of them expiring; three signed in the year, one reported late.
    signatory = a
    G = Agreement.Status
    factories.AgreementFactory(title="Late report", status=G.IN_FORCE, vn_signatory=signatory,
                               signed_on=datetime.date(year, 6, 1), effective_from=datetime.date(year, 6, 1),
                               expires_on=today + days(1000))
    factories.AgreementFactory(title="Expiring soon", status=G.IN_FORCE, vn_signatory=signatory,
                               signed_on=datetime.date(year, 2, 1), effective_from=datetime.date(year, 2, 1),
                               post_signing_report_sent_on=datetime.date(year, 2, 5), expires_on=today + days(30))
    factories.AgreementFactory(title="Past expiry", status=G.EXPIRING, vn_signatory=signatory,
                               signed_on=datetime.date(year - 1, 3, 1), effective_from=datetime.date(year - 1, 3, 1),
                               post_signing_report_sent_on=datetime.date(year - 1, 5, 1), expires_on=today - days(10))
    factories.AgreementFactory(title="Terminated", status=G.TERMINATED, vn_signatory=signatory,
                               signed_on=datetime.date(year, 4, 1), effective_from=datetime.date(year, 4, 1),
                               post_signing_report_sent_on=datetime.date(year, 4, 10), expires_on=None)
    factories.AgreementFactory(title="Draft", status=G.DRAFT, vn_signatory=signatory, signed_on=None,
                               effective_from=None, expires_on=None)
    factories.AgreementFactory(title="Signed today", status=G.IN_FORCE, vn_signatory=signatory, signed_on=today,
                               effective_from=today, expires_on=None)

    # Associations: X has two chapters; X handed in its half-year report, Y's was returned; X's year report is a draft.
    x, y = world.association_x, world.association_y
    factories.AssociationChapterFactory(association=x, name="Chi hội Cao Lãnh", member_count=30)
    factories.AssociationChapterFactory(association=x, name="Chi hội Sa Đéc", member_count=20)
    R = AssociationReport
    factories.AssociationReportFactory(association=x, year=year, period=R.Period.HALF_YEAR, status=R.Status.SUBMITTED)
    factories.AssociationReportFactory(association=y, year=year, period=R.Period.HALF_YEAR, status=R.Status.RETURNED)
    factories.AssociationReportFactory(association=x, year=year, period=R.Period.YEAR, status=R.Status.DRAFT)
    factories.AssociationReportFactory(association=y, year=year - 1, period=R.Period.YEAR, status=R.Status.ACCEPTED)

    # The next 30 days.
    soon = today + days(5)
    round_one = factories.OccasionFactory(title="Quốc khánh (50 năm)", month=soon.month, day=soon.day,
                                          base_year=soon.year - 50, country=c1)
    later = today + days(40)
    not_yet = factories.OccasionFactory(title="Ngày ngoài cửa sổ", month=later.month, day=later.day, country=c2)
    per_year = factories.OccasionFactory(title="Tết Bunpimay", date_rule=Occasion.DateRule.PER_YEAR, month=None,
                                         day=None, base_year=None, country=c1)
    factories.OccasionDateFactory(occasion=per_year, year=(today + days(10)).year, date=today + days(10))
    inactive_day = today + days(3)
    factories.OccasionFactory(title="Không còn theo dõi", month=inactive_day.month, day=inactive_day.day,
                              is_active=False, country=c2)
    factories.GreetingFactory(occasion=round_one, year=soon.year, status="draft")
    factories.GreetingFactory(occasion=not_yet, year=later.year, status="draft")
    factories.GreetingFactory(occasion=per_year, year=(today + days(10)).year, status="approved")

    factories.DelegationFactory(direction=D.Direction.INBOUND, status=D.Status.PROPOSED, countries=[c2],
                                start_date=today + days(7), end_date=today + days(9), title="Đoàn tỉnh Prey Veng")
    factories.DelegationFactory(direction=D.Direction.OUTBOUND, status=D.Status.APPROVED, countries=[c1],
                                start_date=today + days(20), end_date=today + days(25), title="Đoàn đi Champasak")
    factories.DelegationFactory(direction=D.Direction.INBOUND, status=D.Status.PROPOSED, countries=[c1],
                                start_date=today + days(45), end_date=today + days(46))
    factories.DelegationFactory(direction=D.Direction.OUTBOUND, status=D.Status.RETURNED, countries=[c1],
                                start_date=today, end_date=today, title="Đoàn vừa về")
    factories.ReportingPeriodFactory(year=today.year, kind="year", starts_on=datetime.date(today.year, 1, 1),
                                     ends_on=datetime.date(today.year, 12, 31), due_on=today + days(12))
    return Province(year=year, today=today, records=records)


def walk_figures(data, path: str = ""):
    """Every figure (a dict with "count" and "url") in the dashboard's data, with where it was found."""
    if isinstance(data, dict):
        if "count" in data and "url" in data:
            yield path, data
        for key, value in data.items():
            yield from walk_figures(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk_figures(value, f"{path}[{index}]")
