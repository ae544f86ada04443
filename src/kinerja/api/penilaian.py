"""Penilaian API (/api/v1/penilaian): evaluations, ratings, calibration, predikat organisasi,
finalize per unit, distribution, calibration grid, rekap, angka kredit, TPP, keberatan.

The same services and rules as the pages; errors are JSON 4xx (ValidationError 422,
PermissionDenied 403, out of scope 404, stale `revisi` 409)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django.http import Http404, HttpRequest, JsonResponse
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from kinerja.organisasi.models import Pegawai
from kinerja.penilaian import aturan, selectors, services
from kinerja.penilaian.models import Evaluasi, Keberatan, PermintaanKlarifikasi

router = Router(tags=["penilaian"])


class KonflikOut(Schema):
    detail: str
    revisi: int


class EvaluasiRingkasOut(Schema):
    id: int
    pegawai_id: int
    pegawai_nama: str
    pegawai_nip: str
    pejabat_penilai_id: int
    unit_id: int
    periode_id: int
    jenis: str
    urutan: int
    mulai: str
    selesai: str
    usulan_hasil: str
    capaian_rata: Decimal | None
    rating_hasil: str
    rating_perilaku: str
    predikat: str
    status: str
    revisi: int


class IndikatorOut(Schema):
    rhk: str
    teks: str
    aspek: str
    target_angka: Decimal | None
    target_satuan: str
    target_teks: str
    realisasi: Decimal
    capaian: Decimal | None
    capaian_dihitung: Decimal | None
    jumlah_laporan: int
    bukti: int
    tautan: int


class PerilakuOut(Schema):
    perilaku_id: int
    perilaku: str
    ekspektasi: str
    rating: str
    catatan: str


class PerubahanOut(Schema):
    sumber: str
    oleh_id: int
    waktu: str
    hasil_lama: str
    perilaku_lama: str
    predikat_lama: str
    hasil_baru: str
    perilaku_baru: str
    predikat_baru: str
    alasan: str


class EvaluasiOut(EvaluasiRingkasOut):
    alasan_hasil: str
    catatan_perilaku: str
    pimpinan_unit_id: int | None
    predikat_organisasi: str
    dilihat_pegawai_pada: str | None
    batas_keberatan: str | None
    keberatan_id: int | None
    aturan_usulan: str
    penjelasan: list[str]
    indikator: list[IndikatorOut]
    perilaku: list[PerilakuOut]
    perubahan: list[PerubahanOut]
    boleh_nilai: bool
    boleh_kalibrasi: bool
    boleh_keberatan: bool


class BukaIn(Schema):
    pegawai_id: int
    periode_id: int
    jenis: str = "periodik"
    urutan: int = 1


class PerilakuIn(Schema):
    rating: str = ""
    catatan: str = ""


class NilaiIn(Schema):
    revisi: int
    rating_hasil: str = ""
    alasan_hasil: str = ""
    rating_perilaku: str = ""
    catatan_perilaku: str = ""
    perilaku: dict[int, PerilakuIn] = {}


class KalibrasiIn(Schema):
    revisi: int
    rating_hasil: str
    rating_perilaku: str
    alasan: str = ""


class JendelaIn(Schema):
    periode_id: int
    jenis: str = "periodik"
    urutan: int = 1


class PeringatanOut(Schema):
    pesan: str
    jumlah: int
    total: int
    batas_orang: int | None


class FinalOut(Schema):
    dikunci: int
    peringatan: list[PeringatanOut]


class PredikatOrgIn(JendelaIn):
    unit_id: int
    predikat: str
    alasan: str = ""


class PredikatOrgOut(Schema):
    id: int
    unit_id: int
    periode_id: int
    jenis: str
    urutan: int
    mulai: str
    selesai: str
    predikat: str
    alasan: str


class AturanOut(Schema):
    keterangan: str
    jumlah: int
    batas_orang: int | None
    terpenuhi: bool
    pesan: str


class DistribusiOut(Schema):
    unit_id: int
    predikat_organisasi: str | None
    jumlah: dict[str, int]
    total: int
    belum_dinilai: int
    aturan: list[AturanOut]


class SelOut(Schema):
    rating_hasil: str
    rating_perilaku: str
    predikat: str
    jumlah: int
    pegawai: list[dict[str, Any]]


class GridOut(Schema):
    unit_id: int
    total: int
    belum_dinilai: int
    baris: list[list[SelOut]]


class KeberatanOut(Schema):
    id: int
    evaluasi_id: int
    pegawai_id: int
    atasan_pejabat_penilai_id: int
    alasan: str
    diajukan_pada: str
    batas_keputusan: str | None
    status: str
    keputusan: str
    alasan_keputusan: str
    hasil_lama: str
    perilaku_lama: str
    predikat_lama: str
    hasil_baru: str
    perilaku_baru: str
    predikat_baru: str
    lampiran: list[str]
    klarifikasi: list[dict[str, Any]]


class KlarifikasiIn(Schema):
    pihak: str
    pertanyaan: str


class JawabIn(Schema):
    jawaban: str


class PutusIn(Schema):
    keputusan: str
    alasan: str = ""
    rating_hasil: str = ""
    rating_perilaku: str = ""


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _konflik(exc: services.RevisiBasi) -> JsonResponse:
    return JsonResponse({"detail": exc.pesan, "revisi": exc.revisi_sekarang}, status=409)


def _tgl(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _ringkas(ev: Evaluasi) -> dict[str, Any]:
    return {
        "id": ev.pk,
        "pegawai_id": ev.pegawai_id,
        "pegawai_nama": ev.pegawai.nama_lengkap,
        "pegawai_nip": ev.pegawai.nip,
        "pejabat_penilai_id": ev.pejabat_penilai_id,
        "unit_id": ev.unit_id,
        "periode_id": ev.periode_id,
        "jenis": ev.jenis,
        "urutan": ev.urutan,
        "mulai": ev.mulai.isoformat(),
        "selesai": ev.selesai.isoformat(),
        "usulan_hasil": ev.usulan_hasil,
        "capaian_rata": ev.capaian_rata,
        "rating_hasil": ev.rating_hasil,
        "rating_perilaku": ev.rating_perilaku,
        "predikat": ev.predikat,
        "status": ev.status,
        "revisi": ev.revisi,
    }


def _detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    d = selectors.evaluasi_detail(user=request.user, pk=pk)
    ev = d.evaluasi
    return {
        **_ringkas(ev),
        "alasan_hasil": ev.alasan_hasil,
        "catatan_perilaku": ev.catatan_perilaku,
        "pimpinan_unit_id": ev.pimpinan_unit_id,
        "predikat_organisasi": ev.predikat_organisasi,
        "dilihat_pegawai_pada": _tgl(ev.dilihat_pegawai_pada),
        "batas_keberatan": _tgl(d.batas_keberatan),
        "keberatan_id": d.keberatan.pk if d.keberatan else None,
        "aturan_usulan": d.teks_aturan_usulan,
        "penjelasan": d.penjelasan,
        "indikator": [
            {
                "rhk": grup.teks,
                "teks": b.baris.teks,
                "aspek": b.baris.aspek,
                "target_angka": b.baris.target_angka,
                "target_satuan": b.baris.target_satuan,
                "target_teks": b.baris.target_teks,
                "realisasi": b.baris.realisasi,
                "capaian": b.baris.capaian,
                "capaian_dihitung": b.baris.capaian_dihitung,
                "jumlah_laporan": b.baris.jumlah_laporan,
                "bukti": b.bukti,
                "tautan": b.tautan,
            }
            for grup in d.rhk
            for b in grup.indikator
        ],
        "perilaku": [
            {
                "perilaku_id": p.nilai.perilaku_id,
                "perilaku": p.nilai.perilaku.nama,
                "ekspektasi": p.ekspektasi,
                "rating": p.nilai.rating,
                "catatan": p.nilai.catatan,
            }
            for p in d.perilaku
        ],
        "perubahan": [
            {
                "sumber": p.sumber,
                "oleh_id": p.oleh_id,
                "waktu": p.waktu.isoformat(),
                "hasil_lama": p.hasil_lama,
                "perilaku_lama": p.perilaku_lama,
                "predikat_lama": p.predikat_lama,
                "hasil_baru": p.hasil_baru,
                "perilaku_baru": p.perilaku_baru,
                "predikat_baru": p.predikat_baru,
                "alasan": p.alasan,
            }
            for p in d.perubahan
        ],
        "boleh_nilai": d.boleh_nilai,
        "boleh_kalibrasi": d.boleh_kalibrasi,
        "boleh_keberatan": d.boleh_keberatan,
    }


def _keberatan_out(kb: Keberatan) -> dict[str, Any]:
    return {
        "id": kb.pk,
        "evaluasi_id": kb.evaluasi_id,
        "pegawai_id": kb.pegawai_id,
        "atasan_pejabat_penilai_id": kb.atasan_pejabat_penilai_id,
        "alasan": kb.alasan,
        "diajukan_pada": kb.diajukan_pada.isoformat(),
        "batas_keputusan": _tgl(kb.batas_keputusan),
        "status": kb.status,
        "keputusan": kb.keputusan,
        "alasan_keputusan": kb.alasan_keputusan,
        "hasil_lama": kb.hasil_lama,
        "perilaku_lama": kb.perilaku_lama,
        "predikat_lama": kb.predikat_lama,
        "hasil_baru": kb.hasil_baru,
        "perilaku_baru": kb.perilaku_baru,
        "predikat_baru": kb.predikat_baru,
        "lampiran": [lamp.nama_asli for lamp in kb.lampiran_set.all()],
        "klarifikasi": [
            {
                "id": k.pk,
                "pihak": k.pihak,
                "ditujukan_ke_id": k.ditujukan_ke_id,
                "pertanyaan": k.pertanyaan,
                "jawaban": k.jawaban,
                "dijawab_pada": _tgl(k.dijawab_pada),
            }
            for k in kb.klarifikasi_set.all()
        ],
    }


# --- evaluations ----------------------------------------------------------------------------


class _Halaman:
    """A queryset the paginator slices first; only the page's rows become dicts."""

    def __init__(self, qs: Any, ubah: Any = None) -> None:
        self.qs = qs
        self.ubah = ubah or _ringkas

    def __len__(self) -> int:
        return int(self.qs.count())

    def count(self) -> int:
        return int(self.qs.count())

    def __getitem__(self, key: slice) -> list[dict[str, Any]]:
        return [self.ubah(row) for row in self.qs[key]]


