"""Drafting greetings: for every occasion coming up, the letter (and, in round years, the visit or flowers) to prepare.

`draft_greetings()` is idempotent: it creates what is missing for each (occasion, year, form) and never touches a
greeting that exists, whatever its status. Texts are Vietnamese (they are the letter itself, not the interface) and
come from `GREETING_TEXTS` below, which an installation may replace with settings.DOINGOAI["GREETING_TEXTS"]; forms
and signers by tier come from settings.DOINGOAI["GREETING_FORMS"] and ["GREETING_SIGNERS"].
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from .models import Contact, ForeignPartner, Greeting, Occasion
from .occasions import Occurrence, Tier, occurrences_between

# {n}: anniversary number, {title}: occasion title, {recipient}, {province}, {host_body}, {year}.
GREETING_TEXTS = {
    "anniversary": (
        "Nhân dịp kỷ niệm {n} năm {title}, thay mặt lãnh đạo và nhân dân tỉnh {province}, {host_body} trân trọng "
        "gửi tới {recipient} lời chúc mừng nhiệt liệt nhất. Chúc tình hữu nghị và hợp tác tốt đẹp giữa hai bên ngày "
        "càng phát triển."
    ),
    "plain": (
        "Nhân dịp {title} năm {year}, thay mặt lãnh đạo và nhân dân tỉnh {province}, {host_body} trân trọng gửi tới "
        "{recipient} lời chúc mừng tốt đẹp nhất, chúc sức khỏe, hạnh phúc và thành công."
    ),
}
DEFAULT_FORMS = {Tier.ROUND: ["letter", "visit"], Tier.FIFTH: ["letter", "flowers"], Tier.OTHER: ["letter"], None: ["letter"]}
DEFAULT_SIGNERS = {Tier.ROUND: "Chủ tịch UBND tỉnh", Tier.FIFTH: "Chủ tịch UBND tỉnh", Tier.OTHER: "Giám đốc Sở Ngoại vụ",
                   None: "Giám đốc Sở Ngoại vụ"}
# Occasions greeted by default: those of partners and associations (not, say, an "other" internal date).
DEFAULT_KINDS = ["national_day", "relations", "twinning", "agreement", "founding", "new_year", "traditional"]
GENERIC_RECIPIENT = "Các đối tác nước ngoài của tỉnh"


def _config(name: str, default):
    return settings.DOINGOAI.get(name) or default


def draft_days() -> int:
    """How far ahead greetings are drafted (settings.DOINGOAI["GREETING_DRAFT_DAYS"], default 30)."""
    return int(settings.DOINGOAI.get("GREETING_DRAFT_DAYS", 30))


def forms_for(occurrence: Occurrence) -> list[str]:
    forms = _config("GREETING_FORMS", DEFAULT_FORMS)
    key = occurrence.tier
    return list(forms.get(key, forms.get(str(key), ["letter"])))


def signer_for(occurrence: Occurrence) -> str:
    signers = _config("GREETING_SIGNERS", DEFAULT_SIGNERS)
    key = occurrence.tier
    return signers.get(key, signers.get(str(key), ""))


def body_for(occurrence: Occurrence, recipient: str) -> str:
    """The drafted text: it names the recipient and, when there is one, the N-th anniversary."""
    texts = _config("GREETING_TEXTS", GREETING_TEXTS)
    template = texts["anniversary"] if occurrence.number else texts["plain"]
    return template.format(
        n=occurrence.number or "", title=_lower_first(occurrence.occasion.title), recipient=recipient,
        province=settings.DOINGOAI["PROVINCE_NAME"], host_body=settings.DOINGOAI["HOST_BODY"], year=occurrence.year,
    )


def _lower_first(text: str) -> str:
    # "Quốc khánh …" reads "kỷ niệm 50 năm Quốc khánh …" — keep proper names; lower only a leading common word.
    common = ("Ngày ", "Kỷ niệm ")
    for word in common:
        if text.startswith(word):
            return word.lower() + text[len(word):]
    return text


class _Recipients:
    """Who a greeting goes to, found from data loaded once: the partner's senior contact, else a country's mission."""

    MISSION_KINDS = (ForeignPartner.Kind.CONSULATE, ForeignPartner.Kind.EMBASSY)

    def __init__(self) -> None:
        contacts = Contact.objects.filter(is_active=True).order_by("protocol_rank", "pk")
        self.partners = {
            partner.pk: partner
            for partner in ForeignPartner.objects.filter(status=ForeignPartner.Status.ACTIVE).prefetch_related(
                Prefetch("contacts", queryset=contacts)
            )
        }
        self.missions: dict[int, ForeignPartner] = {}
        # A consulate general in the region before the embassy in Hà Nội: it is the one the province deals with.
        for partner in sorted(self.partners.values(), key=lambda p: (self.MISSION_KINDS.index(p.kind)
                                                                      if p.kind in self.MISSION_KINDS else 9, p.pk)):
            if partner.kind in self.MISSION_KINDS and partner.country_id:
                self.missions.setdefault(partner.country_id, partner)

    def for_occasion(self, occasion: Occasion) -> tuple[str, Contact | None]:
        partner = self.partners.get(occasion.partner_id) if occasion.partner_id else None
        if partner is None and occasion.country_id and not occasion.association_id:
            partner = self.missions.get(occasion.country_id)
        if partner is not None:
            contacts = list(partner.contacts.all())
            return partner.name_vi, contacts[0] if contacts else None
        if occasion.association_id:
            return occasion.association.name, None
        if occasion.country_id:
            return f"Đại sứ quán {occasion.country.name_vi} tại Việt Nam", None
        return GENERIC_RECIPIENT, None


def default_officer():
    """The officer drafts are assigned to when the occasion had none last time: settings.DOINGOAI["GREETING_OFFICER"]
    (a username), else the first active department officer."""
    User = get_user_model()
    officers = User.objects.filter(is_active=True, role=User.Role.STAFF).order_by("pk")
    username = settings.DOINGOAI.get("GREETING_OFFICER")
    if username:
        chosen = officers.filter(username=username).first()
        if chosen:
            return chosen
    return officers.first()


def draft_greetings(today: datetime.date | None = None, days: int | None = None) -> list[Greeting]:
    """Create the missing greeting drafts for occasions falling in the next `days` days; return the new ones.

    One draft per (occasion, year, form): the forms come from the anniversary tier (a letter always; in round and
    fifth years also a visit or flowers). Each draft names a signer, a recipient (the partner's senior contact, a
    mission of the country, the association) and its text, and is assigned to the officer who handled the occasion's
    last greeting, else `default_officer()`. A constant number of queries plus one insert per new draft.
    """
    today = today or timezone.localdate()
    days = draft_days() if days is None else days
    kinds = _config("GREETING_KINDS", DEFAULT_KINDS)
    occasions = Occasion.objects.filter(kind__in=kinds).select_related("country", "association")
    upcoming = occurrences_between(occasions, today, today + datetime.timedelta(days=days))
    if not upcoming:
        return []
    occasion_ids = {item.occasion.pk for item in upcoming}
    last_officer = {}
    for occasion_id, officer_id in (
        Greeting.objects.filter(occasion_id__in=occasion_ids, assigned_to__isnull=False)
        .order_by("year", "pk").values_list("occasion_id", "assigned_to_id")
    ):
        last_officer[occasion_id] = officer_id  # the latest wins
    recipients = _Recipients()
    fallback = default_officer()
    created = []
    with transaction.atomic():
        # Two runs at once (beat firing twice): the second waits here for the first, then sees its drafts.
        list(Occasion.objects.select_for_update().filter(pk__in=occasion_ids).order_by("pk").values_list("pk"))
        existing = set(
            Greeting.objects.filter(occasion_id__in=occasion_ids).values_list("occasion_id", "year", "form")
        )
        for occurrence in upcoming:
            occasion = occurrence.occasion
            recipient, contact = recipients.for_occasion(occasion)
            for form in forms_for(occurrence):
                if (occasion.pk, occurrence.year, form) in existing:
                    continue
                greeting = Greeting(
                    occasion=occasion, year=occurrence.year, form=form, status=Greeting.Status.DRAFT,
                    signer=signer_for(occurrence), recipient=recipient[:255], recipient_contact=contact,
                    body=body_for(occurrence, recipient) if form in ("letter", "telegram") else "",
                    assigned_to_id=last_officer.get(occasion.pk, fallback.pk if fallback else None),
                )
                greeting._change_reason = "Drafted for the coming occasion"
                greeting.save()
                existing.add((occasion.pk, occurrence.year, form))
                created.append(greeting)
    return created
