"""SKP pages: my SKP (draft editor with htmx autosave), detail, approval queue, periode, PK."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import ATASAN, LOGIN, akses
from kinerja.organisasi.models import JenisJabatan, Pegawai, Peran
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.survei import selectors as survei_selectors

from . import selectors, services
from .forms import (
    BagikanForm,
    IndikatorForm,
    IndikatorPKForm,
    KembalikanForm,
    PeriodeForm,
    RhkForm,
    SasaranForm,
    SkpDraftForm,
    TemplateForm,
)
from .models import (
    IndikatorKinerja,
    IndikatorPK,
    PerilakuKerja,
    PerjanjianKinerja,
    Rhk,
    Skp,
    StatusSkp,
)


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _pesan(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _revisi(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("revisi", ""))
    except ValueError:
        return -1  # no token: treated as stale, nothing is written


# --- my SKP ---------------------------------------------------------------------------------


@akses(LOGIN)
def skp_saya(request: HttpRequest) -> HttpResponse:
    user: Pegawai = request.user  # type: ignore[assignment]
    periode = selectors.periode_berjalan(user.instansi_id or 0)
    skp = selectors.skp_milik(user=user, periode=periode) if periode else None
    if skp is not None:
        if skp.bisa_diubah:
            return redirect("skp_ubah", pk=skp.pk)
        return redirect("skp_detail", pk=skp.pk)
    return render(request, "skp/saya.html", {"periode": periode})


@require_POST
@akses(LOGIN)
def skp_buat(request: HttpRequest) -> HttpResponse:
    user: Pegawai = request.user  # type: ignore[assignment]
    periode = selectors.periode_berjalan(user.instansi_id or 0)
    if periode is None:
        raise Http404
    try:
        if request.POST.get("salin"):
            skp = services.skp_copy_from_last_year(pegawai=user, periode=periode, oleh=user)
        else:
            skp = services.skp_create(pegawai=user, periode=periode)
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
        return redirect("skp_saya")
    return redirect("skp_ubah", pk=skp.pk)


def _skp_milik_draf(request: HttpRequest, pk: int) -> Skp:
    skp = selectors.skp_get_for_user(user=request.user, pk=pk)
    if skp.pegawai_id != request.user.pk:
        raise PermissionDenied
    return skp


def _terikat(data: Any, prefix: str) -> Any:
    """The posted data when it belongs to the form with this prefix: the user's input is kept."""
    if data and any(key.startswith(f"{prefix}-") for key in data):
        return data
    return None


def _editor_context(skp: Skp, *, data_kiriman: Any = None, **extra: Any) -> dict[str, Any]:
    jpt = skp.jabatan_jenis == JenisJabatan.JPT
    rhk_pilihan = [] if jpt else selectors.rhk_pilihan_atasan(skp)
    pk_pilihan = selectors.indikator_pk_pilihan(skp) if jpt else []
    pilihan: dict[str, Any] = {"rhk_pilihan": rhk_pilihan, "pk_pilihan": pk_pilihan, "jpt": jpt}
    rhk_list = selectors.rhk_untuk_skp(skp)
    unit_pilihan = list(survei_selectors.unit_layanan_untuk_skp(skp))
    rows: list[dict[str, Any]] = []
    for rhk in rhk_list:
        prefix = f"rhk-{rhk.pk}"
        initial = {
            "teks": rhk.teks,
            "jenis": rhk.jenis,
            "rhk_atasan": rhk.rhk_atasan_id,
            "indikator_pk": rhk.indikator_pk_id,
        }
        rows.append(
            {
                "rhk": rhk,
                "form": RhkForm(
                    _terikat(data_kiriman, prefix), prefix=prefix, initial=initial, **pilihan
                ),
                "indikator": [
                    (
                        ind,
                        IndikatorForm(
                            _terikat(data_kiriman, f"ind-{ind.pk}"),
                            prefix=f"ind-{ind.pk}",
                            initial=_indikator_initial(ind),
                            unit_pilihan=unit_pilihan,
                        ),
                    )
                    for ind in rhk.indikator_set.all()
                ],
                "form_indikator": IndikatorForm(
                    _terikat(data_kiriman, f"indbaru-{rhk.pk}"),
                    prefix=f"indbaru-{rhk.pk}",
                    unit_pilihan=unit_pilihan,
                ),
            }
        )
    draf_data = data_kiriman if data_kiriman and "pendekatan" in data_kiriman else None
    context = {
        "skp": skp,
        "jpt": jpt,
        "bagian": [
            (_("RHK utama"), [r for r in rows if r["rhk"].jenis == "utama"]),
            (_("RHK tambahan"), [r for r in rows if r["rhk"].jenis == "tambahan"]),
        ],
        "rhk_pilihan": rhk_pilihan,
        "form_draf": SkpDraftForm(
            draf_data,
            initial={
                "pendekatan": skp.pendekatan,
                "dukungan_sumber_daya": skp.dukungan_sumber_daya,
                "skema_pertanggungjawaban": skp.skema_pertanggungjawaban,
                "konsekuensi": skp.konsekuensi,
            },
        ),
        "form_rhk": RhkForm(_terikat(data_kiriman, "rhkbaru"), prefix="rhkbaru", **pilihan),
        "ekspektasi": selectors.ekspektasi_untuk_skp(skp),
        "templates": list(selectors.template_list_for_skp(skp)),
        "form_template": TemplateForm(),
    }
    context.update(extra)
    return context