@router.get("/evaluasi", response=list[EvaluasiRingkasOut], summary="Evaluasi yang boleh dilihat")
@paginate(LimitOffsetPagination)
def evaluasi_list(
    request: HttpRequest,
    periode_id: int | None = None,
    jenis: str = "",
    urutan: int | None = None,
    status: str = "",
) -> object:
    qs = selectors.evaluasi_list_for_user(request.user).select_related("pegawai")
    if periode_id:
        qs = qs.filter(periode_id=periode_id)
    if jenis:
        qs = qs.filter(jenis=jenis)
    if urutan is not None:
        qs = qs.filter(urutan=urutan)
    if status:
        qs = qs.filter(status=status)
    return _Halaman(qs.order_by("-mulai", "pegawai__nama", "pk"))


@router.post(
    "/evaluasi",
    response={201: EvaluasiOut},
    summary="Buka evaluasi bawahan untuk satu periode (pejabat penilai)",
)
def evaluasi_buka(request: HttpRequest, data: BukaIn) -> object:
    saya = _saya(request)
    periode = selectors.periode_get(user=request.user, pk=data.periode_id)
    pegawai = Pegawai.objects.filter(pk=data.pegawai_id, instansi_id=saya.instansi_id or 0).first()
    if pegawai is None:
        raise Http404
    ev = services.evaluasi_siapkan(
        pegawai=pegawai, periode=periode, jenis=data.jenis, urutan=data.urutan, oleh=saya
    )
    return Status(201, _detail(request, ev.pk))


