"""Project monitoring pages: portfolio (OPD and city), detail with S-curve, progress, kendala."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import LOGIN, akses
from kinerja.organisasi.models import Pegawai, Peran, UnitKerja
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.skp.models import IndikatorPK, Rhk

from . import grafik, selectors, services
from .forms import (
    AnggotaForm,
    BatasWaktuForm,
    EskalasiForm,
    KendalaForm,
    MilestoneSelesaiForm,
    ProgresForm,
    ProyekForm,
    RencanaForm,
    TahapanFormSet,
    TugaskanForm,
    bulan_antara,
    terapkan_galat,
)
from .models import (
    AnggotaProyek,
    BuktiProyek,
    Kendala,
    Milestone,
    Peringatan,
    StatusProyek,
    TingkatKendala,
)

PENGELOLA = (Peran.PIMPINAN_OPD, Peran.OPERATOR_OPD, Peran.ADMIN_BKPSDMD)
PEMANTAU = (*PENGELOLA, Peran.PIMPINAN_DAERAH, Peran.INSPEKTORAT)
KOTA = (Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH, Peran.INSPEKTORAT)


def _saya(request: HttpRequest) -> Pegawai:
    return cast(Pegawai, request.user)


def _url(nama: str, pk: int, jangkar: str = "") -> str:
    return reverse(nama, args=[pk]) + jangkar


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _lanjut(request: HttpRequest, bawaan: str) -> str:
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        return nxt
    return bawaan


# --- dashboards ----------------------------------------------------------------------------------


@akses(*PEMANTAU)
def proyek_portfolio(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    saringan = selectors.Saringan.dari(request.GET)
    data = selectors.portfolio(user, saringan, request.GET.get("page") or 1)
    akses_ = akses_pengguna(user)
    assert akses_ is not None
    tindakan = selectors.kendala_tindakan(user, opd=saringan.opd, batas=10)
    opd = None
    if saringan.opd:
        opd = UnitKerja.objects.filter(pk=saringan.opd, instansi_id=akses_.instansi_id).first()
    return render(
        request,
        "proyek/portfolio.html",
        {
            "data": data,
            "page": data.halaman,
            "s": saringan,
            "kota": akses_.kota,
            "opd": opd,
            "urutan": list(selectors.URUTAN.items()),
            "status_pilihan": StatusProyek.choices,
            "peringatan_pilihan": Peringatan.choices,
            "tingkat_pilihan": TingkatKendala.choices[::-1],
            "tindakan": tindakan,
            "label_peringatan": {k: str(v) for k, v in Peringatan.choices},
            "label_status": {k: str(v) for k, v in StatusProyek.choices},
            "boleh_membuat": selectors.boleh_membuat(user),
            "hari_ini": timezone.localdate(),
        },
    )


@akses(*KOTA)
def proyek_kota(request: HttpRequest) -> HttpResponse:
    tahun_raw = request.GET.get("tahun", "")
    tahun = int(tahun_raw) if tahun_raw.isdigit() else None
    data = selectors.ringkasan_kota(_saya(request), tahun)
    return render(request, "proyek/kota.html", {"data": data, "tahun": tahun})


@akses(LOGIN)
def proyek_saya(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    return render(
        request,
        "proyek/saya.html",
        {
            "proyek_list": selectors.proyek_saya(user),
            "kendala_list": selectors.kendala_saya(user),
            "boleh_membuat": selectors.boleh_membuat(user),
        },
    )


# --- create / edit -------------------------------------------------------------------------------


def _form_proyek(
    opd: UnitKerja, data: Any = None, initial: Any = None, hanya: set[str] | None = None
) -> ProyekForm:
    tahun = timezone.localdate().year
    indikator = IndikatorPK.objects.filter(sasaran__perjanjian__unit_id=opd.pk).order_by(
        "-sasaran__perjanjian__periode__tahun", "urutan", "pk"
    )
    rhk = (
        Rhk.objects.filter(skp__unit__path__startswith=opd.path, skp__aktif=True)
        .filter(skp__periode__tahun__gte=tahun - 1)
        .filter(skp__jabatan_jenis__in=["jpt", "administrator", "pengawas"])
        .order_by("skp__pegawai_nama", "urutan", "pk")
    )
    return ProyekForm(
        data,
        initial=initial,
        opd=opd,
        pegawai=selectors.pegawai_opd(opd.pk),
        indikator=indikator,
        rhk=rhk,
        hanya=hanya,
    )


@akses(*PENGELOLA)
def proyek_tambah(request: HttpRequest) -> HttpResponse:
    user = _saya(request)
    pilihan = list(selectors.opd_kelola(user))
    opd_id = request.GET.get("opd") or request.POST.get("opd") or ""
    opd = next((o for o in pilihan if str(o.pk) == opd_id), None)
    if opd is None and len(pilihan) == 1:
        opd = pilihan[0]
    if opd is None:
        return render(request, "proyek/pilih_opd.html", {"pilihan": pilihan})
    hari_ini = timezone.localdate()
    form = _form_proyek(
        opd,
        request.POST or None,
        initial={"tahun_anggaran": hari_ini.year, "status": StatusProyek.PERENCANAAN},
    )
    if request.method == "POST" and form.is_valid():
        try:
            proyek = services.proyek_buat(oleh=user, opd=opd, **form.cleaned_data)
        except ValidationError as exc:
            terapkan_galat(form, exc)
        else:
            messages.success(request, _("Proyek dibuat. Lengkapi rencana kurva S dan tahapannya."))
            return redirect("proyek_rencana", pk=proyek.pk)
    return render(
        request,
        "proyek/ubah.html",
        {"form": form, "opd": opd, "proyek": None},
        status=422 if form.is_bound and form.errors else 200,
    )


@akses(LOGIN)
def proyek_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    proyek = selectors.proyek_get_for_user(user=user, pk=pk)
    hak = proyek.hak  # type: ignore[attr-defined]
    if not (hak.kelola or hak.pptk):
        raise PermissionDenied
    hanya = None if hak.kelola else services.FIELD_PPTK
    form = _form_proyek(
        proyek.opd, request.POST or None, initial=ProyekForm.awal(proyek), hanya=hanya
    )
    if request.method == "POST" and form.is_valid():
        try:
            revisi = int(request.POST.get("revisi", "-1"))
        except ValueError:
            revisi = -1
        perubahan = {k: v for k, v in form.cleaned_data.items() if getattr(proyek, k) != v}
        try:
            services.proyek_ubah(proyek=proyek, oleh=user, revisi=revisi, **perubahan)
        except ValidationError as exc:
            terapkan_galat(form, exc)
        else:
            messages.success(request, _("Perubahan proyek disimpan."))
            return redirect("proyek_detail", pk=proyek.pk)
    return render(
        request,
        "proyek/ubah.html",
        {"form": form, "opd": proyek.opd, "proyek": proyek},
        status=422 if form.is_bound and form.errors else 200,
    )


@akses(LOGIN)
def proyek_rencana(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    proyek = selectors.proyek_get_for_user(user=user, pk=pk)
    if not proyek.hak.ubah_rencana:  # type: ignore[attr-defined]
        raise PermissionDenied
    rencana = selectors.rencana_proyek(proyek)
    bulan = sorted({r.bulan for r in rencana})
    if proyek.mulai and proyek.selesai:
        bulan = sorted(set(bulan) | set(bulan_antara(proyek.mulai, proyek.selesai)))
    awal = {f"fisik_{r.bulan:%Y_%m}": r.fisik for r in rencana}
    awal |= {f"keuangan_{r.bulan:%Y_%m}": r.keuangan for r in rencana}
    form = RencanaForm(request.POST or None, initial=awal, bulan=bulan)
    if request.method == "POST" and form.is_valid():
        baris = [services.BarisRencana(b, f, k) for b, f, k in form.nilai()]
        try:
            services.rencana_simpan(proyek=proyek, oleh=user, baris=baris)
        except ValidationError as exc:
            terapkan_galat(form, exc)
        else:
            messages.success(request, _("Rencana kurva S disimpan."))
            return redirect("proyek_detail", pk=proyek.pk)
    return render(
        request,
        "proyek/rencana.html",
        {"form": form, "proyek": proyek},
        status=422 if form.is_bound and form.errors else 200,
    )


@akses(LOGIN)
def proyek_tahapan(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    proyek = selectors.proyek_get_for_user(user=user, pk=pk)
    if not proyek.hak.ubah_rencana:  # type: ignore[attr-defined]
        raise PermissionDenied
    awal = [
        {
            "pk": m.pk,
            "nama": m.nama,
            "bobot": m.bobot,
            "jatuh_tempo": m.jatuh_tempo,
            "deliverable": m.deliverable,
        }
        for m in selectors.milestone_proyek(proyek)
    ]
    formset = TahapanFormSet(request.POST or None, initial=awal, prefix="t")
    galat: list[str] = []
    if request.method == "POST" and formset.is_valid():
        baris = [
            services.BarisTahapan(
                nama=f.cleaned_data["nama"],
                jatuh_tempo=f.cleaned_data["jatuh_tempo"],
                bobot=f.cleaned_data.get("bobot"),
                deliverable=f.cleaned_data.get("deliverable") or "",
                pk=f.cleaned_data.get("pk"),
            )
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        try:
            services.milestone_simpan_semua(proyek=proyek, oleh=user, baris=baris)
        except ValidationError as exc:
            galat = exc.messages
        else:
            messages.success(request, _("Tahapan disimpan."))
            return redirect("proyek_detail", pk=proyek.pk)
    gagal = bool(galat) or (formset.is_bound and not formset.is_valid())
    return render(
        request,
        "proyek/tahapan.html",
        {"formset": formset, "proyek": proyek, "galat": galat},
        status=422 if gagal else 200,
    )


@require_POST
@akses(LOGIN)
def proyek_tahapan_selesai(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    milestone = Milestone.objects.filter(pk=pk).first()
    if milestone is None:
        raise Http404
    proyek = selectors.proyek_get_for_user(user=user, pk=milestone.proyek_id)
    milestone.proyek = proyek
    form = MilestoneSelesaiForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.milestone_selesai(
                milestone=milestone,
                oleh=user,
                tanggal=form.cleaned_data["tanggal"],
                bukti=form.cleaned_data.get("bukti"),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Tahapan ditandai selesai."))
    else:
        messages.error(request, _("Tanggal selesai tidak valid."))
    return redirect(_lanjut(request, _url("proyek_detail", proyek.pk, "#tahapan")))


@require_POST
@akses(LOGIN)
def proyek_anggota_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    proyek = selectors.proyek_get_for_user(user=user, pk=pk)
    if not proyek.hak.ubah_rencana:  # type: ignore[attr-defined]
        raise PermissionDenied
    form = AnggotaForm(request.POST, pegawai=selectors.pegawai_opd(proyek.opd_id))
    if form.is_valid():
        try:
            services.anggota_tambah(proyek=proyek, oleh=user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Anggota tim ditambahkan."))
    else:
        messages.error(request, _("Pilih pegawai dan perannya."))
    return redirect(_url("proyek_detail", proyek.pk, "#tim"))


@require_POST
@akses(LOGIN)
def proyek_anggota_keluarkan(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    anggota = AnggotaProyek.objects.filter(pk=pk).first()
    if anggota is None:
        raise Http404
    anggota.proyek = selectors.proyek_get_for_user(user=user, pk=anggota.proyek_id)
    try:
        services.anggota_keluarkan(anggota=anggota, oleh=user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Anggota dikeluarkan dari tim."))
    return redirect(_url("proyek_detail", anggota.proyek_id, "#tim"))


# --- detail --------------------------------------------------------------------------------------


@akses(LOGIN)
def proyek_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    proyek = selectors.proyek_get_for_user(user=user, pk=pk)
    hari_ini = timezone.localdate()
    rencana = selectors.rencana_proyek(proyek)
    progres = selectors.progres_proyek(proyek)
    anggota = selectors.anggota_proyek(proyek)
    hak = proyek.hak  # type: ignore[attr-defined]
    return render(
        request,
        "proyek/detail.html",
        {
            "proyek": proyek,
            "hak": hak,
            "kurva": grafik.kurva_s(proyek, rencana, progres, hari_ini),
            "rencana": rencana,
            "tahapan": selectors.milestone_proyek(proyek),
            "progres": progres,
            "kendala": selectors.kendala_proyek(proyek),
            "anggota": anggota,
            "anggota_form": AnggotaForm(pegawai=selectors.pegawai_opd(proyek.opd_id))
            if hak.ubah_rencana
            else None,
            "selesai_form": MilestoneSelesaiForm(),
            "hari_ini": hari_ini,
            "serapan": (proyek.keuangan_realisasi * 100 / proyek.pagu) if proyek.pagu else None,
            "serapan_rencana": (proyek.keuangan_rencana * 100 / proyek.pagu)
            if proyek.pagu
            else None,
        },
    )


@akses(LOGIN)
def proyek_bukti(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence file, to those who see its project only."""
    bukti = BuktiProyek.objects.filter(pk=pk).select_related("progres").first()
    if bukti is None:
        raise Http404
    selectors.proyek_get_for_user(user=_saya(request), pk=bukti.progres.proyek_id)
    try:
        berkas = bukti.berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        berkas, as_attachment=bukti.jenis not in ("jpg", "png", "pdf"), filename=bukti.nama_asli
    )


