"""Survey periods: a month, quarter (triwulan), semester or year, written as a short code."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip
_POLA = re.compile(r"^(\d{4})(?:-(T[1-4]|S[12]|0[1-9]|1[0-2]))?$")


@dataclass(frozen=True)
class Periode:
    kode: str
    mulai: dt.date
    selesai: dt.date
    label: str

    @property
    def bulan(self) -> list[int]:
        return list(range(self.mulai.month, self.selesai.month + 1))


def _akhir_bulan(tahun: int, bulan: int) -> dt.date:
    if bulan == 12:
        return dt.date(tahun, 12, 31)
    return dt.date(tahun, bulan + 1, 1) - dt.timedelta(days=1)


def periode_dari_kode(kode: str) -> Periode | None:
    """'2026' (year), '2026-S1' (semester), '2026-T3' (triwulan), '2026-05' (month)."""
    cocok = _POLA.match((kode or "").strip().upper())
    if not cocok or not 2000 <= int(cocok.group(1)) <= 2100:
        return None
    tahun, bagian = int(cocok.group(1)), cocok.group(2)
    if bagian is None:
        return Periode(str(tahun), dt.date(tahun, 1, 1), dt.date(tahun, 12, 31), str(tahun))
    if bagian[0] == "T":
        n = int(bagian[1])
        awal, akhir = 3 * n - 2, 3 * n
        label = _("Triwulan %(n)s %(tahun)s") % {"n": n, "tahun": tahun}
    elif bagian[0] == "S":
        n = int(bagian[1])
        awal, akhir = 6 * n - 5, 6 * n
        label = _("Semester %(n)s %(tahun)s") % {"n": n, "tahun": tahun}
    else:
        awal = akhir = int(bagian)
        label = f"{_(BULAN[awal - 1])} {tahun}"
    return Periode(f"{tahun}-{bagian}", dt.date(tahun, awal, 1), _akhir_bulan(tahun, akhir), label)


def periode_pilihan(tahun: int) -> list[Periode]:
    """The periods of a year offered in a select: year, semesters, quarters, months."""
    kode = [str(tahun), f"{tahun}-S1", f"{tahun}-S2"]
    kode += [f"{tahun}-T{n}" for n in range(1, 5)]
    kode += [f"{tahun}-{m:02d}" for m in range(1, 13)]
    return [p for k in kode if (p := periode_dari_kode(k)) is not None]