def _indikator_initial(ind: IndikatorKinerja) -> dict[str, Any]:
    return {
        "aspek": ind.aspek,
        "teks": ind.teks,
        "target_angka": ind.target_angka,
        "target_satuan": ind.target_satuan,
        "target_teks": ind.target_teks,
        "sumber_realisasi": ind.sumber_realisasi,
        "unit_layanan_id": ind.sumber_ikm.unit_layanan_id if hasattr(ind, "sumber_ikm") else None,
    }


@akses(LOGIN)
def skp_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    skp = _skp_milik_draf(request, pk)
    if not skp.bisa_diubah:
        return redirect("skp_detail", pk=skp.pk)
    return render(request, "skp/ubah.html", _editor_context(skp))


def _status(
    request: HttpRequest, skp: Skp, *, error: str = "", konflik: bool = False
) -> HttpResponse:
    """The htmx answer to an autosave: new revisi token for every form and a status line."""
    html = render_to_string(
        "skp/_status_simpan.html",
        {
            "revisi": skp.revisi,
            "error": error,
            "konflik": konflik,
            "waktu": timezone.localtime(),
            "perbarui_revisi": not (error or konflik),
        },
        request=request,
    )
    return HttpResponse(html, status=409 if konflik and not _htmx(request) else 200)


def _aksi_draf(
    request: HttpRequest,
    skp: Skp,
    aksi: Callable[[int], object],
    *,
    muat_ulang: bool = False,
    form_errors: str = "",
) -> HttpResponse:
    """Run one draft write with the client's revisi; answer htmx with a status fragment.

    On a stale revisi or a validation error nothing is written and the page keeps the input.
    `muat_ulang`: structural changes (add/delete rows) reload the editor on success.
    """
    if form_errors:
        return _gagal(request, skp, form_errors)
    try:
        aksi(_revisi(request))
    except services.RevisiBasi as exc:
        return _gagal(request, skp, exc.pesan, konflik=True)
    except ValidationError as exc:
        return _gagal(request, skp, _pesan(exc))
    skp.refresh_from_db()
    if not _htmx(request):
        return redirect("skp_ubah", pk=skp.pk)
    if muat_ulang:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return _status(request, skp)


def _gagal(request: HttpRequest, skp: Skp, pesan: str, *, konflik: bool = False) -> HttpResponse:
    if _htmx(request):
        return _status(request, skp, error=pesan, konflik=konflik)
    skp.refresh_from_db()
    context = _editor_context(skp, pesan_error=pesan, konflik=konflik, data_kiriman=request.POST)
    return render(request, "skp/ubah.html", context, status=409 if konflik else 422)


def _form_errors(form: Any) -> str:
    if form.is_valid():
        return ""
    return " ".join(
        f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errs)}".lstrip(": ")
        for name, errs in form.errors.items()
    )


@require_POST
@akses(LOGIN)
def skp_simpan(request: HttpRequest, pk: int) -> HttpResponse:
    skp = _skp_milik_draf(request, pk)
    form = SkpDraftForm(request.POST)
    errors = _form_errors(form)

    def aksi(revisi: int) -> object:
        return services.skp_update_draft(
            skp=skp, oleh=_saya(request), revisi=revisi, **form.cleaned_data
        )

    return _aksi_draf(request, skp, aksi, form_errors=errors)


