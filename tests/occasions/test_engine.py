"""The occasion engine: dates of fixed, per-year and lunar occasions, anniversary numbers and Decree 145 tiers."""

from __future__ import annotations

import datetime

import lunar_vn
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Occasion
from partners.occasions import (
    Tier,
    anniversary_number,
    fixed_date,
    lunar_date,
    next_occurrence,
    occurrences,
    occurrences_between,
    tier,
)
from tests import factories

D = datetime.date

# Tết Nguyên đán (1/1 of the Vietnamese lunar calendar) as officially observed in Vietnam.
KNOWN_TET = {
    1968: D(1968, 1, 29),  # the North's new UTC+7 calendar; the Chinese New Year was on 30 January
    1985: D(1985, 1, 21),  # a whole month before the Chinese New Year (20 February 1985)
    2000: D(2000, 2, 5),
    2007: D(2007, 2, 17),  # a day before the Chinese New Year (18 February 2007)
    2010: D(2010, 2, 14),
    2015: D(2015, 2, 19),
    2016: D(2016, 2, 8),
    2017: D(2017, 1, 28),
    2018: D(2018, 2, 16),
    2019: D(2019, 2, 5),
    2020: D(2020, 1, 25),
    2021: D(2021, 2, 12),
    2022: D(2022, 2, 1),
    2023: D(2023, 1, 22),
    2024: D(2024, 2, 10),
    2025: D(2025, 1, 29),
    2026: D(2026, 2, 17),
    2027: D(2027, 2, 6),
}


@pytest.mark.parametrize(("year", "expected"), sorted(KNOWN_TET.items()))
def test_tet_falls_on_the_known_vietnamese_date(year, expected):
    assert lunar_date(year, 1, 1) == expected


@pytest.mark.parametrize("year", [1968, 1985, 2007])
def test_vietnamese_tet_differs_from_the_chinese_new_year_where_history_says_so(year):
    chinese = lunar_vn.convert_lunar_to_solar(1, 1, year, 0, 8.0)  # the same algorithm at UTC+8
    assert lunar_date(year, 1, 1) != chinese


def test_lunar_occasion_occurs_on_tet_each_year(db):
    tet = factories.OccasionFactory(kind=Occasion.Kind.NEW_YEAR, date_rule=Occasion.DateRule.LUNAR, month=1, day=1,
                                    base_year=None, country=None)
    found = occurrences(tet, D(2024, 1, 1), D(2027, 12, 31))
    assert [item.date for item in found] == [KNOWN_TET[year] for year in (2024, 2025, 2026, 2027)]
    assert [item.year for item in found] == [2024, 2025, 2026, 2027]


def test_late_lunar_date_falls_in_the_next_solar_year(db):
    # 23 tháng Chạp (Ông Công, Ông Táo) of lunar year 2024 is 22 January 2025; of 2025, 10 February 2026.
    kitchen_gods = factories.OccasionFactory(kind=Occasion.Kind.TRADITIONAL, date_rule=Occasion.DateRule.LUNAR,
                                             month=12, day=23, base_year=None, country=None)
    found = occurrences(kitchen_gods, D(2025, 1, 1), D(2026, 12, 31))
    assert [item.date for item in found] == [D(2025, 1, 22), D(2026, 2, 10)]
    assert [item.year for item in found] == [2025, 2026]


def test_lunar_day_30_of_a_29_day_month_falls_on_its_last_day():
    # The 12th lunar month of 2023 has 30 days (its 30th is the eve of Tết 2024); those of 2024 and 2025 have 29.
    assert lunar_date(2023, 12, 30) == KNOWN_TET[2024] - datetime.timedelta(days=1)
    assert lunar_date(2024, 12, 30) == KNOWN_TET[2025] - datetime.timedelta(days=1)
    assert lunar_date(2025, 12, 30) == KNOWN_TET[2026] - datetime.timedelta(days=1)
    assert lunar_date(2025, 12, 29) == KNOWN_TET[2026] - datetime.timedelta(days=1)


