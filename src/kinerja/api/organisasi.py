from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from kinerja.organisasi import hierarki, selectors

router = Router(tags=["organisasi"])


class UnitOut(Schema):
    id: int
    kode: str
    nama: str
    jenis: str
    parent_id: int | None
    opd_id: int | None
    depth: int
    ditutup_pada: dt.date | None


class PegawaiOut(Schema):
    id: int
    nip: str
    nama: str
    nama_lengkap: str
    status_asn: str
    golongan: str


class SayaOut(Schema):
    pegawai: PegawaiOut
    peran: list[str]
    atasan: PegawaiOut | None
    unit_id: int | None


@router.get("/saya", response=SayaOut, summary="Profil dan peran pengguna yang masuk")
def saya(request: HttpRequest) -> dict:
    profil = selectors.akses_pengguna(request.user)
    assert profil is not None
    return {
        "pegawai": request.user,
        "peran": sorted(profil.peran | ({"atasan"} if profil.atasan else set()) | {"pegawai"}),
        "atasan": hierarki.atasan_langsung(request.user),  # type: ignore[arg-type]
        "unit_id": profil.unit_sendiri_id,
    }


@router.get("/unit", response=list[UnitOut], summary="Unit kerja yang boleh dilihat")
@paginate(LimitOffsetPagination)
def unit_list(request: HttpRequest, q: str = "") -> object:
    qs = selectors.unit_list_for_user(request.user).order_by("path")
    return qs.filter(nama__icontains=q) if q else qs


@router.get("/unit/{unit_id}", response=UnitOut)
def unit_get(request: HttpRequest, unit_id: int) -> object:
    return selectors.unit_get_for_user(user=request.user, pk=unit_id)


@router.get("/pegawai", response=list[PegawaiOut], summary="Cari pegawai (nama atau NIP)")
@paginate(LimitOffsetPagination)
def pegawai_list(request: HttpRequest, q: str = "") -> object:
    return selectors.pegawai_search(user=request.user, q=q)


@router.get("/pegawai/{pegawai_id}", response=PegawaiOut)
def pegawai_get(request: HttpRequest, pegawai_id: int) -> object:
    return get_object_or_404(selectors.pegawai_list_for_user(request.user), pk=pegawai_id)