def _rhk_form(request: HttpRequest, skp: Skp, prefix: str) -> RhkForm:
    jpt = skp.jabatan_jenis == JenisJabatan.JPT
    return RhkForm(
        request.POST,
        prefix=prefix,
        rhk_pilihan=[] if jpt else selectors.rhk_pilihan_atasan(skp),
        pk_pilihan=selectors.indikator_pk_pilihan(skp) if jpt else [],
        jpt=jpt,
    )


@require_POST
@akses(LOGIN)
def rhk_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    skp = _skp_milik_draf(request, pk)
    form = _rhk_form(request, skp, "rhkbaru")
    errors = _form_errors(form)

    def aksi(revisi: int) -> object:
        data = form.cleaned_data
        return services.rhk_add(
            skp=skp,
            oleh=_saya(request),
            revisi=revisi,
            teks=data["teks"],
            jenis=data["jenis"],
            rhk_atasan=data.get("rhk_atasan"),
            indikator_pk=data.get("indikator_pk"),
        )

    return _aksi_draf(request, skp, aksi, muat_ulang=True, form_errors=errors)


def _rhk_milik(request: HttpRequest, pk: int) -> Rhk:
    rhk = get_object_or_404(Rhk.objects.select_related("skp"), pk=pk)
    _skp_milik_draf(request, rhk.skp_id)
    return rhk


@require_POST
@akses(LOGIN)
def rhk_simpan(request: HttpRequest, pk: int) -> HttpResponse:
    rhk = _rhk_milik(request, pk)
    form = _rhk_form(request, rhk.skp, f"rhk-{rhk.pk}")
    errors = _form_errors(form)

    def aksi(revisi: int) -> object:
        data = form.cleaned_data
        return services.rhk_update(
            rhk=rhk,
            oleh=_saya(request),
            revisi=revisi,
            teks=data["teks"],
            jenis=data["jenis"],
            rhk_atasan=data.get("rhk_atasan"),
            indikator_pk=data.get("indikator_pk"),
        )

    return _aksi_draf(
        request,
        rhk.skp,
        aksi,
        muat_ulang=form.is_valid() and form.cleaned_data["jenis"] != rhk.jenis,
        form_errors=errors,
    )


@require_POST
@akses(LOGIN)
def rhk_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    rhk = _rhk_milik(request, pk)
    return _aksi_draf(
        request,
        rhk.skp,
        lambda revisi: services.rhk_delete(rhk=rhk, oleh=_saya(request), revisi=revisi),
        muat_ulang=True,
    )


@require_POST
@akses(LOGIN)
def indikator_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    rhk = _rhk_milik(request, pk)
    form = IndikatorForm(
        request.POST,
        prefix=f"indbaru-{rhk.pk}",
        unit_pilihan=_unit_pilihan(request, rhk.skp),
    )
    errors = _form_errors(form)

    def aksi(revisi: int) -> object:
        return services.indikator_add(
            rhk=rhk, oleh=_saya(request), revisi=revisi, **form.cleaned_data
        )

    return _aksi_draf(request, rhk.skp, aksi, muat_ulang=True, form_errors=errors)


def _unit_pilihan(request: HttpRequest, skp: Skp) -> list[Any]:
    return list(survei_selectors.unit_layanan_untuk_skp(skp))


def _indikator_milik(request: HttpRequest, pk: int) -> IndikatorKinerja:
    ind = get_object_or_404(IndikatorKinerja.objects.select_related("rhk__skp"), pk=pk)
    _skp_milik_draf(request, ind.rhk.skp_id)
    return ind


@require_POST
@akses(LOGIN)
def indikator_simpan(request: HttpRequest, pk: int) -> HttpResponse:
    ind = _indikator_milik(request, pk)
    form = IndikatorForm(
        request.POST, prefix=f"ind-{ind.pk}", unit_pilihan=_unit_pilihan(request, ind.rhk.skp)
    )
    errors = _form_errors(form)

    def aksi(revisi: int) -> object:
        return services.indikator_update(
            indikator=ind, oleh=_saya(request), revisi=revisi, **form.cleaned_data
        )

    return _aksi_draf(request, ind.rhk.skp, aksi, form_errors=errors)


@require_POST
@akses(LOGIN)
def indikator_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    ind = _indikator_milik(request, pk)
    return _aksi_draf(
        request,
        ind.rhk.skp,
        lambda revisi: services.indikator_delete(indikator=ind, oleh=_saya(request), revisi=revisi),
        muat_ulang=True,
    )


