"""`seed_scale`: the counts a factor asks for, valid rows, and the same data for the same seed."""

import datetime
import hashlib

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from aid_projects.models import AidProject, Transaction
from delegations.models import Delegation, DelegationMember
from doingoai.demo.loader import DemoLoader
from doingoai.ops.seed.scale import FACTOR_1, ScaleSeeder
from partners.models import ForeignPartner, Occasion
from plans.models import Activity, ActivityCoordination, Plan
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FACTOR = 0.05
AS_OF = datetime.date(2026, 5, 15)
SCALE_PLANS = Plan.objects.filter(number__endswith="/KH-SNgV")


def seed(seed: int = 7, factor: float = FACTOR, load_demo: bool = True) -> dict:
    return ScaleSeeder(factor, seed=seed, as_of=AS_OF, load_demo=load_demo).run()


def fingerprint() -> str:
    """The seeded content, by natural values (ids and time stamps differ between runs; nothing else may)."""
    digest = hashlib.sha256()
    tables = [
        (ForeignPartner.objects, ("name_vi", "name_native", "kind", "country__code", "status", "relationship_since")),
        (Activity.objects.filter(task__plan__in=SCALE_PLANS),
         ("task__plan__year", "task__number", "number", "content", "lead_agency__code", "status", "progress",
          "quarter", "month", "start_date", "end_date", "budget_amount", "budget_source", "expected_result")),
        (ActivityCoordination.objects.filter(activity__task__plan__in=SCALE_PLANS),
         ("activity__task__plan__year", "activity__task__number", "activity__number", "agency__code")),
        (Delegation.objects, ("title", "direction", "status", "start_date", "end_date", "host_agency__code",
                              "head_name", "report_received_on")),
        (DelegationMember.objects, ("delegation__title", "delegation__start_date", "precedence", "name_latin",
                                    "nationality__code")),
        (AidProject.objects, ("code", "name_vi", "donor__name_vi", "committed_amount", "currency", "status",
                              "approved_on")),
        (Transaction.objects, ("project__code", "kind", "date", "amount")),
        (Occasion.objects, ("title", "kind", "month", "day", "base_year", "partner__name_vi")),
    ]
    for queryset, fields in tables:
        for row in sorted(queryset.values_list(*fields), key=repr):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def test_a_small_factor_gives_the_expected_counts_of_valid_rows():
    scale = seed()
    assert scale["partners.ForeignPartner"] == FACTOR_1["partners"] * FACTOR
    assert scale["plans.Plan"] == 10
    assert Activity.objects.filter(task__plan__in=SCALE_PLANS).count() == FACTOR_1["activities"] * FACTOR
    assert scale["delegations.Delegation"] == FACTOR_1["delegations"] * FACTOR
    assert scale["aid_projects.AidProject"] == FACTOR_1["aid_projects"] * FACTOR
    assert scale["partners.Occasion"] == FACTOR_1["occasions"] * FACTOR
    # "20,000 delegations with 100,000 members", "3,000 aid projects with 30,000 transactions": about 5 and 10 each.
    assert 4.5 <= scale["delegations.DelegationMember"] / scale["delegations.Delegation"] <= 5.5
    assert 8 <= scale["aid_projects.Transaction"] / scale["aid_projects.AidProject"] <= 12
    assert 1 <= scale["plans.ActivityCoordination"] / scale["plans.Activity"] <= 2

    # Every constraint held (the database checked them on insert); these are rules spread over columns.
    assert not Activity.objects.filter(status=Activity.Status.DONE).exclude(progress=100).exists()
    assert not Delegation.objects.filter(status=Delegation.Status.REPORTED, report_received_on__isnull=True).exists()
    assert DelegationMember.objects.filter(is_head=True).count() == Delegation.objects.count()
    assert not AidProject.objects.filter(status=AidProject.Status.APPROVED, approved_on__isnull=True).exists()
    assert sorted(SCALE_PLANS.values_list("year", flat=True)) == list(range(AS_OF.year - 9, AS_OF.year + 1))
    # Vietnamese text with its diacritics, for the accent-insensitive search to work on.
    assert Activity.objects.filter(task__plan__in=SCALE_PLANS, content__contains="ổ").exists()


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    DemoLoader(today=AS_OF).run()
    runs = []
    for seed_value in (7, 7, 8):
        with transaction.atomic():
            seed(seed_value, factor=0.01, load_demo=False)
            runs.append(fingerprint())
            transaction.set_rollback(True)
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]


def test_seeding_twice_is_refused():
    agency = factories.AgencyFactory(code="so-ngoai-vu")
    factories.PlanFactory(issuing_agency=agency, number="12/KH-SNgV", year=AS_OF.year)
    with pytest.raises(CommandError, match="already holds scale data"):
        call_command("seed_scale", factor=0.01, as_of=AS_OF, verbosity=0)


def test_factor_must_be_positive():
    with pytest.raises(CommandError):
        call_command("seed_scale", factor=0, verbosity=0)
