"""Every `Meta.constraints` entry of every model has at least one test that breaks it."""

from __future__ import annotations

from django.apps import apps

from tests.accounts import test_models as accounts
from tests.aid_projects import test_models as aid_projects
from tests.delegations import test_models as delegations
from tests.partners import test_models as partners
from tests.plans import test_models as plans

APP_LABELS = {"accounts", "partners", "plans", "delegations", "aid_projects", "core"}


def test_every_constraint_has_a_test():
    declared = {
        constraint.name
        for model in apps.get_models()
        if model._meta.app_label in APP_LABELS
        for constraint in model._meta.constraints
    }
    tested = {
        param.values[0].name
        for module in (accounts, partners, plans, delegations, aid_projects)
        for param in module.CONSTRAINT_CASES
    }
    assert declared - tested == set(), "constraints without a test"
    assert tested - declared == set(), "tests of constraints that no longer exist"
