"""Socialisation pages: announcements, guide & FAQ, first-login tour, anonymous pulse survey."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import LOGIN, akses
from kinerja.common.formulir import galat_ke_form
from kinerja.organisasi.models import Pegawai, Peran
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.pengembangan import selectors_sosialisasi as sel
from kinerja.pengembangan import services_sosialisasi as svc
from kinerja.pengembangan.forms_sosialisasi import (
    JawabDenyutForm,
    PanduanForm,
    PengumumanForm,
    SurveiDenyutForm,
)
from kinerja.pengembangan.models import Panduan, Pengumuman

ADMIN = Peran.ADMIN_BKPSDMD
HASIL = (Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH, Peran.PIMPINAN_OPD)
T = "pengembangan/sosialisasi_"


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _admin(request: HttpRequest) -> bool:
    profil = akses_pengguna(request.user)
    return bool(profil and profil.admin)


# --- announcements ------------------------------------------------------------------------------


@akses(LOGIN)
def pengumuman_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        T + "pengumuman_list.html",
        {
            "daftar": sel.pengumuman_list_for_user(_saya(request)),
            "admin": _admin(request),
            "label_peran": sel.LABEL_PERAN_TARGET,
        },
    )


@akses(LOGIN)
def pengumuman_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pengumuman = sel.pengumuman_get_for_user(user=_saya(request), pk=pk)
    return render(
        request,
        T + "pengumuman_detail.html",
        {
            "p": pengumuman,
            "admin": _admin(request),
            "tampil": sel.pengumuman_sedang_tampil(pengumuman),
            "opd": list(pengumuman.target_opd.order_by("nama")) if _admin(request) else [],
            "peran": [str(sel.LABEL_PERAN_TARGET.get(x, x)) for x in pengumuman.target_peran],
        },
    )


def _pengumuman_form(request: HttpRequest, pengumuman: Pengumuman | None) -> HttpResponse:
    saya = _saya(request)
    awal = {}
    if pengumuman is not None:
        awal = {
            "judul": pengumuman.judul,
            "isi": pengumuman.isi,
            "penting": pengumuman.penting,
            "mulai": pengumuman.mulai,
            "selesai": pengumuman.selesai,
            "target_opd": list(pengumuman.target_opd.values_list("pk", flat=True)),
            "target_peran": pengumuman.target_peran,
        }
    form = PengumumanForm(request.POST or None, initial=awal, instansi_id=saya.instansi_id)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            hasil = svc.pengumuman_simpan(
                oleh=saya,
                judul=d["judul"],
                isi=d["isi"],
                mulai=d["mulai"],
                selesai=d["selesai"],
                penting=d["penting"],
                target_opd=d["target_opd"],
                target_peran=d["target_peran"],
                pengumuman=pengumuman,
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, _("Pengumuman disimpan."))
            return redirect("pengembangan:pengumuman_detail", pk=hasil.pk)
    return render(
        request,
        T + "pengumuman_form.html",
        {"form": form, "p": pengumuman},
        status=422 if request.method == "POST" else 200,
    )


@akses(ADMIN)
def pengumuman_tambah(request: HttpRequest) -> HttpResponse:
    return _pengumuman_form(request, None)


@akses(ADMIN)
def pengumuman_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    return _pengumuman_form(request, sel.pengumuman_get_for_user(user=_saya(request), pk=pk))


@require_POST
@akses(ADMIN)
def pengumuman_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    pengumuman = sel.pengumuman_get_for_user(user=_saya(request), pk=pk)
    svc.pengumuman_hapus(pengumuman=pengumuman, oleh=_saya(request))
    messages.success(request, _("Pengumuman dihapus."))
    return redirect("pengembangan:pengumuman_list")


# --- guides -------------------------------------------------------------------------------------


@akses(LOGIN)
def panduan(request: HttpRequest) -> HttpResponse:
    cari = (request.GET.get("q") or "")[:100]
    admin = _admin(request)
    daftar = sel.panduan_list(cari=cari, admin=admin)
    return render(
        request,
        T + "panduan.html",
        {
            "panduan_list": daftar.get("panduan", []),
            "faq_list": daftar.get("faq", []),
            "cari": cari,
            "admin": admin,
        },
    )


@akses(LOGIN)
def panduan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = sel.panduan_get(user=_saya(request), slug=slug)
    return render(request, T + "panduan_detail.html", {"p": item, "admin": _admin(request)})


def _panduan_form(request: HttpRequest, item: Panduan | None) -> HttpResponse:
    awal = {}
    if item is not None:
        awal = {
            f: getattr(item, f)
            for f in ("judul", "slug", "kategori", "ringkasan", "isi", "urutan", "aktif")
        }
    form = PanduanForm(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            hasil = svc.panduan_simpan(oleh=_saya(request), panduan=item, **form.cleaned_data)
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, _("Panduan disimpan."))
            return redirect("pengembangan:panduan_detail", slug=hasil.slug)
    return render(
        request,
        T + "panduan_form.html",
        {"form": form, "p": item},
        status=422 if request.method == "POST" else 200,
    )


@akses(ADMIN)
def panduan_tambah(request: HttpRequest) -> HttpResponse:
    return _panduan_form(request, None)


@akses(ADMIN)
def panduan_ubah(request: HttpRequest, slug: str) -> HttpResponse:
    return _panduan_form(request, sel.panduan_get(user=_saya(request), slug=slug))


# --- tour ---------------------------------------------------------------------------------------


@require_POST
@akses(LOGIN)
def tur_selesai(request: HttpRequest) -> HttpResponse:
    try:
        svc.tur_selesai(pegawai=_saya(request), peran=request.POST.get("peran", ""))
    except ValidationError:
        return HttpResponse(status=422)
    if getattr(request, "htmx", False):
        return HttpResponse("")  # the card is swapped out
    return redirect("beranda")


@require_POST
@akses(LOGIN)
def tur_ulang(request: HttpRequest) -> HttpResponse:
    svc.tur_ulang(pegawai=_saya(request))
    messages.success(request, _("Tur pengenalan akan tampil lagi di beranda."))
    return redirect("beranda")


# --- pulse survey -------------------------------------------------------------------------------


@akses(*HASIL)
def denyut_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        T + "denyut_list.html",
        {"daftar": list(sel.denyut_list()), "admin": _admin(request)},
    )


def _denyut_form(request: HttpRequest, pk: int | None) -> HttpResponse:
    survei = sel.denyut_get(pk) if pk is not None else None
    terkunci = survei is not None and sel.denyut_sudah_dijawab(survei)
    awal: dict[str, object] = {}
    if survei is not None:
        awal = {
            "judul": survei.judul,
            "pengantar": survei.pengantar,
            "mulai": survei.mulai,
            "selesai": survei.selesai,
            "aktif": survei.aktif,
        }
        for i, p in enumerate(survei.pertanyaan_set.order_by("urutan", "pk"), 1):
            awal[f"pertanyaan_{i}"] = p.teks
    form = SurveiDenyutForm(request.POST or None, initial=awal, pertanyaan_terkunci=terkunci)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            svc.denyut_simpan(
                oleh=_saya(request),
                judul=d["judul"],
                pengantar=d["pengantar"],
                mulai=d["mulai"],
                selesai=d["selesai"],
                aktif=d["aktif"],
                pertanyaan=form.daftar_pertanyaan(),
                survei=survei,
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, _("Survei denyut disimpan."))
            return redirect("pengembangan:denyut_list")
    return render(
        request,
        T + "denyut_form.html",
        {"form": form, "survei": survei, "terkunci": terkunci},
        status=422 if request.method == "POST" else 200,
    )


@akses(ADMIN)
def denyut_tambah(request: HttpRequest) -> HttpResponse:
    return _denyut_form(request, None)


@akses(ADMIN)
def denyut_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    return _denyut_form(request, pk)


@akses(LOGIN)
def denyut_isi(request: HttpRequest, pk: int) -> HttpResponse:
    survei, sudah = sel.denyut_untuk_diisi(user=_saya(request), pk=pk)
    pertanyaan = list(survei.pertanyaan_set.order_by("urutan", "pk"))
    if sudah:
        return render(
            request,
            T + "denyut_isi.html",
            {"survei": survei, "sudah": True},
            status=409 if request.method == "POST" else 200,
        )
    form = JawabDenyutForm(request.POST or None, pertanyaan=pertanyaan)
    if request.method == "POST" and form.is_valid():
        try:
            svc.denyut_jawab(
                survei=survei,
                pegawai=_saya(request),
                nilai=form.nilai(),
                komentar=form.cleaned_data["komentar"],
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, _("Terima kasih. Jawaban Anda tercatat tanpa nama."))
            return redirect("beranda")
    return render(
        request,
        T + "denyut_isi.html",
        {"survei": survei, "form": form, "sudah": False},
        status=422 if request.method == "POST" else 200,
    )


@akses(*HASIL)
def denyut_hasil(request: HttpRequest, pk: int) -> HttpResponse:
    data = sel.denyut_hasil_for_user(user=_saya(request), pk=pk)
    return render(request, T + "denyut_hasil.html", data | {"admin": _admin(request)})
