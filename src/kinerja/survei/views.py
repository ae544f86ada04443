"""Pages for staff and leaders: unit layanan, IKM, suspicious answers, poster, export, reports."""

from __future__ import annotations

import base64

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kinerja.common.akses import LOGIN, akses
from kinerja.laporan.pdf import render_pdf
from kinerja.laporan.qr import qr_png, qr_svg
from kinerja.organisasi.models import Instansi, Peran, UnitKerja
from kinerja.organisasi.selectors import unit_list_for_user

from . import ekspor, ikm, impor, selectors, services
from .forms import UnitLayananForm
from .models import UnitLayanan
from .periode import Periode, periode_dari_kode, periode_pilihan

PENGELOLA = (Peran.ADMIN_BKPSDMD, Peran.OPERATOR_OPD, Peran.PIMPINAN_OPD)


def _periode(request: HttpRequest) -> Periode:
    periode = periode_dari_kode(request.GET.get("periode", "")) or periode_dari_kode(
        str(timezone.localdate().year)
    )
    assert periode is not None
    return periode


def tautan_survei(request: HttpRequest, unit: UnitLayanan) -> str:
    return request.build_absolute_uri(reverse("survei_form", kwargs={"kode": unit.kode}))


@akses(LOGIN)
def survei_index(request: HttpRequest) -> HttpResponse:
    periode = _periode(request)
    units = list(selectors.unit_layanan_list_for_user(request.user).order_by("nama", "pk"))
    hasil = selectors.ikm_unit_list(units, periode.mulai, periode.selesai)
    mutu = selectors.mutu_list()
    rows = []
    for unit in units:
        h = hasil.get(unit.pk)
        m = ikm.mutu_untuk(h.ikm, mutu) if h and h.ikm is not None else None
        rows.append({"unit": unit, "hasil": h, "mutu": m})
    return render(
        request,
        "survei/index.html",
        {
            "rows": rows,
            "periode": periode,
            "pilihan": periode_pilihan(periode.mulai.year),
            "kelola": selectors.boleh_kelola(request.user),
        },
    )


def _unit_kerja_pilihan(request: HttpRequest) -> list[UnitKerja]:
    profil = selectors._akses(request.user)
    qs = unit_list_for_user(request.user)
    if not profil.admin:
        kelola = profil.opd_kelola_ids
        qs = qs.filter(opd_id__in=kelola) | qs.filter(pk__in=kelola)
    return list(qs.order_by("path")[:2000])


def _simpan_unit(
    request: HttpRequest, unit: UnitLayanan | None
) -> tuple[UnitLayananForm, UnitLayanan | None]:
    form = UnitLayananForm(
        request.POST or None, unit_kerja=_unit_kerja_pilihan(request), instance=unit
    )
    if request.method != "POST" or not form.is_valid():
        return form, None
    data = form.cleaned_data
    try:
        if unit is None:
            unit = services.unit_layanan_create(
                instansi=data["unit_kerja"].instansi,
                unit_kerja=data["unit_kerja"],
                kode=data["kode"],
                nama=data["nama"],
                alamat=data["alamat"],
                jenis=data["jenis"],
            )
        else:
            unit = services.unit_layanan_update(
                unit_layanan=unit,
                nama=data["nama"],
                alamat=data["alamat"],
                aktif=data["aktif"],
                unit_kerja=data["unit_kerja"],
                jenis=data["jenis"],
            )
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return form, None
    return form, unit


@akses(*PENGELOLA)
def unit_layanan_tambah(request: HttpRequest) -> HttpResponse:
    form, unit = _simpan_unit(request, None)
    if unit is not None:
        messages.success(request, _("Unit layanan disimpan."))
        return redirect("survei_ikm", pk=unit.pk)
    return render(request, "survei/unit_form.html", {"form": form, "unit": None})


@akses(*PENGELOLA)
def unit_layanan_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_layanan_get_for_user(user=request.user, pk=pk, kelola=True)
    form, disimpan = _simpan_unit(request, unit)
    if disimpan is not None:
        messages.success(request, _("Unit layanan disimpan."))
        return redirect("survei_ikm", pk=unit.pk)
    return render(request, "survei/unit_form.html", {"form": form, "unit": unit})


