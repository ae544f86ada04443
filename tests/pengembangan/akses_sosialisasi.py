from typing import Any

EXPECTED: dict[str, Any] = {}
