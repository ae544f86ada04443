"""Forms of the feedback and dialog pages: shape only; the rules are in services.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.common.formulir import galat_ke_form
from kinerja.kegiatan.models import LaporanKegiatan
from kinerja.organisasi.models import Pegawai
from kinerja.skp.models import PerilakuKerja, Rhk

from .models import Sasaran
from .services import TEKS_MAKS, Subjek, TindakLanjutData

tempel_error = galat_ke_form


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _label_laporan(laporan: LaporanKegiatan) -> str:
    return f"{laporan.tanggal:%d-%m-%Y} · {laporan.uraian[:70]}"


class UmpanBalikForm(forms.Form):
    """Subject + text + optional evidence; the subject choices are the pegawai's own."""

    sasaran = forms.ChoiceField(label=_("Tentang"), choices=Sasaran.choices)
    laporan = forms.ModelChoiceField(
        label=_("Laporan kegiatan"), queryset=LaporanKegiatan.objects.none(), required=False
    )
    rhk = forms.ModelChoiceField(label=_("RHK"), queryset=Rhk.objects.none(), required=False)
    periode_mulai = forms.DateField(label=_("Realisasi dari"), required=False, widget=_DateInput())
    periode_selesai = forms.DateField(
        label=_("Realisasi sampai"), required=False, widget=_DateInput()
    )
    perilaku = forms.ModelChoiceField(
        label=_("Perilaku kerja (BerAKHLAK)"),
        queryset=PerilakuKerja.objects.filter(aktif=True).order_by("urutan", "pk"),
        required=False,
    )
    teks = forms.CharField(
        label=_("Umpan balik"),
        max_length=TEKS_MAKS,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    lampiran = forms.FileField(
        label=_("Lampiran (opsional)"),
        required=False,
        help_text=_("PDF, JPG/PNG, DOCX atau XLSX, paling besar 10 MB."),
    )

    def __init__(self, *args: Any, pegawai: Pegawai, permintaan: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        hari_ini = timezone.localdate()
        self.fields["periode_mulai"].initial = hari_ini.replace(day=1)
        self.fields["periode_selesai"].initial = hari_ini
        laporan_qs = LaporanKegiatan.objects.filter(pegawai=pegawai)
        laporan_field: Any = self.fields["laporan"]
        laporan_field.queryset = laporan_qs
        terbaru = list(laporan_qs.order_by("-tanggal", "-pk")[:30])
        dipilih = self.initial.get("laporan") or (self.data.get("laporan") if self.data else None)
        if dipilih and str(dipilih).isdigit() and all(str(x.pk) != str(dipilih) for x in terbaru):
            terbaru = list(laporan_qs.filter(pk=int(dipilih))) + terbaru
        laporan_field.choices = [("", "—")] + [(x.pk, _label_laporan(x)) for x in terbaru]
        rhk_field: Any = self.fields["rhk"]
        rhk_field.queryset = (
            Rhk.objects.filter(skp__pegawai=pegawai, skp__aktif=True)
            .select_related("skp__periode")
            .order_by("-skp__periode__tahun", "-jenis", "urutan", "pk")
        )
        rhk_field.label_from_instance = lambda r: f"{r.skp.periode.tahun} · {r.teks[:90]}"
        if permintaan:
            sasaran_field: Any = self.fields["sasaran"]
            sasaran_field.choices = [c for c in Sasaran.choices if c[0] != Sasaran.UMUM]
            self.fields["teks"].label = _("Apa yang ingin Anda tanyakan?")

    def subjek(self) -> Subjek:
        d = self.cleaned_data
        return Subjek(
            sasaran=d["sasaran"],
            laporan=d.get("laporan"),
            rhk=d.get("rhk"),
            periode_mulai=d.get("periode_mulai"),
            periode_selesai=d.get("periode_selesai"),
            perilaku=d.get("perilaku"),
        )


class BalasForm(forms.Form):
    teks = forms.CharField(
        label=_("Balasan"), max_length=TEKS_MAKS, widget=forms.Textarea(attrs={"rows": 3})
    )
    lampiran = forms.FileField(label=_("Lampiran (opsional)"), required=False)


class DialogForm(forms.Form):
    pegawai = forms.ModelChoiceField(
        label=_("Pegawai (bawahan)"), queryset=Pegawai.objects.none(), required=False
    )
    tanggal = forms.DateField(label=_("Tanggal dialog"), widget=_DateInput())
    topik = forms.CharField(
        label=_("Topik yang dibahas"),
        max_length=TEKS_MAKS,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    kesepakatan = forms.CharField(
        label=_("Kesepakatan"),
        max_length=TEKS_MAKS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, bawahan: list[Pegawai] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].initial = timezone.localdate()
        field: Any = self.fields["pegawai"]
        # only my bawahan may be chosen; a forged id is refused next to the field
        ids = [p.pk for p in bawahan or []]
        field.queryset = Pegawai.objects.filter(pk__in=ids).order_by("nama")
        field.label_from_instance = lambda p: p.nama_lengkap
        if bawahan:
            field.help_text = _("Kosongkan jika dialog ini dengan atasan Anda sendiri.")
        else:
            field.widget = forms.HiddenInput()


PEMILIK = [("pegawai", _("Pegawai")), ("atasan", _("Atasan"))]


class TindakLanjutForm(forms.Form):
    aksi = forms.CharField(label=_("Tindak lanjut"), max_length=TEKS_MAKS, required=False)
    pemilik = forms.ChoiceField(label=_("Oleh"), choices=PEMILIK, required=False)
    batas = forms.DateField(label=_("Batas waktu"), required=False, widget=_DateInput())

    def data_tl(self) -> TindakLanjutData | None:
        d = getattr(self, "cleaned_data", {})
        if not (d.get("aksi") or "").strip():
            return None
        batas: dt.date | None = d.get("batas")
        return TindakLanjutData(aksi=d["aksi"], pemilik=d.get("pemilik") or "", batas=batas)


TindakLanjutFormSet = forms.formset_factory(TindakLanjutForm, extra=3, max_num=20)
