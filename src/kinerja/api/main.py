"""The JSON API under /api/v1/ (django-ninja). Bearer token or session auth (api/auth.py);
errors are JSON 4xx, never 500."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import django_auth

from . import organisasi, skp
from .auth import token_bearer

api = NinjaAPI(
    title="Kinerja ASN API",
    version="1",
    urls_namespace="api",
    auth=[token_bearer, django_auth],
    docs_url="/docs",
)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Tidak ditemukan."}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(
        request, {"detail": "Anda tidak berhak mengakses data ini."}, status=403
    )


api.add_router("/organisasi", organisasi.router)
api.add_router("/skp", skp.router)
api.add_router("/survei", "kinerja.api.survei.router")
api.add_router("/kegiatan", "kinerja.api.kegiatan.router")
api.add_router("/umpan-balik", "kinerja.api.umpanbalik.router")
api.add_router("/notifikasi", "kinerja.api.notifikasi.router")
api.add_router("/proyek", "kinerja.api.proyek.router")
api.add_router("/penilaian", "kinerja.api.penilaian.router")
api.add_router("/pengembangan", "kinerja.api.pengembangan.router")
api.add_router("/token", "kinerja.api.token.router")
