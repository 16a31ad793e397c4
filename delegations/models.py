"""Inbound and outbound delegations: who, where, when, approval, programme, gifts and the trip report."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import BooleanField, Case, DurationField, ExpressionWrapper, F, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from doingoai.accounts.scope import ScopedQuerySet
from doingoai.core.models import TimeStampedModel, WorkflowModel
from partners.models import Agency, Agreement, Country, ForeignPartner
from plans.models import Activity


class DelegationQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        # A focal point sees the delegations their agency hosts or sends.
        if user.role == user.Role.AGENCY_FOCAL:
            return self.filter(host_agency_id=user.agency_id)
        return self.none()

    def with_report_late(self, today: datetime.date | None = None):
        """Annotate `report_is_late`: the database's version of `Delegation.is_report_late()`."""
        allowed = datetime.timedelta(days=settings.DOINGOAI["DELEGATION_REPORT_DAYS"])
        today = today or timezone.localdate()
        late = Q(status__in=Delegation.REPORT_OWED_STATUSES) & (
            Q(report_received_on__isnull=True, end_date__lt=today - allowed)
            | Q(report_received_on__isnull=False, report_delay__gt=allowed)
        )
        return self.alias(
            report_delay=ExpressionWrapper(F("report_received_on") - F("end_date"), output_field=DurationField())
        ).annotate(
            report_is_late=Case(When(late, then=Value(True)), default=Value(False), output_field=BooleanField())
        )


