"""Pengembangan API, part "pelatihan" (mounted at /api/v1/pengembangan): the catalogue, my
enrolments (or the atasan's approval queue), approve / decline, complete with a certificate
(multipart), withdraw, my JP of a year, external training (multipart).

The same services and selectors as the pages, so the same rules: out of scope 404, in scope but
not allowed 403 (e.g. someone other than the current atasan deciding), bad input 422 with the
Indonesian message per field; nothing is stored on an error.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from kinerja.organisasi.models import Pegawai
from kinerja.pengembangan import selectors_pelatihan as sel
from kinerja.pengembangan import services_pelatihan as svc
from kinerja.pengembangan.models import (
    CapaianJp,
    Pelatihan,
    PelatihanEksternal,
    Pendaftaran,
    TopikKompetensi,
)
from kinerja.pengembangan.selectors_rekap import tahun_dari

router = Router(tags=["pengembangan"])


class Pesan(Schema):
    detail: Any


class TopikOut(Schema):
    id: int
    kode: str
    nama: str


class PelatihanOut(Schema):
    id: int
    judul: str
    bidang: str
    bentuk: str
    penyelenggara: str
    jp: Decimal
    mulai: dt.date | None
    selesai: dt.date | None
    kuota: int | None
    terisi: int
    sisa: int | None
    lokasi: str
    aktif: bool
    topik: list[TopikOut]
    url: str


class PelatihanDetailOut(PelatihanOut):
    deskripsi: str
    pendaftaran_saya_id: int | None
    pendaftaran_saya_status: str


class HalamanKatalog(Schema):
    count: int
    items: list[PelatihanOut]


class PendaftaranOut(Schema):
    id: int
    pelatihan_id: int
    pelatihan_judul: str
    pegawai_id: int
    pegawai_nama: str
    status: str
    alasan: str
    atasan_id: int | None
    diajukan_oleh_id: int
    diputus_pada: dt.datetime | None
    catatan_atasan: str
    selesai_pada: dt.date | None
    jp: Decimal | None
    sertifikat_url: str
    dibuat_pada: dt.datetime
    url: str


class CapaianOut(Schema):
    tanggal: dt.date
    jp: Decimal
    bidang: str
    sumber: str  # "pelatihan" | "eksternal"
    judul: str


class JpOut(Schema):
    tahun: int
    total: Decimal
    target: Decimal
    kurang: Decimal
    persen: int
    rows: list[CapaianOut]


class EksternalOut(Schema):
    id: int
    judul: str
    penyelenggara: str
    bidang: str
    bentuk: str
    mulai: dt.date
    selesai: dt.date
    menit: int | None
    jp: Decimal
    status: str
    catatan_verifikasi: str


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _topik(p: Pelatihan) -> list[dict[str, Any]]:
    return [{"id": t.pk, "kode": t.kode, "nama": t.nama} for t in p.topik.all()]


def _pelatihan_out(p: Pelatihan) -> dict[str, Any]:
    return {
        "id": p.pk,
        "judul": p.judul,
        "bidang": p.bidang,
        "bentuk": p.bentuk,
        "penyelenggara": p.penyelenggara,
        "jp": p.jp,
        "mulai": p.mulai,
        "selesai": p.selesai,
        "kuota": p.kuota,
        "terisi": getattr(p, "terisi", 0),
        "sisa": sel.sisa_tempat(p),
        "lokasi": p.lokasi,
        "aktif": p.aktif,
        "topik": _topik(p),
        "url": reverse("pengembangan:pelatihan_detail", args=[p.pk]),
    }


def _pendaftaran_out(d: Pendaftaran) -> dict[str, Any]:
    return {
        "id": d.pk,
        "pelatihan_id": d.pelatihan_id,
        "pelatihan_judul": d.pelatihan.judul,
        "pegawai_id": d.pegawai_id,
        "pegawai_nama": d.pegawai.nama_lengkap,
        "status": d.status,
        "alasan": d.alasan,
        "atasan_id": d.atasan_id,
        "diajukan_oleh_id": d.diajukan_oleh_id,
        "diputus_pada": d.diputus_pada,
        "catatan_atasan": d.catatan_atasan,
        "selesai_pada": d.selesai_pada,
        "jp": d.jp,
        "sertifikat_url": reverse("pengembangan:sertifikat", args=[d.pk]) if d.sertifikat else "",
        "dibuat_pada": d.dibuat_pada,
        "url": reverse("pengembangan:pendaftaran_detail", args=[d.pk]),
    }


def _eksternal_out(e: PelatihanEksternal) -> dict[str, Any]:
    return {
        "id": e.pk,
        "judul": e.judul,
        "penyelenggara": e.penyelenggara,
        "bidang": e.bidang,
        "bentuk": e.bentuk,
        "mulai": e.mulai,
        "selesai": e.selesai,
        "menit": e.menit,
        "jp": e.jp,
        "status": e.status,
        "catatan_verifikasi": e.catatan_verifikasi,
    }


def _pendaftaran(request: HttpRequest, pk: int) -> Pendaftaran:
    return sel.pendaftaran_get_for_user(user=request.user, pk=pk)


# --- catalogue ---------------------------------------------------------------------------------


@router.get(
    "/katalog",
    response=HalamanKatalog,
    summary="Katalog pelatihan (filter: q, bidang, bentuk, topik; limit/offset)",
    url_name="pengembangan_api_katalog",
)
def katalog(
    request: HttpRequest,
    q: str = "",
    bidang: str = "",
    bentuk: str = "",
    topik: int | None = None,
    semua: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    saring = sel.SaringKatalog.dari(
        {"q": q, "bidang": bidang, "bentuk": bentuk, "topik": topik or "", "semua": semua}
    )
    qs = sel.katalog(request.user, saring)
    limit, offset = max(1, min(limit, 200)), max(0, offset)
    return {"count": qs.count(), "items": [_pelatihan_out(p) for p in qs[offset : offset + limit]]}


@router.get(
    "/katalog/{int:pk}",
    response={200: PelatihanDetailOut, 404: Pesan},
    summary="Satu pelatihan, dengan status pendaftaran saya",
    url_name="pengembangan_api_pelatihan",
)
def pelatihan_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    p = sel.pelatihan_get_for_user(user=request.user, pk=pk)
    saya = sel.pendaftaran_saya_untuk(_saya(request), p)
    return _pelatihan_out(p) | {
        "deskripsi": p.deskripsi,
        "pendaftaran_saya_id": saya.pk if saya else None,
        "pendaftaran_saya_status": saya.status if saya else "",
    }


class DaftarIn(Schema):
    alasan: str = ""


@router.post(
    "/katalog/{int:pk}/daftar",
    response={201: PendaftaranOut, 404: Pesan, 422: Pesan},
    summary="Ajukan pelatihan ini (menunggu persetujuan atasan langsung)",
    url_name="pengembangan_api_daftar",
)
def daftar(request: HttpRequest, pk: int, data: DaftarIn | None = None) -> Status:
    p = sel.pelatihan_get_for_user(user=request.user, pk=pk)
    d = svc.pendaftaran_ajukan(
        pegawai=_saya(request), pelatihan=p, alasan=(data.alasan if data else "")[:2000]
    )
    return Status(201, _pendaftaran_out(_pendaftaran(request, d.pk)))


# --- enrolments --------------------------------------------------------------------------------


@router.get(
    "/pendaftaran",
    response=list[PendaftaranOut],
    summary="Pendaftaran saya pada suatu tahun; untuk=persetujuan: antrean persetujuan atasan",
    url_name="pengembangan_api_pendaftaran",
)
def pendaftaran_list(
    request: HttpRequest, untuk: str = "", tahun: int | None = None
) -> list[dict[str, Any]]:
    user = _saya(request)
    if untuk == "persetujuan":
        qs = sel.antrean_persetujuan(user)
    else:
        qs = sel.pendaftaran_tahun(user.pk, tahun_dari(str(tahun) if tahun else None))
    return [_pendaftaran_out(d) for d in qs.select_related("pegawai")]


class PutusIn(Schema):
    setuju: bool
    catatan: str = ""


@router.post(
    "/pendaftaran/{int:pk}/putus",
    response={200: PendaftaranOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Setujui / tolak permintaan (atasan langsung pegawai saat ini; tolak perlu catatan)",
    url_name="pengembangan_api_putus",
)
def putus(request: HttpRequest, pk: int, data: PutusIn) -> dict[str, Any]:
    d = svc.pendaftaran_putus(
        oleh=_saya(request),
        pendaftaran=_pendaftaran(request, pk),
        setuju=data.setuju,
        catatan=data.catatan[:2000],
    )
    return _pendaftaran_out(_pendaftaran(request, d.pk))


class SelesaiIn(Schema):
    tanggal_selesai: dt.date


@router.post(
    "/pendaftaran/{int:pk}/selesai",
    response={200: PendaftaranOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Laporkan selesai (multipart: tanggal_selesai + sertifikat PDF/JPG/PNG)",
    url_name="pengembangan_api_selesai",
)
def selesai(
    request: HttpRequest,
    pk: int,
    data: Form[SelesaiIn],
    sertifikat: File[UploadedFile] = None,  # type: ignore[assignment]
) -> dict[str, Any]:
    d = svc.pendaftaran_selesaikan(
        oleh=_saya(request),
        pendaftaran=_pendaftaran(request, pk),
        tanggal_selesai=data.tanggal_selesai,
        sertifikat=sertifikat,
    )
    return _pendaftaran_out(_pendaftaran(request, d.pk))


@router.post(
    "/pendaftaran/{int:pk}/batal",
    response={200: PendaftaranOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Batalkan pendaftaran yang menunggu atau disetujui",
    url_name="pengembangan_api_batal",
)
def batal(request: HttpRequest, pk: int) -> dict[str, Any]:
    d = svc.pendaftaran_batal(pegawai=_saya(request), pendaftaran=_pendaftaran(request, pk))
    return _pendaftaran_out(_pendaftaran(request, d.pk))


# --- JP ----------------------------------------------------------------------------------------


def _capaian_out(c: CapaianJp) -> dict[str, Any]:
    if c.pendaftaran_id:
        sumber, judul = "pelatihan", c.pendaftaran.pelatihan.judul  # type: ignore[union-attr]
    else:
        sumber, judul = "eksternal", c.eksternal.judul  # type: ignore[union-attr]
    return {"tanggal": c.tanggal, "jp": c.jp, "bidang": c.bidang, "sumber": sumber, "judul": judul}


@router.get(
    "/jp",
    response=JpOut,
    summary="JP saya pada suatu tahun: total, target, kekurangan, rincian",
    url_name="pengembangan_api_jp",
)
def jp(request: HttpRequest, tahun: int | None = None) -> dict[str, Any]:
    from kinerja.pengembangan.jp import kekurangan_jp, persen_jp
    from kinerja.pengembangan.pengaturan import pengaturan

    th = tahun_dari(str(tahun) if tahun else None)
    rows = list(
        CapaianJp.objects.filter(pegawai=_saya(request), tahun=th)
        .select_related("pendaftaran__pelatihan", "eksternal")
        .order_by("tanggal", "pk")
    )
    total = sum((r.jp for r in rows), Decimal("0"))
    target = Decimal(pengaturan().target_jp_tahunan)
    return {
        "tahun": th,
        "total": total,
        "target": target,
        "kurang": kekurangan_jp(total, target=target),
        "persen": persen_jp(total, target=target),
        "rows": [_capaian_out(r) for r in rows],
    }


# --- external training -------------------------------------------------------------------------


class EksternalIn(Schema):
    judul: str
    penyelenggara: str
    bidang: str
    bentuk: str
    mulai: dt.date
    selesai: dt.date
    jp: Decimal | None = None
    menit: int | None = None
    topik: list[int] = []


@router.post(
    "/eksternal",
    response={201: EksternalOut, 422: Pesan},
    summary="Catat pelatihan eksternal (multipart: isian + sertifikat; JP atau menit)",
    url_name="pengembangan_api_eksternal",
)
def eksternal(
    request: HttpRequest,
    data: Form[EksternalIn],
    sertifikat: File[UploadedFile] = None,  # type: ignore[assignment]
) -> Status:
    topik = list(TopikKompetensi.objects.filter(pk__in=data.topik, aktif=True))
    if len(topik) != len(set(data.topik)):
        raise ValidationError({"topik": "Topik tidak ditemukan."})
    eks = svc.eksternal_catat(
        pegawai=_saya(request),
        judul=data.judul,
        penyelenggara=data.penyelenggara,
        bidang=data.bidang,
        bentuk=data.bentuk,
        mulai=data.mulai,
        selesai=data.selesai,
        jp=data.jp,
        menit=data.menit,
        topik=topik,
        sertifikat=sertifikat,
    )
    return Status(201, _eksternal_out(eks))
