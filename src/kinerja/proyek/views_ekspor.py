"""Pages of the monthly progress report: pick an OPD and a month, preview, PDF and XLSX.

Pimpinan OPD / operator OPD reach their own OPD; city roles (admin BKPSDMD, pimpinan daerah,
Inspektorat) every OPD; another OPD answers 404, a pegawai without those roles 403.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from kinerja.common.akses import akses
from kinerja.organisasi.models import Peran

from . import ekspor

PERAN_LAPORAN = (
    Peran.PIMPINAN_OPD,
    Peran.OPERATOR_OPD,
    Peran.ADMIN_BKPSDMD,
    Peran.PIMPINAN_DAERAH,
    Peran.INSPEKTORAT,
)


@akses(*PERAN_LAPORAN)
def proyek_ekspor(request: HttpRequest) -> HttpResponse:
    """Choose the OPD (one OPD in scope: straight to it)."""
    daftar = ekspor.opd_laporan_list(request.user)
    if len(daftar) == 1:
        return redirect("proyek_laporan_bulanan", opd=daftar[0].pk)
    return render(request, "proyek/ekspor.html", {"daftar": daftar})


def _laporan(request: HttpRequest, opd: int) -> ekspor.LaporanBulanan:
    unit = ekspor.opd_laporan_get(user=request.user, pk=opd)
    bulan = ekspor.bulan_dari(request.GET.get("bulan"))
    return ekspor.laporan_bulanan(unit, bulan)


@akses(*PERAN_LAPORAN)
def proyek_laporan_bulanan(request: HttpRequest, opd: int) -> HttpResponse:
    laporan = _laporan(request, opd)
    hari_ini = timezone.localdate()
    tahun = sorted({hari_ini.year, laporan.tahun, hari_ini.year - 1}, reverse=True)
    pilihan = [b for t in tahun for b in reversed(ekspor.pilihan_bulan(t, hari_ini))]
    return render(
        request,
        "proyek/laporan_bulanan.html",
        ekspor.konteks(laporan) | {"pilihan": pilihan, "dipilih": f"{laporan.bulan:%Y-%m}"},
    )


@akses(*PERAN_LAPORAN)
def proyek_laporan_pdf(request: HttpRequest, opd: int) -> HttpResponse:
    laporan = _laporan(request, opd)
    response = HttpResponse(ekspor.laporan_pdf(laporan), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{ekspor.nama_berkas(laporan, "pdf")}"'
    return response


@akses(*PERAN_LAPORAN)
def proyek_laporan_xlsx(request: HttpRequest, opd: int) -> HttpResponse:
    laporan = _laporan(request, opd)
    response = HttpResponse(ekspor.laporan_xlsx(laporan), content_type=ekspor.XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{ekspor.nama_berkas(laporan, "xlsx")}"'
    )
    return response
