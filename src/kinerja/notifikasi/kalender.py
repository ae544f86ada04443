"""Working days: Monday–Friday minus holidays and cuti bersama (`HariLibur`, data not code).

A holiday with an empty `instansi` is national; one with an instansi applies to it only.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from .models import HariLibur

SATU_HARI = dt.timedelta(days=1)


def hari_libur(instansi_id: int | None, mulai: dt.date, selesai: dt.date) -> set[dt.date]:
    """Holiday dates between `mulai` and `selesai` (inclusive) for the instansi; one query."""
    cakupan = Q(instansi__isnull=True)
    if instansi_id is not None:
        cakupan |= Q(instansi_id=instansi_id)
    return set(
        HariLibur.objects.filter(cakupan, tanggal__gte=mulai, tanggal__lte=selesai).values_list(
            "tanggal", flat=True
        )
    )


def _hari_kerja(tanggal: dt.date, libur: set[dt.date]) -> bool:
    return tanggal.weekday() < 5 and tanggal not in libur


def hari_kerja(instansi_id: int | None, mulai: dt.date, selesai: dt.date) -> list[dt.date]:
    """Working days from `mulai` to `selesai` inclusive, oldest first."""
    if selesai < mulai:
        return []
    libur = hari_libur(instansi_id, mulai, selesai)
    hasil = []
    tanggal = mulai
    while tanggal <= selesai:
        if _hari_kerja(tanggal, libur):
            hasil.append(tanggal)
        tanggal += SATU_HARI
    return hasil


def adalah_hari_kerja(instansi_id: int | None, tanggal: dt.date) -> bool:
    return bool(hari_kerja(instansi_id, tanggal, tanggal))


def hari_kerja_terakhir(instansi_id: int | None, n: int, sampai: dt.date) -> list[dt.date]:
    """The last `n` working days up to and including `sampai`, oldest first."""
    if n <= 0:
        return []
    hasil: list[dt.date] = []
    selesai = sampai
    jendela = max(14, n * 2 + 14)  # holidays cluster (Idul Fitri): widen when not enough
    while len(hasil) < n:
        mulai = selesai - dt.timedelta(days=jendela - 1)
        hasil = hari_kerja(instansi_id, mulai, selesai)[-(n - len(hasil)) :] + hasil
        selesai = mulai - SATU_HARI
        if (sampai - selesai).days > 366 * 2:  # a calendar made only of holidays: stop
            break
    return hasil[-n:]
