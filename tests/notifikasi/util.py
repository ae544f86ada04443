"""Helpers for the notifikasi tests."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kinerja.kegiatan.models import LaporanKegiatan, StatusLaporan
from kinerja.notifikasi.models import Notifikasi
from kinerja.organisasi.models import Pegawai


def notif(penerima: Pegawai, judul: str = "Laporan dikembalikan", **extra: object) -> Notifikasi:
    nilai: dict[str, object] = {"jenis": "uji", "judul": judul, "url": "/skp/"}
    nilai.update(extra)
    return Notifikasi.objects.create(penerima=penerima, **nilai)  # type: ignore[arg-type]


def laporan(
    pegawai: Pegawai,
    tanggal: dt.date,
    *,
    status: str = StatusLaporan.DISETUJUI,
    dibuat_pada: dt.datetime | None = None,
) -> LaporanKegiatan:
    """A report row straight in the table (the reminders only read them)."""
    return LaporanKegiatan.objects.create(
        pegawai=pegawai,
        tanggal=tanggal,
        durasi_menit=60,
        uraian="Melayani perekaman KTP-el",
        status=status,
        dibuat_pada=dibuat_pada or timezone.make_aware(dt.datetime.combine(tanggal, dt.time(9, 0))),
    )
