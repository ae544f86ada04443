"""Penilaian pages for leaders and HR: predikat kinerja organisasi, the calibration grid,
finalize-and-lock, dashboards, documents (PDF, bulk ZIP, public verification) and exports."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import ATASAN, LOGIN, PUBLIK, akses
from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Jabatan, Pegawai, Peran, UnitKerja
from kinerja.organisasi.selectors import akses_pengguna

from . import aturan, dokumen, dokumen_massal, ekspor, selectors, services, tampilan
from .models import PredikatOrg, PredikatOrganisasi, Rating, StatusEvaluasi
from .views import _galat, _htmx, _int, jendela_konteks

PERAN_KELOLA = (Peran.PIMPINAN_OPD, Peran.ADMIN_BKPSDMD)
PERAN_DASBOR = (Peran.PIMPINAN_OPD, Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH, Peran.INSPEKTORAT)


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _qs_jendela(ctx: dict[str, Any]) -> str:
    return f"periode={ctx['periode'].pk}&jendela={ctx['kode_jendela']}"


def _unduhan(konten: bytes, content_type: str, nama: str) -> HttpResponse:
    response = HttpResponse(konten, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- predikat kinerja organisasi ------------------------------------------------------------


def _unit_predikat_org(user: Pegawai) -> list[UnitKerja]:
    """Units whose predikat organisasi the user may set: admin BKPSDMD every OPD; pimpinan OPD
    the units right below their OPD; a leader the units whose kepala reports to a jabatan they
    hold (e.g. the Sekda for the OPDs). The service re-checks each."""
    akses = akses_pengguna(user)
    if akses is None:
        raise Http404
    ids: set[int] = set()
    if akses.admin:
        ids |= set(
            UnitKerja.objects.filter(
                instansi_id=akses.instansi_id, parent__isnull=True
            ).values_list("pk", flat=True)
        )
    if akses.punya(Peran.PIMPINAN_OPD) and akses.opd_kelola_ids:
        ids |= set(
            UnitKerja.objects.filter(parent_id__in=akses.opd_kelola_ids).values_list(
                "pk", flat=True
            )
        )
    held = hierarki.jabatan_dipegang(user, timezone.localdate())
    ids |= set(
        Jabatan.objects.filter(parent_id__in=held, kepala=True).values_list("unit_id", flat=True)
    )
    return list(
        UnitKerja.objects.filter(pk__in=ids, instansi_id=akses.instansi_id).order_by(
            "depth", "nama"
        )
    )


@akses(ATASAN, *PERAN_KELOLA)
def predikat_org(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    ctx = jendela_konteks(request)
    units = _unit_predikat_org(user)
    if not units:
        raise PermissionDenied
    jendela = ctx["jendela"]
    ada = {
        p.unit_id: p
        for p in PredikatOrganisasi.objects.filter(
            unit__in=units, periode=ctx["periode"], jenis=jendela.jenis, urutan=jendela.urutan
        ).select_related("ditetapkan_oleh")
    }
    galat: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        unit = next((u for u in units if str(u.pk) == request.POST.get("unit")), None)
        if unit is None:
            galat["unit"] = _("Pilih unit.")
        else:
            try:
                services.predikat_organisasi_tetapkan(
                    unit=unit,
                    periode=ctx["periode"],
                    jenis=jendela.jenis,
                    urutan=jendela.urutan,
                    predikat=request.POST.get("predikat", ""),
                    oleh=user,
                    alasan=request.POST.get("alasan", ""),
                )
            except ValidationError as exc:
                galat = _galat(exc)
            else:
                messages.success(request, _("Predikat kinerja organisasi disimpan."))
                return redirect(f"{reverse('penilaian:predikat_org')}?{_qs_jendela(ctx)}")
        status = 422
    return render(
        request,
        "penilaian/predikat_org.html",
        ctx
        | {
            "rows": [{"unit": u, "po": ada.get(u.pk)} for u in units],
            "pilihan": PredikatOrg.choices,
            "galat": galat,
            "unit_galat": request.POST.get("unit", ""),
            "kurva": _kurva_semua(),
        },
        status=status,
    )


def _kurva_semua() -> list[tuple[str, list[str]]]:
    from .models import AturanDistribusi

    semua = list(AturanDistribusi.objects.all())
    return [(str(label), aturan.teks_kurva(v, semua)) for v, label in PredikatOrg.choices]


# --- calibration and finalize ---------------------------------------------------------------


@akses(*PERAN_KELOLA)
def kalibrasi_index(request: HttpRequest) -> HttpResponse:
    opd = tampilan.opd_kelola(request.user)
    if len(opd) == 1:
        return redirect("penilaian:kalibrasi", opd[0].pk)
    return render(request, "penilaian/kalibrasi_index.html", {"opd": opd})


@akses(*PERAN_KELOLA)
def kalibrasi(request: HttpRequest, unit: int) -> HttpResponse:
    u = tampilan.unit_kelola_get(request.user, unit)
    ctx = jendela_konteks(request)
    j = ctx["jendela"]
    grid = selectors.grid_kalibrasi(
        user=request.user,
        unit=u,
        periode=ctx["periode"],
        jenis=j.jenis,
        urutan=j.urutan,
        per_sel=MAKS_NAMA_SEL,
    )
    return render(
        request,
        "penilaian/kalibrasi.html",
        ctx
        | {
            "unit": u,
            "grid": grid,
            "baris": tampilan.grid_baris(grid),
            "distribusi": tampilan.distribusi_untuk(u, ctx["periode"], j),
            "sub_unit": list(UnitKerja.objects.filter(parent=u).order_by("nama")),
            "qs": _qs_jendela(ctx),
            "kolom": [Rating(r).label for r in reversed(tampilan.RATING_URUT)],
        },
    )


MAKS_NAMA_SEL = 60


@akses(*PERAN_KELOLA)
def kalibrasi_evaluasi(request: HttpRequest, pk: int) -> HttpResponse:
    ev = selectors.evaluasi_get_for_user(user=request.user, pk=pk)
    if not tampilan.peran_atas(request.user, ev).pengelola:
        raise PermissionDenied
    galat: dict[str, str] = {}
    isian = {
        "rating_hasil": ev.rating_hasil,
        "rating_perilaku": ev.rating_perilaku,
        "alasan": "",
    }
    status = 200
    if request.method == "POST":
        isian = {k: request.POST.get(k, "") for k in isian}
        try:
            ev = services.evaluasi_kalibrasi(
                evaluasi=ev,
                oleh=_saya(request),
                revisi=_int(request.POST.get("revisi")) or 0,
                **isian,
            )
        except services.RevisiBasi as exc:
            galat, status = {"umum": exc.pesan}, 409
        except ValidationError as exc:
            galat, status = _galat(exc), 422
        else:
            messages.success(request, _("Hasil dikalibrasi."))
            url = reverse("penilaian:kalibrasi", args=[ev.unit.opd_id or ev.unit_id])
            return redirect(
                f"{url}?periode={ev.periode_id}&jendela="
                f"{tampilan.kode_jendela(services.jendela_evaluasi(ev))}"
            )
    return render(
        request,
        "penilaian/kalibrasi_evaluasi.html",
        {
            "ev": ev,
            "isian": isian,
            "galat": galat,
            "rating_pilihan": [(r.value, r.label) for r in tampilan.RATING_URUT],
            "matriks": tampilan.matriks_sel(ev),
        },
        status=status,
    )


@akses(ATASAN, *PERAN_KELOLA)
@require_POST
def finalkan(request: HttpRequest, unit: int) -> HttpResponse:
    """Finalize and lock the unit (with sub-units) for a window; G's service checks who may."""
    akses_ = akses_pengguna(request.user)
    u = UnitKerja.objects.filter(pk=unit, instansi_id=akses_.instansi_id if akses_ else 0).first()
    if u is None:
        raise Http404
    periode = tampilan.periode_pilih(request.user, request.POST.get("periode"))
    jendela = tampilan.jendela_dari_kode(periode, request.POST.get("jendela"))
    kembali = request.POST.get("kembali") or reverse("penilaian:bawahan")
    if not kembali.startswith("/"):
        kembali = reverse("penilaian:bawahan")
    try:
        hasil = services.unit_finalkan(
            unit=u, periode=periode, jenis=jendela.jenis, urutan=jendela.urutan, oleh=_saya(request)
        )
    except ValidationError as exc:
        messages.error(request, " ".join(_galat(exc).values()))
    else:
        messages.success(
            request,
            _("%(n)s evaluasi di %(unit)s dikunci; pegawai diberi tahu.")
            % {"n": hasil.dikunci, "unit": u.nama},
        )
        for p in hasil.peringatan:
            messages.warning(request, p.pesan)
    sep = "&" if "?" in kembali else "?"
    return redirect(f"{kembali}{sep}periode={periode.pk}&jendela={tampilan.kode_jendela(jendela)}")


