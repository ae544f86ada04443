"""Penilaian pages for the pejabat penilai, the pegawai and the atasan pejabat penilai.

Thin: every write goes through G's services (services.py), every read through tampilan.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import ATASAN, LOGIN, akses
from kinerja.organisasi.models import Pegawai

from . import aturan, selectors, services, tampilan
from .models import (
    Evaluasi,
    KeputusanKeberatan,
    LampiranKeberatan,
    PihakKlarifikasi,
    StatusEvaluasi,
    StatusKeberatan,
)


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _galat(exc: ValidationError) -> dict[str, str]:
    if hasattr(exc, "error_dict"):
        return {k: " ".join(v) for k, v in exc.message_dict.items()}
    return {"umum": " ".join(exc.messages)}


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() else None


def jendela_konteks(request: HttpRequest) -> dict[str, Any]:
    """The periode and window chosen by ?periode=&jendela= (defaults: current periode, the
    latest ended window)."""
    periode = tampilan.periode_pilih(request.user, request.GET.get("periode"))
    jendela = tampilan.jendela_dari_kode(periode, request.GET.get("jendela"))
    return {
        "periode": periode,
        "jendela": jendela,
        "kode_jendela": tampilan.kode_jendela(jendela),
        "periode_list": tampilan.periode_list(request.user),
        "jendela_list": [
            {"kode": tampilan.kode_jendela(j), "j": j} for j in tampilan.jendela_semua(periode)
        ],
    }


# --- home of the app: my results ------------------------------------------------------------


@akses(LOGIN)
def index(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    evals = tampilan.evaluasi_saya(user)
    return render(
        request,
        "penilaian/index.html",
        {
            "evaluasi_list": [e for e in evals if e.status == StatusEvaluasi.DIKUNCI],
            "proses": [e for e in evals if e.status != StatusEvaluasi.DIKUNCI],
            "keberatan": tampilan.keberatan_untuk_user(user),
        },
    )


# --- the atasan's list ----------------------------------------------------------------------


@akses(ATASAN)
def bawahan(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    ctx = jendela_konteks(request)
    j = ctx["jendela"]
    rows = selectors.antrian_penilaian(
        user=user, periode=ctx["periode"], jenis=j.jenis, urutan=j.urutan
    )
    unit = services.unit_dipimpin(user, min(j.selesai, _hari_ini()))
    distribusi = tampilan.distribusi_untuk(unit, ctx["periode"], j) if unit else None
    setelan = aturan.pengaturan()
    sejak = aturan.boleh_dinilai_sejak(j.selesai, setelan.tenggang_hari)
    return render(
        request,
        "penilaian/bawahan.html",
        ctx
        | {
            "rows": rows,
            "unit": unit,
            "distribusi": distribusi,
            "boleh_sejak": sejak,
            "sudah_boleh": _hari_ini() >= sejak,
        },
    )


def _hari_ini() -> dt.date:
    return timezone.localdate()


@akses(ATASAN)
@require_POST
def evaluasi_buka(request: HttpRequest, pegawai: int) -> HttpResponse:
    """Open (create) the evaluation of a bawahan for a window; then the evaluation page."""
    user = _saya(request)
    periode = tampilan.periode_pilih(user, request.POST.get("periode"))
    j = tampilan.jendela_dari_kode(periode, request.POST.get("jendela"))
    antrian = selectors.antrian_penilaian(
        user=user, periode=periode, jenis=j.jenis, urutan=j.urutan
    )
    orang = next((r.pegawai for r in antrian if r.pegawai.pk == pegawai), None)
    if orang is None:
        raise Http404
    try:
        ev = services.evaluasi_siapkan(
            pegawai=orang, periode=periode, jenis=j.jenis, urutan=j.urutan, oleh=user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(_galat(exc).values()))
        url = reverse("penilaian:bawahan")
        return redirect(f"{url}?periode={periode.pk}&jendela={tampilan.kode_jendela(j)}")
    return redirect("penilaian:evaluasi", ev.pk)


# --- the evaluation page --------------------------------------------------------------------


def _detail(request: HttpRequest, pk: int) -> tuple[Any, tampilan.PeranEvaluasi]:
    """G's evaluation detail, the user's role in it, and the report links per indikator."""
    detail = selectors.evaluasi_detail(user=request.user, pk=pk)
    ev = detail.evaluasi
    peran = tampilan.peran_atas(request.user, ev, detail.keberatan)
    ids = [b.baris.indikator_id for r in detail.rhk for b in r.indikator if b.baris.indikator_id]
    laporan = tampilan.laporan_per_indikator(ids, ev.mulai, ev.selesai)
    for r in detail.rhk:
        for b in r.indikator:
            setattr(b, "laporan", laporan.get(b.baris.indikator_id or 0, []))  # noqa: B010
    return detail, peran


def _konteks(detail: Any, peran: tampilan.PeranEvaluasi) -> dict[str, Any]:
    ev = detail.evaluasi
    setelan = aturan.pengaturan()
    return {
        "d": detail,
        "ev": ev,
        "peran": peran,
        "matriks": tampilan.matriks_sel(ev, detail.matriks),
        "rating_pilihan": [(r.value, r.label) for r in tampilan.RATING_URUT],
        "jendela": services.jendela_evaluasi(ev),
        "boleh_sejak": aturan.boleh_dinilai_sejak(ev.selesai, setelan.tenggang_hari),
        "galat": {},
    }


def _form_nilai_awal(ev: Evaluasi) -> dict[str, Any]:
    return {
        "rating_hasil": ev.rating_hasil or ev.usulan_hasil,
        "alasan_hasil": ev.alasan_hasil,
        "rating_perilaku": ev.rating_perilaku,
        "catatan_perilaku": ev.catatan_perilaku,
    }


@akses(LOGIN)
def evaluasi(request: HttpRequest, pk: int) -> HttpResponse:
    """The pejabat penilai's evaluation page (read-only for the other readers); the pegawai
    is sent to the explanation."""
    detail, peran = _detail(request, pk)
    ev = detail.evaluasi
    if peran.pegawai and not peran.baca_semua:
        return redirect("penilaian:penjelasan", ev.pk)
    ctx = _konteks(detail, peran) | {
        "isian": _form_nilai_awal(ev),
        "distribusi": tampilan.distribusi_untuk(ev.unit, ev.periode, services.jendela_evaluasi(ev)),
    }
    return render(request, "penilaian/evaluasi.html", ctx)


def _perilaku_dari_post(request: HttpRequest, ev: Evaluasi) -> dict[int, dict[str, str]]:
    hasil = {}
    for pid in ev.perilaku_set.values_list("perilaku_id", flat=True):
        kunci = f"perilaku_{pid}"
        hasil[pid] = {
            "rating": request.POST.get(f"{kunci}_rating", ""),
            "catatan": request.POST.get(f"{kunci}_catatan", ""),
        }
    return hasil


@akses(ATASAN)
@require_POST
def evaluasi_nilai(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the ratings (htmx: answers with the form fragment and refreshes the distribution
    panel through the `distribusi-berubah` event)."""
    ev = selectors.evaluasi_get_for_user(user=request.user, pk=pk)
    if ev.pejabat_penilai_id != request.user.pk:
        raise PermissionDenied
    isian = {
        k: request.POST.get(k, "")
        for k in ("rating_hasil", "alasan_hasil", "rating_perilaku", "catatan_perilaku")
    }
    dikirim = _perilaku_dari_post(request, ev)
    galat: dict[str, str] = {}
    status = 200
    try:
        services.evaluasi_nilai(
            evaluasi=ev,
            oleh=_saya(request),
            revisi=_int(request.POST.get("revisi")) or 0,
            perilaku=dikirim,
            rating_hasil=isian["rating_hasil"],
            alasan_hasil=isian["alasan_hasil"],
            rating_perilaku=isian["rating_perilaku"],
            catatan_perilaku=isian["catatan_perilaku"],
        )
    except services.RevisiBasi as exc:
        galat, status = {"umum": exc.pesan}, 409
    except ValidationError as exc:
        galat, status = _galat(exc), 422
    if not galat and not _htmx(request):
        messages.success(request, _("Penilaian disimpan."))
        return redirect("penilaian:evaluasi", ev.pk)
    detail, peran = _detail(request, pk)
    ev = detail.evaluasi
    ctx = _konteks(detail, peran) | {
        "isian": isian if galat else _form_nilai_awal(ev),
        "galat": galat,
        "tersimpan": not galat,
        "distribusi": tampilan.distribusi_untuk(ev.unit, ev.periode, services.jendela_evaluasi(ev)),
    }
    if galat:  # show what was typed, not the stored notes
        for item in detail.perilaku:
            isi = dikirim.get(item.nilai.perilaku_id, {})
            item.nilai.rating = isi.get("rating", "")
            item.nilai.catatan = isi.get("catatan", "")
    if _htmx(request):
        # htmx swaps 2xx answers only: errors come back as 200 with the messages at the fields
        response = render(request, "penilaian/_form_nilai.html", ctx)
        response["HX-Trigger"] = "distribusi-berubah"
        return response
    return render(request, "penilaian/evaluasi.html", ctx, status=status)


