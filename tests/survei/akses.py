"""Expected answer per persona for every survei URL (merged into tests/test_akses.py)."""

from __future__ import annotations

from kinerja.survei import services
from tests.akses_aturan import (
    FORBIDDEN,
    LOGIN_ONLY,
    NONE,
    NOT_FOUND,
    OK,
    OWN_OPD,
    PUBLIC,
    REDIRECT,
    Aturan,
)
from tests.conftest import PERSONAS
from tests.factories import KotaKecil
from tests.survei.factories import buat_unit_layanan

# admin BKPSDMD and the pimpinan of Dukcapil (whose OPD holds the unit layanan) manage it
PENGELOLA = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "admin_bkpsdmd": OK,
    "pimpinan_opd": OK,
    "anonim": REDIRECT,
}
# the officer, their atasan langsung and city roles; others 404
PETUGAS = OWN_OPD | {"pimpinan_opd": NOT_FOUND}


def _impor(kota: KotaKecil) -> dict[str, object]:
    unit = buat_unit_layanan(kota)
    batch = services.impor_survei_periksa(
        instansi=kota.instansi,
        oleh=kota.pimpinan,
        nama_file="kertas.csv",
        konten=b"tanggal,kode_unit_layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2026-01-05,dukcapil-ktp,3,3,3,3,3,3,3,3,3\n",
        units=[unit],
    )
    return {"pk": batch.pk}


def _kode(kota: KotaKecil) -> dict[str, object]:
    return {"kode": buat_unit_layanan(kota).kode}


def _pk(kota: KotaKecil) -> dict[str, object]:
    return {"pk": buat_unit_layanan(kota).pk}


EXPECTED: dict[str, Aturan] = {
    "survei_form": ("get", _kode, PUBLIC),
    "survei_kiosk": ("get", _kode, PUBLIC),
    "survei_terima_kasih": ("get", _kode, PUBLIC),
    "survei_hasil_publik": ("get", _kode, PUBLIC),
    "survei_index": ("get", NONE, LOGIN_ONLY),
    "unit_layanan_tambah": ("get", NONE, PENGELOLA),
    "unit_layanan_ubah": ("get", _pk, PENGELOLA),
    "survei_ikm": ("get", _pk, OWN_OPD),
    "survei_laporan_pdf": ("get", _pk, OWN_OPD),
    "survei_qr": ("get", _pk, OWN_OPD),
    "survei_poster": ("get", _pk, OWN_OPD),
    "survei_ekspor": ("get", _pk, PENGELOLA),
    "survei_impor": ("get", NONE, PENGELOLA),
    "survei_impor_detail": ("get", _impor, PENGELOLA),
    "survei_mencurigakan": ("get", NONE, PENGELOLA),
    "survei_petugas_saya": ("get", NONE, LOGIN_ONLY),
    "survei_petugas": ("get", lambda k: {"pk": k.pegawai.pk}, PETUGAS),
}