class Delegation(TimeStampedModel, WorkflowModel):
    """A delegation going abroad (đoàn ra) or received in the province (đoàn vào)."""

    class Direction(models.TextChoices):
        OUTBOUND = "outbound", _("Outbound")
        INBOUND = "inbound", _("Inbound")

    class Channel(models.TextChoices):
        PARTY = "party", _("Party")
        STATE = "state", _("State")
        PEOPLE = "people", _("People-to-people")

    class Level(models.TextChoices):
        HIGH = "high", _("High-level")
        PROVINCIAL = "provincial", _("Provincial")
        DEPARTMENTAL = "departmental", _("Departmental")
        ASSOCIATION = "association", _("Friendship union / association")
        ENTERPRISE = "enterprise", _("Enterprise")
        NGO = "ngo", _("NGO")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        DOSSIER_SUBMITTED = "dossier_submitted", _("Dossier submitted")
        APPROVED = "approved", _("Approved")
        UNDER_WAY = "under_way", _("Under way")
        RETURNED = "returned", pgettext_lazy("delegation status", "Returned")
        REPORTED = "reported", _("Reported")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS = {
        Status.PROPOSED: {Status.DOSSIER_SUBMITTED, Status.CANCELLED},
        Status.DOSSIER_SUBMITTED: {Status.APPROVED, Status.PROPOSED, Status.CANCELLED},
        Status.APPROVED: {Status.UNDER_WAY, Status.CANCELLED},
        Status.UNDER_WAY: {Status.RETURNED},
        Status.RETURNED: {Status.REPORTED},
        Status.REPORTED: set(),
        Status.CANCELLED: set(),
    }

    # A trip report is owed once the trip was approved: not for proposals that never went, nor cancelled ones.
    REPORT_OWED_STATUSES = (Status.APPROVED, Status.UNDER_WAY, Status.RETURNED, Status.REPORTED)

    class FundingSource(models.TextChoices):
        STATE_BUDGET = "state_budget", _("State budget")
        PARTNER = "partner", _("Partner / host")
        SOCIALISED = "socialised", _("Socialised funds")
        MIXED = "mixed", _("Mixed sources")

    title = models.CharField(_("title"), max_length=500)
    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices, default=Channel.PEOPLE)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.PROVINCIAL)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), related_name="delegations")
    cities = models.CharField(_("cities / localities"), max_length=500, blank=True)
    partners = models.ManyToManyField(
        ForeignPartner, verbose_name=_("partners"), blank=True, related_name="delegations"
    )
    purpose = models.TextField(_("purpose"), blank=True)
    head_name = models.CharField(_("head of delegation"), max_length=200)
    head_title = models.CharField(_("title of the head"), max_length=255, blank=True)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    host_agency = models.ForeignKey(
        Agency, verbose_name=_("hosting / sending agency"), on_delete=models.PROTECT, related_name="delegations"
    )
    in_annual_plan = models.BooleanField(_("in the annual delegation plan"), default=True)
    dossier_submitted_on = models.DateField(_("dossier submitted on"), null=True, blank=True)
    has_invitation = models.BooleanField(_("invitation received (with translation)"), default=False)
    party_opinion_required = models.BooleanField(_("Party opinion required"), default=False)
    approval_number = models.CharField(_("approval decision number"), max_length=100, blank=True)
    approval_date = models.DateField(_("approval date"), null=True, blank=True)
    approval_signer = models.CharField(_("approved by"), max_length=200, blank=True)
    funding_source = models.CharField(
        _("funding source"), max_length=16, choices=FundingSource.choices, default=FundingSource.STATE_BUDGET
    )
    estimated_cost_vnd = models.DecimalField(
        _("estimated cost (VND)"), max_digits=18, decimal_places=0, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    actual_cost_vnd = models.DecimalField(
        _("actual cost (VND)"), max_digits=18, decimal_places=0, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    outcomes = models.TextField(_("outcomes"), blank=True)
    commitments = models.TextField(_("commitments and follow-up"), blank=True)
    report_received_on = models.DateField(_("trip report received on"), null=True, blank=True)
    report_number = models.CharField(_("trip report number"), max_length=100, blank=True)
    report_file = models.FileField(_("trip report"), upload_to="delegations/reports/%Y/", blank=True)
    plan_activity = models.ForeignKey(
        Activity, verbose_name=_("plan activity"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="delegations",
    )
    agreements = models.ManyToManyField(
        Agreement, verbose_name=_("agreements signed or concerned"), blank=True, related_name="delegations"
    )
    history = HistoricalRecords()

    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="delegation_date_range",
                violation_error_message=_("The return date cannot be before the departure date."),
            ),
            models.CheckConstraint(
                condition=(Q(estimated_cost_vnd__isnull=True) | Q(estimated_cost_vnd__gte=0))
                & (Q(actual_cost_vnd__isnull=True) | Q(actual_cost_vnd__gte=0)),
                name="delegation_costs_not_negative",
                violation_error_message=_("Costs cannot be negative."),
            ),
            models.CheckConstraint(
                condition=~Q(status="reported") | Q(report_received_on__isnull=False),
                name="delegation_reported_has_report_date",
                violation_error_message=_("A reported delegation needs the date its trip report was received."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("delegations:delegation_detail", args=[self.pk])

    @property
    def report_due_on(self) -> datetime.date:
        return self.end_date + datetime.timedelta(days=settings.DOINGOAI["DELEGATION_REPORT_DAYS"])

    def is_report_late(self, today: datetime.date | None = None) -> bool:
        if self.status not in self.REPORT_OWED_STATUSES:
            return False
        if self.report_received_on:
            return self.report_received_on > self.report_due_on
        return (today or timezone.localdate()) > self.report_due_on


class DelegationChildQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        return self.filter(delegation__in=Delegation.objects.for_user(user))


class DelegationMember(TimeStampedModel):
    """A member of a delegation, in protocol precedence order."""

    delegation = models.ForeignKey(
        Delegation, verbose_name=_("delegation"), on_delete=models.CASCADE, related_name="members"
    )
    precedence = models.PositiveSmallIntegerField(_("precedence"), validators=[MinValueValidator(1)])
    name_native = models.CharField(_("name (native script)"), max_length=200, blank=True)
    name_latin = models.CharField(_("name (Latin script)"), max_length=200)
    title = models.CharField(_("title / position"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    nationality = models.ForeignKey(
        Country, verbose_name=_("nationality"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text=_("Leave empty for Vietnamese members."),
    )
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=255, blank=True)
    is_head = models.BooleanField(_("head of delegation"), default=False)
    history = HistoricalRecords()

    objects = DelegationChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["delegation", "precedence"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "precedence"],
                name="delegation_member_unique_precedence",
                violation_error_message=_("Two members cannot have the same precedence."),
            ),
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(is_head=True),
                name="delegation_one_head",
                violation_error_message=_("A delegation has only one head."),
            ),
        ]

    def __str__(self) -> str:
        return self.name_latin

    def get_absolute_url(self) -> str:
        return reverse("delegations:delegation_detail", args=[self.delegation_id])


class ProgrammeItem(TimeStampedModel):
    """One slot of a delegation's working programme."""

    delegation = models.ForeignKey(
        Delegation, verbose_name=_("delegation"), on_delete=models.CASCADE, related_name="programme"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    activity = models.CharField(_("activity"), max_length=500)
    responsible_officer = models.CharField(_("officer in charge"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = DelegationChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["delegation", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="programme_item_time_range",
                violation_error_message=_("A programme item cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.activity

    def get_absolute_url(self) -> str:
        return reverse("delegations:delegation_detail", args=[self.delegation_id])


class Gift(TimeStampedModel):
    """A gift given or received by a delegation."""

    class Direction(models.TextChoices):
        GIVEN = "given", _("Given")
        RECEIVED = "received", _("Received")

    delegation = models.ForeignKey(Delegation, verbose_name=_("delegation"), on_delete=models.CASCADE, related_name="gifts")
    direction = models.CharField(_("given or received"), max_length=16, choices=Direction.choices)
    description = models.CharField(_("description"), max_length=500)
    counterpart = models.CharField(_("to / from"), max_length=255, blank=True)
    quantity = models.PositiveSmallIntegerField(_("quantity"), default=1, validators=[MinValueValidator(1)])
    value_vnd = models.DecimalField(
        _("value (VND)"), max_digits=18, decimal_places=0, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    history = HistoricalRecords()

    objects = DelegationChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ["delegation", "direction", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value_vnd__isnull=True) | Q(value_vnd__gte=0),
                name="gift_value_not_negative",
                violation_error_message=_("A gift's value cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.description

    def get_absolute_url(self) -> str:
        return reverse("delegations:delegation_detail", args=[self.delegation_id])
