"""Per-persona answers of the skp pages (merged into tests/test_akses.py's URL walk)."""

from __future__ import annotations

from tests.akses_aturan import OK, OWN_OPD, PUBLIC, Aturan
from tests.factories import KotaKecil
from tests.skp.bahan_dokumen import buat_cascade, setujui


def _skp_pegawai(k: KotaKecil) -> dict[str, object]:
    return {"pk": buat_cascade(k).skp_pegawai.pk}


def _kode(k: KotaKecil) -> dict[str, object]:
    return {"kode": setujui(buat_cascade(k).skp_pegawai, k.atasan, "AKSES234").kode}


EXPECTED: dict[str, Aturan] = {
    # documents: the pegawai, the atasan, pimpinan of the OPD, city roles; other OPDs get 404
    "skp_dokumen_pdf": ("get", _skp_pegawai, OWN_OPD),
    "skp_dokumen_xlsx": ("get", _skp_pegawai, OWN_OPD),
    "skp_verifikasi_cari": ("get", lambda k: {}, PUBLIC),
    "skp_verifikasi": ("get", _kode, PUBLIC | {"anonim": OK}),
}
