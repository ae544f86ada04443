"""Kegiatan API: my reports with evidence, the atasan's review queue, realisasi, manual realisasi.

Same services and rules as the pages: bad input 422 (JSON by field), out of scope 404, in scope
but not allowed 403, a stale `revisi` 409. Create accepts multipart (fields + files `berkas`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from django.http import HttpRequest, JsonResponse
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from kinerja.kegiatan import selectors, services
from kinerja.kegiatan.models import BuktiDukung, LaporanKegiatan, RealisasiManual
from kinerja.organisasi.models import Pegawai
from kinerja.skp.models import IndikatorKinerja

router = Router(tags=["kegiatan"])


class PesanOut(Schema):
    detail: Any


class KonflikOut(Schema):
    detail: str
    revisi: int


class BuktiOut(Schema):
    id: int
    nama_asli: str
    jenis: str
    ukuran: int
    url: str


class LaporanOut(Schema):
    id: int
    pegawai_id: int
    pegawai_nama: str
    tanggal: dt.date
    jam_mulai: dt.time | None
    jam_selesai: dt.time | None
    durasi_menit: int
    uraian: str
    skp_id: int | None
    rhk_id: int | None
    indikator_id: int | None
    kuantitas: Decimal | None
    satuan: str
    tautan: str
    status: str
    catatan_review: str
    revisi: int
    mirip_dengan_id: int | None
    skor_mirip: float | None
    mirip_sumber: str
    bukti: list[BuktiOut]


class LaporanIn(Schema):
    tanggal: dt.date
    uraian: str
    durasi_menit: int | None = None
    jam_mulai: dt.time | None = None
    jam_selesai: dt.time | None = None
    indikator_id: int | None = None
    kuantitas: Decimal | None = None
    satuan: str = ""
    tautan: str = ""


class LaporanUbahIn(LaporanIn):
    revisi: int
    hapus_bukti: list[int] = []


class CatatanIn(Schema):
    catatan: str


class MassalIn(Schema):
    laporan_ids: list[int]


class JumlahOut(Schema):
    disetujui: int


class AntrianOut(Schema):
    jumlah: int
    tertua_hari: int | None
    laporan: list[LaporanOut]


class RealisasiOut(Schema):
    indikator_id: int
    jumlah_laporan: int
    menit: int
    kuantitas: Decimal
    manual: Decimal
    nilai: Decimal


class ManualIn(Schema):
    indikator_id: int
    tanggal: dt.date
    nilai: Decimal
    keterangan: str = ""
    tautan: str = ""


class ManualOut(Schema):
    id: int
    pegawai_id: int
    indikator_id: int
    tanggal: dt.date
    nilai: Decimal
    keterangan: str
    tautan: str
    status: str
    catatan_review: str
    revisi: int
    bukti: list[BuktiOut]


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _konflik(exc: services.LaporanBasi) -> JsonResponse:
    return JsonResponse({"detail": exc.pesan, "revisi": exc.revisi_sekarang}, status=409)


def _bukti_out(b: BuktiDukung) -> dict[str, Any]:
    from django.urls import reverse

    return {
        "id": b.pk,
        "nama_asli": b.nama_asli,
        "jenis": b.jenis,
        "ukuran": b.ukuran,
        "url": reverse("kegiatan_bukti", args=[b.pk]),
    }


def _laporan_out(lap: LaporanKegiatan) -> dict[str, Any]:
    return {
        **{f: getattr(lap, f) for f in LaporanOut.model_fields if hasattr(lap, f)},
        "pegawai_nama": lap.pegawai.nama,
        "bukti": [_bukti_out(b) for b in lap.bukti_set.all()],
    }


def _manual_out(m: RealisasiManual) -> dict[str, Any]:
    return {
        **{f: getattr(m, f) for f in ManualOut.model_fields if hasattr(m, f)},
        "bukti": [_bukti_out(b) for b in m.bukti_set.all()],
    }


def _nilai(data: LaporanIn) -> dict[str, Any]:
    d = data.dict()
    d["indikator"] = d.pop("indikator_id")
    d.pop("revisi", None)
    d.pop("hapus_bukti", None)
    return d


def _laporan_milik(request: HttpRequest, laporan_id: int) -> LaporanKegiatan:
    lap = selectors.laporan_get_for_user(user=request.user, pk=laporan_id)
    return lap


# --- my reports ----------------------------------------------------------------------------


class HalamanLaporanOut(Schema):
    count: int
    items: list[LaporanOut]


@router.get("/laporan", response=HalamanLaporanOut, summary="Laporan saya (limit/offset)")
def laporan_list(
    request: HttpRequest, bulan: str = "", status: str = "", limit: int = 50, offset: int = 0
) -> object:
    awal = None
    if bulan:
        try:
            tahun, bln = (int(x) for x in bulan.split("-"))
            awal = dt.date(tahun, bln, 1)
        except ValueError:
            awal = None
    qs = selectors.laporan_saya(_saya(request), bulan=awal, status=status or None)
    limit, offset = max(1, min(limit, 200)), max(0, offset)
    rows = qs.select_related("pegawai")[offset : offset + limit]
    return {"count": qs.count(), "items": [_laporan_out(x) for x in rows]}


@router.post(
    "/laporan",
    response={201: LaporanOut, 422: PesanOut},
    summary="Tulis laporan (multipart: isian + berkas)",
)
def laporan_buat(
    request: HttpRequest,
    data: Form[LaporanIn],
    berkas: File[list[UploadedFile]] = None,  # type: ignore[assignment]
) -> object:
    lap = services.laporan_create(oleh=_saya(request), berkas=berkas or [], **_nilai(data))
    return Status(201, _laporan_out(lap))


@router.get("/laporan/{laporan_id}", response=LaporanOut)
def laporan_get(request: HttpRequest, laporan_id: int) -> object:
    return _laporan_out(_laporan_milik(request, laporan_id))


@router.put(
    "/laporan/{laporan_id}",
    response={200: LaporanOut, 409: KonflikOut, 422: PesanOut},
    summary="Ubah laporan (yang dikembalikan diajukan ulang)",
)
def laporan_ubah(request: HttpRequest, laporan_id: int, data: LaporanUbahIn) -> object:
    lap = _laporan_milik(request, laporan_id)
    try:
        lap = services.laporan_update(
            oleh=_saya(request),
            laporan=lap,
            revisi=data.revisi,
            hapus_bukti=data.hapus_bukti,
            **_nilai(data),
        )
    except services.LaporanBasi as exc:
        return _konflik(exc)
    return _laporan_out(lap)


@router.delete("/laporan/{laporan_id}", response={204: None}, summary="Hapus laporan")
def laporan_hapus(request: HttpRequest, laporan_id: int) -> object:
    services.laporan_delete(oleh=_saya(request), laporan=_laporan_milik(request, laporan_id))
    return Status(204, None)


@router.post(
    "/laporan/{laporan_id}/bukti",
    response={201: list[BuktiOut], 422: PesanOut},
    summary="Unggah bukti dukung",
)
def bukti_unggah(request: HttpRequest, laporan_id: int, berkas: File[list[UploadedFile]]) -> object:
    lap = _laporan_milik(request, laporan_id)
    baru = services.bukti_tambah(oleh=_saya(request), laporan=lap, berkas=berkas)
    return Status(201, [_bukti_out(b) for b in baru])


@router.delete("/bukti/{bukti_id}", response={204: None}, summary="Hapus bukti dukung")
def bukti_hapus(request: HttpRequest, bukti_id: int) -> object:
    bukti = selectors.bukti_get_for_user(user=request.user, pk=bukti_id)
    services.bukti_hapus(oleh=_saya(request), bukti=bukti)
    return Status(204, None)


# --- review --------------------------------------------------------------------------------


@router.get("/review", response=AntrianOut, summary="Antrian review atasan")
def review_antrian(
    request: HttpRequest,
    pegawai_id: int | None = None,
    status: str | None = None,
    dari: dt.date | None = None,
    sampai: dt.date | None = None,
    rhk_id: int | None = None,
) -> object:
    antrian = selectors.antrian_review(
        request.user, pegawai_id=pegawai_id, status=status, dari=dari, sampai=sampai, rhk_id=rhk_id
    )
    return {
        "jumlah": antrian.jumlah,
        "tertua_hari": antrian.tertua_hari,
        "laporan": [_laporan_out(x) for x in antrian.laporan],
    }


@router.post("/laporan/{laporan_id}/setujui", response={200: LaporanOut, 422: PesanOut})
def review_setujui(request: HttpRequest, laporan_id: int) -> object:
    lap = _laporan_milik(request, laporan_id)
    return _laporan_out(services.laporan_setujui(oleh=_saya(request), laporan=lap))


@router.post("/laporan/{laporan_id}/kembalikan", response={200: LaporanOut, 422: PesanOut})
def review_kembalikan(request: HttpRequest, laporan_id: int, data: CatatanIn) -> object:
    lap = _laporan_milik(request, laporan_id)
    lap = services.laporan_kembalikan(oleh=_saya(request), laporan=lap, catatan=data.catatan)
    return _laporan_out(lap)


@router.post("/review/massal", response={200: JumlahOut, 422: PesanOut}, summary="Setujui massal")
def review_massal(request: HttpRequest, data: MassalIn) -> object:
    ids = set(data.laporan_ids)
    if selectors.laporan_list_for_user(request.user).filter(pk__in=ids).count() != len(ids):
        from django.http import Http404

        raise Http404
    n = services.laporan_setujui_massal(oleh=_saya(request), laporan_ids=ids)
    return {"disetujui": n}


# --- realisasi -----------------------------------------------------------------------------


@router.get("/realisasi", response=list[RealisasiOut], summary="Realisasi per indikator")
def realisasi(
    request: HttpRequest,
    mulai: dt.date,
    selesai: dt.date,
    pegawai_id: int | None = None,
    indikator_id: str = "",
) -> object:
    """Realisasi of the pegawai's indikator (me by default) for the months mulai..selesai."""
    pegawai = selectors.pegawai_terlihat(user=request.user, pk=pegawai_id or _saya(request).pk)
    qs = IndikatorKinerja.objects.filter(rhk__skp__pegawai=pegawai)
    ids = [int(i) for i in indikator_id.split(",") if i.strip().isdigit()]
    if ids:
        qs = qs.filter(pk__in=ids)
    else:
        qs = qs.filter(rhk__skp__aktif=True, rhk__skp__periode__mulai__lte=selesai)
        qs = qs.filter(rhk__skp__periode__selesai__gte=mulai)
    data = selectors.realisasi_indikator(qs.values_list("pk", flat=True), mulai, selesai)
    return [vars(r) for r in data.values()]


