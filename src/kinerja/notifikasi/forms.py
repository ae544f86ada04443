from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ModeEmail


class PreferensiForm(forms.Form):
    email = forms.ChoiceField(
        label=_("Kirim notifikasi lewat e-mail"),
        choices=ModeEmail.choices,
        widget=forms.RadioSelect,
    )


class TokenBaruForm(forms.Form):
    nama = forms.CharField(
        label=_("Nama perangkat"),
        max_length=100,
        help_text=_("Misalnya: HP Android kantor."),
    )
