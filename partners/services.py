"""Business operations on partners' records. Views, the API, tasks and the shell call these; none takes a request.

Status changes go through `doingoai.core.services.transition` (locked, checked against the model's workflow,
logged); the `Workflow` of each model adds who may make each move and what it records.
"""

from __future__ import annotations

from .models import Agreement, Greeting
from .workflow import Step, Workflow

# Department officers move agreements; each step records the fact that makes it (Law 70/2020/QH14).
AGREEMENT_WORKFLOW = Workflow(
    steps={
        Agreement.Status.CONSULTING: Step(
            asks=("ministry_opinion_requested_on",), requires=("ministry_opinion_requested_on",)
        ),
        Agreement.Status.APPROVED_TO_SIGN: Step(
            asks=("ministry_opinion_received_on",), requires=("ministry_opinion_received_on",)
        ),
        Agreement.Status.DRAFT: Step(needs_comment=True, negative=True),
        Agreement.Status.IN_FORCE: Step(
            asks=("number", "signed_on", "signed_place", "effective_from", "expires_on"), requires=("signed_on",)
        ),
        Agreement.Status.AMENDED: Step(needs_comment=True),
        Agreement.Status.TERMINATED: Step(needs_comment=True, negative=True),
    },
)

# Leaders approve greetings (and send an approved one back); department officers send them.
GREETING_WORKFLOW = Workflow(
    steps={
        Greeting.Status.APPROVED: Step(who="can_approve"),
        Greeting.Status.DRAFT: Step(who="can_approve", needs_comment=True, negative=True),
        Greeting.Status.SENT: Step(asks=("sent_on", "document_number"), requires=("sent_on",)),
    },
)


def change_agreement_status(agreement: Agreement, to_status: str, *, by, comment: str = "", **changes) -> Agreement:
    """Move an agreement along its workflow (department officers), recording what the step asks for."""
    return AGREEMENT_WORKFLOW.move(agreement, to_status, by=by, comment=comment, **changes)


def approve_greeting(greeting: Greeting, *, by, comment: str = "") -> Greeting:
    """A leader approves a drafted greeting."""
    return GREETING_WORKFLOW.move(greeting, Greeting.Status.APPROVED, by=by, comment=comment)


def return_greeting(greeting: Greeting, *, by, comment: str) -> Greeting:
    """A leader sends an approved greeting back to draft, saying why."""
    return GREETING_WORKFLOW.move(greeting, Greeting.Status.DRAFT, by=by, comment=comment)


def send_greeting(greeting: Greeting, *, by, sent_on, document_number: str = "", comment: str = "") -> Greeting:
    """A department officer records that an approved greeting went out."""
    changes = {"sent_on": sent_on}
    if document_number:
        changes["document_number"] = document_number
    return GREETING_WORKFLOW.move(greeting, Greeting.Status.SENT, by=by, comment=comment, **changes)


def change_greeting_status(greeting: Greeting, to_status: str, *, by, comment: str = "", **changes) -> Greeting:
    """The workflow button's entry point: the verb for `to_status`."""
    if to_status == Greeting.Status.APPROVED:
        return approve_greeting(greeting, by=by, comment=comment)
    if to_status == Greeting.Status.DRAFT:
        return return_greeting(greeting, by=by, comment=comment)
    return GREETING_WORKFLOW.move(greeting, to_status, by=by, comment=comment, **changes)
