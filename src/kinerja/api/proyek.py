"""Proyek API: projects (list with filters and pagination, get, create, update, S-curve plan),
progress updates (multipart, with evidence files), kendala (raise, comment, assign, set a deadline,
escalate, resolve) and the S-curve data.

The same services and selectors as the pages, so the same rules: a project out of the user's scope
answers 404 (a PPTK of another OPD sees nothing), in scope but not allowed 403, bad input 422 with
the Indonesian message per field; nothing is stored on an error.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.proyek import peringatan, selectors, services
from kinerja.proyek.models import (
    Kendala,
    KomentarKendala,
    Peringatan,
    ProgresProyek,
    Proyek,
    StatusProyek,
)
from kinerja.skp.models import IndikatorPK, Rhk

router = Router(tags=["proyek"])


class Pesan(Schema):
    detail: Any


# --- output ------------------------------------------------------------------------------------


class ProyekOut(Schema):
    id: int
    kode: str
    nama: str
    opd_id: int
    opd_nama: str
    tahun_anggaran: int
    pptk_id: int | None
    pptk_nama: str
    lokasi: str
    mulai: dt.date | None
    selesai: dt.date | None
    pagu: Decimal
    status: str
    fisik_realisasi: Decimal
    keuangan_realisasi: Decimal
    fisik_rencana: Decimal
    keuangan_rencana: Decimal
    progres_terakhir: dt.date | None
    status_peringatan: str
    alasan_peringatan: list[str]
    revisi: int
    url: str


class RencanaOut(Schema):
    bulan: dt.date
    fisik: Decimal
    keuangan: Decimal


class TahapanOut(Schema):
    id: int
    nama: str
    bobot: Decimal | None
    jatuh_tempo: dt.date
    deliverable: str
    selesai_pada: dt.date | None


class AnggotaOut(Schema):
    pegawai_id: int
    nama: str
    peran: str


class HakOut(Schema):
    kelola: bool
    pptk: bool
    tim: bool
    lapor: bool
    ubah_rencana: bool
    ajukan_kendala: bool
    tindak_kendala: bool


class ProyekDetailOut(ProyekOut):
    unit_pelaksana_id: int | None
    indikator_pk_id: int | None
    rhk_id: int | None
    keterangan: str
    rencana: list[RencanaOut]
    tahapan: list[TahapanOut]
    anggota: list[AnggotaOut]
    hak: HakOut


class BuktiOut(Schema):
    id: int
    nama_asli: str
    jenis: str
    ukuran: int
    url: str


class ProgresOut(Schema):
    id: int
    proyek_id: int
    tanggal: dt.date
    fisik: Decimal
    keuangan: Decimal
    narasi: str
    alasan_koreksi: str
    dilaporkan_oleh_id: int
    dibuat_pada: dt.datetime
    bukti: list[BuktiOut]


class KomentarOut(Schema):
    id: int
    penulis_id: int
    penulis_nama: str
    jenis: str
    isi: str
    dibuat_pada: dt.datetime


class KendalaOut(Schema):
    id: int
    proyek_id: int
    judul: str
    kategori: str
    tingkat: str
    deskripsi: str
    status: str
    eskalasi: str
    dilaporkan_oleh_id: int
    penanggung_jawab_id: int | None
    batas_waktu: dt.date | None
    dibuat_pada: dt.datetime
    diselesaikan_pada: dt.datetime | None
    resolusi: str
    url: str


class KendalaDetailOut(KendalaOut):
    komentar: list[KomentarOut]


class TitikAktualOut(Schema):
    tanggal: dt.date
    fisik: Decimal
    keuangan: Decimal


class KurvaSOut(Schema):
    proyek_id: int
    pagu: Decimal
    hari_ini: dt.date
    rencana_hari_ini_fisik: Decimal
    rencana_hari_ini_keuangan: Decimal
    rencana: list[RencanaOut]
    aktual: list[TitikAktualOut]


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _proyek(request: HttpRequest, pk: int) -> Proyek:
    return selectors.proyek_get_for_user(user=request.user, pk=pk)


def _proyek_out(p: Proyek) -> dict[str, Any]:
    return {
        "id": p.pk,
        "kode": p.kode,
        "nama": p.nama,
        "opd_id": p.opd_id,
        "opd_nama": p.opd.nama,
        "tahun_anggaran": p.tahun_anggaran,
        "pptk_id": p.pptk_id,
        "pptk_nama": p.pptk.nama_lengkap if p.pptk else "",
        "lokasi": p.lokasi,
        "mulai": p.mulai,
        "selesai": p.selesai,
        "pagu": p.pagu,
        "status": p.status,
        "fisik_realisasi": p.fisik_realisasi,
        "keuangan_realisasi": p.keuangan_realisasi,
        "fisik_rencana": p.fisik_rencana,
        "keuangan_rencana": p.keuangan_rencana,
        "progres_terakhir": p.progres_terakhir,
        "status_peringatan": p.status_peringatan,
        "alasan_peringatan": [peringatan.uraikan(a) for a in p.alasan_peringatan or []],
        "revisi": p.revisi,
        "url": reverse("proyek_detail", args=[p.pk]),
    }


class _Halaman:
    """A queryset the paginator slices and counts, giving dicts of the rows it slices."""

    def __init__(self, qs: QuerySet[Proyek]) -> None:
        self.qs = qs

    def all(self) -> _Halaman:
        return self

    def count(self) -> int:
        return self.qs.count()

    def __getitem__(self, irisan: slice) -> list[dict[str, Any]]:
        return [_proyek_out(p) for p in self.qs[irisan]]


def _detail(proyek: Proyek) -> dict[str, Any]:
    hak = proyek.hak  # type: ignore[attr-defined]
    return _proyek_out(proyek) | {
        "unit_pelaksana_id": proyek.unit_pelaksana_id,
        "indikator_pk_id": proyek.indikator_pk_id,
        "rhk_id": proyek.rhk_id,
        "keterangan": proyek.keterangan,
        "rencana": [
            {"bulan": r.bulan, "fisik": r.fisik, "keuangan": r.keuangan}
            for r in selectors.rencana_proyek(proyek)
        ],
        "tahapan": [
            {
                "id": m.pk,
                "nama": m.nama,
                "bobot": m.bobot,
                "jatuh_tempo": m.jatuh_tempo,
                "deliverable": m.deliverable,
                "selesai_pada": m.selesai_pada,
            }
            for m in selectors.milestone_proyek(proyek)
        ],
        "anggota": [
            {"pegawai_id": a.pegawai_id, "nama": a.pegawai.nama_lengkap, "peran": a.peran}
            for a in selectors.anggota_proyek(proyek)
        ],
        "hak": {
            "kelola": hak.kelola,
            "pptk": hak.pptk,
            "tim": hak.tim,
            "lapor": hak.lapor,
            "ubah_rencana": hak.ubah_rencana,
            "ajukan_kendala": hak.ajukan_kendala,
            "tindak_kendala": hak.tindak_kendala,
        },
    }


def _progres_out(p: ProgresProyek) -> dict[str, Any]:
    return {
        "id": p.pk,
        "proyek_id": p.proyek_id,
        "tanggal": p.tanggal,
        "fisik": p.fisik,
        "keuangan": p.keuangan,
        "narasi": p.narasi,
        "alasan_koreksi": p.alasan_koreksi,
        "dilaporkan_oleh_id": p.dilaporkan_oleh_id,
        "dibuat_pada": p.dibuat_pada,
        "bukti": [
            {
                "id": b.pk,
                "nama_asli": b.nama_asli,
                "jenis": b.jenis,
                "ukuran": b.ukuran,
                "url": reverse("proyek_bukti", args=[b.pk]),
            }
            for b in p.bukti_set.all()
        ],
    }


def _kendala_out(k: Kendala) -> dict[str, Any]:
    return {
        "id": k.pk,
        "proyek_id": k.proyek_id,
        "judul": k.judul,
        "kategori": k.kategori,
        "tingkat": k.tingkat,
        "deskripsi": k.deskripsi,
        "status": k.status,
        "eskalasi": k.eskalasi,
        "dilaporkan_oleh_id": k.dilaporkan_oleh_id,
        "penanggung_jawab_id": k.penanggung_jawab_id,
        "batas_waktu": k.batas_waktu,
        "dibuat_pada": k.dibuat_pada,
        "diselesaikan_pada": k.diselesaikan_pada,
        "resolusi": k.resolusi,
        "url": reverse("proyek_kendala_detail", args=[k.pk]),
    }


def _komentar_out(c: KomentarKendala) -> dict[str, Any]:
    return {
        "id": c.pk,
        "penulis_id": c.penulis_id,
        "penulis_nama": c.penulis.nama_lengkap,
        "jenis": c.jenis,
        "isi": c.isi,
        "dibuat_pada": c.dibuat_pada,
    }


def _kendala_detail(k: Kendala) -> dict[str, Any]:
    return _kendala_out(k) | {"komentar": [_komentar_out(c) for c in selectors.komentar_kendala(k)]}


# --- projects ----------------------------------------------------------------------------------


@router.get(
    "/",
    response=list[ProyekOut],
    summary="Proyek yang terlihat oleh saya (filter: opd, status, tahun, pptk, peringatan, q)",
    url_name="proyek_api_list",
)
@paginate(LimitOffsetPagination)
def proyek_list(
    request: HttpRequest,
    opd: int | None = None,
    status: str = "",
    tahun: int | None = None,
    pptk: int | None = None,
    peringatan: str = "",
    q: str = "",
    saya: bool = False,
) -> Any:
    qs = selectors.proyek_list_for_user(request.user).select_related("opd", "pptk")
    if saya:
        qs = qs.filter(anggota_set__pegawai=_saya(request), anggota_set__aktif=True)
    if opd:
        qs = qs.filter(opd_id=opd)
    if status in StatusProyek.values:
        qs = qs.filter(status=status)
    if tahun:
        qs = qs.filter(tahun_anggaran=tahun)
    if pptk:
        qs = qs.filter(pptk_id=pptk)
    if peringatan in Peringatan.values:
        qs = qs.filter(status_peringatan=peringatan)
    if q.strip():
        qs = qs.filter(Q(nama__icontains=q.strip()) | Q(kode__icontains=q.strip()))
    return _Halaman(qs.order_by("opd__nama", "nama", "pk"))


@router.get(
    "/{int:pk}",
    response={200: ProyekDetailOut, 404: Pesan},
    summary="Satu proyek: rencana kurva S, tahapan, tim, hak saya",
    url_name="proyek_api_detail",
)
def proyek_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _detail(_proyek(request, pk))


class ProyekIn(Schema):
    opd: int
    nama: str
    pptk: int
    kode: str = ""
    unit_pelaksana: int | None = None
    tahun_anggaran: int | None = None
    indikator_pk: int | None = None
    rhk: int | None = None
    lokasi: str = ""
    mulai: dt.date | None = None
    selesai: dt.date | None = None
    pagu: Decimal = Decimal(0)
    status: str = StatusProyek.PERENCANAAN
    keterangan: str = ""


class ProyekUbahIn(Schema):
    revisi: int = Field(..., description="revisi proyek yang dibaca (kunci optimistik)")
    kode: str | None = None
    nama: str | None = None
    unit_pelaksana: int | None = None
    tahun_anggaran: int | None = None
    indikator_pk: int | None = None
    rhk: int | None = None
    pptk: int | None = None
    lokasi: str | None = None
    mulai: dt.date | None = None
    selesai: dt.date | None = None
    pagu: Decimal | None = None
    status: str | None = None
    keterangan: str | None = None


def _pegawai(instansi_id: int, pk: int | None, field: str) -> Pegawai | None:
    if pk is None:
        return None
    p = Pegawai.objects.filter(pk=pk, instansi_id=instansi_id).first()
    if p is None:
        raise ValidationError({field: "Pegawai tidak ditemukan."})
    return p


def _unit(instansi_id: int, pk: int | None, field: str) -> UnitKerja | None:
    if pk is None:
        return None
    u = UnitKerja.objects.filter(pk=pk, instansi_id=instansi_id).first()
    if u is None:
        raise ValidationError({field: "Unit kerja tidak ditemukan."})
    return u


def _fk(nilai: dict[str, Any], instansi_id: int) -> dict[str, Any]:
    """Resolve the id fields the services take as objects (wrong ids: 422 next to the field)."""
    hasil = dict(nilai)
    if "pptk" in hasil:
        hasil["pptk"] = _pegawai(instansi_id, hasil["pptk"], "pptk")
    if "unit_pelaksana" in hasil:
        hasil["unit_pelaksana"] = _unit(instansi_id, hasil["unit_pelaksana"], "unit_pelaksana")
    if hasil.get("indikator_pk") is not None:
        ind = IndikatorPK.objects.filter(pk=hasil["indikator_pk"]).first()
        if ind is None:
            raise ValidationError({"indikator_pk": "Indikator tidak ditemukan."})
        hasil["indikator_pk"] = ind
    if hasil.get("rhk") is not None:
        rhk = Rhk.objects.filter(pk=hasil["rhk"]).first()
        if rhk is None:
            raise ValidationError({"rhk": "RHK tidak ditemukan."})
        hasil["rhk"] = rhk
    return hasil


@router.post(
    "/",
    response={201: ProyekDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Proyek baru (pimpinan/operator OPD, admin BKPSDMD)",
    url_name="proyek_api_buat",
)
def proyek_buat(request: HttpRequest, data: ProyekIn) -> Status:
    user = _saya(request)
    opd = UnitKerja.objects.filter(
        pk=data.opd, instansi_id=user.instansi_id or 0, parent__isnull=True
    ).first()
    if opd is None:
        raise Http404
    nilai = _fk(data.dict(exclude={"opd"}), user.instansi_id or 0)
    proyek = services.proyek_buat(oleh=user, opd=opd, **nilai)
    return Status(201, _detail(_proyek(request, proyek.pk)))


@router.patch(
    "/{int:pk}",
    response={200: ProyekDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Ubah proyek (pengelola semua kolom; PPTK lokasi, keterangan, status, tanggal)",
    url_name="proyek_api_ubah",
)
def proyek_ubah(request: HttpRequest, pk: int, data: ProyekUbahIn) -> dict[str, Any]:
    user = _saya(request)
    proyek = _proyek(request, pk)
    perubahan = data.dict(exclude_unset=True)
    revisi = perubahan.pop("revisi")
    services.proyek_ubah(
        proyek=proyek, oleh=user, revisi=revisi, **_fk(perubahan, user.instansi_id or 0)
    )
    return _detail(_proyek(request, pk))


class RencanaIn(Schema):
    bulan: dt.date
    fisik: Decimal
    keuangan: Decimal = Decimal(0)


@router.put(
    "/{int:pk}/rencana",
    response={200: ProyekDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Ganti rencana kurva S bulanan (kumulatif; bulan terakhir 100%)",
    url_name="proyek_api_rencana",
)
def proyek_rencana(request: HttpRequest, pk: int, data: list[RencanaIn]) -> dict[str, Any]:
    proyek = _proyek(request, pk)
    services.rencana_simpan(
        proyek=proyek,
        oleh=_saya(request),
        baris=[services.BarisRencana(r.bulan, r.fisik, r.keuangan) for r in data],
    )
    return _detail(_proyek(request, pk))


@router.get(
    "/{int:pk}/kurva-s",
    response={200: KurvaSOut, 404: Pesan},
    summary="Data kurva S: rencana bulanan dan progres aktual (fisik dan keuangan)",
    url_name="proyek_api_kurva",
)
def proyek_kurva(request: HttpRequest, pk: int) -> dict[str, Any]:
    proyek = _proyek(request, pk)
    rencana = selectors.rencana_proyek(proyek)
    hari_ini = timezone.localdate()
    fisik, keuangan = peringatan.rencana_pada(peringatan.titik_rencana(rencana), hari_ini)
    aktual = sorted(
        proyek.progres_set.values_list("tanggal", "fisik", "keuangan", "pk"),
        key=lambda r: (r[0], r[3]),
    )
    return {
        "proyek_id": proyek.pk,
        "pagu": proyek.pagu,
        "hari_ini": hari_ini,
        "rencana_hari_ini_fisik": fisik,
        "rencana_hari_ini_keuangan": keuangan,
        "rencana": [{"bulan": r.bulan, "fisik": r.fisik, "keuangan": r.keuangan} for r in rencana],
        "aktual": [{"tanggal": t, "fisik": f, "keuangan": k} for t, f, k, _pk in aktual],
    }


# --- progress ----------------------------------------------------------------------------------


@router.get(
    "/{int:pk}/progres",
    response={200: list[ProgresOut], 404: Pesan},
    summary="Riwayat progres proyek (terbaru dulu) dengan bukti",
    url_name="proyek_api_progres_list",
)
def progres_list(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    return [_progres_out(p) for p in selectors.progres_proyek(_proyek(request, pk))]


class ProgresIn(Schema):
    tanggal: dt.date
    fisik: Decimal
    keuangan: Decimal
    narasi: str = ""
    alasan_koreksi: str = ""


@router.post(
    "/{int:pk}/progres",
    response={201: ProgresOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Laporkan progres (tim proyek; multipart, berkas bukti foto/dokumen)",
    url_name="proyek_api_progres_lapor",
)
def progres_lapor(
    request: HttpRequest,
    pk: int,
    data: Form[ProgresIn],
    berkas: list[UploadedFile] = File(default=[]),  # noqa: B008 — django-ninja's file declaration
) -> Status:
    proyek = _proyek(request, pk)
    progres = services.progres_lapor(
        proyek=proyek,
        oleh=_saya(request),
        tanggal=data.tanggal,
        fisik=data.fisik,
        keuangan=data.keuangan,
        narasi=data.narasi,
        alasan_koreksi=data.alasan_koreksi,
        berkas=list(berkas or []),
    )
    return Status(201, _progres_out(progres))


# --- kendala -----------------------------------------------------------------------------------


@router.get(
    "/{int:pk}/kendala",
    response={200: list[KendalaOut], 404: Pesan},
    summary="Kendala proyek (terbuka dan paling berat dulu)",
    url_name="proyek_api_kendala_list",
)
def kendala_list(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    return [_kendala_out(k) for k in selectors.kendala_proyek(_proyek(request, pk))]


class KendalaIn(Schema):
    judul: str
    kategori: str = Field(
        ..., description="anggaran|pengadaan|sdm|teknis|regulasi|koordinasi|lainnya"
    )
    tingkat: str = Field(..., description="rendah|sedang|tinggi|kritis")
    deskripsi: str = ""
    penanggung_jawab: int | None = None
    batas_waktu: dt.date | None = None


@router.post(
    "/{int:pk}/kendala",
    response={201: KendalaDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Ajukan kendala (anggota tim atau pengelola); kendala kritis langsung ke tingkat kota",
    url_name="proyek_api_kendala_ajukan",
)
def kendala_ajukan(request: HttpRequest, pk: int, data: KendalaIn) -> Status:
    user = _saya(request)
    proyek = _proyek(request, pk)
    kendala = services.kendala_ajukan(
        proyek=proyek,
        oleh=user,
        judul=data.judul,
        kategori=data.kategori,
        tingkat=data.tingkat,
        deskripsi=data.deskripsi,
        penanggung_jawab=_pegawai(user.instansi_id or 0, data.penanggung_jawab, "penanggung_jawab"),
        batas_waktu=data.batas_waktu,
    )
    return Status(201, _kendala_detail(kendala))


def _kendala(request: HttpRequest, pk: int) -> Kendala:
    return selectors.kendala_get_for_user(user=request.user, pk=pk)


@router.get(
    "/kendala/{int:pk}",
    response={200: KendalaDetailOut, 404: Pesan},
    summary="Satu kendala dengan utas diskusinya",
    url_name="proyek_api_kendala_detail",
)
def kendala_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _kendala_detail(_kendala(request, pk))


class KomentarIn(Schema):
    isi: str


@router.post(
    "/kendala/{int:pk}/komentar",
    response={201: KendalaDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Komentar pada kendala",
    url_name="proyek_api_kendala_komentar",
)
def kendala_komentar(request: HttpRequest, pk: int, data: KomentarIn) -> Status:
    kendala = _kendala(request, pk)
    services.kendala_komentar(kendala=kendala, oleh=_saya(request), isi=data.isi)
    return Status(201, _kendala_detail(kendala))


class TugaskanIn(Schema):
    penanggung_jawab: int
    batas_waktu: dt.date | None = None


@router.post(
    "/kendala/{int:pk}/tugaskan",
    response={200: KendalaDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Tunjuk penanggung jawab (anggota tim) dan batas waktu (PPTK, pimpinan OPD)",
    url_name="proyek_api_kendala_tugaskan",
)
def kendala_tugaskan(request: HttpRequest, pk: int, data: TugaskanIn) -> dict[str, Any]:
    user = _saya(request)
    kendala = _kendala(request, pk)
    pj = _pegawai(user.instansi_id or 0, data.penanggung_jawab, "penanggung_jawab")
    assert pj is not None
    services.kendala_tugaskan(
        kendala=kendala, oleh=user, penanggung_jawab=pj, batas_waktu=data.batas_waktu
    )
    return _kendala_detail(kendala)


class BatasIn(Schema):
    batas_waktu: dt.date


@router.post(
    "/kendala/{int:pk}/batas-waktu",
    response={200: KendalaDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Tetapkan batas waktu penyelesaian kendala",
    url_name="proyek_api_kendala_batas",
)
def kendala_batas(request: HttpRequest, pk: int, data: BatasIn) -> dict[str, Any]:
    kendala = _kendala(request, pk)
    services.kendala_batas_waktu(kendala=kendala, oleh=_saya(request), batas_waktu=data.batas_waktu)
    return _kendala_detail(kendala)


class EskalasiIn(Schema):
    ke: str = Field(..., description="opd (pimpinan OPD) | kota (pemerintah kota)")


@router.post(
    "/kendala/{int:pk}/eskalasi",
    response={200: KendalaDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Eskalasi kendala satu tingkat: ke pimpinan OPD, lalu ke kota",
    url_name="proyek_api_kendala_eskalasi",
)
def kendala_eskalasi(request: HttpRequest, pk: int, data: EskalasiIn) -> dict[str, Any]:
    kendala = _kendala(request, pk)
    services.kendala_eskalasi(kendala=kendala, oleh=_saya(request), ke=data.ke)
    return _kendala_detail(kendala)


class SelesaiIn(Schema):
    resolusi: str


@router.post(
    "/kendala/{int:pk}/selesai",
    response={200: KendalaDetailOut, 403: Pesan, 404: Pesan, 422: Pesan},
    summary="Catat penyelesaian kendala (penanggung jawab, PPTK, pimpinan OPD)",
    url_name="proyek_api_kendala_selesai",
)
def kendala_selesai(request: HttpRequest, pk: int, data: SelesaiIn) -> dict[str, Any]:
    kendala = _kendala(request, pk)
    services.kendala_selesaikan(kendala=kendala, oleh=_saya(request), resolusi=data.resolusi)
    return _kendala_detail(kendala)
