"""Access table of the adoption view (part "adopsi"), merged by tests/pengembangan/akses.py.

Personas (tests.factories.KotaKecil): the pimpinan is the kepala dinas (pimpinan OPD of the
dinas), the admin is admin BKPSDMD (city). The city page sends a pimpinan OPD to their own OPD
(302); pegawai, atasan and pegawai of another OPD have no business here (403). An OPD manager
asking for another OPD gets 404 (tests/pengembangan/test_adopsi_views.py)."""

from __future__ import annotations

from typing import Any

from tests.akses_aturan import FORBIDDEN, NONE, OK, REDIRECT
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

KOTA = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": REDIRECT,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}
OPD = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}


def _dinas(k: KotaKecil) -> dict[str, object]:
    return {"pk": k.dinas.pk}


EXPECTED: dict[str, Any] = {
    "pengembangan:adopsi": ("get", NONE, KOTA),
    "pengembangan:adopsi_opd": ("get", _dinas, OPD),
    "pengembangan:adopsi_ekspor": ("get", NONE, OPD),
}
