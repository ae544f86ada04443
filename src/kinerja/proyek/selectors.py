"""Reads of the proyek app, scoped by user."""

from __future__ import annotations

from django.db.models import QuerySet

from kinerja.organisasi.models import Pegawai

from .models import Proyek


def proyek_untuk_laporan(pegawai: Pegawai) -> QuerySet[Proyek]:
    """Projects a pegawai may point an activity report to (the ones whose team they are in)."""
    return Proyek.objects.none()
