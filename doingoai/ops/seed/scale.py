"""Scale data: ten years of a province's people-to-people diplomacy, generated reproducibly and inserted in bulk.

Factor 1 is one province over ten years: about 5,000 foreign partners (with a contact each and 500 agreements),
10 yearly plans with 100,000 activities, 20,000 delegations with about 100,000 members, 3,000 aid projects with
about 30,000 transactions and 10,000 occasions. Other factors scale every count (plans stay ten, one a year).

The same factor, seed and `as_of` date give the same rows: one `random.Random(seed)` draws everything, in a fixed
order, over reference data read in a fixed order. The demo province (`load_demo`) is loaded first: it provides the
reference data (countries, agencies, sectors), the associations and the demo logins. Rows are written with
`bulk_create`, so they have no history entries: the history of a scale record is empty.
"""

from __future__ import annotations

import datetime
import logging
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal

from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from aid_projects.models import AidProject, Sector, Transaction
from delegations.models import Delegation, DelegationMember
from doingoai.core.search import unaccent
from doingoai.demo.loader import DemoLoader
from partners.models import AdministrativeUnit, Agency, Agreement, Contact, Country, ForeignPartner, Occasion
from plans.models import Activity, ActivityCoordination, Plan, Task

from . import vocabulary as words

logger = logging.getLogger(__name__)

DEFAULT_SEED = 20260101
YEARS = 10
BATCH_SIZE = 2000
# Row counts at factor 1.
FACTOR_1 = {
    "partners": 5_000,
    "agreements": 500,
    "activities": 100_000,
    "delegations": 20_000,
    "aid_projects": 3_000,
    "occasions": 10_000,
}
# The scale plans are the Department's own implementation plans: numbered "…/KH-SNgV", one a year.
PLAN_AGENCY = "so-ngoai-vu"
PLAN_SUFFIX = "/KH-SNgV"
# Which task an activity belongs to, by weight: peace and friendship and aid have the most rows.
TASK_WEIGHTS = [1, 4, 3, 2, 2, 2, 1]
CURRENCIES = [("USD", 70, 1), ("EUR", 15, Decimal("1.08")), ("JPY", 10, Decimal("0.0068")), ("KRW", 5,
                                                                                              Decimal("0.00074"))]


class AlreadySeeded(Exception):
    """The database already holds scale data: seeding twice would double it."""


def is_seeded() -> bool:
    return Plan.objects.filter(issuing_agency__code=PLAN_AGENCY, number__endswith=PLAN_SUFFIX).exists()


