"""IKM arithmetic per PermenPANRB 14/2017, in exact fractions; SQL gives sums and counts.

NRR per unsur = sum of scores ÷ respondents who answered it. IKM = Σ(NRR × 1/9) × 25 (exact), and
the regulation's rounded-weight variant Σ(NRR × 0.111) × 25. Values are rounded half-up to two
decimals only for display and before classifying the mutu, so 64.994 is D and 64.995 is C.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Protocol

JUMLAH_UNSUR = 9
BOBOT = Fraction(1, JUMLAH_UNSUR)
BOBOT_BULAT = Fraction(111, 1000)
DUA = Decimal("0.01")


class Mutu(Protocol):
    kode: str
    label: str
    ikm_min: Decimal
    ikm_max: Decimal


def bulat(nilai: Fraction, tempat: int = 2) -> Decimal:
    """Round a fraction half-up to `tempat` decimals (exact: no float on the way)."""
    hasil = Decimal(nilai.numerator) / Decimal(nilai.denominator)
    return hasil.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP)


def mutu_untuk(ikm: Decimal, tabel: Iterable[Mutu]) -> Mutu | None:
    """The mutu whose closed range holds the IKM rounded to two decimals."""
    nilai = ikm.quantize(DUA, rounding=ROUND_HALF_UP)
    for mutu in tabel:
        if mutu.ikm_min <= nilai <= mutu.ikm_max:
            return mutu
    return None


@dataclass(frozen=True)
class HasilIkm:
    jumlah: Sequence[int]  # sum of scores per unsur
    dijawab: Sequence[int]  # respondents who answered per unsur
    responden: int

    @property
    def lengkap(self) -> bool:
        return len(self.dijawab) == JUMLAH_UNSUR and all(n > 0 for n in self.dijawab)

    @property
    def nrr_tepat(self) -> list[Fraction]:
        return [Fraction(s, n) for s, n in zip(self.jumlah, self.dijawab, strict=True)]

    @property
    def nrr(self) -> list[Decimal | None]:
        """NRR per unsur to two decimals (None where nobody answered)."""
        return [
            bulat(Fraction(s, n)) if n else None
            for s, n in zip(self.jumlah, self.dijawab, strict=True)
        ]

    def _ikm(self, bobot: Fraction) -> Fraction | None:
        if not self.lengkap:
            return None
        return sum((nrr * bobot for nrr in self.nrr_tepat), Fraction(0)) * 25

    @property
    def ikm_tepat(self) -> Fraction | None:
        return self._ikm(BOBOT)

    @property
    def ikm(self) -> Decimal | None:
        """IKM with the exact weight 1/9, to two decimals."""
        nilai = self.ikm_tepat
        return None if nilai is None else bulat(nilai)

    @property
    def ikm_bobot_bulat(self) -> Decimal | None:
        """IKM with the regulation's rounded weight 0.111, to two decimals."""
        nilai = self._ikm(BOBOT_BULAT)
        return None if nilai is None else bulat(nilai)

    @property
    def berbeda(self) -> bool:
        """True when the two variants differ at two decimals (then both are shown)."""
        return self.ikm != self.ikm_bobot_bulat

    @property
    def nilai_interval(self) -> Decimal | None:
        """The mean NRR on the 1–4 scale (IKM ÷ 25), to four decimals."""
        nilai = self.ikm_tepat
        return None if nilai is None else bulat(nilai / 25, 4)


def hasil_dari_baris(baris: dict[str, int | None]) -> HasilIkm:
    """Build from an aggregate row with keys n, s1..s9 (sums) and c1..c9 (counts)."""
    return HasilIkm(
        jumlah=[int(baris.get(f"s{i}") or 0) for i in range(1, JUMLAH_UNSUR + 1)],
        dijawab=[int(baris.get(f"c{i}") or 0) for i in range(1, JUMLAH_UNSUR + 1)],
        responden=int(baris.get("n") or 0),
    )


def gabung(hasil: Iterable[HasilIkm]) -> HasilIkm:
    """Sums and counts add up, so months combine into quarters, semesters and years."""
    daftar = list(hasil)
    return HasilIkm(
        jumlah=[sum(h.jumlah[i] for h in daftar) for i in range(JUMLAH_UNSUR)],
        dijawab=[sum(h.dijawab[i] for h in daftar) for i in range(JUMLAH_UNSUR)],
        responden=sum(h.responden for h in daftar),
    )
