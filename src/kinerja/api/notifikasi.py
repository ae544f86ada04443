"""API of the notifikasi app: my notifications, unread count, mark read, e-mail preference."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from kinerja.notifikasi import selectors, services
from kinerja.notifikasi.models import ModeEmail

router = Router(tags=["notifikasi"])


class NotifikasiOut(Schema):
    id: int
    jenis: str
    judul: str
    isi: str
    url: str
    dibuat_pada: dt.datetime
    dibaca_pada: dt.datetime | None


class JumlahOut(Schema):
    belum_dibaca: int


class DitandaiOut(Schema):
    ditandai: int


class PreferensiIO(Schema):
    email: ModeEmail


@router.get(
    "",
    response=list[NotifikasiOut],
    summary="Notifikasi saya (terbaru dulu)",
    operation_id="notifikasi_list",
)
@paginate(LimitOffsetPagination)
def notifikasi_list(request: HttpRequest, belum_dibaca: bool = False) -> object:
    return selectors.notifikasi_list_for_user(request.user, belum_dibaca=belum_dibaca)  # type: ignore[arg-type]


@router.get(
    "/jumlah", response=JumlahOut, summary="Jumlah belum dibaca", operation_id="notifikasi_jumlah"
)
def notifikasi_jumlah(request: HttpRequest) -> dict[str, int]:
    return {"belum_dibaca": selectors.jumlah_belum_dibaca(request.user)}  # type: ignore[arg-type]


@router.post(
    "/dibaca-semua",
    response=DitandaiOut,
    summary="Tandai semua dibaca",
    operation_id="notifikasi_dibaca_semua",
)
def notifikasi_dibaca_semua(request: HttpRequest) -> dict[str, int]:
    return {"ditandai": services.notifikasi_tandai_semua_dibaca(pegawai=request.user)}  # type: ignore[arg-type]


@router.post(
    "/{notifikasi_id}/dibaca",
    response=NotifikasiOut,
    summary="Tandai dibaca",
    operation_id="notifikasi_dibaca",
)
def notifikasi_dibaca(request: HttpRequest, notifikasi_id: int) -> object:
    n = selectors.notifikasi_get_for_user(request.user, notifikasi_id)  # type: ignore[arg-type]
    return services.notifikasi_tandai_dibaca(notifikasi=n)


@router.get(
    "/preferensi",
    response=PreferensiIO,
    summary="Preferensi e-mail",
    operation_id="notifikasi_preferensi",
)
def preferensi_get(request: HttpRequest) -> dict[str, str]:
    return {"email": selectors.preferensi_email(request.user)}  # type: ignore[arg-type]


@router.put(
    "/preferensi",
    response=PreferensiIO,
    summary="Ubah preferensi e-mail",
    operation_id="notifikasi_preferensi_ubah",
)
def preferensi_set(request: HttpRequest, data: PreferensiIO) -> dict[str, str]:
    pref = services.preferensi_simpan(pegawai=request.user, email=data.email)  # type: ignore[arg-type]
    return {"email": pref.email}
