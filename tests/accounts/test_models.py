"""Users: the role constraints and the predicates every scope and permission check reads."""

from __future__ import annotations

import pytest

from doingoai.accounts.models import User
from tests import factories
from tests.core.constraints import assert_accepted, case


def focal_point_without_agency():
    return factories.UserFactory.build(username="no_agency", role=User.Role.AGENCY_FOCAL, agency=None)


def association_rep_without_association():
    return factories.UserFactory.build(username="no_association", role=User.Role.ASSOCIATION_REP, association=None)


CONSTRAINT_CASES = [
    case("focal_point_has_agency", focal_point_without_agency, "An agency focal point must be linked to an agency."),
    case(
        "association_rep_has_association",
        association_rep_without_association,
        "An association representative must be linked to an association.",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize("constraint", CONSTRAINT_CASES)
def test_constraint_refuses_violating_row(constraint):
    constraint.assert_refused()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [User.Role.ADMIN, User.Role.STAFF, User.Role.LEADER])
def test_department_roles_need_no_agency_or_association(role):
    assert_accepted(factories.UserFactory.build(username=f"plain_{role}", role=role))


# persona: (sees_everything, can_edit_records, can_approve, is_partner_user)
PREDICATES = {
    "admin": (True, True, True, False),
    "staff": (True, True, False, False),
    "leader": (True, False, True, False),
    "focal_a": (False, False, False, True),
    "focal_b": (False, False, False, True),
    "rep_x": (False, False, False, True),
    "rep_y": (False, False, False, True),
}


@pytest.mark.parametrize("persona", PREDICATES)
def test_role_predicates(world, persona):
    user = world.users[persona]
    assert (user.sees_everything, user.can_edit_records, user.can_approve, user.is_partner_user) == PREDICATES[persona]


@pytest.mark.parametrize("role", [User.Role.ADMIN, User.Role.STAFF, User.Role.LEADER])
def test_inactive_user_sees_edits_and_approves_nothing(db, role):
    user = factories.UserFactory(username=f"gone_{role}", role=role, is_active=False, is_superuser=role == "admin")
    assert (user.sees_everything, user.can_edit_records, user.can_approve) == (False, False, False)


def test_superuser_with_a_partner_role_is_not_limited_to_it(world):
    user = factories.UserFactory(
        username="super_focal", role=User.Role.AGENCY_FOCAL, agency=world.agency_a, is_superuser=True
    )
    assert (user.sees_everything, user.can_edit_records, user.can_approve, user.is_partner_user) == (
        True, True, True, False,
    )


def test_scope_agency_of_focal_point_is_its_agency(world):
    assert world.users["focal_a"].scope_agency_id == world.agency_a.pk
    assert world.users["focal_b"].scope_agency_id == world.agency_b.pk


def test_scope_agency_of_association_rep_is_its_associations_agency(world):
    assert world.users["rep_x"].scope_agency_id == world.association_x.agency_id
    assert world.users["rep_y"].scope_agency_id == world.association_y.agency_id


@pytest.mark.parametrize("persona", ["admin", "staff", "leader"])
def test_department_users_have_no_scope_agency(world, persona):
    assert world.users[persona].scope_agency_id is None


def test_staff_linked_to_an_agency_still_has_no_scope_agency(world):
    user = factories.UserFactory(username="staff_with_agency", role=User.Role.STAFF, agency=world.agency_a)
    assert user.scope_agency_id is None
    assert user.sees_everything
