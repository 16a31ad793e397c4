"""Business operations on delegations. Views, the API, tasks and the shell call these; none takes a request."""

from __future__ import annotations

from partners.workflow import Step, Workflow

from .models import Delegation

# Department officers move delegations; each step records the fact that makes it.
DELEGATION_WORKFLOW = Workflow(
    steps={
        Delegation.Status.DOSSIER_SUBMITTED: Step(
            asks=("dossier_submitted_on", "has_invitation", "party_opinion_required"),
            requires=("dossier_submitted_on",),
        ),
        Delegation.Status.PROPOSED: Step(needs_comment=True, negative=True),
        Delegation.Status.APPROVED: Step(
            asks=("approval_number", "approval_date", "approval_signer"),
            requires=("approval_number", "approval_date"),
        ),
        Delegation.Status.RETURNED: Step(asks=("actual_cost_vnd",)),
        Delegation.Status.REPORTED: Step(
            asks=("report_received_on", "report_number"), requires=("report_received_on",)
        ),
        Delegation.Status.CANCELLED: Step(needs_comment=True, negative=True),
    },
)


def change_delegation_status(
    delegation: Delegation, to_status: str, *, by, comment: str = "", **changes
) -> Delegation:
    """Move a delegation along proposed → dossier submitted → approved → under way → returned → reported."""
    return DELEGATION_WORKFLOW.move(delegation, to_status, by=by, comment=comment, **changes)
