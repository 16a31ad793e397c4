"""The upload field other apps put in their forms; it cleans to a list of checked files (or one file)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext

from .validation import ACCEPT_ATTRIBUTE, allowed_types_text, max_upload_bytes, validate_upload


def _help_text() -> str:
    return gettext("%(types)s; at most %(limit)s per file.") % {
        "types": allowed_types_text(),
        "limit": filesizeformat(max_upload_bytes()),
    }


upload_help_text = lazy(_help_text, str)


class AttachmentInput(forms.FileInput):
    """A file input that offers only the allowed types in the browser's picker (the server checks again)."""

    def __init__(self, attrs=None, multiple: bool = True):
        self.allow_multiple_selected = multiple
        super().__init__({"accept": ACCEPT_ATTRIBUTE, **(attrs or {})})


class AttachmentField(forms.FileField):
    """Upload field for attachments: type, size and content are checked, each bad file named in the error.

    `multiple=True` (the default) cleans to a list of files, empty when none was chosen; `multiple=False` to one
    file or None. Store the result with `doingoai.files.services.attach_all(record, files, by=user)` (or `attach`).
    A bad file makes the form invalid with a message on this field; the other fields keep what the user typed.
    """

    widget = AttachmentInput

    def __init__(self, *, multiple: bool = True, **kwargs):
        self.multiple = multiple
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", AttachmentInput(multiple=multiple))
        kwargs.setdefault("help_text", upload_help_text())
        super().__init__(**kwargs)

    def to_python(self, data):
        uploaded = super().to_python(data)
        if uploaded is not None:
            validate_upload(uploaded)
        return uploaded

    def clean(self, data, initial=None):
        if not self.multiple:
            return super().clean(data, initial)
        files = [each for each in (data if isinstance(data, (list, tuple)) else [data]) if each]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        cleaned, errors = [], []
        for uploaded in files:
            try:
                cleaned.append(super().clean(uploaded, initial))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned

    def bound_data(self, data, initial):
        return initial if self.multiple else super().bound_data(data, initial)

    def has_changed(self, initial, data):
        return bool(data) if self.multiple else super().has_changed(initial, data)
