from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.models import Pegawai, UnitKerja

from .models import (
    JenisKelamin,
    JenisLayanan,
    Pekerjaan,
    Pendidikan,
    UnitLayanan,
    UnsurSkm,
    Usia,
)

KOSONG = [("", _("— tidak diisi —"))]


def _pilih(nilai: Any, per_pk: dict[int, JenisLayanan]) -> JenisLayanan | None:
    """The jenis from the list already read (no second query); invalid → the usual error."""
    if nilai in (None, ""):
        return None
    try:
        return per_pk[int(nilai)]
    except (KeyError, TypeError, ValueError) as exc:
        raise forms.ValidationError(_("Pilih layanan dari daftar."), code="invalid_choice") from exc


class PetugasField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.nama_lengkap)


class SurveiForm(forms.Form):
    """The citizen's form: the nine unsur as radio groups, the rest optional."""

    token = forms.CharField(widget=forms.HiddenInput, required=False)
    jenis_layanan = forms.ModelChoiceField(
        label=_("Layanan yang Anda terima"),
        queryset=JenisLayanan.objects.none(),
        empty_label=_("— pilih layanan —"),
        error_messages={"required": _("Pilih layanan yang Anda terima.")},
    )
    usia = forms.ChoiceField(label=_("Usia"), choices=KOSONG + Usia.choices, required=False)
    jenis_kelamin = forms.ChoiceField(
        label=_("Jenis kelamin"), choices=KOSONG + JenisKelamin.choices, required=False
    )
    pendidikan = forms.ChoiceField(
        label=_("Pendidikan terakhir"), choices=KOSONG + Pendidikan.choices, required=False
    )
    pekerjaan = forms.ChoiceField(
        label=_("Pekerjaan"), choices=KOSONG + Pekerjaan.choices, required=False
    )
    petugas = PetugasField(
        label=_("Petugas yang melayani (boleh dikosongkan)"),
        queryset=Pegawai.objects.none(),
        required=False,
        empty_label=_("— tidak diisi —"),
    )
    saran = forms.CharField(
        label=_("Saran atau pengaduan"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # honeypot: hidden from people (CSS and aria-hidden), filled by naive bots
    website = forms.CharField(
        label=_("Jangan isi kolom ini"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(
        self,
        *args: Any,
        unsur: list[UnsurSkm],
        jenis: list[JenisLayanan],
        petugas: QuerySet[Pegawai],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.unsur = unsur
        self.jenis = jenis
        jenis_field = self.fields["jenis_layanan"]
        jenis_field.queryset = JenisLayanan.objects.filter(  # type: ignore[attr-defined]
            pk__in=[j.pk for j in jenis]
        )
        jenis_per_pk = {j.pk: j for j in jenis}
        jenis_field.to_python = lambda v: _pilih(v, jenis_per_pk)  # type: ignore[method-assign,assignment]
        jenis_field.required = bool(jenis)
        self.fields["petugas"].queryset = petugas  # type: ignore[attr-defined]
        for u in unsur:
            self.fields[f"u{u.nomor}"] = forms.TypedChoiceField(
                label=u.pertanyaan,
                choices=u.pilihan,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Pilih salah satu jawaban untuk pertanyaan ini."),
                    "invalid_choice": _("Jawaban harus salah satu dari nilai 1 sampai 4."),
                },
            )

    def unsur_fields(self) -> list[tuple[UnsurSkm, forms.BoundField, SafeString]]:
        return [
            (u, self[f"u{u.nomor}"], radio_html(self[f"u{u.nomor}"], u.pilihan)) for u in self.unsur
        ]


class UnitKerjaField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{'· ' * obj.depth}{obj.nama}"


class UnitLayananForm(forms.Form):
    nama = forms.CharField(label=_("Nama unit layanan"), max_length=200)
    kode = forms.SlugField(
        label=_("Kode tautan"),
        max_length=39,
        help_text=_("Huruf kecil, angka, tanda hubung; menjadi tautan /s/kode/."),
    )
    unit_kerja = UnitKerjaField(label=_("Unit kerja"), queryset=UnitKerja.objects.none())
    alamat = forms.CharField(label=_("Alamat"), max_length=255, required=False)
    jenis = forms.CharField(
        label=_("Jenis layanan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Satu jenis layanan per baris."),
        required=False,
    )
    aktif = forms.BooleanField(label=_("Aktif menerima survei"), required=False, initial=True)

    def __init__(
        self, *args: Any, unit_kerja: list[UnitKerja], instance: UnitLayanan | None, **kwargs: Any
    ) -> None:
        if instance is not None:
            kwargs["initial"] = {
                "nama": instance.nama,
                "kode": instance.kode,
                "unit_kerja": instance.unit_kerja_id,
                "alamat": instance.alamat,
                "aktif": instance.aktif,
                "jenis": "\n".join(
                    j.nama for j in instance.jenis_set.filter(aktif=True).order_by("urutan")
                ),
            }
        super().__init__(*args, **kwargs)
        self.fields["unit_kerja"].queryset = UnitKerja.objects.filter(  # type: ignore[attr-defined]
            pk__in=[u.pk for u in unit_kerja]
        ).order_by("path")
        if instance is not None:
            self.fields["kode"].disabled = True  # printed posters carry the link

    def clean_jenis(self) -> list[str]:
        return [b.strip() for b in self.cleaned_data.get("jenis", "").splitlines() if b.strip()]


def radio_html(bf: forms.BoundField, pilihan: list[tuple[int, str]]) -> SafeString:
    """The four radio labels of one unsur, written directly (fast on a small server)."""
    nilai = str(bf.value() or "")
    return format_html_join(
        "",
        '<label class="pilihan" for="id_{0}_{1}"><input type="radio" name="{0}" value="{1}"'
        ' id="id_{0}_{1}" required{2}> <span>{3}</span></label>',
        ((bf.name, str(v), " checked" if str(v) == nilai else "", label) for v, label in pilihan),
    )


def opsi_html(bf: forms.BoundField, opsi: list[tuple[Any, str]]) -> SafeString:
    nilai = str(bf.value() or "")
    return format_html_join(
        "",
        '<option value="{0}"{1}>{2}</option>',
        ((str(v), " selected" if str(v) == nilai else "", label) for v, label in opsi),
    )
