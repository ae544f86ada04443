"""Umpan balik API: feedback threads (give, ask, reply, mark read) and dialog kinerja (record,
confirm, follow-up done). The same services and rules as the pages: only the pegawai and the
pejabat chain above may write (else 403/404 JSON, nothing stored); bad input answers 422 JSON.

Feedback, requests and replies take multipart form fields so a file can ride along (`lampiran`);
dialogs take JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from kinerja.kegiatan.models import LaporanKegiatan
from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.selectors import pegawai_get_for_user
from kinerja.skp.models import PerilakuKerja, Rhk
from kinerja.umpanbalik import selectors, services
from kinerja.umpanbalik.models import DialogKinerja, Sasaran, TindakLanjutDialog, UmpanBalik

router = Router(tags=["umpan-balik"])


class Pesan(Schema):
    detail: Any


class PesanOut(Schema):
    id: int
    penulis_id: int
    penulis_nama: str
    teks: str
    dibuat_pada: dt.datetime
    dibaca_pada: dt.datetime | None
    lampiran_url: str | None


class UtasOut(Schema):
    id: int
    pegawai_id: int
    pegawai_nama: str
    pejabat_id: int | None
    pejabat_nama: str
    permintaan: bool
    sasaran: str
    laporan_id: int | None
    rhk_id: int | None
    periode_mulai: dt.date | None
    periode_selesai: dt.date | None
    perilaku_id: int | None
    teks: str
    dibuat_pada: dt.datetime
    aktivitas_pada: dt.datetime
    dijawab_pada: dt.datetime | None
    url: str


class UtasDetailOut(UtasOut):
    pesan: list[PesanOut]


def _nama(p: Pegawai | None) -> str:
    return p.nama_lengkap if p is not None else ""


def _pesan_out(p: UmpanBalik) -> dict[str, Any]:
    from django.urls import reverse

    return {
        "id": p.pk,
        "penulis_id": p.penulis_id,
        "penulis_nama": _nama(p.penulis),
        "teks": p.teks,
        "dibuat_pada": p.dibuat_pada,
        "dibaca_pada": p.dibaca_pada,
        "lampiran_url": reverse("umpanbalik_lampiran", kwargs={"pk": p.pk}) if p.lampiran else None,
    }


def _utas_out(a: UmpanBalik) -> dict[str, Any]:
    return {
        "id": a.pk,
        "pegawai_id": a.pegawai_id,
        "pegawai_nama": _nama(a.pegawai),
        "pejabat_id": a.pejabat_id,
        "pejabat_nama": _nama(a.pejabat),
        "permintaan": a.permintaan,
        "sasaran": a.sasaran,
        "laporan_id": a.laporan_id,
        "rhk_id": a.rhk_id,
        "periode_mulai": a.periode_mulai,
        "periode_selesai": a.periode_selesai,
        "perilaku_id": a.perilaku_id,
        "teks": a.teks,
        "dibuat_pada": a.dibuat_pada,
        "aktivitas_pada": a.aktivitas_pada,
        "dijawab_pada": a.dijawab_pada,
        "url": services.url_utas(a),
    }


def _detail(akar: UmpanBalik) -> dict[str, Any]:
    return _utas_out(akar) | {"pesan": [_pesan_out(p) for p in selectors.pesan_utas(akar)]}


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


@router.get(
    "/",
    response=list[UtasOut],
    summary="Utas umpan balik saya (sebagai=pegawai) atau bawahan saya (sebagai=atasan)",
    url_name="umpanbalik_api_list",
)
@paginate(LimitOffsetPagination)
def utas_list(
    request: HttpRequest, sebagai: str = "pegawai", sasaran: str = "", pegawai: int | None = None
) -> list[dict[str, Any]]:
    qs = selectors.utas_list_saya(
        _saya(request),
        sasaran=sasaran,
        pegawai_id=pegawai,
        sebagai="atasan" if sebagai == "atasan" else "pegawai",
    )
    return [_utas_out(a) for a in qs[:500]]


@router.get(
    "/{int:pk}",
    response={200: UtasDetailOut, 404: Pesan},
    summary="Satu utas dengan semua pesannya",
    url_name="umpanbalik_api_detail",
)
def utas_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _detail(selectors.utas_get_for_user(user=request.user, pk=pk))


class SubjekIn(Schema):
    sasaran: str = Field(Sasaran.UMUM, description="laporan | rhk | perilaku | umum")
    laporan: int | None = None
    rhk: int | None = None
    periode_mulai: dt.date | None = None
    periode_selesai: dt.date | None = None
    perilaku: int | None = None
    teks: str


class BeriIn(SubjekIn):
    pegawai: int


def _subjek(data: SubjekIn, pegawai: Pegawai) -> services.Subjek:
    """Resolve ids; a report or RHK that is not the pegawai's is left for the service to refuse."""
    return services.Subjek(
        sasaran=data.sasaran,
        laporan=LaporanKegiatan.objects.filter(pk=data.laporan).first() if data.laporan else None,
        rhk=Rhk.objects.filter(pk=data.rhk).first() if data.rhk else None,
        periode_mulai=data.periode_mulai,
        periode_selesai=data.periode_selesai,
        perilaku=PerilakuKerja.objects.filter(pk=data.perilaku).first() if data.perilaku else None,
    )