class ScaleSeeder:
    """Builds the scale data set; `run()` returns the rows created per table."""

    def __init__(
        self,
        factor: float,
        seed: int = DEFAULT_SEED,
        as_of: datetime.date | None = None,
        progress: Callable[[str], None] | None = None,
        load_demo: bool = True,
    ) -> None:
        if factor <= 0:
            raise ValueError("The factor must be positive.")
        self.factor = factor
        self.rng = random.Random(seed)
        self.as_of = as_of or timezone.localdate()
        self.years = list(range(self.as_of.year - YEARS + 1, self.as_of.year + 1))
        self.progress = progress or (lambda message: None)
        self.created: dict[str, int] = defaultdict(int)
        # False when the demo province is known to be loaded already (it is idempotent, but takes seconds).
        self.load_demo = load_demo

    def count(self, name: str) -> int:
        return max(1, round(FACTOR_1[name] * self.factor))

    # --- Running ---------------------------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        if is_seeded():
            raise AlreadySeeded
        with transaction.atomic():
            if self.load_demo:
                self.progress("Loading the demo province (reference data and logins)")
                DemoLoader(today=self.as_of).run()
            self.load_reference()
            for step in (
                self.make_partners, self.make_agreements, self.make_plans, self.make_activities,
                self.make_delegations, self.make_aid_projects, self.make_occasions,
            ):
                step()
        return dict(self.created)

    def insert(self, model: type[models.Model], rows: list) -> list:
        model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.created[model._meta.label] += len(rows)
        return rows

    # --- Drawing ---------------------------------------------------------------------------------------------

    def pick(self, items: Sequence, weights: Sequence[float] | None = None):
        return self.rng.choices(items, weights=weights)[0] if weights else items[self.rng.randrange(len(items))]

    def day_in(self, year: int) -> datetime.date:
        return datetime.date(year, 1, 1) + datetime.timedelta(days=self.rng.randrange(365))

    def vietnamese_name(self) -> str:
        return f"{self.pick(words.VI_FAMILY)} {self.pick(words.VI_MIDDLE)} {self.pick(words.VI_GIVEN)}"

    def foreign_name(self, country_code: str) -> str:
        given, family = words.FOREIGN_NAMES.get(country_code, words.WESTERN_NAMES)
        return f"{self.pick(given)} {self.pick(family)}"

    def status(self, weights: dict[str, int]) -> str:
        return self.pick(list(weights), list(weights.values()))

    # --- Reference data --------------------------------------------------------------------------------------

    def load_reference(self) -> None:
        existing = set(Country.objects.values_list("code", flat=True))
        self.insert(Country, [
            Country(code=code, name_vi=name_vi, name_en=name_en)
            for code, name_vi, name_en, _year in words.EXTRA_COUNTRIES if code not in existing
        ])
        relation_years = {code: year for code, _vi, _en, year in words.EXTRA_COUNTRIES}
        self.countries = list(Country.objects.order_by("code"))
        for country in self.countries:
            country.relation_year = (
                country.relations_established_on.year if country.relations_established_on
                else relation_years.get(country.code)
            )
        self.country_weights = [words.COUNTRY_WEIGHTS.get(country.code, 1) for country in self.countries]

        province = Agency.objects.get(code="ubnd-tinh")
        names = set(Agency.objects.values_list("name", flat=True))
        codes = set(Agency.objects.values_list("code", flat=True))
        communes = []
        for commune in words.COMMUNES:
            name = f"Ủy ban nhân dân {commune}"
            code = "ubnd-" + slugify(unaccent(commune))
            if name not in names and code not in codes:
                communes.append(Agency(name=name, short_name=f"UBND {commune}", code=code,
                                       kind=Agency.Kind.COMMUNE, parent=province))
        self.insert(Agency, communes)
        self.agencies = list(Agency.objects.order_by("code"))
        heavy = {"so-ngoai-vu": 12, "lhhn": 10, "so-vhttdl": 4, "so-gddt": 3, "so-y-te": 3, "so-nnmt": 3}
        self.agency_weights = [heavy.get(agency.code, 1) for agency in self.agencies]
        self.province = province
        self.sectors = list(Sector.objects.order_by("code"))
        self.units = list(AdministrativeUnit.objects.filter(level=AdministrativeUnit.Level.COMMUNE).order_by("name"))

    def agency(self) -> Agency:
        return self.pick(self.agencies, self.agency_weights)

    def country(self) -> Country:
        return self.pick(self.countries, self.country_weights)

    # --- Partners, contacts, agreements ----------------------------------------------------------------------

    def make_partners(self) -> None:
        self.progress("Foreign partners and their contacts")
        kinds = ForeignPartner.Kind
        kind_weights = {
            kinds.NGO: 34, kinds.FOUNDATION: 8, kinds.FOREIGN_LOCALITY: 9, kinds.ENTERPRISE: 15, kinds.UNIVERSITY: 10,
            kinds.OVERSEAS_VIETNAMESE: 8, kinds.INDIVIDUAL: 6, kinds.INTERNATIONAL_ORGANISATION: 4,
            kinds.CONSULATE: 3, kinds.EMBASSY: 3,
        }
        taken = set(ForeignPartner.objects.values_list("name_vi", "country_id"))
        partners = []
        for _ in range(self.count("partners")):
            country = self.country()
            kind = self.status(kind_weights)
            name_vi, native = self.partner_name(kind, country)
            suffix = 2
            base_vi, base_native = name_vi, native
            while (name_vi, country.pk) in taken:
                name_vi, native = f"{base_vi} ({suffix})", f"{base_native} ({suffix})"
                suffix += 1
            taken.add((name_vi, country.pk))
            since = self.day_in(self.rng.randint(1995, self.as_of.year)) if self.rng.random() < 0.7 else None
            partners.append(ForeignPartner(
                kind=kind, country=country, name_vi=name_vi, name_native=native,
                is_twinned=kind == kinds.FOREIGN_LOCALITY and self.rng.random() < 0.3,
                relationship_since=since,
                status=ForeignPartner.Status.ACTIVE if self.rng.random() < 0.85 else ForeignPartner.Status.DORMANT,
                fields=", ".join(self.rng.sample(words.FIELDS, self.rng.randint(1, 3))),
                email=f"contact{len(partners) + 1}@partner.example.org" if self.rng.random() < 0.6 else "",
            ))
        self.partners = self.insert(ForeignPartner, partners)
        self.partners_by_country: dict[int, list[ForeignPartner]] = defaultdict(list)
        for partner in self.partners:
            self.partners_by_country[partner.country_id].append(partner)
        self.donors = [p for p in self.partners if p.kind in {kinds.NGO, kinds.FOUNDATION, kinds.INDIVIDUAL,
                                                                kinds.OVERSEAS_VIETNAMESE,
                                                                kinds.INTERNATIONAL_ORGANISATION}]
        self.insert(Contact, [
            Contact(
                partner=partner,
                name_latin=self.foreign_name(partner.country.code),
                honorific=self.pick(words.HONORIFICS),
                title=self.pick(words.CONTACT_TITLES),
                languages=self.pick(words.LANGUAGES),
                protocol_rank=self.rng.randint(1, 100),
                email=f"person{index}@partner.example.org",
            )
            for index, partner in enumerate(self.partners, start=1)
        ])

    def partner_name(self, kind: str, country: Country) -> tuple[str, str]:
        kinds = ForeignPartner.Kind
        if kind in {kinds.NGO, kinds.FOUNDATION}:
            qualifier, ngo_kind, cause = (self.pick(words.NGO_QUALIFIERS), self.pick(words.NGO_KINDS),
                                          self.pick(words.NGO_CAUSES))
            if kind == kinds.FOUNDATION:
                ngo_kind = ("Foundation", "Quỹ")
            return f"{ngo_kind[1]} {qualifier[1]} vì {cause[1]}", f"{qualifier[0]} {ngo_kind[0]} for {cause[0]}"
        if kind == kinds.FOREIGN_LOCALITY:
            place = self.pick(words.LOCALITIES.get(country.code) or words.CITIES)
            return f"Tỉnh {place}, {country.name_vi}", f"{place} Province"
        if kind == kinds.ENTERPRISE:
            stem = self.pick(words.ENTERPRISE_STEMS)
            return f"Công ty {stem}", f"{stem} Co., Ltd."
        if kind == kinds.UNIVERSITY:
            english, vietnamese = self.pick(words.UNIVERSITY_KINDS)
            city = self.pick(words.CITIES)
            return f"{vietnamese} {city}", f"{english} {city}"
        if kind == kinds.OVERSEAS_VIETNAMESE:
            city = self.pick(words.CITIES)
            return f"Hội người Việt Nam tại {city}", f"Vietnamese Association of {city}"
        if kind == kinds.INDIVIDUAL:
            name = self.foreign_name(country.code)
            return name, name
        if kind == kinds.INTERNATIONAL_ORGANISATION:
            abbreviation, vietnamese = self.pick(words.INTERNATIONAL_ORGANISATIONS)
            return f"{vietnamese} tại {country.name_vi}", f"{abbreviation} {country.name_en}"
        if kind == kinds.CONSULATE:
            return (f"Tổng Lãnh sự quán {country.name_vi} tại Thành phố Hồ Chí Minh",
                    f"Consulate General of {country.name_en} in Ho Chi Minh City")
        return f"Đại sứ quán {country.name_vi} tại Việt Nam", f"Embassy of {country.name_en} in Viet Nam"

    def make_agreements(self) -> None:
        self.progress("Agreements")
        statuses = Agreement.Status
        agreements, parties = [], []
        for _ in range(self.count("agreements")):
            partner = self.pick(self.partners)
            agency = self.agency()
            year = self.pick(self.years)
            signed = min(self.day_in(year), self.as_of)
            status = statuses.IN_FORCE if signed.year >= self.as_of.year - 3 else self.status(
                {statuses.RENEWED: 3, statuses.TERMINATED: 2, statuses.EXPIRING: 1, statuses.IN_FORCE: 2})
            agreements.append(Agreement(
                kind=self.pick(Agreement.Kind.values, [6, 2, 2, 1]),
                number=f"{self.rng.randint(1, 99)}/BGN-{agency.short_name or agency.code}",
                title=f"Biên bản ghi nhớ hợp tác giữa {agency.name} và {partner.name_vi} giai đoạn {year}–{year + 3}",
                status=status, vn_signatory=agency, vn_signer=self.vietnamese_name(),
                foreign_signer=self.foreign_name(partner.country.code),
                fields=", ".join(self.rng.sample(words.FIELDS, 2)),
                signed_on=signed, signed_place=self.pick(["Cao Lãnh", "Sa Đéc", *words.CITIES[:6]]),
                effective_from=signed, expires_on=signed + datetime.timedelta(days=3 * 365),
                ministry_opinion_requested_on=signed - datetime.timedelta(days=self.rng.randint(20, 60)),
                ministry_opinion_received_on=signed - datetime.timedelta(days=self.rng.randint(5, 15)),
                post_signing_report_sent_on=signed + datetime.timedelta(days=self.rng.randint(3, 25)),
            ))
            parties.append(partner)
        self.insert(Agreement, agreements)
        through = Agreement.foreign_parties.through
        self.insert(through, [through(agreement_id=agreement.pk, foreignpartner_id=partner.pk)
                              for agreement, partner in zip(agreements, parties)])

    # --- Plans and activities --------------------------------------------------------------------------------

    def make_plans(self) -> None:
        self.progress("Plans and tasks")
        issuer = Agency.objects.get(code=PLAN_AGENCY)
        self.plans = self.insert(Plan, [
            Plan(
                year=year, number=f"{self.rng.randint(10, 399)}{PLAN_SUFFIX}", issuing_agency=issuer,
                issued_on=datetime.date(year - 1, 12, self.rng.randint(10, 28)),
                signer=self.vietnamese_name(),
                title=f"Kế hoạch triển khai công tác đối ngoại nhân dân năm {year}",
                purpose="Triển khai đồng bộ, hiệu quả công tác đối ngoại nhân dân của tỉnh.",
                status=Plan.Status.IN_PROGRESS if year == self.as_of.year else Plan.Status.CLOSED,
            )
            for year in self.years
        ])
        self.tasks = {
            plan.year: self.insert(Task, [
                Task(plan=plan, number=number, title=title) for number, title in enumerate(words.TASKS, start=1)
            ])
            for plan in self.plans
        }

    def make_activities(self) -> None:
        total = self.count("activities")
        self.progress(f"{total} activities")
        self.activity_ids_by_year: dict[int, list[int]] = {}
        budget_sources = Activity.BudgetSource
        through_countries = Activity.countries.through
        through_partners = Activity.partners.through
        for index, year in enumerate(self.years):
            per_plan = total // YEARS + (1 if index < total % YEARS else 0)
            numbers = [0] * len(words.TASKS)
            activities, coordinations, countries, partners = [], [], [], []
            for _ in range(per_plan):
                task_index = self.pick(range(len(words.TASKS)), TASK_WEIGHTS)
                numbers[task_index] += 1
                lead = self.agency()
                activity = Activity(
                    task=self.tasks[year][task_index], number=numbers[task_index],
                    content=self.activity_text(task_index, year), lead_agency=lead,
                    expected_result=self.pick(words.EXPECTED_RESULTS).format(k=self.rng.randint(2, 200)),
                )
                self.set_timeframe(activity, year)
                if self.rng.random() < 0.6:
                    activity.budget_amount = Decimal(self.rng.randint(10, 800) * 1_000_000)
                    activity.budget_source = self.pick(
                        [budget_sources.STATE_BUDGET, budget_sources.PARTNER, budget_sources.SOCIALISED,
                         budget_sources.MIXED], [5, 2, 2, 1])
                self.set_activity_status(activity, year)
                activities.append(activity)
                helpers = self.rng.sample(self.agencies, 4)
                how_many = self.pick([0, 1, 2, 3], [2, 4, 3, 1])
                coordinations.append([agency for agency in helpers if agency.pk != lead.pk][:how_many])
                countries.append(self.country() if self.rng.random() < 0.4 else None)
                partners.append(self.pick(self.partners) if self.rng.random() < 0.3 else None)
            self.insert(Activity, activities)
            self.activity_ids_by_year[year] = [activity.pk for activity in activities]
            self.insert(ActivityCoordination, [
                ActivityCoordination(activity_id=activity.pk, agency_id=agency.pk)
                for activity, helpers in zip(activities, coordinations) for agency in helpers
            ])
            self.insert(through_countries, [
                through_countries(activity_id=activity.pk, country_id=country.pk)
                for activity, country in zip(activities, countries) if country
            ])
            self.insert(through_partners, [
                through_partners(activity_id=activity.pk, foreignpartner_id=partner.pk)
                for activity, partner in zip(activities, partners) if partner
            ])

    def activity_text(self, task_index: int, year: int) -> str:
        template = self.pick(words.ACTIVITIES[task_index])
        country = self.country()
        partner = self.pick(self.partners_by_country.get(country.pk) or self.partners)
        agency = self.agency()
        place = self.pick(words.LOCALITIES.get(country.code) or words.CITIES)
        return template.format(
            agency=agency.short_name or agency.name, year=year, next_year=year + 1, term_end=year + 5,
            n=(year - country.relation_year) if country.relation_year else self.rng.randint(5, 60),
            country=country.name_vi, partner=partner.name_vi, locality=f"{place} ({country.name_vi})",
            field=self.pick(words.FIELDS), sector=self.pick(self.sectors).name.lower(),
            commune=self.pick(words.COMMUNES), topic=self.pick(words.TOPICS), exhibition=self.pick(words.EXHIBITIONS),
            language=self.pick(["Anh", "Lào", "Khmer", "Nhật", "Hàn", "Pháp"]),
        )

    def set_timeframe(self, activity: Activity, year: int) -> None:
        draw = self.rng.random()
        if draw < 0.4:
            activity.quarter = self.rng.randint(1, 4)
        elif draw < 0.7:
            activity.month = self.rng.randint(1, 12)
            activity.quarter = (activity.month - 1) // 3 + 1
        else:
            activity.start_date = self.day_in(year)
            activity.end_date = min(activity.start_date + datetime.timedelta(days=self.rng.randint(0, 45)),
                                    datetime.date(year, 12, 31))

    def set_activity_status(self, activity: Activity, year: int) -> None:
        statuses = Activity.Status
        if year < self.as_of.year:
            status = self.status({statuses.DONE: 75, statuses.CANCELLED: 4, statuses.POSTPONED: 6, statuses.LATE: 10,
                                  statuses.ON_TRACK: 5})
        else:
            status = self.status({statuses.NOT_STARTED: 30, statuses.ON_TRACK: 35, statuses.AT_RISK: 10,
                                  statuses.LATE: 10, statuses.DONE: 15})
        activity.status = status
        if status == statuses.DONE:
            activity.progress = 100
        elif status in (statuses.NOT_STARTED, statuses.CANCELLED):
            activity.progress = 0
        else:
            activity.progress = self.rng.randint(1, 19) * 5

    # --- Delegations ------------------------------------------------------------------------------------------

    def make_delegations(self) -> None:
        total = self.count("delegations")
        self.progress(f"{total} delegations and their members")
        statuses = Delegation.Status
        delegations, countries, partners, member_lists = [], [], [], []
        for _ in range(total):
            year = self.pick(self.years)
            country = self.country()
            inbound = self.rng.random() < 0.5
            host = self.agency()
            local = self.partners_by_country.get(country.pk) or self.partners
            visiting = self.rng.sample(local, min(len(local), self.pick([1, 1, 1, 2])))
            start = self.day_in(year)
            end = start + datetime.timedelta(days=self.rng.randint(1, 9))
            if end < self.as_of - datetime.timedelta(days=30):
                status = self.status({statuses.REPORTED: 75, statuses.RETURNED: 8, statuses.CANCELLED: 7,
                                      statuses.APPROVED: 5, statuses.PROPOSED: 5})
            elif start > self.as_of:
                status = self.status({statuses.PROPOSED: 40, statuses.DOSSIER_SUBMITTED: 30, statuses.APPROVED: 30})
            elif end >= self.as_of:
                status = statuses.UNDER_WAY
            else:
                status = self.status({statuses.RETURNED: 60, statuses.REPORTED: 40})
            head_name = self.foreign_name(country.code) if inbound else self.vietnamese_name()
            place = self.pick(words.LOCALITIES.get(country.code) or words.CITIES)
            delegation = Delegation(
                title=(f"Đoàn {visiting[0].name_vi} thăm và làm việc tại tỉnh" if inbound
                       else f"Đoàn công tác của {host.short_name or host.name} thăm và làm việc tại {country.name_vi}"),
                direction=Delegation.Direction.INBOUND if inbound else Delegation.Direction.OUTBOUND,
                channel=self.pick(Delegation.Channel.values, [1, 3, 6]),
                level=self.pick(Delegation.Level.values, [1, 3, 4, 4, 1, 2]),
                status=status, cities=place,
                purpose=self.pick(words.DELEGATION_PURPOSES).format(field=self.pick(words.FIELDS)),
                head_name=head_name,
                head_title=self.pick(words.CONTACT_TITLES if inbound else words.VI_TITLES),
                start_date=start, end_date=end, host_agency=host, in_annual_plan=self.rng.random() < 0.8,
                funding_source=self.pick(Delegation.FundingSource.values, [6, 2, 1, 1]),
                estimated_cost_vnd=None if inbound else Decimal(self.rng.randint(30, 600) * 1_000_000),
            )
            if status != statuses.PROPOSED:
                delegation.dossier_submitted_on = start - datetime.timedelta(days=self.rng.randint(20, 60))
            if status in Delegation.REPORT_OWED_STATUSES:
                delegation.approval_number = f"{self.rng.randint(100, 3999)}/QĐ-UBND"
                delegation.approval_date = start - datetime.timedelta(days=self.rng.randint(5, 19))
                delegation.approval_signer = self.vietnamese_name()
            if status == statuses.REPORTED:
                delegation.report_received_on = end + datetime.timedelta(days=self.rng.randint(2, 20))
                delegation.report_number = f"{self.rng.randint(1, 999)}/BC-{host.short_name or host.code}"
                if delegation.estimated_cost_vnd:
                    delegation.actual_cost_vnd = delegation.estimated_cost_vnd * Decimal(self.rng.randint(80, 105)) / 100
            ids = self.activity_ids_by_year.get(year)
            if ids and self.rng.random() < 0.15:
                delegation.plan_activity_id = self.pick(ids)
            delegations.append(delegation)
            countries.append(country)
            partners.append(visiting)
            member_lists.append(self.members_of(head_name, country if inbound else None))
        self.insert(Delegation, delegations)
        through_countries = Delegation.countries.through
        through_partners = Delegation.partners.through
        self.insert(through_countries, [through_countries(delegation_id=delegation.pk, country_id=country.pk)
                                        for delegation, country in zip(delegations, countries)])
        self.insert(through_partners, [
            through_partners(delegation_id=delegation.pk, foreignpartner_id=partner.pk)
            for delegation, visiting in zip(delegations, partners) for partner in visiting
        ])
        members = []
        for delegation, people in zip(delegations, member_lists):
            for member in people:
                member.delegation_id = delegation.pk
                members.append(member)
        self.insert(DelegationMember, members)

    def members_of(self, head_name: str, nationality: Country | None) -> list[DelegationMember]:
        size = self.rng.randint(2, 8)
        members = []
        for precedence in range(1, size + 1):
            name = head_name if precedence == 1 else (
                self.foreign_name(nationality.code) if nationality else self.vietnamese_name())
            members.append(DelegationMember(
                precedence=precedence, name_latin=unaccent(name) if nationality is None else name,
                name_native=name if nationality is None else "", is_head=precedence == 1,
                title=self.pick(words.MEMBER_ROLES), nationality=nationality,
                languages=self.pick(words.LANGUAGES) if self.rng.random() < 0.5 else "",
                dietary_needs=self.pick(words.DIETS),
            ))
        return members

    # --- Aid projects -----------------------------------------------------------------------------------------

    def make_aid_projects(self) -> None:
        total = self.count("aid_projects")
        self.progress(f"{total} aid projects and their transactions")
        statuses = AidProject.Status
        forms = AidProject.Form
        sequence: dict[int, int] = defaultdict(int)
        projects, sectors, units, transactions = [], [], [], []
        for _ in range(total):
            year = self.pick(self.years)
            sequence[year] += 1
            form = self.pick(forms.values, [1, 2, 5, 4, 1])
            currency, _weight, usd_per_unit = self.pick(CURRENCIES, [weight for _c, weight, _r in CURRENCIES])
            usd_rate = Decimal(21_000 + (year - 2010) * 300 + self.rng.randint(0, 400))
            rate = (usd_rate * Decimal(usd_per_unit)).quantize(Decimal("0.0001"))
            committed_usd = Decimal(int(self.rng.lognormvariate(10.5, 1.0)) + 2_000)
            amount = (committed_usd / Decimal(usd_per_unit)).quantize(Decimal("1"))
            if year < self.as_of.year:
                status = self.status({statuses.CLOSED: 40, statuses.COMPLETED: 20, statuses.IMPLEMENTING: 20,
                                      statuses.REJECTED: 5, statuses.REVOKED: 5, statuses.APPROVED: 10})
            else:
                status = self.status({statuses.SUBMITTED: 25, statuses.APPRAISING: 25, statuses.APPROVED: 30,
                                      statuses.IMPLEMENTING: 20})
            project = AidProject(
                code=f"PCPNN-{year}-{sequence[year]:04d}",
                name_vi=self.pick(words.AID_NAMES).format(
                    k=self.rng.randint(2, 300), commune=self.pick(words.COMMUNES), year=year, next_year=year + 1),
                form=form, delivery=self.pick(AidProject.Delivery.values, [5, 3, 1, 1]),
                legal_basis=self.legal_basis(year, form), status=status, donor=self.pick(self.donors),
                governing_agency=self.province, aid_owner=self.agency(),
                beneficiaries=self.pick(words.BENEFICIARIES), beneficiaries_count=self.rng.randint(20, 5000),
                committed_amount=amount, currency=currency, exchange_rate_vnd=rate, usd_rate_vnd=usd_rate,
                counterpart_funds_vnd=Decimal(self.rng.randint(0, 50) * 10_000_000),
            )
            approved = self.day_in(year)
            if status not in (statuses.SUBMITTED, statuses.APPRAISING, statuses.REJECTED):
                project.approved_on = min(approved, self.as_of)
                project.approval_number = f"{self.rng.randint(100, 3999)}/QĐ-UBND"
                project.approval_signer = self.vietnamese_name()
                project.start_month = (project.approved_on.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
                months = self.rng.randint(6, 36)
                end_year, end_month = divmod(project.start_month.month - 1 + months, 12)
                project.end_month = datetime.date(project.start_month.year + end_year, end_month + 1, 1)
            if status in (statuses.IMPLEMENTING, statuses.COMPLETED, statuses.CLOSED):
                project.started_on = min(project.approved_on + datetime.timedelta(days=self.rng.randint(10, 120)),
                                         self.as_of)
            if status == statuses.REVOKED:
                project.revoked_on = min(project.approved_on + datetime.timedelta(days=200), self.as_of)
                project.revocation_reason = "Không triển khai trong thời hạn 6 tháng kể từ ngày phê duyệt."
            projects.append(project)
            sectors.append(self.rng.sample(self.sectors, self.pick([1, 2], [2, 1])))
            units.append(self.pick(self.units) if self.units else None)
        self.insert(AidProject, projects)
        through_sectors = AidProject.sectors.through
        through_units = AidProject.locations.through
        self.insert(through_sectors, [through_sectors(aidproject_id=project.pk, sector_id=sector.pk)
                                      for project, chosen in zip(projects, sectors) for sector in chosen])
        self.insert(through_units, [through_units(aidproject_id=project.pk, administrativeunit_id=unit.pk)
                                    for project, unit in zip(projects, units) if unit])
        for project in projects:
            transactions += self.transactions_of(project)
        self.insert(Transaction, transactions)

    def legal_basis(self, year: int, form: str) -> str:
        if form == AidProject.Form.EMERGENCY:
            return "Nghị định 50/2020/NĐ-CP"
        if year <= 2020:
            return "Nghị định 93/2009/NĐ-CP"
        return "Nghị định 80/2020/NĐ-CP" if year <= 2025 else "Nghị định 313/2025/NĐ-CP"

    def transactions_of(self, project: AidProject) -> list[Transaction]:
        """A commitment on approval, then six disbursements and six expenditures once the project started."""
        if project.approved_on is None or project.status == AidProject.Status.REVOKED:
            return []
        kinds = Transaction.Kind

        def row(kind: str, day: datetime.date, amount: Decimal) -> Transaction:
            return Transaction(project_id=project.pk, kind=kind, date=day, amount=amount, currency=project.currency,
                               exchange_rate_vnd=project.exchange_rate_vnd,
                               form=Transaction.Form.CASH if self.rng.random() < 0.8 else Transaction.Form.IN_KIND)

        rows = [row(kinds.COMMITMENT, project.approved_on, project.committed_amount)]
        if project.started_on is None:
            return rows
        span = max((min(project.end_month, self.as_of) - project.started_on).days, 1)
        days = sorted(project.started_on + datetime.timedelta(days=self.rng.randrange(span)) for _ in range(6))
        remaining = project.committed_amount
        for day in days:
            paid = (remaining * Decimal(self.rng.randint(10, 30)) / 100).quantize(Decimal("1"))
            remaining -= paid
            rows.append(row(kinds.DISBURSEMENT, day, paid))
            rows.append(row(kinds.EXPENDITURE, day + datetime.timedelta(days=self.rng.randint(1, 20)),
                            (paid * Decimal(self.rng.randint(70, 100)) / 100).quantize(Decimal("1"))))
        return rows

    # --- Occasions --------------------------------------------------------------------------------------------

    def make_occasions(self) -> None:
        total = self.count("occasions")
        self.progress(f"{total} occasions")
        kinds = Occasion.Kind
        occasions = []
        for index in range(total):
            partner = self.partners[index % len(self.partners)]
            if index < len(self.partners):
                kind = kinds.TWINNING if partner.kind == ForeignPartner.Kind.FOREIGN_LOCALITY else kinds.FOUNDING
            else:
                kind = self.pick([kinds.TRADITIONAL, kinds.AGREEMENT, kinds.FOUNDING], [2, 1, 1])
            occasions.append(Occasion(
                kind=kind, title=words.OCCASION_TITLES[kind].format(partner=partner.name_vi),
                date_rule=Occasion.DateRule.FIXED, month=self.rng.randint(1, 12), day=self.rng.randint(1, 28),
                base_year=self.rng.randint(1950, 2015), country_id=partner.country_id, partner=partner,
                is_active=self.rng.random() < 0.95,
            ))
        self.insert(Occasion, occasions)