@akses(LOGIN)
def survei_ikm(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_layanan_get_for_user(user=request.user, pk=pk)
    periode = _periode(request)
    context = selectors.laporan_ikm(unit, periode.mulai, periode.selesai)
    saran = Paginator(selectors.saran_list(unit, periode.mulai, periode.selesai), 20)
    context |= {
        "unit": unit,
        "periode": periode,
        "pilihan": periode_pilihan(periode.mulai.year),
        "page": saran.get_page(request.GET.get("page")),
        "tautan": tautan_survei(request, unit),
        "qr": qr_svg(tautan_survei(request, unit), scale=3),
        "kelola": selectors.unit_layanan_kelola_for_user(request.user).filter(pk=pk).exists(),
    }
    return render(request, "survei/ikm.html", context)


@akses(LOGIN)
def survei_laporan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_layanan_get_for_user(user=request.user, pk=pk)
    periode = _periode(request)
    context = selectors.laporan_ikm(unit, periode.mulai, periode.selesai)
    context |= {
        "unit": unit,
        "periode": periode,
        "saran": list(selectors.saran_list(unit, periode.mulai, periode.selesai)[:200]),
        "dicetak": timezone.localdate(),
    }
    pdf = render_pdf("survei/laporan_pdf.html", context)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="ikm-{unit.kode}-{periode.kode}.pdf"'
    return response


@akses(LOGIN)
def survei_qr(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_layanan_get_for_user(user=request.user, pk=pk)
    return HttpResponse(qr_png(tautan_survei(request, unit)), content_type="image/png")


@akses(LOGIN)
def survei_poster(request: HttpRequest, pk: int) -> HttpResponse:
    """A printable A4 poster; the QR is embedded as PNG data (extractable, decodable)."""
    unit = selectors.unit_layanan_get_for_user(user=request.user, pk=pk)
    tautan = tautan_survei(request, unit)
    png = base64.b64encode(qr_png(tautan, scale=10)).decode()
    pdf = render_pdf("survei/poster_pdf.html", {"unit": unit, "tautan": tautan, "qr_png": png})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="poster-survei-{unit.kode}.pdf"'
    return response


@akses(*PENGELOLA)
def survei_ekspor(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_layanan_get_for_user(user=request.user, pk=pk, kelola=True)
    periode = _periode(request)
    rows = selectors.respons_ekspor(unit, periode.mulai, periode.selesai)
    nama = f"respons-{unit.kode}-{periode.kode}"
    if request.GET.get("format") == "csv":
        response = HttpResponse(ekspor.csv_bytes(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{nama}.csv"'
        return response
    response = HttpResponse(
        ekspor.xlsx_bytes(rows),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
    return response


@akses(*PENGELOLA)
def survei_mencurigakan(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.respons_mencurigakan_for_user(request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "survei/mencurigakan.html", {"page": page})


def _ringkasan_petugas(request: HttpRequest, pk: int) -> HttpResponse:
    petugas = selectors.petugas_boleh_dilihat(user=request.user, pk=pk)
    periode = _periode(request)
    hasil, minimum = selectors.ringkasan_petugas(petugas, periode.mulai, periode.selesai)
    context = selectors.ikm_ringkas(hasil, selectors.unsur_list(), selectors.mutu_list())
    context |= {
        "petugas": petugas,
        "periode": periode,
        "pilihan": periode_pilihan(periode.mulai.year),
        "minimum": minimum,
        "cukup": hasil.responden >= minimum,
    }
    return render(request, "survei/petugas.html", context)


@akses(LOGIN)
def survei_petugas_saya(request: HttpRequest) -> HttpResponse:
    return _ringkasan_petugas(request, int(request.user.pk or 0))


@akses(LOGIN)
def survei_petugas(request: HttpRequest, pk: int) -> HttpResponse:
    return _ringkasan_petugas(request, pk)


class UnggahForm(forms.Form):
    berkas = forms.FileField(label=_lazy("Berkas XLSX atau CSV"))


@akses(*PENGELOLA)
def survei_impor(request: HttpRequest) -> HttpResponse:
    form = UnggahForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        profil = selectors._akses(request.user)
        try:
            batch = services.impor_survei_periksa(
                instansi=Instansi.objects.get(pk=profil.instansi_id),
                oleh=request.user,  # type: ignore[arg-type]
                nama_file=berkas.name,
                konten=berkas.read(settings.IMPORT_MAX_BYTES + 1),
                units=list(selectors.unit_layanan_kelola_for_user(request.user)),
            )
        except ValidationError as exc:
            form.add_error("berkas", exc.messages)
        else:
            return redirect("survei_impor_detail", pk=batch.pk)
    return render(request, "survei/impor.html", {"form": form, "kolom": impor.KOLOM})


@akses(*PENGELOLA)
def survei_impor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = selectors.impor_get_for_user(user=request.user, pk=pk)
    if request.method == "POST":
        try:
            n = services.impor_survei_terapkan(
                batch=batch, units=list(selectors.unit_layanan_kelola_for_user(request.user))
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(n)s respons kertas disimpan.") % {"n": n})
        return redirect("survei_impor_detail", pk=batch.pk)
    page = Paginator(batch.galat, 100).get_page(request.GET.get("page"))
    return render(request, "survei/impor_detail.html", {"batch": batch, "page": page})