@router.get("/evaluasi/{evaluasi_id}", response=EvaluasiOut)
def evaluasi_get(request: HttpRequest, evaluasi_id: int) -> object:
    return _detail(request, evaluasi_id)


@router.post(
    "/evaluasi/{evaluasi_id}/nilai",
    response={200: EvaluasiOut, 409: KonflikOut},
    summary="Rating hasil dan perilaku (pejabat penilai)",
)
def evaluasi_nilai(request: HttpRequest, evaluasi_id: int, data: NilaiIn) -> object:
    ev = selectors.evaluasi_get_for_user(user=request.user, pk=evaluasi_id)
    try:
        services.evaluasi_nilai(
            evaluasi=ev,
            oleh=_saya(request),
            revisi=data.revisi,
            rating_hasil=data.rating_hasil,
            alasan_hasil=data.alasan_hasil,
            rating_perilaku=data.rating_perilaku,
            catatan_perilaku=data.catatan_perilaku,
            perilaku={k: v.dict() for k, v in data.perilaku.items()},
        )
    except services.RevisiBasi as exc:
        return _konflik(exc)
    return _detail(request, evaluasi_id)


@router.post(
    "/evaluasi/{evaluasi_id}/kalibrasi",
    response={200: EvaluasiOut, 409: KonflikOut},
    summary="Kalibrasi oleh pimpinan OPD (dengan alasan, sebelum dikunci)",
)
def evaluasi_kalibrasi(request: HttpRequest, evaluasi_id: int, data: KalibrasiIn) -> object:
    ev = selectors.evaluasi_get_for_user(user=request.user, pk=evaluasi_id)
    try:
        services.evaluasi_kalibrasi(evaluasi=ev, oleh=_saya(request), **data.dict())
    except services.RevisiBasi as exc:
        return _konflik(exc)
    return _detail(request, evaluasi_id)


