"""Helpers for the proyek tests: a project of the Dukcapil dinas whose PPTK is the pegawai."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from kinerja.organisasi.models import Pegawai
from kinerja.proyek import services
from kinerja.proyek.models import Proyek, StatusProyek
from tests.factories import KotaKecil


def hari(n: int = 0) -> dt.date:
    """n days from today (negative: in the past)."""
    return timezone.localdate() + dt.timedelta(days=n)


def bulan(d: dt.date, geser: int) -> dt.date:
    m = d.month - 1 + geser
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def buat_proyek(
    k: KotaKecil,
    *,
    nama: str = "Perekaman KTP-el keliling",
    pptk: Pegawai | None = None,
    pagu: Decimal = Decimal("120000000"),
    mulai: dt.date | None = None,
    selesai: dt.date | None = None,
    status: str = StatusProyek.BERJALAN,
    tim: tuple[Pegawai, ...] = (),
) -> Proyek:
    mulai = mulai or bulan(hari(), -2)
    selesai = selesai or bulan(hari(), 4) - dt.timedelta(days=1)
    proyek = services.proyek_buat(
        oleh=k.pimpinan,
        opd=k.dinas,
        nama=nama,
        pptk=pptk or k.pegawai,
        pagu=pagu,
        mulai=mulai,
        selesai=selesai,
        status=status,
        lokasi="Kecamatan Bukit Intan",
    )
    for anggota in tim:
        services.anggota_tambah(proyek=proyek, oleh=k.pimpinan, pegawai=anggota)
    return proyek


def rencana_linear(proyek: Proyek, k: KotaKecil) -> None:
    """A straight-line monthly plan from mulai to selesai (fisik to 100 %, keuangan to pagu)."""
    assert proyek.mulai and proyek.selesai
    awal = proyek.mulai.replace(day=1)
    n = (proyek.selesai.year - awal.year) * 12 + proyek.selesai.month - awal.month + 1
    baris = [
        services.BarisRencana(
            bulan(awal, i),
            (Decimal(100) * (i + 1) / n).quantize(Decimal("0.01")),
            (proyek.pagu * (i + 1) / n).quantize(Decimal("0.01")),
        )
        for i in range(n)
    ]
    baris[-1] = services.BarisRencana(baris[-1].bulan, Decimal(100), proyek.pagu)
    services.rencana_simpan(proyek=proyek, oleh=k.pimpinan, baris=baris)
