"""Pages of the "rencana" part: recommendations, needs, development plans (thin: forms →
services_rencana, selectors_rencana / rekomendasi → templates)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import ATASAN, LOGIN, akses
from kinerja.common.formulir import galat_ke_form
from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Pegawai, Peran, UnitKerja
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.penilaian.ekspor import XLSX_TYPE

from . import selectors_rencana as sel
from . import services_rencana as svc
from .efek import RATING_URUT, EfekPelatihan, efek_pelatihan
from .forms_rencana import AktivitasForm, KebutuhanForm, RencanaForm
from .models import StatusPendaftaran
from .pengaturan import pengaturan
from .rekomendasi import rekomendasi_untuk
from .tna import BarisTna, rekap_tna, tna_xlsx


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _tahun(request: HttpRequest) -> int:
    nilai = request.GET.get("tahun", "")
    sekarang = timezone.localdate().year
    if nilai.isdigit() and sekarang - 10 <= int(nilai) <= sekarang + 1:
        return int(nilai)
    return sekarang


def _label_status(rek: list[Any]) -> None:
    for r in rek:
        r.status_label = (
            StatusPendaftaran(r.status_pendaftaran).label if r.status_pendaftaran else ""
        )


# --- recommendations and needs --------------------------------------------------------------


@akses(LOGIN)
def rekomendasi(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    tahun = _tahun(request)
    hasil = rekomendasi_untuk(user.pk, tahun)
    _label_status(hasil.sudah)
    return render(
        request,
        "pengembangan/rencana_rekomendasi.html",
        {
            "hasil": hasil,
            "tahun": tahun,
            "rencana": sel.rencana_saya(user.pk, tahun),
            "kebutuhan": sel.kebutuhan_list(user.pk, tahun),
        },
    )


def _render_pegawai(
    request: HttpRequest, pegawai: Pegawai, peran: str, form: KebutuhanForm, status: int = 200
) -> HttpResponse:
    tahun = _tahun(request)
    hasil = rekomendasi_untuk(pegawai.pk, tahun)
    _label_status(hasil.sudah)
    return render(
        request,
        "pengembangan/rencana_rekomendasi_pegawai.html",
        {
            "pegawai": pegawai,
            "peran": peran,
            "hasil": hasil,
            "tahun": tahun,
            "form": form,
            "kebutuhan": sel.kebutuhan_list(pegawai.pk, tahun),
            "rencana": sel.rencana_saya(pegawai.pk, tahun),
        },
        status=status,
    )


@akses(LOGIN)
def rekomendasi_pegawai(request: HttpRequest, pk: int) -> HttpResponse:
    pegawai, peran = sel.pegawai_untuk_rekomendasi(user=request.user, pk=pk)
    return _render_pegawai(request, pegawai, peran, KebutuhanForm())


@akses(LOGIN)
@require_POST
def kebutuhan_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    pegawai, peran = sel.pegawai_untuk_rekomendasi(user=request.user, pk=pk)
    form = KebutuhanForm(request.POST)
    if form.is_valid():
        try:
            svc.kebutuhan_tambah(
                pegawai=pegawai,
                oleh=_saya(request),
                topik=form.cleaned_data["topik"],
                alasan=form.cleaned_data["alasan"],
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, _("Kebutuhan pengembangan dicatat."))
            return redirect("pengembangan:rekomendasi_pegawai", pk=pegawai.pk)
    return _render_pegawai(request, pegawai, peran, form)


@akses(LOGIN)
@require_POST
def kebutuhan_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    k = sel.kebutuhan_get_for_user(user=request.user, pk=pk)
    svc.kebutuhan_hapus(kebutuhan=k, oleh=_saya(request))
    messages.success(request, _("Kebutuhan pengembangan dihapus."))
    return redirect("pengembangan:rekomendasi_pegawai", pk=k.pegawai_id)


# --- plans ----------------------------------------------------------------------------------


@akses(LOGIN)
def rencana(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    tahun = _tahun(request)
    r = sel.rencana_saya(user.pk, tahun)
    detail = sel.rencana_detail(user=user, pk=r.pk) if r else None
    return render(
        request,
        "pengembangan/rencana_saya.html",
        {"detail": detail, "tahun": tahun, "atasan": hierarki.atasan_langsung(user)},
    )


@akses(LOGIN)
def rencana_buat(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    pegawai: Pegawai = user
    pegawai_id = request.POST.get("pegawai") or request.GET.get("pegawai") or ""
    if pegawai_id.isdigit() and int(pegawai_id) != user.pk:
        pegawai, _peran = sel.pegawai_untuk_rekomendasi(user=user, pk=int(pegawai_id))
    form = RencanaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            r = svc.rencana_buat(pegawai=pegawai, oleh=user, tujuan=form.cleaned_data["tujuan"])
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, _("Rencana pengembangan dibuat. Tambahkan aktivitasnya."))
            return redirect("pengembangan:rencana_detail", pk=r.pk)
    return render(
        request,
        "pengembangan/rencana_form.html",
        {"form": form, "pegawai": pegawai, "baru": True, "tahun": timezone.localdate().year},
    )


@akses(LOGIN)
def rencana_detail(request: HttpRequest, pk: int) -> HttpResponse:
    detail = sel.rencana_detail(user=request.user, pk=pk)
    return render(
        request,
        "pengembangan/rencana_detail.html",
        {"detail": detail, "hari_ini": timezone.localdate()},
    )


def _wajib_pihak(request: HttpRequest, pk: int) -> sel.RencanaDetail:
    detail = sel.rencana_detail(user=request.user, pk=pk)
    if not detail.boleh_ubah:
        raise PermissionDenied
    return detail


def _revisi(request: HttpRequest) -> int | None:
    """The plan revision the page was loaded with (absent: no check, e.g. a plain button)."""
    nilai = request.POST.get("revisi", "")
    return int(nilai) if nilai.isdigit() else None


def _basi(request: HttpRequest, exc: svc.RevisiBasi, pk: int) -> HttpResponse:
    """Stale edit: say so, show the newer plan (nothing of the stale edit is stored)."""
    messages.error(request, exc.pesan)
    detail = sel.rencana_detail(user=request.user, pk=pk)
    return render(
        request,
        "pengembangan/rencana_detail.html",
        {"detail": detail, "hari_ini": timezone.localdate()},
        status=409,
    )


@akses(LOGIN)
def rencana_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    detail = _wajib_pihak(request, pk)
    r = detail.rencana
    form = RencanaForm(request.POST or None, initial={"tujuan": r.tujuan, "revisi": r.revisi})
    if request.method == "POST" and form.is_valid():
        try:
            svc.rencana_ubah(
                rencana=r,
                oleh=_saya(request),
                revisi=_revisi(request),
                tujuan=form.cleaned_data["tujuan"],
            )
        except svc.RevisiBasi as exc:
            return _basi(request, exc, pk)
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, _("Tujuan disimpan; kedua pihak perlu menyetujui ulang."))
            return redirect("pengembangan:rencana_detail", pk=r.pk)
    return render(
        request,
        "pengembangan/rencana_form.html",
        {"form": form, "pegawai": r.pegawai, "rencana": r, "tahun": r.tahun},
    )


def _aktivitas_data(form: AktivitasForm) -> dict[str, Any]:
    d = form.cleaned_data
    return {
        "uraian": d["uraian"],
        "bentuk": d["bentuk"],
        "batas": d["batas"],
        "topik": d.get("topik"),
        "pendaftaran": d.get("pendaftaran"),
        "dialog": d.get("dialog"),
        "catatan": d.get("catatan", ""),
    }


@akses(LOGIN)
def aktivitas_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    detail = _wajib_pihak(request, pk)
    r = detail.rencana
    form = AktivitasForm(
        request.POST or None,
        pegawai_id=r.pegawai_id,
        atasan_id=r.atasan_id,
        initial={"revisi": r.revisi},
    )
    if request.method == "POST" and form.is_valid():
        try:
            svc.aktivitas_tambah(
                rencana=r,
                oleh=_saya(request),
                revisi=_revisi(request),
                **_aktivitas_data(form),
            )
        except svc.RevisiBasi as exc:
            return _basi(request, exc, pk)
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, _("Aktivitas ditambahkan."))
            return redirect("pengembangan:rencana_detail", pk=r.pk)
    return render(request, "pengembangan/rencana_aktivitas_form.html", {"form": form, "rencana": r})


@akses(LOGIN)
def aktivitas_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    a = sel.aktivitas_get_for_user(user=request.user, pk=pk)
    detail = _wajib_pihak(request, a.rencana_id)
    r = detail.rencana
    form = AktivitasForm(
        request.POST or None,
        pegawai_id=r.pegawai_id,
        atasan_id=r.atasan_id,
        initial={
            "uraian": a.uraian,
            "bentuk": a.bentuk,
            "topik": a.topik_id,
            "batas": a.batas,
            "pendaftaran": a.pendaftaran_id,
            "dialog": a.dialog_id,
            "catatan": a.catatan,
            "revisi": r.revisi,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            svc.aktivitas_ubah(
                aktivitas=a,
                oleh=_saya(request),
                revisi=_revisi(request),
                **_aktivitas_data(form),
            )
        except svc.RevisiBasi as exc:
            return _basi(request, exc, r.pk)
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, _("Aktivitas disimpan; kedua pihak perlu menyetujui ulang."))
            return redirect("pengembangan:rencana_detail", pk=r.pk)
    return render(
        request,
        "pengembangan/rencana_aktivitas_form.html",
        {"form": form, "rencana": r, "aktivitas": a},
    )


@akses(LOGIN)
@require_POST
def aktivitas_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    a = sel.aktivitas_get_for_user(user=request.user, pk=pk)
    _wajib_pihak(request, a.rencana_id)
    try:
        svc.aktivitas_hapus(aktivitas=a, oleh=_saya(request), revisi=_revisi(request))
    except svc.RevisiBasi as exc:
        return _basi(request, exc, a.rencana_id)
    messages.success(request, _("Aktivitas dihapus."))
    return redirect("pengembangan:rencana_detail", pk=a.rencana_id)


@akses(LOGIN)
@require_POST
def aktivitas_selesai(request: HttpRequest, pk: int) -> HttpResponse:
    a = sel.aktivitas_get_for_user(user=request.user, pk=pk)
    _wajib_pihak(request, a.rencana_id)
    try:
        svc.aktivitas_selesai(aktivitas=a, oleh=_saya(request), revisi=_revisi(request))
    except svc.RevisiBasi as exc:
        return _basi(request, exc, a.rencana_id)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Aktivitas ditandai selesai."))
    return redirect("pengembangan:rencana_detail", pk=a.rencana_id)


@akses(LOGIN)
@require_POST
def rencana_setujui(request: HttpRequest, pk: int) -> HttpResponse:
    detail = sel.rencana_detail(user=request.user, pk=pk)
    if detail.pihak is None:
        raise PermissionDenied
    try:
        r = svc.rencana_setujui(
            rencana=detail.rencana, oleh=_saya(request), revisi=_revisi(request)
        )
    except svc.RevisiBasi as exc:
        return _basi(request, exc, pk)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if r.status == "disepakati":
            messages.success(request, _("Rencana disepakati kedua pihak."))
        else:
            messages.success(request, _("Persetujuan Anda dicatat; menunggu pihak lain."))
    return redirect("pengembangan:rencana_detail", pk=pk)


@akses(ATASAN)
def rencana_tim(request: HttpRequest) -> HttpResponse:
    tahun = _tahun(request)
    return render(
        request,
        "pengembangan/rencana_tim.html",
        {"baris": sel.rencana_tim(_saya(request), tahun), "tahun": tahun},
    )


# --- training-needs analysis ----------------------------------------------------------------

PERAN_TNA = (Peran.PIMPINAN_OPD, Peran.OPERATOR_OPD, Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH)


def _lingkup_tna(request: HttpRequest) -> dict[str, Any]:
    """City roles: per OPD (or per unit of one chosen OPD); OPD roles: per unit of their OPD."""
    profil = akses_pengguna(request.user)
    assert profil is not None
    kota = profil.punya(Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH)
    pilihan = request.GET.get("opd", "")
    opd_id = int(pilihan) if pilihan.isdigit() else None
    if kota:
        opsi = list(
            UnitKerja.objects.filter(instansi_id=profil.instansi_id, parent__isnull=True)
            .order_by("nama")
            .values_list("pk", "nama")
        )
        if opd_id is not None and opd_id in dict(opsi):
            return {"opd_ids": {opd_id}, "per_unit": True, "opsi": opsi, "opd": opd_id}
        return {"opd_ids": None, "per_unit": False, "opsi": opsi, "opd": None}
    kelola = profil.opd_kelola_ids
    if not kelola:
        raise PermissionDenied
    opsi = list(UnitKerja.objects.filter(pk__in=kelola).order_by("nama").values_list("pk", "nama"))
    if opd_id is not None and opd_id in kelola:
        return {"opd_ids": {opd_id}, "per_unit": True, "opsi": opsi, "opd": opd_id}
    return {"opd_ids": set(kelola), "per_unit": True, "opsi": opsi, "opd": None}


def _tna(request: HttpRequest) -> tuple[list[BarisTna], dict[str, Any]]:
    lingkup = _lingkup_tna(request)
    tahun = _tahun(request)
    baris = rekap_tna(
        instansi_id=_saya(request).instansi_id or 0,
        tahun=tahun,
        opd_ids=lingkup["opd_ids"],
        per_unit=lingkup["per_unit"],
    )
    lingkup["tahun"] = tahun
    lingkup["kolom"] = _("Unit") if lingkup["per_unit"] else _("OPD")
    return baris, lingkup


@akses(*PERAN_TNA)
def kebutuhan_rekap(request: HttpRequest) -> HttpResponse:
    baris, lingkup = _tna(request)
    total_jp = sum((b.jp_perlu or 0 for b in baris if b.kolom_id is None), Decimal(0))
    return render(
        request,
        "pengembangan/rencana_tna.html",
        lingkup | {"baris": baris, "total_jp": total_jp, "query": request.GET.urlencode()},
    )


@akses(*PERAN_TNA)
def kebutuhan_ekspor(request: HttpRequest) -> HttpResponse:
    baris, lingkup = _tna(request)
    konten = tna_xlsx(
        baris,
        judul=_("Analisis kebutuhan pelatihan %(tahun)s") % {"tahun": lingkup["tahun"]},
        kolom=lingkup["kolom"],
        info=[
            [_("Tahun"), str(lingkup["tahun"])],
            [_("Dibuat"), timezone.localtime().strftime("%Y-%m-%d %H:%M")],
            [
                _("Catatan"),
                _(
                    "Kebutuhan dari penilaian yang dikunci (Di Bawah Ekspektasi) dan kebutuhan "
                    "yang dicatat; JP = sisa pegawai × JP pelatihan aktif termurah bertopik sama."
                ),
            ],
        ],
    )
    resp = HttpResponse(konten, content_type=XLSX_TYPE)
    resp["Content-Disposition"] = (
        f'attachment; filename="kebutuhan-pelatihan-{lingkup["tahun"]}.xlsx"'
    )
    return resp


# --- effect per training --------------------------------------------------------------------

PERAN_EFEK = (Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH, Peran.PIMPINAN_OPD)


def _lingkup_efek(request: HttpRequest) -> set[int] | None:
    profil = akses_pengguna(request.user)
    assert profil is not None
    if profil.punya(Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH):
        return None
    if not profil.opd_kelola_ids:
        raise PermissionDenied
    return set(profil.opd_kelola_ids)


def _konteks_efek(baris: list[EfekPelatihan]) -> dict[str, Any]:
    return {
        "baris": baris,
        "minimal": pengaturan().min_peserta_efek,
        "rating": [(r.value, r.label) for r in RATING_URUT],
    }


@akses(*PERAN_EFEK)
def efek(request: HttpRequest) -> HttpResponse:
    baris = efek_pelatihan(
        instansi_id=_saya(request).instansi_id or 0, opd_ids=_lingkup_efek(request)
    )
    return render(request, "pengembangan/rencana_efek.html", _konteks_efek(baris))


@akses(*PERAN_EFEK)
def efek_detail(request: HttpRequest, pk: int) -> HttpResponse:
    baris = efek_pelatihan(
        instansi_id=_saya(request).instansi_id or 0, opd_ids=_lingkup_efek(request), pelatihan_id=pk
    )
    if not baris:
        raise Http404
    return render(
        request, "pengembangan/rencana_efek_detail.html", _konteks_efek(baris) | {"e": baris[0]}
    )
