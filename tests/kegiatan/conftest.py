from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _cache_bersih() -> Iterator[None]:
    """The review queue caches bawahan ids a minute; ids are reused between test databases."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
