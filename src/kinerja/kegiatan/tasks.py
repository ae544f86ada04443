"""Background tasks of the kegiatan app (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def pangkas_indeks_mirip() -> int:
    """Drop near-duplicate index keys older than the window (`manage.py mirip_pangkas`)."""
    from .mirip import pangkas

    return pangkas()