def test_typed_date_overrides_the_computed_lunar_date(db):
    tet = factories.OccasionFactory(kind=Occasion.Kind.NEW_YEAR, date_rule=Occasion.DateRule.LUNAR, month=1, day=1,
                                    base_year=None, country=None)
    factories.OccasionDateFactory(occasion=tet, year=2026, date=D(2026, 2, 18))
    assert [item.date for item in occurrences(tet, D(2026, 1, 1), D(2026, 12, 31))] == [D(2026, 2, 18)]


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2024, D(2024, 2, 29)), (2025, D(2025, 2, 28)), (2100, D(2100, 2, 28)), (2000, D(2000, 2, 29))],
)
def test_29_february_falls_on_28_february_in_common_years(year, expected):
    assert fixed_date(year, 2, 29) == expected


def test_leap_day_occasion_occurs_every_year(db):
    leap = factories.OccasionFactory(month=2, day=29, base_year=2000)
    found = occurrences(leap, D(2025, 1, 1), D(2028, 12, 31))
    assert [item.date for item in found] == [D(2025, 2, 28), D(2026, 2, 28), D(2027, 2, 28), D(2028, 2, 29)]
    assert [item.number for item in found] == [25, 26, 27, 28]


def test_per_year_occasion_uses_the_typed_dates_and_has_none_without(db):
    bunpimay = factories.OccasionDateFactory(year=2026, date=D(2026, 4, 14), end_date=D(2026, 4, 16)).occasion
    factories.OccasionDateFactory(occasion=bunpimay, year=2027, date=D(2027, 4, 14), end_date=D(2027, 4, 16))
    found = occurrences(bunpimay, D(2026, 1, 1), D(2028, 12, 31))
    assert [(item.date, item.end_date) for item in found] == [
        (D(2026, 4, 14), D(2026, 4, 16)), (D(2027, 4, 14), D(2027, 4, 16))]
    # Under way on the 15th: still the current occurrence.
    assert next_occurrence(bunpimay, D(2026, 4, 15)).date == D(2026, 4, 14)
    assert next_occurrence(bunpimay, D(2027, 5, 1)) is None


def test_next_occurrence_of_a_fixed_occasion_rolls_to_next_year(db):
    france = factories.OccasionFactory(month=7, day=14, base_year=1789)
    assert next_occurrence(france, D(2026, 7, 14)).date == D(2026, 7, 14)
    later = next_occurrence(france, D(2026, 7, 15))
    assert (later.date, later.number) == (D(2027, 7, 14), 238)


def test_inactive_occasion_has_no_occurrence(db):
    assert occurrences(factories.OccasionFactory(is_active=False), D(2026, 1, 1), D(2026, 12, 31)) == []


@pytest.mark.parametrize(
    ("base_year", "year", "number", "expected_tier"),
    [
        (1962, 2022, 60, Tier.ROUND),  # Laos relations: 60 years, năm tròn
        (1975, 2025, 50, Tier.ROUND),
        (1967, 2022, 55, Tier.FIFTH),  # năm lẻ 5
        (1975, 1980, 5, Tier.FIFTH),
        (1975, 2026, 51, Tier.OTHER),
        (1949, 1959, 10, Tier.ROUND),
        (2020, 2021, 1, Tier.OTHER),
        (2026, 2026, None, None),  # not yet an anniversary
        (None, 2026, None, None),  # no base year
    ],
)
def test_anniversary_number_and_tier(base_year, year, number, expected_tier):
    assert anniversary_number(base_year, year) == number
    assert tier(number) == expected_tier


def test_occurrence_carries_number_and_tier(db):
    laos = factories.OccasionFactory(month=12, day=2, base_year=1975)
    (occurrence,) = occurrences(laos, D(2025, 1, 1), D(2025, 12, 31))
    assert (occurrence.number, occurrence.tier) == (50, Tier.ROUND)


def test_occurrences_between_uses_two_queries_whatever_the_number_of_occasions(db):
    def count(n_more: int) -> int:
        for _ in range(n_more):
            factories.OccasionFactory()
            factories.OccasionDateFactory()
        with CaptureQueriesContext(connection) as context:
            occurrences_between(Occasion.objects.all(), D(2026, 1, 1), D(2026, 12, 31))
        return len(context.captured_queries)

    assert count(1) == count(20) == 2
