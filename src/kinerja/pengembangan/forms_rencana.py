"""Forms of the "rencana" part: shape only; the rules are in services_rencana.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BentukPelatihan, Pendaftaran, TopikKompetensi


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _topik() -> Any:
    return TopikKompetensi.objects.filter(aktif=True).order_by("urutan", "nama")


def _label_dialog(d: Any) -> str:
    return f"{d.tanggal:%d-%m-%Y} · {d.topik[:60]}"


class KebutuhanForm(forms.Form):
    topik = forms.ModelChoiceField(
        label=_("Topik kompetensi"), queryset=TopikKompetensi.objects.none()
    )
    alasan = forms.CharField(
        label=_("Alasan / kebutuhan"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topik"].queryset = _topik()  # type: ignore[attr-defined]


class RencanaForm(forms.Form):
    tujuan = forms.CharField(
        label=_("Tujuan pengembangan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kompetensi apa yang ingin ditingkatkan tahun ini, dan untuk apa."),
    )
    revisi = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AktivitasForm(forms.Form):
    uraian = forms.CharField(label=_("Aktivitas"), max_length=300)
    bentuk = forms.ChoiceField(label=_("Bentuk"), choices=BentukPelatihan.choices)
    topik = forms.ModelChoiceField(
        label=_("Topik kompetensi"), queryset=TopikKompetensi.objects.none(), required=False
    )
    batas = forms.DateField(label=_("Batas waktu"), widget=_DateInput())
    pendaftaran = forms.ModelChoiceField(
        label=_("Pendaftaran pelatihan terkait (opsional)"),
        queryset=Pendaftaran.objects.none(),
        required=False,
    )
    dialog = forms.ModelChoiceField(
        label=_("Dialog kinerja terkait (coaching/mentoring, opsional)"),
        queryset=Pendaftaran.objects.none(),
        required=False,
    )
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    revisi = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, pegawai_id: int, atasan_id: int, **kwargs: Any) -> None:
        from kinerja.umpanbalik.models import DialogKinerja

        super().__init__(*args, **kwargs)
        self.fields["topik"].queryset = _topik()  # type: ignore[attr-defined]
        pendaftaran = self.fields["pendaftaran"]
        pendaftaran.queryset = (  # type: ignore[attr-defined]
            Pendaftaran.objects.filter(pegawai_id=pegawai_id)
            .select_related("pelatihan")
            .order_by("-dibuat_pada")
        )
        pendaftaran.label_from_instance = lambda p: (  # type: ignore[attr-defined]
            f"{p.pelatihan.judul} ({p.get_status_display()})"
        )
        dialog = self.fields["dialog"]
        dialog.queryset = DialogKinerja.objects.filter(  # type: ignore[attr-defined]
            pegawai_id=pegawai_id, atasan_id=atasan_id
        ).order_by("-tanggal", "-pk")
        dialog.label_from_instance = _label_dialog  # type: ignore[attr-defined]
