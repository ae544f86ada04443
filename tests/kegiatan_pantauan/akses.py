"""Access table of the leader overview of reporting (kinerja.kegiatan.urls_pantauan)."""

from __future__ import annotations

from tests.akses_aturan import FORBIDDEN, NONE, OK, REDIRECT, Aturan
from tests.conftest import PERSONAS

# pegawai/atasan without a monitoring role: 403; the pimpinan OPD goes to their own OPD.
PANTAU_INDEX = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": REDIRECT,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}
PANTAU_OPD = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}

EXPECTED: dict[str, Aturan] = {
    "kegiatan_pantauan": ("get", NONE, PANTAU_INDEX),
    "kegiatan_pantauan_opd": ("get", lambda k: {"pk": k.dinas.pk}, PANTAU_OPD),
}
