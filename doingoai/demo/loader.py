"""Writes the demo data to the database, idempotently.

Every record is looked up by a natural key and written only when it is missing or differs from the data, so a
second run creates no rows and no history entries. Dates that must look current (upcoming delegations, a late
trip report, an aid project past its start deadline) are computed from the run date; natural keys never include
those dates, so a run on a later day updates the records instead of duplicating them.
"""

from __future__ import annotations

import datetime
import time
from collections import defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models, transaction
from django.utils import timezone

from aid_projects.models import AidProject, AidReport, MobilisationProgramme, Sector, Transaction
from delegations.models import Delegation, DelegationMember, Gift, ProgrammeItem
from doingoai.accounts.models import User
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

from .data import aid, delegations, partners, plans, reference

PASSWORD = "doingoai-demo"
CHANGE_REASON = "Dữ liệu mẫu (load_demo)"

# username, role, (family and middle names, given name), job title, agency code, association key, superuser.
# Vietnamese names are stored as first_name = family and middle names, last_name = given name, so that
# get_full_name() reads in Vietnamese order and sorting by last_name sorts by given name, as Vietnamese lists do.
USERS = [
    ("admin", User.Role.ADMIN, ("Nguyễn Minh", "Quân"), "Quản trị hệ thống", "so-ngoai-vu", None, True),
    ("staff", User.Role.STAFF, ("Trần Thị Thu", "Hà"), "Chuyên viên Phòng Hợp tác quốc tế, Sở Ngoại vụ",
     "so-ngoai-vu", None, False),
    ("leader", User.Role.LEADER, ("Lê Văn", "Hòa"), "Giám đốc Sở Ngoại vụ", "so-ngoai-vu", None, False),
    ("focal_finance", User.Role.AGENCY_FOCAL, ("Phạm Thị", "Lan"), "Chuyên viên Sở Tài chính", "so-tai-chinh",
     None, False),
    ("focal_culture", User.Role.AGENCY_FOCAL, ("Võ Hoàng", "Nam"), "Chuyên viên Sở Văn hóa, Thể thao và Du lịch",
     "so-vhttdl", None, False),
    ("assoc_laos", User.Role.ASSOCIATION_REP, ("Huỳnh Văn", "Phúc"), "Phó Tổng Thư ký Hội hữu nghị Việt Nam – Lào",
     None, "lao", False),
    ("assoc_cambodia", User.Role.ASSOCIATION_REP, ("Đặng Thị", "Mai"),
     "Phó Tổng Thư ký Hội hữu nghị Việt Nam – Campuchia", None, "campuchia", False),
]

# The models whose row counts the summary prints, in reading order.
SUMMARY_MODELS = [
    Country, AdministrativeUnit, Agency, Directive, ForeignPartner, NGORegistration, Contact, Agreement,
    FriendshipAssociation, AssociationTerm, AssociationOfficer, AssociationChapter, AssociationReport, Plan, Task,
    Activity, Activity.coordinating_agencies.through, ReportingPeriod, ProgressUpdate, Occasion, OccasionDate,
    Greeting, Delegation, DelegationMember, ProgrammeItem, Gift, Sector, MobilisationProgramme, AidProject,
    Transaction, AidReport, User,
]


