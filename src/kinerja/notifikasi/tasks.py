"""Background tasks of the notifikasi app (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def kirim_email_notifikasi(notifikasi_ids: list[int]) -> None:
    """E-mail the queued notifications (one message each); mark them sent or failed."""
    from .email import kirim_email

    kirim_email(notifikasi_ids)
