from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.models import UnitKerja
from kinerja.pengembangan.models import KategoriPanduan, PertanyaanDenyut
from kinerja.pengembangan.selectors_sosialisasi import PERAN_TARGET
from kinerja.pengembangan.services_sosialisasi import KOMENTAR_MAKS, PERTANYAAN_MAKS

TANGGAL = {"type": "date"}


def _tanggal(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs=TANGGAL, format="%Y-%m-%d"),
    )


class PengumumanForm(forms.Form):
    judul = forms.CharField(label=_("Judul"), max_length=200)
    isi = forms.CharField(
        label=_("Isi"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Teks biasa. Baris kosong memisahkan paragraf."),
    )
    penting = forms.BooleanField(label=_("Penting (disorot)"), required=False)
    mulai = _tanggal(_("Tampil mulai"))
    selesai = _tanggal(_("Tampil sampai"), required=False)
    target_opd = forms.ModelMultipleChoiceField(
        label=_("OPD tujuan"),
        queryset=UnitKerja.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kosongkan untuk semua OPD."),
    )
    target_peran = forms.MultipleChoiceField(
        label=_("Peran tujuan"),
        choices=PERAN_TARGET,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kosongkan untuk semua peran."),
    )

    def __init__(self, *args: Any, instansi_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        opd = UnitKerja.objects.filter(instansi_id=instansi_id or 0, parent__isnull=True)
        self.fields["target_opd"].queryset = opd.order_by("nama")  # type: ignore[attr-defined]
        if not self.is_bound and "mulai" not in self.initial:
            self.initial["mulai"] = timezone.localdate()


class PanduanForm(forms.Form):
    judul = forms.CharField(label=_("Judul"), max_length=200)
    slug = forms.SlugField(
        label=_("Alamat"), max_length=80, help_text=_("Huruf kecil, angka dan tanda hubung.")
    )
    kategori = forms.ChoiceField(label=_("Kategori"), choices=KategoriPanduan.choices)
    ringkasan = forms.CharField(label=_("Ringkasan"), max_length=300, required=False)
    isi = forms.CharField(
        label=_("Isi"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Teks biasa. Baris kosong memisahkan paragraf; baris yang diawali “- ” menjadi butir."
        ),
    )
    urutan = forms.IntegerField(label=_("Urutan"), min_value=0, max_value=32000, initial=0)
    aktif = forms.BooleanField(label=_("Tampilkan"), required=False, initial=True)


class SurveiDenyutForm(forms.Form):
    judul = forms.CharField(label=_("Judul"), max_length=200)
    pengantar = forms.CharField(
        label=_("Pengantar"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    mulai = _tanggal(_("Mulai"))
    selesai = _tanggal(_("Selesai"))
    aktif = forms.BooleanField(label=_("Aktif"), required=False, initial=True)

    def __init__(self, *args: Any, pertanyaan_terkunci: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pertanyaan_terkunci = pertanyaan_terkunci
        for i in range(1, PERTANYAAN_MAKS + 1):
            self.fields[f"pertanyaan_{i}"] = forms.CharField(
                label=_("Pertanyaan %(n)d (nilai 1–5)") % {"n": i},
                max_length=300,
                required=i == 1 and not pertanyaan_terkunci,
                disabled=pertanyaan_terkunci,
            )

    def daftar_pertanyaan(self) -> list[str] | None:
        if self.pertanyaan_terkunci:
            return None
        return [
            self.cleaned_data.get(f"pertanyaan_{i}") or "" for i in range(1, PERTANYAAN_MAKS + 1)
        ]


NILAI = [(i, str(i)) for i in range(1, 6)]


class JawabDenyutForm(forms.Form):
    komentar = forms.CharField(
        label=_("Komentar (boleh dikosongkan)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=KOMENTAR_MAKS,
        help_text=_("Jangan menulis nama atau hal yang dapat mengenali Anda."),
    )

    def __init__(self, *args: Any, pertanyaan: list[PertanyaanDenyut], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pertanyaan = pertanyaan
        for p in pertanyaan:
            self.fields[f"p{p.pk}"] = forms.TypedChoiceField(
                label=p.teks,
                choices=NILAI,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "skala"}),
                help_text=_("1 = sangat tidak setuju, 5 = sangat setuju"),
                error_messages={"required": _("Pilih nilai 1 sampai 5.")},
            )
        # the comment last
        self.order_fields([f"p{p.pk}" for p in pertanyaan] + ["komentar"])

    def nilai(self) -> dict[int, int]:
        return {p.pk: int(self.cleaned_data[f"p{p.pk}"]) for p in self.pertanyaan}
