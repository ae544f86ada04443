"""Paper surveys from XLSX/CSV: one row per respondent; every row checked, all or nothing.

Columns (header names, any case): tanggal, kode_unit_layanan, jenis_layanan, U1…U9, usia,
jenis_kelamin, pendidikan, pekerjaan, saran. Profile cells take the code or the label.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    KOLOM_UNSUR,
    JenisKelamin,
    Pekerjaan,
    Pendidikan,
    Respons,
    StatusRespons,
    Sumber,
    UnitLayanan,
    Usia,
)

KOLOM = [
    "tanggal", "kode_unit_layanan", "jenis_layanan", *KOLOM_UNSUR,
    "usia", "jenis_kelamin", "pendidikan", "pekerjaan", "saran",
]  # fmt: skip
WAJIB = ["tanggal", "kode_unit_layanan", *KOLOM_UNSUR]
MAKS_BARIS = 50_000
PROFIL = {
    "usia": Usia,
    "jenis_kelamin": JenisKelamin,
    "pendidikan": Pendidikan,
    "pekerjaan": Pekerjaan,
}


@dataclass
class HasilPeriksa:
    respons: list[Respons] = field(default_factory=list)
    galat: list[dict[str, Any]] = field(default_factory=list)  # {baris, kolom, pesan}


def _teks(nilai: Any) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai).strip()


def baca_baris(konten: bytes, nama_file: str) -> list[dict[str, Any]]:
    """Rows as {column: cell}; ValidationError when the file cannot be read at all."""
    if not konten:
        raise ValidationError(_("Berkas kosong."))
    if len(konten) > settings.IMPORT_MAX_BYTES:
        raise ValidationError(_("Berkas terlalu besar."))
    if konten[:4] == b"PK\x03\x04":
        mentah = _xlsx(konten)
    elif nama_file.lower().endswith((".csv", ".txt")):
        mentah = _csv(konten)
    else:
        raise ValidationError(_("Jenis berkas tidak didukung: gunakan .xlsx atau .csv."))
    if not mentah:
        raise ValidationError(_("Berkas tidak berisi baris data."))
    header = [_teks(h).lower().replace(" ", "_") for h in mentah[0]]
    kurang = [k for k in WAJIB if k not in header]
    if kurang:
        raise ValidationError(
            _("Kolom wajib tidak ada: %(kolom)s.")
            % {
                "kolom": ", ".join(
                    k.upper() if k.startswith("u") and k[1:].isdigit() else k for k in kurang
                )
            }
        )
    baris = [dict(zip(header, r, strict=False)) for r in mentah[1:] if any(_teks(c) for c in r)]
    if len(baris) > MAKS_BARIS:
        raise ValidationError(_("Paling banyak %(n)s baris per berkas.") % {"n": MAKS_BARIS})
    return baris


def _xlsx(konten: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(konten), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError(_("Berkas XLSX tidak dapat dibaca.")) from exc
    ws = wb.worksheets[0]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _csv(konten: bytes) -> list[list[Any]]:
    try:
        teks = konten.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(_("Berkas CSV harus UTF-8.")) from exc
    pemisah = ";" if teks.split("\n", 1)[0].count(";") > teks.split("\n", 1)[0].count(",") else ","
    return [list(r) for r in csv.reader(io.StringIO(teks), delimiter=pemisah)]


def _tanggal(nilai: Any) -> dt.date | None:
    if isinstance(nilai, dt.datetime):
        return nilai.date()
    if isinstance(nilai, dt.date):
        return nilai
    teks = _teks(nilai)
    for pola in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(teks, pola).date()  # noqa: DTZ007 — a date only
        except ValueError:
            continue
    return None


def _profil(kolom: str, nilai: str) -> str | None:
    """The stored code for a code or a label; None when unknown."""
    if not nilai:
        return ""
    pilihan = PROFIL[kolom]
    for kode, label in pilihan.choices:
        if nilai.lower() in {str(kode).lower(), str(label).lower()}:
            return str(kode)
    return None


def periksa(baris: list[dict[str, Any]], units: dict[str, UnitLayanan]) -> HasilPeriksa:
    """Check every row (numbered as the user sees them: header = 1); build unsaved responses."""
    from .services import validasi_jawaban  # services imports this module

    hasil = HasilPeriksa()
    jenis_unit = {u.pk: {j.nama.lower(): j for j in u.jenis_set.all()} for u in units.values()}
    hari_ini = timezone.localdate()
    for nomor, data in enumerate(baris, start=2):
        galat_awal = len(hasil.galat)

        def salah(kolom: str, pesan: str, nomor: int = nomor) -> None:
            hasil.galat.append({"baris": nomor, "kolom": kolom, "pesan": pesan})

        tanggal = _tanggal(data.get("tanggal"))
        if tanggal is None:
            salah("tanggal", _("Tanggal tidak valid (pakai YYYY-MM-DD atau DD/MM/YYYY)."))
        elif tanggal > hari_ini:
            salah("tanggal", _("Tanggal di masa depan."))
        kode = _teks(data.get("kode_unit_layanan")).lower()
        unit = units.get(kode)
        if unit is None:
            salah("kode_unit_layanan", _("Unit layanan '%(kode)s' tidak dikenal.") % {"kode": kode})
        skor: dict[str, Any] = {k: _teks(data.get(k)) for k in KOLOM_UNSUR}
        for kolom, pesan in validasi_jawaban(skor).items():
            salah(kolom.upper(), pesan)
        profil: dict[str, str] = {}
        for kolom in PROFIL:
            kode_profil = _profil(kolom, _teks(data.get(kolom)))
            if kode_profil is None:
                salah(kolom, _("Pilihan '%(v)s' tidak dikenal.") % {"v": _teks(data.get(kolom))})
            else:
                profil[kolom] = kode_profil
        jenis = None
        nama_jenis = _teks(data.get("jenis_layanan"))
        if unit is not None and nama_jenis:
            jenis = jenis_unit[unit.pk].get(nama_jenis.lower())
            if jenis is None:
                salah(
                    "jenis_layanan",
                    _("Jenis layanan '%(v)s' tidak ada di unit ini.") % {"v": nama_jenis},
                )
        saran = _teks(data.get("saran"))
        if len(saran) > 2000:
            salah("saran", _("Saran/pengaduan paling banyak 2.000 karakter."))
        if len(hasil.galat) == galat_awal and unit is not None and tanggal is not None:
            hasil.respons.append(
                Respons(
                    unit_layanan=unit,
                    jenis_layanan=jenis,
                    tanggal=tanggal,
                    sumber=Sumber.KERTAS,
                    status=StatusRespons.VALID,
                    saran=saran,
                    **{k: int(skor[k]) for k in KOLOM_UNSUR},
                    **profil,
                )
            )
    return hasil
