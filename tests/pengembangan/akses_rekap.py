"""Access table of the JP recap pages (part "rekap"), merged by tests/pengembangan/akses.py.

Personas (tests.factories.KotaKecil): the atasan is the pegawai's kepala seksi, the pimpinan the
kepala dinas of the same OPD (also an atasan: the kabid reports to them), the admin is admin
BKPSDMD (city), luar a pelaksana of another OPD."""

from __future__ import annotations

from typing import Any

from tests.akses_aturan import FORBIDDEN, NONE, NOT_FOUND, OK, REDIRECT
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

# the atasan's team page: anyone holding a jabatan with jabatan below it
ATASAN = dict.fromkeys(PERSONAS, FORBIDDEN) | {"atasan": OK, "pimpinan_opd": OK, "anonim": REDIRECT}
# recaps: pimpinan / operator OPD (own OPD), admin BKPSDMD / pimpinan daerah (city)
REKAP = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}
# one pegawai's ledger: the pegawai, the atasan chain, the OPD's pimpinan, the city; others 404
LEDGER = {
    "pegawai": OK,
    "atasan": OK,
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "luar_opd": NOT_FOUND,
    "anonim": REDIRECT,
}


def _pegawai(k: KotaKecil) -> dict[str, object]:
    from tests.pengembangan.rekap_util import beri_jp

    beri_jp(k.pegawai, "3")
    return {"pk": k.pegawai.pk}


EXPECTED: dict[str, Any] = {
    "pengembangan:tim": ("get", NONE, ATASAN),
    "pengembangan:rekap": ("get", NONE, REKAP),
    "pengembangan:rekap_unit": ("get", lambda k: {"pk": k.bidang.pk}, REKAP),
    "pengembangan:rekap_ekspor": ("get", NONE, REKAP),
    "pengembangan:jp_pegawai": ("get", _pegawai, LEDGER),
}
