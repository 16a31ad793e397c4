"""The base of every record form: the version seen when the form was opened, and an optional reason."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class RecordForm(forms.ModelForm):
    """A ModelForm that carries the record's version (for conflict detection) and a reason for the change.

    `version` is the record's `modified_at` when the form was rendered; `ConcurrencySafeUpdateView` refuses the
    save when the record changed since. `change_reason` goes into the history.
    """

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    change_reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=100,
        help_text=_("Optional; shown in the record's history."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and getattr(self.instance, "modified_at", None):
            self.fields["version"].initial = self.instance.modified_at.isoformat()
        else:
            # A new record has no history yet: no reason to ask for.
            del self.fields["change_reason"]
