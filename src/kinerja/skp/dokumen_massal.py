"""Bulk SKP PDFs: every SKP of a unit (with its sub-units) rendered in the background into one
ZIP, stored through Django's default storage and served only through a scoped download view.

Progress: the worker writes "done total" to a small file under VAR_DIR (like the import) and
the job row every few documents, so the page's progress bar moves while the ZIP is built.
"""

from __future__ import annotations

import logging
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.common.progress import BerkasProgress
from kinerja.organisasi.models import Pegawai, Peran, UnitKerja
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna

from . import dokumen
from .models import DokumenMassal, PeriodeKinerja, Skp, StatusTugas

logger = logging.getLogger(__name__)
PERAN_MASSAL = (Peran.PIMPINAN_OPD, Peran.OPERATOR_OPD, Peran.ADMIN_BKPSDMD)
SIMPAN_TIAP = 10  # job row progress every N documents


def _profil(user: Any) -> AksesPengguna:
    profil = akses_pengguna(user)
    if profil is None or not profil.punya(*PERAN_MASSAL):
        raise PermissionDenied
    return profil


def unit_massal_for_user(user: Any) -> QuerySet[UnitKerja]:
    """Units whose SKP the user may bulk-download: any for admin BKPSDMD, else managed OPDs."""
    profil = _profil(user)
    qs = UnitKerja.objects.filter(instansi_id=profil.instansi_id)
    if not profil.admin:
        ids = profil.opd_kelola_ids
        qs = qs.filter(Q(opd_id__in=ids) | Q(pk__in=ids))
    return qs


def massal_list_for_user(user: Any) -> QuerySet[DokumenMassal]:
    units = unit_massal_for_user(user)
    return DokumenMassal.objects.filter(unit__in=units).select_related(
        "unit", "periode", "dibuat_oleh"
    )


def massal_get_for_user(*, user: Any, pk: int) -> DokumenMassal:
    job = massal_list_for_user(user).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job


def skp_unit(unit: UnitKerja, periode: PeriodeKinerja) -> QuerySet[Skp]:
    """SKP versions in force of the unit and its sub-units (by the unit on the SKP)."""
    return Skp.objects.filter(
        periode=periode, aktif=True, unit__path__startswith=unit.path
    ).order_by("unit__path", "pegawai_nama", "pk")


@transaction.atomic
def massal_buat(
    *, oleh: Pegawai, unit: UnitKerja, periode: PeriodeKinerja, base_url: str
) -> DokumenMassal:
    if not unit_massal_for_user(oleh).filter(pk=unit.pk).exists():
        raise ValidationError({"unit": _("Unit ini di luar kewenangan Anda.")})
    if periode.instansi_id != unit.instansi_id:
        raise ValidationError({"periode": _("Periode dari instansi lain.")})
    total = skp_unit(unit, periode).count()
    if total == 0:
        raise ValidationError({"unit": _("Belum ada SKP di unit ini untuk periode tersebut.")})
    job = DokumenMassal.objects.create(
        periode=periode, unit=unit, dibuat_oleh=oleh, base_url=base_url[:200], progress_total=total
    )
    from .tasks import buat_dokumen_massal

    transaction.on_commit(lambda: buat_dokumen_massal.enqueue(job.pk))
    return job


def _nama_folder(teks: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", teks).strip("-")[:60] or "unit"


def _verifikasi_url(base_url: str, kode: str) -> str:
    from django.urls import reverse

    return base_url.rstrip("/") + reverse("skp_verifikasi", kwargs={"kode": kode})


def massal_jalankan(*, job_id: int) -> None:
    """The background part: antre → berjalan → selesai (ZIP saved) or gagal with the reason."""
    if not DokumenMassal.objects.filter(pk=job_id, status=StatusTugas.ANTRE).update(
        status=StatusTugas.BERJALAN
    ):
        return
    job = DokumenMassal.objects.select_related("unit", "periode").get(pk=job_id)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "skp.zip"
            jumlah = _tulis_zip(job, path)
            nama = f"skp-{job.periode.tahun}-{_nama_folder(job.unit.nama)}-{job.pk}.zip"
            with path.open("rb") as berkas:
                job.berkas.save(nama, File(berkas), save=False)
    except Exception as exc:
        logger.exception("PDF massal %s gagal", job_id)
        job.status, job.pesan = StatusTugas.GAGAL, _("Gagal membuat dokumen: %(e)s") % {"e": exc}
    else:
        job.status, job.progress_selesai, job.progress_total = StatusTugas.SELESAI, jumlah, jumlah
    finally:
        progress_hapus(job_id)
    job.selesai_pada = timezone.now()
    job.save()


def _tulis_zip(job: DokumenMassal, path: Path) -> int:
    from weasyprint.text.fonts import FontConfiguration

    skps = list(dokumen.skp_dengan_isi(skp_unit(job.unit, job.periode)).select_related("unit"))
    total = len(skps)
    fonts = FontConfiguration()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as arsip:
        for nomor, skp in enumerate(skps, start=1):
            data, versi = dokumen.skp_data(skp)
            url = _verifikasi_url(job.base_url, versi.kode) if versi else ""
            pdf = dokumen.skp_pdf(data, versi=versi, verifikasi_url=url, font_config=fonts)
            folder = _nama_folder(skp.unit.nama if skp.unit else skp.unit_nama)
            arsip.writestr(f"{folder}/{dokumen.nama_berkas(data, 'pdf')}", pdf)
            progress_tulis(job.pk, nomor, total)
            if nomor % SIMPAN_TIAP == 0:
                DokumenMassal.objects.filter(pk=job.pk).update(
                    progress_selesai=nomor, progress_total=total
                )
    return total


# Progress file, as the import does: readable by the page whatever the worker's transaction.

_PROGRESS = BerkasProgress("skp-massal")


def _progress_path(job_id: int) -> Path:
    return _PROGRESS.path(job_id)


def progress_tulis(job_id: int, selesai: int, total: int) -> None:
    _PROGRESS.tulis(job_id, selesai, total)


def progress_hapus(job_id: int) -> None:
    _PROGRESS.hapus(job_id)


def progress_baca(job: DokumenMassal) -> tuple[int, int]:
    """(done, total) of a job, from the worker's file while it runs."""
    if job.status == StatusTugas.BERJALAN:
        dari_berkas = _PROGRESS.baca(job.pk)
        if dari_berkas is not None:
            return dari_berkas
    return job.progress_selesai, job.progress_total