@router.post(
    "/evaluasi/{evaluasi_id}/dilihat",
    response=EvaluasiOut,
    summary="Pegawai membaca hasil final (awal jangka waktu keberatan)",
)
def evaluasi_dilihat(request: HttpRequest, evaluasi_id: int) -> object:
    ev = selectors.evaluasi_get_for_user(user=request.user, pk=evaluasi_id)
    services.evaluasi_tandai_dilihat(evaluasi=ev, oleh=_saya(request))
    return _detail(request, evaluasi_id)


# --- unit: predikat organisasi, distribution, calibration, finalize -------------------------


@router.put(
    "/predikat-organisasi",
    response=PredikatOrgOut,
    summary="Tetapkan predikat kinerja organisasi unit (pimpinan di atasnya / admin BKPSDMD)",
)
def predikat_organisasi(request: HttpRequest, data: PredikatOrgIn) -> object:
    periode = selectors.periode_get(user=request.user, pk=data.periode_id)
    unit = selectors.unit_get(user=request.user, pk=data.unit_id)
    po = services.predikat_organisasi_tetapkan(
        unit=unit,
        periode=periode,
        jenis=data.jenis,
        urutan=data.urutan,
        predikat=data.predikat,
        oleh=_saya(request),
        alasan=data.alasan,
    )
    return {
        "id": po.pk,
        "unit_id": po.unit_id,
        "periode_id": po.periode_id,
        "jenis": po.jenis,
        "urutan": po.urutan,
        "mulai": po.mulai.isoformat(),
        "selesai": po.selesai.isoformat(),
        "predikat": po.predikat,
        "alasan": po.alasan,
    }


