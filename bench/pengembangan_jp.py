from __future__ import annotations

from collections.abc import Callable

from bench.core import Bench

SCENARIOS: list[Callable[[Bench], None]] = []