@require_POST
@akses(LOGIN)
def skp_template(request: HttpRequest, pk: int) -> HttpResponse:
    """Apply a template (`template` id) or save this SKP as a template (`nama`)."""
    skp = _skp_milik_draf(request, pk)
    if request.POST.get("nama") is not None:
        try:
            services.template_create_from_skp(
                skp=skp, oleh=_saya(request), nama=request.POST["nama"]
            )
            messages.success(request, _("Template disimpan."))
        except ValidationError as exc:
            messages.error(request, _pesan(exc))
        return redirect("skp_ubah", pk=skp.pk)
    template_id = request.POST.get("template", "")
    template = selectors.template_get_for_skp(
        skp=skp, pk=int(template_id) if template_id.isdigit() else 0
    )
    return _aksi_draf(
        request,
        skp,
        lambda revisi: services.skp_apply_template(
            skp=skp, oleh=_saya(request), revisi=revisi, template=template
        ),
        muat_ulang=True,
    )


@require_POST
@akses(LOGIN)
def skp_ajukan(request: HttpRequest, pk: int) -> HttpResponse:
    skp = _skp_milik_draf(request, pk)
    try:
        services.skp_submit(skp=skp, oleh=_saya(request), revisi=_revisi(request))
    except services.RevisiBasi as exc:
        return _gagal(request, skp, exc.pesan, konflik=True)
    except ValidationError as exc:
        skp.refresh_from_db()
        context = _editor_context(skp, masalah=exc.messages)
        return render(request, "skp/ubah.html", context, status=422)
    messages.success(request, _("SKP diajukan ke pejabat penilai."))
    return redirect("skp_detail", pk=skp.pk)


@require_POST
@akses(LOGIN)
def skp_revisi(request: HttpRequest, pk: int) -> HttpResponse:
    skp = _skp_milik_draf(request, pk)
    try:
        baru = services.skp_revise(
            skp=skp, oleh=_saya(request), alasan=request.POST.get("alasan", "")
        )
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
        return redirect("skp_detail", pk=skp.pk)
    messages.success(request, _("Versi baru dibuat sebagai draf."))
    return redirect("skp_ubah", pk=baru.pk)


# --- detail, versions ----------------------------------------------------------------------


@akses(LOGIN)
def skp_detail(request: HttpRequest, pk: int) -> HttpResponse:
    skp = selectors.skp_get_for_user(user=request.user, pk=pk)
    versi = selectors.skp_versi_list(skp)
    diff = None
    banding = request.GET.get("banding", "")
    if banding.isdigit():
        lain = next((v for v in versi if v.pk == int(banding)), None)
        if lain is not None:
            lama, baru = sorted([lain, skp], key=lambda s: s.versi)
            diff = {"lama": lama, "baru": baru, "rows": selectors.skp_diff(lama, baru)}
    rows = selectors.rhk_untuk_skp(skp)
    selectors.realisasi_ikm_pasang(skp, rows)
    penilai = _adalah_penilai(request, skp)
    return render(
        request,
        "skp/detail.html",
        {
            "skp": skp,
            "bagian_rhk": [
                (_("RHK utama"), [r for r in rows if r.jenis == "utama"]),
                (_("RHK tambahan"), [r for r in rows if r.jenis == "tambahan"]),
            ],
            "ekspektasi": selectors.ekspektasi_untuk_skp(skp),
            "riwayat": skp.riwayat_set.select_related("oleh"),
            "versi_list": versi,
            "diff": diff,
            "pemilik": skp.pegawai_id == request.user.pk,
            "penilai": penilai and skp.status == StatusSkp.DIAJUKAN,
            "boleh_ekspektasi": penilai and skp.aktif and skp.status != StatusSkp.DISETUJUI,
            "form_kembalikan": KembalikanForm(),
            "StatusSkp": StatusSkp,
        },
    )


def _adalah_penilai(request: HttpRequest, skp: Skp) -> bool:
    """Is the user the pegawai's current pejabat penilai (Plt/Plh honoured)?"""
    penilai = services.penilai_sekarang(skp.pegawai)
    return penilai is not None and penilai.pk == request.user.pk


# --- approval ------------------------------------------------------------------------------


@akses(ATASAN)
def persetujuan(request: HttpRequest) -> HttpResponse:
    return render(
        request, "skp/persetujuan.html", {"antrian": selectors.antrian_persetujuan(request.user)}
    )


