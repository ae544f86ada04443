"""SKP documents: PDF, XLSX, the public verification page behind the QR code, bulk PDFs."""

from __future__ import annotations

from pathlib import Path

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.common.akses import LOGIN, PUBLIK, akses
from kinerja.organisasi.selectors import akses_pengguna

from . import dokumen, dokumen_massal
from .models import StatusTugas


def _verifikasi_url(request: HttpRequest, kode: str) -> str:
    return request.build_absolute_uri(reverse("skp_verifikasi", kwargs={"kode": kode}))


def _unduhan(konten: bytes, content_type: str, nama: str) -> HttpResponse:
    response = HttpResponse(konten, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    response["Cache-Control"] = "private, no-store"
    return response


@akses(LOGIN)
def skp_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    skp = dokumen.skp_dokumen_get_for_user(user=request.user, pk=pk)
    data, versi = dokumen.skp_data(skp)
    url = _verifikasi_url(request, versi.kode) if versi else ""
    pdf = dokumen.skp_pdf(data, versi=versi, verifikasi_url=url)
    return _unduhan(pdf, "application/pdf", dokumen.nama_berkas(data, "pdf"))


@akses(LOGIN)
def skp_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    skp = dokumen.skp_dokumen_get_for_user(user=request.user, pk=pk)
    data, versi = dokumen.skp_data(skp)
    url = _verifikasi_url(request, versi.kode) if versi else ""
    xlsx = dokumen.skp_xlsx(data, versi=versi, verifikasi_url=url)
    return _unduhan(xlsx, dokumen.XLSX_TYPE, dokumen.nama_berkas(data, "xlsx"))


@akses(PUBLIK)
def verifikasi_cari(request: HttpRequest) -> HttpResponse:
    kode = "".join(request.GET.get("kode", "").split())[:20]
    if kode:
        return redirect("skp_verifikasi", kode=kode.upper())
    return render(request, "skp/dokumen/verifikasi_cari.html")


@akses(PUBLIK)
def verifikasi(request: HttpRequest, kode: str) -> HttpResponse:
    from django.http import Http404

    try:
        versi = dokumen.verifikasi_get(kode)
    except Http404:
        return render(request, "skp/dokumen/verifikasi_tidak_ada.html", {"kode": kode}, status=404)
    snapshot = versi.snapshot if isinstance(versi.snapshot, dict) else {}
    return render(
        request,
        "skp/dokumen/verifikasi.html",
        {
            "versi": versi,
            "skp": versi.skp,
            "s": snapshot,
            "nip_samar": dokumen.samarkan_nip(versi.skp.pegawai.nip),
            "penilai_nip_samar": dokumen.samarkan_nip(versi.disetujui_oleh.nip),
            "terbaru": dokumen.versi_terbaru(versi),
        },
    )


# --- bulk PDFs --------------------------------------------------------------------------------


@akses(*dokumen_massal.PERAN_MASSAL)
def massal_index(request: HttpRequest) -> HttpResponse:
    from django.contrib import messages
    from django.core.exceptions import ValidationError

    from .selectors import periode_berjalan, periode_list_for_user

    units = dokumen_massal.unit_massal_for_user(request.user).filter(depth__lte=1)
    periode_list = periode_list_for_user(request.user)
    unit_pilihan = {str(u.pk): u for u in units.order_by("path")}
    periode_pilihan = {str(p.pk): p for p in periode_list}
    galat: dict[str, str] = {}
    if request.method == "POST":
        unit = unit_pilihan.get(request.POST.get("unit", ""))
        periode = periode_pilihan.get(request.POST.get("periode", ""))
        if unit is None:
            galat["unit"] = _("Pilih unit.")
        if periode is None:
            galat["periode"] = _("Pilih periode.")
        if unit is not None and periode is not None:
            try:
                job = dokumen_massal.massal_buat(
                    oleh=request.user,  # type: ignore[arg-type]
                    unit=unit,
                    periode=periode,
                    base_url=request.build_absolute_uri("/"),
                )
            except ValidationError as exc:
                galat.update({k: " ".join(v) for k, v in exc.message_dict.items()})
            else:
                messages.info(
                    request, _("Pembuatan PDF masuk antrean dan berjalan di latar belakang.")
                )
                return redirect("skp_massal_detail", pk=job.pk)
    profil = akses_pengguna(request.user)
    berjalan = periode_berjalan(profil.instansi_id) if profil else None
    return render(
        request,
        "skp/dokumen/massal.html",
        {
            "units": unit_pilihan.values(),
            "periode_list": periode_list,
            "periode_pilih": request.POST.get("periode") or (berjalan.pk if berjalan else ""),
            "unit_pilih": request.POST.get("unit", ""),
            "galat": galat,
            "jobs": dokumen_massal.massal_list_for_user(request.user)[:20],
        },
        status=422 if galat else 200,
    )


@akses(*dokumen_massal.PERAN_MASSAL)
def massal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = dokumen_massal.massal_get_for_user(user=request.user, pk=pk)
    selesai, total = dokumen_massal.progress_baca(job)
    template = (
        "skp/dokumen/_massal_status.html"
        if getattr(request, "htmx", False)
        else "skp/dokumen/massal_detail.html"
    )
    return render(
        request, template, {"job": job, "progress_selesai": selesai, "progress_total": total}
    )


@akses(*dokumen_massal.PERAN_MASSAL)
def massal_unduh(request: HttpRequest, pk: int) -> HttpResponseBase:
    from django.http import FileResponse, Http404

    job = dokumen_massal.massal_get_for_user(user=request.user, pk=pk)
    if job.status != StatusTugas.SELESAI or not job.berkas:
        raise Http404
    response = FileResponse(
        job.berkas.open("rb"),
        as_attachment=True,
        filename=Path(job.berkas.name).name,
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response
