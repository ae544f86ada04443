from __future__ import annotations

import pytest
from django.db import connection

from bench.core import SIZES, Bench, scenarios


def test_every_bench_scenario_runs_on_a_tiny_city(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(SIZES, "small", 120)
    bench = Bench(size="small", backend=connection.vendor)
    for scenario in scenarios():
        scenario(bench)
    assert [r.status for r in bench.results if r.status.startswith("error")] == []
    names = {r.name for r in bench.results}
    assert {"organisasi.seed_demo", "organisasi.tree_page", "organisasi.unit_page"} <= names
    for result in bench.results:
        if result.value is not None:
            assert set(result.as_json()) == {
                "name",
                "value",
                "unit",
                "target",
                "better",
                "size",
                "backend",
            }
