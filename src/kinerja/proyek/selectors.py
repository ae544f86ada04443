"""Reads of the proyek app, scoped by user."""

from __future__ import annotations

from django.db.models import QuerySet

from kinerja.organisasi.models import Pegawai

from .models import STATUS_AKTIF, Proyek


def proyek_untuk_laporan(pegawai: Pegawai) -> QuerySet[Proyek]:
    """Projects a pegawai may point an activity report to (active ones whose team they are in)."""
    return (
        Proyek.objects.filter(
            anggota_set__pegawai=pegawai, anggota_set__aktif=True, status__in=STATUS_AKTIF
        )
        .distinct()
        .order_by("nama")
    )
