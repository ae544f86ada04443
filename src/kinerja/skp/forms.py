from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    Aspek,
    IndikatorPK,
    JenisRhk,
    Kadensi,
    Pendekatan,
    Rhk,
    StatusPeriode,
    SumberRealisasi,
)

TEKS_PENDEK = {"rows": 2}


class PeriodeForm(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    mulai = forms.DateField(label=_("Mulai"), widget=forms.DateInput(attrs={"type": "date"}))
    selesai = forms.DateField(label=_("Selesai"), widget=forms.DateInput(attrs={"type": "date"}))
    kadensi = forms.ChoiceField(label=_("Penilaian periodik"), choices=Kadensi.choices)
    batas_penyusunan = forms.DateField(
        label=_("Batas penyusunan SKP"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    batas_persetujuan = forms.DateField(
        label=_("Batas persetujuan SKP"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    status = forms.ChoiceField(label=_("Status"), choices=StatusPeriode.choices)


class SkpDraftForm(forms.Form):
    pendekatan = forms.ChoiceField(label=_("Pendekatan"), choices=Pendekatan.choices)
    dukungan_sumber_daya = forms.CharField(
        label=_("Dukungan sumber daya"), required=False, widget=forms.Textarea(attrs=TEKS_PENDEK)
    )
    skema_pertanggungjawaban = forms.CharField(
        label=_("Skema pertanggungjawaban"),
        required=False,
        widget=forms.Textarea(attrs=TEKS_PENDEK),
    )
    konsekuensi = forms.CharField(
        label=_("Konsekuensi"), required=False, widget=forms.Textarea(attrs=TEKS_PENDEK)
    )


class _RhkPilihan(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(getattr(obj, "teks", None) or getattr(obj, "indikator", obj))


class RhkForm(forms.Form):
    teks = forms.CharField(label=_("Rencana hasil kerja"), widget=forms.Textarea(attrs=TEKS_PENDEK))
    jenis = forms.ChoiceField(label=_("Jenis"), choices=JenisRhk.choices)
    rhk_atasan = _RhkPilihan(
        label=_("RHK pimpinan yang diintervensi"),
        queryset=Rhk.objects.none(),
        required=False,
        empty_label=_("— pilih RHK atasan —"),
    )
    indikator_pk = _RhkPilihan(
        label=_("Indikator Perjanjian Kinerja"),
        queryset=IndikatorPK.objects.none(),
        required=False,
        empty_label=_("— pilih indikator PK —"),
    )

    def __init__(
        self,
        *args: Any,
        rhk_pilihan: list[Rhk] | None = None,
        pk_pilihan: list[IndikatorPK] | None = None,
        jpt: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        rhk_ids = [r.pk for r in rhk_pilihan or []]
        pk_ids = [i.pk for i in pk_pilihan or []]
        self.fields["rhk_atasan"].queryset = Rhk.objects.filter(pk__in=rhk_ids)  # type: ignore[attr-defined]
        self.fields["indikator_pk"].queryset = IndikatorPK.objects.filter(pk__in=pk_ids)  # type: ignore[attr-defined]
        # choices from the lists already loaded: no query per rendered row
        self.fields["rhk_atasan"].choices = [("", self.fields["rhk_atasan"].empty_label)] + [  # type: ignore[attr-defined]
            (r.pk, r.teks) for r in rhk_pilihan or []
        ]
        self.fields["indikator_pk"].choices = [("", self.fields["indikator_pk"].empty_label)] + [  # type: ignore[attr-defined]
            (i.pk, i.indikator) for i in pk_pilihan or []
        ]
        if jpt:
            del self.fields["rhk_atasan"]
        else:
            del self.fields["indikator_pk"]


class IndikatorForm(forms.Form):
    aspek = forms.ChoiceField(label=_("Aspek"), choices=Aspek.choices)
    teks = forms.CharField(label=_("Indikator kinerja individu"))
    target_angka = forms.DecimalField(
        label=_("Target"), required=False, max_digits=14, decimal_places=2, min_value=0
    )
    target_satuan = forms.CharField(label=_("Satuan"), required=False, max_length=60)
    target_teks = forms.CharField(label=_("Target (kualitatif)"), required=False, max_length=200)
    sumber_realisasi = forms.ChoiceField(
        label=_("Sumber realisasi"),
        choices=SumberRealisasi.choices,
        initial=SumberRealisasi.LAPORAN,
    )
    unit_layanan_id = forms.TypedChoiceField(
        label=_("Unit layanan (untuk sumber IKM)"),
        coerce=int,
        required=False,
        empty_value=None,
    )

    def __init__(self, *args: Any, unit_pilihan: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit_layanan_id"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (u.pk, u.nama) for u in (unit_pilihan or [])
        ]


class KembalikanForm(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan untuk pegawai"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class SasaranForm(forms.Form):
    sasaran = forms.CharField(
        label=_("Sasaran strategis"), widget=forms.Textarea(attrs=TEKS_PENDEK)
    )


class IndikatorPKForm(forms.Form):
    sasaran_id = forms.IntegerField(widget=forms.HiddenInput)
    indikator = forms.CharField(label=_("Indikator kinerja"))
    target_angka = forms.DecimalField(
        label=_("Target"), required=False, max_digits=14, decimal_places=2, min_value=0
    )
    satuan = forms.CharField(label=_("Satuan"), required=False, max_length=60)
    target_teks = forms.CharField(label=_("Target (teks)"), required=False, max_length=200)


class BagikanForm(forms.Form):
    rhk_atasan = forms.TypedChoiceField(label=_("RHK Anda yang diintervensi"), coerce=int)
    bawahan = forms.TypedMultipleChoiceField(
        label=_("Bawahan"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    jenis = forms.ChoiceField(label=_("Jenis"), choices=JenisRhk.choices)
    teks = forms.CharField(label=_("Rencana hasil kerja"), widget=forms.Textarea(attrs=TEKS_PENDEK))
    aspek = forms.ChoiceField(label=_("Aspek"), choices=Aspek.choices)
    indikator = forms.CharField(label=_("Indikator kinerja individu"))
    target_angka = forms.DecimalField(
        label=_("Target"), required=False, max_digits=14, decimal_places=2, min_value=0
    )
    target_satuan = forms.CharField(label=_("Satuan"), required=False, max_length=60)
    target_teks = forms.CharField(label=_("Target (kualitatif)"), required=False, max_length=200)

    def __init__(
        self, *args: Any, rhk_pilihan: list[Rhk], bawahan: list[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rhk_atasan"].choices = [(r.pk, r.teks) for r in rhk_pilihan]  # type: ignore[attr-defined]
        self.fields["bawahan"].choices = [(p.pk, p.nama_lengkap) for p in bawahan]  # type: ignore[attr-defined]


class TemplateForm(forms.Form):
    nama = forms.CharField(label=_("Nama template"), max_length=200)
