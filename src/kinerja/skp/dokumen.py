"""The SKP as an official document: PDF (WeasyPrint) and XLSX (openpyxl), one data shape.

An approved version is rendered from its frozen `SkpVersi.snapshot`, so a later edit, mutasi
or rename never changes what was signed; a draft is rendered from live data with a DRAF banner.
`skp_snapshot()` builds that shape from live rows (the approval stores it).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from kinerja.organisasi.models import GOLONGAN_PNS

from .models import (
    EkspektasiPerilaku,
    IndikatorKinerja,
    JenisRhk,
    PerilakuKerja,
    Rhk,
    Skp,
    SkpVersi,
    StatusSkp,
)

FORMAT = 1
TEMPAT = "Pangkalpinang"
KOLOM_TABEL = [
    "No",
    "RHK pimpinan yang diintervensi",
    "RHK",
    "Aspek",
    "Indikator kinerja individu",
    "Target",
]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def pangkat_golongan(golongan: str) -> str:
    """'III/d' → 'Penata Tingkat I (III/d)'; other text (PPPK golongan, a ready label) as is."""
    pangkat = GOLONGAN_PNS.get(golongan.strip(), "")
    return f"{pangkat} ({golongan.strip()})" if pangkat else golongan


def skp_dengan_isi(qs: Any) -> Any:
    """An Skp queryset with everything a document needs, in a fixed number of queries."""
    return qs.select_related("periode__instansi", "pegawai", "versi_disetujui").prefetch_related(
        Prefetch(
            "rhk_set",
            queryset=Rhk.objects.select_related("rhk_atasan", "indikator_pk").prefetch_related(
                Prefetch(
                    "indikator_set", queryset=IndikatorKinerja.objects.order_by("urutan", "pk")
                )
            ),
        ),
        Prefetch("ekspektasi_set", queryset=EkspektasiPerilaku.objects.all()),
    )


def _tanggal(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    return value.isoformat()


def skp_snapshot(skp: Skp, perilaku: list[PerilakuKerja] | None = None) -> dict[str, Any]:
    """The document content of `skp` as JSON-ready data (stored frozen when approved)."""
    if perilaku is None:
        perilaku = list(PerilakuKerja.objects.filter(aktif=True).order_by("urutan"))
    ekspektasi = {e.perilaku_id: e.ekspektasi for e in skp.ekspektasi_set.all()}
    rhk = sorted(skp.rhk_set.all(), key=lambda r: (r.jenis != JenisRhk.UTAMA, r.urutan, r.pk))
    return {
        "format": FORMAT,
        "skp_id": skp.pk,
        "versi": skp.versi,
        "pendekatan": skp.pendekatan,
        "instansi": skp.periode.instansi.nama,
        "periode": {
            "tahun": skp.periode.tahun,
            "mulai": _tanggal(skp.periode.mulai),
            "selesai": _tanggal(skp.periode.selesai),
        },
        "pegawai": {
            "nama": skp.pegawai_nama or skp.pegawai.nama_lengkap,
            "nip": skp.pegawai.nip,
            "golongan": skp.pegawai_golongan,
            "jabatan": skp.jabatan_nama,
            "unit": skp.unit_nama,
        },
        "penilai": {
            "nama": skp.penilai_nama,
            "nip": skp.penilai_nip,
            "golongan": skp.penilai_golongan,
            "jabatan": skp.penilai_jabatan_nama,
            "unit": skp.penilai_unit_nama,
        },
        "rhk": [
            {
                "jenis": r.jenis,
                "teks": r.teks,
                "rhk_atasan": r.rhk_atasan.teks if r.rhk_atasan else "",
                "indikator_pk": r.indikator_pk.indikator if r.indikator_pk else "",
                "indikator": [
                    {"aspek": i.aspek, "teks": i.teks, "target": i.target}
                    for i in r.indikator_set.all()
                ],
            }
            for r in rhk
        ],
        "perilaku": [
            {"nama": p.nama, "panduan": p.panduan, "ekspektasi": ekspektasi.get(p.pk, "")}
            for p in perilaku
        ],
        "lampiran": {
            "dukungan_sumber_daya": skp.dukungan_sumber_daya,
            "skema_pertanggungjawaban": skp.skema_pertanggungjawaban,
            "konsekuensi": skp.konsekuensi,
        },
        "diajukan_pada": _tanggal(skp.diajukan_pada),
        "disetujui_pada": _tanggal(skp.disetujui_pada),
    }


ASPEK_LABEL = {
    "kuantitas": "Kuantitas",
    "kualitas": "Kualitas",
    "waktu": "Waktu",
    "biaya": "Biaya",
}


def _waktu(value: Any) -> dt.datetime | dt.date | None:
    if not value or not isinstance(value, str):
        return None
    if len(value) == 10:  # a date; parse_datetime would read it as midnight
        return parse_date(value)
    parsed = parse_datetime(value)
    if parsed is not None:
        return timezone.localtime(parsed) if timezone.is_aware(parsed) else parsed
    return parse_date(value)


def dokumen_konteks(
    data: dict[str, Any], *, versi: SkpVersi | None, verifikasi_url: str = ""
) -> dict[str, Any]:
    """Template context of the document: rows grouped utama/tambahan, dates parsed, the QR."""
    from kinerja.laporan.qr import qr_svg

    kelompok = []
    nomor = 0
    for jenis, judul in ((JenisRhk.UTAMA, _("Utama")), (JenisRhk.TAMBAHAN, _("Tambahan"))):
        baris = []
        for rhk in data.get("rhk", []):
            if rhk.get("jenis") != jenis:
                continue
            nomor += 1
            indikator = [
                dict(i, aspek_label=ASPEK_LABEL.get(i.get("aspek", ""), i.get("aspek", "")))
                for i in rhk.get("indikator") or [{"aspek": "", "teks": "", "target": ""}]
            ]
            baris.append({"nomor": nomor, "rhk": rhk, "indikator": indikator})
        kelompok.append({"judul": judul, "baris": baris})
    lampiran = data.get("lampiran") or {}
    return {
        "d": data,
        "kelompok": kelompok,
        "periode_mulai": _waktu((data.get("periode") or {}).get("mulai")),
        "periode_selesai": _waktu((data.get("periode") or {}).get("selesai")),
        "diajukan_pada": _waktu(data.get("diajukan_pada")),
        "disetujui_pada": versi.disetujui_pada if versi else _waktu(data.get("disetujui_pada")),
        "ada_lampiran": any(v for v in lampiran.values()),
        "lampiran": lampiran,
        "versi": versi,
        "draf": versi is None,
        "tempat": TEMPAT,
        "verifikasi_url": verifikasi_url,
        "qr": qr_svg(verifikasi_url, scale=2) if versi and verifikasi_url else "",
        "kolom": KOLOM_TABEL,
        "dicetak_pada": timezone.localtime(),
    }


def skp_data(skp: Skp) -> tuple[dict[str, Any], SkpVersi | None]:
    """(document data, approved version or None): the frozen snapshot when approved."""
    versi = getattr(skp, "versi_disetujui", None) if skp.status == StatusSkp.DISETUJUI else None
    if versi is not None and isinstance(versi.snapshot, dict) and "rhk" in versi.snapshot:
        data = dict(versi.snapshot)
    else:
        data = skp_snapshot(skp)
    return _lengkapi(data, skp), versi


def _lengkapi(data: dict[str, Any], skp: Skp) -> dict[str, Any]:
    """Fill what older snapshots may lack (instansi name, pangkat label) without changing them."""
    data.setdefault("instansi", skp.periode.instansi.nama)
    data.setdefault("versi", skp.versi)
    data.setdefault("diajukan_pada", _tanggal(skp.diajukan_pada))
    for kunci in ("pegawai", "penilai"):
        orang = dict(data.get(kunci) or {})
        orang.setdefault("pangkat", pangkat_golongan(orang.get("golongan", "")))
        data[kunci] = orang
    return data


def nama_berkas(data: dict[str, Any], ext: str) -> str:
    nip = (data.get("pegawai") or {}).get("nip", "")
    tahun = (data.get("periode") or {}).get("tahun", "")
    return f"SKP-{tahun}-{nip}-v{data.get('versi', 1)}.{ext}"


def skp_pdf(
    data: dict[str, Any],
    *,
    versi: SkpVersi | None,
    verifikasi_url: str = "",
    font_config: Any = None,
) -> bytes:
    """One SKP as PDF. A bulk run passes one WeasyPrint FontConfiguration for all documents
    (about a third faster than loading the fonts for each)."""
    from kinerja.laporan.pdf import render_pdf

    konteks = dokumen_konteks(data, versi=versi, verifikasi_url=verifikasi_url)
    if font_config is None:
        return render_pdf("skp/dokumen/skp_pdf.html", konteks)
    from django.conf import settings
    from django.template.loader import render_to_string
    from weasyprint import HTML

    html = render_to_string("skp/dokumen/skp_pdf.html", konteks)
    base = str(settings.BASE_DIR / "static")
    return HTML(string=html, base_url=base).write_pdf(font_config=font_config)


def skp_xlsx(data: dict[str, Any], *, versi: SkpVersi | None, verifikasi_url: str = "") -> bytes:
    """The same content as the PDF, as a workbook: identity on top, then the RHK table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    konteks = dokumen_konteks(data, versi=versi, verifikasi_url=verifikasi_url)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "SKP"
    bold = Font(bold=True)
    ws.append(["SASARAN KINERJA PEGAWAI"])
    ws["A1"].font = Font(bold=True, size=14)
    periode = data.get("periode") or {}
    ws.append([_("Periode"), f"{periode.get('mulai', '')} s.d. {periode.get('selesai', '')}"])
    ws.append([_("Status"), _("DRAF — belum disetujui") if versi is None else _("Disetujui")])
    if versi is not None:
        ws.append([_("Kode verifikasi"), versi.kode, verifikasi_url])
    ws.append([])
    for judul, kunci in ((_("Pegawai yang dinilai"), "pegawai"), (_("Pejabat penilai"), "penilai")):
        orang = data.get(kunci) or {}
        ws.append([judul])
        ws.cell(ws.max_row, 1).font = bold
        for label, field in (
            (_("Nama"), "nama"),
            (_("NIP"), "nip"),
            (_("Pangkat/golongan"), "pangkat"),
            (_("Jabatan"), "jabatan"),
            (_("Unit kerja"), "unit"),
        ):
            ws.append([label, orang.get(field, "")])
    ws.append([])
    ws.append(KOLOM_TABEL)
    for cell in ws[ws.max_row]:
        cell.font = bold
    for kelompok in konteks["kelompok"]:
        ws.append([kelompok["judul"]])
        ws.cell(ws.max_row, 1).font = bold
        for baris in kelompok["baris"]:
            rhk = baris["rhk"]
            for i, ind in enumerate(baris["indikator"]):
                ws.append(
                    [
                        baris["nomor"] if i == 0 else None,
                        (rhk.get("rhk_atasan") or rhk.get("indikator_pk") or "")
                        if i == 0
                        else None,
                        rhk.get("teks", "") if i == 0 else None,
                        ind["aspek_label"],
                        ind.get("teks", ""),
                        ind.get("target", ""),
                    ]
                )
    ws.append([])
    ws.append([_("Perilaku kerja"), _("Panduan"), _("Ekspektasi khusus pimpinan")])
    for cell in ws[ws.max_row]:
        cell.font = bold
    for p in data.get("perilaku", []):
        ws.append([p.get("nama", ""), "\n".join(p.get("panduan", [])), p.get("ekspektasi", "")])
    for kolom, lebar in zip("ABCDEF", (6, 40, 40, 12, 40, 18), strict=True):
        ws.column_dimensions[kolom].width = lebar
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- reads, scoped to the user ----------------------------------------------------------------