@router.get(
    "/unit/{unit_id}/distribusi",
    response=DistribusiOut,
    summary="Distribusi predikat unit terhadap kurvanya",
)
def unit_distribusi(
    request: HttpRequest, unit_id: int, periode_id: int, jenis: str = "periodik", urutan: int = 1
) -> object:
    periode = selectors.periode_get(user=request.user, pk=periode_id)
    unit = selectors.unit_get(user=request.user, pk=unit_id)
    d = selectors.distribusi_unit(
        user=request.user, unit=unit, periode=periode, jenis=jenis, urutan=urutan
    )
    return {
        "unit_id": unit.pk,
        "predikat_organisasi": d.predikat_organisasi.predikat if d.predikat_organisasi else None,
        "jumlah": d.jumlah,
        "total": d.total,
        "belum_dinilai": d.belum_dinilai,
        "aturan": [
            {
                "keterangan": s.aturan.keterangan,
                "jumlah": s.jumlah,
                "batas_orang": s.batas_orang,
                "terpenuhi": s.terpenuhi,
                "pesan": s.pesan,
            }
            for s in (d.hasil.aturan if d.hasil else [])
        ],
    }


@router.get(
    "/unit/{unit_id}/kalibrasi", response=GridOut, summary="Grid kalibrasi 3×3 hasil × perilaku"
)
def unit_kalibrasi(
    request: HttpRequest, unit_id: int, periode_id: int, jenis: str = "periodik", urutan: int = 1
) -> object:
    periode = selectors.periode_get(user=request.user, pk=periode_id)
    unit = selectors.unit_get(user=request.user, pk=unit_id)
    g = selectors.grid_kalibrasi(
        user=request.user, unit=unit, periode=periode, jenis=jenis, urutan=urutan
    )
    return {
        "unit_id": unit.pk,
        "total": g.total,
        "belum_dinilai": g.belum_dinilai,
        "baris": [
            [
                {
                    "rating_hasil": s.rating_hasil,
                    "rating_perilaku": s.rating_perilaku,
                    "predikat": s.predikat,
                    "jumlah": s.jumlah,
                    "pegawai": s.pegawai,
                }
                for s in baris
            ]
            for baris in g.baris
        ],
    }


@router.post(
    "/unit/{unit_id}/finalkan",
    response=FinalOut,
    summary="Finalkan dan kunci penilaian unit untuk satu periode",
)
def unit_finalkan(request: HttpRequest, unit_id: int, data: JendelaIn) -> object:
    periode = selectors.periode_get(user=request.user, pk=data.periode_id)
    unit = selectors.unit_get(user=request.user, pk=unit_id)
    hasil = services.unit_finalkan(
        unit=unit, periode=periode, jenis=data.jenis, urutan=data.urutan, oleh=_saya(request)
    )
    return {
        "dikunci": hasil.dikunci,
        "peringatan": [
            {"pesan": p.pesan, "jumlah": p.jumlah, "total": p.total, "batas_orang": p.batas_orang}
            for p in hasil.peringatan
        ],
    }


# --- rekap, angka kredit, TPP ---------------------------------------------------------------


@router.get("/rekap", response=list[dict[str, Any]], summary="Rekap per unit, OPD, atau kota")
def rekap(
    request: HttpRequest,
    periode_id: int,
    jenis: str = "tahunan",
    urutan: int = 0,
    tingkat: str = "opd",
) -> object:
    if tingkat not in {"unit", "opd", "kota"}:
        raise Http404
    periode = selectors.periode_get(user=request.user, pk=periode_id)
    return selectors.rekap(
        user=request.user, periode=periode, jenis=jenis, urutan=urutan, tingkat=tingkat
    )


@router.get("/angka-kredit", response=list[dict[str, Any]], summary="Angka kredit fungsional")
def angka_kredit(
    request: HttpRequest, periode_id: int, jenis: str = "", pegawai_id: int | None = None
) -> object:
    periode = selectors.periode_get(user=request.user, pk=periode_id)
    return selectors.angka_kredit_pegawai(
        user=request.user, periode=periode, jenis=jenis or None, pegawai_id=pegawai_id
    )


@router.get("/tpp", response=list[dict[str, Any]], summary="Predikat bulanan untuk TPP")
def tpp(request: HttpRequest, periode_id: int, bulan: int) -> object:
    periode = selectors.periode_get(user=request.user, pk=periode_id)
    return selectors.tpp_bulanan(user=request.user, periode=periode, bulan=bulan)


