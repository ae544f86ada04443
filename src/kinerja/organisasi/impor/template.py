"""The downloadable template: one sheet per kind with an example row, and a "petunjuk" sheet."""

from __future__ import annotations

import datetime as dt
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .kolom import KOLOM

_KOLOM_TANGGAL = {"ditutup_pada", "tmt_jabatan"}
_TEBAL = Font(bold=True)
_WAJIB = PatternFill("solid", fgColor="FDE4E1")


def impor_template_xlsx() -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for jenis, kolom_list in KOLOM.items():
        sheet = workbook.create_sheet(jenis)
        for i, kolom in enumerate(kolom_list, start=1):
            header = sheet.cell(row=1, column=i, value=kolom.nama)
            header.font = _TEBAL
            if kolom.wajib:
                header.fill = _WAJIB
            contoh = sheet.cell(row=2, column=i)
            if kolom.nama in _KOLOM_TANGGAL and kolom.contoh:
                contoh.value = dt.date.fromisoformat(kolom.contoh)
                contoh.number_format = "yyyy-mm-dd"
            else:
                contoh.value = kolom.contoh or None
                contoh.number_format = "@"  # text: keeps NIP digits and leading zeros
            letter = get_column_letter(i)
            sheet.column_dimensions[letter].width = max(14, len(kolom.nama) + 4)
        sheet.freeze_panes = "A2"
    _petunjuk(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _petunjuk(workbook: Workbook) -> None:
    sheet = workbook.create_sheet("petunjuk")
    catatan = [
        _("Petunjuk impor data organisasi (unit, jabatan, pegawai)"),
        _(
            "Isi lembar unit, jabatan, dan pegawai; hapus baris contoh. Judul kolom di baris 1 "
            "jangan diubah (huruf besar/kecil dan spasi tidak berpengaruh; alias ala ekspor "
            "SIASN juga diterima)."
        ),
        _("Kolom berwarna merah muda wajib diisi. Tanggal: YYYY-MM-DD atau DD-MM-YYYY."),
        _(
            "Unggah dulu untuk pemeriksaan (tidak ada data yang diubah). Jika tidak ada galat, "
            "tekan Terapkan: semua baris disimpan, atau tidak sama sekali."
        ),
        _(
            "Impor ulang memperbarui data berdasarkan kode unit, kode jabatan, dan NIP; tidak "
            "membuat data ganda. Sel kosong pada kolom opsional tidak mengubah nilai yang ada."
        ),
        _(
            "Akun pegawai baru belum punya kata sandi: pegawai memakai “Lupa kata sandi” "
            "(email) atau admin BKPSDMD mengatur ulang kata sandinya."
        ),
    ]
    for row, teks in enumerate(catatan, start=1):
        sheet.cell(row=row, column=1, value=teks).font = _TEBAL if row == 1 else Font()
    start = len(catatan) + 2
    judul = [_("lembar"), _("kolom"), _("wajib"), _("alias"), _("keterangan"), _("contoh")]
    for i, teks in enumerate(judul, start=1):
        sheet.cell(row=start, column=i, value=teks).font = _TEBAL
    row = start + 1
    for jenis, kolom_list in KOLOM.items():
        for kolom in kolom_list:
            values = [
                jenis,
                kolom.nama,
                _("ya") if kolom.wajib else _("tidak"),
                ", ".join(kolom.alias),
                str(kolom.keterangan),
                kolom.contoh,
            ]
            for i, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=i, value=value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
    for letter, width in zip("ABCDEF", (10, 22, 8, 36, 70, 22), strict=True):
        sheet.column_dimensions[letter].width = width
