"""Documents about partners: the partner dossier / delegation briefing, the union's consolidated report of its
associations, and the greeting letter for an occasion."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.db.models import DecimalField, ExpressionWrapper, F, Prefetch, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aid_projects.models import AidProject, Transaction
from delegations.models import Delegation, DelegationMember, ProgrammeItem
from doingoai.pdf import Letterhead, Signature, decree30_date
from partners.models import (
    Agreement,
    AssociationOfficer,
    AssociationReport,
    Contact,
    ForeignPartner,
    FriendshipAssociation,
    Greeting,
    NGORegistration,
    Occasion,
    OccasionDate,
)

from .base import (
    Document,
    DocumentForm,
    PeriodForm,
    config,
    host_letterhead,
    host_signature,
    parse_date,
    period_phrase,
    recipients_from,
    split_signer,
)


def staff_only(user) -> bool:
    return user.is_authenticated and user.is_active and user.sees_everything


# --- Partner dossier / delegation briefing ------------------------------------------------------------------


class PartnerDossierForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Foreign partner"), queryset=ForeignPartner.objects.none())
    delegation = forms.ModelChoiceField(
        label=_("Visit to brief for"), queryset=Delegation.objects.none(), required=False,
        help_text=_("Optional: adds the visit's programme, members and gifts."),
    )
    issued_on = DocumentForm.base_fields["issued_on"]

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class PartnerDossierDocument(Document):
    kind = "partner_dossier"
    label = _("Partner dossier / delegation briefing")
    description = _(
        "Everything about a partner on a few pages: profile, visits, agreements and commitments, aid, contacts in "
        "precedence order, and the programme of a coming visit."
    )
    template_name = "pdf/partner_dossier.html"
    form_class = PartnerDossierForm
    record_fields = {"partner": ForeignPartner, "delegation": Delegation}

    def available_to(self, user) -> bool:
        return staff_only(user)

    def title(self, cleaned_data: dict) -> str:
        if cleaned_data.get("delegation"):
            return gettext("Briefing: %(delegation)s") % {"delegation": cleaned_data["delegation"]}
        return gettext("Partner dossier: %(partner)s") % {"partner": cleaned_data["partner"]}

    def file_stem(self, parameters: dict) -> str:
        return "tai-lieu-doan" if parameters.get("delegation") else "ho-so-doi-tac"

    def gather(self, parameters: dict, user) -> dict:
        partner = ForeignPartner.objects.for_user(user).select_related("country", "parent").get(
            pk=parameters["partner"])
        registrations = list(NGORegistration.objects.for_user(user).filter(partner=partner))
        contacts = list(Contact.objects.for_user(user).filter(partner=partner, is_active=True)
                        .order_by("protocol_rank", "name_latin"))
        visits = list(Delegation.objects.for_user(user).filter(partners=partner).select_related("host_agency")
                      .prefetch_related("countries").order_by("-start_date"))
        agreements = list(Agreement.objects.for_user(user).filter(foreign_parties=partner)
                          .select_related("vn_signatory").order_by("-signed_on", "title"))
        money = DecimalField(max_digits=30, decimal_places=4)
        aid = list(
            AidProject.objects.for_user(user).filter(donor=partner)
            .annotate(total_disbursed_vnd=Coalesce(Sum(
                ExpressionWrapper(F("transactions__amount") * F("transactions__exchange_rate_vnd"),
                                  output_field=money),
                filter=Q(transactions__kind=Transaction.Kind.DISBURSEMENT)), Value(Decimal(0)), output_field=money))
            .order_by("-approved_on", "code")
        )
        for project in aid:
            project.total_disbursed_vnd = Decimal(project.total_disbursed_vnd).quantize(Decimal(1))
        commitments = [visit for visit in visits if visit.commitments.strip()]
        visit = None
        if parameters.get("delegation"):
            visit = (
                Delegation.objects.for_user(user).select_related("host_agency")
                .prefetch_related(
                    "countries",
                    Prefetch("members", queryset=DelegationMember.objects.select_related("nationality")
                             .order_by("precedence")),
                    Prefetch("programme", queryset=ProgrammeItem.objects.order_by("starts_at")),
                    "gifts",
                )
                .get(pk=parameters["delegation"])
            )
        subject = (f"Phục vụ đón tiếp {visit.title}" if visit and visit.direction == Delegation.Direction.INBOUND
                   else f"Phục vụ {visit.title}" if visit else f"Về {partner.name_vi}")
        doc = host_letterhead(
            "TL", kind_title="Tài liệu" if visit else "Hồ sơ đối tác", subject=subject, show_number=False,
            date=parse_date(parameters.get("issued_on")) or timezone.localdate(),
            signature=Signature(title="", name=""),
        )
        return {
            "doc": doc,
            "partner": partner,
            "registrations": registrations,
            "contacts": contacts,
            "visits": visits,
            "agreements": agreements,
            "aid": aid,
            "aid_committed_vnd": sum((project.committed_vnd for project in aid), Decimal(0)),
            "aid_disbursed_vnd": sum((project.total_disbursed_vnd for project in aid), Decimal(0)),
            "commitments": commitments,
            "visit": visit,
        }


# --- The union's consolidated report of its associations ---------------------------------------------------


# The six work areas of a friendship association's report, in the order reports give them.
WORK_AREAS = (
    ("peace_friendship", "Hoạt động vì hòa bình, đoàn kết, hữu nghị"),
    ("ngo_work", "Công tác phi chính phủ nước ngoài"),
    ("external_information", "Công tác thông tin đối ngoại"),
    ("overseas_vietnamese", "Công tác người Việt Nam ở nước ngoài"),
    ("organisation_building", "Công tác xây dựng tổ chức"),
    ("coordination_emulation", "Công tác phối hợp, thi đua, khen thưởng"),
)
FIGURES = ("chapters_count", "members_count", "new_members_count", "aid_items_count", "aid_mobilised_vnd",
           "aid_disbursed_vnd", "delegations_sent", "delegations_received")


class AssociationsReportDocument(Document):
    kind = "associations"
    label = _("Consolidated association report")
    description = _(
        "The friendship union's report for a period, compiled from its associations' accepted reports on the six "
        "work areas, with their figures."
    )
    template_name = "pdf/associations.html"
    form_class = PeriodForm

    def available_to(self, user) -> bool:
        return staff_only(user)

    def title(self, cleaned_data: dict) -> str:
        return gettext("Consolidated association report, %(period)s") % {
            "period": period_phrase(cleaned_data["year"], cleaned_data["period"])}

    def file_stem(self, parameters: dict) -> str:
        return "bao-cao-tong-hop-cac-hoi"

    def gather(self, parameters: dict, user) -> dict:
        year, period = int(parameters["year"]), parameters["period"]
        union = (FriendshipAssociation.objects.for_user(user).filter(kind=FriendshipAssociation.Kind.UNION)
                 .select_related("agency__parent").order_by("pk").first())
        associations = list(FriendshipAssociation.objects.for_user(user).order_by("kind", "name"))
        reports = list(
            AssociationReport.objects.for_user(user)
            .filter(year=year, period=period, status=AssociationReport.Status.ACCEPTED)
            .select_related("association").order_by("association__kind", "association__name")
        )
        reported = {report.association_id for report in reports}
        missing = [association for association in associations if association.pk not in reported]
        totals = {name: sum((getattr(report, name) for report in reports), 0) for name in FIGURES}
        areas = []
        for number, (field, heading) in enumerate(WORK_AREAS, start=1):
            entries = [(report.association.name, text) for report in reports
                       if (text := getattr(report, field).strip())]
            areas.append({"number": number, "heading": heading, "entries": entries, "field": field})
        president = None
        if union:
            president = (AssociationOfficer.objects.for_user(user)
                         .filter(association=union, role=AssociationOfficer.Role.PRESIDENT)
                         .filter(Q(to_date__isnull=True) | Q(to_date__gte=timezone.localdate()))
                         .order_by(F("from_date").desc(nulls_last=True), "-pk").first())
        symbol = config("UNION_SYMBOL", "LHHN")
        if union:
            issuer_name = union.name
            parent = union.agency.parent.name if union.agency.parent_id else ""
        else:
            issuer_name, parent = f"Liên hiệp các tổ chức hữu nghị tỉnh {config('PROVINCE_NAME')}", ""
        doc = Letterhead(
            parent_body=parent, issuing_body=issuer_name, kind_title="Báo cáo",
            subject=f"Kết quả hoạt động của các tổ chức hữu nghị {period_phrase(year, period)}",
            number=parameters.get("number") or "", symbol=f"BC-{symbol}",
            date=parse_date(parameters.get("issued_on")) or timezone.localdate(),
            signature=Signature(
                title=config("UNION_SIGNER_TITLE", "Chủ tịch"), name=president.name if president else "",
                authority=tuple(config("UNION_SIGNER_AUTHORITY", ("TM. Ban Thường vụ",))),
            ),
            recipients=recipients_from(parameters.get("recipients"), (
                "- Liên hiệp các tổ chức hữu nghị Việt Nam;",
                f"- UBND tỉnh {config('PROVINCE_NAME')};",
                f"- {config('HOST_BODY')};",
                "- Các hội thành viên;",
                f"- Lưu: VT, {symbol}.",
            )),
        )
        return {
            "doc": doc,
            "period_text": period_phrase(year, period),
            "union": union,
            "reports": reports,
            "missing": missing,
            "totals": totals,
            "areas": areas,
        }


# --- Greeting letter ----------------------------------------------------------------------------------------


class GreetingForm(forms.Form):
    greeting = forms.ModelChoiceField(label=_("Greeting"), queryset=Greeting.objects.none())
    issued_on = forms.DateField(
        label=_("Date on the letter"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for the day it was sent, or today."),
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


def occurrence(occasion: Occasion, year: int, dates: list[OccasionDate]) -> datetime.date | None:
    """The occasion's date in `year`: fixed day, the per-year date, or None (lunar dates are not computed here)."""
    if occasion.date_rule == Occasion.DateRule.PER_YEAR:
        return next((row.date for row in dates if row.year == year), None)
    if occasion.date_rule == Occasion.DateRule.FIXED and occasion.month and occasion.day:
        try:
            return datetime.date(year, occasion.month, occasion.day)
        except ValueError:  # 29 February in a common year
            return datetime.date(year, occasion.month, 28)
    return None


