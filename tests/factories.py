"""factory_boy factories for every model; each builds a valid record with the fewest required relations."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

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
from plans.models import Activity, ActivityCoordination, Directive, Plan, ProgressUpdate, ReportingPeriod, Task

PASSWORD = "test-password-123"


class CountryFactory(DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(65 + (n // 26) % 26)}{chr(65 + n % 26)}")
    name_vi = factory.Sequence(lambda n: f"Quốc gia {n}")
    name_en = factory.Sequence(lambda n: f"Country {n}")
    relations_established_on = datetime.date(1973, 4, 12)
    national_day_day = 14
    national_day_month = 7
    national_day_origin_year = 1789


class AdministrativeUnitFactory(DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit

    name = factory.Sequence(lambda n: f"Xã {n}")
    level = AdministrativeUnit.Level.COMMUNE


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Sở thử nghiệm {n}")
    code = factory.Sequence(lambda n: f"agency-{n}")
    kind = Agency.Kind.DEPARTMENT


class ForeignPartnerFactory(DjangoModelFactory):
    class Meta:
        model = ForeignPartner

    kind = ForeignPartner.Kind.NGO
    country = factory.SubFactory(CountryFactory)
    name_vi = factory.Sequence(lambda n: f"Tổ chức đối tác {n}")
    name_native = factory.Sequence(lambda n: f"Partner Organisation {n}")


class NGORegistrationFactory(DjangoModelFactory):
    class Meta:
        model = NGORegistration

    partner = factory.SubFactory(ForeignPartnerFactory)
    kind = NGORegistration.Kind.OPERATION_PERMIT
    number = factory.Sequence(lambda n: f"{n}/GĐK")
    issued_on = datetime.date(2024, 1, 1)
    expires_on = datetime.date(2026, 12, 31)


class ContactFactory(DjangoModelFactory):
    class Meta:
        model = Contact

    partner = factory.SubFactory(ForeignPartnerFactory)
    name_latin = factory.Sequence(lambda n: f"Contact Person {n}")
    title = "Director"


class AgreementFactory(DjangoModelFactory):
    class Meta:
        skip_postgeneration_save = True
        model = Agreement

    title = factory.Sequence(lambda n: f"Bản ghi nhớ hợp tác {n}")
    vn_signatory = factory.SubFactory(AgencyFactory)
    status = Agreement.Status.IN_FORCE
    signed_on = datetime.date(2022, 8, 27)
    effective_from = datetime.date(2022, 8, 27)
    expires_on = datetime.date(2025, 12, 31)

    @factory.post_generation
    def foreign_parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.foreign_parties.set(extracted)


class FriendshipAssociationFactory(DjangoModelFactory):
    class Meta:
        model = FriendshipAssociation

    agency = factory.SubFactory(AgencyFactory, kind=Agency.Kind.ASSOCIATION)
    name = factory.Sequence(lambda n: f"Hội hữu nghị Việt Nam – Nước {n}")
    partner_country = factory.SubFactory(CountryFactory)
    founded_on = datetime.date(1999, 8, 20)
    member_count = 120


class AssociationTermFactory(DjangoModelFactory):
    class Meta:
        model = AssociationTerm

    association = factory.SubFactory(FriendshipAssociationFactory)
    number = factory.Sequence(lambda n: n + 1)
    start_year = 2022
    end_year = 2027
    executive_committee_size = 24


class AssociationOfficerFactory(DjangoModelFactory):
    class Meta:
        model = AssociationOfficer

    association = factory.SubFactory(FriendshipAssociationFactory)
    name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    role = AssociationOfficer.Role.PRESIDENT


class AssociationChapterFactory(DjangoModelFactory):
    class Meta:
        model = AssociationChapter

    association = factory.SubFactory(FriendshipAssociationFactory)
    name = factory.Sequence(lambda n: f"Chi hội {n}")
    member_count = 30


class AssociationReportFactory(DjangoModelFactory):
    class Meta:
        model = AssociationReport

    association = factory.SubFactory(FriendshipAssociationFactory)
    year = 2026
    period = AssociationReport.Period.HALF_YEAR
    peace_friendship = "Tổ chức gặp mặt hữu nghị."


class OccasionFactory(DjangoModelFactory):
    class Meta:
        model = Occasion

    kind = Occasion.Kind.NATIONAL_DAY
    title = factory.Sequence(lambda n: f"Quốc khánh nước {n}")
    month = 7
    day = 14
    base_year = 1789
    country = factory.SubFactory(CountryFactory)


class OccasionDateFactory(DjangoModelFactory):
    class Meta:
        model = OccasionDate

    occasion = factory.SubFactory(OccasionFactory, date_rule=Occasion.DateRule.PER_YEAR, month=None, day=None)
    year = 2026
    date = datetime.date(2026, 4, 14)


class GreetingFactory(DjangoModelFactory):
    class Meta:
        model = Greeting

    occasion = factory.SubFactory(OccasionFactory)
    year = 2026
    recipient = "Đại sứ quán"


class DirectiveFactory(DjangoModelFactory):
    class Meta:
        model = Directive

    code = factory.Sequence(lambda n: f"{n}-CT/TW")
    kind = Directive.Kind.DIRECTIVE
    issuer = "Ban Bí thư"
    issued_on = datetime.date(2022, 1, 5)
    title = "Về công tác đối ngoại nhân dân trong tình hình mới"


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    year = 2026
    number = factory.Sequence(lambda n: f"{n}/KH-UBND")
    issuing_agency = factory.SubFactory(AgencyFactory, kind=Agency.Kind.PEOPLES_COMMITTEE)
    title = factory.LazyAttribute(lambda plan: f"Kế hoạch công tác đối ngoại nhân dân năm {plan.year}")


class TaskFactory(DjangoModelFactory):
    class Meta:
        model = Task

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Nhiệm vụ {n}")


class ActivityFactory(DjangoModelFactory):
    class Meta:
        skip_postgeneration_save = True
        model = Activity

    task = factory.SubFactory(TaskFactory)
    number = factory.Sequence(lambda n: n + 1)
    content = factory.Sequence(lambda n: f"Hoạt động đối ngoại số {n}")
    lead_agency = factory.SubFactory(AgencyFactory)
    quarter = 2

    @factory.post_generation
    def coordinating_agencies(self, create, extracted, **kwargs):
        if create and extracted:
            for agency in extracted:
                ActivityCoordination.objects.create(activity=self, agency=agency)


class ReportingPeriodFactory(DjangoModelFactory):
    class Meta:
        model = ReportingPeriod
        django_get_or_create = ("year", "kind")

    year = 2026
    kind = ReportingPeriod.Kind.HALF_YEAR
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2026, 6, 30)
    due_on = datetime.date(2026, 7, 15)


class ProgressUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    activity = factory.SubFactory(ActivityFactory)
    period = factory.SubFactory(ReportingPeriodFactory)
    activity_status = Activity.Status.ON_TRACK
    progress = 50
    narrative = "Đã tổ chức hội nghị triển khai."
    agency = factory.LazyAttribute(lambda update: update.activity.lead_agency)


class DelegationFactory(DjangoModelFactory):
    class Meta:
        skip_postgeneration_save = True
        model = Delegation

    title = factory.Sequence(lambda n: f"Đoàn công tác số {n}")
    direction = Delegation.Direction.OUTBOUND
    head_name = "Nguyễn Văn A"
    head_title = "Phó Chủ tịch UBND tỉnh"
    start_date = datetime.date(2026, 3, 10)
    end_date = datetime.date(2026, 3, 14)
    host_agency = factory.SubFactory(AgencyFactory)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)


class DelegationMemberFactory(DjangoModelFactory):
    class Meta:
        model = DelegationMember

    delegation = factory.SubFactory(DelegationFactory)
    precedence = factory.Sequence(lambda n: n + 1)
    name_latin = factory.Sequence(lambda n: f"Member {n}")


class ProgrammeItemFactory(DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    delegation = factory.SubFactory(DelegationFactory)
    starts_at = factory.LazyFunction(
        lambda: datetime.datetime(2026, 3, 11, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    )
    activity = "Làm việc với Sở Ngoại vụ"


class GiftFactory(DjangoModelFactory):
    class Meta:
        model = Gift

    delegation = factory.SubFactory(DelegationFactory)
    direction = Gift.Direction.GIVEN
    description = "Tranh sơn mài"


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"sector-{n}")
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")


class MobilisationProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = MobilisationProgramme

    title = "Chương trình vận động viện trợ PCPNN"
    start_year = 2023
    end_year = 2027


class AidProjectFactory(DjangoModelFactory):
    class Meta:
        model = AidProject

    code = factory.Sequence(lambda n: f"DA-{n:04d}")
    name_vi = factory.Sequence(lambda n: f"Dự án viện trợ số {n}")
    legal_basis = "Nghị định 313/2025/NĐ-CP"
    donor = factory.SubFactory(ForeignPartnerFactory)
    governing_agency = factory.SubFactory(AgencyFactory)
    aid_owner = factory.SubFactory(AgencyFactory)
    committed_amount = Decimal("100000")
    currency = "USD"
    exchange_rate_vnd = Decimal("25000")
    usd_rate_vnd = Decimal("25000")


class TransactionFactory(DjangoModelFactory):
    class Meta:
        model = Transaction

    project = factory.SubFactory(AidProjectFactory)
    kind = Transaction.Kind.DISBURSEMENT
    date = datetime.date(2026, 2, 1)
    amount = Decimal("20000")
    exchange_rate_vnd = Decimal("25000")


class AidReportFactory(DjangoModelFactory):
    class Meta:
        model = AidReport

    project = factory.SubFactory(AidProjectFactory)
    period = AidReport.Period.HALF_YEAR
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 6, 30)
    opening_balance_vnd = Decimal("0")
    received_vnd = Decimal("500000000")
    used_vnd = Decimal("200000000")
    closing_balance_vnd = Decimal("300000000")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    role = User.Role.STAFF
    password = factory.django.Password(PASSWORD)
