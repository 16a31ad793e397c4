"""The partners admin: every model's list, search, add, change and history pages open for an administrator."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse

from tests import factories

PARTNERS_MODELS = [
    model for model in apps.get_app_config("partners").get_models() if not model.__name__.startswith("Historical")
]


@pytest.fixture
def one_of_each(world):
    factories.GreetingFactory(recipient_contact=factories.ContactFactory())
    factories.NGORegistrationFactory()
    factories.AgreementFactory(foreign_parties=[factories.ForeignPartnerFactory()])
    term = factories.AssociationTermFactory(association=world.association_x)
    factories.AssociationOfficerFactory(association=world.association_x, term=term)
    factories.AssociationChapterFactory(association=world.association_x)
    factories.AssociationReportFactory(association=world.association_x)
    factories.OccasionDateFactory()
    factories.AdministrativeUnitFactory()


@pytest.mark.parametrize("model", PARTNERS_MODELS, ids=lambda model: model.__name__)
def test_admin_pages_open(client_as, one_of_each, model):
    client = client_as("admin")
    name = model._meta.model_name
    record = model.objects.first()
    urls = [
        reverse(f"admin:partners_{name}_changelist"),
        reverse(f"admin:partners_{name}_changelist") + "?q=a",
        reverse(f"admin:partners_{name}_add"),
        reverse(f"admin:partners_{name}_change", args=[record.pk]),
        reverse(f"admin:partners_{name}_history", args=[record.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
