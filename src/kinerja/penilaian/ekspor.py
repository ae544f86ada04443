"""Exports of the evaluation: rekap XLSX (per unit/OPD/city), angka kredit XLSX, and the
monthly predikat-per-pegawai file for the TPP/payroll system (CSV and XLSX).

Every number comes from tampilan.py (aggregates) and G's rule tables (aturan.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _

from .models import Predikat, Rating
from .tampilan import PREDIKAT_URUT, RATING_URUT

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _buku(judul: str, kepala: Sequence[str], baris: Iterable[Sequence[Any]], info: list) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = judul[:31]
    ws.append([judul])
    ws["A1"].font = Font(bold=True, size=13)
    for row in info:
        ws.append(row)
    ws.append([])
    ws.append(list(kepala))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in baris:
        ws.append(list(row))
    for i, _k in enumerate(kepala):
        ws.column_dimensions[chr(ord("A") + i)].width = 14 if i else 40
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def rekap_xlsx(rows: list[dict[str, Any]], *, tingkat: str, info: list) -> bytes:
    """G's rekap rows: total, dinilai, dikunci, per predikat, per rating hasil/perilaku."""
    kepala = [
        _("Kota") if tingkat == "kota" else _("Unit") if tingkat == "unit" else _("OPD"),
        _("Evaluasi"),
        _("Dinilai"),
        _("Dikunci"),
        *[str(Predikat(k).label) for k in PREDIKAT_URUT],
        *[_("Hasil: %(r)s") % {"r": Rating(r).label} for r in RATING_URUT],
        *[_("Perilaku: %(r)s") % {"r": Rating(r).label} for r in RATING_URUT],
    ]
    baris = [
        [
            r.get("nama") or _("Seluruh instansi"),
            r["total"],
            r["dinilai"],
            r["dikunci"],
            *[r.get(str(k), 0) for k in PREDIKAT_URUT],
            *[r.get(f"hasil_{x}", 0) for x in RATING_URUT],
            *[r.get(f"perilaku_{x}", 0) for x in RATING_URUT],
        ]
        for r in rows
    ]
    return _buku(_("Rekap penilaian"), kepala, baris, info)


def angka_kredit_xlsx(rows: list[dict[str, Any]], *, info: list) -> bytes:
    """G's angka_kredit_pegawai rows."""
    from kinerja.organisasi.models import Jenjang

    kepala = [
        _("Nama"),
        _("NIP"),
        _("Jenjang"),
        _("Predikat"),
        _("Persen AK"),
        _("Koefisien tahunan"),
        _("Bulan"),
        _("Angka kredit"),
    ]

    def angka(v: Any) -> float | None:
        return float(v) if v is not None else None

    baris = [
        [
            r["nama"],
            r["nip"],
            str(Jenjang(r["jenjang"]).label) if r["jenjang"] in Jenjang.values else r["jenjang"],
            str(Predikat(r["predikat"]).label) if r["predikat"] else "",
            angka(r["persen"]),
            angka(r["koefisien"]),
            r["bulan"],
            angka(r["angka_kredit"]),
        ]
        for r in rows
    ]
    return _buku(_("Angka kredit"), kepala, baris, info)


KOLOM_TPP = ["nip", "nama", "unit", "tahun", "bulan", "predikat", "predikat_label", "persen_tpp"]


def _tpp_baris(rows: list[dict[str, Any]]) -> list[list[Any]]:
    return [
        [
            r["nip"],
            r["nama"],
            r["unit"],
            r["tahun"],
            r["bulan"],
            r["predikat"],
            str(Predikat(r["predikat"]).label) if r["predikat"] else "",
            f"{r['persen_tpp']:.2f}" if r["persen_tpp"] is not None else "",
        ]
        for r in rows
    ]


def tpp_csv(rows: list[dict[str, Any]]) -> bytes:
    """UTF-8 with BOM (opens right in spreadsheet programs), comma separated, a header row;
    the NIP is text (18 digits would lose precision as a number)."""
    buffer = io.StringIO()
    tulis = csv.writer(buffer)
    tulis.writerow(KOLOM_TPP)
    tulis.writerows(_tpp_baris(rows))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def tpp_xlsx(rows: list[dict[str, Any]]) -> bytes:
    return _buku("TPP", KOLOM_TPP, _tpp_baris(rows), [])
