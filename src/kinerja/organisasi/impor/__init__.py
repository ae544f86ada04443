"""Organisation importer: units, jabatan and pegawai from XLSX/CSV (see docs/impor.md).

data = impor_baca(konten=..., nama_file="pegawai.xlsx")        # ValidationError if unreadable
laporan = impor_periksa(data=data, instansi=instansi)           # dry run, no writes
laporan = impor_terapkan(data=data, instansi=instansi, oleh=admin, progress=cb)  # all or nothing
"""

from __future__ import annotations

from .baca import Baris, DataImpor, Lembar, impor_baca
from .batch import (
    impor_batch_antrekan,
    impor_batch_buat,
    impor_batch_jalankan,
    progress_baca,
)
from .kolom import JENIS_DATA, KOLOM, Kolom
from .laporan import GalatBaris, ImporGagal, LaporanImpor, Perubahan, Ringkasan
from .periksa import impor_periksa
from .template import impor_template_xlsx
from .terapkan import impor_terapkan

__all__ = [
    "JENIS_DATA",
    "KOLOM",
    "Baris",
    "DataImpor",
    "GalatBaris",
    "ImporGagal",
    "Kolom",
    "LaporanImpor",
    "Lembar",
    "Perubahan",
    "Ringkasan",
    "impor_baca",
    "impor_batch_antrekan",
    "impor_batch_buat",
    "impor_batch_jalankan",
    "impor_periksa",
    "impor_template_xlsx",
    "impor_terapkan",
    "progress_baca",
]
