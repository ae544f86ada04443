from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import LOGIN, PUBLIK, akses

from . import hierarki, selectors, services
from .forms import CariPegawaiForm, GantiPasswordForm, MasukForm
from .models import JenisPenugasan, Pegawai, Peran, UnitKerja

masuk = akses(PUBLIK)(
    auth_views.LoginView.as_view(authentication_form=MasukForm, redirect_authenticated_user=True)
)
keluar = akses(PUBLIK)(auth_views.LogoutView.as_view())
reset_password = akses(PUBLIK)(
    auth_views.PasswordResetView.as_view(
        email_template_name="registration/reset_email.txt",
        subject_template_name="registration/reset_subject.txt",
        success_url=reverse_lazy("reset_password_terkirim"),
    )
)
reset_password_terkirim = akses(PUBLIK)(auth_views.PasswordResetDoneView.as_view())
reset_password_konfirmasi = akses(PUBLIK)(
    auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("reset_password_selesai"))
)
reset_password_selesai = akses(PUBLIK)(auth_views.PasswordResetCompleteView.as_view())


@akses(LOGIN)
def ganti_password(request: HttpRequest) -> HttpResponse:
    form = GantiPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        services.pegawai_password_changed(pegawai=user)
        update_session_auth_hash(request, user)
        messages.success(request, _("Kata sandi berhasil diganti."))
        return redirect("beranda")
    return render(request, "registration/ganti_password.html", {"form": form})


def _pohon_rows(units: list[UnitKerja], *, buka: bool) -> tuple[list[dict[str, object]], range]:
    """Rows for a nested list rendered in one loop: how many open levels to close before each.

    A unit with children opens a level (`<li><details><ul>`); a leaf closes itself.
    """
    base = min((u.depth for u in units), default=0)
    rows: list[dict[str, object]] = []
    terbuka = 0  # open levels, at relative depths 0 .. terbuka-1
    for unit in units:
        depth = unit.depth - base
        rows.append({"unit": unit, "close": range(max(terbuka - depth, 0)), "buka": buka})
        terbuka = depth + 1 if unit.punya_anak else depth  # type: ignore[attr-defined]
    return rows, range(terbuka)


@akses(LOGIN)
def pohon_organisasi(request: HttpRequest) -> HttpResponse:
    """The unit tree. City-wide users get the OPDs, each loading its subtree when opened."""
    q = request.GET.get("q", "").strip()[:100]
    context: dict[str, object] = {"q": q, "unit_url": reverse("unit_detail", kwargs={"pk": 0})[:-2]}
    if q:
        context["hasil"] = selectors.unit_search(user=request.user, q=q)
        return render(request, "organisasi/pohon.html", context)
    akar_id = request.GET.get("akar", "")
    if akar_id.isdigit():
        akar = selectors.unit_get_for_user(user=request.user, pk=int(akar_id))
        units = selectors.unit_tree_for_user(request.user, akar=akar)
        context["rows"], context["tail_close"] = _pohon_rows(units, buka=False)
        return render(request, "organisasi/_pohon.html", context)
    roots = selectors.unit_tree_for_user(request.user, hanya_akar=True)
    if len(roots) > 1:
        context["roots"] = roots
    else:
        units = selectors.unit_tree_for_user(request.user)
        context["rows"], context["tail_close"] = _pohon_rows(units, buka=True)
    return render(request, "organisasi/pohon.html", context)


@akses(LOGIN)
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get_for_user(user=request.user, pk=pk)
    children = list(
        selectors.unit_list_for_user(request.user).filter(parent=unit).order_by("urutan", "nama")
    )
    jabatan = list(unit.jabatan_set.select_related("parent").order_by("-kepala", "nama"))
    penugasan = (
        unit.penugasan_set.aktif_pada(hierarki._hari_ini(None))
        .select_related("pegawai", "jabatan")
        .order_by("-jabatan__kepala", "jenis", "pegawai__nama", "pk")
    )
    page = Paginator(penugasan, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "organisasi/unit.html",
        {
            "unit": unit,
            "ancestors": selectors.unit_ancestors(unit),
            "children": children,
            "jabatan_list": jabatan,
            "page": page,
        },
    )


@akses(LOGIN)
def pegawai_cari(request: HttpRequest) -> HttpResponse:
    form = CariPegawaiForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(selectors.pegawai_search(user=request.user, q=q), 25).get_page(
        request.GET.get("page")
    )
    penugasan = selectors.penugasan_aktif_map([p.pk for p in page.object_list])
    for pegawai in page.object_list:
        pegawai.penugasan_aktif = penugasan.get(pegawai.pk)
    template = (
        "organisasi/_hasil_cari.html" if getattr(request, "htmx", False) else "organisasi/cari.html"
    )
    return render(request, template, {"form": form, "page": page, "q": q})


