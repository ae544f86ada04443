"""Background tasks of the organisasi app (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def terapkan_impor(batch_id: int) -> None:
    """Apply a checked import batch (all or nothing) and record the outcome on the batch."""
    from .impor import impor_batch_jalankan

    impor_batch_jalankan(batch_id=batch_id)
