"""The benchmark registry, the result format and small timing helpers.

Each app has a module `bench/<app>.py` exposing `SCENARIOS`, a list of functions taking a
`Bench`. A scenario records its numbers with `bench.record(...)` (or `bench.skip(...)` when it
cannot run); add the module name to `APPS` to register it.
"""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Order matters: organisasi seeds the database that every later app's scenarios use.
APPS: tuple[str, ...] = (
    "organisasi",
    "skp",
    "kegiatan",
    "proyek",
    "penilaian",
    "pengembangan",
    "survei",
)
# Scenarios that replace the seeded city run after the apps that need it as seeded.
RUN_LAST: tuple[str, ...] = ("import_apply_new",)
SEEDED_CITY_APPS: tuple[str, ...] = (
    "organisasi",
    "skp",
    "kegiatan",
    "proyek",
    "penilaian",
    "pengembangan",
)

SIZES = {"small": 500, "city": 6500}  # pegawai in the seeded city


@dataclass
class Result:
    name: str  # "<app>.<scenario>"
    value: float | None
    unit: str  # "ms" | "s" | "per_s" | "queries"
    target: float
    better: str  # "lower" | "higher"
    size: str
    backend: str
    status: str = ""  # empty when measured; "skipped: ..." or "error: ..." otherwise

    @property
    def ok(self) -> bool | None:
        if self.value is None:
            return None
        if self.better == "lower":
            return self.value <= self.target
        return self.value >= self.target

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": round(self.value, 3) if self.value is not None else None,
            "unit": self.unit,
            "target": self.target,
            "better": self.better,
            "size": self.size,
            "backend": self.backend,
        }


@dataclass
class Bench:
    """What a scenario gets: the size, the backend, shared state, and where results go."""

    size: str
    backend: str
    results: list[Result] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)  # e.g. the seeded instansi
    notes: list[str] = field(default_factory=list)  # printed under the table

    @property
    def pegawai(self) -> int:
        return SIZES[self.size]

    def record(
        self, name: str, value: float, unit: str, target: float, better: str = "lower"
    ) -> Result:
        result = Result(name, float(value), unit, target, better, self.size, self.backend)
        self.results.append(result)
        return result

    def skip(self, name: str, unit: str, target: float, reason: str, better: str = "lower") -> None:
        self.results.append(
            Result(name, None, unit, target, better, self.size, self.backend, f"skipped: {reason}")
        )

    def note(self, text: str) -> None:
        self.notes.append(text)

    def error(self, name: str, reason: str) -> None:
        self.results.append(
            Result(name, None, "", 0, "lower", self.size, self.backend, f"error: {reason}")
        )


Scenario = Callable[[Bench], None]


def scenarios() -> list[Scenario]:
    """Every registered scenario, app by app in `APPS` order."""
    found: list[Scenario] = []
    deferred: list[Scenario] = []
    for app in APPS:
        module = importlib.import_module(f"bench.{app}")
        for scenario in module.SCENARIOS:
            (deferred if scenario.__name__ in RUN_LAST else found).append(scenario)
        if app == SEEDED_CITY_APPS[-1]:
            found.extend(deferred)
            deferred = []
    return found + deferred


def seconds(fn: Callable[[], Any]) -> tuple[Any, float]:
    """Run `fn` once; (its result, wall-clock seconds)."""
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def median_ms(fn: Callable[[], Any], repeat: int = 10, warmup: int = 1) -> float:
    """Median wall-clock milliseconds of `repeat` calls after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        _, elapsed = seconds(fn)
        samples.append(elapsed * 1000)
    return statistics.median(samples)