def _proses(request: HttpRequest, pk: int, fn: Callable[[Skp], object], ok: str) -> HttpResponse:
    skp = selectors.skp_get_for_user(user=request.user, pk=pk)
    try:
        fn(skp)
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
        return redirect("skp_detail", pk=skp.pk)
    messages.success(request, ok)
    return redirect("skp_persetujuan")


@require_POST
@akses(ATASAN)
def skp_setujui(request: HttpRequest, pk: int) -> HttpResponse:
    return _proses(
        request,
        pk,
        lambda skp: services.skp_approve(skp=skp, oleh=_saya(request)),
        _("SKP disetujui."),
    )


@require_POST
@akses(ATASAN)
def skp_kembalikan(request: HttpRequest, pk: int) -> HttpResponse:
    return _proses(
        request,
        pk,
        lambda skp: services.skp_return(
            skp=skp,
            oleh=_saya(request),
            catatan=request.POST.get("catatan", ""),
        ),
        _("SKP dikembalikan dengan catatan."),
    )


@akses(ATASAN)
def skp_ekspektasi(request: HttpRequest, pk: int) -> HttpResponse:
    skp = selectors.skp_get_for_user(user=request.user, pk=pk)
    if request.method == "POST":
        data = {
            p.pk: request.POST.get(f"perilaku-{p.pk}", "")
            for p in PerilakuKerja.objects.filter(aktif=True)
        }
        try:
            services.skp_set_ekspektasi(skp=skp, oleh=_saya(request), ekspektasi=data)
        except ValidationError as exc:
            messages.error(request, _pesan(exc))
        else:
            messages.success(request, _("Ekspektasi khusus pimpinan disimpan."))
            return redirect("skp_detail", pk=skp.pk)
    elif not _adalah_penilai(request, skp):
        raise PermissionDenied
    return render(
        request,
        "skp/ekspektasi.html",
        {"skp": skp, "ekspektasi": selectors.ekspektasi_untuk_skp(skp)},
    )


