"""Import pages for admin BKPSDMD: upload + dry run, report, apply in the background."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kinerja.common.akses import akses

from .impor import batch as impor_batch
from .impor import selectors as impor_selectors
from .impor.forms import ImporForm
from .impor.laporan import LaporanImpor
from .impor.template import impor_template_xlsx
from .models import ImporBatch, Pegawai, Peran, StatusImpor

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LABEL_JENIS = {
    "unit": gettext_lazy("Unit kerja"),
    "jabatan": gettext_lazy("Jabatan"),
    "pegawai": gettext_lazy("Pegawai"),
}
GALAT_PER_HALAMAN = 100


@akses(Peran.ADMIN_BKPSDMD)
def impor_index(request: HttpRequest) -> HttpResponse:
    form = ImporForm(request.POST or None, request.FILES or None)
    user = request.user
    assert isinstance(user, Pegawai)
    if request.method == "POST" and form.is_valid():
        if user.instansi is None:
            form.add_error(None, _("Akun Anda tidak terhubung ke instansi mana pun."))
        else:
            berkas = form.cleaned_data["berkas"]
            try:
                batch = impor_batch.impor_batch_buat(
                    konten=berkas.read(),
                    nama_file=berkas.name,
                    jenis=form.cleaned_data["jenis"] or None,
                    instansi=user.instansi,
                    oleh=user,
                )
            except ValidationError as exc:
                form.add_error("berkas", exc)
            else:
                return redirect("impor_detail", pk=batch.pk)
    return render(
        request,
        "organisasi/impor_index.html",
        {"form": form, "batches": impor_selectors.impor_batch_recent_for_user(user)},
    )


@akses(Peran.ADMIN_BKPSDMD)
def impor_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(impor_template_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="template-impor-organisasi.xlsx"'
    return response


@akses(Peran.ADMIN_BKPSDMD)
def impor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = impor_selectors.impor_batch_get_for_user(user=request.user, pk=pk)
    fragment = bool(getattr(request, "htmx", False))
    template = "organisasi/_impor_status.html" if fragment else "organisasi/impor_detail.html"
    return render(request, template, _detail_context(request, batch))


def _detail_context(request: HttpRequest, batch: ImporBatch) -> dict[str, object]:
    laporan = LaporanImpor.from_dict(batch.laporan or {})
    selesai, total = impor_batch.progress_baca(batch)
    ringkasan = [
        (LABEL_JENIS[jenis], laporan.ringkasan[jenis])
        for jenis in ("unit", "jabatan", "pegawai")
        if laporan.ringkasan[jenis].jumlah
    ]
    return {
        "batch": batch,
        "laporan": laporan,
        "ringkasan": ringkasan,
        "penugasan": laporan.ringkasan["penugasan"],
        "galat_page": Paginator(laporan.galat, GALAT_PER_HALAMAN).get_page(request.GET.get("page")),
        "progress_selesai": selesai,
        "progress_total": total,
        "boleh_terapkan": batch.status == StatusImpor.DIPERIKSA_OK,
        "label_jenis": LABEL_JENIS,
    }


@require_POST
@akses(Peran.ADMIN_BKPSDMD)
def impor_terapkan(request: HttpRequest, pk: int) -> HttpResponse:
    batch = impor_selectors.impor_batch_get_for_user(user=request.user, pk=pk)
    if impor_batch.impor_batch_antrekan(batch=batch):
        messages.info(request, _("Impor masuk antrean dan akan diterapkan di latar belakang."))
    else:
        messages.error(
            request,
            _("Impor ini tidak dapat diterapkan (status: %(s)s).")
            % {"s": batch.get_status_display()},
        )
    return redirect("impor_detail", pk=batch.pk)
