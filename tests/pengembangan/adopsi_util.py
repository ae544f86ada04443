"""Helpers of the adoption-view tests (part "adopsi"): approved SKP, activity reports, reviews
and feedback written straight to the tables, with known timestamps."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kinerja.kegiatan.models import LaporanKegiatan, StatusLaporan
from kinerja.organisasi.models import Pegawai
from kinerja.skp.models import Skp, StatusSkp
from kinerja.umpanbalik.models import UmpanBalik
from tests.factories import KotaKecil
from tests.skp.util import buat_periode


def skp(kota: KotaKecil, pegawai: Pegawai, status: str = StatusSkp.DISETUJUI) -> Skp:
    """The SKP in force of the running periode with this status."""
    return Skp.objects.create(pegawai=pegawai, periode=buat_periode(kota), status=status)


def waktu(tanggal: dt.date, jam: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(tanggal, dt.time(jam)))


def lapor(
    pegawai: Pegawai,
    tanggal: dt.date,
    *,
    dibuat: dt.datetime | None = None,
    direview: dt.datetime | None = None,
    status: str | None = None,
    oleh: Pegawai | None = None,
) -> LaporanKegiatan:
    """A report dated `tanggal` (created at 09:00 that day unless `dibuat`), reviewed at
    `direview` (approved) or waiting."""
    if status is None:
        status = StatusLaporan.DISETUJUI if direview else StatusLaporan.DIAJUKAN
    return LaporanKegiatan.objects.create(
        pegawai=pegawai,
        tanggal=tanggal,
        durasi_menit=60,
        uraian="Melayani permohonan KTP-el",
        status=status,
        dibuat_pada=dibuat or waktu(tanggal),
        direview_pada=direview,
        direview_oleh=oleh if direview else None,
    )


def umpan(penulis: Pegawai, pegawai: Pegawai, pada: dt.datetime | None = None) -> UmpanBalik:
    """A feedback message written by `penulis` about `pegawai`."""
    pada = pada or timezone.now()
    return UmpanBalik.objects.create(
        pegawai=pegawai,
        penulis=penulis,
        pejabat=penulis,
        teks="Laporan sudah rapi, pertahankan.",
        dibuat_pada=pada,
        aktivitas_pada=pada,
        permintaan=penulis == pegawai,
    )