@akses(LOGIN)
def proyek_tahapan_bukti(request: HttpRequest, pk: int) -> FileResponse:
    milestone = Milestone.objects.filter(pk=pk).first()
    if milestone is None or not milestone.bukti:
        raise Http404
    selectors.proyek_get_for_user(user=_saya(request), pk=milestone.proyek_id)
    try:
        berkas = milestone.bukti.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(berkas, filename=milestone.bukti_nama or "bukti")


# --- progress ------------------------------------------------------------------------------------


@akses(LOGIN)
def proyek_progres(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    proyek = selectors.proyek_get_for_user(user=user, pk=pk)
    if not proyek.hak.lapor:  # type: ignore[attr-defined]
        raise PermissionDenied
    form = ProgresForm(
        request.POST or None,
        request.FILES or None,
        initial={"fisik": proyek.fisik_realisasi, "keuangan": proyek.keuangan_realisasi},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.progres_lapor(
                proyek=proyek,
                oleh=user,
                tanggal=data["tanggal"],
                fisik=data["fisik"],
                keuangan=data["keuangan"],
                narasi=data.get("narasi") or "",
                alasan_koreksi=data.get("alasan_koreksi") or "",
                berkas=data.get("berkas") or [],
            )
        except ValidationError as exc:
            terapkan_galat(form, exc)
        else:
            messages.success(request, _("Progres dilaporkan."))
            return redirect("proyek_detail", pk=proyek.pk)
    return render(
        request,
        "proyek/progres.html",
        {"form": form, "proyek": proyek},
        status=422 if form.is_bound and form.errors else 200,
    )


# --- kendala -------------------------------------------------------------------------------------


@akses(LOGIN)
def proyek_kendala_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    user = _saya(request)
    proyek = selectors.proyek_get_for_user(user=user, pk=pk)
    if not proyek.hak.ajukan_kendala:  # type: ignore[attr-defined]
        raise PermissionDenied
    form = KendalaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            kendala = services.kendala_ajukan(proyek=proyek, oleh=user, **form.cleaned_data)
        except ValidationError as exc:
            terapkan_galat(form, exc)
        else:
            messages.success(request, _("Kendala dicatat."))
            return redirect("proyek_kendala_detail", pk=kendala.pk)
    return render(
        request,
        "proyek/kendala_tambah.html",
        {"form": form, "proyek": proyek},
        status=422 if form.is_bound and form.errors else 200,
    )


def _ambil_kendala(request: HttpRequest, pk: int) -> Kendala:
    return selectors.kendala_siap(user=_saya(request), pk=pk)


@akses(LOGIN)
def proyek_kendala_detail(request: HttpRequest, pk: int) -> HttpResponse:
    kendala = _ambil_kendala(request, pk)
    return render(
        request,
        "proyek/kendala_detail.html",
        {
            "k": kendala,
            "komentar": selectors.komentar_kendala(kendala),
            "hari_ini": timezone.localdate(),
        },
    )


def _setelah_aksi(
    request: HttpRequest, kendala: Kendala, pesan: str, galat: ValidationError | None = None
) -> HttpResponse:
    """htmx: re-render the kendala's action panel in place; otherwise back where we came from."""
    if _htmx(request):
        kendala = _ambil_kendala(request, kendala.pk)
        ringkas = request.POST.get("ringkas") == "1"
        konteks = {
            "k": kendala,
            "komentar": None if ringkas else selectors.komentar_kendala(kendala),
            "pesan": None if galat else pesan,
            "galat": " ".join(galat.messages) if galat else None,
            "ringkas": ringkas,
            "hari_ini": timezone.localdate(),
        }
        return render(request, "proyek/_kendala_aksi.html", konteks)
    if galat:
        messages.error(request, " ".join(galat.messages))
    else:
        messages.success(request, pesan)
    return redirect(_lanjut(request, _url("proyek_kendala_detail", kendala.pk)))


def _tanggal(nilai: str) -> Any:
    form = BatasWaktuForm({"batas_waktu": nilai})
    return form.cleaned_data["batas_waktu"] if form.is_valid() else None


@require_POST
@akses(LOGIN)
def proyek_kendala_tugaskan(request: HttpRequest, pk: int) -> HttpResponse:
    kendala = _ambil_kendala(request, pk)
    form = TugaskanForm(request.POST, tim=selectors.tim_pegawai(kendala.proyek_id))
    if not form.is_valid():
        return _setelah_aksi(
            request, kendala, "", ValidationError(_("Pilih penanggung jawab dari anggota tim."))
        )
    try:
        services.kendala_tugaskan(
            kendala=kendala,
            oleh=_saya(request),
            penanggung_jawab=form.cleaned_data["penanggung_jawab"],
            batas_waktu=form.cleaned_data.get("batas_waktu"),
        )
    except ValidationError as exc:
        return _setelah_aksi(request, kendala, "", exc)
    return _setelah_aksi(request, kendala, _("Penanggung jawab ditetapkan."))


@require_POST
@akses(LOGIN)
def proyek_kendala_batas(request: HttpRequest, pk: int) -> HttpResponse:
    kendala = _ambil_kendala(request, pk)
    batas = _tanggal(request.POST.get("batas_waktu", ""))
    if batas is None:
        return _setelah_aksi(request, kendala, "", ValidationError(_("Isi tanggal batas waktu.")))
    try:
        services.kendala_batas_waktu(kendala=kendala, oleh=_saya(request), batas_waktu=batas)
    except ValidationError as exc:
        return _setelah_aksi(request, kendala, "", exc)
    return _setelah_aksi(request, kendala, _("Batas waktu ditetapkan."))


@require_POST
@akses(LOGIN)
def proyek_kendala_eskalasi(request: HttpRequest, pk: int) -> HttpResponse:
    kendala = _ambil_kendala(request, pk)
    form = EskalasiForm(request.POST)
    if not form.is_valid():
        return _setelah_aksi(request, kendala, "", ValidationError(_("Pilih tujuan eskalasi.")))
    try:
        services.kendala_eskalasi(kendala=kendala, oleh=_saya(request), ke=form.cleaned_data["ke"])
    except ValidationError as exc:
        return _setelah_aksi(request, kendala, "", exc)
    return _setelah_aksi(request, kendala, _("Kendala dieskalasi."))


@require_POST
@akses(LOGIN)
def proyek_kendala_komentar(request: HttpRequest, pk: int) -> HttpResponse:
    kendala = _ambil_kendala(request, pk)
    try:
        services.kendala_komentar(
            kendala=kendala, oleh=_saya(request), isi=request.POST.get("isi", "")
        )
    except ValidationError as exc:
        return _setelah_aksi(request, kendala, "", exc)
    return _setelah_aksi(request, kendala, _("Komentar terkirim."))


@require_POST
@akses(LOGIN)
def proyek_kendala_selesai(request: HttpRequest, pk: int) -> HttpResponse:
    kendala = _ambil_kendala(request, pk)
    try:
        services.kendala_selesaikan(
            kendala=kendala, oleh=_saya(request), resolusi=request.POST.get("resolusi", "")
        )
    except ValidationError as exc:
        return _setelah_aksi(request, kendala, "", exc)
    return _setelah_aksi(request, kendala, _("Kendala diselesaikan."))
