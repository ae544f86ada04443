"""Access table of the pengembangan app: each part keeps its own `akses_<part>.py` (a dict named
EXPECTED, same format as tests/skp/akses.py); merged here for tests/test_akses.py."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Any

EXPECTED: dict[str, Any] = {}
for _info in pkgutil.iter_modules([str(Path(__file__).parent)]):
    if _info.name.startswith("akses_"):
        _table = importlib.import_module(f"tests.pengembangan.{_info.name}").EXPECTED
        assert not set(_table) & set(EXPECTED), (
            f"URL names declared twice: {set(_table) & set(EXPECTED)}"
        )
        EXPECTED.update(_table)
