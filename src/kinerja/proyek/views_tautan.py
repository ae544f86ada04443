"""The page that chooses a project as the realisasi source of an SKP indikator (and undoes it).

Reading follows the SKP's scope (out of scope → 404); linking and unlinking follow the services'
rules in proyek/tautan_selectors.py (the SKP's owner in the project's team or the OPD's managers;
others 403)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from kinerja.common.akses import LOGIN, akses
from kinerja.common.formulir import galat_ke_form
from kinerja.skp.models import IndikatorKinerja
from kinerja.skp.selectors import skp_get_for_user

from .tautan import SumberProyekIndikator, UkuranProyek
from .tautan_selectors import proyek_untuk_indikator, sumber_proyek_lepas, sumber_proyek_tautkan


class SumberProyekForm(forms.Form):
    proyek = forms.TypedChoiceField(label=_l("Proyek"), coerce=int)
    ukuran = forms.ChoiceField(
        label=_l("Yang dihitung sebagai realisasi"),
        choices=UkuranProyek.choices,
        initial=UkuranProyek.FISIK,
    )

    def __init__(self, *args: Any, pilihan: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proyek"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (p.pk, f"{p.kode} · {p.nama}") for p in pilihan
        ]


@akses(LOGIN)
def proyek_sumber_indikator(request: HttpRequest, pk: int) -> HttpResponse:
    indikator = IndikatorKinerja.objects.select_related("rhk__skp__unit").filter(pk=pk).first()
    if indikator is None:
        raise Http404
    skp = skp_get_for_user(user=request.user, pk=indikator.rhk.skp_id)
    pilihan = proyek_untuk_indikator(request.user, indikator)  # type: ignore[arg-type]
    tautan = (
        SumberProyekIndikator.objects.filter(indikator=indikator).select_related("proyek").first()
    )
    awal = {"proyek": tautan.proyek_id, "ukuran": tautan.ukuran} if tautan else None
    form = SumberProyekForm(request.POST or None, initial=awal, pilihan=pilihan)
    if request.method == "POST":
        if request.POST.get("aksi") == "lepas":
            sumber_proyek_lepas(oleh=request.user, indikator=indikator)  # type: ignore[arg-type]
            messages.success(request, _("Tautan proyek dilepas; realisasi kembali dari laporan."))
            return redirect("skp_detail", pk=skp.pk)
        if form.is_valid():
            proyek = next(p for p in pilihan if p.pk == form.cleaned_data["proyek"])
            try:
                sumber_proyek_tautkan(
                    oleh=request.user,  # type: ignore[arg-type]
                    indikator=indikator,
                    proyek=proyek,
                    ukuran=form.cleaned_data["ukuran"],
                )
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                messages.success(
                    request,
                    _("Realisasi indikator ini sekarang diambil dari proyek %(nama)s.")
                    % {"nama": proyek.nama},
                )
                return redirect("skp_detail", pk=skp.pk)
    context = {
        "indikator": indikator,
        "skp": skp,
        "form": form,
        "tautan": tautan,
        "pilihan": pilihan,
    }
    return render(
        request, "proyek/sumber_indikator.html", context, status=422 if form.errors else 200
    )