# --- dashboards -----------------------------------------------------------------------------


def _dasbor_units(request: HttpRequest) -> tuple[list[UnitKerja], list[int] | None, Any]:
    """(units shown as rows, OPD filter for outliers (None = city), access)."""
    akses_ = akses_pengguna(request.user)
    if akses_ is None:
        raise Http404
    opd_pilih = _int(request.GET.get("opd"))
    if akses_.kota:
        if opd_pilih:
            u = UnitKerja.objects.filter(pk=opd_pilih, instansi_id=akses_.instansi_id).first()
            if u is None:
                raise Http404
            return [u, *UnitKerja.objects.filter(parent=u).order_by("nama")], [u.pk], akses_
        return (
            list(
                UnitKerja.objects.filter(
                    instansi_id=akses_.instansi_id, parent__isnull=True
                ).order_by("nama")
            ),
            None,
            akses_,
        )
    opd = tampilan.opd_kelola(request.user)
    if opd_pilih and opd_pilih not in {o.pk for o in opd}:
        raise Http404
    dipilih = [o for o in opd if o.pk == opd_pilih] or opd[:1]
    rows: list[UnitKerja] = []
    for o in dipilih:
        rows += [o, *UnitKerja.objects.filter(parent=o).order_by("nama")]
    return rows, [o.pk for o in dipilih], akses_


