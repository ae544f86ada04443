"""Helpers of the JP recap tests (part "rekap"): ledger rows through a finished enrolment, the
way the pelatihan part credits JP (rekap only reads the ledger)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from kinerja.organisasi.models import Pegawai
from kinerja.pengembangan.models import (
    BentukPelatihan,
    BidangKompetensi,
    CapaianJp,
    Pelatihan,
    PelatihanEksternal,
    Pendaftaran,
    StatusPendaftaran,
    StatusVerifikasi,
)

_urut = itertools.count(1)


def beri_jp(
    pegawai: Pegawai,
    jp: str | Decimal,
    *,
    tahun: int | None = None,
    judul: str | None = None,
) -> CapaianJp:
    """A finished catalogue enrolment crediting `jp` in `tahun` (default: this year)."""
    from django.utils import timezone

    tahun = tahun or timezone.localdate().year
    tanggal = dt.date(tahun, 3, 1)
    pelatihan = Pelatihan.objects.create(
        judul=judul or f"Pelatihan uji {next(_urut)}",
        bidang=BidangKompetensi.MANAJERIAL,
        bentuk=BentukPelatihan.KLASIKAL,
        penyelenggara="BKPSDMD",
        jp=Decimal(jp),
    )
    daftar = Pendaftaran.objects.create(
        pelatihan=pelatihan,
        pegawai=pegawai,
        diajukan_oleh=pegawai,
        status=StatusPendaftaran.SELESAI,
        selesai_pada=tanggal,
        jp=Decimal(jp),
    )
    return CapaianJp.objects.create(
        pegawai=pegawai,
        tahun=tahun,
        tanggal=tanggal,
        jp=Decimal(jp),
        bidang=BidangKompetensi.MANAJERIAL,
        pendaftaran=daftar,
    )


def beri_jp_eksternal(pegawai: Pegawai, jp: str, *, judul: str = "Webinar eksternal") -> CapaianJp:
    from django.utils import timezone

    tanggal = timezone.localdate().replace(month=2, day=1)
    eks = PelatihanEksternal.objects.create(
        pegawai=pegawai,
        judul=judul,
        penyelenggara="LAN RI",
        bidang=BidangKompetensi.TEKNIS,
        bentuk=BentukPelatihan.E_LEARNING,
        mulai=tanggal,
        selesai=tanggal,
        jp=Decimal(jp),
        sertifikat="sertifikat/uji.pdf",
        status=StatusVerifikasi.DIVERIFIKASI,
    )
    return CapaianJp.objects.create(
        pegawai=pegawai,
        tahun=tanggal.year,
        tanggal=tanggal,
        jp=Decimal(jp),
        bidang=BidangKompetensi.TEKNIS,
        eksternal=eks,
    )
