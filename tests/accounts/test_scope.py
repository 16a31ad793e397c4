"""`Model.objects.for_user(user)`: exactly which rows each persona gets, for every scoped model.

One data set has rows belonging to agency A, agency B, association X, association Y and to nobody in particular; each
test compares, for one model, the rows every persona sees with the rows the scope rules give them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser

from aid_projects.models import AidProject, AidReport, MobilisationProgramme, Sector, Transaction
from delegations.models import Delegation, DelegationMember, Gift, ProgrammeItem
from doingoai.accounts.models import User
from doingoai.files.models import Attachment
from doingoai.notifications.models import Notification
from doingoai.reports.models import ReportJob
from partners.models import (
    AdministrativeUnit,
    Agency,
    Agreement,
    AssociationChapter,
    AssociationOfficer,
    AssociationReport,
    AssociationTerm,
    Contact,
    Country,
    ForeignPartner,
    FriendshipAssociation,
    Greeting,
    NGORegistration,
    Occasion,
    OccasionDate,
)
from plans.models import Activity, Directive, Plan, ProgressUpdate, ReportingPeriod, Task
from tests import factories

ALL = "all rows"
OWN = "each user's own rows, whatever the role"
SEE_EVERYTHING = ("admin", "staff", "leader")
SEE_NOTHING = ("anonymous", "inactive_staff", "inactive_focal_a")

# Partner personas: the names of the rows each one sees (a persona left out sees none). ALL: every signed-in user
# sees every row.
ACTIVITIES = {
    "focal_a": {"led_by_a", "led_by_a_with_b", "led_by_b_with_a_and_x"},
    "focal_b": {"led_by_a_with_b", "led_by_b_with_a_and_x"},
    "rep_x": {"led_by_b_with_a_and_x", "led_by_x"},
    "rep_y": {"led_by_other_with_y"},
}
PLANS = {"focal_a": {"a", "b"}, "focal_b": {"a", "b"}, "rep_x": {"b", "x"}, "rep_y": {"other_with_y"}}
DELEGATIONS = {"focal_a": {"a"}, "focal_b": {"b"}}
AID_PROJECTS = {"focal_a": {"governed_by_a", "owned_by_a"}, "focal_b": {"of_b"}}
ASSOCIATIONS = {"rep_x": {"x"}, "rep_y": {"y"}}


def prefixed(prefix: str, names: dict[str, set[str]]) -> dict[str, set[str]]:
    return {persona: {f"{prefix}{name}" for name in rows} for persona, rows in names.items()}


EXPECTED: dict[type, object] = {
    # Reference data: every signed-in user reads all of it (forms and filters need it).
    Country: ALL,
    ReportingPeriod: ALL,
    AdministrativeUnit: ALL,
    Sector: ALL,
    MobilisationProgramme: ALL,
    Agency: {"focal_a": {"A"}, "focal_b": {"B"}, "rep_x": {"X"}, "rep_y": {"Y"}},
    FriendshipAssociation: ASSOCIATIONS,
    AssociationTerm: prefixed("term_", ASSOCIATIONS),
    AssociationOfficer: prefixed("officer_", ASSOCIATIONS),
    AssociationChapter: prefixed("chapter_", ASSOCIATIONS),
    AssociationReport: prefixed("report_", ASSOCIATIONS),
    Plan: prefixed("plan_", PLANS),
    Task: prefixed("task_", PLANS),
    Activity: ACTIVITIES,
    ProgressUpdate: prefixed("update_", ACTIVITIES),
    Delegation: prefixed("delegation_", DELEGATIONS),
    DelegationMember: prefixed("member_", DELEGATIONS),
    ProgrammeItem: prefixed("item_", DELEGATIONS),
    Gift: prefixed("gift_", DELEGATIONS),
    AidProject: prefixed("aid_", AID_PROJECTS),
    Transaction: prefixed("transaction_", AID_PROJECTS),
    AidReport: prefixed("aid_report_", AID_PROJECTS),
    # Department data: partner users see none of it, not even their own agency's agreement.
    ForeignPartner: {},
    NGORegistration: {},
    Contact: {},
    Agreement: {},
    Occasion: {},
    OccasionDate: {},
    Greeting: {},
    Directive: {},
    # Notifications are personal: not even an administrator reads another user's.
    Notification: OWN,
    # Report jobs: the department sees every job; a partner user only the jobs they asked for.
    ReportJob: {persona: {f"job_{persona}"} for persona in ("focal_a", "focal_b", "rep_x", "rep_y")},
    # Attachments follow their parent record.
    Attachment: prefixed("attachment_", {
        "focal_a": {"update_led_by_a_with_b"}, "focal_b": {"update_led_by_a_with_b"},
        "rep_x": {"report_x"}, "rep_y": {"report_y"},
    }),
}


@dataclass
class Rows:
    """Every row made for the scope tests, by model and primary key, with a readable name."""

    names: dict[type, dict[int, str]] = field(default_factory=dict)

    def add(self, name, record):
        self.names.setdefault(type(record), {})[record.pk] = name
        return record

    def name(self, record) -> str:
        return self.names.get(type(record), {}).get(record.pk, f"unnamed {type(record).__name__} #{record.pk}")


@pytest.fixture
def rows(world) -> Rows:
    rows = Rows()
    rows.add("laos", factories.CountryFactory(code="LA", name_vi="Lào", name_en="Laos"))
    officer = world.users["staff"]
    agency_a, agency_b = rows.add("A", world.agency_a), rows.add("B", world.agency_b)
    association_x, association_y = rows.add("x", world.association_x), rows.add("y", world.association_y)
    agency_x, agency_y = rows.add("X", association_x.agency), rows.add("Y", association_y.agency)
    other = rows.add("O", factories.AgencyFactory(name="Cơ quan không liên quan"))
    union_agency = rows.add("U", factories.AgencyFactory(kind=Agency.Kind.FRIENDSHIP_UNION))
    rows.add("union", factories.FriendshipAssociationFactory(kind="union", agency=union_agency, partner_country=None))

    for name, association in (("x", association_x), ("y", association_y)):
        rows.add(f"term_{name}", factories.AssociationTermFactory(association=association))
        rows.add(f"officer_{name}", factories.AssociationOfficerFactory(association=association))
        rows.add(f"chapter_{name}", factories.AssociationChapterFactory(association=association))
        rows.add(f"report_{name}", factories.AssociationReportFactory(association=association))

    # Plans: one task each; activities led or coordinated by the partners' agencies.
    period = rows.add("2026_half_year", factories.ReportingPeriodFactory(year=2026, kind="half_year"))
    rows.add("2025_year", factories.ReportingPeriodFactory(
        year=2025, kind="year", starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31), due_on=date(2026, 1, 15)
    ))
    tasks = {}
    for name in ("a", "b", "x", "other_with_y", "other", "empty"):
        plan = rows.add(f"plan_{name}", factories.PlanFactory(issuing_agency=other))
        tasks[name] = rows.add(f"task_{name}", factories.TaskFactory(plan=plan, number=1))
    for name, task, lead, coordinators in (
        ("led_by_a", "a", agency_a, []),
        ("led_by_a_with_b", "a", agency_a, [agency_b, other]),
        ("led_by_b_with_a_and_x", "b", agency_b, [agency_a, agency_x]),
        ("led_by_x", "x", agency_x, []),
        ("led_by_other_with_y", "other_with_y", other, [agency_y]),
        ("led_by_other", "other", other, []),
    ):
        activity = rows.add(name, factories.ActivityFactory(
            task=tasks[task], lead_agency=lead, coordinating_agencies=coordinators
        ))
        rows.add(f"update_{name}", factories.ProgressUpdateFactory(activity=activity, period=period, author=officer))

    for name, host in (("a", agency_a), ("b", agency_b), ("x", agency_x), ("other", other)):
        delegation = rows.add(f"delegation_{name}", factories.DelegationFactory(host_agency=host))
        rows.add(f"member_{name}", factories.DelegationMemberFactory(delegation=delegation))
        rows.add(f"item_{name}", factories.ProgrammeItemFactory(delegation=delegation))
        rows.add(f"gift_{name}", factories.GiftFactory(delegation=delegation))

    donor = rows.add("ngo", factories.ForeignPartnerFactory())
    for name, governing, owner in (
        ("governed_by_a", agency_a, other),
        ("owned_by_a", other, agency_a),
        ("of_b", agency_b, agency_b),
        ("owned_by_x", other, agency_x),
        ("other", other, other),
    ):
        project = rows.add(f"aid_{name}", factories.AidProjectFactory(
            donor=donor, governing_agency=governing, aid_owner=owner
        ))
        rows.add(f"transaction_{name}", factories.TransactionFactory(project=project))
        rows.add(f"aid_report_{name}", factories.AidReportFactory(project=project))

    rows.add("registration", factories.NGORegistrationFactory(partner=donor))
    rows.add("contact", factories.ContactFactory(partner=donor))
    rows.add("agreement_of_a", factories.AgreementFactory(vn_signatory=agency_a, foreign_parties=[donor]))
    occasion = rows.add("occasion", factories.OccasionFactory(association=association_x))
    rows.add("bunpimay_2026", factories.OccasionDateFactory())
    rows.add("greeting", factories.GreetingFactory(occasion=occasion))
    rows.add("directive", factories.DirectiveFactory())
    rows.add("commune", factories.AdministrativeUnitFactory())
    rows.add("sector", factories.SectorFactory())
    rows.add("programme", factories.MobilisationProgrammeFactory())

    by_name = {
        rows.name(record): record
        for model in (AssociationReport, ProgressUpdate, Directive)
        for record in model._default_manager.filter(pk__in=rows.names[model])
    }
    for name in ("report_x", "report_y", "update_led_by_a_with_b", "update_led_by_other", "directive"):
        rows.add(f"attachment_{name}", Attachment.objects.create(
            parent=by_name[name], file=f"attachments/{name}.pdf", original_name=f"{name}.pdf",
            mime_type="application/pdf", size=1,
        ))
    for persona, user in world.users.items():
        rows.add(f"notification_{persona}", Notification.objects.create(recipient=user, text=f"Thông báo {persona}"))
        rows.add(f"job_{persona}", ReportJob.objects.create(kind="plan", title=f"Báo cáo {persona}", requested_by=user))
    return rows


@pytest.fixture
def personas(world) -> dict:
    return {
        "anonymous": AnonymousUser(),
        **world.users,
        "inactive_staff": factories.UserFactory(username="p_inactive", role=User.Role.STAFF, is_active=False),
        "inactive_focal_a": factories.UserFactory(
            username="p_inactive_focal", role=User.Role.AGENCY_FOCAL, agency=world.agency_a, is_active=False
        ),
    }


def expected_names(model, persona: str, rows: Rows) -> list[str]:
    rule = EXPECTED[model]
    if persona in SEE_NOTHING:
        return []
    if rule is OWN:
        return [f"{model.__name__.lower()}_{persona}"]
    if persona in SEE_EVERYTHING or rule is ALL:
        return sorted(rows.name(record) for record in model._default_manager.all())
    return sorted(rule.get(persona, set()))


def seen_names(model, user, rows: Rows) -> list[str]:
    # A list, not a set: a row joined in twice would show up twice.
    return sorted(rows.name(record) for record in model.objects.for_user(user))


@pytest.mark.parametrize("model", list(EXPECTED), ids=lambda model: model.__name__)
def test_for_user_gives_each_persona_exactly_its_rows(model, rows, personas):
    named = set(rows.names[model].values())
    assert named, f"the data set has no {model.__name__}"
    assert {persona: seen_names(model, user, rows) for persona, user in personas.items()} == {
        persona: expected_names(model, persona, rows) for persona in personas
    }


def test_every_scoped_model_is_covered():
    scoped = {model for model in apps.get_models() if hasattr(model._default_manager, "for_user")}
    assert scoped == set(EXPECTED)


def test_for_user_of_none_is_empty(rows):
    assert not Country.objects.for_user(None).exists()
    assert not Plan.objects.for_user(None).exists()


def test_scope_follows_the_users_current_agency(rows, world):
    focal = world.users["focal_a"]
    focal.agency = world.agency_b
    assert sorted(rows.name(record) for record in Delegation.objects.for_user(focal)) == ["delegation_b"]


def test_for_user_can_be_chained_with_filters(rows, world):
    focal = world.users["focal_a"]
    seen = Activity.objects.filter(lead_agency=world.agency_b).for_user(focal)
    assert [rows.name(record) for record in seen] == ["led_by_b_with_a_and_x"]
