"""Forms of the "pelatihan" part: shape only; the rules are in services_pelatihan.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BentukPelatihan, BidangKompetensi, Pelatihan, TopikKompetensi


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _topik() -> Any:
    return TopikKompetensi.objects.filter(aktif=True).order_by("urutan", "nama")


class PelatihanForm(forms.Form):
    judul = forms.CharField(label=_("Judul"), max_length=200)
    deskripsi = forms.CharField(
        label=_("Deskripsi"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    bidang = forms.ChoiceField(label=_("Bidang kompetensi"), choices=BidangKompetensi.choices)
    bentuk = forms.ChoiceField(label=_("Bentuk"), choices=BentukPelatihan.choices)
    topik = forms.ModelMultipleChoiceField(
        label=_("Topik kompetensi"),
        queryset=TopikKompetensi.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    penyelenggara = forms.CharField(label=_("Penyelenggara"), max_length=200)
    jp = forms.DecimalField(
        label=_("JP"),
        max_digits=5,
        decimal_places=2,
        help_text=_("1 JP = 45 menit."),
        error_messages={"invalid": _("Isi JP dengan angka.")},
    )
    mulai = forms.DateField(label=_("Mulai"), required=False, widget=_DateInput())
    selesai = forms.DateField(label=_("Selesai"), required=False, widget=_DateInput())
    kuota = forms.IntegerField(
        label=_("Kuota peserta"),
        required=False,
        help_text=_("Kosongkan bila tidak dibatasi."),
    )
    lokasi = forms.CharField(label=_("Lokasi"), max_length=200, required=False)
    aktif = forms.BooleanField(label=_("Aktif (tampil di katalog)"), required=False, initial=True)

    def __init__(self, *args: Any, pelatihan: Pelatihan | None = None, **kwargs: Any) -> None:
        if pelatihan is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "judul": pelatihan.judul,
                "deskripsi": pelatihan.deskripsi,
                "bidang": pelatihan.bidang,
                "bentuk": pelatihan.bentuk,
                "topik": list(pelatihan.topik.all()),
                "penyelenggara": pelatihan.penyelenggara,
                "jp": pelatihan.jp,
                "mulai": pelatihan.mulai,
                "selesai": pelatihan.selesai,
                "kuota": pelatihan.kuota,
                "lokasi": pelatihan.lokasi,
                "aktif": pelatihan.aktif,
            }
        super().__init__(*args, **kwargs)
        self.fields["topik"].queryset = _topik()  # type: ignore[attr-defined]


class DaftarForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan / kebutuhan (opsional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PutusForm(forms.Form):
    setuju = forms.TypedChoiceField(
        choices=[("1", _("Setujui")), ("0", _("Tolak"))], coerce=lambda v: v == "1"
    )
    catatan = forms.CharField(
        label=_("Catatan (wajib bila menolak)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SelesaiForm(forms.Form):
    tanggal_selesai = forms.DateField(label=_("Tanggal selesai"), widget=_DateInput())
    sertifikat = forms.FileField(
        label=_("Sertifikat"),
        help_text=_("PDF, JPG atau PNG, paling besar 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class TugaskanForm(forms.Form):
    pegawai = forms.TypedChoiceField(label=_("Bawahan"), coerce=int, choices=[])
    pelatihan = forms.ModelChoiceField(label=_("Pelatihan"), queryset=Pelatihan.objects.none())
    alasan = forms.CharField(
        label=_("Alasan penugasan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, bawahan: list[Any], pelatihan_qs: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].choices = [  # type: ignore[attr-defined]
            ("", "---------"),
            *((p.pk, f"{p.nama_lengkap} ({p.nip})") for p in bawahan),
        ]
        self.fields["pelatihan"].queryset = pelatihan_qs  # type: ignore[attr-defined]


class EksternalForm(forms.Form):
    judul = forms.CharField(label=_("Judul pelatihan"), max_length=200)
    penyelenggara = forms.CharField(label=_("Penyelenggara"), max_length=200)
    bidang = forms.ChoiceField(label=_("Bidang kompetensi"), choices=BidangKompetensi.choices)
    bentuk = forms.ChoiceField(label=_("Bentuk"), choices=BentukPelatihan.choices)
    topik = forms.ModelMultipleChoiceField(
        label=_("Topik kompetensi"),
        queryset=TopikKompetensi.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    mulai = forms.DateField(label=_("Mulai"), widget=_DateInput())
    selesai = forms.DateField(label=_("Selesai"), widget=_DateInput())
    jp = forms.DecimalField(
        label=_("JP"),
        max_digits=5,
        decimal_places=2,
        required=False,
        help_text=_("Isi JP bila tertera di sertifikat, atau isi durasi dalam menit."),
    )
    menit = forms.IntegerField(
        label=_("Durasi (menit)"),
        required=False,
        min_value=1,
        help_text=_("Dihitung menjadi JP: 1 JP = 45 menit, dua desimal, dibulatkan."),
    )
    sertifikat = forms.FileField(
        label=_("Sertifikat"),
        help_text=_("PDF, JPG atau PNG, paling besar 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topik"].queryset = _topik()  # type: ignore[attr-defined]


class VerifikasiForm(forms.Form):
    setuju = forms.TypedChoiceField(
        choices=[("1", _("Verifikasi")), ("0", _("Tolak"))], coerce=lambda v: v == "1"
    )
    catatan = forms.CharField(label=_("Catatan"), required=False, max_length=2000)


class KoreksiForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan koreksi"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
