"""Business operations on aid projects. Views, the API, tasks and the shell call these; none takes a request."""

from __future__ import annotations

from partners.workflow import Step, Workflow

from .models import AidProject

# Department officers record each step of the approval (the decision itself is the People's Committee's).
AID_PROJECT_WORKFLOW = Workflow(
    steps={
        AidProject.Status.SUBMITTED: Step(needs_comment=True, negative=True),
        AidProject.Status.APPROVED: Step(
            asks=("approval_number", "approved_on", "approval_signer"), requires=("approval_number", "approved_on")
        ),
        AidProject.Status.REJECTED: Step(needs_comment=True, negative=True),
        AidProject.Status.IMPLEMENTING: Step(asks=("started_on",), requires=("started_on",)),
        AidProject.Status.REVOKED: Step(
            asks=("revoked_on", "revocation_reason"), requires=("revoked_on", "revocation_reason"), negative=True
        ),
    },
)


def change_aid_project_status(
    project: AidProject, to_status: str, *, by, comment: str = "", **changes
) -> AidProject:
    """Move an aid project along submitted → appraising → approved → implementing → completed → closed."""
    return AID_PROJECT_WORKFLOW.move(project, to_status, by=by, comment=comment, **changes)
