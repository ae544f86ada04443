"""Access table of the pelatihan pages (part "pelatihan"), merged by tests/pengembangan/akses.py.

Personas (tests.factories.KotaKecil): the atasan is the pegawai's kepala seksi (decides the
pegawai's requests), the pimpinan the kepala dinas of the same OPD (in the chain, reads, does not
decide), the admin is admin BKPSDMD, luar a pelaksana of another OPD (sees nothing of the
pegawai: 404). POST actions in scope answer with a redirect (an empty form leaves a message)."""

from __future__ import annotations

from typing import Any

from tests.akses_aturan import (
    ADMIN_ONLY,
    FORBIDDEN,
    LOGIN_ONLY,
    NONE,
    NOT_FOUND,
    OK,
    REDIRECT,
)
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

ATASAN = dict.fromkeys(PERSONAS, FORBIDDEN) | {"atasan": OK, "pimpinan_opd": OK, "anonim": REDIRECT}
# the pegawai's enrolment: the pegawai, the atasan chain, the admin; luar 404
TERLIHAT = {
    "pegawai": OK,
    "atasan": OK,
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "luar_opd": NOT_FOUND,
    "anonim": REDIRECT,
}
# deciding: only the current atasan langsung (an empty decline → message + redirect)
PUTUS = TERLIHAT | {
    "pegawai": FORBIDDEN,
    "atasan": REDIRECT,
    "pimpinan_opd": FORBIDDEN,
    "admin_bkpsdmd": FORBIDDEN,
}
# the pegawai's own actions
MILIK_POST = TERLIHAT | {
    "pegawai": REDIRECT,
    "atasan": FORBIDDEN,
    "pimpinan_opd": FORBIDDEN,
    "admin_bkpsdmd": FORBIDDEN,
}
MILIK_GET = MILIK_POST | {"pegawai": OK}
ADMIN_POST = ADMIN_ONLY | {"admin_bkpsdmd": REDIRECT}
SEMUA_POST = dict.fromkeys(PERSONAS, REDIRECT)


def _pelatihan(k: KotaKecil) -> dict[str, object]:
    from tests.pengembangan.pelatihan_util import pelatihan

    return {"pk": pelatihan().pk}


def _diajukan(k: KotaKecil) -> dict[str, object]:
    from tests.pengembangan.pelatihan_util import diajukan

    return {"pk": diajukan(k).pk}


def _disetujui(k: KotaKecil) -> dict[str, object]:
    from tests.pengembangan.pelatihan_util import disetujui

    return {"pk": disetujui(k).pk}


def _selesai(k: KotaKecil) -> dict[str, object]:
    from tests.pengembangan.pelatihan_util import selesai

    return {"pk": selesai(k).pk}


def _eksternal(k: KotaKecil) -> dict[str, object]:
    from kinerja.pengembangan import services_pelatihan as svc
    from kinerja.pengembangan.models import BentukPelatihan, BidangKompetensi
    from tests.pengembangan.pelatihan_util import hari, pdf

    eks = svc.eksternal_catat(
        pegawai=k.pegawai,
        judul="Webinar",
        penyelenggara="LAN",
        bidang=BidangKompetensi.TEKNIS,
        bentuk=BentukPelatihan.E_LEARNING,
        mulai=hari(-2),
        selesai=hari(-1),
        menit=90,
        sertifikat=pdf(),
    )
    return {"pk": eks.pk}


EXPECTED: dict[str, Any] = {
    "pengembangan:katalog": ("get", NONE, LOGIN_ONLY),
    "pengembangan:pelatihan_detail": ("get", _pelatihan, LOGIN_ONLY),
    "pengembangan:pelatihan_tambah": ("get", NONE, ADMIN_ONLY),
    "pengembangan:pelatihan_ubah": ("get", _pelatihan, ADMIN_ONLY),
    "pengembangan:daftar": ("post", _pelatihan, SEMUA_POST),
    "pengembangan:saya": ("get", NONE, LOGIN_ONLY),
    "pengembangan:persetujuan": ("get", NONE, ATASAN),
    "pengembangan:tugaskan": ("get", NONE, ATASAN),
    "pengembangan:pendaftaran_detail": ("get", _diajukan, TERLIHAT),
    "pengembangan:pendaftaran_putus": ("post", _diajukan, PUTUS),
    "pengembangan:pendaftaran_batal": ("post", _diajukan, MILIK_POST),
    "pengembangan:pendaftaran_selesai": ("get", _disetujui, MILIK_GET),
    "pengembangan:sertifikat": ("get", _selesai, TERLIHAT),
    "pengembangan:pendaftaran_koreksi": ("post", _selesai, ADMIN_POST),
    "pengembangan:eksternal_tambah": ("get", NONE, LOGIN_ONLY),
    "pengembangan:eksternal_verifikasi_list": ("get", NONE, ADMIN_ONLY),
    "pengembangan:eksternal_verifikasi": ("post", _eksternal, ADMIN_POST),
    "pengembangan:eksternal_sertifikat": ("get", _eksternal, TERLIHAT),
}
