"""Foreign NGO aid: projects, their money (commitments, disbursements, expenditure) and periodic reports."""

from __future__ import annotations

import calendar
import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import DecimalField, ExpressionWrapper, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from doingoai.accounts.scope import ReferenceQuerySet, ScopedQuerySet
from doingoai.core.models import TimeStampedModel, WorkflowModel
from partners.models import AdministrativeUnit, Agency, ForeignPartner
from plans.models import Activity

# Amount × exchange rate, summed: wide enough for any project.
VND_SUM = DecimalField(max_digits=34, decimal_places=6)
AMOUNT_VND = ExpressionWrapper(F("amount") * F("exchange_rate_vnd"), output_field=VND_SUM)
CURRENCY_VALIDATOR = RegexValidator(r"^[A-Z]{3}$", _("A three-letter ISO currency code, e.g. USD."))
MONEY = {"max_digits": 20, "decimal_places": 2}


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved by whole months, clamped to the month's last day (31 August + 6 months = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_overdue_approval(today: datetime.date) -> datetime.date:
    """The latest approval date whose start deadline (`AidProject.start_deadline`) is before `today`.

    Adding months clamps to the month's end, so the inverse is found by stepping a few days from the estimate.
    """
    months = settings.DOINGOAI["AID_START_DEADLINE_MONTHS"]
    day = add_months(today, -months)
    while add_months(day, months) >= today:
        day -= datetime.timedelta(days=1)
    while add_months(day + datetime.timedelta(days=1), months) < today:
        day += datetime.timedelta(days=1)
    return day


class Sector(TimeStampedModel):
    """A sector aid is given for (health, education, disaster response…)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    history = HistoricalRecords()

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("aid_projects:sector_detail", args=[self.pk])


class MobilisationProgramme(TimeStampedModel):
    """A multi-year programme for mobilising foreign NGO aid, with its target."""

    title = models.CharField(_("title"), max_length=500)
    decision_number = models.CharField(_("decision number"), max_length=100, blank=True)
    start_year = models.PositiveSmallIntegerField(_("from year"))
    end_year = models.PositiveSmallIntegerField(_("to year"))
    target_usd = models.DecimalField(_("target (USD)"), null=True, blank=True, validators=[MinValueValidator(0)], **MONEY)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("aid mobilisation programme")
        verbose_name_plural = _("aid mobilisation programmes")
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="programme_years",
                violation_error_message=_("A programme cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(target_usd__isnull=True) | Q(target_usd__gte=0),
                name="programme_target_not_negative",
                violation_error_message=_("The target cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_year}–{self.end_year})"

    def get_absolute_url(self) -> str:
        return reverse("aid_projects:mobilisationprogramme_detail", args=[self.pk])


class AidProjectQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        # A focal point sees the projects their agency governs or owns.
        if user.role == user.Role.AGENCY_FOCAL:
            return self.filter(Q(governing_agency_id=user.agency_id) | Q(aid_owner_id=user.agency_id))
        return self.none()

    def start_overdue(self, today: datetime.date | None = None):
        """Approved projects not started by their start deadline: the database's `AidProject.is_start_overdue()`."""
        return self.filter(
            status=AidProject.Status.APPROVED,
            started_on__isnull=True,
            approved_on__lte=last_overdue_approval(today or timezone.localdate()),
        )

    def disbursed_in(self, year: int):
        """Projects with at least one disbursement dated in `year`."""
        disbursed = Transaction.objects.filter(kind=Transaction.Kind.DISBURSEMENT, date__year=year)
        return self.filter(pk__in=disbursed.values("project_id"))

    def with_disbursed(self):
        """Annotate `disbursed_vnd`: the project's disbursements in VND, each at its own exchange rate."""
        disbursed = (
            Transaction.objects.filter(project=OuterRef("pk"), kind=Transaction.Kind.DISBURSEMENT)
            .order_by()
            .values("project")
            .annotate(total=Sum(AMOUNT_VND))
            .values("total")
        )
        return self.annotate(disbursed_vnd=Coalesce(Subquery(disbursed, output_field=VND_SUM), Value(Decimal(0))))


