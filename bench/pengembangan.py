"""Pengembangan scenarios: the city JP recap (bench/pengembangan_jp.py) and the city adoption
view (bench/pengembangan_adopsi.py). Each part seeds what it needs and cleans up after itself."""

from __future__ import annotations

from collections.abc import Callable

from bench import pengembangan_adopsi, pengembangan_jp
from bench.core import Bench

SCENARIOS: list[Callable[[Bench], None]] = [
    *pengembangan_jp.SCENARIOS,
    *pengembangan_adopsi.SCENARIOS,
]
