"""Access table of the SKP pages (merged into tests/test_akses.py's URL walk)."""

from __future__ import annotations

from tests.akses_aturan import (
    ADMIN_ONLY,
    FORBIDDEN,
    LOGIN_ONLY,
    NONE,
    NOT_FOUND,
    OK,
    OWN_OPD,
    REDIRECT,
    Aturan,
)
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

CONFLICT, UNPROCESSABLE = 409, 422
# only the owner edits: others in scope 403, outside scope 404
MILIK = {
    "pegawai": OK,
    "atasan": FORBIDDEN,
    "pimpinan_opd": FORBIDDEN,
    "admin_bkpsdmd": FORBIDDEN,
    "luar_opd": NOT_FOUND,
    "anonim": REDIRECT,
}
ATASAN_SAJA = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "atasan": OK,
    "pimpinan_opd": OK,
    "anonim": REDIRECT,
}
PENGELOLA_PK = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}


def _periode(k: KotaKecil) -> dict[str, object]:
    from tests.skp.util import buat_periode

    buat_periode(k)
    return {}


def _draf(k: KotaKecil) -> dict[str, object]:
    from tests.skp.util import rantai

    return {"pk": rantai(k)["skp"].pk}


def _rhk(k: KotaKecil) -> dict[str, object]:
    from tests.skp.util import isi_rhk, rantai

    data = rantai(k)
    return {"pk": isi_rhk(data["skp"], "Data terverifikasi", rhk_atasan=data["rhk_atasan"]).pk}


def _indikator(k: KotaKecil) -> dict[str, object]:
    from kinerja.skp.models import IndikatorKinerja

    rhk_pk = _rhk(k)["pk"]
    return {"pk": IndikatorKinerja.objects.filter(rhk_id=rhk_pk).first().pk}  # type: ignore[union-attr]


def _diajukan(k: KotaKecil) -> dict[str, object]:
    from kinerja.skp import services
    from kinerja.skp.models import Skp

    rhk_pk = _rhk(k)["pk"]
    skp = Skp.objects.get(rhk_set__pk=rhk_pk)
    return {"pk": services.skp_submit(skp=skp, oleh=k.pegawai).pk}


def _pk(k: KotaKecil) -> dict[str, object]:
    from tests.skp.util import rantai

    return {"pk": rantai(k)["perjanjian"].pk}


def _periode_pk(k: KotaKecil) -> dict[str, object]:
    from tests.skp.util import buat_periode

    return {"pk": buat_periode(k).pk}


EXPECTED: dict[str, Aturan] = {
    "skp_saya": ("get", NONE, LOGIN_ONLY),
    "skp_buat": ("post", _periode, dict.fromkeys(PERSONAS, REDIRECT)),
    "skp_detail": ("get", _draf, OWN_OPD),
    "skp_ubah": ("get", _draf, MILIK),
    "skp_simpan": ("post", _draf, MILIK | {"pegawai": UNPROCESSABLE}),
    "skp_rhk_tambah": ("post", _draf, MILIK | {"pegawai": UNPROCESSABLE}),
    "skp_template": ("post", _draf, MILIK | {"pegawai": NOT_FOUND}),
    "skp_ajukan": ("post", _draf, MILIK | {"pegawai": CONFLICT}),
    "skp_revisi": ("post", _draf, MILIK | {"pegawai": REDIRECT}),
    "skp_rhk_simpan": ("post", _rhk, MILIK | {"pegawai": UNPROCESSABLE}),
    "skp_rhk_hapus": ("post", _rhk, MILIK | {"pegawai": CONFLICT}),
    "skp_indikator_tambah": ("post", _rhk, MILIK | {"pegawai": UNPROCESSABLE}),
    "skp_indikator_simpan": ("post", _indikator, MILIK | {"pegawai": UNPROCESSABLE}),
    "skp_indikator_hapus": ("post", _indikator, MILIK | {"pegawai": CONFLICT}),
    "skp_setujui": (
        "post",
        _diajukan,
        ATASAN_SAJA | {"atasan": REDIRECT, "pimpinan_opd": FORBIDDEN},
    ),
    "skp_kembalikan": (
        "post",
        _diajukan,
        ATASAN_SAJA | {"atasan": REDIRECT, "pimpinan_opd": FORBIDDEN},
    ),
    "skp_ekspektasi": ("get", _diajukan, ATASAN_SAJA | {"pimpinan_opd": FORBIDDEN}),
    "skp_persetujuan": ("get", NONE, ATASAN_SAJA),
    "skp_rhk_bagikan": ("get", NONE, ATASAN_SAJA),
    "skp_periode_list": ("get", NONE, ADMIN_ONLY),
    "skp_periode_ubah": ("get", _periode_pk, ADMIN_ONLY),
    "skp_perjanjian_list": ("get", NONE, PENGELOLA_PK),
    "skp_perjanjian_detail": ("get", _pk, PENGELOLA_PK),
}

# documents, verification, matriks, monitoring: their own table (tests/skp/akses_dokumen.py)
try:
    from tests.skp.akses_dokumen import EXPECTED_DOKUMEN
except ModuleNotFoundError:  # not landed yet: the URL walk then reports those URLs as missing
    EXPECTED_DOKUMEN = {}
assert not set(EXPECTED_DOKUMEN) & set(EXPECTED), "URL names declared twice"
EXPECTED.update(EXPECTED_DOKUMEN)
