"""Public pages (no login): the survey form, the kiosk, thanks, and the public results."""

from __future__ import annotations

import re
import secrets
import time
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinerja.common.akses import PUBLIK, akses

from . import selectors, services
from .forms import SurveiForm, opsi_html
from .models import Sumber, UnitLayanan
from .periode import periode_dari_kode

COOKIE_PERANGKAT = "skm_perangkat"
HALAMAN_DETIK = 30  # how long a worker reuses the rendered empty form of a unit
_HALAMAN: dict[tuple[object, ...], tuple[float, str]] = {}
_PH_TOKEN = "__SKM_TOKEN_3f9a__"  # noqa: S105 — a placeholder, not a secret
_PH_CSRF = "__SKM_CSRF_3f9a__"
_HEX32 = re.compile(r"^[0-9a-f]{32}$")


def _perangkat(request: HttpRequest) -> str:
    nilai = request.COOKIES.get(COOKIE_PERANGKAT, "")
    return nilai if _HEX32.match(nilai) else ""


def _form(request: HttpRequest, unit: UnitLayanan, data: Any = None) -> SurveiForm:
    return SurveiForm(
        data,
        unsur=selectors.unsur_list(segar=False),
        jenis=selectors.jenis_layanan_aktif(unit),
        petugas=selectors.petugas_unit(unit),
    )


def _opsi(form: SurveiForm) -> dict[str, SafeString]:
    """The select options as ready HTML: several times faster than Django's per-option widget
    templates, which matters for the submissions per second of a small server."""
    opsi: dict[str, list[tuple[object, str]]] = {
        f: list(form.fields[f].choices)  # type: ignore[attr-defined]
        for f in ("usia", "jenis_kelamin", "pendidikan", "pekerjaan")
    }
    opsi["jenis_layanan"] = [("", _("— pilih layanan —"))]
    opsi["jenis_layanan"] += [(j.pk, j.nama) for j in form.jenis]
    opsi["petugas"] = [("", _("— tidak diisi —"))]
    opsi["petugas"] += [
        (p.pk, p.nama_lengkap)
        for p in form.fields["petugas"].queryset.only(  # type: ignore[attr-defined]
            "pk", "nama", "gelar_depan", "gelar_belakang"
        )
    ]
    return {f"opsi_{f}": opsi_html(form[f], pilihan) for f, pilihan in opsi.items()}


def _tampil(
    request: HttpRequest,
    unit: UnitLayanan,
    form: SurveiForm,
    *,
    kiosk: bool,
    status: int = 200,
    pesan: str = "",
) -> HttpResponse:
    # every render carries a fresh one-time token; an unused old one simply expires
    response = render(
        request,
        "survei/form.html",
        {
            "unit": unit,
            "form": form,
            "kiosk": kiosk,
            "pesan": pesan,
            "token": services.token_buat(unit),
            **_opsi(form),
        },
        status=status,
    )
    return _dengan_cookie(request, response)


def _dengan_cookie(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if not _perangkat(request):
        response.set_cookie(
            COOKIE_PERANGKAT,
            secrets.token_hex(16),
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="Lax",
        )
    response["Cache-Control"] = "no-store"
    return response


def _halaman_kosong(request: HttpRequest, unit: UnitLayanan, *, kiosk: bool) -> str:
    """The empty form of a unit with placeholders for the two tokens, kept for a few seconds
    per worker: a citizen's GET then costs one query and two string replacements."""
    jenis = tuple(unit.jenis_set.filter(aktif=True).values_list("pk", "nama", "urutan"))
    kunci = (unit.pk, unit.nama, jenis, kiosk, get_language(), request.get_full_path())
    simpanan = _HALAMAN.get(kunci)
    if simpanan is not None and simpanan[0] > time.monotonic():
        return simpanan[1]
    form = _form(request, unit)
    html = render_to_string(
        "survei/form.html",
        {
            "unit": unit,
            "form": form,
            "kiosk": kiosk,
            "token": _PH_TOKEN,
            "csrf_token": _PH_CSRF,
            "messages": (),  # never bake one visitor's flash message into the shared copy
            **_opsi(form),
        },
        request=request,
    )
    if len(_HALAMAN) > 1000:
        _HALAMAN.clear()
    _HALAMAN[kunci] = (time.monotonic() + HALAMAN_DETIK, html)
    return html


def _survei(request: HttpRequest, kode: str, *, kiosk: bool) -> HttpResponse:
    unit = selectors.unit_layanan_publik(kode)
    if request.method != "POST" and not request.user.is_authenticated:
        html = _halaman_kosong(request, unit, kiosk=kiosk)
        html = html.replace(_PH_TOKEN, services.token_buat(unit))
        html = html.replace(_PH_CSRF, get_token(request))
        return _dengan_cookie(request, HttpResponse(html))
    if request.method != "POST":
        return _tampil(request, unit, _form(request, unit), kiosk=kiosk)
    form = _form(request, unit, request.POST)
    if not form.is_valid():
        return _tampil(request, unit, form, kiosk=kiosk, status=400)
    data = form.cleaned_data
    kiriman = services.Kiriman(
        jawaban={
            k: data.get(k) for k in [*services.KOLOM_UNSUR, *services.PILIHAN_PROFIL, "saran"]
        },
        jenis_layanan=data.get("jenis_layanan"),
        petugas=data.get("petugas"),
        honeypot=data.get("website") or "",
    )
    try:
        services.respons_kirim(
            unit=unit,
            kiriman=kiriman,
            token=data.get("token") or "",
            ip=request.META.get("REMOTE_ADDR", ""),
            perangkat=_perangkat(request),
            sumber=Sumber.KIOSK if kiosk else Sumber.ONLINE,
        )
    except services.TokenDitolak as exc:
        return _tampil(request, unit, form, kiosk=kiosk, status=400, pesan=str(exc))
    except services.BatasTerlampaui as exc:
        return _tampil(request, unit, form, kiosk=kiosk, status=429, pesan=str(exc))
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return _tampil(request, unit, form, kiosk=kiosk, status=400)
    url = reverse("survei_terima_kasih", kwargs={"kode": unit.kode})
    return redirect(f"{url}?kiosk=1" if kiosk else url)


@akses(PUBLIK)
def survei_form(request: HttpRequest, kode: str) -> HttpResponse:
    return _survei(request, kode, kiosk=False)


@akses(PUBLIK)
def survei_kiosk(request: HttpRequest, kode: str) -> HttpResponse:
    return _survei(request, kode, kiosk=True)


@akses(PUBLIK)
def survei_terima_kasih(request: HttpRequest, kode: str) -> HttpResponse:
    unit = selectors.unit_layanan_publik(kode)
    kiosk = request.GET.get("kiosk") == "1"
    return render(request, "survei/terima_kasih.html", {"unit": unit, "kiosk": kiosk})


@akses(PUBLIK)
def survei_hasil_publik(request: HttpRequest, kode: str) -> HttpResponse:
    """Aggregates only: no free text is published (suggestions are not moderated)."""
    unit = selectors.unit_layanan_publik(kode)
    periode = periode_dari_kode(request.GET.get("periode", "")) or periode_dari_kode(
        str(timezone.localdate().year)
    )
    assert periode is not None
    hasil = selectors.ikm_unit(unit, periode.mulai, periode.selesai)
    context = selectors.ikm_ringkas(hasil, selectors.unsur_list(), selectors.mutu_list())
    context |= {"unit": unit, "periode": periode, "judul": _("Hasil survei kepuasan")}
    return render(request, "survei/hasil_publik.html", context)
