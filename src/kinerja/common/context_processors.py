from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kinerja.organisasi.selectors import akses_pengguna


def navigasi(request: HttpRequest) -> dict[str, Any]:
    """The signed-in user's access profile, for role-based navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"akses": None}
    return {"akses": akses_pengguna(user)}
