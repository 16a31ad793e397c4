from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DeliveryPreference


class DeliveryForm(forms.Form):
    delivery = forms.ChoiceField(
        label=_("E-mail me"), choices=DeliveryPreference.Delivery.choices, widget=forms.RadioSelect
    )
