"""Leader overview pages (kinerja.kegiatan.pantauan): the city per OPD, one OPD per unit."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kinerja.common.akses import akses
from kinerja.skp import monitoring

from . import pantauan

PER_HALAMAN = 25
ATASAN_DITAMPILKAN = 30  # the worst ones; the rest are counted


@akses(*monitoring.PERAN_PANTAU)
def pantauan_index(request: HttpRequest) -> HttpResponse:
    profil = monitoring.profil_pantau(request.user)
    scope = monitoring.opd_pantau_ids(profil)
    if scope is not None and len(scope) == 1:
        return redirect("kegiatan_pantauan_opd", pk=next(iter(scope)))
    t = pantauan.tanggal_acuan(profil.instansi_id)
    baris, total = pantauan.rekap(
        instansi_id=profil.instansi_id, opd_ids=scope, per_unit=False, t=t
    )
    return render(request, "kegiatan/pantauan.html", {"baris": baris, "total": total, "t": t})


@akses(*monitoring.PERAN_PANTAU)
def pantauan_opd(request: HttpRequest, pk: int) -> HttpResponse:
    opd = monitoring.opd_get_for_user(user=request.user, pk=pk)
    profil = monitoring.profil_pantau(request.user)
    scope = monitoring.opd_pantau_ids(profil)
    t = pantauan.tanggal_acuan(profil.instansi_id)
    baris, total = pantauan.rekap(
        instansi_id=profil.instansi_id, opd_ids={opd.pk}, per_unit=True, t=t
    )
    unit_list = pantauan.unit_opd(opd)
    unit = request.GET.get("unit", "")
    unit_id = int(unit) if unit.isdigit() and int(unit) in dict(unit_list) else None
    hanya_mirip = request.GET.get("mirip") == "1"
    laporan = pantauan.laporan_terbaru(
        instansi_id=profil.instansi_id, opd=opd, t=t, unit_id=unit_id, hanya_mirip=hanya_mirip
    )
    page = Paginator(laporan.values_list("pk", flat=True), PER_HALAMAN).get_page(
        request.GET.get("page")
    )
    atasan = pantauan.menunggu_per_atasan(instansi_id=profil.instansi_id, opd=opd, t=t)
    konteks = {
        "opd": opd,
        "kota": scope is None or len(scope) > 1,
        "t": t,
        "baris": baris,
        "total": total,
        "atasan": atasan[:ATASAN_DITAMPILKAN],
        "atasan_jumlah": len(atasan),
        "atasan_lain": max(0, len(atasan) - ATASAN_DITAMPILKAN),
        "page": page,
        "laporan_list": pantauan.laporan_muat(list(page.object_list)),
        "unit_list": unit_list,
        "unit_id": unit_id,
        "hanya_mirip": hanya_mirip,
        "hari_terbaru": pantauan.HARI_LAPORAN_TERBARU,
    }
    return render(request, "kegiatan/pantauan_opd.html", konteks)