@akses(*PERAN_DASBOR)
def dasbor(request: HttpRequest) -> HttpResponse:
    ctx = jendela_konteks(request)
    units, opd_ids, akses_ = _dasbor_units(request)
    rows = tampilan.rekap_unit(units, ctx["periode"], ctx["jendela"])
    pencilan = tampilan.pencilan(opd_ids, akses_.instansi_id, ctx["periode"], ctx["jendela"])
    return render(
        request,
        "penilaian/dasbor.html",
        ctx
        | {
            "rows": rows,
            "grafik": tampilan.svg_distribusi(rows),
            "pencilan": pencilan,
            "luar_kurva": [r for r in rows if r.pelanggaran],
            "kota": akses_.kota,
            "opd_pilih": request.GET.get("opd", ""),
            "qs": _qs_jendela(ctx),
            "bulan_ini": timezone.localdate().month,
            "bulan_list": range(1, 13),
        },
    )


# --- exports --------------------------------------------------------------------------------


TINGKAT = {"unit", "opd", "kota"}


@akses(*PERAN_DASBOR)
def ekspor_rekap(request: HttpRequest) -> HttpResponse:
    """Rekap XLSX per unit, OPD or city (?tingkat=), from G's `rekap` selector."""
    ctx = jendela_konteks(request)
    j = ctx["jendela"]
    tingkat = request.GET.get("tingkat", "opd")
    if tingkat not in TINGKAT:
        tingkat = "opd"
    rows = selectors.rekap(
        user=request.user, periode=ctx["periode"], jenis=j.jenis, urutan=j.urutan, tingkat=tingkat
    )
    info = [[_("Periode"), ctx["periode"].tahun, str(j.label)], [_("Tingkat"), tingkat]]
    isi = ekspor.rekap_xlsx(rows, tingkat=tingkat, info=info)
    nama = f"rekap-penilaian-{ctx['periode'].tahun}-{ctx['kode_jendela']}-{tingkat}.xlsx"
    return _unduhan(isi, ekspor.XLSX_TYPE, nama)


@akses(*PERAN_DASBOR)
def ekspor_angka_kredit(request: HttpRequest) -> HttpResponse:
    ctx = jendela_konteks(request)
    j = ctx["jendela"]
    selectors._rekap_scope(request.user)  # same readers as the rekap
    rows = [
        r
        for r in selectors.angka_kredit_pegawai(
            user=request.user, periode=ctx["periode"], jenis=j.jenis
        )
        if r["urutan"] == j.urutan
    ]
    info = [[_("Periode"), ctx["periode"].tahun, str(j.label)]]
    isi = ekspor.angka_kredit_xlsx(rows, info=info)
    nama = f"angka-kredit-{ctx['periode'].tahun}-{ctx['kode_jendela']}.xlsx"
    return _unduhan(isi, ekspor.XLSX_TYPE, nama)


