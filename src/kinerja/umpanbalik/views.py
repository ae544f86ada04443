"""Feedback threads and dialog kinerja pages (thin: forms → services, selectors → templates)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import ATASAN, LOGIN, akses
from kinerja.kegiatan.models import LaporanKegiatan
from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.selectors import akses_pengguna, pegawai_get_for_user

from . import selectors, services
from .forms import BalasForm, DialogForm, TindakLanjutFormSet, UmpanBalikForm, tempel_error
from .models import Sasaran, UmpanBalik


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _lanjut(request: HttpRequest, default: str) -> str:
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, {request.get_host()}):
        return nxt
    return default


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


# --- threads --------------------------------------------------------------------------------


@akses(LOGIN)
def umpanbalik_index(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    profil = akses_pengguna(user)
    sebagai = request.GET.get("sebagai", "")
    if sebagai not in ("pegawai", "atasan"):
        sebagai = "atasan" if profil and profil.atasan else "pegawai"
    sasaran = request.GET.get("sasaran", "")
    pegawai_id = _int(request.GET.get("pegawai")) if sebagai == "atasan" else None
    qs = selectors.utas_list_saya(user, sasaran=sasaran, pegawai_id=pegawai_id, sebagai=sebagai)
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    selectors.halaman_utas(user, list(page.object_list))
    bawahan = selectors.ringkasan_bawahan(user) if sebagai == "atasan" else []
    return render(
        request,
        "umpanbalik/index.html",
        {
            "page": page,
            "sebagai": sebagai,
            "sasaran": sasaran,
            "pegawai_id": pegawai_id,
            "pilihan_sasaran": Sasaran.choices,
            "bawahan": bawahan,
            "atasan": bool(profil and profil.atasan),
        },
    )


def _render_utas(
    request: HttpRequest, akar: UmpanBalik, form: BalasForm, status: int = 200
) -> HttpResponse:
    user = _saya(request)
    konteks = {
        "akar": akar,
        "pesan": selectors.pesan_utas(akar),
        "form": form,
        "sisi": selectors.pihak(user, akar.pegawai) or "pejabat",
        "boleh_tulis": selectors.pihak(user, akar.pegawai) is not None,
    }
    template = "umpanbalik/_utas.html" if _htmx(request) else "umpanbalik/utas.html"
    return render(request, template, konteks, status=status)


@akses(LOGIN)
def umpanbalik_thread(request: HttpRequest, pk: int) -> HttpResponse:
    """The thread; POST is a reply (htmx answers with the refreshed thread fragment)."""
    user = _saya(request)
    akar = selectors.utas_get_for_user(user=user, pk=pk)
    if request.method == "POST":
        form = BalasForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.umpan_balik_balas(
                    oleh=user,
                    induk=akar,
                    teks=form.cleaned_data["teks"],
                    berkas=form.cleaned_data.get("lampiran"),
                )
            except ValidationError as exc:
                tempel_error(form, exc)
            else:
                if not _htmx(request):
                    messages.success(request, _("Balasan terkirim."))
                    return redirect(_lanjut(request, services.url_utas(akar)))
                form = BalasForm()
        gagal = form.is_bound and not _htmx(request)  # htmx swaps only 2xx answers
        return _render_utas(request, akar, form, status=422 if gagal else 200)
    services.umpan_balik_tandai_dibaca(oleh=user, akar=akar)
    return _render_utas(request, akar, BalasForm())


@akses(LOGIN)
def umpanbalik_lampiran(request: HttpRequest, pk: int) -> FileResponse:
    """An attachment, to the sides of its thread only."""
    pesan = UmpanBalik.objects.filter(pk=pk).only("pk", "induk_id", "lampiran").first()
    if pesan is None or not pesan.lampiran:
        raise Http404
    selectors.utas_get_for_user(user=_saya(request), pk=pesan.induk_id or pesan.pk)
    try:
        berkas = pesan.lampiran.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(berkas, as_attachment=False)


def _laporan_awal(request: HttpRequest, pegawai: Pegawai) -> dict[str, Any]:
    laporan_id = _int(request.GET.get("laporan"))
    if laporan_id and LaporanKegiatan.objects.filter(pk=laporan_id, pegawai=pegawai).exists():
        return {"sasaran": Sasaran.LAPORAN, "laporan": laporan_id}
    rhk_id = _int(request.GET.get("rhk"))
    if rhk_id:
        return {"sasaran": Sasaran.RHK, "rhk": rhk_id}
    return {}


@akses(ATASAN)
def umpanbalik_beri(request: HttpRequest) -> HttpResponse:
    """The atasan gives feedback: first choose the bawahan, then the subject and the text."""
    user = _saya(request)
    pegawai_id = _int(request.POST.get("pegawai") or request.GET.get("pegawai"))
    if pegawai_id is None:
        return render(
            request, "umpanbalik/beri_pilih.html", {"bawahan": selectors.ringkasan_bawahan(user)}
        )
    pegawai = pegawai_get_for_user(user=user, pk=pegawai_id)
    if selectors.pihak(user, pegawai) != "pejabat":
        services.periksa_pejabat(user, pegawai)  # raises PermissionDenied with the reason
    if request.method == "POST":
        form = UmpanBalikForm(request.POST, request.FILES, pegawai=pegawai)
        if form.is_valid():
            try:
                akar = services.umpan_balik_beri(
                    oleh=user,
                    pegawai=pegawai,
                    subjek=form.subjek(),
                    teks=form.cleaned_data["teks"],
                    berkas=form.cleaned_data.get("lampiran"),
                )
            except ValidationError as exc:
                tempel_error(form, exc)
            else:
                messages.success(request, _("Umpan balik terkirim."))
                return redirect(_lanjut(request, services.url_utas(akar)))
        status = 422
    else:
        form = UmpanBalikForm(initial=_laporan_awal(request, pegawai), pegawai=pegawai)
        status = 200
    return render(
        request,
        "umpanbalik/beri.html",
        {"form": form, "pegawai": pegawai, "next": _lanjut(request, "")},
        status=status,
    )


@akses(LOGIN)
def umpanbalik_minta(request: HttpRequest) -> HttpResponse:
    """The pegawai asks the atasan for feedback on a report, an RHK or a BerAKHLAK value."""
    user = _saya(request)
    atasan_id = selectors.atasan_langsung_id(user)
    atasan = Pegawai.objects.filter(pk=atasan_id).first() if atasan_id else None
    if request.method == "POST":
        form = UmpanBalikForm(request.POST, request.FILES, pegawai=user, permintaan=True)
        if form.is_valid():
            try:
                akar = services.umpan_balik_minta(
                    oleh=user,
                    subjek=form.subjek(),
                    teks=form.cleaned_data["teks"],
                    berkas=form.cleaned_data.get("lampiran"),
                )
            except ValidationError as exc:
                tempel_error(form, exc)
            else:
                messages.success(request, _("Permintaan umpan balik terkirim ke atasan Anda."))
                return redirect(_lanjut(request, services.url_utas(akar)))
        status = 422
    else:
        form = UmpanBalikForm(initial=_laporan_awal(request, user), pegawai=user, permintaan=True)
        status = 200
    return render(
        request,
        "umpanbalik/minta.html",
        {"form": form, "atasan": atasan, "next": _lanjut(request, "")},
        status=status,
    )


# --- dialog kinerja -------------------------------------------------------------------------


@akses(LOGIN)
def dialog_index(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    qs = selectors.dialog_list_for_user(user, pegawai_id=_int(request.GET.get("pegawai")))
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "umpanbalik/dialog_index.html",
        {
            "page": page,
            "menunggu": list(selectors.dialog_menunggu_konfirmasi(user)[:20]),
            "tindak_lanjut": selectors.tindak_lanjut_terbuka(user),
            "hari_ini": timezone.localdate(),
        },
    )


def _tindak_lanjut_data(formset: Any) -> list[services.TindakLanjutData]:
    rows = [f.data_tl() for f in formset.forms]
    return [r for r in rows if r is not None]


def _dialog_form_render(
    request: HttpRequest, form: DialogForm, formset: Any, **extra: Any
) -> HttpResponse:
    status = 422 if form.is_bound else 200
    return render(
        request,
        "umpanbalik/dialog_form.html",
        {"form": form, "formset": formset, **extra},
        status=status,
    )


@akses(LOGIN)
def dialog_baru(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    bawahan = selectors.bawahan_langsung(user)
    atasan_id = selectors.atasan_langsung_id(user)
    if request.method == "POST":
        form = DialogForm(request.POST, bawahan=bawahan)
        formset = TindakLanjutFormSet(request.POST, prefix="tl")
        if form.is_valid() and formset.is_valid():
            try:
                dialog = services.dialog_create(
                    oleh=user,
                    pegawai=form.cleaned_data.get("pegawai"),
                    tanggal=form.cleaned_data["tanggal"],
                    topik=form.cleaned_data["topik"],
                    kesepakatan=form.cleaned_data["kesepakatan"],
                    tindak_lanjut=_tindak_lanjut_data(formset),
                )
            except ValidationError as exc:
                tempel_error(form, exc)
            else:
                messages.success(request, _("Dialog tercatat; menunggu konfirmasi pihak lain."))
                return redirect(services.url_dialog(dialog))
    else:
        pilih = _int(request.GET.get("pegawai"))
        form = DialogForm(initial={"pegawai": pilih} if pilih else None, bawahan=bawahan)
        formset = TindakLanjutFormSet(prefix="tl")
    atasan = Pegawai.objects.filter(pk=atasan_id).first() if atasan_id else None
    return _dialog_form_render(request, form, formset, atasan=atasan, bawahan=bawahan)


@akses(LOGIN)
def dialog_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    dialog = selectors.dialog_get_for_user(user=user, pk=pk)
    tindak_lanjut = list(dialog.tindak_lanjut_set.select_related("pemilik"))
    saya_pihak = user.pk in (dialog.pegawai_id, dialog.atasan_id)
    sudah = (
        dialog.dikonfirmasi_pegawai_pada
        if user.pk == dialog.pegawai_id
        else dialog.dikonfirmasi_atasan_pada
    )
    return render(
        request,
        "umpanbalik/dialog_detail.html",
        {
            "dialog": dialog,
            "tindak_lanjut": tindak_lanjut,
            "boleh_konfirmasi": saya_pihak and sudah is None,
            "boleh_ubah": user.pk == dialog.dibuat_oleh_id and not dialog.dikonfirmasi,
            "hari_ini": timezone.localdate(),
        },
    )


@akses(LOGIN)
def dialog_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    dialog = selectors.dialog_get_for_user(user=user, pk=pk)
    if user.pk != dialog.dibuat_oleh_id:
        raise PermissionDenied(_("Hanya pencatat yang dapat mengubah dialog ini."))
    if dialog.dikonfirmasi:
        messages.error(request, _("Dialog sudah dikonfirmasi kedua pihak; catat dialog baru."))
        return redirect(services.url_dialog(dialog))
    if request.method == "POST":
        form = DialogForm(request.POST)
        formset = TindakLanjutFormSet(request.POST, prefix="tl")
        if form.is_valid() and formset.is_valid():
            try:
                services.dialog_update(
                    oleh=user,
                    dialog=dialog,
                    revisi=_int(request.POST.get("revisi")) or 0,
                    tanggal=form.cleaned_data["tanggal"],
                    topik=form.cleaned_data["topik"],
                    kesepakatan=form.cleaned_data["kesepakatan"],
                    tindak_lanjut=_tindak_lanjut_data(formset),
                )
            except ValidationError as exc:
                tempel_error(form, exc)
            else:
                messages.success(request, _("Dialog diperbarui."))
                return redirect(services.url_dialog(dialog))
    else:
        form = DialogForm(
            initial={
                "tanggal": dialog.tanggal,
                "topik": dialog.topik,
                "kesepakatan": dialog.kesepakatan,
            }
        )
        rows = dialog.tindak_lanjut_set.all()
        formset = TindakLanjutFormSet(
            prefix="tl",
            initial=[
                {
                    "aksi": t.aksi,
                    "pemilik": "pegawai" if t.pemilik_id == dialog.pegawai_id else "atasan",
                    "batas": t.batas,
                }
                for t in rows
            ],
        )
    return _dialog_form_render(request, form, formset, dialog=dialog)


@require_POST
@akses(LOGIN)
def dialog_konfirmasi(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    dialog = selectors.dialog_get_for_user(user=user, pk=pk)
    try:
        services.dialog_konfirmasi(oleh=user, dialog=dialog)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Dialog dikonfirmasi."))
    return redirect(services.url_dialog(dialog))


@require_POST
@akses(LOGIN)
def tindak_lanjut_selesai(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    tl = selectors.tindak_lanjut_get_for_user(user=user, pk=pk)
    try:
        services.tindak_lanjut_selesai(oleh=user, tindak_lanjut=tl)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Tindak lanjut ditandai selesai."))
    return redirect(_lanjut(request, services.url_dialog(tl.dialog)))
