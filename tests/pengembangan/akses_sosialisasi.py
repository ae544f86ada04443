"""Access table of the socialisation pages (announcements, guides, tour, pulse survey)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.akses_aturan import (
    ADMIN_ONLY,
    FORBIDDEN,
    LOGIN_ONLY,
    NONE,
    OK,
    OWN_OPD,
    REDIRECT,
)
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

UNPROCESSABLE = 422
# results of the pulse survey: admin BKPSDMD / pimpinan daerah (city), pimpinan OPD (own OPD)
HASIL = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "admin_bkpsdmd": OK,
    "pimpinan_opd": OK,
    "anonim": REDIRECT,
}


def _pengumuman(k: KotaKecil) -> dict[str, object]:
    """An announcement for the Dukcapil OPD (every role): the other OPD's pegawai gets 404."""
    from kinerja.pengembangan import services_sosialisasi as svc

    p = svc.pengumuman_simpan(
        oleh=k.admin,
        judul="Batas pengisian SKP",
        isi="SKP diajukan paling lambat 31 Januari.",
        mulai=dt.date(2026, 1, 1),
        target_opd=[k.dinas],
    )
    return {"pk": p.pk}


def _panduan(k: KotaKecil) -> dict[str, object]:
    from kinerja.pengembangan.models import Panduan

    p, _ = Panduan.objects.get_or_create(
        slug="uji-akses", defaults={"judul": "Uji", "kategori": "panduan", "isi": "Isi."}
    )
    return {"slug": p.slug}


def _survei(k: KotaKecil) -> dict[str, object]:
    import datetime as dt

    from django.utils import timezone

    from kinerja.pengembangan import services_sosialisasi as svc

    hari_ini = timezone.localdate()
    s = svc.denyut_simpan(
        oleh=k.admin,
        judul="Denyut",
        mulai=hari_ini - dt.timedelta(days=1),
        selesai=hari_ini + dt.timedelta(days=7),
        pertanyaan=["Apakah penilaian kinerja adil?"],
    )
    return {"pk": s.pk}


EXPECTED: dict[str, Any] = {
    "pengembangan:pengumuman_list": ("get", NONE, LOGIN_ONLY),
    "pengembangan:pengumuman_tambah": ("get", NONE, ADMIN_ONLY),
    "pengembangan:pengumuman_detail": ("get", _pengumuman, OWN_OPD),
    "pengembangan:pengumuman_ubah": ("get", _pengumuman, ADMIN_ONLY),
    "pengembangan:pengumuman_hapus": (
        "post",
        _pengumuman,
        ADMIN_ONLY | {"admin_bkpsdmd": REDIRECT},
    ),
    "pengembangan:panduan": ("get", NONE, LOGIN_ONLY),
    "pengembangan:panduan_detail": ("get", _panduan, LOGIN_ONLY),
    "pengembangan:panduan_tambah": ("get", NONE, ADMIN_ONLY),
    "pengembangan:panduan_ubah": ("get", _panduan, ADMIN_ONLY),
    # no role posted: refused (422) for every signed-in user
    "pengembangan:tur_selesai": (
        "post",
        NONE,
        dict.fromkeys(PERSONAS, UNPROCESSABLE) | {"anonim": REDIRECT},
    ),
    "pengembangan:tur_ulang": ("post", NONE, dict.fromkeys(PERSONAS, REDIRECT)),
    "pengembangan:denyut_list": ("get", NONE, HASIL),
    "pengembangan:denyut_tambah": ("get", NONE, ADMIN_ONLY),
    "pengembangan:denyut_ubah": ("get", _survei, ADMIN_ONLY),
    "pengembangan:denyut_isi": ("get", _survei, LOGIN_ONLY),
    "pengembangan:denyut_hasil": ("get", _survei, HASIL),
}
