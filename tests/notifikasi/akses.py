"""Access table of the notifikasi pages (merged into tests/test_akses.py's URL walk)."""

from __future__ import annotations

from tests.akses_aturan import LOGIN_ONLY, NONE, NOT_FOUND, REDIRECT, Aturan
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

# only the owner: everybody else gets 404 (never the data), anonymous goes to the login page
MILIK_REDIRECT = dict.fromkeys(PERSONAS, NOT_FOUND) | {"pegawai": REDIRECT, "anonim": REDIRECT}
SEMUA_REDIRECT = dict.fromkeys(PERSONAS, REDIRECT)


def _notif(k: KotaKecil) -> dict[str, object]:
    from tests.notifikasi.util import notif

    return {"pk": notif(k.pegawai).pk}


def _token(k: KotaKecil) -> dict[str, object]:
    from kinerja.api.auth import token_buat

    return {"pk": token_buat(pegawai=k.pegawai, nama="HP")[0].pk}


EXPECTED: dict[str, Aturan] = {
    "notifikasi_list": ("get", NONE, LOGIN_ONLY),
    "notifikasi_lonceng": ("get", NONE, LOGIN_ONLY),
    "notifikasi_buka": ("get", _notif, MILIK_REDIRECT),
    "notifikasi_tandai_dibaca": ("post", _notif, MILIK_REDIRECT),
    "notifikasi_tandai_semua": ("post", NONE, SEMUA_REDIRECT),
    "notifikasi_preferensi": ("get", NONE, LOGIN_ONLY),
    "token_list": ("get", NONE, LOGIN_ONLY),
    "token_cabut": ("post", _token, MILIK_REDIRECT),
}
