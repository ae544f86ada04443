"""Public pages (no login): the survey form, the kiosk, thanks, and the public results."""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.common.akses import PUBLIK, akses

from . import selectors, services
from .forms import SurveiForm
from .models import Sumber, UnitLayanan
from .periode import periode_dari_kode

COOKIE_PERANGKAT = "skm_perangkat"
_HEX32 = re.compile(r"^[0-9a-f]{32}$")


def _perangkat(request: HttpRequest) -> str:
    nilai = request.COOKIES.get(COOKIE_PERANGKAT, "")
    return nilai if _HEX32.match(nilai) else ""


def _form(request: HttpRequest, unit: UnitLayanan, data: Any = None) -> SurveiForm:
    return SurveiForm(
        data,
        unsur=selectors.unsur_list(),
        jenis=selectors.jenis_layanan_aktif(unit),
        petugas=selectors.petugas_unit(unit),
    )


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
        },
        status=status,
    )
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


def _survei(request: HttpRequest, kode: str, *, kiosk: bool) -> HttpResponse:
    unit = selectors.unit_layanan_publik(kode)
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
