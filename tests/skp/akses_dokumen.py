"""Access table of the SKP documents, verification, matriks and monitoring pages (merged into
tests/skp/akses.py's EXPECTED, which the URL walk in tests/test_akses.py reads)."""

from __future__ import annotations

from tests.akses_aturan import (
    FORBIDDEN,
    LOGIN_ONLY,
    NOT_FOUND,
    OK,
    OWN_OPD,
    PUBLIC,
    REDIRECT,
    Aturan,
)
from tests.conftest import PERSONAS
from tests.factories import KotaKecil
from tests.skp.bahan_dokumen import buat_cascade, setujui

# pimpinan/operator OPD (their OPD: the kota's pimpinan is redirected to it), city roles
PANTAU = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": REDIRECT,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}


def _job(k: KotaKecil) -> dict[str, object]:
    from kinerja.skp.models import DokumenMassal

    periode = buat_cascade(k).periode
    return {"pk": DokumenMassal.objects.create(periode=periode, unit=k.dinas).pk}


def _skp_pegawai(k: KotaKecil) -> dict[str, object]:
    return {"pk": buat_cascade(k).skp_pegawai.pk}


def _kode(k: KotaKecil) -> dict[str, object]:
    return {"kode": setujui(buat_cascade(k).skp_pegawai, k.atasan, "AKSES234").kode}


def _seksi(k: KotaKecil) -> dict[str, object]:
    buat_cascade(k)
    return {"pk": k.seksi.pk}


def _dinas(k: KotaKecil) -> dict[str, object]:
    buat_cascade(k)
    return {"pk": k.dinas.pk}


EXPECTED_DOKUMEN: dict[str, Aturan] = {
    # documents: the pegawai, the atasan, pimpinan of the OPD, city roles; other OPDs get 404
    "skp_dokumen_pdf": ("get", _skp_pegawai, OWN_OPD),
    "skp_dokumen_xlsx": ("get", _skp_pegawai, OWN_OPD),
    "skp_verifikasi_cari": ("get", lambda k: {}, PUBLIC),
    "skp_verifikasi": ("get", _kode, PUBLIC),
    # matriks: a leader goes straight to their unit; the seksi's matriks is the kasi's
    "skp_matriks_index": ("get", lambda k: {}, LOGIN_ONLY | {"atasan": REDIRECT}),
    "skp_matriks_unit": ("get", _seksi, OWN_OPD | {"pegawai": NOT_FOUND}),
    "skp_monitoring_index": ("get", lambda k: {}, PANTAU),
    "skp_monitoring_opd": ("get", _dinas, PANTAU | {"pimpinan_opd": OK}),
    "skp_monitoring_pengingat": ("post", _dinas, PANTAU | {"admin_bkpsdmd": REDIRECT}),
    # bulk PDFs: pimpinan/operator of the OPD and admin BKPSDMD; the ZIP only when done (404)
    "skp_massal_index": ("get", lambda k: {}, PANTAU | {"pimpinan_opd": OK}),
    "skp_massal_detail": ("get", _job, PANTAU | {"pimpinan_opd": OK}),
    "skp_massal_unduh": (
        "get",
        _job,
        PANTAU | {"pimpinan_opd": NOT_FOUND, "admin_bkpsdmd": NOT_FOUND},
    ),
}