class DemoLoader:
    """Loads the demo province into the database; `run()` returns what it did."""

    def __init__(self, province: str | None = None, today: datetime.date | None = None) -> None:
        self.p = province or settings.DOINGOAI["PROVINCE_NAME"]
        self.today = today or timezone.localdate()
        self.tz = ZoneInfo(settings.TIME_ZONE)
        self.created: dict[type, int] = defaultdict(int)
        self.updated: dict[type, int] = defaultdict(int)
        self.links_changed = 0  # many-to-many fields set or corrected
        self.countries: dict[str, Country] = {}
        self.units: dict[str, AdministrativeUnit] = {}
        self.agencies: dict[str, Agency] = {}
        self.directives: dict[str, Directive] = {}
        self.sectors: dict[str, Sector] = {}
        self.partners: dict[str, ForeignPartner] = {}
        self.contacts: dict[tuple[str, str], Contact] = {}
        self.agreements: dict[str, Agreement] = {}
        self.associations: dict[str, FriendshipAssociation] = {}
        self.users: dict[str, User] = {}
        self.activities: dict[tuple[int, int, int], Activity] = {}
        self.occasions: dict[str, Occasion] = {}
        self.programmes: dict[str, MobilisationProgramme] = {}

    # --- Writing helpers -------------------------------------------------------------------------------------

    def upsert(self, model: type[models.Model], lookup: dict, **values) -> models.Model:
        """The record matching `lookup`, created with `values` or updated where it differs from them."""
        values = {name: value for name, value in values.items() if name not in lookup}
        obj = model._default_manager.filter(**lookup).order_by("pk").first()
        if obj is None:
            obj = model(**lookup, **values)
            self._save(obj)
            self.created[model] += 1
            return obj
        changed = [name for name, value in values.items() if not _same(obj, name, value)]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            self._save(obj)
            self.updated[model] += 1
        return obj

    @staticmethod
    def _save(obj: models.Model) -> None:
        obj._change_reason = CHANGE_REASON  # read by django-simple-history for the history row
        obj.save()

    def sync_m2m(self, obj: models.Model, name: str, targets) -> None:
        """Make the many-to-many field `name` hold exactly `targets`, touching nothing if it already does."""
        manager = getattr(obj, name)
        wanted = {target.pk for target in targets}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(list(targets))
            self.links_changed += 1

    def aware(self, day: datetime.date, hhmm: str) -> datetime.datetime:
        hour, minute = (int(part) for part in hhmm.split(":"))
        return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=self.tz)

    # --- The run -----------------------------------------------------------------------------------------------

    def run(self) -> dict:
        started = time.monotonic()
        with transaction.atomic():
            self.load_reference()
            self.load_partners()
            self.load_associations()
            self.load_users()
            self.load_association_reports()
            self.load_plans()
            self.load_occasions()
            self.load_delegations()
            self.load_aid()
        return {
            "seconds": time.monotonic() - started,
            "created": sum(self.created.values()),
            "updated": sum(self.updated.values()),
            "links_changed": self.links_changed,
            "counts": [(model._meta.verbose_name_plural, model._default_manager.count()) for model in SUMMARY_MODELS],
        }

    def load_reference(self) -> None:
        for code, name_vi, name_en, relations, national_day, day_name, level, notes in reference.COUNTRIES:
            day, month, origin = national_day or (None, None, None)
            self.countries[code] = self.upsert(
                Country, {"code": code}, name_vi=name_vi, name_en=name_en, relations_established_on=relations,
                national_day_day=day, national_day_month=month, national_day_origin_year=origin,
                national_day_name=day_name, partnership_level=level, notes=notes,
            )
        province = self.upsert(AdministrativeUnit, {"name": f"Tỉnh {self.p}", "level": "province"},
                               parent=None, valid_from=None, valid_to=None)
        self.units[province.name] = province
        for name in reference.OLD_DISTRICTS:
            self.units[name] = self.upsert(AdministrativeUnit, {"name": name, "level": "district"}, parent=province,
                                           valid_from=None, valid_to=reference.DISTRICTS_END)
        for name in reference.NEW_COMMUNES:
            self.units[name] = self.upsert(AdministrativeUnit, {"name": name, "level": "commune"}, parent=province,
                                           valid_from=reference.COMMUNES_START, valid_to=None)
        for row in reference.agencies(self.p):
            self.agencies[row["code"]] = self.upsert(
                Agency, {"code": row["code"]}, name=row["name"], short_name=row["short_name"], kind=row["kind"],
                parent=self.agencies[row["parent"]] if row["parent"] else None, is_active=True,
            )
        for row in reference.directives(self.p):
            self.directives[row["key"]] = self.upsert(
                Directive, {"code": row["code"], "issuer": row["issuer"], "issued_on": row["issued_on"]},
                kind=row["kind"], title=row["title"], summary=row["summary"],
                parent=self.directives[row["parent"]] if row["parent"] else None,
                superseded_by=self.directives[row["superseded_by"]] if row["superseded_by"] else None,
            )
        for code, name in reference.SECTORS:
            self.sectors[code] = self.upsert(Sector, {"code": code}, name=name)

    def load_partners(self) -> None:
        for row in partners.foreign_partners(self.p, self.today):
            country = self.countries[row["country"]] if row["country"] else None
            self.partners[row["key"]] = self.upsert(
                ForeignPartner, {"name_vi": row["name_vi"], "country": country},
                kind=row["kind"], name_native=row["name_native"], abbreviation=row["abbreviation"],
                is_twinned=row["is_twinned"], relationship_since=row["relationship_since"], status=row["status"],
                fields=row["fields"], email=row["email"], address=row["address"], notes=row["notes"],
                parent=self.partners[row["parent"]] if row["parent"] else None,
            )
        for row in partners.ngo_registrations(self.today):
            self.upsert(NGORegistration, {"partner": self.partners[row["partner"]], "number": row["number"]},
                        kind=row["kind"], issued_on=row["issued_on"], expires_on=row["expires_on"],
                        provinces=row["provinces"], fields=row["fields"])
        for key, native, latin, honorific, title, languages, email, rank in partners.CONTACTS:
            self.contacts[(key, latin)] = self.upsert(
                Contact, {"partner": self.partners[key], "name_latin": latin}, name_native=native,
                honorific=honorific, title=title, languages=languages, email=email, protocol_rank=rank,
                is_active=True,
            )
        for row in partners.agreements(self.p, self.today):
            fields = {name: row[name] for name in (
                "kind", "number", "status", "vn_signer", "foreign_signer", "fields", "signed_on", "signed_place",
                "effective_from", "expires_on", "ministry_opinion_requested_on", "ministry_opinion_received_on",
                "post_signing_report_sent_on", "summary")}
            agreement = self.upsert(Agreement, {"title": row["title"]}, vn_signatory=self.agencies[row["vn_signatory"]],
                                    **fields)
            self.sync_m2m(agreement, "foreign_parties", [self.partners[key] for key in row["foreign_parties"]])
            self.agreements[row["key"]] = agreement

    def load_associations(self) -> None:
        union = None
        rows = partners.associations(self.p)
        # The union counts the members of its associations' chapters.
        union_members = sum(count for row in rows if row["kind"] == "association" for *_rest, count in row["chapters"])
        for row in rows:
            if row["kind"] == "union":
                agency = self.agencies[row["agency"]]
            else:
                agency = self.upsert(Agency, {"code": row["agency"]}, name=row["name"], short_name="",
                                     kind=Agency.Kind.ASSOCIATION, parent=self.agencies["lhhn"], is_active=True)
                self.agencies[row["agency"]] = agency
            members = sum(count for *_rest, count in row["chapters"]) if row["kind"] == "association" \
                else union_members
            association = self.upsert(
                FriendshipAssociation, {"name": row["name"]}, agency=agency, kind=row["kind"],
                union=union if row["kind"] == "association" else None,
                partner_country=self.countries[row["country"]] if row["country"] else None,
                founded_on=row["founded_on"], member_count=members,
            )
            if row["kind"] == "union":
                union = association
            self.associations[row["key"]] = association
            term = None
            for term_row in row["terms"]:
                term = self.upsert(AssociationTerm, {"association": association, "number": term_row["number"]},
                                   start_year=term_row["start_year"], end_year=term_row["end_year"],
                                   congress_on=term_row["congress_on"],
                                   executive_committee_size=term_row["executive_committee_size"])
            for officer in row["officers"]:
                self.upsert(AssociationOfficer,
                            {"association": association, "name": officer["name"], "role": officer["role"]},
                            term=term, position=officer["position"], from_date=term.congress_on if term else None)
            for name, locality, count in row["chapters"]:
                self.upsert(AssociationChapter, {"association": association, "name": name}, locality=locality,
                            member_count=count)

    def load_users(self) -> None:
        for username, role, (first_name, last_name), job_title, agency, association, superuser in USERS:
            self.users[username] = self.upsert(
                User, {"username": username}, role=role, first_name=first_name, last_name=last_name,
                email=f"{username}@example.org", job_title=job_title, is_active=True, is_staff=superuser,
                is_superuser=superuser, agency=self.agencies[agency] if agency else None,
                association=self.associations[association] if association else None,
            )
        # Hashing is deliberately slow: hash once, share the hash, and check each distinct stored hash once.
        verdicts: dict[str, bool] = {}
        shared_hash = None
        for user in self.users.values():
            if user.password not in verdicts:
                verdicts[user.password] = bool(user.password) and check_password(PASSWORD, user.password)
            if not verdicts[user.password]:
                shared_hash = shared_hash or make_password(PASSWORD)
                user.password = shared_hash
                user.save(update_fields=["password"])
                verdicts[shared_hash] = True

    def load_association_reports(self) -> None:
        text_fields = ("peace_friendship", "ngo_work", "external_information", "overseas_vietnamese",
                       "organisation_building", "coordination_emulation", "delegations_notes", "difficulties",
                       "next_plans", "review_comment")
        number_fields = ("aid_items_count", "aid_mobilised_vnd", "aid_disbursed_vnd", "chapters_count",
                         "members_count", "new_members_count", "delegations_sent", "delegations_received")
        for row in partners.association_reports(self.p):
            values = {name: row.get(name, "") for name in text_fields}
            values.update({name: row.get(name, 0) for name in number_fields})
            for name in ("submitted_at", "reviewed_at"):
                values[name] = datetime.datetime(*row[name], tzinfo=self.tz) if row[name] else None
            for name in ("submitted_by", "reviewed_by"):
                values[name] = self.users[row[name]] if row[name] else None
            self.upsert(AssociationReport, {"association": self.associations[row["association"]],
                                            "year": row["year"], "period": row["period"]},
                        status=row["status"], **values)

    def load_plans(self) -> None:
        for spec in plans.plans(self.p):
            plan = self.upsert(
                Plan, {"year": spec["year"], "number": spec["number"],
                       "issuing_agency": self.agencies[spec["issuing_agency"]]},
                kind=Plan.Kind.PLAN, issued_on=spec["issued_on"], signer=spec["signer"], title=spec["title"],
                purpose=spec["purpose"], implementation=spec["implementation"], status=spec["status"],
            )
            self.sync_m2m(plan, "legal_bases", [self.directives[key] for key in spec["legal_bases"]])
            tasks = {}
            for number, (title, description) in enumerate(plans.TASKS, start=1):
                tasks[number] = self.upsert(Task, {"plan": plan, "number": number}, title=title,
                                            description=description)
            for row in spec["activities"]:
                self._load_activity(spec["year"], tasks[row["task"]], row)
        periods = {}
        for year, kind, starts, ends, due, locked in plans.REPORTING_PERIODS:
            periods[(year, kind)] = self.upsert(ReportingPeriod, {"year": year, "kind": kind}, starts_on=starts,
                                                ends_on=ends, due_on=due, is_locked=locked)
        for (task, number), kind, status, progress, narrative, author, review, comment in plans.PROGRESS_UPDATES:
            activity = self.activities[(2026, task, number)]
            period = periods[(2026, kind)]
            reviewed = review != ProgressUpdate.ReviewStatus.SUBMITTED
            self._load_progress_update(
                activity, period, activity_status=status, progress=progress, narrative=narrative,
                author=self.users[author], agency=activity.lead_agency, status=review,
                reviewed_by=self.users["staff"] if reviewed else None,
                reviewed_at=self.aware(period.due_on + datetime.timedelta(days=5), "10:00") if reviewed else None,
                review_comment=comment,
            )

    def _load_activity(self, year: int, task: Task, row: dict) -> None:
        lead = self.agencies[row["lead"]]
        coordinating = [self.agencies[code] for code in row["coordinating"]]
        if lead in coordinating or len(coordinating) > 3:
            raise ValueError(f"Activity {year} {task.number}.{row['number']}: bad coordinating agencies.")
        activity = self.upsert(
            Activity, {"task": task, "number": row["number"]}, content=row["content"], lead_agency=lead,
            quarter=row["quarter"], month=row["month"],
            budget_amount=Decimal(row["budget"]) if row["budget"] is not None else None,
            budget_source=row["source"], expected_result=row["expected_result"], notes=row["notes"],
            status=row["status"], progress=row["progress"],
        )
        self.sync_m2m(activity, "coordinating_agencies", coordinating)
        self.sync_m2m(activity, "countries", [self.countries[code] for code in row["countries"]])
        self.sync_m2m(activity, "partners", [self.partners[key] for key in row["partners"]])
        self.sync_m2m(activity, "agreements", [self.agreements[key] for key in row["agreements"]])
        self.activities[(year, task.number, row["number"])] = activity

    def _load_progress_update(self, activity: Activity, period: ReportingPeriod, **values) -> None:
        """Progress updates are append-only: an existing one only ever has its review fields brought up to date."""
        update = ProgressUpdate.objects.filter(activity=activity, period=period).order_by("pk").first()
        if update is None:
            update = ProgressUpdate(activity=activity, period=period, **values)
            self._save(update)
            self.created[ProgressUpdate] += 1
            return
        review = {name: values[name] for name in ("status", "reviewed_by", "reviewed_at", "review_comment")}
        changed = [name for name, value in review.items() if not _same(update, name, value)]
        if changed:
            for name in changed:
                setattr(update, name, review[name])
            update._change_reason = CHANGE_REASON
            update.save(update_fields=[*changed, "modified_at"])
            self.updated[ProgressUpdate] += 1

    def load_occasions(self) -> None:
        for country in self.countries.values():
            if country.national_day_day:
                self.occasions[country.national_day_name] = self.upsert(
                    Occasion, {"kind": Occasion.Kind.NATIONAL_DAY, "title": country.national_day_name},
                    date_rule=Occasion.DateRule.FIXED, month=country.national_day_month,
                    day=country.national_day_day, base_year=country.national_day_origin_year, country=country,
                    is_active=True,
                )
            relations = country.relations_established_on
            title = f"Ngày thiết lập quan hệ ngoại giao Việt Nam – {country.name_vi}"
            self.occasions[title] = self.upsert(
                Occasion, {"kind": Occasion.Kind.RELATIONS, "title": title}, date_rule=Occasion.DateRule.FIXED,
                month=relations.month, day=relations.day, base_year=relations.year, country=country, is_active=True,
            )
        for association in self.associations.values():
            if association.founded_on:
                founded = association.founded_on
                title = f"Ngày thành lập {association.name}"
                self.occasions[title] = self.upsert(
                    Occasion, {"kind": Occasion.Kind.FOUNDING, "title": title}, date_rule=Occasion.DateRule.FIXED,
                    month=founded.month, day=founded.day, base_year=founded.year, association=association,
                    country=association.partner_country, is_active=True,
                )
        per_year_dates = {}
        for row in partners.extra_occasions(self.p):
            occasion = self.upsert(
                Occasion, {"kind": row["kind"], "title": row["title"]}, date_rule=row["date_rule"],
                month=row.get("month"), day=row.get("day"), base_year=row.get("base_year"),
                country=self.countries[row["country"]] if row.get("country") else None,
                partner=self.partners[row["partner"]] if row.get("partner") else None,
                agreement=self.agreements[row["agreement"]] if row.get("agreement") else None,
                notes=row.get("notes", ""), is_active=True,
            )
            self.occasions[row["title"]] = occasion
            for year, (start, end) in row.get("dates", {}).items():
                self.upsert(OccasionDate, {"occasion": occasion, "year": year}, date=start, end_date=end)
            per_year_dates[row["title"]] = row.get("dates", {})
        for row in partners.greetings(self.p):
            occasion = self.occasions[row["occasion"]]
            if "year" in row:
                year, sent_on = row["year"], row["sent_on"]
            else:
                occurrence = self._occurrence(occasion, row["when"], per_year_dates.get(occasion.title, {}))
                if occurrence is None:
                    continue  # a per-year occasion whose dates the data does not cover for this run date
                year = occurrence.year
                sent_on = occurrence - datetime.timedelta(days=row["sent_days_before"]) if row["status"] == "sent" \
                    else None
            number = occasion.anniversary(year)
            contact = self.contacts[row["contact"]] if row["contact"] else None
            self.upsert(
                Greeting, {"occasion": occasion, "year": year, "form": row["form"]}, status=row["status"],
                signer=row["signer"], recipient=row["recipient"], recipient_contact=contact,
                body=row["body"].replace("{n}", str(number or "")), document_number=row.get("document_number", ""),
                sent_on=sent_on, assigned_to=self.users["staff"],
            )

    def _occurrence(self, occasion: Occasion, when: str, dates: dict) -> datetime.date | None:
        """The date of `occasion` next ("next") or most recently ("last") as seen from the run date."""
        if occasion.date_rule == Occasion.DateRule.PER_YEAR:
            starts = sorted(start for start, _end in dates.values())
            if when == "next":
                return next((day for day in starts if day >= self.today), None)
            return next((day for day in reversed(starts) if day <= self.today), None)
        this_year = datetime.date(self.today.year, occasion.month, occasion.day)
        if when == "next":
            return this_year if this_year >= self.today else this_year.replace(year=self.today.year + 1)
        return this_year if this_year <= self.today else this_year.replace(year=self.today.year - 1)

    def load_delegations(self) -> None:
        for row in delegations.delegations(self.p, self.today):
            fields = {name: row[name] for name in (
                "direction", "channel", "level", "status", "cities", "purpose", "start_date", "end_date",
                "in_annual_plan", "dossier_submitted_on", "has_invitation", "party_opinion_required",
                "approval_number", "approval_date", "approval_signer", "funding_source", "outcomes", "commitments",
                "report_received_on", "report_number")}
            for name in ("estimated_cost_vnd", "actual_cost_vnd"):
                fields[name] = Decimal(row[name]) if row[name] is not None else None
            head = row["members"][0]
            delegation = self.upsert(
                Delegation, {"title": row["title"]}, head_name=head["name_latin"], head_title=head["title"],
                host_agency=self.agencies[row["host_agency"]],
                plan_activity=self.activities[row["activity"]] if row["activity"] else None, **fields,
            )
            self.sync_m2m(delegation, "countries", [self.countries[code] for code in row["countries"]])
            self.sync_m2m(delegation, "partners", [self.partners[key] for key in row["partners"]])
            self.sync_m2m(delegation, "agreements", [self.agreements[key] for key in row["agreements"]])
            for precedence, member in enumerate(row["members"], start=1):
                self.upsert(
                    DelegationMember, {"delegation": delegation, "precedence": precedence},
                    name_latin=member["name_latin"], name_native=member["name_native"], title=member["title"],
                    organisation=member["organisation"],
                    nationality=self.countries[member["nationality"]] if member["nationality"] else None,
                    languages=member["languages"], dietary_needs=member["dietary_needs"], is_head=precedence == 1,
                )
            for item in row["programme"]:
                self.upsert(
                    ProgrammeItem, {"delegation": delegation, "activity": item["activity"]},
                    starts_at=self.aware(item["day"], item["start"]),
                    ends_at=self.aware(item["day"], item["end"]) if item["end"] else None,
                    place=item["place"], responsible_officer=item["officer"],
                )
            for gift in row["gifts"]:
                self.upsert(
                    Gift, {"delegation": delegation, "direction": gift["direction"],
                           "description": gift["description"]},
                    counterpart=gift["counterpart"], quantity=gift["quantity"],
                    value_vnd=Decimal(gift["value_vnd"]) if gift["value_vnd"] is not None else None,
                )

    def load_aid(self) -> None:
        for row in aid.PROGRAMMES:
            self.programmes[row["key"]] = self.upsert(
                MobilisationProgramme, {"title": row["title"], "start_year": row["start_year"]},
                decision_number=row["decision_number"], end_year=row["end_year"],
                target_usd=Decimal(row["target_usd"]), notes=row["notes"],
            )
        for row in aid.projects(self.p, self.today):
            fields = {name: row[name] for name in (
                "name_vi", "name_en", "form", "delivery", "legal_basis", "status", "management_form", "beneficiaries",
                "beneficiaries_count", "counterpart_source", "start_month", "end_month", "approval_number",
                "approved_on", "approval_signer", "started_on", "state_budget_revenue")}
            for name in ("committed_amount", "exchange_rate_vnd", "usd_rate_vnd", "counterpart_funds_vnd"):
                fields[name] = Decimal(row[name])
            project = self.upsert(
                AidProject, {"code": row["code"]}, currency=row["currency"], donor=self.partners[row["donor"]],
                governing_agency=self.agencies[row["governing_agency"]], aid_owner=self.agencies[row["aid_owner"]],
                programme=self.programmes[row["programme"]] if row["programme"] else None, **fields,
            )
            self.sync_m2m(project, "sectors", [self.sectors[code] for code in row["sectors"]])
            self.sync_m2m(project, "locations", [self.units[name] for name in row["locations"]])
            self.sync_m2m(project, "plan_activities", [self.activities[key] for key in row["activities"]])
            self._load_transactions(project, row["transactions"])
            self._load_reports(project, row["transactions"], row["reports"])

    def _load_transactions(self, project: AidProject, rows: list[dict]) -> None:
        kinds = [row["kind"] for row in rows]
        for row in rows:
            # A kind that occurs once is keyed without its date, which may be relative to the run date.
            lookup = {"project": project, "kind": row["kind"]}
            if kinds.count(row["kind"]) > 1:
                lookup["date"] = row["date"]
            self.upsert(Transaction, lookup, date=row["date"], amount=Decimal(row["amount"]),
                        currency=row["currency"], exchange_rate_vnd=Decimal(row["exchange_rate_vnd"]),
                        form=row["form"], note=row["note"])

    def _load_reports(self, project: AidProject, transactions: list[dict], reports: list[dict]) -> None:
        def total(kind: str, start: datetime.date, end: datetime.date) -> Decimal:
            return sum(
                (_to_vnd(row["amount"], row["exchange_rate_vnd"]) for row in transactions
                 if row["kind"] == kind and start <= row["date"] <= end),
                Decimal(0),
            )

        balance = Decimal(0)
        for row in sorted(reports, key=lambda report: report["period_start"]):
            received = total(Transaction.Kind.DISBURSEMENT, row["period_start"], row["period_end"])
            used = total(Transaction.Kind.EXPENDITURE, row["period_start"], row["period_end"])
            closing = balance + received - used
            self.upsert(
                AidReport, {"project": project, "period": row["period"], "period_start": row["period_start"]},
                period_end=row["period_end"], opening_balance_vnd=balance, received_vnd=received, used_vnd=used,
                closing_balance_vnd=closing, goods_received=row["goods_received"],
                submitted_on=row["submitted_on"], notes=row["notes"],
            )
            balance = closing


def _to_vnd(amount, rate) -> Decimal:
    return (Decimal(amount) * Decimal(rate)).quantize(Decimal("1"))


def _same(obj: models.Model, name: str, value) -> bool:
    """Whether field `name` of `obj` already holds `value` (related objects are compared by primary key)."""
    field = obj._meta.get_field(name)
    if field.is_relation and (field.many_to_one or field.one_to_one):
        return getattr(obj, field.attname) == (value.pk if value is not None else None)
    return getattr(obj, name) == value
