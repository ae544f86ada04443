"""Column definitions of the import file: canonical names, aliases, accepted values.

One source for the reader, the template's "petunjuk" sheet and docs/impor.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from openpyxl.utils.datetime import from_excel

from ..models import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    Eselon,
    JenisJabatan,
    JenisUnit,
    Jenjang,
    StatusAsn,
)

JENIS_DATA = ("unit", "jabatan", "pegawai")


@dataclass(frozen=True)
class Kolom:
    nama: str
    wajib: bool
    keterangan: str | Promise
    contoh: str
    alias: tuple[str, ...] = ()


KOLOM: dict[str, tuple[Kolom, ...]] = {
    "unit": (
        Kolom(
            "kode_unit",
            True,
            _("Kode unik unit di instansi; kunci untuk impor ulang."),
            "DINKES",
            ("kode", "unor_id", "id_unor", "kode_unor", "kode_unit_kerja", "kode_satker"),
        ),
        Kolom(
            "nama_unit",
            True,
            _("Nama unit kerja."),
            "Dinas Kesehatan",
            ("nama", "unor_nama", "nama_unor", "nama_unit_kerja", "nama_satker"),
        ),
        Kolom(
            "jenis_unit",
            True,
            _(
                "opd, sekretariat, bidang, bagian, seksi, subbagian, upt, kecamatan, kelurahan, "
                "puskesmas, sekolah, rsud (boleh ditulis sebagai labelnya)."
            ),
            "opd",
            ("jenis", "jenis_unor"),
        ),
        Kolom(
            "kode_unit_induk",
            False,
            _("Kode unit induk (di berkas ini atau yang sudah ada). Kosong = unit teratas (OPD)."),
            "",
            ("unor_induk_id", "kode_unor_induk", "id_unor_induk", "kode_induk", "induk"),
        ),
        Kolom(
            "singkatan",
            False,
            _("Nama singkat unit."),
            "Dinkes",
            ("nama_singkat", "singkatan_unor"),
        ),
        Kolom(
            "ditutup_pada",
            False,
            _("Tanggal unit ditutup (reorganisasi). Kosong = tidak diubah."),
            "",
            ("tanggal_ditutup", "tanggal_tutup", "tmt_ditutup"),
        ),
    ),
    "jabatan": (
        Kolom(
            "kode_jabatan",
            True,
            _("Kode unik jabatan di instansi; kunci untuk impor ulang."),
            "DINKES-KADIS",
            ("kode", "jabatan_id", "id_jabatan"),
        ),
        Kolom(
            "nama_jabatan",
            True,
            _("Nama jabatan."),
            "Kepala Dinas Kesehatan",
            ("nama", "jabatan_nama"),
        ),
        Kolom(
            "jenis_jabatan",
            True,
            _(
                "jpt, administrator, pengawas, pelaksana, fungsional (juga “JPT”, "
                "“Jabatan Pimpinan Tinggi”, “JFT”, “JFU”)."
            ),
            "jpt",
            ("jenis", "jenis_jabatan_nama"),
        ),
        Kolom(
            "jenjang",
            False,
            _(
                "Wajib untuk jabatan fungsional: ahli_pertama, ahli_muda, ahli_madya, ahli_utama, "
                "pemula, terampil, mahir, penyelia (atau “Ahli Pertama”, …)."
            ),
            "",
            ("jenjang_jabatan", "jenjang_fungsional"),
        ),
        Kolom(
            "eselon",
            False,
            _("II.a, II.b, III.a, III.b, IV.a, IV.b."),
            "II.b",
            ("eselon_nama", "eselon_id"),
        ),
        Kolom(
            "kode_unit",
            True,
            _("Kode unit tempat jabatan berada (di berkas ini atau yang sudah ada)."),
            "DINKES",
            ("unor_id", "id_unor", "kode_unor"),
        ),
        Kolom(
            "kode_jabatan_atasan",
            False,
            _(
                "Kode jabatan atasan langsung (garis atasan). Kosong = tidak punya atasan "
                "di instansi."
            ),
            "",
            ("jabatan_atasan_id", "atasan_jabatan_id", "kode_atasan", "kode_jabatan_induk"),
        ),
        Kolom(
            "kepala_unit",
            False,
            _("Y jika jabatan ini kepala unitnya, selain itu N (Y/N, ya/tidak, 1/0)."),
            "Y",
            ("kepala", "is_kepala"),
        ),
        Kolom(
            "ditutup_pada",
            False,
            _("Tanggal jabatan ditutup. Kosong = tidak diubah."),
            "",
            ("tanggal_ditutup", "tanggal_tutup", "tmt_ditutup"),
        ),
    ),
    "pegawai": (
        Kolom(
            "nip",
            True,
            _(
                "NIP (PNS) atau NI PPPK, 18 digit. Format sel sebagai Teks agar digit tidak "
                "berubah. Kunci untuk impor ulang."
            ),
            "199001012015031001",
            ("nip_baru", "nipbaru", "ni_pppk", "nomor_induk"),
        ),
        Kolom(
            "nama",
            True,
            _("Nama tanpa gelar."),
            "Nama Pegawai Contoh",
            ("nama_lengkap", "nama_pegawai"),
        ),
        Kolom("gelar_depan", False, _("Gelar depan, mis. Dr."), "", ("glr_depan",)),
        Kolom(
            "gelar_belakang", False, _("Gelar belakang, mis. S.Kom."), "S.Kom.", ("glr_belakang",)
        ),
        Kolom(
            "status_asn",
            True,
            _("PNS atau PPPK (juga “CPNS”, “P3K”)."),
            "PNS",
            ("status_pegawai", "jenis_pegawai", "status"),
        ),
        Kolom(
            "golongan",
            False,
            _("PNS: I/a … IV/e; PPPK: I … XVII."),
            "IV/c",
            ("gol_akhir_nama", "golongan_ruang", "gol_ruang", "gol", "golongan_akhir"),
        ),
        Kolom("email", False, _("Alamat email."), "", ("alamat_email", "surel", "email_gov")),
        Kolom(
            "telepon",
            False,
            _("Nomor telepon/HP."),
            "",
            ("nomor_hp", "no_hp", "hp", "nomor_telepon", "no_telp", "telp"),
        ),
        Kolom(
            "kode_jabatan",
            False,
            _(
                "Kode jabatan definitif (di berkas ini atau yang sudah ada). Jika berbeda dari "
                "jabatan sekarang, penugasan lama ditutup dan yang baru dibuka (mutasi)."
            ),
            "DINKES-KADIS",
            ("jabatan_id", "id_jabatan"),
        ),
        Kolom(
            "tmt_jabatan",
            False,
            _("Tanggal mulai jabatan (TMT). Kosong = hari impor."),
            "2024-01-02",
            ("tmt_jab", "tmt_jabatan_definitif"),
        ),
        Kolom(
            "aktif",
            False,
            _("Y = akun aktif, N = nonaktif. Kosong: Y untuk pegawai baru, tetap untuk yang lama."),
            "Y",
            ("status_aktif", "is_active"),
        ),
    ),
}


def kunci(teks: object) -> str:
    """Normalise a header or a choice: lower case, separators folded to one underscore."""
    text = str(teks or "").strip().lower().replace("*", "")
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def peta_header(jenis: str) -> dict[str, str]:
    """Normalised header (canonical name or alias) → canonical name, for one kind."""
    result: dict[str, str] = {}
    for kolom in KOLOM[jenis]:
        for alias in kolom.alias:
            result.setdefault(kunci(alias), kolom.nama)
    for kolom in KOLOM[jenis]:
        result[kolom.nama] = kolom.nama  # canonical names win over any alias
    return result


PETA_LEMBAR = {
    "unit": "unit",
    "unit_kerja": "unit",
    "unor": "unit",
    "jabatan": "jabatan",
    "pegawai": "pegawai",
    "asn": "pegawai",
}


def _pilihan(choices: type, tambahan: dict[str, str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for value, label in choices.choices:  # type: ignore[attr-defined]
        result[kunci(value)] = value
        for bahasa in ("id", "en"):
            with translation.override(bahasa):
                result[kunci(str(label))] = value
    result.update({kunci(k): v for k, v in tambahan.items()})
    return result


PILIHAN_JENIS_UNIT = _pilihan(
    JenisUnit,
    {
        "perangkat daerah": "opd",
        "dinas": "opd",
        "badan": "opd",
        "sub bagian": "subbagian",
        "subbag": "subbagian",
        "unit pelaksana teknis": "upt",
        "rumah sakit umum daerah": "rsud",
    },
)
PILIHAN_JENIS_JABATAN = _pilihan(
    JenisJabatan,
    {
        "pimpinan tinggi": "jpt",
        "jpt pratama": "jpt",
        "jpt madya": "jpt",
        "jabatan administrator": "administrator",
        "jabatan pengawas": "pengawas",
        "jabatan pelaksana": "pelaksana",
        "jfu": "pelaksana",
        "fungsional umum": "pelaksana",
        "jabatan fungsional": "fungsional",
        "jft": "fungsional",
        "fungsional tertentu": "fungsional",
    },
)
PILIHAN_JENJANG = _pilihan(Jenjang, {})
PILIHAN_STATUS_ASN = _pilihan(
    StatusAsn,
    {
        "cpns": "PNS",
        "pegawai negeri sipil": "PNS",
        "p3k": "PPPK",
        "pppk paruh waktu": "PPPK",
        "pegawai pemerintah dengan perjanjian kerja": "PPPK",
    },
)
PILIHAN_ESELON = {kunci(v): v for v in Eselon.values}
PILIHAN_BOOL = {
    **dict.fromkeys(["y", "ya", "yes", "1", "true", "benar", "aktif"], True),
    **dict.fromkeys(["n", "tidak", "no", "0", "false", "salah", "nonaktif"], False),
    kunci("tidak aktif"): False,
}

_ARAB_KE_ROMAWI = {"2": "II", "3": "III", "4": "IV"}


def normal_eselon(teks: str) -> str | None:
    compact = re.sub(r"[\s./\-]", "", teks).upper()
    compact = (
        _ARAB_KE_ROMAWI.get(compact[:1], "") + compact[1:] if compact[:1].isdigit() else compact
    )
    match = re.fullmatch(r"(II|III|IV)([AB])", compact)
    return f"{match[1]}.{match[2].lower()}" if match else None


def normal_golongan(teks: str) -> str:
    """'III a', 'iii/A', 'Penata Muda (III/a)' → 'III/a'; 'ix', '9' → 'IX'; else unchanged."""
    compact = re.sub(r"[\s.\-]", "", teks).upper()
    match = re.fullmatch(r"(IV|III|II|I)/?([A-E])", compact) or re.search(
        r"\b(IV|III|II|I)\s*/\s*([A-E])\b", teks.upper()
    )
    if match:
        return f"{match[1]}/{match[2].lower()}"
    if compact in GOLONGAN_PPPK:
        return compact
    if compact.isdigit() and 1 <= int(compact) <= len(GOLONGAN_PPPK):
        return GOLONGAN_PPPK[int(compact) - 1]
    return teks.strip()


def golongan_sah(golongan: str, status_asn: str) -> bool:
    return golongan in (GOLONGAN_PPPK if status_asn == StatusAsn.PPPK else GOLONGAN_PNS)


_FORMAT_TANGGAL = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y")


def parse_tanggal(nilai: object) -> dt.date:
    """XLSX date cells, Excel serial numbers, YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY."""
    if isinstance(nilai, dt.datetime):
        return nilai.date()
    if isinstance(nilai, dt.date):
        return nilai
    if isinstance(nilai, int | float) and not isinstance(nilai, bool) and 1 <= nilai < 2958466:
        converted = from_excel(nilai)
        if isinstance(converted, dt.datetime):
            return converted.date()
    teks = str(nilai).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?", teks):
        teks = teks[:10]
    for fmt in _FORMAT_TANGGAL:
        try:
            return dt.datetime.strptime(teks, fmt).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    raise ValueError(teks)
