from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


class ImporForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas XLSX atau CSV"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.txt"}),
    )
    jenis = forms.ChoiceField(
        label=_("Jenis data (untuk CSV)"),
        required=False,
        choices=[
            ("", _("Tentukan dari nama lembar / judul kolom")),
            ("unit", _("Unit kerja")),
            ("jabatan", _("Jabatan")),
            ("pegawai", _("Pegawai")),
        ],
    )

    def clean_berkas(self) -> UploadedFile:
        berkas: UploadedFile = self.cleaned_data["berkas"]
        batas = settings.IMPORT_MAX_BYTES
        if berkas.size is not None and berkas.size > batas:
            raise forms.ValidationError(
                _("Berkas terlalu besar (%(ukuran)s); batasnya %(batas)s.")
                % {"ukuran": filesizeformat(berkas.size), "batas": filesizeformat(batas)}
            )
        return berkas
