"""Background tasks of the skp app (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def kirim_pengingat(pengingat_id: int) -> None:
    """Email the pegawai who are behind with their SKP; record who got it."""
    from .monitoring import pengingat_kirim

    pengingat_kirim(pengingat_id=pengingat_id)


@task()
def buat_dokumen_massal(job_id: int) -> None:
    """Render every SKP PDF of a unit into one ZIP, writing progress as it goes."""
    from .dokumen_massal import massal_jalankan

    massal_jalankan(job_id=job_id)
