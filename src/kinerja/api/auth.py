"""Authentication of the API: a bearer token (mobile clients) or the browser session.

`Authorization: Bearer <key>` is checked first; without that header the Django session is used
(with its CSRF check on writes). A bearer key that is wrong, revoked or expired is a 401 even
if a session cookie is present. Keys are random (`kin_` + 43 characters); only their SHA-256 is
stored, with a short prefix to tell tokens apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer

from kinerja.organisasi.models import Pegawai

from .models import TokenApi

AWALAN = "kin_"
PANJANG_PREFIX = 12
# last-use time is written at most this often per token (no write on every request)
CATAT_PEMAKAIAN = dt.timedelta(minutes=5)
# a message, not a password
PESAN_GANTI_PASSWORD = (
    "Kata sandi wajib diganti terlebih dahulu. Masuk lewat situs untuk menggantinya."  # noqa: S105
)


def hash_kunci(kunci: str) -> str:
    return hashlib.sha256(kunci.encode()).hexdigest()


def token_buat(
    *, pegawai: Pegawai, nama: str, berlaku_hari: int | None = None
) -> tuple[TokenApi, str]:
    """Create a token; returns it and the key (shown once, never stored)."""
    maks = settings.TOKEN_API_BERLAKU_HARI
    hari = min(berlaku_hari, maks) if berlaku_hari and maks else (berlaku_hari or maks)
    kunci = AWALAN + secrets.token_urlsafe(32)
    token = TokenApi.objects.create(
        pegawai=pegawai,
        nama=(nama or "").strip()[:100] or "Perangkat",
        prefix=kunci[:PANJANG_PREFIX],
        kunci_hash=hash_kunci(kunci),
        kedaluwarsa_pada=timezone.now() + dt.timedelta(days=hari) if hari else None,
    )
    return token, kunci


def token_list_for_user(user: Pegawai) -> QuerySet[TokenApi]:
    return TokenApi.objects.filter(pegawai_id=user.pk).order_by("-dibuat_pada", "-pk")


def token_get_for_user(user: Pegawai, pk: int) -> TokenApi:
    try:
        return TokenApi.objects.get(pk=pk, pegawai_id=user.pk)
    except TokenApi.DoesNotExist as exc:
        raise Http404 from exc


def token_cabut(*, token: TokenApi) -> TokenApi:
    if token.dicabut_pada is None:
        token.dicabut_pada = timezone.now()
        token.save(update_fields=["dicabut_pada"])
    return token


def token_periksa(kunci: str) -> Pegawai | None:
    """The active pegawai behind a valid, unrevoked, unexpired key; None otherwise."""
    if not kunci.startswith(AWALAN) or len(kunci) > 100:
        return None
    sekarang = timezone.now()
    token = (
        TokenApi.objects.filter(kunci_hash=hash_kunci(kunci), dicabut_pada__isnull=True)
        .filter(Q(kedaluwarsa_pada__isnull=True) | Q(kedaluwarsa_pada__gt=sekarang))
        .select_related("pegawai")
        .first()
    )
    if token is None or not token.pegawai.is_active:
        return None
    if token.terakhir_dipakai is None or token.terakhir_dipakai < sekarang - CATAT_PEMAKAIAN:
        TokenApi.objects.filter(pk=token.pk).update(terakhir_dipakai=sekarang)
    return token.pegawai


class TokenBearer(HttpBearer):
    """`Authorization: Bearer <key>`; the request then runs as the token's pegawai."""

    def authenticate(self, request: HttpRequest, token: str) -> Pegawai | None:
        pegawai = token_periksa(token.strip())
        if pegawai is None:
            raise AuthenticationError(401, "Token tidak valid, sudah dicabut, atau kedaluwarsa.")
        if pegawai.harus_ganti_password:
            raise HttpError(403, PESAN_GANTI_PASSWORD)
        request.user = pegawai
        return pegawai


token_bearer = TokenBearer()
