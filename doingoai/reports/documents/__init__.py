"""The catalogue of documents the portal issues as PDF. Top layer: it may import every domain app."""

from __future__ import annotations

from .aid import AidReportDocument
from .base import Document
from .delegations import DelegationsReportDocument
from .partners import (
    AssociationsReportDocument,
    GreetingLetterDocument,
    PartnerDossierDocument,
)
from .plans import AnnualPlanDocument, PlanReportDocument

CATALOGUE: dict[str, Document] = {
    document.kind: document
    for document in (
        AnnualPlanDocument(),
        PlanReportDocument(),
        DelegationsReportDocument(),
        AidReportDocument(),
        PartnerDossierDocument(),
        AssociationsReportDocument(),
        GreetingLetterDocument(),
    )
}


def get_document(kind: str) -> Document | None:
    return CATALOGUE.get(kind)


def available_documents(user) -> list[Document]:
    return [document for document in CATALOGUE.values() if document.available_to(user)]
