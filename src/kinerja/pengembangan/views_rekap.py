"""JP tracking pages: the atasan's team, the unit/OPD/city recap with drill down, exports, and
one pegawai's JP ledger. Every number comes from kinerja.pengembangan.rekap (one query per
recap)."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kinerja.common.akses import ATASAN, LOGIN, akses
from kinerja.pengembangan import rekap
from kinerja.pengembangan import selectors_rekap as sel

PER_HALAMAN = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _saringan(request: HttpRequest) -> dict[str, Any]:
    status = request.GET.get("status", "")
    urut = request.GET.get("urut", "")
    return {
        "tahun": sel.tahun_dari(request.GET.get("tahun")),
        "status": status if status in dict(rekap.FILTER_STATUS) else "",
        "q": request.GET.get("q", "").strip()[:100],
        "urut": urut if urut in dict(rekap.URUTAN) else "jp",
    }


def _pilihan() -> dict[str, Any]:
    return {
        "pilihan_tahun": sel.pilihan_tahun(),
        "pilihan_status": rekap.FILTER_STATUS,
        "pilihan_urut": rekap.URUTAN,
    }


@akses(ATASAN)
def tim(request: HttpRequest) -> HttpResponse:
    """The atasan's bawahan langsung (or the whole chain below) with their JP, lowest first."""
    saring = _saringan(request)
    semua = request.GET.get("semua") == "1"
    target = rekap.target_jp()
    profil = sel.profil(request.user)
    rows = rekap.pegawai_rows(
        instansi_id=profil.instansi_id,
        tahun=saring["tahun"],
        target=target,
        **sel.tim_filter(request.user, semua=semua),  # type: ignore[arg-type]
    )
    daftar = rekap.saring(rows, status=saring["status"], q=saring["q"], urut=saring["urut"])
    page = Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("page"))
    return render(
        request,
        "pengembangan/rekap_tim.html",
        {
            "saring": saring,
            "semua": semua,
            "target": target,
            "total": rekap.ringkas(rows),
            "page": page,
            **_pilihan(),
        },
    )


def _halaman_rekap(request: HttpRequest, lingkup: sel.Lingkup) -> HttpResponse:
    saring = _saringan(request)
    target = rekap.target_jp()
    profil = sel.profil(request.user)
    rows = rekap.pegawai_rows(
        instansi_id=profil.instansi_id, tahun=saring["tahun"], target=target, **lingkup.filter
    )
    tabel = (
        rekap.per_opd(rows)
        if lingkup.tingkat == "opd"
        else rekap.per_unit(rows, akar_depth=lingkup.akar_depth)
    )
    daftar = rekap.saring(rows, status=saring["status"], q=saring["q"], urut=saring["urut"])
    page = Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    if lingkup.unit is not None and lingkup.filter.get("unit_path"):
        query["unit"] = str(lingkup.unit.pk)
    return render(
        request,
        "pengembangan/rekap_index.html",
        {
            "lingkup": lingkup,
            "kota": sel.kota(profil),
            "saring": saring,
            "target": target,
            "total": rekap.ringkas(rows),
            "tabel": tabel,
            "page": page,
            "jumlah_saring": len(daftar),
            "query_ekspor": query.urlencode(),
            **_pilihan(),
        },
    )


@akses(*sel.PERAN_REKAP)
def rekap_index(request: HttpRequest) -> HttpResponse:
    return _halaman_rekap(request, sel.lingkup_rekap(request.user))


@akses(*sel.PERAN_REKAP)
def rekap_unit(request: HttpRequest, pk: int) -> HttpResponse:
    return _halaman_rekap(request, sel.lingkup_unit(request.user, pk))


def _kolom() -> list[str]:
    return [_("NIP"), _("Nama"), _("Unit kerja"), _("OPD"), _("Tahun"), _("JP"), _("Target JP")]


def _kolom_ekspor() -> list[str]:
    return [*_kolom(), _("Status")]


def _baris_ekspor(rows: list[rekap.BarisPegawai], tahun: int, target: Any) -> list[list[Any]]:
    return [
        [b.nip, b.nama, b.unit_nama, b.opd_nama, tahun, b.jp, target, b.status_label] for b in rows
    ]


def _xlsx(judul: str, baris: list[list[Any]]) -> bytes:
    """Write-only workbook (streams rows; 6,500 rows in well under a second)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(judul[:31])
    for kolom, lebar in zip("ABCDEFGH", (20, 36, 36, 36, 8, 8, 10, 18), strict=True):
        ws.column_dimensions[kolom].width = lebar
    ws.freeze_panes = "A2"
    tebal = Font(bold=True)
    kepala = []
    for teks in _kolom_ekspor():
        cell = WriteOnlyCell(ws, value=teks)
        cell.font = tebal
        kepala.append(cell)
    ws.append(kepala)
    for nip, *lain in baris:
        cell = WriteOnlyCell(ws, value=str(nip))
        cell.number_format = "@"  # the NIP stays text
        ws.append([cell, *[float(v) if hasattr(v, "quantize") else v for v in lain]])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _csv(baris: list[list[Any]]) -> bytes:
    """UTF-8 with BOM, comma separated, a header row; the NIP is a quoted text column and JP a
    plain number with a dot (2 decimals)."""
    buffer = io.StringIO()
    tulis = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
    tulis.writerow(_kolom_ekspor())
    for nip, nama, unit, opd, tahun, jp, target, status in baris:
        tulis.writerow([str(nip), nama, unit, opd, tahun, float(jp), float(target), status])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@akses(*sel.PERAN_REKAP)
def rekap_ekspor(request: HttpRequest) -> HttpResponse:
    """The pegawai rows of the scope being viewed (`?unit=` for a drill down) with the page's
    filters, as CSV or XLSX (`?format=xlsx`)."""
    unit = request.GET.get("unit", "")
    lingkup = (
        sel.lingkup_unit(request.user, int(unit))
        if unit.isdigit()
        else sel.lingkup_rekap(request.user)
    )
    saring = _saringan(request)
    target = rekap.target_jp()
    profil = sel.profil(request.user)
    rows = rekap.pegawai_rows(
        instansi_id=profil.instansi_id, tahun=saring["tahun"], target=target, **lingkup.filter
    )
    daftar = rekap.saring(rows, status=saring["status"], q=saring["q"], urut=saring["urut"])
    baris = _baris_ekspor(daftar, saring["tahun"], target)
    nama = f"rekap-jp-{saring['tahun']}" + (f"-unit-{unit}" if unit.isdigit() else "")
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(_xlsx(_("Rekap JP %(t)s") % {"t": saring["tahun"]}, baris))
        response["Content-Type"] = XLSX_TYPE
        response["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
        return response
    response = HttpResponse(_csv(baris), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{nama}.csv"'
    return response


@akses(LOGIN)
def jp_pegawai(request: HttpRequest, pk: int) -> HttpResponse:
    """One pegawai's JP ledger of a year with each row's source (404 for those not allowed)."""
    tahun = sel.tahun_dari(request.GET.get("tahun"))
    data = sel.ledger_pegawai(request.user, pk, tahun)  # type: ignore[arg-type]
    return render(
        request,
        "pengembangan/rekap_jp_pegawai.html",
        {"data": data, "tahun": tahun, "pilihan_tahun": sel.pilihan_tahun()},
    )
