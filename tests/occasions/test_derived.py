"""Occasions derived from the records that already state them: never typed twice, kept in step, idempotent."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Agreement, ForeignPartner, Occasion
from partners.occasions import sync_derived_occasions
from tests import factories

D = datetime.date


@pytest.fixture
def sources(db):
    laos = factories.CountryFactory(code="LA", name_vi="Lào", national_day_day=2, national_day_month=12,
                                    national_day_origin_year=1975, national_day_name="Quốc khánh nước CHDCND Lào",
                                    relations_established_on=D(1962, 9, 5))
    champasak = factories.ForeignPartnerFactory(kind=ForeignPartner.Kind.FOREIGN_LOCALITY, country=laos,
                                                name_vi="Tỉnh Champasak", is_twinned=True,
                                                relationship_since=D(2017, 3, 1))
    mou = factories.AgreementFactory(title="Bản ghi nhớ hợp tác Đồng Tháp – Champasak", signed_on=D(2022, 8, 27),
                                     foreign_parties=[champasak])
    association = factories.FriendshipAssociationFactory(name="Hội hữu nghị Việt Nam – Lào", partner_country=laos,
                                                         founded_on=D(1999, 8, 20))
    return {"laos": laos, "champasak": champasak, "mou": mou, "association": association}


def derived() -> dict[str, Occasion]:
    return {occasion.derived_from: occasion for occasion in Occasion.objects.filter(derived_from__isnull=False)}


def test_sync_derives_every_occasion_the_records_state(sources):
    result = sync_derived_occasions()
    occasions = derived()
    laos, champasak, mou, association = (sources[key] for key in ("laos", "champasak", "mou", "association"))
    assert set(occasions) == {
        f"country:{laos.pk}:national_day", f"country:{laos.pk}:relations", f"agreement:{mou.pk}",
        f"association:{association.pk}:founding", f"partner:{champasak.pk}:twinning",
    }
    assert result.created == 5
    national = occasions[f"country:{laos.pk}:national_day"]
    assert (national.kind, national.month, national.day, national.base_year, national.country) == (
        Occasion.Kind.NATIONAL_DAY, 12, 2, 1975, laos)
    assert national.title == "Quốc khánh nước CHDCND Lào"
    relations = occasions[f"country:{laos.pk}:relations"]
    assert (relations.month, relations.day, relations.base_year) == (9, 5, 1962)
    agreement = occasions[f"agreement:{mou.pk}"]
    assert (agreement.kind, agreement.month, agreement.day, agreement.base_year) == (Occasion.Kind.AGREEMENT, 8, 27, 2022)
    assert (agreement.partner, agreement.country, agreement.agreement) == (champasak, laos, mou)
    founding = occasions[f"association:{association.pk}:founding"]
    assert (founding.kind, founding.base_year, founding.association) == (Occasion.Kind.FOUNDING, 1999, association)
    twinning = occasions[f"partner:{champasak.pk}:twinning"]
    assert (twinning.kind, twinning.month, twinning.day, twinning.base_year, twinning.partner) == (
        Occasion.Kind.TWINNING, 3, 1, 2017, champasak)


def test_second_sync_changes_nothing_and_writes_no_history(sources):
    sync_derived_occasions()
    history = Occasion.history.count()
    result = sync_derived_occasions()
    assert result.changed == 0
    assert Occasion.history.count() == history


def test_sync_adopts_an_occasion_entered_by_hand_instead_of_duplicating_it(sources):
    laos = sources["laos"]
    typed = factories.OccasionFactory(kind=Occasion.Kind.NATIONAL_DAY, country=laos, title="Quốc khánh Lào (nhập tay)",
                                      month=12, day=3, base_year=1975)
    result = sync_derived_occasions()
    typed.refresh_from_db()
    assert result.adopted == 1
    assert typed.derived_from == f"country:{laos.pk}:national_day"
    assert (typed.day, typed.title) == (2, "Quốc khánh Lào (nhập tay)")  # the date follows the source, the title stays
    assert Occasion.objects.filter(kind=Occasion.Kind.NATIONAL_DAY, country=laos).count() == 1


def test_a_changed_source_date_moves_the_occasion(sources):
    sync_derived_occasions()
    association = sources["association"]
    association.founded_on = D(1999, 9, 1)
    association.save()
    result = sync_derived_occasions()
    occasion = derived()[f"association:{association.pk}:founding"]
    assert result.updated == 1
    assert (occasion.month, occasion.day) == (9, 1)


def test_an_agreement_no_longer_in_force_deactivates_its_occasion(sources):
    sync_derived_occasions()
    mou = sources["mou"]
    Agreement.objects.filter(pk=mou.pk).update(status=Agreement.Status.TERMINATED)
    result = sync_derived_occasions()
    assert result.deactivated == 1
    assert derived()[f"agreement:{mou.pk}"].is_active is False
    assert sync_derived_occasions().changed == 0


def test_an_untwinned_partner_deactivates_its_twinning_occasion_and_a_deactivated_one_stays_so(sources):
    sync_derived_occasions()
    champasak = sources["champasak"]
    ForeignPartner.objects.filter(pk=champasak.pk).update(is_twinned=False)
    sync_derived_occasions()
    assert derived()[f"partner:{champasak.pk}:twinning"].is_active is False
    # Staff may switch a derived occasion off; the next sync leaves it off.
    laos = sources["laos"]
    Occasion.objects.filter(derived_from=f"country:{laos.pk}:relations").update(is_active=False)
    sync_derived_occasions()
    assert derived()[f"country:{laos.pk}:relations"].is_active is False


def test_sync_query_count_does_not_grow_with_the_records(sources):
    def count() -> int:
        sync_derived_occasions()
        with CaptureQueriesContext(connection) as context:
            sync_derived_occasions()
        return len(context.captured_queries)

    few = count()
    for n in range(10):
        country = factories.CountryFactory(relations_established_on=D(1970 + n, 1, 1))
        factories.AgreementFactory(foreign_parties=[factories.ForeignPartnerFactory(country=country)])
        factories.FriendshipAssociationFactory(founded_on=D(2000 + n, 5, 5))
    assert count() == few


def test_saving_a_source_record_schedules_one_sync_for_the_commit(sources):
    from doingoai.reminders import signals

    sync_derived_occasions()
    laos = sources["laos"]
    laos.national_day_day = 3
    laos.save()
    laos.save()
    pending = [entry[1] for entry in connection.run_on_commit if entry[1] is signals._sync]
    assert len(pending) == 1  # once per transaction, however many records were saved
    pending[0]()
    assert derived()[f"country:{laos.pk}:national_day"].day == 3
