"""SKP documents: PDF, XLSX, and the public verification page behind the QR code."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kinerja.common.akses import LOGIN, PUBLIK, akses

from . import dokumen


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