def _pegawai_context(request: HttpRequest, pegawai: Pegawai) -> dict[str, object]:
    return {
        "pegawai": pegawai,
        "penugasan_aktif": hierarki.penugasan_definitif(pegawai),
        "atasan": hierarki.atasan_langsung(pegawai),
        "atasan_penilai": hierarki.atasan_pejabat_penilai(pegawai),
        "riwayat": pegawai.penugasan_set.select_related("jabatan", "unit").order_by("-mulai"),
        "peran": pegawai.peran_set.select_related("unit").order_by("-mulai"),
        "JenisPenugasan": JenisPenugasan,
    }


@akses(LOGIN)
def pegawai_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pegawai = selectors.pegawai_get_for_user(user=request.user, pk=pk)
    return render(request, "organisasi/pegawai.html", _pegawai_context(request, pegawai))


@akses(LOGIN)
def profil(request: HttpRequest) -> HttpResponse:
    context = _pegawai_context(request, request.user)  # type: ignore[arg-type]
    context["profil_sendiri"] = True
    return render(request, "organisasi/pegawai.html", context)


@require_POST
@akses(Peran.ADMIN_BKPSDMD)
def pegawai_reset_password(request: HttpRequest, pk: int) -> HttpResponse:
    pegawai = selectors.pegawai_get_for_user(user=request.user, pk=pk)
    sementara = services.pegawai_reset_password(pegawai=pegawai, oleh=request.user)  # type: ignore[arg-type]
    messages.warning(
        request,
        _(
            "Kata sandi sementara untuk %(nama)s: %(pw)s — berikan secara langsung; "
            "wajib diganti saat masuk."
        )
        % {"nama": pegawai.nama_lengkap, "pw": sementara},
    )
    return redirect("pegawai_detail", pk=pegawai.pk)


AUDIT_MODELS = {
    "pegawai": ("Pegawai", "organisasi.Pegawai"),
    "penugasan": ("Penugasan", "organisasi.Penugasan"),
    "unit": ("Unit kerja", "organisasi.UnitKerja"),
    "jabatan": ("Jabatan", "organisasi.Jabatan"),
    "peran": ("Peran", "organisasi.PemberianPeran"),
}


@akses(Peran.ADMIN_BKPSDMD, Peran.INSPEKTORAT)
def audit(request: HttpRequest) -> HttpResponse:
    """Audit trail (django-simple-history) of organisation, assignment, role and pegawai changes."""
    from django.apps import apps

    jenis = request.GET.get("jenis", "pegawai")
    if jenis not in AUDIT_MODELS:
        jenis = "pegawai"
    model = apps.get_model(AUDIT_MODELS[jenis][1])
    records = model.history.select_related("history_user").order_by("-history_date", "-history_id")
    q = request.GET.get("q", "").strip()
    if q:
        records = records.filter(history_user__nip__startswith=q) if q.isdigit() else records
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    rows = []
    for record in page.object_list:
        changes = []
        previous = record.prev_record if record.history_type == "~" else None
        if previous is not None:
            delta = record.diff_against(previous)
            changes = [(c.field, c.old, c.new) for c in delta.changes]
        rows.append({"record": record, "changes": changes})
    return render(
        request,
        "organisasi/audit.html",
        {"page": page, "rows": rows, "jenis": jenis, "jenis_list": AUDIT_MODELS, "q": q},
    )


@akses(Peran.ADMIN_BKPSDMD)
def peran_list(request: HttpRequest) -> HttpResponse:
    """Role grants of the instansi; admin BKPSDMD grants and revokes them here."""
    from django.core.exceptions import ValidationError

    from .forms import BeriPeranForm

    profil = selectors.akses_pengguna(request.user)
    assert profil is not None
    form = BeriPeranForm(request.POST or None, instansi_id=profil.instansi_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.peran_grant(
                pegawai=form.cleaned_data["nip"],
                peran=form.cleaned_data["peran"],
                unit=form.cleaned_data["unit"],
                selesai=form.cleaned_data["selesai"],
                oleh=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Peran berhasil diberikan."))
            return redirect("peran_list")
    page = Paginator(selectors.peran_list_for_user(request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "organisasi/peran.html", {"form": form, "page": page})


@require_POST
@akses(Peran.ADMIN_BKPSDMD)
def peran_cabut(request: HttpRequest, pk: int) -> HttpResponse:
    grant = selectors.peran_get_for_user(user=request.user, pk=pk)
    services.peran_revoke(grant=grant)
    messages.success(request, _("Peran dicabut."))
    return redirect("peran_list")
