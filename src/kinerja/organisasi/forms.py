from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _


class MasukForm(AuthenticationForm):
    username = forms.CharField(
        label=_("NIP / NI PPPK"),
        max_length=18,
        widget=forms.TextInput(
            attrs={"autofocus": True, "inputmode": "numeric", "autocomplete": "username"}
        ),
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("NIP atau kata sandi salah. Periksa kembali lalu coba lagi."),
        "inactive": _("Akun ini tidak aktif. Hubungi admin BKPSDMD."),
    }


class GantiPasswordForm(PasswordChangeForm):
    pass


class CariPegawaiForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), required=False, max_length=100)


class BeriPeranForm(forms.Form):
    """Admin BKPSDMD grants a role; the unit scope is required for OPD roles."""

    nip = forms.CharField(label=_("NIP / NI PPPK pegawai"), max_length=18)
    peran = forms.ChoiceField(label=_("Peran"))
    unit: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Cakupan OPD"),
        queryset=None,
        required=False,
        help_text=_("Wajib untuk Pimpinan OPD dan Operator OPD."),
    )
    selesai = forms.DateField(
        label=_("Berlaku sampai (kosongkan bila tidak dibatasi)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: object, instansi_id: int, **kwargs: object) -> None:
        from .models import Pegawai, Peran, UnitKerja

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["peran"].choices = Peran.choices  # type: ignore[attr-defined]
        self.fields["unit"].queryset = UnitKerja.objects.filter(  # type: ignore[attr-defined]
            instansi_id=instansi_id, parent__isnull=True
        ).order_by("nama")
        self._instansi_id = instansi_id
        self._pegawai_model = Pegawai

    def clean_nip(self) -> object:
        nip = self.cleaned_data["nip"].strip()
        pegawai = self._pegawai_model.objects.filter(nip=nip, instansi_id=self._instansi_id).first()
        if pegawai is None:
            raise forms.ValidationError(_("Pegawai dengan NIP ini tidak ditemukan."))
        return pegawai
