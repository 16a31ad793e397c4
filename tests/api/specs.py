"""What the API tests need to know about each endpoint: a record in scope, who may see it, valid write payloads,
a record that may be deleted, and how to add one list row with all the related rows its representation shows."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from aid_projects.models import AidProject, AidReport, MobilisationProgramme, Sector, Transaction
from delegations.models import Delegation, DelegationMember, Gift, ProgrammeItem
from partners.models import (
    AdministrativeUnit,
    Agency,
    Agreement,
    AssociationReport,
    Contact,
    Country,
    ForeignPartner,
    FriendshipAssociation,
    Greeting,
    Occasion,
)
from plans.models import Activity, Directive, Plan, ProgressUpdate, ReportingPeriod, Task
from tests import factories

SEES_EVERYTHING = ("admin", "staff", "leader")
EDITORS = ("admin", "staff")
PARTNER_USERS = ("focal_a", "focal_b", "rep_x", "rep_y")
# Reporting periods are unique per year and kind: each new row takes a year of its own.
PERIOD_YEARS = itertools.count(2030)


@dataclass(frozen=True)
class Spec:
    """One API endpoint (router basename) and how to exercise it."""

    basename: str
    model: type
    # A record in the scope of `visible_to` (partner personas); staff, leaders and admins see everything.
    target: Callable
    visible_to: frozenset = frozenset()
    # A valid body for POST, built in the world (None: the endpoint is read-only).
    create: Callable | None = None
    # A valid body for PATCH on `target`.
    update: dict = field(default_factory=dict)
    # A record department staff may delete (None: records are never deleted through the API).
    deletable: Callable | None = None
    # Adds one list row with the related rows its representation nests (for the query-count test).
    row: Callable | None = None
    # Records are only ever created (append-only): PUT, PATCH and DELETE are not offered.
    append_only: bool = False

    @property
    def read_only(self) -> bool:
        return self.create is None


# --- Records in scope of the personas ---


def scoped_activity(world) -> Activity:
    """Led by agency A and coordinated by association X's agency: focal A and rep X see it (and its plan)."""
    return factories.ActivityFactory(
        lead_agency=world.agency_a, coordinating_agencies=[world.association_x.agency], content="Hoạt động trong phạm vi"
    )


def scoped_delegation(world) -> Delegation:
    return factories.DelegationFactory(host_agency=world.agency_a, countries=[factories.CountryFactory()])


def scoped_project(world) -> AidProject:
    project = factories.AidProjectFactory(governing_agency=world.agency_a)
    project.sectors.set([factories.SectorFactory()])
    return project


def partner_record(factory) -> Callable:
    return lambda world: factory()


# --- Rows with everything they nest ---


def activity_row() -> None:
    activity = factories.ActivityFactory(coordinating_agencies=[factories.AgencyFactory(), factories.AgencyFactory()])
    activity.countries.set([factories.CountryFactory()])
    activity.partners.set([factories.ForeignPartnerFactory()])
    activity.agreements.set([factories.AgreementFactory()])


def plan_row() -> None:
    plan = factories.PlanFactory(copied_from=factories.PlanFactory())
    plan.legal_bases.set([factories.DirectiveFactory(), factories.DirectiveFactory()])


def delegation_row() -> None:
    delegation = factories.DelegationFactory(
        countries=[factories.CountryFactory()], plan_activity=factories.ActivityFactory()
    )
    delegation.partners.set([factories.ForeignPartnerFactory()])
    delegation.agreements.set([factories.AgreementFactory()])
    factories.DelegationMemberFactory(delegation=delegation, nationality=factories.CountryFactory())
    factories.DelegationMemberFactory(delegation=delegation)
    factories.ProgrammeItemFactory(delegation=delegation)
    factories.GiftFactory(delegation=delegation)


def project_row() -> None:
    project = factories.AidProjectFactory(programme=factories.MobilisationProgrammeFactory())
    project.sectors.set([factories.SectorFactory()])
    project.locations.set([factories.AdministrativeUnitFactory()])
    project.plan_activities.set([factories.ActivityFactory()])
    factories.TransactionFactory(project=project)
    factories.AidReportFactory(project=project)


def association_row() -> None:
    union = factories.FriendshipAssociationFactory(kind=FriendshipAssociation.Kind.UNION)
    association = factories.FriendshipAssociationFactory(union=union)
    factories.AssociationTermFactory(association=association)
    factories.AssociationOfficerFactory(association=association)
    factories.AssociationChapterFactory(association=association)


