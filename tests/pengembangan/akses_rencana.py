"""Access table of the "rencana" pages (merged by tests/pengembangan/akses.py).

The pegawai persona's plan / needs: the pegawai and the atasan (kasi, atasan langsung) are the
two sides; the pimpinan OPD (kepala dinas, also up the atasan chain) and admin BKPSDMD read;
the pegawai of another OPD sees nothing (404).
"""

from __future__ import annotations

from typing import Any

from tests.akses_aturan import FORBIDDEN, LOGIN_ONLY, NOT_FOUND, OK, REDIRECT
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

LIHAT = LOGIN_ONLY | {"luar_opd": NOT_FOUND}
# the two sides of the plan edit; readers 403
UBAH = LIHAT | {"pimpinan_opd": FORBIDDEN, "admin_bkpsdmd": FORBIDDEN}
AKSI = UBAH | {"pegawai": REDIRECT, "atasan": REDIRECT}
ATASAN_SAJA = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "atasan": OK,
    "pimpinan_opd": OK,
    "anonim": REDIRECT,
}
OPD_KOTA = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}


def _pegawai(k: KotaKecil) -> dict[str, object]:
    return {"pk": k.pegawai.pk}


def _kebutuhan(k: KotaKecil) -> dict[str, object]:
    from kinerja.pengembangan.services_rencana import kebutuhan_tambah
    from tests.pengembangan.rencana_util import topik

    n = kebutuhan_tambah(
        pegawai=k.pegawai, oleh=k.atasan, topik=topik("manajemen-waktu"), alasan="Sering terlambat"
    )
    return {"pk": n.pk}


def _rencana_obj(k: KotaKecil) -> Any:
    import datetime as dt

    from django.utils import timezone

    from kinerja.pengembangan import services_rencana as svc

    r = svc.rencana_buat(pegawai=k.pegawai, oleh=k.pegawai, tujuan="Meningkatkan pelayanan")
    a = svc.aktivitas_tambah(
        rencana=r,
        oleh=k.pegawai,
        revisi=r.revisi,
        uraian="Ikut pelatihan pelayanan prima",
        bentuk="klasikal",
        batas=dt.date(timezone.localdate().year, 12, 31),
    )
    return r, a


def _rencana(k: KotaKecil) -> dict[str, object]:
    r, _a = _rencana_obj(k)
    return {"pk": r.pk}


def _aktivitas(k: KotaKecil) -> dict[str, object]:
    _r, a = _rencana_obj(k)
    return {"pk": a.pk}


def NONE(k: KotaKecil) -> dict[str, object]:  # noqa: N802
    return {}


EXPECTED: dict[str, Any] = {
    "pengembangan:rekomendasi": ("get", NONE, LOGIN_ONLY),
    "pengembangan:rekomendasi_pegawai": ("get", _pegawai, LIHAT),
    # an empty form: in scope → the page again with the errors
    "pengembangan:kebutuhan_tambah": ("post", _pegawai, LIHAT),
    # only who recorded it removes it (the atasan)
    "pengembangan:kebutuhan_hapus": (
        "post",
        _kebutuhan,
        LIHAT
        | {
            "pegawai": FORBIDDEN,
            "atasan": REDIRECT,
            "pimpinan_opd": FORBIDDEN,
            "admin_bkpsdmd": FORBIDDEN,
        },
    ),
    "pengembangan:rencana": ("get", NONE, LOGIN_ONLY),
    "pengembangan:rencana_buat": ("get", NONE, LOGIN_ONLY),
    "pengembangan:rencana_tim": ("get", NONE, ATASAN_SAJA),
    "pengembangan:rencana_detail": ("get", _rencana, LIHAT),
    "pengembangan:rencana_ubah": ("get", _rencana, UBAH),
    "pengembangan:rencana_setujui": ("post", _rencana, AKSI),
    "pengembangan:aktivitas_tambah": ("get", _rencana, UBAH),
    "pengembangan:aktivitas_ubah": ("get", _aktivitas, UBAH),
    "pengembangan:aktivitas_hapus": ("post", _aktivitas, AKSI),
    "pengembangan:aktivitas_selesai": ("post", _aktivitas, AKSI),
}

EXPECTED |= {
    "pengembangan:kebutuhan_rekap": ("get", NONE, OPD_KOTA),
    "pengembangan:kebutuhan_ekspor": ("get", NONE, OPD_KOTA),
}


def _efek(k: KotaKecil) -> dict[str, object]:
    from tests.pengembangan.rencana_util import daftar, pelatihan

    p = pelatihan("Manajemen waktu", "manajemen-waktu")
    daftar(p, k.pegawai, "selesai")
    return {"pk": p.pk}


EFEK = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}
EXPECTED |= {
    "pengembangan:efek": ("get", NONE, EFEK),
    "pengembangan:efek_detail": ("get", _efek, EFEK),
}