def skp_dokumen_get_for_user(*, user: Any, pk: int) -> Skp:
    """An SKP whose document the user may read (the scope of selectors.skp_list_for_user)."""
    from django.http import Http404

    from .selectors import skp_list_for_user

    skp = skp_dengan_isi(skp_list_for_user(user).filter(pk=pk)).first()
    if skp is None:
        raise Http404
    return skp


def verifikasi_get(kode: str) -> SkpVersi:
    """The approved version behind a printed code (public; 404 if unknown)."""
    from django.http import Http404

    kode = "".join(kode.split()).upper()[:20]
    versi = (
        SkpVersi.objects.select_related("skp__periode__instansi", "skp__pegawai", "disetujui_oleh")
        .filter(kode__iexact=kode)
        .first()
    )
    if versi is None:
        raise Http404
    return versi


def versi_terbaru(versi: SkpVersi) -> Skp | None:
    """A later version of the same SKP (same pegawai and periode), if any."""
    return (
        Skp.objects.filter(
            pegawai_id=versi.skp.pegawai_id,
            periode_id=versi.skp.periode_id,
            versi__gt=versi.skp.versi,
        )
        .select_related("versi_disetujui")
        .order_by("-versi")
        .first()
    )


def samarkan_nip(nip: str) -> str:
    """Public pages show a masked NIP: 199501******1002."""
    return nip[:6] + "*" * max(len(nip) - 10, 0) + nip[-4:] if len(nip) > 10 else nip