class AidProject(TimeStampedModel, WorkflowModel):
    """A foreign non-governmental aid project, programme or non-project aid item, from dossier to closure."""

    class Form(models.TextChoices):
        PROGRAMME = "programme", _("Programme")
        INVESTMENT = "investment", _("Investment project")
        TECHNICAL_ASSISTANCE = "technical_assistance", _("Technical-assistance project")
        NON_PROJECT = "non_project", _("Non-project aid")
        EMERGENCY = "emergency", _("Emergency relief")

    class Delivery(models.TextChoices):
        CASH = "cash", _("Cash")
        GOODS = "goods", _("Goods")
        SERVICES = "services", _("Services / experts")
        MIXED = "mixed", _("Mixed")

    class ManagementForm(models.TextChoices):
        AFFILIATED_UNIT = "affiliated_unit", _("Affiliated unit (under US$200,000)")
        EXISTING_PMU = "existing_pmu", _("Existing project management unit")
        NEW_PMU = "new_pmu", _("New project management unit")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Dossier submitted")
        APPRAISING = "appraising", _("Appraising")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        IMPLEMENTING = "implementing", _("Implementing")
        COMPLETED = "completed", _("Completed")
        CLOSED = "closed", pgettext_lazy("aid project status", "Closed")
        REVOKED = "revoked", _("Revoked")

    TRANSITIONS = {
        Status.SUBMITTED: {Status.APPRAISING, Status.REJECTED},
        Status.APPRAISING: {Status.APPROVED, Status.REJECTED, Status.SUBMITTED},
        Status.APPROVED: {Status.IMPLEMENTING, Status.REVOKED},
        Status.REJECTED: set(),
        Status.IMPLEMENTING: {Status.COMPLETED},
        Status.COMPLETED: {Status.CLOSED},
        Status.CLOSED: set(),
        Status.REVOKED: set(),
    }

    # Projects whose money is real: approved, and not (yet) refused or revoked.
    FUNDED_STATUSES = (Status.APPROVED, Status.IMPLEMENTING, Status.COMPLETED, Status.CLOSED)

    code = models.CharField(_("code"), max_length=50, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=500)
    name_en = models.CharField(_("name (English)"), max_length=500, blank=True)
    form = models.CharField(_("form"), max_length=32, choices=Form.choices, default=Form.TECHNICAL_ASSISTANCE)
    delivery = models.CharField(_("delivery"), max_length=16, choices=Delivery.choices, default=Delivery.CASH)
    legal_basis = models.CharField(
        _("legal basis"), max_length=255, help_text=_("The regulation the aid is managed under, e.g. Decree 313/2025/NĐ-CP.")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    donor = models.ForeignKey(ForeignPartner, verbose_name=_("donor"), on_delete=models.PROTECT, related_name="aid_projects")
    governing_agency = models.ForeignKey(
        Agency, verbose_name=_("governing agency"), on_delete=models.PROTECT, related_name="governed_aid_projects"
    )
    aid_owner = models.ForeignKey(
        Agency, verbose_name=_("aid owner"), on_delete=models.PROTECT, related_name="owned_aid_projects"
    )
    management_form = models.CharField(
        _("management form"), max_length=32, choices=ManagementForm.choices, default=ManagementForm.AFFILIATED_UNIT
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), related_name="aid_projects")
    locations = models.ManyToManyField(
        AdministrativeUnit, verbose_name=_("locations"), blank=True, related_name="aid_projects"
    )
    beneficiaries = models.CharField(_("beneficiaries"), max_length=500, blank=True)
    beneficiaries_count = models.PositiveIntegerField(_("number of beneficiaries"), null=True, blank=True)
    committed_amount = models.DecimalField(_("committed value"), validators=[MinValueValidator(0)], **MONEY)
    currency = models.CharField(_("currency"), max_length=3, default="USD", validators=[CURRENCY_VALIDATOR])
    exchange_rate_vnd = models.DecimalField(
        _("exchange rate (VND per unit)"), max_digits=14, decimal_places=4, validators=[MinValueValidator(0)]
    )
    usd_rate_vnd = models.DecimalField(
        _("USD rate (VND per USD)"), max_digits=14, decimal_places=4, validators=[MinValueValidator(0)],
        help_text=_("Used to report the project in US dollars."),
    )
    counterpart_funds_vnd = models.DecimalField(
        _("counterpart funds (VND)"), max_digits=18, decimal_places=0, default=0, validators=[MinValueValidator(0)]
    )
    counterpart_source = models.CharField(_("counterpart funds source"), max_length=255, blank=True)
    start_month = models.DateField(_("start month"), null=True, blank=True)
    end_month = models.DateField(_("end month"), null=True, blank=True)
    approval_number = models.CharField(_("approval decision number"), max_length=100, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approval_signer = models.CharField(_("approved by"), max_length=200, blank=True)
    started_on = models.DateField(_("actually started on"), null=True, blank=True)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    state_budget_revenue = models.BooleanField(_("recorded as state budget revenue"), default=False)
    programme = models.ForeignKey(
        MobilisationProgramme, verbose_name=_("mobilisation programme"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="projects",
    )
    plan_activities = models.ManyToManyField(
        Activity, verbose_name=_("plan activities"), blank=True, related_name="aid_projects"
    )
    history = HistoricalRecords()

    objects = AidProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("aid project")
        verbose_name_plural = _("aid projects")
        ordering = ["-approved_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(committed_amount__gte=0) & Q(counterpart_funds_vnd__gte=0),
                name="aid_project_money_not_negative",
                violation_error_message=_("Amounts cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(exchange_rate_vnd__gt=0) & Q(usd_rate_vnd__gt=0),
                name="aid_project_rates_positive",
                violation_error_message=_("Exchange rates must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=Q(end_month__isnull=True) | Q(start_month__isnull=True) | Q(end_month__gte=F("start_month")),
                name="aid_project_month_range",
                violation_error_message=_("The end month cannot be before the start month."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "implementing", "completed", "closed", "revoked"])
                | Q(approved_on__isnull=False),
                name="aid_project_approved_has_date",
                violation_error_message=_("An approved project needs its approval date."),
            ),
            models.CheckConstraint(
                condition=~Q(status="revoked") | Q(revoked_on__isnull=False),
                name="aid_project_revoked_has_date",
                violation_error_message=_("A revoked project needs its revocation date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.name_vi}"

    def get_absolute_url(self) -> str:
        return reverse("aid_projects:aidproject_detail", args=[self.pk])

    @property
    def committed_vnd(self) -> Decimal:
        return (self.committed_amount * self.exchange_rate_vnd).quantize(Decimal("1"))

    @property
    def committed_usd(self) -> Decimal:
        return (self.committed_vnd / self.usd_rate_vnd).quantize(Decimal("0.01"))

    @property
    def disbursed_usd(self) -> Decimal:
        """Needs `with_disbursed()`: the disbursements in US dollars at the project's USD rate."""
        return (Decimal(self.disbursed_vnd) / self.usd_rate_vnd).quantize(Decimal("0.01"))

    @property
    def counts_in_totals(self) -> bool:
        """Approved projects count in the committed and disbursed totals; dossiers and refusals do not."""
        return self.status in self.FUNDED_STATUSES

    @property
    def start_deadline(self) -> datetime.date | None:
        """The day by which an approved project must start, or be revoked (Decree 313/2025)."""
        if not self.approved_on:
            return None
        return add_months(self.approved_on, settings.DOINGOAI["AID_START_DEADLINE_MONTHS"])

    def is_start_overdue(self, today: datetime.date | None = None) -> bool:
        deadline = self.start_deadline
        return (
            self.status == self.Status.APPROVED
            and self.started_on is None
            and deadline is not None
            and (today or datetime.date.today()) > deadline
        )


class AidChildQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        return self.filter(project__in=AidProject.objects.for_user(user))


class Transaction(TimeStampedModel):
    """A commitment, disbursement or expenditure of an aid project."""

    class Kind(models.TextChoices):
        COMMITMENT = "commitment", _("Commitment")
        DISBURSEMENT = "disbursement", _("Disbursement")
        EXPENDITURE = "expenditure", _("Expenditure")

    class Form(models.TextChoices):
        CASH = "cash", _("Cash")
        IN_KIND = "in_kind", _("In kind")

    project = models.ForeignKey(AidProject, verbose_name=_("aid project"), on_delete=models.CASCADE, related_name="transactions")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), validators=[MinValueValidator(0)], **MONEY)
    currency = models.CharField(_("currency"), max_length=3, default="USD", validators=[CURRENCY_VALIDATOR])
    exchange_rate_vnd = models.DecimalField(
        _("exchange rate (VND per unit)"), max_digits=14, decimal_places=4, validators=[MinValueValidator(0)]
    )
    form = models.CharField(_("cash or in kind"), max_length=16, choices=Form.choices, default=Form.CASH)
    note = models.CharField(_("note"), max_length=500, blank=True)
    history = HistoricalRecords()

    objects = AidChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")
        ordering = ["project", "date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="transaction_amount_not_negative",
                violation_error_message=_("The amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(exchange_rate_vnd__gt=0),
                name="transaction_rate_positive",
                violation_error_message=_("The exchange rate must be greater than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} {self.currency}"

    def get_absolute_url(self) -> str:
        return reverse("aid_projects:aidproject_detail", args=[self.project_id])

    @property
    def amount_vnd(self) -> Decimal:
        return (self.amount * self.exchange_rate_vnd).quantize(Decimal("1"))


class AidReport(TimeStampedModel):
    """A periodic report of the aid owner on one project (Circular 23/2022/TT-BTC): balances in VND."""

    class Period(models.TextChoices):
        MONTH = "month", _("Monthly")
        HALF_YEAR = "half_year", _("6-monthly")
        YEAR = "year", _("Yearly")

    project = models.ForeignKey(AidProject, verbose_name=_("aid project"), on_delete=models.CASCADE, related_name="reports")
    period = models.CharField(_("period"), max_length=16, choices=Period.choices)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    opening_balance_vnd = models.DecimalField(_("opening balance (VND)"), max_digits=18, decimal_places=0)
    received_vnd = models.DecimalField(
        _("received (VND)"), max_digits=18, decimal_places=0, validators=[MinValueValidator(0)]
    )
    used_vnd = models.DecimalField(_("used (VND)"), max_digits=18, decimal_places=0, validators=[MinValueValidator(0)])
    closing_balance_vnd = models.DecimalField(_("closing balance (VND)"), max_digits=18, decimal_places=0)
    goods_received = models.TextField(_("goods received"), blank=True)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    objects = AidChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("aid report")
        verbose_name_plural = _("aid reports")
        ordering = ["project", "-period_end"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="aid_report_period_range",
                violation_error_message=_("A period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(received_vnd__gte=0) & Q(used_vnd__gte=0),
                name="aid_report_flows_not_negative",
                violation_error_message=_("Received and used amounts cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(closing_balance_vnd=F("opening_balance_vnd") + F("received_vnd") - F("used_vnd")),
                name="aid_report_balances_add_up",
                violation_error_message=_("Closing balance must equal opening balance + received − used."),
            ),
            models.UniqueConstraint(
                fields=["project", "period", "period_start"],
                name="aid_report_unique_period",
                violation_error_message=_("This project already has a report for this period."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} {self.period_start:%m/%Y}–{self.period_end:%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("aid_projects:aidproject_detail", args=[self.project_id])
