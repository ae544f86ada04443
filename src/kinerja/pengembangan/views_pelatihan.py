"""Pages of the "pelatihan" part: catalogue, enrolment and approval, completion with a
certificate, external training and its verification. Thin: reads in selectors_pelatihan, writes
in services_pelatihan; a service's ValidationError goes next to the form field, or into a message
for the one-button POST actions (never a 500)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import ATASAN, LOGIN, akses
from kinerja.common.formulir import galat_ke_form
from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Pegawai, Peran
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.pengembangan import selectors_pelatihan as sel
from kinerja.pengembangan import services_pelatihan as svc
from kinerja.pengembangan.forms_pelatihan import (
    DaftarForm,
    EksternalForm,
    KoreksiForm,
    PelatihanForm,
    PutusForm,
    SelesaiForm,
    TugaskanForm,
    VerifikasiForm,
)
from kinerja.pengembangan.models import (
    STATUS_PENDAFTARAN_HIDUP,
    BentukPelatihan,
    BidangKompetensi,
    StatusPendaftaran,
    StatusVerifikasi,
)
from kinerja.pengembangan.selectors_rekap import pilihan_tahun, tahun_dari

PER_HALAMAN = 20


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _admin(request: HttpRequest) -> bool:
    profil = akses_pengguna(request.user)
    return profil is not None and profil.admin


def _pesan_galat(request: HttpRequest, exc: ValidationError) -> None:
    messages.error(request, " ".join(str(m) for m in exc.messages))


def _kembali(request: HttpRequest, bawaan: str, *args: Any) -> HttpResponse:
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        return redirect(nxt)
    return redirect(bawaan, *args)


# --- catalogue ------------------------------------------------------------------------------


@akses(LOGIN)
def katalog(request: HttpRequest) -> HttpResponse:
    saring = sel.SaringKatalog.dari(request.GET)
    page = Paginator(sel.katalog(request.user, saring), PER_HALAMAN).get_page(
        request.GET.get("page")
    )
    for p in page:
        p.sisa = sel.sisa_tempat(p)  # type: ignore[attr-defined]
    return render(
        request,
        "pengembangan/pelatihan_katalog.html",
        {
            "page": page,
            "saring": saring,
            "pilihan_bidang": BidangKompetensi.choices,
            "pilihan_bentuk": BentukPelatihan.choices,
            "pilihan_topik": sel.pilihan_topik(),
            "admin": _admin(request),
        },
    )


@akses(LOGIN)
def pelatihan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    p = sel.pelatihan_get_for_user(user=request.user, pk=pk)
    saya = sel.pendaftaran_saya_untuk(_saya(request), p)
    hari_ini = timezone.localdate()
    sisa = sel.sisa_tempat(p)
    terbuka = p.aktif and (p.selesai is None or p.selesai >= hari_ini) and sisa != 0
    boleh_ajukan = terbuka and (saya is None or saya.status not in STATUS_PENDAFTARAN_HIDUP)
    return render(
        request,
        "pengembangan/pelatihan_detail.html",
        {
            "p": p,
            "sisa": sisa,
            "saya": saya,
            "boleh_ajukan": boleh_ajukan,
            "form": DaftarForm(),
            "admin": _admin(request),
        },
    )


def _form_pelatihan(request: HttpRequest, pelatihan: Any = None) -> HttpResponse:
    form = PelatihanForm(request.POST or None, pelatihan=pelatihan)
    if request.method == "POST" and form.is_valid():
        try:
            obj = svc.pelatihan_simpan(
                oleh=_saya(request), pelatihan=pelatihan, **form.cleaned_data
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, _("Pelatihan disimpan."))
            return redirect("pengembangan:pelatihan_detail", obj.pk)
    return render(
        request, "pengembangan/pelatihan_form.html", {"form": form, "pelatihan": pelatihan}
    )


@akses(Peran.ADMIN_BKPSDMD)
def pelatihan_tambah(request: HttpRequest) -> HttpResponse:
    return _form_pelatihan(request)


@akses(Peran.ADMIN_BKPSDMD)
def pelatihan_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_pelatihan(request, sel.pelatihan_get_for_user(user=request.user, pk=pk))


@akses(LOGIN)
@require_POST
def daftar(request: HttpRequest, pk: int) -> HttpResponse:
    """The pegawai requests a catalogue item (also posted by the recommendation page with the
    reason in `alasan`)."""
    p = sel.pelatihan_get_for_user(user=request.user, pk=pk)
    alasan = (request.POST.get("alasan") or "")[:2000]
    try:
        svc.pendaftaran_ajukan(pegawai=_saya(request), pelatihan=p, alasan=alasan)
    except ValidationError as exc:
        _pesan_galat(request, exc)
        return redirect("pengembangan:pelatihan_detail", p.pk)
    messages.success(
        request,
        _("Permintaan pelatihan %(judul)s dikirim ke atasan Anda untuk disetujui.")
        % {"judul": p.judul},
    )
    return redirect("pengembangan:saya")


# --- my training ----------------------------------------------------------------------------


@akses(LOGIN)
def saya(request: HttpRequest) -> HttpResponse:
    tahun = tahun_dari(request.GET.get("tahun"))
    data = sel.pelatihan_saya(_saya(request), tahun)
    return render(
        request,
        "pengembangan/pelatihan_saya.html",
        {
            "data": data,
            "pilihan_tahun": pilihan_tahun(),
            "status": StatusPendaftaran,
            "status_verifikasi": StatusVerifikasi,
        },
    )


@akses(LOGIN)
def pendaftaran_detail(request: HttpRequest, pk: int) -> HttpResponse:
    d = sel.pendaftaran_get_for_user(user=request.user, pk=pk)
    user = _saya(request)
    boleh_putus = False
    if d.status == StatusPendaftaran.DIAJUKAN and user.pk != d.pegawai_id:
        atasan = hierarki.atasan_langsung(d.pegawai, timezone.localdate())
        boleh_putus = atasan is not None and atasan.pk == user.pk
    return render(
        request,
        "pengembangan/pelatihan_pendaftaran_detail.html",
        {
            "d": d,
            "milik": user.pk == d.pegawai_id,
            "boleh_putus": boleh_putus,
            "admin": _admin(request),
            "alasan_koreksi": sel.alasan_koreksi(d),
            "putus_form": PutusForm(),
            "koreksi_form": KoreksiForm(),
        },
    )


@akses(ATASAN)
def persetujuan(request: HttpRequest) -> HttpResponse:
    antrean = list(sel.antrean_persetujuan(_saya(request)))
    return render(
        request,
        "pengembangan/pelatihan_persetujuan.html",
        {"antrean": antrean, "putus_form": PutusForm()},
    )


@akses(LOGIN)
@require_POST
def pendaftaran_putus(request: HttpRequest, pk: int) -> HttpResponse:
    d = sel.pendaftaran_get_for_user(user=request.user, pk=pk)
    setuju = request.POST.get("setuju") == "1"
    galat = ""
    try:
        d = svc.pendaftaran_putus(
            oleh=_saya(request),
            pendaftaran=d,
            setuju=setuju,
            catatan=(request.POST.get("catatan") or "")[:2000],
        )
    except ValidationError as exc:
        galat = " ".join(str(m) for m in exc.messages)
    if getattr(request, "htmx", False):
        return render(
            request,
            "pengembangan/pelatihan_persetujuan_baris.html",
            {"d": d, "galat": galat, "putus_form": PutusForm()},
        )
    if galat:
        messages.error(request, galat)
    elif setuju:
        messages.success(request, _("Permintaan pelatihan disetujui."))
    else:
        messages.success(request, _("Permintaan pelatihan ditolak."))
    return _kembali(request, "pengembangan:pendaftaran_detail", d.pk)


@akses(LOGIN)
@require_POST
def pendaftaran_batal(request: HttpRequest, pk: int) -> HttpResponse:
    d = sel.pendaftaran_get_for_user(user=request.user, pk=pk)
    try:
        svc.pendaftaran_batal(pegawai=_saya(request), pendaftaran=d)
    except ValidationError as exc:
        _pesan_galat(request, exc)
    else:
        messages.success(request, _("Pendaftaran dibatalkan."))
    return _kembali(request, "pengembangan:pendaftaran_detail", d.pk)


@akses(LOGIN)
def pendaftaran_selesai(request: HttpRequest, pk: int) -> HttpResponse:
    d = sel.pendaftaran_get_for_user(user=request.user, pk=pk)
    if d.pegawai_id != request.user.pk:
        raise PermissionDenied
    form = SelesaiForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            svc.pendaftaran_selesaikan(
                oleh=_saya(request),
                pendaftaran=d,
                tanggal_selesai=form.cleaned_data["tanggal_selesai"],
                sertifikat=form.cleaned_data["sertifikat"],
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(
                request,
                _("Pelatihan selesai; %(jp)s JP dicatat.")
                % {"jp": floatformat(d.pelatihan.jp, -2)},
            )
            return redirect("pengembangan:saya")
    return render(request, "pengembangan/pelatihan_selesai.html", {"d": d, "form": form})


def _berkas(berkas: Any, nama: str) -> FileResponse:
    if not berkas:
        raise Http404
    try:
        isi = berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(isi, filename=nama or berkas.name.rsplit("/", 1)[-1])


@akses(LOGIN)
def sertifikat(request: HttpRequest, pk: int) -> FileResponse:
    d = sel.pendaftaran_get_for_user(user=request.user, pk=pk)
    return _berkas(d.sertifikat, d.sertifikat_nama)


@akses(Peran.ADMIN_BKPSDMD)
@require_POST
def pendaftaran_koreksi(request: HttpRequest, pk: int) -> HttpResponse:
    d = sel.pendaftaran_get_for_user(user=request.user, pk=pk)
    try:
        svc.pendaftaran_koreksi(
            admin=_saya(request), pendaftaran=d, alasan=request.POST.get("alasan") or ""
        )
    except ValidationError as exc:
        _pesan_galat(request, exc)
    else:
        messages.success(request, _("Penyelesaian dikoreksi; JP-nya dihapus dari catatan."))
    return redirect("pengembangan:pendaftaran_detail", d.pk)


@akses(ATASAN)
def tugaskan(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    form = TugaskanForm(
        request.POST or None,
        bawahan=sel.bawahan_pilihan(user),
        pelatihan_qs=sel.pelatihan_pilihan(),
        initial={"pelatihan": request.GET.get("pelatihan")},
    )
    if request.method == "POST" and form.is_valid():
        pegawai = Pegawai.objects.get(pk=form.cleaned_data["pegawai"])
        try:
            d = svc.pendaftaran_tugaskan(
                atasan=user,
                pegawai=pegawai,
                pelatihan=form.cleaned_data["pelatihan"],
                alasan=form.cleaned_data["alasan"],
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(
                request,
                _("%(nama)s ditugaskan mengikuti %(judul)s.")
                % {"nama": pegawai.nama_lengkap, "judul": d.pelatihan.judul},
            )
            return redirect("pengembangan:pendaftaran_detail", d.pk)
    return render(request, "pengembangan/pelatihan_tugaskan.html", {"form": form})


# --- external training ----------------------------------------------------------------------


@akses(LOGIN)
def eksternal_tambah(request: HttpRequest) -> HttpResponse:
    form = EksternalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            svc.eksternal_catat(pegawai=_saya(request), **form.cleaned_data)
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(
                request, _("Pelatihan eksternal dicatat; menunggu verifikasi BKPSDMD.")
            )
            return redirect("pengembangan:saya")
    return render(request, "pengembangan/pelatihan_eksternal_form.html", {"form": form})


@akses(Peran.ADMIN_BKPSDMD)
def eksternal_verifikasi_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", StatusVerifikasi.MENUNGGU)
    if status not in StatusVerifikasi.values and status != "semua":
        status = StatusVerifikasi.MENUNGGU
    page = Paginator(sel.antrean_verifikasi(request.user, status), PER_HALAMAN).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "pengembangan/pelatihan_eksternal_list.html",
        {
            "page": page,
            "status": status,
            "pilihan_status": StatusVerifikasi.choices,
            "form": VerifikasiForm(),
        },
    )


@akses(Peran.ADMIN_BKPSDMD)
@require_POST
def eksternal_verifikasi(request: HttpRequest, pk: int) -> HttpResponse:
    eks = sel.eksternal_get_for_user(user=request.user, pk=pk)
    setuju = request.POST.get("setuju") == "1"
    try:
        svc.eksternal_verifikasi(
            admin=_saya(request),
            eksternal=eks,
            setuju=setuju,
            catatan=(request.POST.get("catatan") or "")[:2000],
        )
    except ValidationError as exc:
        _pesan_galat(request, exc)
    else:
        messages.success(
            request,
            _("Pelatihan eksternal diverifikasi; JP dicatat.")
            if setuju
            else _("Pelatihan eksternal ditolak."),
        )
    return _kembali(request, "pengembangan:eksternal_verifikasi_list")


@akses(LOGIN)
def eksternal_sertifikat(request: HttpRequest, pk: int) -> FileResponse:
    eks = sel.eksternal_get_for_user(user=request.user, pk=pk)
    return _berkas(eks.sertifikat, eks.sertifikat_nama)
