"""Building blocks of the per-persona access tables (tests/test_akses.py, tests/<app>/akses.py).

An app's table: `EXPECTED = {"url_name": (method, kwargs_from_kota, {persona: status})}` in
tests/<app>/akses.py; kwargs_from_kota gets the small known city (tests.factories.KotaKecil) and
may create objects it needs.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import PERSONAS
from tests.factories import KotaKecil

OK, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 302, 403, 404, 405
LOGIN_ONLY = dict.fromkeys(PERSONAS, OK) | {"anonim": REDIRECT}
PUBLIC = dict.fromkeys(PERSONAS, OK)
ADMIN_ONLY = dict.fromkeys(PERSONAS, FORBIDDEN) | {"admin_bkpsdmd": OK, "anonim": REDIRECT}
OWN_OPD = LOGIN_ONLY | {"luar_opd": NOT_FOUND}


# name → (method, kwargs from the known city, expected status per persona)
Kw = Callable[[KotaKecil], dict[str, object]]
Aturan = tuple[str, Kw, dict[str, int]]


def NONE(kota: KotaKecil) -> dict[str, object]:  # noqa: N802 — reads as a constant in tables
    return {}
