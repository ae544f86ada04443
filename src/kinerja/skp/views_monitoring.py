"""SKP monitoring pages: city recap per OPD, an OPD per unit with who is behind, reminders."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.common.akses import akses

from . import monitoring, selectors
from .models import PengingatSkp, PeriodeKinerja


def _periode(request: HttpRequest, instansi_id: int) -> PeriodeKinerja | None:
    pk = request.GET.get("periode", "")
    if pk.isdigit():
        return selectors.periode_get_for_user(user=request.user, pk=int(pk))
    return selectors.periode_berjalan(instansi_id)


def _konteks_dasar(request: HttpRequest, periode: PeriodeKinerja | None) -> dict[str, object]:
    return {
        "periode": periode,
        "periode_list": selectors.periode_list_for_user(request.user),
        "status_urut": monitoring.STATUS_URUT,
        "status_label": [monitoring.STATUS_LABEL[s] for s in monitoring.STATUS_URUT],
    }


@akses(*monitoring.PERAN_PANTAU)
def monitoring_index(request: HttpRequest) -> HttpResponse:
    profil = monitoring.profil_pantau(request.user)
    scope = monitoring.opd_pantau_ids(profil)
    if scope is not None and len(scope) == 1:
        tujuan = redirect("skp_monitoring_opd", pk=next(iter(scope)))
        if request.GET.get("periode"):
            tujuan["Location"] += f"?periode={request.GET['periode']}"
        return tujuan
    periode = _periode(request, profil.instansi_id)
    konteks = _konteks_dasar(request, periode)
    if periode is not None:
        baris = monitoring.rekap_status(
            instansi_id=profil.instansi_id, periode=periode, opd_ids=scope
        )
        konteks |= {"baris": baris, "total": monitoring.total_rekap(baris)}
    return render(request, "skp/monitoring.html", konteks)


@akses(*monitoring.PERAN_PANTAU)
def monitoring_opd(request: HttpRequest, pk: int) -> HttpResponse:
    opd = monitoring.opd_get_for_user(user=request.user, pk=pk)
    profil = monitoring.profil_pantau(request.user)
    periode = _periode(request, profil.instansi_id)
    konteks = _konteks_dasar(request, periode) | {
        "opd": opd,
        "kota": profil.kota,
        "boleh_mengingatkan": monitoring.boleh_mengingatkan(profil),
    }
    if periode is not None:
        baris = monitoring.rekap_status(
            instansi_id=profil.instansi_id, periode=periode, opd_ids={opd.pk}, per_unit=True
        )
        status = request.GET.get("status", "")
        pilihan = [status] if status in monitoring.STATUS_URUT else monitoring.TERTINGGAL
        daftar = monitoring.pegawai_per_status(
            instansi_id=profil.instansi_id, periode=periode, opd_id=opd.pk, status=pilihan
        )
        page = Paginator(daftar, 50).get_page(request.GET.get("page"))
        for row in page.object_list:
            row["label"] = monitoring.STATUS_LABEL[row["status"] or monitoring.BELUM]
        konteks |= {
            "baris": baris,
            "total": monitoring.total_rekap(baris),
            "page": page,
            "status": status,
            "pengingat": list(
                PengingatSkp.objects.filter(opd=opd, periode=periode).select_related("dibuat_oleh")[
                    :5
                ]
            ),
        }
    return render(request, "skp/monitoring_opd.html", konteks)


@require_POST
@akses(*monitoring.PERAN_PANTAU)
def monitoring_pengingat(request: HttpRequest, pk: int) -> HttpResponse:
    opd = monitoring.opd_get_for_user(user=request.user, pk=pk)
    profil = monitoring.profil_pantau(request.user)
    if not monitoring.boleh_mengingatkan(profil):
        raise PermissionDenied
    periode = _periode(request, profil.instansi_id)
    if periode is None:
        messages.error(request, _("Belum ada periode kinerja yang berjalan."))
        return redirect("skp_monitoring_opd", pk=opd.pk)
    try:
        pengingat = monitoring.pengingat_create(
            oleh=request.user,  # type: ignore[arg-type]
            opd=opd,
            periode=periode,
        )
    except ValidationError as exc:
        messages.warning(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Pengingat untuk %(n)s pegawai masuk antrean pengiriman email.")
            % {"n": len(pengingat.penerima)},
        )
    return redirect("skp_monitoring_opd", pk=opd.pk)
