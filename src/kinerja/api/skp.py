"""SKP API: read and write SKP, RHK and indikator; submit, approve, return. Same services and
rules as the pages. A stale `revisi` answers 409 with a JSON message; nothing is written."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from kinerja.organisasi.models import Pegawai
from kinerja.skp import selectors, services
from kinerja.skp.models import (
    Aspek,
    IndikatorKinerja,
    IndikatorPK,
    JenisRhk,
    Pendekatan,
    Rhk,
    Skp,
    SumberRealisasi,
)

router = Router(tags=["skp"])


class KonflikOut(Schema):
    detail: str
    revisi: int


class PesanOut(Schema):
    detail: Any


class IndikatorOut(Schema):
    id: int
    aspek: str
    teks: str
    target_angka: Decimal | None
    target_satuan: str
    target_teks: str
    sumber_realisasi: str
    target: str


class RhkOut(Schema):
    id: int
    jenis: str
    teks: str
    rhk_atasan_id: int | None
    rhk_atasan_teks: str
    indikator_pk_id: int | None
    indikator: list[IndikatorOut]


class EkspektasiOut(Schema):
    perilaku_id: int
    perilaku: str
    ekspektasi: str


class SkpRingkasOut(Schema):
    id: int
    pegawai_id: int
    pegawai_nama: str
    periode_id: int
    versi: int
    aktif: bool
    status: str
    pendekatan: str
    revisi: int
    jabatan_nama: str
    unit_nama: str
    penilai_nama: str


class SkpOut(SkpRingkasOut):
    catatan_pengembalian: str
    dukungan_sumber_daya: str
    skema_pertanggungjawaban: str
    konsekuensi: str
    kode_verifikasi: str | None
    rhk: list[RhkOut]
    ekspektasi: list[EkspektasiOut]


class SkpBuatIn(Schema):
    pendekatan: str = Pendekatan.KUANTITATIF
    salin_tahun_lalu: bool = False


class SkpDrafIn(Schema):
    revisi: int
    pendekatan: str
    dukungan_sumber_daya: str = ""
    skema_pertanggungjawaban: str = ""
    konsekuensi: str = ""


class RhkIn(Schema):
    revisi: int
    teks: str
    jenis: str = JenisRhk.UTAMA
    rhk_atasan_id: int | None = None
    indikator_pk_id: int | None = None


class IndikatorIn(Schema):
    revisi: int
    teks: str
    aspek: str = Aspek.KUANTITAS
    target_angka: Decimal | None = None
    target_satuan: str = ""
    target_teks: str = ""
    sumber_realisasi: str = SumberRealisasi.LAPORAN


class RevisiIn(Schema):
    revisi: int


class CatatanIn(Schema):
    catatan: str


class VersiOut(Schema):
    skp_id: int
    kode: str


class PilihanOut(Schema):
    id: int
    teks: str


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _konflik(exc: services.RevisiBasi) -> JsonResponse:
    return JsonResponse({"detail": exc.pesan, "revisi": exc.revisi_sekarang}, status=409)


def _skp_out(skp: Skp) -> dict[str, Any]:
    skp.refresh_from_db()
    rhk = [
        {
            "id": r.pk,
            "jenis": r.jenis,
            "teks": r.teks,
            "rhk_atasan_id": r.rhk_atasan_id,
            "rhk_atasan_teks": r.rhk_atasan.teks if r.rhk_atasan else "",
            "indikator_pk_id": r.indikator_pk_id,
            "indikator": [
                {f: getattr(i, f) for f in IndikatorOut.model_fields} for i in r.indikator_set.all()
            ],
        }
        for r in selectors.rhk_untuk_skp(skp)
    ]
    versi = getattr(skp, "versi_disetujui", None) if skp.status == "disetujui" else None
    return {
        **{f: getattr(skp, f) for f in SkpRingkasOut.model_fields},
        "catatan_pengembalian": skp.catatan_pengembalian,
        "dukungan_sumber_daya": skp.dukungan_sumber_daya,
        "skema_pertanggungjawaban": skp.skema_pertanggungjawaban,
        "konsekuensi": skp.konsekuensi,
        "kode_verifikasi": versi.kode if versi else None,
        "rhk": rhk,
        "ekspektasi": [
            {"perilaku_id": e.perilaku_id, "perilaku": e.perilaku.nama, "ekspektasi": e.ekspektasi}
            for e in selectors.ekspektasi_untuk_skp(skp)
        ],
    }


def _rhk_milik(request: HttpRequest, rhk_id: int) -> Rhk:
    rhk = get_object_or_404(Rhk.objects.select_related("skp"), pk=rhk_id)
    selectors.skp_get_for_user(user=request.user, pk=rhk.skp_id)  # 404 outside scope
    return rhk


def _indikator_milik(request: HttpRequest, indikator_id: int) -> IndikatorKinerja:
    ind = get_object_or_404(IndikatorKinerja.objects.select_related("rhk__skp"), pk=indikator_id)
    selectors.skp_get_for_user(user=request.user, pk=ind.rhk.skp_id)
    return ind


def _tautan(skp: Skp, data: RhkIn) -> tuple[Rhk | None, IndikatorPK | None]:
    """Resolve link ids; the service checks that they are the pejabat penilai's / the OPD's."""
    rhk_atasan = indikator_pk = None
    if data.rhk_atasan_id is not None:
        rhk_atasan = get_object_or_404(Rhk.objects.select_related("skp"), pk=data.rhk_atasan_id)
    if data.indikator_pk_id is not None:
        indikator_pk = get_object_or_404(
            IndikatorPK.objects.select_related("sasaran__perjanjian"), pk=data.indikator_pk_id
        )
    return rhk_atasan, indikator_pk


@router.get("/", response=list[SkpRingkasOut], summary="SKP yang boleh dilihat")
@paginate(LimitOffsetPagination)
def skp_list(request: HttpRequest, status: str = "", periode_id: int | None = None) -> object:
    qs = selectors.skp_list_for_user(request.user).order_by("pegawai_nama", "-versi", "pk")
    if status:
        qs = qs.filter(status=status)
    if periode_id:
        qs = qs.filter(periode_id=periode_id)
    return qs


@router.post(
    "/", response={201: SkpOut, 404: PesanOut}, summary="Buat draf SKP saya (periode berjalan)"
)
def skp_buat(request: HttpRequest, data: SkpBuatIn) -> object:
    user = _saya(request)
    periode = selectors.periode_berjalan(user.instansi_id or 0)
    if periode is None:
        return Status(404, {"detail": _("Belum ada periode kinerja yang dibuka.")})
    if data.salin_tahun_lalu:
        skp = services.skp_copy_from_last_year(pegawai=user, periode=periode, oleh=user)
    else:
        skp = services.skp_create(pegawai=user, periode=periode, pendekatan=data.pendekatan)
    return Status(201, _skp_out(skp))


@router.get("/persetujuan", response=list[SkpRingkasOut], summary="Antrian persetujuan atasan")
def skp_antrian(request: HttpRequest) -> object:
    return selectors.antrian_persetujuan(request.user).skp


@router.get("/{skp_id}", response=SkpOut)
def skp_get(request: HttpRequest, skp_id: int) -> object:
    return _skp_out(selectors.skp_get_for_user(user=request.user, pk=skp_id))


@router.get(
    "/{skp_id}/rhk-atasan", response=list[PilihanOut], summary="RHK pejabat penilai untuk tautan"
)
def skp_rhk_atasan(request: HttpRequest, skp_id: int) -> object:
    skp = selectors.skp_get_for_user(user=request.user, pk=skp_id)
    return [{"id": r.pk, "teks": r.teks} for r in selectors.rhk_pilihan_atasan(skp)]


@router.patch("/{skp_id}", response={200: SkpOut, 409: KonflikOut}, summary="Ubah draf")
def skp_ubah(request: HttpRequest, skp_id: int, data: SkpDrafIn) -> object:
    skp = selectors.skp_get_for_user(user=request.user, pk=skp_id)
    try:
        skp = services.skp_update_draft(skp=skp, oleh=_saya(request), **data.dict())
    except services.RevisiBasi as exc:
        return _konflik(exc)
    return _skp_out(skp)


@router.post("/{skp_id}/rhk", response={201: SkpOut, 409: KonflikOut}, summary="Tambah RHK")
def rhk_tambah(request: HttpRequest, skp_id: int, data: RhkIn) -> object:
    skp = selectors.skp_get_for_user(user=request.user, pk=skp_id)
    rhk_atasan, indikator_pk = _tautan(skp, data)
    try:
        services.rhk_add(
            skp=skp,
            oleh=_saya(request),
            revisi=data.revisi,
            teks=data.teks,
            jenis=data.jenis,
            rhk_atasan=rhk_atasan,
            indikator_pk=indikator_pk,
        )
    except services.RevisiBasi as exc:
        return _konflik(exc)
    return Status(201, _skp_out(skp))


@router.put("/rhk/{rhk_id}", response={200: SkpOut, 409: KonflikOut}, summary="Ubah RHK")
def rhk_ubah(request: HttpRequest, rhk_id: int, data: RhkIn) -> object:
    rhk = _rhk_milik(request, rhk_id)
    rhk_atasan, indikator_pk = _tautan(rhk.skp, data)
    try:
        services.rhk_update(
            rhk=rhk,
            oleh=_saya(request),
            revisi=data.revisi,
            teks=data.teks,
            jenis=data.jenis,
            rhk_atasan=rhk_atasan,
            indikator_pk=indikator_pk,
        )
    except services.RevisiBasi as exc:
        return _konflik(exc)
    return _skp_out(rhk.skp)


@router.delete("/rhk/{rhk_id}", response={200: SkpOut, 409: KonflikOut}, summary="Hapus RHK")
def rhk_hapus(request: HttpRequest, rhk_id: int, revisi: int) -> object:
    rhk = _rhk_milik(request, rhk_id)
    try:
        skp = services.rhk_delete(rhk=rhk, oleh=_saya(request), revisi=revisi)
    except services.RevisiBasi as exc:
        return _konflik(exc)
    return _skp_out(skp)


@router.post(
    "/rhk/{rhk_id}/indikator",
    response={201: SkpOut, 409: KonflikOut},
    summary="Tambah indikator",
)
def indikator_tambah(request: HttpRequest, rhk_id: int, data: IndikatorIn) -> object:
    rhk = _rhk_milik(request, rhk_id)
    try:
        services.indikator_add(rhk=rhk, oleh=_saya(request), **data.dict())
    except services.RevisiBasi as exc:
        return _konflik(exc)
    return Status(201, _skp_out(rhk.skp))


@router.put(
    "/indikator/{indikator_id}", response={200: SkpOut, 409: KonflikOut}, summary="Ubah indikator"
)
def indikator_ubah(request: HttpRequest, indikator_id: int, data: IndikatorIn) -> object:
    ind = _indikator_milik(request, indikator_id)
    try:
        services.indikator_update(indikator=ind, oleh=_saya(request), **data.dict())
    except services.RevisiBasi as exc:
        return _konflik(exc)
    return _skp_out(ind.rhk.skp)


@router.delete(
    "/indikator/{indikator_id}",
    response={200: SkpOut, 409: KonflikOut},
    summary="Hapus indikator",
)
def indikator_hapus(request: HttpRequest, indikator_id: int, revisi: int) -> object:
    ind = _indikator_milik(request, indikator_id)
    try:
        skp = services.indikator_delete(indikator=ind, oleh=_saya(request), revisi=revisi)
    except services.RevisiBasi as exc:
        return _konflik(exc)
    return _skp_out(skp)


@router.post(
    "/{skp_id}/ajukan",
    response={200: SkpOut, 409: KonflikOut},
    summary="Ajukan ke pejabat penilai",
)
def skp_ajukan(request: HttpRequest, skp_id: int, data: RevisiIn) -> object:
    skp = selectors.skp_get_for_user(user=request.user, pk=skp_id)
    try:
        skp = services.skp_submit(skp=skp, oleh=_saya(request), revisi=data.revisi)
    except services.RevisiBasi as exc:
        return _konflik(exc)
    return _skp_out(skp)


@router.post("/{skp_id}/setujui", response=VersiOut, summary="Setujui (pejabat penilai)")
def skp_setujui(request: HttpRequest, skp_id: int) -> object:
    skp = selectors.skp_get_for_user(user=request.user, pk=skp_id)
    versi = services.skp_approve(skp=skp, oleh=_saya(request))
    return {"skp_id": skp.pk, "kode": versi.kode}


@router.post(
    "/{skp_id}/kembalikan", response=SkpOut, summary="Kembalikan dengan catatan (pejabat penilai)"
)
def skp_kembalikan(request: HttpRequest, skp_id: int, data: CatatanIn) -> object:
    skp = selectors.skp_get_for_user(user=request.user, pk=skp_id)
    return _skp_out(services.skp_return(skp=skp, oleh=_saya(request), catatan=data.catatan))


class EkspektasiIn(Schema):
    ekspektasi: dict[int, str]


@router.put(
    "/{skp_id}/ekspektasi",
    response=SkpOut,
    summary="Ekspektasi khusus pimpinan per nilai BerAKHLAK (pejabat penilai)",
)
def skp_ekspektasi(request: HttpRequest, skp_id: int, data: EkspektasiIn) -> object:
    skp = selectors.skp_get_for_user(user=request.user, pk=skp_id)
    services.skp_set_ekspektasi(skp=skp, oleh=_saya(request), ekspektasi=data.ekspektasi)
    return _skp_out(skp)


class AlasanIn(Schema):
    alasan: str = ""


@router.post(
    "/{skp_id}/revisi",
    response={201: SkpOut},
    summary="Revisi SKP yang disetujui: versi baru sebagai draf",
)
def skp_revisi(request: HttpRequest, skp_id: int, data: AlasanIn) -> object:
    skp = selectors.skp_get_for_user(user=request.user, pk=skp_id)
    return Status(
        201, _skp_out(services.skp_revise(skp=skp, oleh=_saya(request), alasan=data.alasan))
    )
