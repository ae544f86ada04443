from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import LOGIN, akses

from . import selectors, services
from .forms import PreferensiForm, TokenBaruForm


@akses(LOGIN)
def notifikasi_list(request: HttpRequest) -> HttpResponse:
    belum = request.GET.get("status") == "belum"
    qs = selectors.notifikasi_list_for_user(request.user, belum_dibaca=belum)  # type: ignore[arg-type]
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(request, "notifikasi/daftar.html", {"page": page, "belum": belum})


@akses(LOGIN)
def notifikasi_lonceng(request: HttpRequest) -> HttpResponse:
    """The bell's number alone, polled by htmx every 30 s."""
    jumlah = selectors.jumlah_belum_dibaca(request.user)  # type: ignore[arg-type]
    response = render(request, "notifikasi/_lonceng_angka.html", {"jumlah_notifikasi": jumlah})
    response["Cache-Control"] = "no-store"
    return response


@akses(LOGIN)
def notifikasi_buka(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a notification: mark it read and go to what it is about."""
    n = selectors.notifikasi_get_for_user(request.user, pk)  # type: ignore[arg-type]
    services.notifikasi_tandai_dibaca(notifikasi=n)
    if n.url and url_has_allowed_host_and_scheme(
        n.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(n.url)
    return redirect("notifikasi_list")


@require_POST
@akses(LOGIN)
def notifikasi_tandai_dibaca(request: HttpRequest, pk: int) -> HttpResponse:
    n = selectors.notifikasi_get_for_user(request.user, pk)  # type: ignore[arg-type]
    services.notifikasi_tandai_dibaca(notifikasi=n)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "notifikasi/_item.html", {"n": n})
    return redirect("notifikasi_list")


@require_POST
@akses(LOGIN)
def notifikasi_tandai_semua(request: HttpRequest) -> HttpResponse:
    jumlah = services.notifikasi_tandai_semua_dibaca(pegawai=request.user)  # type: ignore[arg-type]
    if jumlah:
        messages.success(request, _("%(n)d notifikasi ditandai sudah dibaca.") % {"n": jumlah})
    return redirect("notifikasi_list")


@akses(LOGIN)
def notifikasi_preferensi(request: HttpRequest) -> HttpResponse:
    awal = {"email": selectors.preferensi_email(request.user)}  # type: ignore[arg-type]
    form = PreferensiForm(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            services.preferensi_simpan(pegawai=request.user, email=form.cleaned_data["email"])  # type: ignore[arg-type]
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for e in errors:
                    form.add_error(field if field in form.fields else None, e)
        else:
            messages.success(request, _("Preferensi notifikasi disimpan."))
            return redirect("notifikasi_preferensi")
    return render(request, "notifikasi/preferensi.html", {"form": form})


@akses(LOGIN)
def token_list(request: HttpRequest) -> HttpResponse:
    """My API tokens (mobile app): create one (the key is shown once), see and revoke them."""
    from kinerja.api import auth

    form = TokenBaruForm(request.POST or None)
    kunci_baru = None
    if request.method == "POST" and form.is_valid():
        _token, kunci_baru = auth.token_buat(pegawai=request.user, nama=form.cleaned_data["nama"])  # type: ignore[arg-type]
        form = TokenBaruForm()
    return render(
        request,
        "api/token.html",
        {"form": form, "kunci_baru": kunci_baru, "tokens": auth.token_list_for_user(request.user)},  # type: ignore[arg-type]
    )


@require_POST
@akses(LOGIN)
def token_cabut(request: HttpRequest, pk: int) -> HttpResponse:
    from kinerja.api import auth

    token = auth.token_get_for_user(request.user, pk)  # type: ignore[arg-type]
    auth.token_cabut(token=token)
    messages.success(request, _("Token dicabut. Perangkat itu tidak bisa memakai API lagi."))
    return redirect("token_list")
