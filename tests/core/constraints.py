"""Assertions shared by the constraint tests of every app: a violating row is refused twice, with the rule's message.

Each app's `test_models.py` lists its cases in `CONSTRAINT_CASES`, one per `Meta.constraints` entry (more for rules
with several ways to break them), each built by `case()`; `tests/core/test_constraint_coverage.py` checks that no
constraint is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.utils import translation


@dataclass(frozen=True)
class ConstraintCase:
    """`make()` returns an unsaved (or changed) instance that breaks constraint `name`, whose message is `message`."""

    name: str
    make: Callable[[], models.Model]
    message: str
    # The value is also refused by a field validator: `full_clean()` then reports the field error and skips the
    # constraint (Django skips constraints on fields that already failed), so the message comes from
    # `validate_constraints()`.
    shadowed: bool = False

    def assert_refused(self) -> None:
        instance = self.make()
        with translation.override("en"):
            with pytest.raises(ValidationError) as caught:
                instance.full_clean()
            if self.shadowed:
                with pytest.raises(ValidationError) as caught:
                    instance.validate_constraints()
            assert self.message in caught.value.messages
        with pytest.raises(IntegrityError) as refused, transaction.atomic():
            instance.save()
        # Make sure it is this constraint that refused the row. SQLite names the columns, not the constraint, of
        # a unique constraint on plain fields.
        error = str(refused.value)
        assert self.name in error or (connection.vendor == "sqlite" and "UNIQUE constraint failed" in error), error


def case(name: str, make: Callable[[], models.Model], message: str, *, shadowed: bool = False):
    """A `pytest.param` for one way of breaking constraint `name` (id "name" or "name:variant")."""
    return pytest.param(ConstraintCase(name.split(":")[0], make, message, shadowed), id=name)


def assert_accepted(instance: models.Model) -> None:
    """`full_clean()` passes and the row is stored."""
    instance.full_clean()
    instance.save()
    assert type(instance)._default_manager.filter(pk=instance.pk).exists()
