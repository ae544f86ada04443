"""Access rules declared on every view; the URL-walking test checks that none is missing.

`@akses("publik")` — anyone; `@akses("login")` — any signed-in pegawai; `@akses(Peran.X, ...)` —
signed-in users with one of those roles (403 otherwise). Object scope is the selectors' job (404).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from kinerja.organisasi.selectors import akses_pengguna

PUBLIK = "publik"
LOGIN = "login"
ATASAN = "atasan"

V = TypeVar("V", bound=Callable[..., HttpResponseBase])


def akses(*aturan: str) -> Callable[[V], V]:
    if not aturan:
        raise ValueError("akses() needs at least one rule")

    def decorator(view: V) -> V:
        if PUBLIK in aturan:
            view.akses = aturan  # type: ignore[attr-defined]
            return view

        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if LOGIN not in aturan:
                profil = akses_pengguna(request.user)
                allowed = profil is not None and (
                    profil.punya(*aturan) or (ATASAN in aturan and profil.atasan)
                )
                if not allowed:
                    raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.akses = aturan  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator
