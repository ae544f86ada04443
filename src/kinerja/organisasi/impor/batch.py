"""Import batches: store the upload with its dry-run report, queue and run the apply."""

from __future__ import annotations

import logging
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.common.progress import BerkasProgress

from ..models import ImporBatch, Instansi, Pegawai, StatusImpor
from .baca import impor_baca
from .laporan import ImporGagal, LaporanImpor
from .periksa import impor_periksa
from .terapkan import impor_terapkan

logger = logging.getLogger(__name__)


@transaction.atomic
def impor_batch_buat(
    *, konten: bytes, nama_file: str, jenis: str | None, instansi: Instansi, oleh: Pegawai
) -> ImporBatch:
    """Read and check an upload, keep it with its report. ValidationError if unreadable."""
    data = impor_baca(konten=konten, nama_file=nama_file, jenis=jenis)
    laporan = impor_periksa(data=data, instansi=instansi)
    return ImporBatch.objects.create(
        dibuat_oleh=oleh,
        instansi=instansi,
        nama_file=nama_file[:255],
        jenis=jenis,
        konten=konten,
        status=StatusImpor.DIPERIKSA_OK if laporan.ok else StatusImpor.DIPERIKSA_GALAT,
        laporan=laporan.to_dict(),
        progress_total=data.jumlah_baris,
    )


def impor_batch_antrekan(*, batch: ImporBatch) -> bool:
    """Move a clean, checked batch to the queue and enqueue the task; False if not allowed."""
    from ..tasks import terapkan_impor

    diambil = ImporBatch.objects.filter(pk=batch.pk, status=StatusImpor.DIPERIKSA_OK).update(
        status=StatusImpor.ANTRE, progress_selesai=0
    )
    if not diambil:
        return False
    terapkan_impor.enqueue(batch.pk)
    return True


def impor_batch_jalankan(*, batch_id: int) -> None:
    """The background apply: berjalan → selesai, or gagal with the reason (nothing written)."""
    if not ImporBatch.objects.filter(pk=batch_id, status=StatusImpor.ANTRE).update(
        status=StatusImpor.BERJALAN
    ):
        return  # already taken by another worker, or not queued
    batch = ImporBatch.objects.select_related("instansi", "dibuat_oleh").get(pk=batch_id)
    try:
        data = impor_baca(konten=bytes(batch.konten), nama_file=batch.nama_file, jenis=batch.jenis)
        laporan = impor_terapkan(
            data=data,
            instansi=batch.instansi,
            oleh=batch.dibuat_oleh,
            progress=lambda selesai, total: progress_tulis(batch_id, selesai, total),
        )
    except ImporGagal as exc:
        _selesai(
            batch,
            StatusImpor.GAGAL,
            exc.laporan,
            _("Data berubah sejak pemeriksaan dan kini ada galat; tidak ada data yang diubah."),
        )
    except Exception as exc:
        logger.exception("Impor batch %s gagal", batch_id)
        _selesai(
            batch,
            StatusImpor.GAGAL,
            None,
            _("Impor gagal: %(e)s. Tidak ada data yang diubah.") % {"e": exc},
        )
    else:
        _selesai(batch, StatusImpor.SELESAI, laporan, "")
    finally:
        progress_hapus(batch_id)


def _selesai(batch: ImporBatch, status: str, laporan: LaporanImpor | None, pesan: str) -> None:
    batch.status = status
    batch.pesan = pesan
    batch.selesai_pada = timezone.now()
    fields = ["status", "pesan", "selesai_pada"]
    if laporan is not None:
        batch.laporan = laporan.to_dict()
        fields.append("laporan")
    if status == StatusImpor.SELESAI:
        batch.progress_selesai = batch.progress_total
        fields.append("progress_selesai")
    batch.save(update_fields=fields)


# Progress of a running apply. The apply holds one write transaction (on SQLite the only writer),
# so progress cannot be committed to the batch row meanwhile; the worker writes it to a small file
# that the page reads. On several machines without shared var/ the bar jumps from 0 to done.

_PROGRESS = BerkasProgress("impor")


def _progress_path(job_id: int) -> Path:
    return _PROGRESS.path(job_id)


def progress_tulis(job_id: int, selesai: int, total: int) -> None:
    _PROGRESS.tulis(job_id, selesai, total)


def progress_hapus(job_id: int) -> None:
    _PROGRESS.hapus(job_id)


def progress_baca(batch: ImporBatch) -> tuple[int, int]:
    """(done, total) of a job, from the worker's file while it runs."""
    if batch.status == StatusImpor.BERJALAN:
        dari_berkas = _PROGRESS.baca(batch.pk)
        if dari_berkas is not None:
            return dari_berkas
    return batch.progress_selesai, batch.progress_total
