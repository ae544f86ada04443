from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.common.formulir import galat_ke_form
from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.skp.models import IndikatorPK, Rhk

from .models import (
    Eskalasi,
    KategoriKendala,
    PeranAnggota,
    Proyek,
    StatusProyek,
    TingkatKendala,
)

TANGGAL = {"type": "date"}
TEKS_PENDEK = {"rows": 3}


terapkan_galat = galat_ke_form


class _PegawaiPilihan(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.nama_lengkap} — {obj.nip}"


class _TeksPilihan(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        teks = str(getattr(obj, "indikator", None) or getattr(obj, "teks", obj))
        return teks[:120]


class ProyekForm(forms.Form):
    kode = forms.CharField(label=_("Kode kegiatan"), max_length=40, required=False)
    nama = forms.CharField(label=_("Nama proyek/kegiatan"), max_length=250)
    pptk = _PegawaiPilihan(label=_("PPTK (penanggung jawab)"), queryset=Pegawai.objects.none())
    unit_pelaksana = forms.ModelChoiceField(
        label=_("Unit pelaksana"), queryset=UnitKerja.objects.none(), required=False
    )
    tahun_anggaran = forms.IntegerField(label=_("Tahun anggaran"), min_value=2000, max_value=2100)
    mulai = forms.DateField(
        label=_("Mulai"), widget=forms.DateInput(attrs=TANGGAL, format="%Y-%m-%d")
    )
    selesai = forms.DateField(
        label=_("Selesai"), widget=forms.DateInput(attrs=TANGGAL, format="%Y-%m-%d")
    )
    pagu = forms.DecimalField(
        label=_("Pagu (Rp)"), min_value=Decimal(0), max_digits=16, decimal_places=2
    )
    lokasi = forms.CharField(label=_("Lokasi"), max_length=250, required=False)
    indikator_pk = _TeksPilihan(
        label=_("Target Perjanjian Kinerja yang didukung"),
        queryset=IndikatorPK.objects.none(),
        required=False,
    )
    rhk = _TeksPilihan(label=_("RHK yang didukung"), queryset=Rhk.objects.none(), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=StatusProyek.choices)
    keterangan = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs=TEKS_PENDEK)
    )

    def __init__(
        self,
        *args: Any,
        opd: UnitKerja,
        pegawai: Any,
        indikator: Any,
        rhk: Any,
        hanya: set[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pptk"].queryset = pegawai  # type: ignore[attr-defined]
        self.fields["unit_pelaksana"].queryset = UnitKerja.objects.filter(  # type: ignore[attr-defined]
            path__startswith=opd.path
        ).order_by("path")
        self.fields["indikator_pk"].queryset = indikator  # type: ignore[attr-defined]
        self.fields["rhk"].queryset = rhk  # type: ignore[attr-defined]
        if hanya is not None:
            for nama in list(self.fields):
                if nama not in hanya:
                    del self.fields[nama]

    @staticmethod
    def awal(proyek: Proyek) -> dict[str, Any]:
        return {
            f: getattr(proyek, f)
            for f in (
                "kode",
                "nama",
                "pptk",
                "unit_pelaksana",
                "tahun_anggaran",
                "mulai",
                "selesai",
                "pagu",
                "lokasi",
                "indikator_pk",
                "rhk",
                "status",
                "keterangan",
            )
        }


def bulan_antara(mulai: dt.date, selesai: dt.date) -> list[dt.date]:
    bulan, akhir = mulai.replace(day=1), selesai.replace(day=1)
    hasil: list[dt.date] = []
    while bulan <= akhir and len(hasil) < 60:
        hasil.append(bulan)
        bulan = (bulan + dt.timedelta(days=32)).replace(day=1)
    return hasil


class RencanaForm(forms.Form):
    """One row per month: cumulative fisik % and cumulative keuangan (Rp) at the month's end."""

    def __init__(self, *args: Any, bulan: list[dt.date], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bulan = bulan
        for b in bulan:
            self.fields[f"fisik_{b:%Y_%m}"] = forms.DecimalField(
                label=_("Fisik %(b)s (%%)") % {"b": f"{b:%m/%Y}"},
                min_value=Decimal(0),
                max_value=Decimal(100),
                max_digits=5,
                decimal_places=2,
                required=False,
            )
            self.fields[f"keuangan_{b:%Y_%m}"] = forms.DecimalField(
                label=_("Keuangan %(b)s (Rp)") % {"b": f"{b:%m/%Y}"},
                min_value=Decimal(0),
                max_digits=16,
                decimal_places=2,
                required=False,
            )

    def baris(self) -> list[tuple[dt.date, forms.BoundField, forms.BoundField]]:
        return [(b, self[f"fisik_{b:%Y_%m}"], self[f"keuangan_{b:%Y_%m}"]) for b in self.bulan]

    def nilai(self) -> list[tuple[dt.date, Decimal, Decimal]]:
        hasil = []
        for b in self.bulan:
            fisik = self.cleaned_data.get(f"fisik_{b:%Y_%m}")
            keu = self.cleaned_data.get(f"keuangan_{b:%Y_%m}")
            if fisik is None and keu is None:
                continue
            hasil.append((b, fisik or Decimal(0), keu or Decimal(0)))
        return hasil


class TahapanForm(forms.Form):
    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    nama = forms.CharField(label=_("Tahapan"), max_length=200)
    bobot = forms.DecimalField(
        label=_("Bobot (%)"), required=False, max_digits=5, decimal_places=2, min_value=Decimal(0)
    )
    jatuh_tempo = forms.DateField(
        label=_("Jatuh tempo"), widget=forms.DateInput(attrs=TANGGAL, format="%Y-%m-%d")
    )
    deliverable = forms.CharField(label=_("Keluaran"), required=False, max_length=500)


TahapanFormSet = forms.formset_factory(TahapanForm, extra=2, can_delete=True, max_num=40)


class AnggotaForm(forms.Form):
    pegawai = _PegawaiPilihan(label=_("Pegawai"), queryset=Pegawai.objects.none())
    peran = forms.ChoiceField(
        label=_("Peran"), choices=[c for c in PeranAnggota.choices if c[0] != PeranAnggota.PPTK]
    )

    def __init__(self, *args: Any, pegawai: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = pegawai  # type: ignore[attr-defined]


class BanyakBerkas(forms.ClearableFileInput):
    allow_multiple_selected = True


class BanyakBerkasField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", BanyakBerkas(attrs={"accept": ".jpg,.jpeg,.png,.pdf,.docx,.xlsx"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, (list, tuple)):
            return [super(BanyakBerkasField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class ProgresForm(forms.Form):
    tanggal = forms.DateField(
        label=_("Tanggal"), widget=forms.DateInput(attrs=TANGGAL, format="%Y-%m-%d")
    )
    fisik = forms.DecimalField(
        label=_("Progres fisik kumulatif (%)"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=5,
        decimal_places=2,
    )
    keuangan = forms.DecimalField(
        label=_("Realisasi keuangan kumulatif (Rp)"),
        min_value=Decimal(0),
        max_digits=16,
        decimal_places=2,
    )
    narasi = forms.CharField(
        label=_("Narasi (apa yang dikerjakan)"),
        required=False,
        widget=forms.Textarea(attrs=TEKS_PENDEK),
    )
    alasan_koreksi = forms.CharField(
        label=_("Alasan koreksi (jika nilai kumulatif turun)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    berkas = BanyakBerkasField(
        label=_("Foto/dokumen bukti"),
        required=False,
        help_text=_("JPG, PNG, PDF, DOCX atau XLSX; paling banyak 5 berkas, masing-masing 10 MB."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].initial = timezone.localdate()


class KendalaForm(forms.Form):
    judul = forms.CharField(label=_("Judul kendala"), max_length=200)
    kategori = forms.ChoiceField(label=_("Kategori"), choices=KategoriKendala.choices)
    tingkat = forms.ChoiceField(
        label=_("Tingkat"),
        choices=TingkatKendala.choices,
        help_text=_("Kendala kritis langsung tampil di pantauan pemerintah kota."),
    )
    deskripsi = forms.CharField(
        label=_("Deskripsi"), required=False, widget=forms.Textarea(attrs=TEKS_PENDEK)
    )


class TugaskanForm(forms.Form):
    penanggung_jawab = _PegawaiPilihan(label=_("Penanggung jawab"), queryset=Pegawai.objects.none())
    batas_waktu = forms.DateField(
        label=_("Batas waktu"),
        required=False,
        widget=forms.DateInput(attrs=TANGGAL, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, tim: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["penanggung_jawab"].queryset = tim  # type: ignore[attr-defined]


class BatasWaktuForm(forms.Form):
    batas_waktu = forms.DateField(
        label=_("Batas waktu"), widget=forms.DateInput(attrs=TANGGAL, format="%Y-%m-%d")
    )


class EskalasiForm(forms.Form):
    ke = forms.ChoiceField(
        label=_("Eskalasi ke"),
        choices=[(Eskalasi.OPD, Eskalasi.OPD.label), (Eskalasi.KOTA, Eskalasi.KOTA.label)],
    )


class KomentarForm(forms.Form):
    isi = forms.CharField(label=_("Komentar"), widget=forms.Textarea(attrs={"rows": 2}))


class SelesaiForm(forms.Form):
    resolusi = forms.CharField(
        label=_("Resolusi (bagaimana diselesaikan)"), widget=forms.Textarea(attrs={"rows": 2})
    )


class MilestoneSelesaiForm(forms.Form):
    tanggal = forms.DateField(
        label=_("Tanggal selesai"), widget=forms.DateInput(attrs=TANGGAL, format="%Y-%m-%d")
    )
    bukti = forms.FileField(label=_("Bukti (opsional)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].initial = timezone.localdate()
