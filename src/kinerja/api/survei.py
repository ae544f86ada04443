"""Survey API: the public submit (same one-time token and limits as the form), IKM, import."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from kinerja.organisasi.models import Instansi
from kinerja.survei import selectors, services
from kinerja.survei.models import Sumber
from kinerja.survei.periode import periode_dari_kode

router = Router(tags=["survei"])


class PilihanOut(Schema):
    nilai: int
    label: str


class UnsurOut(Schema):
    nomor: int
    nama: str
    pertanyaan: str
    pilihan: list[PilihanOut]


class JenisOut(Schema):
    id: int
    nama: str


class FormulirOut(Schema):
    token: str
    unit: str
    jenis_layanan: list[JenisOut]
    unsur: list[UnsurOut]


class ResponsIn(Schema):
    token: str
    u1: int
    u2: int
    u3: int
    u4: int
    u5: int
    u6: int
    u7: int
    u8: int
    u9: int
    jenis_layanan_id: int | None = None
    usia: str = ""
    jenis_kelamin: str = ""
    pendidikan: str = ""
    pekerjaan: str = ""
    saran: str = ""
    website: str = ""  # honeypot: leave empty


class KirimOut(Schema):
    diterima: bool
    status: str


class Pesan(Schema):
    detail: Any


class NrrOut(Schema):
    nomor: int
    unsur: str
    nrr: float | None


class IkmOut(Schema):
    unit_layanan_id: int
    periode: str
    mulai: str
    selesai: str
    responden: int
    ikm: float | None
    ikm_bobot_0_111: float | None
    mutu: str | None
    mutu_label: str | None
    nrr: list[NrrOut]


class ImporOut(Schema):
    id: int
    jumlah_baris: int
    galat: list[dict[str, Any]]
    diterapkan: int


@router.get(
    "/publik/{kode}/formulir",
    response=FormulirOut,
    auth=None,
    summary="Formulir survei publik: token sekali pakai, unsur dan jenis layanan",
    url_name="survei_formulir_publik",
)
def formulir_publik(request: HttpRequest, kode: str) -> dict[str, Any]:
    unit = selectors.unit_layanan_publik(kode)
    return {
        "token": services.token_buat(unit),
        "unit": unit.nama,
        "jenis_layanan": [
            {"id": j.pk, "nama": j.nama} for j in selectors.jenis_layanan_aktif(unit)
        ],
        "unsur": [
            {
                "nomor": u.nomor,
                "nama": u.nama,
                "pertanyaan": u.pertanyaan,
                "pilihan": [{"nilai": v, "label": label} for v, label in u.pilihan],
            }
            for u in selectors.unsur_list()
        ],
    }


@router.post(
    "/publik/{kode}/respons",
    response={201: KirimOut, 400: Pesan, 422: Pesan, 429: Pesan},
    auth=None,
    summary="Kirim jawaban survei (publik; token dari /formulir, batas per IP)",
    url_name="survei_kirim_publik",
)
def kirim_publik(request: HttpRequest, kode: str, data: ResponsIn) -> Status:
    unit = selectors.unit_layanan_publik(kode)
    isian = data.dict()
    jenis = None
    if data.jenis_layanan_id is not None:
        jenis = next(
            (j for j in selectors.jenis_layanan_aktif(unit) if j.pk == data.jenis_layanan_id), None
        )
        if jenis is None:
            return Status(
                422, {"detail": {"jenis_layanan_id": ["Jenis layanan bukan milik unit ini."]}}
            )
    kiriman = services.Kiriman(jawaban=isian, jenis_layanan=jenis, honeypot=data.website)
    try:
        respons = services.respons_kirim(
            unit=unit,
            kiriman=kiriman,
            token=data.token,
            ip=request.META.get("REMOTE_ADDR", ""),
            sumber=Sumber.API,
        )
    except services.TokenDitolak as exc:
        return Status(400, {"detail": str(exc)})
    except services.BatasTerlampaui as exc:
        return Status(429, {"detail": str(exc)})
    except ValidationError as exc:
        return Status(422, {"detail": exc.message_dict})
    return Status(201, {"diterima": True, "status": respons.status})


@router.get(
    "/unit-layanan/{unit_id}/ikm",
    response={200: IkmOut, 422: Pesan},
    summary="IKM satu unit layanan untuk satu periode (2026, 2026-S1, 2026-T3, 2026-05)",
    url_name="survei_ikm_unit",
)
def ikm_unit(request: HttpRequest, unit_id: int, periode: str = "") -> Status:
    unit = selectors.unit_layanan_get_for_user(user=request.user, pk=unit_id)
    p = periode_dari_kode(periode or str(timezone.localdate().year))
    if p is None:
        return Status(422, {"detail": {"periode": ["Periode tidak dikenal."]}})
    hasil = selectors.ikm_unit(unit, p.mulai, p.selesai)
    ringkas = selectors.ikm_ringkas(hasil, selectors.unsur_list(), selectors.mutu_list())
    mutu = ringkas["mutu"]
    return Status(
        200,
        {
            "unit_layanan_id": unit.pk,
            "periode": p.kode,
            "mulai": p.mulai.isoformat(),
            "selesai": p.selesai.isoformat(),
            "responden": hasil.responden,
            "ikm": float(hasil.ikm) if hasil.ikm is not None else None,
            "ikm_bobot_0_111": float(hasil.ikm_bobot_bulat)
            if hasil.ikm_bobot_bulat is not None
            else None,
            "mutu": mutu.kode if mutu else None,
            "mutu_label": mutu.label if mutu else None,
            "nrr": [
                {"nomor": u.nomor, "unsur": u.nama, "nrr": float(n) if n is not None else None}
                for u, n in ringkas["baris"]
            ],
        },
    )


@router.post(
    "/impor",
    response={200: ImporOut, 403: Pesan, 422: Pesan},
    summary="Impor survei kertas (XLSX/CSV); terapkan=false hanya memeriksa",
    url_name="survei_impor",
)
def impor(
    request: HttpRequest,
    berkas: UploadedFile = File(...),  # noqa: B008 — django-ninja's way to declare a file
    terapkan: bool = False,
) -> Status:
    if not selectors.boleh_kelola(request.user):
        return Status(403, {"detail": "Anda tidak berhak mengimpor survei."})
    profil = selectors._akses(request.user)
    units = list(selectors.unit_layanan_kelola_for_user(request.user))
    batch = services.impor_survei_periksa(
        instansi=Instansi.objects.get(pk=profil.instansi_id),
        oleh=request.user,  # type: ignore[arg-type]
        nama_file=berkas.name or "impor.csv",
        konten=berkas.read(),
        units=units,
    )
    diterapkan = 0
    if terapkan and not batch.galat:
        diterapkan = services.impor_survei_terapkan(batch=batch, units=units)
    return Status(
        200,
        {
            "id": batch.pk,
            "jumlah_baris": batch.jumlah_baris,
            "galat": batch.galat,
            "diterapkan": diterapkan,
        },
    )
