"""A project of the Dukcapil dinas with a known S-curve and as-at history, shared by the tests of
the exports, the API and the link to performance (the proyek app's own helpers may change)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from kinerja.proyek import services
from kinerja.proyek.models import Kendala, Proyek, StatusProyek
from tests.factories import KotaKecil

PAGU = Decimal("200000000")
# cumulative plan (fisik %) at the end of months -3 … +2 around the running month
RENCANA = [Decimal(x) for x in ("10", "25", "45", "65", "85", "100")]


def hari_ini() -> dt.date:
    return timezone.localdate()


def bulan(geser: int, d: dt.date | None = None) -> dt.date:
    d = d or hari_ini()
    m = d.month - 1 + geser
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def pada(geser: int, hari: int) -> dt.date:
    """Day `hari` of the month `geser` months from now."""
    return bulan(geser).replace(day=hari)


def aware(d: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(d, dt.time(9, 0)))


def proyek_berkurva(
    k: KotaKecil,
    *,
    nama: str = "Pembangunan gedung pelayanan Dukcapil",
    kode: str = "1.01.02.2.01",
    pptk: object | None = None,
    rencana: bool = True,
) -> Proyek:
    """Months -3 … +2; plan fisik 10/25/45/65/85/100 %, keuangan the same share of the pagu."""
    proyek = services.proyek_buat(
        oleh=k.pimpinan,
        opd=k.dinas,
        nama=nama,
        kode=kode,
        pptk=pptk or k.pegawai,  # type: ignore[arg-type]
        pagu=PAGU,
        mulai=bulan(-3),
        selesai=bulan(3) - dt.timedelta(days=1),
        status=StatusProyek.BERJALAN,
        lokasi="Kelurahan Bukit Intan",
        tahun_anggaran=bulan(-1).year,
    )
    if rencana:
        services.rencana_simpan(
            proyek=proyek,
            oleh=k.pimpinan,
            baris=[
                services.BarisRencana(bulan(i - 3), f, PAGU * f / 100)
                for i, f in enumerate(RENCANA)
            ],
        )
    return proyek


def kendala_pada(
    k: KotaKecil, proyek: Proyek, judul: str, dibuka: dt.date, **kw: object
) -> Kendala:
    kendala = services.kendala_ajukan(
        proyek=proyek,
        oleh=k.pegawai,
        judul=judul,
        kategori=str(kw.pop("kategori", "pengadaan")),
        tingkat=str(kw.pop("tingkat", "tinggi")),
    )
    Kendala.objects.filter(pk=kendala.pk).update(dibuat_pada=aware(dibuka))
    kendala.refresh_from_db()
    return kendala