@router.get("/aturan", response=dict[str, Any], summary="Tabel aturan penilaian (data)")
def aturan_tabel(request: HttpRequest) -> object:
    koef, persen = aturan.tabel_angka_kredit()
    return {
        "matriks": [
            {"rating_hasil": h, "rating_perilaku": p, "predikat": k}
            for (h, p), k in sorted(aturan.matriks().items())
        ],
        "ambang_usulan": [{"batas_bawah": b, "rating": r} for b, r in aturan.ambang()],
        "aturan_usulan": aturan.teks_aturan_usulan(),
        "koefisien_angka_kredit": koef,
        "persen_angka_kredit": persen,
        "tpp": aturan.tabel_tpp(),
    }


# --- keberatan ------------------------------------------------------------------------------


@router.get("/keberatan", response=list[KeberatanOut], summary="Keberatan yang boleh dilihat")
@paginate(LimitOffsetPagination)
def keberatan_list(request: HttpRequest, status: str = "") -> object:
    qs = selectors.keberatan_list_for_user(request.user).prefetch_related(
        "lampiran_set", "klarifikasi_set"
    )
    if status:
        qs = qs.filter(status=status)
    return _Halaman(qs.order_by("-diajukan_pada", "pk"), _keberatan_out)


@router.get("/keberatan/{keberatan_id}", response=KeberatanOut)
def keberatan_get(request: HttpRequest, keberatan_id: int) -> object:
    return _keberatan_out(selectors.keberatan_get_for_user(user=request.user, pk=keberatan_id))


@router.post(
    "/evaluasi/{evaluasi_id}/keberatan",
    response={201: KeberatanOut},
    summary="Ajukan keberatan (pegawai, dalam batas hari sejak melihat hasil)",
)
def keberatan_ajukan(
    request: HttpRequest,
    evaluasi_id: int,
    alasan: Form[str],
    lampiran: File[list[UploadedFile]] = None,  # type: ignore[assignment]
) -> object:
    ev = selectors.evaluasi_get_for_user(user=request.user, pk=evaluasi_id)
    kb = services.keberatan_ajukan(
        evaluasi=ev, oleh=_saya(request), alasan=alasan, lampiran=list(lampiran or [])
    )
    return Status(201, _keberatan_out(kb))


@router.post(
    "/keberatan/{keberatan_id}/klarifikasi",
    response={201: KeberatanOut},
    summary="Minta klarifikasi pejabat penilai atau pegawai (atasan pejabat penilai)",
)
def keberatan_klarifikasi(request: HttpRequest, keberatan_id: int, data: KlarifikasiIn) -> object:
    kb = selectors.keberatan_get_for_user(user=request.user, pk=keberatan_id)
    services.klarifikasi_minta(
        keberatan=kb, oleh=_saya(request), pihak=data.pihak, pertanyaan=data.pertanyaan
    )
    return Status(201, _keberatan_out(kb))


@router.post(
    "/klarifikasi/{klarifikasi_id}/jawab",
    response=KeberatanOut,
    summary="Jawab permintaan klarifikasi",
)
def klarifikasi_jawab(request: HttpRequest, klarifikasi_id: int, data: JawabIn) -> object:
    k: PermintaanKlarifikasi = selectors.klarifikasi_get_for_user(
        user=request.user, pk=klarifikasi_id
    )
    services.klarifikasi_jawab(klarifikasi=k, oleh=_saya(request), jawaban=data.jawaban)
    return _keberatan_out(k.keberatan)


@router.post(
    "/keberatan/{keberatan_id}/putus",
    response=KeberatanOut,
    summary="Putuskan keberatan: tetap atau diubah (atasan pejabat penilai) — final",
)
def keberatan_putus(request: HttpRequest, keberatan_id: int, data: PutusIn) -> object:
    kb = selectors.keberatan_get_for_user(user=request.user, pk=keberatan_id)
    kb = services.keberatan_putus(keberatan=kb, oleh=_saya(request), **data.dict())
    return _keberatan_out(kb)
