"""JP (jam pelajaran) arithmetic. 1 JP = 45 minutes (domain.md, "Tindak lanjut").

Minutes are converted to JP with two decimals, rounded half-up: 90 min = 2.00 JP, 100 min = 2.22 JP,
50 min = 1.11 JP. The yearly entitlement (20 JP) and the minutes per JP are data in
`PengaturanPengembangan`; these functions take them as arguments so they stay pure.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

MENIT_PER_JP = 45
TARGET_JP_TAHUNAN = Decimal("20")
_DUA_DESIMAL = Decimal("0.01")


def menit_ke_jp(menit: int, *, menit_per_jp: int = MENIT_PER_JP) -> Decimal:
    """JP for a duration in minutes, two decimals, half-up (100 min → 2.22 JP)."""
    if menit < 0:
        raise ValueError("menit tidak boleh negatif")
    if menit_per_jp <= 0:
        raise ValueError("menit per JP harus positif")
    return (Decimal(menit) / Decimal(menit_per_jp)).quantize(_DUA_DESIMAL, rounding=ROUND_HALF_UP)


def jp_ke_menit(jp: Decimal, *, menit_per_jp: int = MENIT_PER_JP) -> int:
    """Minutes for a number of JP, rounded half-up to whole minutes (2.22 JP → 100 min)."""
    return int((jp * menit_per_jp).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def kekurangan_jp(capaian: Decimal, *, target: Decimal = TARGET_JP_TAHUNAN) -> Decimal:
    """JP still missing to reach the yearly target (never negative)."""
    return max(target - capaian, Decimal("0"))


def persen_jp(capaian: Decimal, *, target: Decimal = TARGET_JP_TAHUNAN) -> int:
    """Progress toward the target as a whole percent, capped at 100 (for progress bars)."""
    if target <= 0:
        return 100
    return min(100, int((capaian * 100 / target).quantize(Decimal("1"), rounding=ROUND_HALF_UP)))
