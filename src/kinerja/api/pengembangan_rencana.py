"""Development plans API (`/api/v1/pengembangan/rencana`): my plans, my recommendations with
their reasons, create a plan, add an activity, mark one done, confirm. The same services and
rules as the pages (pengembangan.services_rencana): only the pegawai and the atasan write;
422 bad input, 403 not a side, 404 out of scope, 409 stale revisi; anonymous 401."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from kinerja.organisasi.models import Pegawai
from kinerja.pengembangan import selectors_rencana as sel
from kinerja.pengembangan import services_rencana as svc
from kinerja.pengembangan.models import (
    AktivitasRencana,
    Pendaftaran,
    RencanaPengembangan,
    TopikKompetensi,
)
from kinerja.pengembangan.rekomendasi import rekomendasi_untuk

router = Router(tags=["pengembangan"])


class Pesan(Schema):
    detail: Any


class AktivitasOut(Schema):
    id: int
    uraian: str
    bentuk: str
    topik_id: int | None
    batas: dt.date
    pendaftaran_id: int | None
    dialog_id: int | None
    selesai_pada: dt.date | None
    catatan: str


class RencanaOut(Schema):
    id: int
    pegawai_id: int
    atasan_id: int
    tahun: int
    tujuan: str
    status: str
    disetujui_pegawai_pada: dt.datetime | None
    disetujui_atasan_pada: dt.datetime | None
    revisi: int
    aktivitas: list[AktivitasOut]


class RekomendasiOut(Schema):
    pelatihan_id: int
    judul: str
    jp: Decimal
    mulai: dt.date | None
    selesai: dt.date | None
    sisa_kuota: int | None
    alasan: list[str]
    status_pendaftaran: str


class RekomendasiSayaOut(Schema):
    tahun: int
    kebutuhan: list[dict[str, Any]]
    rekomendasi: list[RekomendasiOut]
    sudah: list[RekomendasiOut]


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _konflik(exc: svc.RevisiBasi) -> JsonResponse:
    return JsonResponse({"detail": exc.pesan, "revisi": exc.revisi_sekarang}, status=409)


def _aktivitas_out(a: AktivitasRencana) -> dict[str, Any]:
    return {
        "id": a.pk,
        "uraian": a.uraian,
        "bentuk": a.bentuk,
        "topik_id": a.topik_id,
        "batas": a.batas,
        "pendaftaran_id": a.pendaftaran_id,
        "dialog_id": a.dialog_id,
        "selesai_pada": a.selesai_pada,
        "catatan": a.catatan,
    }


def _rencana_out(r: RencanaPengembangan) -> dict[str, Any]:
    r.refresh_from_db()
    return {
        "id": r.pk,
        "pegawai_id": r.pegawai_id,
        "atasan_id": r.atasan_id,
        "tahun": r.tahun,
        "tujuan": r.tujuan,
        "status": r.status,
        "disetujui_pegawai_pada": r.disetujui_pegawai_pada,
        "disetujui_atasan_pada": r.disetujui_atasan_pada,
        "revisi": r.revisi,
        "aktivitas": [_aktivitas_out(a) for a in r.aktivitas_set.order_by("urutan", "batas", "pk")],
    }


@router.get(
    "",
    response=list[RencanaOut],
    summary="Rencana pengembangan saya (semua tahun)",
    url_name="rencana_api_list",
)
def rencana_list(request: HttpRequest) -> list[dict[str, Any]]:
    qs = RencanaPengembangan.objects.filter(pegawai=_saya(request)).order_by("-tahun")
    return [_rencana_out(r) for r in qs[:20]]


def _rek_out(r: Any) -> dict[str, Any]:
    k = r.pelatihan
    return {
        "pelatihan_id": k.pk,
        "judul": k.judul,
        "jp": k.jp,
        "mulai": k.mulai,
        "selesai": k.selesai,
        "sisa_kuota": k.sisa,
        "alasan": r.alasan,
        "status_pendaftaran": r.status_pendaftaran,
    }


@router.get(
    "/rekomendasi",
    response=RekomendasiSayaOut,
    summary="Pelatihan yang direkomendasikan untuk saya, dengan alasannya",
    url_name="rencana_api_rekomendasi",
)
def rekomendasi_saya(request: HttpRequest, tahun: int | None = None) -> dict[str, Any]:
    tahun = tahun or timezone.localdate().year
    hasil = rekomendasi_untuk(_saya(request).pk, tahun)
    return {
        "tahun": tahun,
        "kebutuhan": hasil.daftar_celah(),
        "rekomendasi": [_rek_out(r) for r in hasil.rekomendasi],
        "sudah": [_rek_out(r) for r in hasil.sudah],
    }


class RencanaIn(Schema):
    tujuan: str
    pegawai: int | None = Field(None, description="bawahan (bila dibuat atasan); kosong: saya")
    tahun: int | None = None


@router.post(
    "",
    response={201: RencanaOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Buat rencana pengembangan (pegawai sendiri atau atasan langsung)",
    url_name="rencana_api_create",
)
def rencana_create(request: HttpRequest, data: RencanaIn) -> Status:
    user = _saya(request)
    pegawai = user
    if data.pegawai and data.pegawai != user.pk:
        pegawai, _peran = sel.pegawai_untuk_rekomendasi(user=user, pk=data.pegawai)
    r = svc.rencana_buat(pegawai=pegawai, oleh=user, tujuan=data.tujuan, tahun=data.tahun)
    return Status(201, _rencana_out(r))


@router.get(
    "/{int:pk}",
    response={200: RencanaOut, 404: Pesan},
    summary="Satu rencana pengembangan",
    url_name="rencana_api_detail",
)
def rencana_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _rencana_out(sel.rencana_get_for_user(user=request.user, pk=pk))


class AktivitasIn(Schema):
    revisi: int | None = None
    uraian: str
    bentuk: str
    batas: dt.date | None = None
    topik_id: int | None = None
    pendaftaran_id: int | None = None
    dialog_id: int | None = None
    catatan: str = ""


@router.post(
    "/{int:pk}/aktivitas",
    response={201: RencanaOut, 403: Pesan, 404: Pesan, 409: Pesan, 422: Pesan},
    summary="Tambah aktivitas (membatalkan persetujuan kedua pihak)",
    url_name="rencana_api_aktivitas",
)
def aktivitas_tambah(request: HttpRequest, pk: int, data: AktivitasIn) -> Any:
    from django.core.exceptions import ValidationError

    from kinerja.umpanbalik.models import DialogKinerja

    r = sel.rencana_get_for_user(user=request.user, pk=pk)
    galat: dict[str, str] = {}
    topik = pendaftaran = dialog = None
    if data.topik_id is not None:
        topik = TopikKompetensi.objects.filter(pk=data.topik_id).first()
        if topik is None:
            galat["topik_id"] = _("Topik tidak dikenal.")
    if data.pendaftaran_id is not None:
        pendaftaran = Pendaftaran.objects.filter(pk=data.pendaftaran_id).first()
        if pendaftaran is None:
            galat["pendaftaran_id"] = _("Pendaftaran tidak dikenal.")
    if data.dialog_id is not None:
        dialog = DialogKinerja.objects.filter(pk=data.dialog_id).first()
        if dialog is None:
            galat["dialog_id"] = _("Dialog kinerja tidak dikenal.")
    if galat:
        raise ValidationError(galat)
    try:
        svc.aktivitas_tambah(
            rencana=r,
            oleh=_saya(request),
            revisi=data.revisi,
            uraian=data.uraian,
            bentuk=data.bentuk,
            batas=data.batas,
            topik=topik,
            pendaftaran=pendaftaran,
            dialog=dialog,
            catatan=data.catatan,
        )
    except svc.RevisiBasi as exc:
        return _konflik(exc)
    return Status(201, _rencana_out(r))


class RevisiIn(Schema):
    revisi: int | None = None


@router.post(
    "/aktivitas/{int:pk}/selesai",
    response={200: RencanaOut, 403: Pesan, 404: Pesan, 409: Pesan, 422: Pesan},
    summary="Tandai aktivitas selesai",
    url_name="rencana_api_aktivitas_selesai",
)
def aktivitas_selesai(request: HttpRequest, pk: int, data: RevisiIn | None = None) -> Any:
    a = sel.aktivitas_get_for_user(user=request.user, pk=pk)
    try:
        svc.aktivitas_selesai(
            aktivitas=a, oleh=_saya(request), revisi=data.revisi if data else None
        )
    except svc.RevisiBasi as exc:
        return _konflik(exc)
    return _rencana_out(get_object_or_404(RencanaPengembangan, pk=a.rencana_id))


@router.post(
    "/{int:pk}/setujui",
    response={200: RencanaOut, 403: Pesan, 404: Pesan, 409: Pesan, 422: Pesan},
    summary="Setujui isi rencana (disepakati bila kedua pihak menyetujui)",
    url_name="rencana_api_setujui",
)
def rencana_setujui(request: HttpRequest, pk: int, data: RevisiIn | None = None) -> Any:
    r = sel.rencana_get_for_user(user=request.user, pk=pk)
    try:
        svc.rencana_setujui(rencana=r, oleh=_saya(request), revisi=data.revisi if data else None)
    except svc.RevisiBasi as exc:
        return _konflik(exc)
    return _rencana_out(r)
