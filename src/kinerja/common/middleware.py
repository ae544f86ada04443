from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

ALLOWED_PREFIXES = ("/akun/kata-sandi/", "/keluar/", "/static/", "/healthz", "/i18n/")


class ForcePasswordChangeMiddleware:
    """Imported accounts and reset passwords must be changed before anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and getattr(user, "harus_ganti_password", False)
            and not request.path.startswith(ALLOWED_PREFIXES)
        ):
            if request.path.startswith("/api/"):
                from django.http import JsonResponse

                return JsonResponse(
                    {"detail": "Kata sandi wajib diganti terlebih dahulu."}, status=403
                )
            return redirect(reverse("ganti_password"))
        return self.get_response(request)
