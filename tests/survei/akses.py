"""Expected answer per persona for every survei URL (merged into tests/test_akses.py)."""

from __future__ import annotations

from tests.akses_aturan import PUBLIC, Aturan
from tests.factories import KotaKecil
from tests.survei.factories import buat_unit_layanan


def _kode(kota: KotaKecil) -> dict[str, object]:
    return {"kode": buat_unit_layanan(kota).kode}


EXPECTED: dict[str, Aturan] = {
    "survei_form": ("get", _kode, PUBLIC),
    "survei_kiosk": ("get", _kode, PUBLIC),
    "survei_terima_kasih": ("get", _kode, PUBLIC),
    "survei_hasil_publik": ("get", _kode, PUBLIC),
}