@router.get("/realisasi-manual", response=list[ManualOut], summary="Realisasi manual saya")
def manual_list(request: HttpRequest) -> object:
    qs = RealisasiManual.objects.filter(pegawai=_saya(request)).prefetch_related("bukti_set")
    return [_manual_out(m) for m in qs.order_by("-tanggal", "-pk")[:200]]


@router.post(
    "/realisasi-manual",
    response={201: ManualOut, 422: PesanOut},
    summary="Isi realisasi manual (multipart: isian + berkas)",
)
def manual_buat(
    request: HttpRequest,
    data: Form[ManualIn],
    berkas: File[list[UploadedFile]] = None,  # type: ignore[assignment]
) -> object:
    d = data.dict()
    d["indikator"] = d.pop("indikator_id")
    row = services.realisasi_manual_create(oleh=_saya(request), berkas=berkas or [], **d)
    return Status(201, _manual_out(row))


def _manual(request: HttpRequest, pk: int) -> RealisasiManual:
    from django.http import Http404

    row = RealisasiManual.objects.filter(pk=pk).first()
    if row is None:
        raise Http404
    selectors.pegawai_terlihat(user=request.user, pk=row.pegawai_id)
    return row


@router.delete("/realisasi-manual/{manual_id}", response={204: None})
def manual_hapus(request: HttpRequest, manual_id: int) -> object:
    services.realisasi_manual_delete(oleh=_saya(request), realisasi=_manual(request, manual_id))
    return Status(204, None)


@router.post("/realisasi-manual/{manual_id}/setujui", response={200: ManualOut, 422: PesanOut})
def manual_setujui(request: HttpRequest, manual_id: int) -> object:
    row = services.realisasi_manual_setujui(
        oleh=_saya(request), realisasi=_manual(request, manual_id)
    )
    return _manual_out(row)


@router.post("/realisasi-manual/{manual_id}/kembalikan", response={200: ManualOut, 422: PesanOut})
def manual_kembalikan(request: HttpRequest, manual_id: int, data: CatatanIn) -> object:
    row = services.realisasi_manual_kembalikan(
        oleh=_saya(request), realisasi=_manual(request, manual_id), catatan=data.catatan
    )
    return _manual_out(row)
