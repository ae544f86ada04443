"""Tokens for mobile clients: sign in with NIP and password once, then send `Bearer <key>`."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import authenticate
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import ValidationError as PydanticError

from kinerja.organisasi.models import Pegawai

from . import auth

router = Router(tags=["token"])


class MasukIn(Schema):
    nip: str = ""
    password: str = ""
    nama: str = ""  # device name, e.g. "HP Android"
    berlaku_hari: int | None = None  # shorter than TOKEN_API_BERLAKU_HARI if wanted


class TokenOut(Schema):
    id: int
    nama: str
    prefix: str
    dibuat_pada: dt.datetime
    terakhir_dipakai: dt.datetime | None
    kedaluwarsa_pada: dt.datetime | None
    dicabut_pada: dt.datetime | None
    aktif: bool


class TokenBaruOut(TokenOut):
    kunci: str


class Pesan(Schema):
    detail: str


@router.post(
    "",
    auth=None,
    response={201: TokenBaruOut, 401: Pesan, 403: Pesan, 422: Pesan, 429: Pesan},
    summary="Minta token (NIP + kata sandi); kunci hanya ditampilkan sekali",
    operation_id="token_buat",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": MasukIn.model_json_schema()}},
        }
    },
)
def token_buat(request: HttpRequest) -> Status:
    # the body is read here, not by ninja: missing credentials are a 401 like wrong ones
    try:
        data = _masuk(request)
    except (ValueError, PydanticError):
        return Status(422, {"detail": "Isi permintaan harus JSON: nip, password, nama."})
    pegawai = None
    if data.nip and data.password:
        pegawai = authenticate(request, username=data.nip.strip(), password=data.password)
    if getattr(request, "axes_locked_out", False):
        request.axes_locked_out = False  # type: ignore[attr-defined]  # answer JSON, not the page
        return Status(
            429,
            {"detail": "Terlalu banyak percobaan masuk yang gagal. Coba lagi beberapa saat lagi."},
        )
    if not isinstance(pegawai, Pegawai):
        return Status(401, {"detail": "NIP atau kata sandi salah."})
    if pegawai.harus_ganti_password:
        return Status(403, {"detail": auth.PESAN_GANTI_PASSWORD})
    token, kunci = auth.token_buat(pegawai=pegawai, nama=data.nama, berlaku_hari=data.berlaku_hari)
    return Status(201, _keluar(token) | {"kunci": kunci})


def _masuk(request: HttpRequest) -> MasukIn:
    if request.content_type == "application/json":
        return MasukIn.model_validate_json(request.body or b"{}")
    kolom = ("nip", "password", "nama", "berlaku_hari")
    return MasukIn.model_validate({k: v for k in kolom if (v := request.POST.get(k))})


def _keluar(token: object) -> dict[str, object]:
    return {f: getattr(token, f) for f in TokenOut.model_fields}


@router.get("", response=list[TokenOut], summary="Token saya", operation_id="token_list")
def token_list(request: HttpRequest) -> object:
    return list(auth.token_list_for_user(request.user))  # type: ignore[arg-type]


@router.delete(
    "/{token_id}", response={204: None}, summary="Cabut token", operation_id="token_cabut"
)
def token_cabut(request: HttpRequest, token_id: int) -> Status:
    auth.token_cabut(token=auth.token_get_for_user(request.user, token_id))  # type: ignore[arg-type]
    return Status(204, None)
