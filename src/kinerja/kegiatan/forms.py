from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.skp.models import Aspek, Rhk

from .models import StatusLaporan

PRESET_DURASI = [(30, _("30 menit")), (60, _("1 jam")), (90, _("1,5 jam")), (120, _("2 jam"))]


def pilihan_indikator(rows: list[Rhk], *, manual: bool | None = None) -> list[Any]:
    """Indikator grouped by RHK for a <select> with <optgroup>s (rows from rhk_untuk_skp)."""
    from .services import indikator_manual

    hasil: list[Any] = [("", _("— pilih indikator —"))]
    for rhk in rows:
        opsi = []
        for ind in rhk.indikator_set.all():
            if manual is not None and indikator_manual(ind) != manual:
                continue
            label = f"{ind.teks} · {ind.target}"
            if ind.aspek == Aspek.KUANTITAS and ind.target_satuan:
                label += f" ({ind.target_satuan})"
            opsi.append((ind.pk, label))
        if opsi:
            hasil.append((rhk.teks[:90], opsi))
    return hasil


class LaporanForm(forms.Form):
    tanggal = forms.DateField(
        label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    uraian = forms.CharField(
        label=_("Apa yang dikerjakan"),
        max_length=4000,
        widget=forms.Textarea(
            attrs={"rows": 3, "placeholder": _("mis. Memverifikasi 12 berkas KTP-el")}
        ),
    )
    durasi_menit = forms.TypedChoiceField(
        label=_("Durasi"),
        choices=[*PRESET_DURASI, ("", _("lain / jam mulai–selesai"))],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "preset"}),
    )
    durasi_lain = forms.IntegerField(
        label=_("Durasi lain (menit)"), min_value=1, max_value=1440, required=False
    )
    jam_mulai = forms.TimeField(
        label=_("Jam mulai"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    jam_selesai = forms.TimeField(
        label=_("Jam selesai"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    indikator = forms.TypedChoiceField(
        label=_("Indikator yang didukung"), coerce=int, empty_value=None, required=False
    )
    kuantitas = forms.DecimalField(
        label=_("Jumlah output"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text=_("Dihitung ke realisasi indikator kuantitas setelah disetujui."),
    )
    satuan = forms.CharField(label=_("Satuan"), max_length=60, required=False)
    tautan = forms.URLField(
        label=_("Tautan bukti"), max_length=500, required=False, assume_scheme="https"
    )

    def __init__(self, *args: Any, rhk_rows: list[Rhk] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indikator"].choices = pilihan_indikator(rhk_rows or [])  # type: ignore[attr-defined]
        if not self.is_bound and "tanggal" not in self.initial:
            self.initial["tanggal"] = timezone.localdate()

    def nilai_layanan(self) -> dict[str, Any]:
        d = self.cleaned_data
        durasi = d.get("durasi_menit") or d.get("durasi_lain")
        if d.get("jam_mulai") and d.get("jam_selesai"):
            durasi = None
        return {
            "tanggal": d["tanggal"],
            "uraian": d["uraian"],
            "durasi_menit": durasi,
            "jam_mulai": d.get("jam_mulai"),
            "jam_selesai": d.get("jam_selesai"),
            "indikator": d.get("indikator"),
            "kuantitas": d.get("kuantitas"),
            "satuan": d.get("satuan") or "",
            "tautan": d.get("tautan") or "",
        }


class FilterLaporanForm(forms.Form):
    bulan = forms.CharField(
        label=_("Bulan"), required=False, widget=forms.DateInput(attrs={"type": "month"})
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua")), *StatusLaporan.choices]
    )


class TemplateForm(forms.Form):
    nama = forms.CharField(label=_("Nama template"), max_length=120)
    uraian = forms.CharField(label=_("Uraian kegiatan"), widget=forms.Textarea(attrs={"rows": 3}))
    durasi_menit = forms.IntegerField(
        label=_("Durasi (menit)"), min_value=1, max_value=1440, required=False
    )
    indikator = forms.TypedChoiceField(
        label=_("Indikator"), coerce=int, empty_value=None, required=False
    )
    satuan = forms.CharField(label=_("Satuan"), max_length=60, required=False)

    def __init__(self, *args: Any, rhk_rows: list[Rhk] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indikator"].choices = pilihan_indikator(rhk_rows or [])  # type: ignore[attr-defined]


class RealisasiManualForm(forms.Form):
    indikator = forms.TypedChoiceField(label=_("Indikator"), coerce=int)
    tanggal = forms.DateField(
        label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    nilai = forms.DecimalField(label=_("Nilai realisasi"), max_digits=14, decimal_places=2)
    keterangan = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    tautan = forms.URLField(
        label=_("Tautan bukti"), max_length=500, required=False, assume_scheme="https"
    )

    def __init__(self, *args: Any, rhk_rows: list[Rhk] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indikator"].choices = pilihan_indikator(rhk_rows or [], manual=True)  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial.setdefault("tanggal", timezone.localdate())


class KembalikanForm(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan untuk pegawai"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
