"""Pages of the kegiatan app: my reports (quick add), detail/edit, evidence, templates, progress,
the atasan's review queue (live via htmx polling)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import ATASAN, LOGIN, akses
from kinerja.common.formulir import galat_ke_form
from kinerja.organisasi.models import Pegawai
from kinerja.skp.models import PeriodeKinerja, Skp
from kinerja.skp.selectors import periode_berjalan

from . import grafik, selectors, services
from .forms import FilterLaporanForm, KembalikanForm, LaporanForm, RealisasiManualForm, TemplateForm
from .models import LaporanKegiatan, RealisasiManual, StatusLaporan


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


_pasang_error = galat_ke_form


def _bulan(teks: str | None) -> dt.date | None:
    try:
        tahun, bulan = (int(x) for x in (teks or "").split("-"))
        return dt.date(tahun, bulan, 1)
    except ValueError:
        return None


# --- my reports --------------------------------------------------------------------------------


def _awal_dari(request: HttpRequest, user: Pegawai) -> dict[str, Any]:
    """Initial values of the quick-add form: repeat (?ulang=) or a template (?template=)."""
    if request.GET.get("ulang", "").isdigit():
        sumber = LaporanKegiatan.objects.filter(pk=int(request.GET["ulang"]), pegawai=user).first()
        if sumber is None:
            raise Http404
        awal = services.laporan_ulang(oleh=user, sumber=sumber)
        return awal | {"durasi_lain": awal.pop("durasi_menit")}
    if request.GET.get("template", "").isdigit():
        t = selectors.template_get_for_user(user=user, pk=int(request.GET["template"]))
        return {
            "uraian": t.uraian,
            "durasi_lain": t.durasi_menit,
            "indikator": t.indikator_id,
            "satuan": t.satuan,
        }
    return {"durasi_menit": 60}


def _satuan_kuantitas(rhk_rows: list[Any]) -> dict[str, str]:
    """Indikator id → satuan for aspek kuantitas (the form shows the quantity only for them)."""
    from kinerja.skp.models import Aspek

    return {
        str(ind.pk): ind.target_satuan
        for rhk in rhk_rows
        for ind in rhk.indikator_set.all()
        if ind.aspek == Aspek.KUANTITAS
    }


@akses(LOGIN)
def laporan_saya(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    rhk_rows = selectors.indikator_pilihan(user)
    status = 200
    if request.method == "POST":
        form = LaporanForm(request.POST, rhk_rows=rhk_rows)
        if form.is_valid():
            try:
                lap = services.laporan_create(
                    oleh=user, berkas=request.FILES.getlist("berkas"), **form.nilai_layanan()
                )
            except ValidationError as exc:
                _pasang_error(form, exc)
            else:
                messages.success(request, _("Laporan tersimpan dan dikirim ke atasan."))
                if lap.mirip_dengan_id:
                    messages.warning(
                        request,
                        _("Laporan ini sangat mirip dengan laporan lain; atasan melihat tandanya."),
                    )
                return redirect("kegiatan_laporan_saya")
        status = 422
    else:
        form = LaporanForm(initial=_awal_dari(request, user), rhk_rows=rhk_rows)
    filt = FilterLaporanForm(request.GET or None)
    bulan = _bulan(request.GET.get("bulan"))
    qs = selectors.laporan_saya(user, bulan=bulan, status=request.GET.get("status") or None)
    page = Paginator(qs, 30).get_page(request.GET.get("halaman"))
    context = {
        "form": form,
        "filter": filt,
        "page": page,
        "templates": list(selectors.template_saya(user)[:20]),
        "maks_bukti": services.maks_bukti(),
        "ada_skp": bool(rhk_rows),
        "satuan_kuantitas": _satuan_kuantitas(rhk_rows),
    }
    return render(request, "kegiatan/saya.html", context, status=status)


@akses(LOGIN)
def laporan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    lap = selectors.laporan_get_for_user(user=request.user, pk=pk)
    user = _saya(request)
    context = {
        "laporan": lap,
        "bukti": list(lap.bukti_set.all()),
        "pemilik": lap.pegawai_id == user.pk,
        "bisa_ubah": lap.pegawai_id == user.pk and lap.status != StatusLaporan.DISETUJUI,
        "form_kembalikan": KembalikanForm(),
        "atasan": lap.pegawai_id in _bawahan_langsung(user),
    }
    return render(request, "kegiatan/detail.html", context)


def _bawahan_langsung_list(user: Pegawai, *, dari_cache: bool = False) -> list[int]:
    """Direct bawahan today. The queue page computes and caches them a minute; its 5-second
    poll (`dari_cache=True`) reuses that to stay cheap."""
    from django.core.cache import cache

    from kinerja.organisasi import hierarki

    kunci = f"kegiatan:bawahan:{user.pk}:{timezone.localdate():%Y%m%d}"
    ids = cache.get(kunci) if dari_cache else None
    if ids is None:
        ids = hierarki.bawahan_ids(user)
        cache.set(kunci, ids, 60)
    return cast(list[int], ids)


def _bawahan_langsung(user: Pegawai) -> set[int]:
    return set(_bawahan_langsung_list(user))


def _laporan_milik(request: HttpRequest, pk: int) -> LaporanKegiatan:
    lap = selectors.laporan_get_for_user(user=request.user, pk=pk)
    if lap.pegawai_id != request.user.pk:
        raise PermissionDenied
    return lap


@akses(LOGIN)
def laporan_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    lap = _laporan_milik(request, pk)
    user = _saya(request)
    rhk_rows = selectors.indikator_pilihan(user, lap.tanggal)
    status = 200
    konflik = False
    if request.method == "POST":
        form = LaporanForm(request.POST, rhk_rows=rhk_rows)
        if form.is_valid():
            try:
                revisi = int(request.POST.get("revisi", "-1"))
                services.laporan_update(
                    oleh=user,
                    laporan=lap,
                    revisi=revisi,
                    berkas=request.FILES.getlist("berkas"),
                    hapus_bukti=[
                        int(i) for i in request.POST.getlist("hapus_bukti") if i.isdigit()
                    ],
                    **form.nilai_layanan(),
                )
            except services.LaporanBasi as exc:
                form.add_error(None, exc.pesan)
                konflik = True
            except ValidationError as exc:
                _pasang_error(form, exc)
            else:
                messages.success(request, _("Perubahan tersimpan; laporan diajukan ulang."))
                return redirect("kegiatan_laporan_detail", pk=lap.pk)
        status = 409 if konflik else 422
    else:
        preset = lap.durasi_menit if lap.durasi_menit in (30, 60, 90, 120) else None
        form = LaporanForm(
            initial={
                "tanggal": lap.tanggal,
                "uraian": lap.uraian,
                "durasi_menit": preset,
                "durasi_lain": None if preset else lap.durasi_menit,
                "jam_mulai": lap.jam_mulai,
                "jam_selesai": lap.jam_selesai,
                "indikator": lap.indikator_id,
                "kuantitas": lap.kuantitas,
                "satuan": lap.satuan,
                "tautan": lap.tautan,
            },
            rhk_rows=rhk_rows,
        )
    context = {
        "form": form,
        "laporan": lap,
        "bukti": list(lap.bukti_set.all()),
        "maks_bukti": services.maks_bukti(),
        "konflik": konflik,
        "satuan_kuantitas": _satuan_kuantitas(rhk_rows),
    }
    return render(request, "kegiatan/ubah.html", context, status=status)


@require_POST
@akses(LOGIN)
def laporan_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    lap = _laporan_milik(request, pk)
    try:
        services.laporan_delete(oleh=_saya(request), laporan=lap)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("kegiatan_laporan_detail", pk=lap.pk)
    messages.success(request, _("Laporan dihapus."))
    return redirect("kegiatan_laporan_saya")


@akses(LOGIN)
def bukti_unduh(request: HttpRequest, pk: int) -> FileResponse:
    bukti = selectors.bukti_get_for_user(user=request.user, pk=pk)
    berkas = bukti.berkas.open("rb")
    inline = bukti.jenis in {"pdf", "jpg", "png"} and request.GET.get("unduh") is None
    return FileResponse(berkas, as_attachment=not inline, filename=bukti.nama_asli)


@require_POST
@akses(LOGIN)
def bukti_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    bukti = selectors.bukti_get_for_user(user=request.user, pk=pk)
    try:
        services.bukti_hapus(oleh=_saya(request), bukti=bukti)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    if bukti.laporan_id:
        return redirect("kegiatan_laporan_detail", pk=bukti.laporan_id)
    return redirect("kegiatan_progres")


# --- templates ---------------------------------------------------------------------------------


@akses(LOGIN)
def template_list(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    rhk_rows = selectors.indikator_pilihan(user)
    form = TemplateForm(request.POST or None, rhk_rows=rhk_rows)
    if request.method == "POST" and form.is_valid():
        try:
            services.template_laporan_create(oleh=user, **form.cleaned_data)
        except ValidationError as exc:
            _pasang_error(form, exc)
        else:
            messages.success(request, _("Template tersimpan."))
            return redirect("kegiatan_template_list")
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "templates": selectors.template_saya(user)}
    return render(request, "kegiatan/template.html", context, status=status)


@akses(LOGIN)
def template_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    t = selectors.template_get_for_user(user=user, pk=pk)
    rhk_rows = selectors.indikator_pilihan(user)
    awal = {"nama": t.nama, "uraian": t.uraian, "durasi_menit": t.durasi_menit}
    awal |= {"indikator": t.indikator_id, "satuan": t.satuan}
    form = TemplateForm(request.POST or None, initial=awal, rhk_rows=rhk_rows)
    if request.method == "POST" and form.is_valid():
        try:
            services.template_laporan_update(oleh=user, template=t, **form.cleaned_data)
        except ValidationError as exc:
            _pasang_error(form, exc)
        else:
            messages.success(request, _("Template diperbarui."))
            return redirect("kegiatan_template_list")
    status = 422 if request.method == "POST" else 200
    return render(request, "kegiatan/template_ubah.html", {"form": form, "t": t}, status=status)


@require_POST
@akses(LOGIN)
def template_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    t = selectors.template_get_for_user(user=user, pk=pk)
    services.template_laporan_delete(oleh=user, template=t)
    messages.success(request, _("Template dihapus."))
    return redirect("kegiatan_template_list")


# --- progress and manual realisasi -------------------------------------------------------------


def _progres_context(request: HttpRequest, pegawai: Pegawai) -> dict[str, Any]:
    periode = periode_berjalan(pegawai.instansi_id or 0)
    if request.GET.get("tahun", "").isdigit():
        periode = (
            PeriodeKinerja.objects.filter(
                instansi_id=pegawai.instansi_id or 0, tahun=int(request.GET["tahun"])
            ).first()
            or periode
        )
    context: dict[str, Any] = {"pegawai": pegawai, "periode": periode, "rows": [], "skp": None}
    if periode is None:
        return context
    skp = (
        Skp.objects.filter(pegawai=pegawai, periode=periode, aktif=True)
        .select_related("periode")
        .first()
    )
    kunci, opsi, mulai, selesai = selectors.rentang_periode(periode, request.GET.get("rentang"))
    context |= {"skp": skp, "rentang": kunci, "opsi": opsi, "mulai": mulai, "selesai": selesai}
    context["tahun_list"] = list(
        PeriodeKinerja.objects.filter(instansi_id=pegawai.instansi_id or 0)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
    )
    if skp is not None:
        rows = selectors.progres_skp(skp, mulai, selesai)
        for r in rows:
            r.grafik = grafik.batang_bulanan(r.bulanan)  # type: ignore[attr-defined]
        context["rows"] = rows
    return context


@akses(LOGIN)
def progres(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    context = _progres_context(request, user)
    form = None
    if request.method == "POST":
        form = _simpan_manual(request, user, context)
        if form is None:
            messages.success(request, _("Realisasi dikirim ke atasan untuk diperiksa."))
            return redirect(request.get_full_path())
    if form is None and context["skp"] is not None:
        from kinerja.skp.selectors import rhk_untuk_skp

        form = RealisasiManualForm(
            rhk_rows=[r.rhk for r in context["rows"]] or rhk_untuk_skp(context["skp"])
        )
    context["form_manual"] = form if form and len(form.fields["indikator"].choices) > 1 else None
    context["manual_saya"] = list(
        RealisasiManual.objects.filter(pegawai=user)
        .select_related("indikator")
        .prefetch_related("bukti_set")
        .order_by("-tanggal", "-pk")[:20]
    )
    context["milik"] = True
    status = 422 if request.method == "POST" else 200
    return render(request, "kegiatan/progres.html", context, status=status)


def _simpan_manual(request: HttpRequest, user: Pegawai, context: dict[str, Any]) -> Any:
    rows = [r.rhk for r in context["rows"]]
    form = RealisasiManualForm(request.POST, rhk_rows=rows)
    if not form.is_valid():
        return form
    try:
        services.realisasi_manual_create(
            oleh=user, berkas=request.FILES.getlist("berkas"), **form.cleaned_data
        )
    except ValidationError as exc:
        _pasang_error(form, exc)
        return form
    return None


@akses(LOGIN)
def progres_pegawai(request: HttpRequest, pk: int) -> HttpResponse:
    pegawai = selectors.pegawai_terlihat(user=request.user, pk=pk)
    context = _progres_context(request, pegawai)
    context["milik"] = pegawai.pk == request.user.pk
    return render(request, "kegiatan/progres.html", context)


@require_POST
@akses(LOGIN)
def realisasi_manual_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    row = RealisasiManual.objects.filter(pk=pk).first()
    if row is None:
        raise Http404
    selectors.pegawai_terlihat(user=request.user, pk=row.pegawai_id)
    try:
        services.realisasi_manual_delete(oleh=_saya(request), realisasi=row)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("kegiatan_progres")


# --- review ------------------------------------------------------------------------------------


def _filter_review(request: HttpRequest) -> dict[str, Any]:
    g = request.GET

    def _int(nama: str) -> int | None:
        return int(g[nama]) if g.get(nama, "").isdigit() else None

    def _tgl(nama: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(g.get(nama, ""))
        except ValueError:
            return None

    status = g.get("status") if g.get("status") in StatusLaporan.values else None
    return {
        "pegawai_id": _int("pegawai"),
        "status": status,
        "dari": _tgl("dari"),
        "sampai": _tgl("sampai"),
        "rhk_id": _int("rhk"),
    }


@akses(ATASAN)
def review(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    filt = _filter_review(request)
    ids = _bawahan_langsung_list(user)
    antrian = selectors.antrian_review(user, **filt, bawahan=ids)
    context = {
        "antrian": antrian,
        "filt": filt,
        "bawahan": selectors.bawahan_untuk_filter(ids),
        "manual": selectors.manual_menunggu(ids),
        "query": request.GET.urlencode(),
    }
    return render(request, "kegiatan/review.html", context)


@akses(ATASAN)
def review_baru(request: HttpRequest) -> HttpResponse:
    """Polled every few seconds: new waiting rows after `sejak` and the live counters."""
    user = _saya(request)
    sejak = int(request.GET["sejak"]) if request.GET.get("sejak", "").isdigit() else 0
    ids = _bawahan_langsung_list(user, dari_cache=True)
    ringkas = selectors.antrian_ringkas(user, bawahan=ids)
    rows: list[LaporanKegiatan] = []
    if (ringkas["maks"] or 0) > sejak:
        filt = _filter_review(request)
        if filt["status"] in (None, StatusLaporan.DIAJUKAN):
            antrian = selectors.antrian_review(user, **filt, sejak_pk=sejak, limit=50, bawahan=ids)
            rows = antrian.laporan
    tertua = ringkas["tertua"]
    context = {
        "rows": rows,
        "jumlah": ringkas["n"],
        "tertua_hari": None if tertua is None else (timezone.now() - tertua).days,
        "sejak": max(sejak, ringkas["maks"] or 0),
        "query": request.GET.urlencode(),
    }
    return render(request, "kegiatan/_review_baru.html", context)


def _laporan_review(request: HttpRequest, pk: int) -> LaporanKegiatan:
    return selectors.laporan_get_for_user(user=request.user, pk=pk)


def _setelah_review(request: HttpRequest, lap: LaporanKegiatan, pesan: str) -> HttpResponse:
    if _htmx(request):
        return render(request, "kegiatan/_review_selesai.html", {"l": lap, "pesan": pesan})
    messages.success(request, pesan)
    return redirect(request.POST.get("kembali") or "kegiatan_review")


def _gagal_review(request: HttpRequest, lap: LaporanKegiatan, exc: ValidationError) -> HttpResponse:
    pesan = " ".join(exc.messages)
    if _htmx(request):
        return render(
            request,
            "kegiatan/_review_selesai.html",
            {"l": lap, "pesan": pesan, "gagal": True},
            status=422,
        )
    messages.error(request, pesan)
    return redirect("kegiatan_review")


@require_POST
@akses(ATASAN)
def review_setujui(request: HttpRequest, pk: int) -> HttpResponse:
    lap = _laporan_review(request, pk)
    try:
        lap = services.laporan_setujui(oleh=_saya(request), laporan=lap)
    except ValidationError as exc:
        return _gagal_review(request, lap, exc)
    return _setelah_review(request, lap, _("Disetujui."))


@require_POST
@akses(ATASAN)
def review_kembalikan(request: HttpRequest, pk: int) -> HttpResponse:
    lap = _laporan_review(request, pk)
    try:
        lap = services.laporan_kembalikan(
            oleh=_saya(request), laporan=lap, catatan=request.POST.get("catatan", "")
        )
    except ValidationError as exc:
        return _gagal_review(request, lap, exc)
    return _setelah_review(request, lap, _("Dikembalikan dengan catatan."))


@require_POST
@akses(ATASAN)
def review_massal(request: HttpRequest) -> HttpResponse:
    ids = [int(i) for i in request.POST.getlist("laporan") if i.isdigit()]
    if not ids:
        messages.error(request, _("Pilih laporan yang akan disetujui."))
        return redirect("kegiatan_review")
    # every id must be in the reader's scope (404 otherwise); the service checks the atasan
    if selectors.laporan_list_for_user(request.user).filter(pk__in=ids).count() != len(set(ids)):
        raise Http404
    n = services.laporan_setujui_massal(oleh=_saya(request), laporan_ids=ids)
    messages.success(request, _("%(n)s laporan disetujui.") % {"n": n})
    return redirect("kegiatan_review")


def _manual_review(request: HttpRequest, pk: int) -> RealisasiManual:
    row = RealisasiManual.objects.filter(pk=pk).first()
    if row is None:
        raise Http404
    selectors.pegawai_terlihat(user=request.user, pk=row.pegawai_id)
    return row


@require_POST
@akses(ATASAN)
def manual_setujui(request: HttpRequest, pk: int) -> HttpResponse:
    row = _manual_review(request, pk)
    try:
        services.realisasi_manual_setujui(oleh=_saya(request), realisasi=row)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Realisasi disetujui."))
    return redirect("kegiatan_review")


@require_POST
@akses(ATASAN)
def manual_kembalikan(request: HttpRequest, pk: int) -> HttpResponse:
    row = _manual_review(request, pk)
    try:
        services.realisasi_manual_kembalikan(
            oleh=_saya(request), realisasi=row, catatan=request.POST.get("catatan", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Realisasi dikembalikan."))
    return redirect("kegiatan_review")