def occasion_phrase(occasion: Occasion, year: int, day: datetime.date | None, *, with_dates: bool = True) -> str:
    """"kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào (05/9/1962 – 05/9/2022)".

    N is `Occasion.anniversary(year)`; without a base year (new years) the phrase is "Tết Bunpimay năm 2026".
    """
    title = occasion.title.strip()
    number = occasion.anniversary(year)
    if number is None:
        return title if str(year) in title else f"{title} năm {year}"
    if title.lower().startswith("kỷ niệm "):
        title = title[len("kỷ niệm "):]
    phrase = f"kỷ niệm {number} năm {title}"
    if with_dates and day and occasion.date_rule == Occasion.DateRule.FIXED:
        try:
            origin = datetime.date(occasion.base_year, day.month, day.day)
        except ValueError:
            origin = None
        if origin:
            phrase += f" ({decree30_date(origin)} – {decree30_date(day)})"
    return phrase


class GreetingLetterDocument(Document):
    kind = "greeting"
    label = _("Greeting letter")
    description = _("The letter of congratulations (thư chúc mừng) for an occasion, with the anniversary worded.")
    template_name = "pdf/greeting.html"
    form_class = GreetingForm
    record_fields = {"greeting": Greeting}

    def available_to(self, user) -> bool:
        return staff_only(user)

    def title(self, cleaned_data: dict) -> str:
        return gettext("Greeting letter: %(greeting)s") % {"greeting": cleaned_data["greeting"]}

    def file_stem(self, parameters: dict) -> str:
        return "thu-chuc-mung"

    def gather(self, parameters: dict, user) -> dict:
        greeting = (
            Greeting.objects.for_user(user)
            .select_related("occasion__country", "occasion__partner", "recipient_contact")
            .prefetch_related("occasion__dates")
            .get(pk=parameters["greeting"])
        )
        occasion = greeting.occasion
        day = occurrence(occasion, greeting.year, list(occasion.dates.all()))
        name, title = split_signer(greeting.signer)
        province = config("PROVINCE_NAME")
        # A letter signed for the People's Committee is issued by it; otherwise by the host body.
        signs_for_committee = "ubnd" in title.lower() or "ủy ban nhân dân" in title.lower()
        letter_date = parse_date(parameters.get("issued_on")) or greeting.sent_on or timezone.localdate()
        common = {
            "kind_title": "Thư chúc mừng",
            "subject": f"Nhân dịp {occasion_phrase(occasion, greeting.year, day, with_dates=False)}",
            "number": greeting.document_number,
            "date": letter_date,
        }
        if signs_for_committee:
            doc = Letterhead(
                issuing_body=f"Ủy ban nhân dân tỉnh {province}", symbol="UBND-ĐN",
                signature=Signature(title=title, name=name), **common,
            )
        else:
            doc = host_letterhead("", signature=Signature(title=title, name=name) if title else host_signature(name),
                                  **common)
            doc.symbol = config("HOST_BODY_SYMBOL")
        doc.recipients = ("- Như trên;", "- Lưu: VT.")
        partner_name = occasion.partner.name_vi if occasion.partner_id else (
            occasion.country.name_vi if occasion.country_id else "")
        return {
            "doc": doc,
            "greeting": greeting,
            "occasion": occasion,
            "anniversary": occasion.anniversary(greeting.year),
            "phrase": occasion_phrase(occasion, greeting.year, day),
            "paragraphs": [line.strip() for line in greeting.body.splitlines() if line.strip()],
            "province": province,
            "partner_name": partner_name,
            "signs_for_committee": signs_for_committee,
        }