@akses(LOGIN)
def distribusi(request: HttpRequest, pk: int) -> HttpResponse:
    """The live distribution panel of the evaluation's unit (htmx fragment)."""
    ev = selectors.evaluasi_get_for_user(user=request.user, pk=pk)
    peran = tampilan.peran_atas(request.user, ev)
    if not (peran.penilai or peran.pengelola or peran.kota):
        raise PermissionDenied
    return render(
        request,
        "penilaian/_distribusi.html",
        {
            "distribusi": tampilan.distribusi_untuk(
                ev.unit, ev.periode, services.jendela_evaluasi(ev)
            ),
            "ev": ev,
        },
    )


# --- explanation for the pegawai and the keberatan ------------------------------------------


@akses(LOGIN)
def penjelasan(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Mengapa nilai saya ini?" — for the pegawai (the first view of the locked result starts
    the keberatan window) and every reader of the evaluation."""
    ev = selectors.evaluasi_get_for_user(user=request.user, pk=pk)
    if ev.pegawai_id == request.user.pk:
        services.evaluasi_tandai_dilihat(evaluasi=ev, oleh=_saya(request))
    detail, peran = _detail(request, pk)
    ctx = _konteks(detail, peran) | {
        "final": detail.evaluasi.status == StatusEvaluasi.DIKUNCI,
        "isian": {},
    }
    return render(request, "penilaian/penjelasan.html", ctx)


@akses(LOGIN)
@require_POST
def keberatan_ajukan(request: HttpRequest, pk: int) -> HttpResponse:
    ev = selectors.evaluasi_get_for_user(user=request.user, pk=pk)
    try:
        kb = services.keberatan_ajukan(
            evaluasi=ev,
            oleh=_saya(request),
            alasan=request.POST.get("alasan", ""),
            lampiran=request.FILES.getlist("lampiran"),
        )
    except ValidationError as exc:
        detail, peran = _detail(request, pk)
        ctx = _konteks(detail, peran) | {
            "final": detail.evaluasi.status == StatusEvaluasi.DIKUNCI,
            "galat": _galat(exc),
            "isian": {"alasan": request.POST.get("alasan", "")},
            "paksa_form": True,
        }
        return render(request, "penilaian/penjelasan.html", ctx, status=422)
    messages.success(request, _("Keberatan diajukan kepada atasan pejabat penilai."))
    return redirect("penilaian:keberatan", kb.pk)


@akses(LOGIN)
def keberatan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "penilaian/keberatan_list.html",
        {"keberatan": tampilan.keberatan_untuk_user(_saya(request))},
    )


def _konteks_keberatan(kb: Any, peran: tampilan.PeranEvaluasi) -> dict[str, Any]:
    klarifikasi = list(kb.klarifikasi_set.select_related("ditujukan_ke"))
    return {
        "kb": kb,
        "ev": kb.evaluasi,
        "peran": peran,
        "klarifikasi": klarifikasi,
        "lampiran": list(kb.lampiran_set.all()),
        "perubahan": list(kb.evaluasi.perubahan_set.select_related("oleh")),
        "boleh_putus": peran.pemutus and kb.status != StatusKeberatan.DIPUTUS,
        "pihak_pilihan": PihakKlarifikasi.choices,
        "keputusan_pilihan": KeputusanKeberatan.choices,
        "rating_pilihan": [(r.value, r.label) for r in tampilan.RATING_URUT],
        "untuk_saya": [
            k
            for k in klarifikasi
            if k.ditujukan_ke_id == peran_user_id(peran, kb) and k.dijawab_pada is None
        ],
        "galat": {},
        "isian": {},
    }


def peran_user_id(peran: tampilan.PeranEvaluasi, kb: Any) -> int | None:
    if peran.pegawai:
        return kb.pegawai_id
    if peran.penilai:
        return kb.evaluasi.pejabat_penilai_id
    return None


def _keberatan_get(request: HttpRequest, pk: int) -> tuple[Any, tampilan.PeranEvaluasi]:
    kb = selectors.keberatan_get_for_user(user=request.user, pk=pk)
    kb = (
        type(kb)
        .objects.select_related(
            "evaluasi__unit",
            "evaluasi__pegawai",
            "evaluasi__pejabat_penilai",
            "evaluasi__periode",
            "pegawai",
            "atasan_pejabat_penilai",
            "diputus_oleh",
        )
        .get(pk=kb.pk)
    )
    return kb, tampilan.peran_atas(request.user, kb.evaluasi, kb)


@akses(LOGIN)
def keberatan(request: HttpRequest, pk: int) -> HttpResponse:
    kb, peran = _keberatan_get(request, pk)
    return render(request, "penilaian/keberatan.html", _konteks_keberatan(kb, peran))


def _keberatan_gagal(
    request: HttpRequest, pk: int, exc: ValidationError, form: str
) -> HttpResponse:
    kb, peran = _keberatan_get(request, pk)
    ctx = _konteks_keberatan(kb, peran)
    ctx["galat"] = {f"{form}_{k}": v for k, v in _galat(exc).items()}
    ctx["isian"] = {f"{form}_{k}": v for k, v in request.POST.items()}
    return render(request, "penilaian/keberatan.html", ctx, status=422)


@akses(LOGIN)
@require_POST
def klarifikasi_minta(request: HttpRequest, pk: int) -> HttpResponse:
    kb, _peran = _keberatan_get(request, pk)
    try:
        services.klarifikasi_minta(
            keberatan=kb,
            oleh=_saya(request),
            pihak=request.POST.get("pihak", ""),
            pertanyaan=request.POST.get("pertanyaan", ""),
        )
    except ValidationError as exc:
        return _keberatan_gagal(request, pk, exc, "minta")
    messages.success(request, _("Permintaan klarifikasi dikirim."))
    return redirect("penilaian:keberatan", pk)


@akses(LOGIN)
@require_POST
def klarifikasi_jawab(request: HttpRequest, pk: int) -> HttpResponse:
    k = selectors.klarifikasi_get_for_user(user=request.user, pk=pk)
    try:
        services.klarifikasi_jawab(
            klarifikasi=k, oleh=_saya(request), jawaban=request.POST.get("jawaban", "")
        )
    except ValidationError as exc:
        return _keberatan_gagal(request, k.keberatan_id, exc, "jawab")
    messages.success(request, _("Jawaban klarifikasi terkirim."))
    return redirect("penilaian:keberatan", k.keberatan_id)


@akses(LOGIN)
@require_POST
def keberatan_putus(request: HttpRequest, pk: int) -> HttpResponse:
    kb, _peran = _keberatan_get(request, pk)
    try:
        services.keberatan_putus(
            keberatan=kb,
            oleh=_saya(request),
            keputusan=request.POST.get("keputusan", ""),
            alasan=request.POST.get("alasan", ""),
            rating_hasil=request.POST.get("rating_hasil", ""),
            rating_perilaku=request.POST.get("rating_perilaku", ""),
        )
    except ValidationError as exc:
        return _keberatan_gagal(request, pk, exc, "putus")
    messages.success(request, _("Keberatan diputus. Keputusan ini final."))
    return redirect("penilaian:keberatan", pk)


@akses(LOGIN)
def lampiran(request: HttpRequest, pk: int) -> HttpResponseBase:
    lamp = LampiranKeberatan.objects.filter(pk=pk).first()
    if lamp is None:
        raise Http404
    selectors.keberatan_get_for_user(user=request.user, pk=lamp.keberatan_id)
    response = FileResponse(lamp.berkas.open("rb"), as_attachment=True, filename=lamp.nama_asli)
    response["Cache-Control"] = "private, no-store"
    return response
