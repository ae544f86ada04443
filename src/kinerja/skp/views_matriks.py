"""Matriks Peran Hasil pages: a unit's leader RHK × bawahan, with orphan links flagged."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kinerja.common.akses import LOGIN, akses
from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Jabatan, Pegawai
from kinerja.organisasi.selectors import akses_pengguna, unit_list_for_user

from . import matriks, selectors
from .models import PeriodeKinerja


def _periode(request: HttpRequest) -> PeriodeKinerja | None:
    pk = request.GET.get("periode", "")
    if pk.isdigit():
        return selectors.periode_get_for_user(user=request.user, pk=int(pk))
    profil = akses_pengguna(request.user)
    return selectors.periode_berjalan(profil.instansi_id) if profil else None


@akses(LOGIN)
def matriks_index(request: HttpRequest) -> HttpResponse:
    """Leaders go straight to their unit; managers and city roles pick a unit."""
    user = request.user
    assert isinstance(user, Pegawai)
    profil = akses_pengguna(user)
    assert profil is not None
    held = hierarki.jabatan_dipegang(user)
    dipimpin = list(
        Jabatan.objects.filter(pk__in=held, kepala=True).values_list("unit_id", flat=True)
    )
    q = request.GET.get("q", "").strip()[:100]
    if len(dipimpin) == 1 and not q and not (profil.kota or profil.opd_kelola_ids):
        return redirect("skp_matriks_unit", pk=dipimpin[0])
    units = unit_list_for_user(user).filter(jabatan_set__kepala=True).distinct()
    if not profil.kota:
        units = units.filter(
            Q(opd_id__in=profil.opd_kelola_ids)
            | Q(pk__in=profil.opd_kelola_ids)
            | Q(pk__in=dipimpin)
        )
    for word in q.split()[:5]:
        units = units.filter(nama__icontains=word)
    page = Paginator(units.select_related("opd").order_by("path"), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "skp/matriks_index.html", {"page": page, "q": q, "dipimpin": dipimpin})


@akses(LOGIN)
def matriks_unit(request: HttpRequest, pk: int) -> HttpResponse:
    periode = _periode(request)
    if periode is None:
        return render(request, "skp/matriks.html", {"tanpa_periode": True})
    hasil = matriks.matriks_unit(user=request.user, unit_pk=pk, periode=periode)
    return render(
        request,
        "skp/matriks.html",
        {
            "hasil": hasil,
            "m": hasil.matriks,
            "periode_list": selectors.periode_list_for_user(request.user),
        },
    )
