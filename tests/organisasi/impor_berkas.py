"""Import files built in memory for the importer tests."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook

UNIT = ["kode_unit", "nama_unit", "jenis_unit", "kode_unit_induk"]
JABATAN = [
    "kode_jabatan",
    "nama_jabatan",
    "jenis_jabatan",
    "jenjang",
    "kode_unit",
    "kode_jabatan_atasan",
    "kepala_unit",
]
PEGAWAI = ["nip", "nama", "status_asn", "golongan", "email", "kode_jabatan", "tmt_jabatan"]

NIP_ANDI = "198001012005011001"
NIP_BUDI = "198502022010012002"
NI_CITRA = "199003032023212003"  # NI PPPK: 18 digits


def xlsx(**sheets: list[list[Any]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def unit_rows() -> list[list[Any]]:
    return [
        UNIT,
        ["DINKES", "Dinas Kesehatan", "opd", ""],
        ["DINKES.YANKES", "Bidang Pelayanan Kesehatan", "Bidang", "DINKES"],
        ["PKM.TAMANSARI", "Puskesmas Taman Sari", "puskesmas", "DINKES"],
    ]


def jabatan_rows() -> list[list[Any]]:
    return [
        JABATAN,
        ["J-KADINKES", "Kepala Dinas Kesehatan", "JPT", "", "DINKES", "J-SEKDA", "Y"],
        [
            "J-KABID-YANKES",
            "Kepala Bidang Pelayanan",
            "Administrator",
            "",
            "DINKES.YANKES",
            "J-KADINKES",
            "ya",
        ],
        [
            "J-DOKTER",
            "Dokter",
            "fungsional",
            "Ahli Pertama",
            "PKM.TAMANSARI",
            "J-KABID-YANKES",
            "N",
        ],
    ]


def pegawai_rows() -> list[list[Any]]:
    return [
        PEGAWAI,
        [NIP_ANDI, "Andi Wijaya", "PNS", "IV/c", "andi@contoh.go.id", "J-KADINKES", "2024-01-02"],
        [NIP_BUDI, "Budi Hartono", "PNS", "III d", "", "J-KABID-YANKES", "02-01-2024"],
        [NI_CITRA, "Citra Lestari", "PPPK", "IX", "", "J-DOKTER", "02/01/2024"],
    ]


def berkas_baik() -> bytes:
    return xlsx(unit=unit_rows(), jabatan=jabatan_rows(), pegawai=pegawai_rows())


def buat_batch(kota: Any, konten: bytes | None = None, instansi: Any = None) -> Any:
    """A checked import batch of `kota` (or of another instansi), uploaded by its admin."""
    from kinerja.organisasi.impor import impor_batch_buat

    return impor_batch_buat(
        konten=berkas_baik() if konten is None else konten,
        nama_file="organisasi.xlsx",
        jenis=None,
        instansi=instansi or kota.instansi,
        oleh=kota.admin,
    )
