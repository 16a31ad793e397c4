"""The occasion engine: when each occasion falls, which anniversary it is and how it is marked, and the occasions that
other records already state (national days, relations, agreements, founding and twinning dates).

Date rules (`Occasion.DateRule`):
- fixed: the same day and month every year. An occasion on 29 February falls on **28 February** in common years:
  the anniversary is then kept inside its own month, before the date rather than after it (1 March), which is what
  offices do for a leap-day date and what `Occasion.objects.upcoming` assumes too.
- per year: the dates typed for each year (`OccasionDate`: Bunpimay, Chol Chnam Thmey), nothing without one.
- lunar: a day of the Vietnamese lunar calendar (Tết is 1/1), converted by `lunar_vn` (Hồ Ngọc Đức's algorithm
  for UTC+7: a Chinese-calendar library, computed for UTC+8, is a day or a month off in some years, e.g. 1985 and
  2007). A date typed for a year (`OccasionDate`) takes precedence over the computed one. Day 30 of a month that
  has 29 days that year falls on its last day (29).

The year of an occurrence is the solar year it falls in: the year of its greeting and of its anniversary number.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import lunar_vn
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Agreement, Country, ForeignPartner, FriendshipAssociation, Occasion, OccasionDate

# Vietnam's civil time (UTC+7), for which the Vietnamese lunar calendar is computed.
VIETNAM_UTC_OFFSET = 7.0


class Tier(models.TextChoices):
    """How an anniversary is marked (Decree 145/2013/NĐ-CP): round and fifth years get more than a letter."""

    ROUND = "round", _("Round anniversary (năm tròn)")
    FIFTH = "fifth", _("Fifth-year anniversary (năm lẻ 5)")
    OTHER = "other", _("Other anniversary")


def anniversary_number(base_year: int | None, year: int) -> int | None:
    """The N of the N-th anniversary in `year` (year − base year); None without a base year or before the first."""
    if base_year is None or year <= base_year:
        return None
    return year - base_year


def tier(number: int | None) -> str | None:
    """`Tier` of the N-th anniversary: ending in 0 is năm tròn, ending in 5 năm lẻ 5; None without a number."""
    if number is None:
        return None
    if number % 10 == 0:
        return Tier.ROUND
    if number % 10 == 5:
        return Tier.FIFTH
    return Tier.OTHER


def fixed_date(year: int, month: int, day: int) -> datetime.date:
    """`day`/`month` in `year`; 29 February is 28 February in a common year (see the module docstring)."""
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=4096)
def lunar_date(year: int, month: int, day: int) -> datetime.date:
    """The solar date of lunar `day`/`month` of lunar year `year` in Vietnam (never the leap repeat of a month).

    Raises ValueError outside the years the library covers (1900–2100).
    """
    solar = lunar_vn.convert_lunar_to_solar(day, month, year, 0, VIETNAM_UTC_OFFSET)
    if day == 30:
        back = lunar_vn.convert_solar_to_lunar(solar.day, solar.month, solar.year, VIETNAM_UTC_OFFSET)
        if back.month != month or back.leap:  # a 29-day month: day 30 overflowed into the next month
            solar -= datetime.timedelta(days=1)
    return solar


@dataclass(frozen=True)
class Occurrence:
    """One date on which an occasion falls, with its anniversary number and tier for that year."""

    occasion: Occasion
    date: datetime.date
    end_date: datetime.date | None = None

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def number(self) -> int | None:
        return anniversary_number(self.occasion.base_year, self.year)

    @property
    def tier(self) -> str | None:
        return tier(self.number)

    @property
    def last_day(self) -> datetime.date:
        return self.end_date or self.date

    def days_from(self, today: datetime.date) -> int:
        return (self.date - today).days


def _typed_dates(occasion: Occasion) -> dict[int, OccasionDate]:
    # `occurrences_between` attaches the rows it loaded in one query; `dates.all()` uses a prefetch if there is one.
    typed = getattr(occasion, "_typed_dates", None)
    if typed is not None:
        return typed
    return {row.year: row for row in occasion.dates.all()}


def occurrences(occasion: Occasion, start: datetime.date, end: datetime.date) -> list[Occurrence]:
    """The occurrences of `occasion` that overlap `start`..`end` (both included), in date order."""
    if not occasion.is_active:
        return []
    found: list[Occurrence] = []
    typed = _typed_dates(occasion) if occasion.date_rule != Occasion.DateRule.FIXED else {}
    if occasion.date_rule == Occasion.DateRule.PER_YEAR:
        for row in typed.values():
            found.append(Occurrence(occasion, row.date, row.end_date))
    else:
        # A lunar date late in lunar year Y can fall in January of Y + 1: look one year back.
        first_year = start.year - 1 if occasion.date_rule == Occasion.DateRule.LUNAR else start.year
        for year in range(first_year, end.year + 1):
            if occasion.date_rule == Occasion.DateRule.FIXED:
                found.append(Occurrence(occasion, fixed_date(year, occasion.month, occasion.day)))
                continue
            # Lunar: a typed date for the year overrides the computation (an official correction).
            try:
                day = lunar_date(year, occasion.month, occasion.day)
            except ValueError:
                continue
            row = typed.get(day.year)
            found.append(Occurrence(occasion, row.date, row.end_date) if row else Occurrence(occasion, day))
    unique = {(item.date, item.end_date): item for item in found if item.date <= end and item.last_day >= start}
    return sorted(unique.values(), key=lambda item: item.date)


def next_occurrence(occasion: Occasion, today: datetime.date) -> Occurrence | None:
    """The first occurrence under way or to come on or after `today`, looking up to two years ahead."""
    upcoming = occurrences(occasion, today, today.replace(year=today.year + 2, day=min(today.day, 28)))
    return upcoming[0] if upcoming else None


def occurrences_between(
    occasions: Iterable[Occasion] | models.QuerySet, start: datetime.date, end: datetime.date
) -> list[Occurrence]:
    """Every occurrence of `occasions` overlapping `start`..`end`, in date order.

    Given a queryset, runs two queries whatever its size (the occasions, their typed dates).
    """
    if isinstance(occasions, models.QuerySet):
        active = occasions.filter(is_active=True)
        occasions = list(active)
        # One query for the typed dates of the lunar and per-year ones (a prefetch builds a queryset per occasion).
        typed: dict[int, dict[int, OccasionDate]] = {}
        for row in OccasionDate.objects.filter(
            occasion__in=active.exclude(date_rule=Occasion.DateRule.FIXED).values("pk")
        ):
            typed.setdefault(row.occasion_id, {})[row.year] = row
        for occasion in occasions:
            occasion._typed_dates = typed.get(occasion.pk, {})
    found = [item for occasion in occasions for item in occurrences(occasion, start, end)]
    return sorted(found, key=lambda item: (item.date, item.occasion.title, item.occasion.pk))


# --- Occasions derived from other records ---------------------------------------------------------------------


@dataclass(frozen=True)
class DerivedOccasion:
    """What a record implies: the occasion with key `key` (stored in `Occasion.derived_from`)."""

    key: str
    kind: str
    title: str
    date: datetime.date | None  # the base date; the occasion falls on its day and month, counting from its year
    month: int | None = None  # for a national day known only by day and month
    day: int | None = None
    base_year: int | None = None
    country_id: int | None = None
    partner_id: int | None = None
    association_id: int | None = None
    agreement_id: int | None = None

    def fields(self) -> dict:
        month, day, base_year = (
            (self.date.month, self.date.day, self.date.year) if self.date else (self.month, self.day, self.base_year)
        )
        return {
            "date_rule": Occasion.DateRule.FIXED, "month": month, "day": day, "base_year": base_year,
            "country_id": self.country_id, "partner_id": self.partner_id,
            "association_id": self.association_id, "agreement_id": self.agreement_id,
        }


def derived_occasions() -> list[DerivedOccasion]:
    """The occasions that the database already states, one per source date. Five queries whatever the volume.

    National day and diplomatic relations of every country, the signing of every agreement that binds the province,
    the founding of every friendship association, the twinning of every twinned partner. Titles are Vietnamese:
    they are data, printed in letters and e-mails.
    """
    derived: list[DerivedOccasion] = []
    for country in Country.objects.all():
        if country.national_day_day and country.national_day_month:
            derived.append(DerivedOccasion(
                key=f"country:{country.pk}:national_day", kind=Occasion.Kind.NATIONAL_DAY,
                title=country.national_day_name or f"Quốc khánh {country.name_vi}", date=None,
                month=country.national_day_month, day=country.national_day_day,
                base_year=country.national_day_origin_year, country_id=country.pk,
            ))
        if country.relations_established_on:
            derived.append(DerivedOccasion(
                key=f"country:{country.pk}:relations", kind=Occasion.Kind.RELATIONS,
                title=f"Ngày thiết lập quan hệ ngoại giao Việt Nam – {country.name_vi}",
                date=country.relations_established_on, country_id=country.pk,
            ))
    agreements = (
        Agreement.objects.filter(status__in=Agreement.ACTIVE_STATUSES, signed_on__isnull=False)
        .prefetch_related("foreign_parties")
    )
    for agreement in agreements:
        parties = sorted(agreement.foreign_parties.all(), key=lambda party: party.pk)
        party = parties[0] if parties else None
        derived.append(DerivedOccasion(
            key=f"agreement:{agreement.pk}", kind=Occasion.Kind.AGREEMENT,
            title=f"Kỷ niệm ngày ký {agreement.title}", date=agreement.signed_on, agreement_id=agreement.pk,
            partner_id=party.pk if party else None, country_id=party.country_id if party else None,
        ))
    for association in FriendshipAssociation.objects.filter(founded_on__isnull=False):
        derived.append(DerivedOccasion(
            key=f"association:{association.pk}:founding", kind=Occasion.Kind.FOUNDING,
            title=f"Ngày thành lập {association.name}", date=association.founded_on,
            association_id=association.pk, country_id=association.partner_country_id,
        ))
    for partner in ForeignPartner.objects.filter(is_twinned=True, relationship_since__isnull=False):
        derived.append(DerivedOccasion(
            key=f"partner:{partner.pk}:twinning", kind=Occasion.Kind.TWINNING,
            title=f"Kỷ niệm quan hệ kết nghĩa với {partner.name_vi}", date=partner.relationship_since,
            partner_id=partner.pk, country_id=partner.country_id,
        ))
    return derived


def _adoption_key(occasion: Occasion) -> str | None:
    """The derived key a hand-entered occasion stands for, if it is the same occasion (same kind and source)."""
    links = (occasion.country_id, occasion.partner_id, occasion.association_id, occasion.agreement_id)
    if occasion.kind in (Occasion.Kind.NATIONAL_DAY, Occasion.Kind.RELATIONS) and links[0] and not any(links[1:]):
        return f"country:{occasion.country_id}:{occasion.kind}"
    if occasion.kind == Occasion.Kind.AGREEMENT and occasion.agreement_id:
        return f"agreement:{occasion.agreement_id}"
    if occasion.kind == Occasion.Kind.FOUNDING and occasion.association_id:
        return f"association:{occasion.association_id}:founding"
    if occasion.kind == Occasion.Kind.TWINNING and occasion.partner_id and not occasion.agreement_id:
        return f"partner:{occasion.partner_id}:twinning"
    return None


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    adopted: int = 0
    deactivated: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.adopted + self.deactivated


SYNC_REASON = "Derived from the source record"


def sync_derived_occasions() -> SyncResult:
    """Create or update the occasions `derived_occasions()` describes; idempotent, and a no-op when nothing changed.

    An occasion already entered by hand for the same source (same kind, same country/agreement/association/partner)
    is adopted rather than duplicated. The engine owns the date fields and the links of a derived occasion; its
    title, notes and active flag are the staff's (the title is only set when it is created). When the source no
    longer states the date (national day removed, agreement no longer in force…) the occasion is deactivated, never
    deleted: greetings may refer to it. Six queries when nothing changed; each change is saved with its history.
    """
    result = SyncResult()
    wanted = {item.key: item for item in derived_occasions()}
    kinds = {Occasion.Kind.NATIONAL_DAY, Occasion.Kind.RELATIONS, Occasion.Kind.AGREEMENT, Occasion.Kind.FOUNDING,
             Occasion.Kind.TWINNING}
    existing = list(
        Occasion.objects.filter(Q(derived_from__isnull=False) | Q(derived_from__isnull=True, kind__in=kinds))
        .order_by("pk")
    )
    by_key = {occasion.derived_from: occasion for occasion in existing if occasion.derived_from}
    with transaction.atomic():
        for occasion in existing:
            if occasion.derived_from:
                continue
            key = _adoption_key(occasion)
            if key in wanted and key not in by_key:
                occasion.derived_from = key
                by_key[key] = occasion
                result.adopted += 1
                _apply(occasion, wanted[key].fields(), force=True)
        for key, item in wanted.items():
            occasion = by_key.get(key)
            if occasion is None:
                occasion = Occasion(derived_from=key, kind=item.kind, title=item.title[:255], is_active=True,
                                    **item.fields())
                _save(occasion)
                result.created += 1
            elif _apply(occasion, item.fields()):
                result.updated += 1
        for key, occasion in by_key.items():
            if key not in wanted and occasion.is_active:
                occasion.is_active = False
                _save(occasion)
                result.deactivated += 1
    return result


def _apply(occasion: Occasion, fields: dict, force: bool = False) -> bool:
    """Set `fields` on `occasion` and save it if anything differs (or `force`); True if it was saved."""
    changed = [name for name, value in fields.items() if getattr(occasion, name) != value]
    for name in changed:
        setattr(occasion, name, fields[name])
    if changed or force:
        _save(occasion)
        return True
    return False


def _save(occasion: Occasion) -> None:
    occasion._change_reason = SYNC_REASON  # read by django-simple-history
    occasion.save()
