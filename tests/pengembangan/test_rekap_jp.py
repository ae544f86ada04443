"""JP arithmetic (kinerja.pengembangan.jp): minutes → JP, percent, shortfall."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.pengembangan.jp import jp_ke_menit, kekurangan_jp, menit_ke_jp, persen_jp


@pytest.mark.parametrize(
    ("menit", "jp"),
    [
        (45, "1.00"),
        (90, "2.00"),
        (100, "2.22"),
        (50, "1.11"),
        (0, "0.00"),
        (1, "0.02"),  # 0.0222… → 0.02
        (2, "0.04"),  # 0.0444… → 0.04
        (900, "20.00"),
    ],
)
def test_minutes_become_jp_with_two_decimals(menit: int, jp: str) -> None:
    assert menit_ke_jp(menit) == Decimal(jp)


def test_half_up_rounding_at_the_boundary() -> None:
    # 9 min / 40 per JP = 0.225 exactly → half-up gives 0.23 (banker's rounding would say 0.22)
    assert menit_ke_jp(9, menit_per_jp=40) == Decimal("0.23")
    # 1 min / 8 per JP = 0.125 → 0.13
    assert menit_ke_jp(1, menit_per_jp=8) == Decimal("0.13")


def test_minutes_per_jp_is_a_setting() -> None:
    assert menit_ke_jp(120, menit_per_jp=60) == Decimal("2.00")


def test_negative_minutes_and_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        menit_ke_jp(-1)
    with pytest.raises(ValueError):
        menit_ke_jp(45, menit_per_jp=0)


def test_jp_back_to_minutes() -> None:
    assert jp_ke_menit(Decimal("2.22")) == 100
    assert jp_ke_menit(Decimal("1")) == 45


@pytest.mark.parametrize(
    ("capaian", "persen"),
    [("0", 0), ("12", 60), ("19.99", 100), ("19.89", 99), ("20", 100), ("35", 100)],
)
def test_percent_is_capped_at_100(capaian: str, persen: int) -> None:
    assert persen_jp(Decimal(capaian)) == persen


def test_percent_with_a_zero_target_is_full() -> None:
    assert persen_jp(Decimal("0"), target=Decimal("0")) == 100


@pytest.mark.parametrize(
    ("capaian", "kurang"), [("0", "20"), ("12.5", "7.5"), ("20", "0"), ("31", "0")]
)
def test_shortfall_is_never_negative(capaian: str, kurang: str) -> None:
    assert kekurangan_jp(Decimal(capaian)) == Decimal(kurang)
    assert kekurangan_jp(Decimal(capaian), target=Decimal("10")) >= 0
