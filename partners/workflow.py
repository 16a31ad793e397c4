"""Workflow steps: who may move a record to a status, and what they must give when they do.

`doingoai.core.services.transition` checks that a move is allowed by the model's `TRANSITIONS` table and logs it;
a `Workflow` adds the role check and the facts a step records (a signing date, an approval decision…). The services
of partners, delegations and aid projects each declare one and call `Workflow.move`; the pages ask it which buttons
to show (`targets`) and which fields to ask for (`step(status).asks`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from doingoai.core.models import WorkflowModel
from doingoai.core.services import transition

# The user predicate a step needs, and the message a user without it gets.
ROLE_MESSAGES = {
    "can_edit_records": lambda: _("Only department officers may make this change."),
    "can_approve": lambda: _("Only leaders may make this change."),
}


@dataclass(frozen=True)
class Step:
    """One move to a status: the role predicate it needs, the fields it asks for and which of them are required."""

    who: str = "can_edit_records"
    asks: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    needs_comment: bool = False
    # A step back or an end (return, cancel, reject…): its button is drawn as such.
    negative: bool = False


@dataclass(frozen=True)
class Workflow:
    """The steps of one model's workflow; a status without its own step uses `default`."""

    steps: dict[str, Step] = field(default_factory=dict)
    default: Step = Step()

    def step(self, status: str) -> Step:
        return self.steps.get(status, self.default)

    def may(self, user, status: str) -> bool:
        """Whether `user`'s role may make the move to `status` (whatever the record's current status)."""
        return bool(getattr(user, self.step(status).who, False))

    def targets(self, record: WorkflowModel, user) -> list[str]:
        """The statuses `user` may move `record` to now, in the order the statuses are declared."""
        return [status for status in record.allowed_transitions() if self.may(user, status)]

    def move(self, record: WorkflowModel, to_status: str, *, by, comment: str = "", **changes) -> WorkflowModel:
        """Check the role and what the step needs, then make the move through `transition` (locked and logged)."""
        step = self.step(to_status)
        if not self.may(by, to_status):
            raise PermissionDenied(ROLE_MESSAGES.get(step.who, ROLE_MESSAGES["can_edit_records"])())
        unexpected = set(changes) - set(step.asks)
        if unexpected:
            raise ValueError(f"{type(record).__name__} → {to_status} does not take {sorted(unexpected)}")
        record.check_transition(to_status)
        errors = {}
        for name in step.requires:
            value = changes[name] if name in changes else getattr(record, name)
            if value in (None, ""):
                errors[name] = _("Required for this step.")
        if step.needs_comment and not comment.strip():
            errors["comment"] = _("Say why.")
        if errors:
            raise ValidationError(errors)
        return transition(record, to_status, by=by, comment=comment, **changes)