@akses(*PERAN_DASBOR)
def ekspor_tpp(request: HttpRequest) -> HttpResponse:
    """Monthly predikat per pegawai for the TPP/payroll system (?periode=&bulan=&format=)."""
    periode = tampilan.periode_pilih(request.user, request.GET.get("periode"))
    bulan = _int(request.GET.get("bulan")) or timezone.localdate().month
    rows = selectors.tpp_bulanan(user=request.user, periode=periode, bulan=bulan)
    nama = f"tpp-predikat-{periode.tahun}-{bulan:02d}"
    if request.GET.get("format") == "xlsx":
        return _unduhan(ekspor.tpp_xlsx(rows), ekspor.XLSX_TYPE, f"{nama}.xlsx")
    return _unduhan(ekspor.tpp_csv(rows), "text/csv; charset=utf-8", f"{nama}.csv")


# --- documents ------------------------------------------------------------------------------


def _verifikasi_url(request: HttpRequest, ev: Any) -> str:
    if ev.status != StatusEvaluasi.DIKUNCI:
        return ""
    return request.build_absolute_uri(
        reverse("penilaian:verifikasi", kwargs={"kode": dokumen.kode_verifikasi(ev)})
    )


@akses(LOGIN)
def evaluasi_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    ev = selectors.evaluasi_get_for_user(user=request.user, pk=pk)
    ev = dokumen.evaluasi_dokumen_qs().get(pk=ev.pk)
    pdf = dokumen.evaluasi_pdf(ev, verifikasi_url=_verifikasi_url(request, ev))
    return _unduhan(pdf, "application/pdf", dokumen.nama_berkas(ev))


@akses(PUBLIK)
def verifikasi(request: HttpRequest, kode: str) -> HttpResponse:
    try:
        ev, berlaku = dokumen.verifikasi_get(kode)
    except Http404:
        return render(request, "penilaian/verifikasi.html", {"kode": kode[:40]}, status=404)
    from kinerja.skp.dokumen import samarkan_nip

    return render(
        request,
        "penilaian/verifikasi.html",
        {
            "ev": ev,
            "berlaku": berlaku,
            "kode": kode,
            "nip_samar": samarkan_nip(ev.pegawai.nip),
            "jendela": services.jendela_evaluasi(ev),
        },
    )


@akses(*PERAN_KELOLA)
def massal(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    ctx = jendela_konteks(request)
    opd = tampilan.opd_kelola(user)
    galat: dict[str, str] = {}
    if request.method == "POST":
        unit = next((u for u in opd if str(u.pk) == request.POST.get("unit")), None)
        periode = tampilan.periode_pilih(user, request.POST.get("periode"))
        jendela = tampilan.jendela_dari_kode(periode, request.POST.get("jendela"))
        if unit is None:
            galat["unit"] = _("Pilih OPD.")
        else:
            try:
                t = dokumen_massal.massal_buat(
                    oleh=user,
                    unit=unit,
                    periode=periode,
                    jendela=jendela,
                    base_url=request.build_absolute_uri("/"),
                )
            except ValidationError as exc:
                galat = _galat(exc)
            else:
                messages.info(request, _("Pembuatan PDF berjalan di latar belakang."))
                return redirect("penilaian:massal_detail", t.id)
    return render(
        request,
        "penilaian/massal.html",
        ctx | {"opd": opd, "galat": galat, "jobs": dokumen_massal.tugas_list_for_user(user)},
        status=422 if galat else 200,
    )


@akses(*PERAN_KELOLA)
def massal_detail(request: HttpRequest, job: str) -> HttpResponse:
    t = dokumen_massal.tugas_get_for_user(user=request.user, job_id=job)
    selesai, total = dokumen_massal.progress(t)
    template = "penilaian/_massal_status.html" if _htmx(request) else "penilaian/massal_detail.html"
    return render(request, template, {"t": t, "selesai": selesai, "total": total})


@akses(*PERAN_KELOLA)
def massal_unduh(request: HttpRequest, job: str) -> HttpResponseBase:
    t = dokumen_massal.tugas_get_for_user(user=request.user, job_id=job)
    path = dokumen_massal.zip_path(t.id)
    if t.status != "selesai" or not path.exists():
        raise Http404
    nama = f"evaluasi-{t.tahun}-{dokumen_massal._nama_folder(t.unit_nama)}.zip"
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=nama, content_type="application/zip"
    )
    response["Cache-Control"] = "private, no-store"
    return response