@router.post(
    "/",
    response={201: UtasDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Atasan memberi umpan balik (laporan, realisasi RHK, perilaku, umum)",
    url_name="umpanbalik_api_beri",
)
def beri(
    request: HttpRequest,
    data: Form[BeriIn],
    lampiran: UploadedFile | None = File(None),  # noqa: B008 — django-ninja's file declaration
) -> Status:
    user = _saya(request)
    pegawai = pegawai_get_for_user(user=user, pk=data.pegawai)
    akar = services.umpan_balik_beri(
        oleh=user, pegawai=pegawai, subjek=_subjek(data, pegawai), teks=data.teks, berkas=lampiran
    )
    return Status(201, _detail(akar))


@router.post(
    "/minta",
    response={201: UtasDetailOut, 403: Pesan, 422: Pesan},
    summary="Pegawai meminta umpan balik atasan",
    url_name="umpanbalik_api_minta",
)
def minta(
    request: HttpRequest,
    data: Form[SubjekIn],
    lampiran: UploadedFile | None = File(None),  # noqa: B008
) -> Status:
    user = _saya(request)
    akar = services.umpan_balik_minta(
        oleh=user, subjek=_subjek(data, user), teks=data.teks, berkas=lampiran
    )
    return Status(201, _detail(akar))


class BalasIn(Schema):
    teks: str


@router.post(
    "/{int:pk}/balasan",
    response={201: UtasDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Balas dalam utas",
    url_name="umpanbalik_api_balas",
)
def balas(
    request: HttpRequest,
    pk: int,
    data: Form[BalasIn],
    lampiran: UploadedFile | None = File(None),  # noqa: B008
) -> Status:
    user = _saya(request)
    akar = selectors.utas_get_for_user(user=user, pk=pk)
    services.umpan_balik_balas(oleh=user, induk=akar, teks=data.teks, berkas=lampiran)
    akar.refresh_from_db()
    return Status(201, _detail(akar))


class DibacaOut(Schema):
    ditandai: int


@router.post(
    "/{int:pk}/dibaca",
    response={200: DibacaOut, 404: Pesan},
    summary="Tandai pesan pihak lain dalam utas sudah dibaca",
    url_name="umpanbalik_api_dibaca",
)
def dibaca(request: HttpRequest, pk: int) -> dict[str, int]:
    user = _saya(request)
    akar = selectors.utas_get_for_user(user=user, pk=pk)
    return {"ditandai": services.umpan_balik_tandai_dibaca(oleh=user, akar=akar)}


# --- dialog kinerja -------------------------------------------------------------------------


class TindakLanjutOut(Schema):
    id: int
    aksi: str
    pemilik_id: int
    batas: dt.date
    selesai_pada: dt.datetime | None
    terlambat: bool


class DialogOut(Schema):
    id: int
    pegawai_id: int
    atasan_id: int
    dibuat_oleh_id: int
    tanggal: dt.date
    topik: str
    kesepakatan: str
    dikonfirmasi_pegawai_pada: dt.datetime | None
    dikonfirmasi_atasan_pada: dt.datetime | None
    dikonfirmasi: bool
    revisi: int
    tindak_lanjut: list[TindakLanjutOut]


def _tl_out(t: TindakLanjutDialog, hari_ini: dt.date) -> dict[str, Any]:
    return {
        "id": t.pk,
        "aksi": t.aksi,
        "pemilik_id": t.pemilik_id,
        "batas": t.batas,
        "selesai_pada": t.selesai_pada,
        "terlambat": t.selesai_pada is None and t.batas < hari_ini,
    }


def _dialog_out(d: DialogKinerja) -> dict[str, Any]:
    from django.utils import timezone

    hari_ini = timezone.localdate()
    return {
        "id": d.pk,
        "pegawai_id": d.pegawai_id,
        "atasan_id": d.atasan_id,
        "dibuat_oleh_id": d.dibuat_oleh_id,
        "tanggal": d.tanggal,
        "topik": d.topik,
        "kesepakatan": d.kesepakatan,
        "dikonfirmasi_pegawai_pada": d.dikonfirmasi_pegawai_pada,
        "dikonfirmasi_atasan_pada": d.dikonfirmasi_atasan_pada,
        "dikonfirmasi": d.dikonfirmasi,
        "revisi": d.revisi,
        "tindak_lanjut": [_tl_out(t, hari_ini) for t in d.tindak_lanjut_set.all()],
    }


@router.get(
    "/dialog",
    response=list[DialogOut],
    summary="Dialog kinerja saya (sebagai pegawai atau atasan)",
    url_name="dialog_api_list",
)
@paginate(LimitOffsetPagination)
def dialog_list(request: HttpRequest, pegawai: int | None = None) -> list[dict[str, Any]]:
    qs = selectors.dialog_list_for_user(_saya(request), pegawai_id=pegawai)
    return [_dialog_out(d) for d in qs[:500]]


@router.get(
    "/dialog/{int:pk}",
    response={200: DialogOut, 404: Pesan},
    summary="Satu dialog kinerja",
    url_name="dialog_api_detail",
)
def dialog_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _dialog_out(selectors.dialog_get_for_user(user=request.user, pk=pk))


class TindakLanjutIn(Schema):
    aksi: str
    pemilik: str = Field(description="pegawai | atasan")
    batas: dt.date


class DialogIn(Schema):
    pegawai: int | None = Field(None, description="bawahan (bila dicatat atasan); kosong: pegawai")
    tanggal: dt.date
    topik: str
    kesepakatan: str = ""
    tindak_lanjut: list[TindakLanjutIn] = []


@router.post(
    "/dialog",
    response={201: DialogOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Catat dialog kinerja; pihak lain diminta mengonfirmasi",
    url_name="dialog_api_create",
)
def dialog_create(request: HttpRequest, data: DialogIn) -> Status:
    user = _saya(request)
    pegawai = pegawai_get_for_user(user=user, pk=data.pegawai) if data.pegawai else None
    dialog = services.dialog_create(
        oleh=user,
        pegawai=pegawai,
        tanggal=data.tanggal,
        topik=data.topik,
        kesepakatan=data.kesepakatan,
        tindak_lanjut=[
            services.TindakLanjutData(aksi=t.aksi, pemilik=t.pemilik, batas=t.batas)
            for t in data.tindak_lanjut
        ],
    )
    return Status(201, _dialog_out(dialog))


@router.post(
    "/dialog/{int:pk}/konfirmasi",
    response={200: DialogOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Pihak lain mengonfirmasi dialog",
    url_name="dialog_api_konfirmasi",
)
def dialog_konfirmasi(request: HttpRequest, pk: int) -> dict[str, Any]:
    user = _saya(request)
    dialog = selectors.dialog_get_for_user(user=user, pk=pk)
    return _dialog_out(services.dialog_konfirmasi(oleh=user, dialog=dialog))


@router.post(
    "/tindak-lanjut/{int:pk}/selesai",
    response={200: TindakLanjutOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Pemilik menandai tindak lanjut selesai",
    url_name="dialog_api_tindak_lanjut_selesai",
)
def tindak_lanjut_selesai(request: HttpRequest, pk: int) -> dict[str, Any]:
    from django.utils import timezone

    user = _saya(request)
    tl = selectors.tindak_lanjut_get_for_user(user=user, pk=pk)
    tl = services.tindak_lanjut_selesai(oleh=user, tindak_lanjut=tl)
    return _tl_out(get_object_or_404(TindakLanjutDialog, pk=tl.pk), timezone.localdate())
