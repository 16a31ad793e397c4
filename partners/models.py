"""Countries, domestic agencies, foreign partners, agreements, friendship associations, occasions and greetings."""

from __future__ import annotations

import calendar
import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Least, NullIf, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.accounts.scope import ReferenceQuerySet, ScopedQuerySet
from doingoai.core.models import TimeStampedModel, WorkflowModel


def months_before(day: datetime.date, months: int) -> datetime.date:
    """`day` moved back by whole months, clamped to the month's last day (31 March − 1 month = 28/29 February)."""
    month_index = day.month - 1 - months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def dormancy_cutoff(today: datetime.date | None = None) -> datetime.date:
    """A partner whose last contact is before this day is dormant (settings.DOINGOAI["DORMANT_AFTER_MONTHS"])."""
    return months_before(today or timezone.localdate(), settings.DOINGOAI["DORMANT_AFTER_MONTHS"])


# Greatest() is NULL on SQLite as soon as one argument is; a date older than any record stands in for "none".
_NO_DATE = datetime.date(1, 1, 1)


class Country(TimeStampedModel):
    """A foreign country, with the dates that drive greetings: diplomatic relations and national day."""

    class PartnershipLevel(models.TextChoices):
        NONE = "", _("None")
        COMPREHENSIVE_STRATEGIC = "comprehensive_strategic", _("Comprehensive strategic partnership")
        STRATEGIC = "strategic", _("Strategic partnership")
        COMPREHENSIVE = "comprehensive", _("Comprehensive partnership")
        SPECIAL = "special", _("Special relationship")

    code = models.CharField(
        _("ISO code"), max_length=2, unique=True, validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters."))]
    )
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    relations_established_on = models.DateField(_("diplomatic relations established"), null=True, blank=True)
    national_day_day = models.PositiveSmallIntegerField(
        _("national day: day"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    national_day_month = models.PositiveSmallIntegerField(
        _("national day: month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    national_day_origin_year = models.PositiveSmallIntegerField(_("national day: origin year"), null=True, blank=True)
    national_day_name = models.CharField(_("national day name"), max_length=200, blank=True)
    partnership_level = models.CharField(
        _("partnership level"), max_length=32, choices=PartnershipLevel.choices, blank=True, default=""
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_vi"]
        constraints = [
            models.CheckConstraint(
                condition=Q(national_day_day__isnull=True, national_day_month__isnull=True)
                | Q(national_day_day__isnull=False, national_day_month__isnull=False),
                name="country_national_day_complete",
                violation_error_message=_("Give both the day and the month of the national day, or neither."),
            ),
        ]

    def __str__(self) -> str:
        return self.name_vi

    def get_absolute_url(self) -> str:
        return reverse("partners:country_detail", args=[self.pk])

    @property
    def national_day(self) -> str:
        if not self.national_day_day:
            return ""
        text = f"{self.national_day_day:02d}/{self.national_day_month:02d}"
        return f"{text}/{self.national_day_origin_year}" if self.national_day_origin_year else text


class AdministrativeUnit(TimeStampedModel):
    """A province, district or commune, with the dates it existed: boundaries change (no districts since 2025)."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District")
        COMMUNE = "commune", _("Commune / ward")

    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["level", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="admin_unit_valid_range",
                violation_error_message=_("The end of validity cannot be before its start."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:administrativeunit_detail", args=[self.pk])


class AgencyQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        return self.filter(pk=user.scope_agency_id) if user.scope_agency_id else self.none()


class Agency(TimeStampedModel):
    """A domestic body that leads or coordinates activities, hosts delegations or owns aid projects."""

    class Kind(models.TextChoices):
        PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
        DEPARTMENT = "department", _("Department")
        PARTY_BODY = "party_body", _("Party body")
        FATHERLAND_FRONT = "fatherland_front", _("Fatherland Front and mass organisations")
        FRIENDSHIP_UNION = "friendship_union", _("Friendship union")
        ASSOCIATION = "association", _("Friendship association")
        COMMUNE = "commune", _("Commune / ward committee")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    code = models.SlugField(_("code"), max_length=50, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent agency"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:agency_detail", args=[self.pk])


class ForeignPartnerQuerySet(ScopedQuerySet):
    def with_last_contact(self, today: datetime.date | None = None):
        """Annotate `last_contact_on`: the one definition of the last contact the province had with a partner.

        A contact is the latest of: the last day of an approved delegation that has started and names the partner
        (to or from it), the signing of an agreement the partner is party to, a greeting sent for one of its
        occasions or to one of its contacts, and a plan activity under way or done that involves the partner (its
        end date, else its start date). Dates in the future do not count. Also annotate `contact_reference_on`:
        the last contact, else the start of the relationship, else the day the partner was recorded; a partner is
        dormant when that day is before `dormancy_cutoff()`. Other apps' models are reached through the reverse
        relations, so that `partners` imports none of the apps that depend on it.
        """
        today = today or timezone.localdate()
        delegation = ForeignPartner._meta.get_field("delegations").related_model
        activity = ForeignPartner._meta.get_field("activities").related_model
        delegations = (
            delegation._base_manager.filter(
                partners=OuterRef("pk"), status__in=delegation.REPORT_OWED_STATUSES, start_date__lte=today
            )
            .annotate(contact_day=Least("end_date", Value(today)))
            .order_by("-contact_day")
            .values("contact_day")[:1]
        )
        agreements = (
            Agreement._base_manager.filter(foreign_parties=OuterRef("pk"), signed_on__lte=today)
            .order_by("-signed_on")
            .values("signed_on")[:1]
        )
        greetings = (
            Greeting._base_manager.filter(
                Q(occasion__partner=OuterRef("pk")) | Q(recipient_contact__partner=OuterRef("pk")),
                status=Greeting.Status.SENT,
                sent_on__lte=today,
            )
            .order_by("-sent_on")
            .values("sent_on")[:1]
        )
        activities = (
            activity._base_manager.filter(
                partners=OuterRef("pk"),
                status__in=[status for status in (*activity.OPEN_STATUSES, activity.Status.DONE)
                            if status != activity.Status.NOT_STARTED],
            )
            .annotate(contact_day=Coalesce("end_date", "start_date"))
            .filter(contact_day__lte=today)
            .order_by("-contact_day")
            .values("contact_day")[:1]
        )
        no_date = Value(_NO_DATE)
        latest = NullIf(
            Greatest(
                *(
                    Coalesce(Subquery(rows, output_field=models.DateField()), no_date)
                    for rows in (delegations, agreements, greetings, activities)
                )
            ),
            no_date,
        )
        return self.annotate(last_contact_on=latest).annotate(
            contact_reference_on=Coalesce(
                "last_contact_on", "relationship_since", TruncDate("created_at"), output_field=models.DateField()
            )
        )

    def dormant(self, today: datetime.date | None = None):
        """Partners with no contact since `dormancy_cutoff()`."""
        return self.with_last_contact(today).filter(contact_reference_on__lt=dormancy_cutoff(today))


class ForeignPartner(TimeStampedModel):
    """A foreign counterpart: twinned province, embassy, organisation, NGO, overseas-Vietnamese association…"""

    class Kind(models.TextChoices):
        FOREIGN_LOCALITY = "foreign_locality", _("Foreign province / city")
        CENTRAL_GOVERNMENT = "central_government", _("Central government body")
        EMBASSY = "embassy", _("Embassy")
        CONSULATE = "consulate", _("Consulate general")
        INTERNATIONAL_ORGANISATION = "international_organisation", _("International organisation")
        NGO = "ngo", _("Foreign NGO")
        FOUNDATION = "foundation", _("Foundation")
        ENTERPRISE = "enterprise", _("Enterprise")
        UNIVERSITY = "university", _("University")
        OVERSEAS_VIETNAMESE = "overseas_vietnamese", _("Overseas Vietnamese association")
        INDIVIDUAL = "individual", _("Individual")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DORMANT = "dormant", _("Dormant")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="partners", null=True, blank=True
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("parent organisation"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_native = models.CharField(_("name (own language / Latin script)"), max_length=255, blank=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=50, blank=True)
    is_twinned = models.BooleanField(_("twinned province"), default=False)
    relationship_since = models.DateField(_("relationship since"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    fields = models.CharField(_("fields of cooperation"), max_length=500, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    objects = ForeignPartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("foreign partner")
        verbose_name_plural = _("foreign partners")
        ordering = ["name_vi"]
        constraints = [
            models.UniqueConstraint(
                fields=["name_vi", "country"],
                name="partner_unique_name_per_country",
                violation_error_message=_("A partner with this name already exists in this country."),
            ),
        ]

    def __str__(self) -> str:
        return self.name_vi

    def get_absolute_url(self) -> str:
        return reverse("partners:foreignpartner_detail", args=[self.pk])

    def is_dormant(self, today: datetime.date | None = None) -> bool:
        """No contact since `dormancy_cutoff()`; needs the annotations of `with_last_contact()`."""
        return self.contact_reference_on < dormancy_cutoff(today)


class NGORegistration(TimeStampedModel):
    """The registration that lets a foreign NGO work in the province: permit, project office or representative office."""

    class Kind(models.TextChoices):
        OPERATION_PERMIT = "operation_permit", _("Operation permit (≤ 3 years)")
        PROJECT_OFFICE = "project_office", _("Project office")
        REPRESENTATIVE_OFFICE = "representative_office", _("Representative office (≤ 5 years)")

    partner = models.ForeignKey(
        ForeignPartner, verbose_name=_("foreign NGO"), on_delete=models.CASCADE, related_name="registrations"
    )
    kind = models.CharField(_("registration type"), max_length=32, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=100)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    provinces = models.CharField(_("provinces of operation"), max_length=500, blank=True)
    fields = models.CharField(_("fields of operation"), max_length=500, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("NGO registration")
        verbose_name_plural = _("NGO registrations")
        ordering = ["-issued_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gte=F("issued_on")),
                name="ngo_registration_dates",
                violation_error_message=_("The expiry date cannot be before the issue date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("partners:foreignpartner_detail", args=[self.partner_id])


class Contact(TimeStampedModel):
    """A person at a foreign partner, with the details protocol needs."""

    partner = models.ForeignKey(
        ForeignPartner, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="contacts"
    )
    name_native = models.CharField(_("name (native script)"), max_length=200, blank=True)
    name_latin = models.CharField(_("name (Latin script)"), max_length=200)
    honorific = models.CharField(_("honorific"), max_length=50, blank=True)
    title = models.CharField(_("title / position"), max_length=255, blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    protocol_rank = models.PositiveSmallIntegerField(
        _("protocol rank"), default=100, help_text=_("1 is the most senior.")
    )
    is_active = models.BooleanField(_("still in post"), default=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["protocol_rank", "name_latin"]

    def __str__(self) -> str:
        return " ".join(part for part in (self.honorific, self.name_latin) if part)

    def get_absolute_url(self) -> str:
        return reverse("partners:contact_detail", args=[self.pk])


class AgreementQuerySet(ScopedQuerySet):
    def active(self):
        """Agreements that bind the province (`Agreement.is_active`)."""
        return self.filter(status__in=Agreement.ACTIVE_STATUSES)

    def expiring_soon(self, today: datetime.date | None = None):
        """The database's `Agreement.is_expiring_soon()`: active, ending within `expiring_within_days()` or past."""
        horizon = (today or timezone.localdate()) + datetime.timedelta(days=expiring_within_days())
        return self.active().filter(expires_on__lte=horizon)

    def post_signing_report_late(self, today: datetime.date | None = None):
        """The database's `Agreement.is_post_signing_report_late()`: the report was sent after, or is missing past,
        the day it was due."""
        allowed = datetime.timedelta(days=settings.DOINGOAI["AGREEMENT_REPORT_DAYS"])
        today = today or timezone.localdate()
        delay = ExpressionWrapper(F("post_signing_report_sent_on") - F("signed_on"), output_field=DurationField())
        return self.alias(report_delay=delay).filter(
            Q(post_signing_report_sent_on__isnull=True, signed_on__lt=today - allowed)
            | Q(post_signing_report_sent_on__isnull=False, signed_on__isnull=False, report_delay__gt=allowed)
        )


class Agreement(TimeStampedModel, WorkflowModel):
    """An international agreement of the province (Law 70/2020/QH14), from draft to its end."""

    class Kind(models.TextChoices):
        MOU = "mou", _("Memorandum of understanding")
        AGREEMENT = "agreement", _("Agreement")
        PROGRAMME = "programme", _("Cooperation programme")
        MINUTES = "minutes", _("Minutes")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTING = "consulting", _("Consulting the Ministry")
        APPROVED_TO_SIGN = "approved_to_sign", _("Approved to sign")
        IN_FORCE = "in_force", _("Signed / in force")
        EXPIRING = "expiring", _("Expiring")
        RENEWED = "renewed", _("Renewed")
        AMENDED = "amended", _("Amended")
        TERMINATED = "terminated", _("Terminated")

    TRANSITIONS = {
        Status.DRAFT: {Status.CONSULTING, Status.TERMINATED},
        Status.CONSULTING: {Status.APPROVED_TO_SIGN, Status.DRAFT, Status.TERMINATED},
        Status.APPROVED_TO_SIGN: {Status.IN_FORCE, Status.TERMINATED},
        Status.IN_FORCE: {Status.EXPIRING, Status.AMENDED, Status.RENEWED, Status.TERMINATED},
        Status.EXPIRING: {Status.RENEWED, Status.AMENDED, Status.TERMINATED},
        Status.AMENDED: {Status.IN_FORCE, Status.EXPIRING, Status.TERMINATED},
        Status.RENEWED: set(),
        Status.TERMINATED: set(),
    }
    # States in which the agreement binds the province.
    ACTIVE_STATUSES = (Status.IN_FORCE, Status.EXPIRING, Status.AMENDED)

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.MOU)
    number = models.CharField(_("number"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=500)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    vn_signatory = models.ForeignKey(
        Agency, verbose_name=_("Vietnamese signatory body"), on_delete=models.PROTECT, related_name="agreements"
    )
    vn_signer = models.CharField(_("Vietnamese signer"), max_length=200, blank=True)
    foreign_parties = models.ManyToManyField(
        ForeignPartner, verbose_name=_("foreign parties"), related_name="agreements"
    )
    foreign_signer = models.CharField(_("foreign signer"), max_length=200, blank=True)
    fields = models.CharField(_("fields"), max_length=500, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_place = models.CharField(_("signed at"), max_length=200, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    ministry_opinion_requested_on = models.DateField(_("Ministry opinion requested on"), null=True, blank=True)
    ministry_opinion_received_on = models.DateField(_("Ministry opinion received on"), null=True, blank=True)
    post_signing_report_sent_on = models.DateField(_("post-signing report sent on"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    file = models.FileField(_("signed text"), upload_to="agreements/%Y/", blank=True)
    history = HistoricalRecords()

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("international agreement")
        verbose_name_plural = _("international agreements")
        ordering = ["-signed_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(effective_from__isnull=True)
                | Q(expires_on__gte=F("effective_from")),
                name="agreement_validity_range",
                violation_error_message=_("The expiry date cannot be before the effective date."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "consulting", "approved_to_sign", "terminated"])
                | Q(signed_on__isnull=False),
                name="agreement_signed_has_date",
                violation_error_message=_("A signed agreement needs its signing date."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partners:agreement_detail", args=[self.pk])

    @property
    def post_signing_report_due_on(self) -> datetime.date | None:
        if not self.signed_on:
            return None
        return self.signed_on + datetime.timedelta(days=settings.DOINGOAI["AGREEMENT_REPORT_DAYS"])

    def is_post_signing_report_late(self, today: datetime.date | None = None) -> bool:
        due = self.post_signing_report_due_on
        if due is None:
            return False
        sent = self.post_signing_report_sent_on
        return sent > due if sent else (today or datetime.date.today()) > due

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    def is_expiring_soon(self, today: datetime.date | None = None) -> bool:
        """In force and ending within `expiring_within_days()` (or already past its expiry date)."""
        if not self.is_active or self.expires_on is None:
            return False
        today = today or timezone.localdate()
        return self.expires_on <= today + datetime.timedelta(days=expiring_within_days())


def expiring_within_days() -> int:
    """How many days before its expiry an agreement in force is flagged (DOINGOAI["AGREEMENT_EXPIRING_DAYS"])."""
    return settings.DOINGOAI.get("AGREEMENT_EXPIRING_DAYS", 180)


class FriendshipAssociationQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        if user.role == user.Role.ASSOCIATION_REP:
            return self.filter(pk=user.association_id)
        return self.none()

    def missing_report(self, year: int, period: str):
        """Member associations whose report for `period` of `year` has not been handed in (submitted or accepted)."""
        received = AssociationReport.objects.filter(
            association=OuterRef("pk"), year=year, period=period, status__in=AssociationReport.RECEIVED_STATUSES
        )
        return self.filter(~Exists(received), kind=FriendshipAssociation.Kind.ASSOCIATION)


class FriendshipAssociation(TimeStampedModel):
    """The provincial friendship union or one of its member associations (Hội hữu nghị Việt Nam – X)."""

    class Kind(models.TextChoices):
        UNION = "union", _("Friendship union")
        ASSOCIATION = "association", _("Friendship association")

    agency = models.OneToOneField(
        Agency,
        verbose_name=_("as an agency"),
        on_delete=models.PROTECT,
        related_name="association",
        help_text=_("The association leads and coordinates plan activities as this agency."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.ASSOCIATION)
    union = models.ForeignKey(
        "self", verbose_name=_("member of union"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="member_associations", limit_choices_to={"kind": "union"},
    )
    name = models.CharField(_("name"), max_length=255, unique=True)
    partner_country = models.ForeignKey(
        Country, verbose_name=_("partner country"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="associations",
    )
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    founding_decision_number = models.CharField(_("founding decision number"), max_length=100, blank=True)
    founding_decision_issuer = models.CharField(_("founding decision issued by"), max_length=255, blank=True)
    member_count = models.PositiveIntegerField(_("members"), default=0)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    history = HistoricalRecords()

    objects = FriendshipAssociationQuerySet.as_manager()

    class Meta:
        verbose_name = _("friendship association")
        verbose_name_plural = _("friendship associations")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="association") | Q(union__isnull=True),
                name="union_is_not_member_of_union",
                violation_error_message=_("A friendship union cannot be a member of another union."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:friendshipassociation_detail", args=[self.pk])


class AssociationChildQuerySet(ScopedQuerySet):
    """Records that belong to one association: an association representative sees those of their own."""

    def for_partner_user(self, user):
        if user.role == user.Role.ASSOCIATION_REP:
            return self.filter(association_id=user.association_id)
        return self.none()


class AssociationTerm(TimeStampedModel):
    """A congress term (khóa) of an association: the congress date and the executive committee it elected."""

    association = models.ForeignKey(
        FriendshipAssociation, verbose_name=_("association"), on_delete=models.CASCADE, related_name="terms"
    )
    number = models.PositiveSmallIntegerField(_("term number"), validators=[MinValueValidator(1)])
    start_year = models.PositiveSmallIntegerField(_("from year"))
    end_year = models.PositiveSmallIntegerField(_("to year"))
    congress_on = models.DateField(_("congress date"), null=True, blank=True)
    executive_committee_size = models.PositiveSmallIntegerField(_("executive committee members"), default=0)
    history = HistoricalRecords()

    objects = AssociationChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("congress term")
        verbose_name_plural = _("congress terms")
        ordering = ["association", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "number"],
                name="association_term_unique_number",
                violation_error_message=_("This association already has a term with this number."),
            ),
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="association_term_years",
                violation_error_message=_("A term cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return _("Term %(number)s (%(start)s–%(end)s)") % {
            "number": self.number, "start": self.start_year, "end": self.end_year
        }

    def get_absolute_url(self) -> str:
        return reverse("partners:friendshipassociation_detail", args=[self.association_id])


class AssociationOfficer(TimeStampedModel):
    """A person holding an office in an association, with the dates they held it."""

    class Role(models.TextChoices):
        PRESIDENT = "president", _("President")
        STANDING_VICE_PRESIDENT = "standing_vice_president", _("Standing vice-president")
        VICE_PRESIDENT = "vice_president", _("Vice-president")
        STANDING_COMMITTEE = "standing_committee", _("Standing committee member")
        EXECUTIVE_COMMITTEE = "executive_committee", _("Executive committee member")
        SECRETARY_GENERAL = "secretary_general", _("Secretary general")

    association = models.ForeignKey(
        FriendshipAssociation, verbose_name=_("association"), on_delete=models.CASCADE, related_name="officers"
    )
    term = models.ForeignKey(
        AssociationTerm, verbose_name=_("term"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="officers",
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("office"), max_length=32, choices=Role.choices)
    position = models.CharField(_("position at work"), max_length=255, blank=True)
    from_date = models.DateField(_("from"), null=True, blank=True)
    to_date = models.DateField(_("until"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    history = HistoricalRecords()

    objects = AssociationChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("association officer")
        verbose_name_plural = _("association officers")
        ordering = ["association", "role", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_date__isnull=True) | Q(from_date__isnull=True) | Q(to_date__gte=F("from_date")),
                name="association_officer_dates",
                violation_error_message=_("An office cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    def get_absolute_url(self) -> str:
        return reverse("partners:friendshipassociation_detail", args=[self.association_id])


class AssociationChapter(TimeStampedModel):
    """A chapter (chi hội) of an association, with its member count."""

    association = models.ForeignKey(
        FriendshipAssociation, verbose_name=_("association"), on_delete=models.CASCADE, related_name="chapters"
    )
    name = models.CharField(_("name"), max_length=255)
    locality = models.CharField(_("locality"), max_length=255, blank=True)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    member_count = models.PositiveIntegerField(_("members"), default=0)
    history = HistoricalRecords()

    objects = AssociationChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["association", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "name"],
                name="association_chapter_unique_name",
                violation_error_message=_("This association already has a chapter with this name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:friendshipassociation_detail", args=[self.association_id])


class AssociationReport(TimeStampedModel, WorkflowModel):
    """A 6-monthly or yearly report an association submits on its six work areas."""

    class Period(models.TextChoices):
        HALF_YEAR = "half_year", _("6-month review")
        YEAR = "year", _("Annual review")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        ACCEPTED = "accepted", _("Accepted")

    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED},
        Status.SUBMITTED: {Status.ACCEPTED, Status.RETURNED},
        Status.RETURNED: {Status.SUBMITTED},
        Status.ACCEPTED: set(),
    }
    # A report is handed in once submitted; a returned one is owed again.
    RECEIVED_STATUSES = (Status.SUBMITTED, Status.ACCEPTED)

    association = models.ForeignKey(
        FriendshipAssociation, verbose_name=_("association"), on_delete=models.PROTECT, related_name="reports"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    period = models.CharField(_("period"), max_length=16, choices=Period.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    # The six work areas of a friendship association.
    peace_friendship = models.TextField(_("peace, solidarity and friendship activities"), blank=True)
    ngo_work = models.TextField(_("foreign NGO work"), blank=True)
    aid_items_count = models.PositiveIntegerField(_("aid items"), default=0)
    aid_mobilised_vnd = models.DecimalField(_("aid value mobilised (VND)"), max_digits=18, decimal_places=0, default=0)
    aid_disbursed_vnd = models.DecimalField(_("aid value disbursed (VND)"), max_digits=18, decimal_places=0, default=0)
    external_information = models.TextField(_("external information"), blank=True)
    overseas_vietnamese = models.TextField(_("overseas Vietnamese work"), blank=True)
    organisation_building = models.TextField(_("organisation building"), blank=True)
    chapters_count = models.PositiveIntegerField(_("chapters at period end"), default=0)
    members_count = models.PositiveIntegerField(_("members at period end"), default=0)
    new_members_count = models.PositiveIntegerField(_("new members"), default=0)
    coordination_emulation = models.TextField(_("coordination and emulation"), blank=True)
    delegations_sent = models.PositiveIntegerField(_("delegations sent"), default=0)
    delegations_received = models.PositiveIntegerField(_("delegations received"), default=0)
    delegations_notes = models.TextField(_("delegations: details"), blank=True)
    difficulties = models.TextField(_("difficulties"), blank=True)
    next_plans = models.TextField(_("plans for the next period"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)
    history = HistoricalRecords()

    objects = AssociationChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("association report")
        verbose_name_plural = _("association reports")
        ordering = ["-year", "period", "association"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year", "period"],
                name="association_report_unique_period",
                violation_error_message=_("This association already has a report for this period."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.association} – {self.get_period_display()} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("partners:associationreport_detail", args=[self.pk])


class OccasionQuerySet(ScopedQuerySet):
    def upcoming(self, days: int, today: datetime.date | None = None):
        """Active occasions falling on one of the next `days` days, today included (`Occasion.next_occurrence`).

        Fixed occasions match by day and month (29 February falls on the 28th in common years), per-year ones by the
        dates entered for each year; lunar ones are converted by the occasion engine (`partners.occasions`), one
        query for all of them.
        """
        today = today or timezone.localdate()
        end = today + datetime.timedelta(days=days)
        fixed = Q()
        first = today
        while first <= end:
            last_day = calendar.monthrange(first.year, first.month)[1]
            last = min(end, first.replace(day=last_day))
            through = 29 if (first.month, last.day, last_day) == (2, 28, 28) else last.day
            fixed |= Q(month=first.month, day__gte=first.day, day__lte=through)
            first = last + datetime.timedelta(days=1)
        dated = OccasionDate.objects.filter(occasion=OuterRef("pk"), date__lte=end).filter(
            Q(date__gte=today) | Q(end_date__gte=today)
        )
        from .occasions import occurrences  # the engine imports this module

        lunar = [
            occasion.pk
            for occasion in self.filter(is_active=True, date_rule=Occasion.DateRule.LUNAR).prefetch_related("dates")
            if occurrences(occasion, today, end)
        ]
        return self.filter(is_active=True).filter(
            (Q(date_rule=Occasion.DateRule.FIXED) & fixed)
            | (Q(date_rule=Occasion.DateRule.PER_YEAR) & Exists(dated))
            | Q(pk__in=lunar)
        )


class Occasion(TimeStampedModel):
    """A recurring date on which the province greets a partner: national day, anniversary, new year…"""

    class Kind(models.TextChoices):
        NATIONAL_DAY = "national_day", _("National day")
        RELATIONS = "relations", _("Anniversary of diplomatic relations")
        TWINNING = "twinning", _("Twinning anniversary")
        AGREEMENT = "agreement", _("Agreement anniversary")
        FOUNDING = "founding", _("Founding day")
        TRADITIONAL = "traditional", _("Traditional day")
        NEW_YEAR = "new_year", _("New year")
        OTHER = "other", _("Other")

    class DateRule(models.TextChoices):
        FIXED = "fixed", _("Same day every year")
        LUNAR = "lunar", _("Vietnamese lunar calendar")
        PER_YEAR = "per_year", _("Set each year")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    date_rule = models.CharField(_("date rule"), max_length=16, choices=DateRule.choices, default=DateRule.FIXED)
    month = models.PositiveSmallIntegerField(
        _("month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    day = models.PositiveSmallIntegerField(
        _("day"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    base_year = models.PositiveSmallIntegerField(
        _("base year"), null=True, blank=True, help_text=_("The year the anniversary counts from.")
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.CASCADE, related_name="occasions"
    )
    partner = models.ForeignKey(
        ForeignPartner, verbose_name=_("partner"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="occasions",
    )
    association = models.ForeignKey(
        FriendshipAssociation, verbose_name=_("association"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="occasions",
    )
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="occasions",
    )
    is_active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("notes"), blank=True)
    # Set on occasions that `partners.occasions.sync_derived_occasions` derives from other records (a country's
    # national day, an agreement's signing…), e.g. "country:12:national_day"; NULL on occasions entered by hand.
    derived_from = models.CharField(
        _("derived from"), max_length=64, null=True, blank=True, unique=True, editable=False
    )
    history = HistoricalRecords()

    objects = OccasionQuerySet.as_manager()

    class Meta:
        verbose_name = _("occasion")
        verbose_name_plural = _("occasions")
        ordering = ["month", "day", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_rule="per_year") | Q(month__isnull=False, day__isnull=False),
                name="occasion_has_day_and_month",
                violation_error_message=_("A fixed or lunar occasion needs a day and a month."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partners:occasion_detail", args=[self.pk])

    def next_occurrence(self, today: datetime.date | None = None) -> datetime.date | None:
        """The day the occasion next falls on (today or later; one under way gives its first day), as the occasion
        engine computes it (`partners.occasions.next_occurrence`); None for an inactive one or without a date."""
        from .occasions import next_occurrence  # the engine imports this module

        found = next_occurrence(self, today or timezone.localdate())
        return found.date if found else None

    def anniversary(self, year: int) -> int | None:
        """The N of the N-th anniversary in `year` (year − base year), or None without a base year."""
        if self.base_year is None or year <= self.base_year:
            return None
        return year - self.base_year


class OccasionDate(TimeStampedModel):
    """The date of a per-year occasion (Bunpimay, Chol Chnam Thmey) in one given year."""

    occasion = models.ForeignKey(Occasion, verbose_name=_("occasion"), on_delete=models.CASCADE, related_name="dates")
    year = models.PositiveSmallIntegerField(_("year"))
    date = models.DateField(_("date"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("occasion date")
        verbose_name_plural = _("occasion dates")
        ordering = ["occasion", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["occasion", "year"],
                name="occasion_date_unique_year",
                violation_error_message=_("This occasion already has a date for this year."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")),
                name="occasion_date_range",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occasion} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("partners:occasion_detail", args=[self.occasion_id])


class Greeting(TimeStampedModel, WorkflowModel):
    """A letter, telegram, flowers or visit for one occasion in one year: drafted, approved by a leader, sent."""

    class Form(models.TextChoices):
        LETTER = "letter", _("Letter")
        TELEGRAM = "telegram", _("Telegram")
        FLOWERS = "flowers", _("Flower basket")
        VISIT = "visit", _("Visit")
        MEETING = "meeting", _("Meeting")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        SENT = "sent", _("Sent")

    TRANSITIONS = {
        Status.DRAFT: {Status.APPROVED},
        Status.APPROVED: {Status.SENT, Status.DRAFT},
        Status.SENT: set(),
    }

    occasion = models.ForeignKey(Occasion, verbose_name=_("occasion"), on_delete=models.PROTECT, related_name="greetings")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    form = models.CharField(_("form"), max_length=16, choices=Form.choices, default=Form.LETTER)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    signer = models.CharField(_("signer"), max_length=200, blank=True)
    recipient = models.CharField(_("recipient"), max_length=255)
    recipient_contact = models.ForeignKey(
        Contact, verbose_name=_("recipient contact"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="greetings",
    )
    body = models.TextField(_("text"), blank=True)
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("officer in charge"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="assigned_greetings",
    )
    file = models.FileField(_("file"), upload_to="greetings/%Y/", blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("greeting")
        verbose_name_plural = _("greetings")
        ordering = ["-year", "occasion"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_on__isnull=False),
                name="greeting_sent_has_date",
                violation_error_message=_("A sent greeting needs the date it was sent."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occasion} {self.year} – {self.get_form_display()}"

    def get_absolute_url(self) -> str:
        return reverse("partners:greeting_detail", args=[self.pk])
