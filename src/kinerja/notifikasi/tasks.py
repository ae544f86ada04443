"""Background tasks of the notifikasi app (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import task

log = logging.getLogger(__name__)


@task()
def kirim_email_notifikasi(notifikasi_ids: list[int]) -> None:
    """E-mail the queued notifications (one message each); mark them sent or failed."""
    from .email import kirim_email

    kirim_email(notifikasi_ids)


def jadwal_berikut(sekarang: dt.datetime | None = None) -> dt.datetime:
    """The next PENGINGAT_JAM:00 (Asia/Jakarta) strictly after `sekarang`."""
    lokal = timezone.localtime(sekarang or timezone.now())
    target = lokal.replace(hour=settings.PENGINGAT_JAM, minute=0, second=0, microsecond=0)
    if target <= lokal:
        target += dt.timedelta(days=1)
    return target


def jadwalkan_tugas_harian(sekarang: dt.datetime | None = None) -> bool:
    """Queue the daily job for the next morning unless one is already waiting.

    Only with a backend that can defer (the database backend of the worker); returns whether
    a job was queued.
    """
    backend = tugas_harian.get_backend()
    if not backend.supports_defer:
        return False
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another deferring backend: no way to look, queue anyway
        pass
    else:
        if DBTaskResult.objects.filter(task_path=tugas_harian.module_path, status="READY").exists():
            return False
    tugas_harian.using(run_after=jadwal_berikut(sekarang)).enqueue()
    return True


@task()
def tugas_harian() -> None:
    """Every morning: reminders, then the e-mail digest; then queue itself for tomorrow."""
    from .email import kirim_ringkasan_harian
    from .pengingat import kirim_pengingat_harian

    try:
        hasil = kirim_pengingat_harian()
        log.info("pengingat: %d laporan, %d review", len(hasil.laporan), len(hasil.review))
        kirim_ringkasan_harian()
    finally:
        # the job is READY no more while it runs, so this queues tomorrow's
        jadwalkan_tugas_harian()