def occasion_row() -> None:
    occasion = factories.OccasionFactory(
        partner=factories.ForeignPartnerFactory(),
        association=factories.FriendshipAssociationFactory(),
        agreement=factories.AgreementFactory(),
    )
    factories.OccasionDateFactory(occasion=occasion)


SPECS = {
    # plans
    "directive": Spec(
        "directive", Directive,
        target=partner_record(factories.DirectiveFactory),
        create=lambda world: {"code": "99-CT/TW", "kind": "CT", "issuer": "Ban Bí thư", "issued_on": "2022-01-05",
                              "title": "Về công tác đối ngoại nhân dân"},
        update={"summary": "Tóm tắt mới"},
        deletable=lambda world: factories.DirectiveFactory(),
        row=lambda: factories.DirectiveFactory(parent=factories.DirectiveFactory(),
                                               superseded_by=factories.DirectiveFactory()),
    ),
    "plan": Spec(
        "plan", Plan,
        target=lambda world: scoped_activity(world).task.plan,
        visible_to=frozenset({"focal_a", "rep_x"}),
        create=lambda world: {"year": 2026, "issuing_agency": world.agency_a.pk, "title": "Kế hoạch thử nghiệm",
                              "legal_bases": [factories.DirectiveFactory().pk]},
        update={"purpose": "Mục đích mới"},
        deletable=lambda world: factories.PlanFactory(),
        row=plan_row,
    ),
    "task": Spec(
        "task", Task,
        target=lambda world: scoped_activity(world).task,
        visible_to=frozenset({"focal_a", "rep_x"}),
        create=lambda world: {"plan": factories.PlanFactory().pk, "title": "Nhiệm vụ thử nghiệm"},
        update={"description": "Mô tả mới"},
        deletable=lambda world: factories.TaskFactory(),
        row=lambda: factories.TaskFactory(),
    ),
    "activity": Spec(
        "activity", Activity,
        target=scoped_activity,
        visible_to=frozenset({"focal_a", "rep_x"}),
        create=lambda world: {"task": factories.TaskFactory().pk, "content": "Hoạt động thử nghiệm",
                              "lead_agency": world.agency_a.pk, "coordinating_agencies": [world.agency_b.pk],
                              "quarter": 3},
        update={"notes": "Ghi chú mới"},
        deletable=lambda world: factories.ActivityFactory(),
        row=activity_row,
    ),
    "progressupdate": Spec(
        "progressupdate", ProgressUpdate,
        target=lambda world: factories.ProgressUpdateFactory(activity=scoped_activity(world)),
        visible_to=frozenset({"focal_a", "rep_x"}),
        create=lambda world: {"activity": factories.ActivityFactory(lead_agency=world.agency_a).pk,
                              "period": factories.ReportingPeriodFactory().pk, "activity_status": "on_track",
                              "progress": 40, "narrative": "Đã tổ chức hội nghị.", "agency": world.agency_a.pk},
        append_only=True,
        row=lambda: factories.ProgressUpdateFactory(author=factories.UserFactory(), reviewed_by=factories.UserFactory()),
    ),
    "reportingperiod": Spec(
        "reportingperiod", ReportingPeriod,
        target=lambda world: factories.ReportingPeriodFactory(),
        visible_to=frozenset(PARTNER_USERS),
        row=lambda: factories.ReportingPeriodFactory(year=next(PERIOD_YEARS)),
    ),
    # partners
    "country": Spec(
        "country", Country,
        target=lambda world: factories.CountryFactory(),
        visible_to=frozenset(PARTNER_USERS),
        create=lambda world: {"code": "ZZ", "name_vi": "Nước thử nghiệm", "name_en": "Testland"},
        update={"notes": "Ghi chú"},
        deletable=lambda world: factories.CountryFactory(),
        row=lambda: factories.CountryFactory(),
    ),
    "administrativeunit": Spec(
        "administrativeunit", AdministrativeUnit,
        target=lambda world: factories.AdministrativeUnitFactory(),
        visible_to=frozenset(PARTNER_USERS),
        row=lambda: factories.AdministrativeUnitFactory(parent=factories.AdministrativeUnitFactory(
            level=AdministrativeUnit.Level.PROVINCE)),
    ),
    "agency": Spec(
        "agency", Agency,
        target=lambda world: world.agency_a,
        visible_to=frozenset({"focal_a"}),
        create=lambda world: {"name": "Sở thử nghiệm API", "code": "so-thu-api", "kind": "department"},
        update={"phone": "0277 3851 234"},
        deletable=lambda world: factories.AgencyFactory(),
        row=lambda: factories.AgencyFactory(parent=factories.AgencyFactory()),
    ),
    "foreignpartner": Spec(
        "foreignpartner", ForeignPartner,
        target=partner_record(factories.ForeignPartnerFactory),
        create=lambda world: {"kind": "ngo", "name_vi": "Tổ chức thử nghiệm API",
                              "country": factories.CountryFactory().pk},
        update={"notes": "Ghi chú"},
        deletable=lambda world: factories.ForeignPartnerFactory(),
        row=lambda: factories.NGORegistrationFactory(partner=factories.ForeignPartnerFactory(
            parent=factories.ForeignPartnerFactory())),
    ),
    "contact": Spec(
        "contact", Contact,
        target=partner_record(factories.ContactFactory),
        create=lambda world: {"partner": factories.ForeignPartnerFactory().pk, "name_latin": "Jane Smith"},
        update={"title": "Consul General"},
        deletable=lambda world: factories.ContactFactory(),
        row=lambda: factories.ContactFactory(),
    ),
    "agreement": Spec(
        "agreement", Agreement,
        target=lambda world: factories.AgreementFactory(vn_signatory=world.agency_a,
                                                        foreign_parties=[factories.ForeignPartnerFactory()]),
        create=lambda world: {"title": "Bản ghi nhớ thử nghiệm", "vn_signatory": world.agency_a.pk,
                              "foreign_parties": [factories.ForeignPartnerFactory().pk]},
        update={"summary": "Tóm tắt"},
        deletable=lambda world: factories.AgreementFactory(),
        row=lambda: factories.AgreementFactory(foreign_parties=[factories.ForeignPartnerFactory(),
                                                                factories.ForeignPartnerFactory()]),
    ),
    "friendshipassociation": Spec(
        "friendshipassociation", FriendshipAssociation,
        target=lambda world: world.association_x,
        visible_to=frozenset({"rep_x"}),
        create=lambda world: {"agency": factories.AgencyFactory(kind=Agency.Kind.ASSOCIATION).pk,
                              "name": "Hội hữu nghị thử nghiệm", "kind": "association"},
        update={"phone": "0277 3851 000"},
        deletable=lambda world: factories.FriendshipAssociationFactory(),
        row=association_row,
    ),
    "associationreport": Spec(
        "associationreport", AssociationReport,
        target=lambda world: factories.AssociationReportFactory(association=world.association_x),
        visible_to=frozenset({"rep_x"}),
        create=lambda world: {"association": world.association_y.pk, "year": 2025, "period": "year",
                              "members_count": 100, "new_members_count": 10},
        update={"difficulties": "Kinh phí hạn chế"},
        deletable=lambda world: factories.AssociationReportFactory(),
        row=lambda: factories.AssociationReportFactory(submitted_by=factories.UserFactory()),
    ),
    "occasion": Spec(
        "occasion", Occasion,
        target=partner_record(factories.OccasionFactory),
        create=lambda world: {"kind": "national_day", "title": "Quốc khánh thử nghiệm", "month": 9, "day": 2},
        update={"notes": "Ghi chú"},
        deletable=lambda world: factories.OccasionFactory(),
        row=occasion_row,
    ),
    "greeting": Spec(
        "greeting", Greeting,
        target=partner_record(factories.GreetingFactory),
        create=lambda world: {"occasion": factories.OccasionFactory().pk, "year": 2026, "recipient": "Đại sứ quán",
                              "form": "letter"},
        update={"body": "Nhân dịp Quốc khánh…"},
        deletable=lambda world: factories.GreetingFactory(),
        row=lambda: factories.GreetingFactory(recipient_contact=factories.ContactFactory(),
                                              assigned_to=factories.UserFactory()),
    ),
    # delegations
    "delegation": Spec(
        "delegation", Delegation,
        target=scoped_delegation,
        visible_to=frozenset({"focal_a"}),
        create=lambda world: {"title": "Đoàn thử nghiệm", "direction": "inbound",
                              "countries": [factories.CountryFactory().pk], "head_name": "Nguyễn Văn A",
                              "start_date": "2026-03-01", "end_date": "2026-03-03", "host_agency": world.agency_a.pk},
        update={"purpose": "Mục đích"},
        deletable=lambda world: factories.DelegationFactory(),
        row=delegation_row,
    ),
    "delegationmember": Spec(
        "delegationmember", DelegationMember,
        target=lambda world: factories.DelegationMemberFactory(delegation=scoped_delegation(world)),
        visible_to=frozenset({"focal_a"}),
        create=lambda world: {"delegation": factories.DelegationFactory().pk, "precedence": 1,
                              "name_latin": "Somchai Phanthavong"},
        update={"title": "Phó Tỉnh trưởng"},
        deletable=lambda world: factories.DelegationMemberFactory(),
        row=lambda: factories.DelegationMemberFactory(nationality=factories.CountryFactory()),
    ),
    "programmeitem": Spec(
        "programmeitem", ProgrammeItem,
        target=lambda world: factories.ProgrammeItemFactory(delegation=scoped_delegation(world)),
        visible_to=frozenset({"focal_a"}),
        create=lambda world: {"delegation": factories.DelegationFactory().pk, "starts_at": "2026-03-01T09:00:00+07:00",
                              "activity": "Làm việc với Sở Ngoại vụ"},
        update={"place": "Trụ sở UBND tỉnh"},
        deletable=lambda world: factories.ProgrammeItemFactory(),
        row=lambda: factories.ProgrammeItemFactory(),
    ),
    "gift": Spec(
        "gift", Gift,
        target=lambda world: factories.GiftFactory(delegation=scoped_delegation(world)),
        visible_to=frozenset({"focal_a"}),
        create=lambda world: {"delegation": factories.DelegationFactory().pk, "direction": "given",
                              "description": "Tranh sơn mài"},
        update={"counterpart": "Tỉnh Champasak"},
        deletable=lambda world: factories.GiftFactory(),
        row=lambda: factories.GiftFactory(),
    ),
    # aid projects
    "aidproject": Spec(
        "aidproject", AidProject,
        target=scoped_project,
        visible_to=frozenset({"focal_a"}),
        create=lambda world: {"code": "DA-API-1", "name_vi": "Dự án thử nghiệm", "legal_basis": "Nghị định 313/2025",
                              "donor": factories.ForeignPartnerFactory().pk, "governing_agency": world.agency_a.pk,
                              "aid_owner": world.agency_b.pk, "sectors": [factories.SectorFactory().pk],
                              "committed_amount": "1000", "exchange_rate_vnd": "25000", "usd_rate_vnd": "25000"},
        update={"beneficiaries": "Người dân xã biên giới"},
        deletable=lambda world: factories.AidProjectFactory(),
        row=project_row,
    ),
    "transaction": Spec(
        "transaction", Transaction,
        target=lambda world: factories.TransactionFactory(project=scoped_project(world)),
        visible_to=frozenset({"focal_a"}),
        create=lambda world: {"project": factories.AidProjectFactory().pk, "kind": "disbursement",
                              "date": "2026-02-01", "amount": "100", "exchange_rate_vnd": "25000"},
        update={"note": "Đợt 1"},
        deletable=lambda world: factories.TransactionFactory(),
        row=lambda: factories.TransactionFactory(),
    ),
    "aidreport": Spec(
        "aidreport", AidReport,
        target=lambda world: factories.AidReportFactory(project=scoped_project(world)),
        visible_to=frozenset({"focal_a"}),
        create=lambda world: {"project": factories.AidProjectFactory().pk, "period": "year",
                              "period_start": "2025-01-01", "period_end": "2025-12-31", "opening_balance_vnd": "0",
                              "received_vnd": "10", "used_vnd": "4", "closing_balance_vnd": "6"},
        update={"notes": "Ghi chú"},
        deletable=lambda world: factories.AidReportFactory(),
        row=lambda: factories.AidReportFactory(),
    ),
    "sector": Spec(
        "sector", Sector,
        target=lambda world: factories.SectorFactory(),
        visible_to=frozenset(PARTNER_USERS),
        row=lambda: factories.SectorFactory(),
    ),
    "mobilisationprogramme": Spec(
        "mobilisationprogramme", MobilisationProgramme,
        target=lambda world: factories.MobilisationProgrammeFactory(),
        visible_to=frozenset(PARTNER_USERS),
        row=lambda: factories.MobilisationProgrammeFactory(),
    ),
}
