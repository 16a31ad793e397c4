"""What every document of the catalogue has: its parameter form, its scope check, its data and its letterhead."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.pdf import Letterhead, Signature

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
         "XVII", "XVIII", "XIX", "XX"]
PERIOD_HALF_YEAR = "half_year"
PERIOD_YEAR = "year"


def roman(number: int) -> str:
    return ROMAN[number] if 0 < number < len(ROMAN) else str(number)


def config(key: str, default=""):
    return settings.DOINGOAI.get(key, default)


def split_signer(signer: str) -> tuple[str, str]:
    """"Trần Văn B – Phó Chủ tịch UBND tỉnh" → ("Trần Văn B", "Phó Chủ tịch UBND tỉnh"): records keep both in one."""
    for separator in (" – ", " - ", ", "):
        if separator in signer:
            name, title = signer.split(separator, 1)
            return name.strip(), title.strip()
    return signer.strip(), ""


def host_signature(name: str = "") -> Signature:
    """The host body's signer (the director, or a deputy signing for them), from site configuration."""
    return Signature(
        title=config("SIGNER_TITLE", "Giám đốc"),
        name=name or config("SIGNER_NAME"),
        authority=tuple(config("SIGNER_AUTHORITY", ())),
    )


def host_letterhead(kind_symbol: str, **values) -> Letterhead:
    """A document issued by the host body (Sở Ngoại vụ) under the parent body (UBND tỉnh), per configuration."""
    values.setdefault("signature", host_signature())
    return Letterhead(
        parent_body=config("PARENT_BODY"),
        issuing_body=config("HOST_BODY"),
        symbol=f"{kind_symbol}-{config('HOST_BODY_SYMBOL')}",
        **values,
    )


def period_bounds(year: int, period: str) -> tuple[datetime.date, datetime.date]:
    if period == PERIOD_HALF_YEAR:
        return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def period_phrase(year: int, period: str) -> str:
    """"6 tháng đầu năm 2026" or "năm 2026", as reports name their period."""
    return f"6 tháng đầu năm {year}" if period == PERIOD_HALF_YEAR else f"năm {year}"


def recipients_from(text: str, default: Iterable[str]) -> tuple[str, ...]:
    """The "Nơi nhận" lines typed by the user (one per line, "- " added), or the document's default list."""
    lines = [line.strip().lstrip("-").strip() for line in (text or "").splitlines() if line.strip()]
    return tuple(f"- {line}" for line in lines) if lines else tuple(default)


def parse_date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class DocumentForm(forms.Form):
    """Fields every issued document shares: its number, its date and who receives it."""

    number = forms.CharField(
        label=_("Document number"), max_length=100, required=False,
        help_text=_("E.g. 15/BC-SNgV. Leave empty to write it by hand after signing."),
    )
    issued_on = forms.DateField(
        label=_("Date on the document"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for today."),
    )
    recipients = forms.CharField(
        label=_("Recipients (Nơi nhận)"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line. Leave empty for the usual list."),
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class PeriodForm(DocumentForm):
    """A report on a 6-month or a yearly period."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    period = forms.ChoiceField(
        label=_("Period"), choices=[(PERIOD_HALF_YEAR, _("First 6 months")), (PERIOD_YEAR, _("Whole year"))]
    )
    field_order = ["year", "period", "number", "issued_on", "recipients"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class Document:
    """One kind of document: subclasses set the attributes and write `title` and `gather`.

    `record_fields` names the form fields that point at records ({field: model}); their querysets are the user's
    `for_user`, and `in_scope` checks them again when the file is downloaded.
    """

    kind: str = ""
    label = ""
    description = ""
    template_name = ""
    form_class: type[forms.Form] = DocumentForm
    record_fields: dict[str, type[models.Model]] = {}

    def available_to(self, user) -> bool:
        """Whether `user`'s role may ask for this document at all (otherwise 403)."""
        return user.is_authenticated and user.is_active

    def form(self, user, *args, **kwargs) -> forms.Form:
        form = self.form_class(*args, user=user, **kwargs)
        for name, model in self.record_fields.items():
            form.fields[name].queryset = self.scoped(model, user, name)
        return form

    def scoped(self, model, user, field_name: str):
        return model.objects.for_user(user)

    def parameters(self, cleaned_data: dict) -> dict:
        """The form's values as JSON: records by primary key, dates in ISO format."""
        result = {}
        for name, value in cleaned_data.items():
            if isinstance(value, models.Model):
                value = value.pk
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            result[name] = value
        return result

    def in_scope(self, user, parameters: dict) -> bool:
        """Whether `user` may see every record the document is about (checked on request and on download)."""
        if not self.available_to(user):
            return False
        for name, model in self.record_fields.items():
            pk = parameters.get(name)
            if pk is not None and not self.scoped(model, user, name).filter(pk=pk).exists():
                return False
        return True

    def title(self, cleaned_data: dict) -> str:
        raise NotImplementedError

    def gather(self, parameters: dict, user) -> dict:
        """The template context: every query the document needs, a constant number of them, run here."""
        raise NotImplementedError

    def file_stem(self, parameters: dict) -> str:
        return self.kind
