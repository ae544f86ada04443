"""Access table of the monthly project report (kinerja.proyek.urls_ekspor).

Pimpinan/operator OPD reach their own OPD (the index sends them straight to it), city roles every
OPD; a pegawai without those roles is refused (403); another OPD's leader gets 404 (tested in
test_ekspor.py).
"""

from __future__ import annotations

from tests.akses_aturan import FORBIDDEN, NONE, OK, REDIRECT, Aturan
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

LAPORAN = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}


def _opd(k: KotaKecil) -> dict[str, object]:
    return {"opd": k.dinas.pk}


EXPECTED: dict[str, Aturan] = {
    "proyek_ekspor": ("get", NONE, LAPORAN | {"pimpinan_opd": REDIRECT}),
    "proyek_laporan_bulanan": ("get", _opd, LAPORAN),
    "proyek_laporan_pdf": ("get", _opd, LAPORAN),
    "proyek_laporan_xlsx": ("get", _opd, LAPORAN),
}
