"""Directives, the yearly plans that implement them, their tasks and activities, and progress reporting."""

from __future__ import annotations

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.accounts.scope import ReferenceQuerySet, ScopedQuerySet
from doingoai.core.models import TimeStampedModel, WorkflowModel
from partners.models import Agency, Agreement, Country, ForeignPartner

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class Directive(TimeStampedModel):
    """A guiding document (directive, resolution, plan…) that plans implement; documents cascade down."""

    class Kind(models.TextChoices):
        DIRECTIVE = "CT", _("Directive (CT)")
        RESOLUTION = "NQ", _("Resolution (NQ)")
        CONCLUSION = "KL", _("Conclusion (KL)")
        DECISION = "QĐ", _("Decision (QĐ)")
        PLAN = "KH", _("Plan (KH)")
        PROGRAMME = "CTr", _("Programme (CTr)")
        NOTICE = "TB", _("Notice (TB)")
        GUIDANCE = "HD", _("Guidance (HD)")

    code = models.CharField(_("number and symbol"), max_length=100, help_text=_("As written, e.g. 12-CT/TW."))
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    issuer = models.CharField(_("issued by"), max_length=255)
    issued_on = models.DateField(_("issued on"))
    title = models.CharField(_("title (excerpt)"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    file = models.FileField(_("file"), upload_to="directives/%Y/", blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("implements"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="implementing_documents",
    )
    superseded_by = models.ForeignKey(
        "self", verbose_name=_("superseded by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="supersedes",
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("guiding document")
        verbose_name_plural = _("guiding documents")
        ordering = ["-issued_on", "code"]
        constraints = [
            models.UniqueConstraint(
                "code", "issuer", ExtractYear("issued_on"),
                name="directive_unique_code_per_issuer_year",
                violation_error_message=_("A document with this number already exists for this issuer and year."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")) & ~Q(superseded_by=F("pk")),
                name="directive_not_own_parent",
                violation_error_message=_("A document cannot implement or supersede itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("plans:directive_detail", args=[self.pk])


class PlanQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        # Partner users see the plans in which their agency has an activity, to put the activity in context.
        agency_id = user.scope_agency_id
        if not agency_id:
            return self.none()
        return self.filter(
            Q(tasks__activities__lead_agency_id=agency_id) | Q(tasks__activities__coordinating_agencies__id=agency_id)
        ).distinct()


class Plan(TimeStampedModel, WorkflowModel):
    """A yearly plan (or programme) of people-to-people diplomacy: tasks, activities, and its approval state."""

    class Kind(models.TextChoices):
        PLAN = "KH", _("Plan (KH)")
        PROGRAMME = "CTr", _("Programme (CTr)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        IN_PROGRESS = "in_progress", _("In progress")
        CLOSED = "closed", _("Closed")

    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED},
        Status.SUBMITTED: {Status.APPROVED, Status.DRAFT},
        Status.APPROVED: {Status.IN_PROGRESS, Status.CLOSED},
        Status.IN_PROGRESS: {Status.CLOSED},
        # A closed year is reopened only by an audited unlock, which puts it back in progress.
        Status.CLOSED: {Status.IN_PROGRESS},
    }
    # Statuses in which content is edited only through a recorded revision.
    FROZEN_STATUSES = (Status.APPROVED, Status.IN_PROGRESS, Status.CLOSED)

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices, default=Kind.PLAN)
    number = models.CharField(_("number and symbol"), max_length=100, blank=True, help_text=_("E.g. 58/KH-UBND."))
    issuing_agency = models.ForeignKey(
        Agency, verbose_name=_("issuing body"), on_delete=models.PROTECT, related_name="issued_plans"
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    signer = models.CharField(_("signer"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=500)
    legal_bases = models.ManyToManyField(
        Directive, verbose_name=_("legal bases"), blank=True, related_name="plans"
    )
    purpose = models.TextField(_("purpose and requirements"), blank=True)
    implementation = models.TextField(_("organisation of implementation"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    history = HistoricalRecords()

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "issuing_agency", "year"],
                condition=~Q(number=""),
                name="plan_unique_number_per_issuer_year",
                violation_error_message=_("A plan with this number already exists for this issuer and year."),
            ),
            models.CheckConstraint(
                condition=Q(issued_on__isnull=True)
                | Q(year__gte=ExtractYear("issued_on"), year__lte=ExtractYear("issued_on") + 1),
                name="plan_year_matches_issue_date",
                violation_error_message=_("A plan is issued in its own year or in the year before."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:plan_detail", args=[self.pk])

    @property
    def is_frozen(self) -> bool:
        return self.status in self.FROZEN_STATUSES


class TaskQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        return self.filter(pk__in=Activity.objects.for_user(user).values("task_id"))


class Task(TimeStampedModel):
    """A numbered task (nhiệm vụ) of a plan, grouping its activities."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="tasks")
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="task_unique_number_per_plan",
                violation_error_message=_("This plan already has a task with this number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        # A task has no page of its own: it is a group of rows in its plan's appendix.
        return f"{reverse('plans:plan_detail', args=[self.plan_id])}#task-{self.pk}"


class ActivityQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        agency_id = user.scope_agency_id
        if not agency_id:
            return self.none()
        coordinated = ActivityCoordination.objects.filter(agency_id=agency_id).values("activity_id")
        return self.filter(Q(lead_agency_id=agency_id) | Q(pk__in=coordinated))

    def late(self, today: datetime.date | None = None):
        """Activities marked late or still open after their due date (`Activity.late_condition`)."""
        return self.filter(Activity.late_condition(today))


class Activity(TimeStampedModel, WorkflowModel):
    """A concrete activity: one row of the plan's appendix table, led by exactly one agency."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        LATE = "late", _("Late")
        DONE = "done", _("Done")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    # Open activities move freely between the open states and on to done, postponed or cancelled.
    OPEN_STATUSES = (Status.NOT_STARTED, Status.ON_TRACK, Status.AT_RISK, Status.LATE)
    TRANSITIONS = {
        Status.NOT_STARTED: {Status.ON_TRACK, Status.AT_RISK, Status.LATE, Status.DONE, Status.POSTPONED,
                             Status.CANCELLED},
        Status.ON_TRACK: {Status.AT_RISK, Status.LATE, Status.DONE, Status.POSTPONED, Status.CANCELLED},
        Status.AT_RISK: {Status.ON_TRACK, Status.LATE, Status.DONE, Status.POSTPONED, Status.CANCELLED},
        Status.LATE: {Status.ON_TRACK, Status.AT_RISK, Status.DONE, Status.POSTPONED, Status.CANCELLED},
        Status.DONE: {Status.ON_TRACK},  # reopened when a "done" turns out not to be
        Status.POSTPONED: {Status.NOT_STARTED, Status.ON_TRACK, Status.CANCELLED},
        Status.CANCELLED: set(),
    }

    class BudgetSource(models.TextChoices):
        NONE = "", _("None")
        STATE_BUDGET = "state_budget", _("State budget")
        PARTNER = "partner", _("Partner funding")
        SOCIALISED = "socialised", _("Socialised (mobilised) funds")
        MIXED = "mixed", _("Mixed sources")

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="activities")
    number = models.PositiveSmallIntegerField(_("no."), validators=[MinValueValidator(1)])
    content = models.TextField(_("content"))
    lead_agency = models.ForeignKey(
        Agency, verbose_name=_("lead agency"), on_delete=models.PROTECT, related_name="led_activities"
    )
    coordinating_agencies = models.ManyToManyField(
        Agency, verbose_name=_("coordinating agencies"), through="ActivityCoordination", blank=True,
        related_name="coordinated_activities",
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    month = models.PositiveSmallIntegerField(
        _("month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget_amount = models.DecimalField(
        _("budget (VND)"), max_digits=18, decimal_places=0, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    budget_source = models.CharField(
        _("budget source"), max_length=16, choices=BudgetSource.choices, blank=True, default=""
    )
    expected_result = models.TextField(_("expected result / indicator"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), blank=True, related_name="activities")
    partners = models.ManyToManyField(
        ForeignPartner, verbose_name=_("partners"), blank=True, related_name="activities"
    )
    agreements = models.ManyToManyField(
        Agreement, verbose_name=_("agreements implemented"), blank=True, related_name="activities"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    source_activity = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="copies",
    )
    history = HistoricalRecords()

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["task__plan", "task__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "number"],
                name="activity_unique_number_per_task",
                violation_error_message=_("This task already has an activity with this number."),
            ),
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100),
                name="activity_progress_range",
                violation_error_message=_("Progress must be between 0 and 100%%."),
            ),
            models.CheckConstraint(
                condition=Q(quarter__isnull=True) | Q(quarter__gte=1, quarter__lte=4),
                name="activity_quarter_range",
                violation_error_message=_("The quarter must be 1, 2, 3 or 4."),
            ),
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12),
                name="activity_month_range",
                violation_error_message=_("The month must be between 1 and 12."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="activity_date_range",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(budget_amount__isnull=True) | Q(budget_amount__gte=0),
                name="activity_budget_not_negative",
                violation_error_message=_("The budget cannot be negative."),
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(progress=100),
                name="activity_done_is_complete",
                violation_error_message=_("An activity marked done must be at 100%%."),
            ),
        ]

    def __str__(self) -> str:
        return self.content if len(self.content) <= 80 else self.content[:77] + "…"

    def get_absolute_url(self) -> str:
        return reverse("plans:activity_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.month and self.quarter and (self.month - 1) // 3 + 1 != self.quarter:
            raise ValidationError({"month": _("Month %(month)s is not in quarter %(quarter)s.") % {
                "month": self.month, "quarter": self.quarter}})

    @property
    def year(self) -> int:
        return self.task.plan.year

    @property
    def due_date(self) -> datetime.date:
        """The last day the activity is due: its end date, else the end of its month, quarter or year."""
        year = self.year
        if self.end_date:
            return self.end_date
        if self.month:
            return datetime.date(year, self.month, calendar.monthrange(year, self.month)[1])
        if self.quarter:
            last_month = self.quarter * 3
            return datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])
        return datetime.date(year, 12, 31)

    @property
    def timeframe(self) -> str:
        if self.start_date and self.end_date:
            return f"{self.start_date:%d/%m/%Y} – {self.end_date:%d/%m/%Y}"
        if self.end_date:
            return _("By %(date)s") % {"date": f"{self.end_date:%d/%m/%Y}"}
        if self.start_date:
            return _("From %(date)s") % {"date": f"{self.start_date:%d/%m/%Y}"}
        if self.month:
            return _("Month %(month)s") % {"month": self.month}
        if self.quarter:
            return _("Quarter %(quarter)s") % {"quarter": self.quarter}
        return _("All year")

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.status in self.OPEN_STATUSES and (today or datetime.date.today()) > self.due_date

    @classmethod
    def late_condition(cls, today: datetime.date | None = None) -> Q:
        """Late: marked late, or `is_overdue()` — written for the database, so lists and counts can filter on it.

        The due date is the end date, else the last day of the month, the quarter or the plan's year; an open
        activity is overdue from the day after. Comparing (year, month) pairs avoids computing dates in SQL.
        """
        today = today or timezone.localdate()
        year = "task__plan__year"
        before = {f"{year}__lt": today.year}
        no_end = Q(end_date__isnull=True)
        overdue = (
            Q(end_date__lt=today)
            | (no_end & Q(month__isnull=False) & (Q(**before) | Q(**{year: today.year}, month__lt=today.month)))
            | (
                no_end & Q(month__isnull=True, quarter__isnull=False)
                & (Q(**before) | Q(**{year: today.year}, quarter__lte=(today.month - 1) // 3))
            )
            | (no_end & Q(month__isnull=True, quarter__isnull=True, **before))
        )
        return Q(status=cls.Status.LATE) | (Q(status__in=cls.OPEN_STATUSES) & overdue)


def validate_coordination(lead_agency_id: int | None, coordinating_agency_ids) -> None:
    """The lead agency of an activity is not also one of its coordinating agencies (forms and services call this)."""
    if lead_agency_id is not None and lead_agency_id in set(coordinating_agency_ids):
        raise ValidationError(
            {"coordinating_agencies": _("The lead agency cannot also be a coordinating agency.")},
            code="lead_also_coordinates",
        )


class ActivityCoordination(models.Model):
    """An agency coordinating (phối hợp) an activity led by another."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="coordinations")
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="coordinations")
    # Kept so that an activity's history and a plan's "what changed" say when an agency was added or removed.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("coordinating agency")
        verbose_name_plural = _("coordinating agencies")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "agency"],
                name="coordination_unique",
                violation_error_message=_("This agency already coordinates this activity."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.agency)

    def get_absolute_url(self) -> str:
        return reverse("plans:activity_detail", args=[self.activity_id])

    def clean(self) -> None:
        if self.activity_id and self.agency_id and self.activity.lead_agency_id == self.agency_id:
            raise ValidationError(_("The lead agency cannot also be a coordinating agency."))


class ReportingPeriod(TimeStampedModel):
    """A 6-month or annual reporting period; once locked, submissions for it are refused."""

    class Kind(models.TextChoices):
        HALF_YEAR = "half_year", _("6-month review")
        YEAR = "year", _("Annual review")

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    due_on = models.DateField(_("submissions due on"))
    is_locked = models.BooleanField(_("locked"), default=False)
    history = HistoricalRecords()

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "kind"],
                name="reporting_period_unique",
                violation_error_message=_("This reporting period already exists."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="reporting_period_range",
                violation_error_message=_("A period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    def get_absolute_url(self) -> str:
        # A period has no page of its own: its page is the list of the progress reported for it.
        return f"{reverse('plans:progressupdate_list')}?period={self.pk}"


class ProgressUpdateQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        return self.filter(activity__in=Activity.objects.for_user(user))


class ProgressUpdate(TimeStampedModel, WorkflowModel):
    """A progress report on one activity for one period. Append-only: a correction is a new update."""

    class ReviewStatus(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned")

    TRANSITIONS = {
        ReviewStatus.SUBMITTED: {ReviewStatus.ACCEPTED, ReviewStatus.RETURNED},
        ReviewStatus.ACCEPTED: set(),
        ReviewStatus.RETURNED: set(),
    }
    # Fields that may change after submission: only the review.
    REVIEW_FIELDS = {"status", "reviewed_by", "reviewed_at", "review_comment", "modified_at"}

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="progress_updates"
    )
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("reporting period"), on_delete=models.PROTECT, related_name="progress_updates"
    )
    activity_status = models.CharField(_("activity status"), max_length=16, choices=Activity.Status.choices)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    narrative = models.TextField(_("results achieved"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="progress_updates",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("reporting agency"), on_delete=models.PROTECT, related_name="progress_updates"
    )
    status = models.CharField(
        _("review status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.SUBMITTED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)
    history = HistoricalRecords()

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100),
                name="progress_update_range",
                violation_error_message=_("Progress must be between 0 and 100%%."),
            ),
            models.CheckConstraint(
                condition=~Q(activity_status="done") | Q(progress=100),
                name="progress_update_done_is_complete",
                violation_error_message=_("An activity reported done must be at 100%%."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} – {self.period} ({self.progress}%)"

    def get_absolute_url(self) -> str:
        return reverse("plans:progressupdate_detail", args=[self.pk])

    def clean(self):
        # The same rule as the `progress_update_done_is_complete` constraint, said next to the progress field.
        if self.activity_status == Activity.Status.DONE and self.progress is not None and self.progress != 100:
            raise ValidationError({"progress": _("An activity reported done must be at 100%.")})

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or not set(update_fields) <= self.REVIEW_FIELDS):
            raise ValidationError(_("A submitted progress update cannot be edited; submit a new one instead."))
        super().save(*args, **kwargs)


class PlanRevision(models.Model):
    """A recorded revision of an approved plan (or the unlock of a closed year): why, by whom, opened and closed when.

    While a revision is open the plan's tasks and activities can be edited; every edit made then is in the history
    with the revision as its reason. Opening, closing and unlocking happen only through `plans.services`.
    """

    class Kind(models.TextChoices):
        REVISION = "revision", _("Revision")
        UNLOCK = "unlock", _("Unlock of a closed year")

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.REVISION)
    reason = models.TextField(_("reason"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("closed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    summary = models.TextField(_("summary of the changes"), blank=True)

    class Meta:
        verbose_name = _("plan revision")
        verbose_name_plural = _("plan revisions")
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="plan_revision_unique_number",
                violation_error_message=_("This plan already has a revision with this number."),
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(closed_at__isnull=True),
                name="plan_revision_one_open",
                violation_error_message=_("This plan already has an open revision."),
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(closed_at__gte=F("opened_at")),
                name="plan_revision_closed_after_opened",
                violation_error_message=_("A revision cannot be closed before it was opened."),
            ),
        ]

    def __str__(self) -> str:
        return _("Revision %(number)s of %(plan)s") % {"number": self.number, "plan": self.plan}

    def get_absolute_url(self) -> str:
        return f"{reverse('plans:plan_detail', args=[self.plan_id])}#revision-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