@akses(ATASAN)
def rhk_bagikan(request: HttpRequest) -> HttpResponse:
    """Give one RHK with an indikator to many bawahan at once."""
    user: Pegawai = request.user  # type: ignore[assignment]
    periode = selectors.periode_berjalan(user.instansi_id or 0)
    milik = selectors.skp_milik(user=user, periode=periode) if periode else None
    rhk_pilihan = selectors.rhk_untuk_skp(milik) if milik else []
    bawahan = list(selectors.bawahan_untuk_penugasan(user))
    form = BagikanForm(request.POST or None, rhk_pilihan=rhk_pilihan, bawahan=bawahan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        by_id = {p.pk: p for p in bawahan}
        try:
            hasil = services.rhk_assign_bulk(
                oleh=user,
                rhk_atasan=next(r for r in rhk_pilihan if r.pk == data["rhk_atasan"]),
                bawahan=[by_id[i] for i in data["bawahan"]],
                teks=data["teks"],
                jenis=data["jenis"],
                indikator=[
                    {
                        "aspek": data["aspek"],
                        "teks": data["indikator"],
                        "target_angka": data["target_angka"],
                        "target_satuan": data["target_satuan"],
                        "target_teks": data["target_teks"],
                    }
                ],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("RHK ditambahkan ke %(n)s bawahan (%(baru)s draf baru, %(lewat)s dilewati).")
                % {
                    "n": len(hasil.ditambahkan),
                    "baru": len(hasil.draf_baru),
                    "lewat": len(hasil.dilewati),
                },
            )
            return redirect("skp_rhk_bagikan")
    return render(request, "skp/bagikan.html", {"form": form, "milik": milik, "periode": periode})


# --- periode (admin BKPSDMD) ---------------------------------------------------------------


@akses(Peran.ADMIN_BKPSDMD)
def periode_list(request: HttpRequest) -> HttpResponse:
    form = PeriodeForm(request.POST or None)
    instansi = _saya(request).instansi
    if request.method == "POST" and form.is_valid() and instansi is not None:
        try:
            services.periode_create(oleh=_saya(request), instansi=instansi, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Periode kinerja dibuat."))
            return redirect("skp_periode_list")
    return render(
        request,
        "skp/periode.html",
        {"form": form, "periode_list": selectors.periode_list_for_user(request.user)},
    )


@akses(Peran.ADMIN_BKPSDMD)
def periode_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    periode = selectors.periode_get_for_user(user=request.user, pk=pk)
    initial = {f: getattr(periode, f) for f in PeriodeForm.base_fields}
    form = PeriodeForm(request.POST or None, initial=initial)
    form.fields["tahun"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("tahun", None)
        try:
            services.periode_update(oleh=_saya(request), periode=periode, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Periode kinerja disimpan."))
            return redirect("skp_periode_list")
    return render(request, "skp/periode_ubah.html", {"form": form, "periode": periode})


# --- Perjanjian Kinerja (operator/pimpinan OPD, admin BKPSDMD) -----------------------------


@akses(Peran.OPERATOR_OPD, Peran.PIMPINAN_OPD, Peran.ADMIN_BKPSDMD)
def perjanjian_list(request: HttpRequest) -> HttpResponse:
    user: Pegawai = request.user  # type: ignore[assignment]
    periode = selectors.periode_berjalan(user.instansi_id or 0)
    opd_list = list(selectors.opd_kelola_for_user(user))
    if request.method == "POST" and periode is not None:
        unit_id = request.POST.get("unit", "")
        unit = next((u for u in opd_list if str(u.pk) == unit_id), None)
        if unit is None:
            raise Http404
        try:
            pk = services.perjanjian_create(oleh=user, periode=periode, unit=unit)
        except ValidationError as exc:
            messages.error(request, _pesan(exc))
        else:
            return redirect("skp_perjanjian_detail", pk=pk.pk)
    daftar = (
        selectors.perjanjian_list_for_user(user)
        .filter(unit_id__in=[u.pk for u in opd_list])
        .order_by("-periode__tahun", "unit__nama")
    )
    return render(
        request,
        "skp/perjanjian.html",
        {"periode": periode, "opd_list": opd_list, "daftar": daftar},
    )


@akses(Peran.OPERATOR_OPD, Peran.PIMPINAN_OPD, Peran.ADMIN_BKPSDMD)
def perjanjian_detail(request: HttpRequest, pk: int) -> HttpResponse:
    perjanjian = selectors.perjanjian_get_for_user(user=request.user, pk=pk)
    forms: dict[str, Any] = {"sasaran": SasaranForm(), "indikator": IndikatorPKForm()}
    if request.method == "POST":
        try:
            if _pk_aksi(request, perjanjian, forms):
                return redirect("skp_perjanjian_detail", pk=pk)
        except ValidationError as exc:
            messages.error(request, _pesan(exc))
    return render(
        request,
        "skp/perjanjian_detail.html",
        {
            "perjanjian": perjanjian,
            "form_sasaran": forms["sasaran"],
            "form_indikator": forms["indikator"],
            "boleh_ubah": _boleh_kelola(request, perjanjian.unit_id),
        },
    )


def _id_kiriman(request: HttpRequest, name: str = "id") -> int:
    value = request.POST.get(name, "")
    if not value.isdigit():
        raise Http404
    return int(value)


def _pk_aksi(request: HttpRequest, perjanjian: PerjanjianKinerja, forms: dict[str, Any]) -> bool:
    """One change to a Perjanjian Kinerja (`aksi` field); True when done. Bound forms with errors
    are left in `forms` for the page."""
    aksi, oleh = request.POST.get("aksi", ""), _saya(request)
    if aksi == "sasaran":
        forms["sasaran"] = form_s = SasaranForm(request.POST)
        if not form_s.is_valid():
            return False
        services.sasaran_pk_add(
            oleh=oleh, perjanjian=perjanjian, sasaran=form_s.cleaned_data["sasaran"]
        )
    elif aksi == "indikator":
        forms["indikator"] = form_i = IndikatorPKForm(request.POST)
        if not form_i.is_valid():
            return False
        data = dict(form_i.cleaned_data)
        sasaran = get_object_or_404(perjanjian.sasaran_set, pk=data.pop("sasaran_id"))
        services.indikator_pk_add(oleh=oleh, sasaran=sasaran, **data)
    elif aksi == "hapus_sasaran":
        sasaran = get_object_or_404(perjanjian.sasaran_set, pk=_id_kiriman(request))
        services.sasaran_pk_delete(oleh=oleh, sasaran=sasaran)
    elif aksi == "hapus_indikator":
        ind = get_object_or_404(
            IndikatorPK, sasaran__perjanjian=perjanjian, pk=_id_kiriman(request)
        )
        services.indikator_pk_delete(oleh=oleh, indikator=ind)
    else:
        return False
    return True


def _boleh_kelola(request: HttpRequest, opd_id: int) -> bool:
    profil = akses_pengguna(request.user)
    return profil is not None and (profil.admin or opd_id in profil.opd_kelola_ids)
