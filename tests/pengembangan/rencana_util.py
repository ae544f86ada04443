"""Helpers of the "rencana" tests: locked evaluations, catalogue items, feedback, enrolments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from kinerja.organisasi.models import Pegawai
from kinerja.pengembangan.models import Pelatihan, Pendaftaran, TopikKompetensi
from kinerja.penilaian.models import Evaluasi, RatingPerilakuNilai
from kinerja.skp.models import PerilakuKerja, Skp
from tests.factories import KotaKecil
from tests.skp.util import buat_periode


def hari_ini() -> dt.date:
    return timezone.localdate()


def skp_untuk(kota: KotaKecil, pegawai: Pegawai, tahun: int | None = None) -> Skp:
    from kinerja.skp import services

    periode = buat_periode(kota, tahun)
    skp = Skp.objects.filter(pegawai=pegawai, periode=periode).first()
    return skp or services.skp_create(pegawai=pegawai, periode=periode)


def evaluasi(
    kota: KotaKecil,
    pegawai: Pegawai | None = None,
    *,
    status: str = "dikunci",
    rating_hasil: str = "sesuai",
    rating_perilaku: str = "sesuai",
    perilaku: dict[str, str] | None = None,
    jenis: str = "periodik",
    urutan: int = 2,
    tahun: int | None = None,
    penilai: Pegawai | None = None,
) -> Evaluasi:
    """A locked (by default) evaluation; `perilaku` maps a BerAKHLAK kode to a rating."""
    pegawai = pegawai or kota.pegawai
    tahun = tahun or hari_ini().year
    skp = skp_untuk(kota, pegawai, tahun)
    if jenis == "tahunan":
        mulai, selesai = dt.date(tahun, 1, 1), dt.date(tahun, 12, 31)
    else:
        bulan = (urutan - 1) * 3 + 1
        mulai = dt.date(tahun, bulan, 1)
        selesai = (
            dt.date(tahun, bulan + 3, 1) - dt.timedelta(days=1)
            if bulan < 10
            else dt.date(tahun, 12, 31)
        )
    ev = Evaluasi.objects.create(
        skp=skp,
        pegawai=pegawai,
        periode=skp.periode,
        unit=kota.seksi if pegawai.pk in (kota.pegawai.pk, kota.atasan.pk) else kota.dinas_lain,
        pejabat_penilai=penilai or kota.atasan,
        jenis=jenis,
        urutan=0 if jenis == "tahunan" else urutan,
        mulai=mulai,
        selesai=selesai,
        rating_hasil=rating_hasil,
        rating_perilaku=rating_perilaku,
        status=status,
    )
    for kode, rating in (perilaku or {}).items():
        RatingPerilakuNilai.objects.create(
            evaluasi=ev, perilaku=PerilakuKerja.objects.get(kode=kode), rating=rating
        )
    return ev


def topik(kode: str) -> TopikKompetensi:
    return TopikKompetensi.objects.get(kode=kode)


def pelatihan(
    judul: str,
    *topik_kode: str,
    mulai: dt.date | None = None,
    selesai: dt.date | None = None,
    kuota: int | None = None,
    aktif: bool = True,
    jp: str = "8",
) -> Pelatihan:
    if mulai is None:
        mulai = hari_ini() + dt.timedelta(days=10)
    if selesai is None:
        selesai = mulai + dt.timedelta(days=1)
    p = Pelatihan.objects.create(
        judul=judul,
        bidang="manajerial",
        bentuk="klasikal",
        penyelenggara="BKPSDMD",
        jp=Decimal(jp),
        mulai=mulai,
        selesai=selesai,
        kuota=kuota,
        aktif=aktif,
    )
    p.topik.set([topik(k) for k in topik_kode])
    return p


def daftar(p: Pelatihan, pegawai: Pegawai, status: str = "diajukan") -> Pendaftaran:
    return Pendaftaran.objects.create(
        pelatihan=p, pegawai=pegawai, diajukan_oleh=pegawai, status=status
    )


def umpan_balik_perilaku(
    kota: KotaKecil, kode: str, *, penulis: Pegawai | None = None, waktu: dt.datetime | None = None
) -> object:
    from kinerja.umpanbalik.models import Sasaran, UmpanBalik

    penulis = penulis or kota.atasan
    return UmpanBalik.objects.create(
        pegawai=kota.pegawai,
        penulis=penulis,
        pejabat=kota.atasan,
        sasaran=Sasaran.PERILAKU,
        perilaku=PerilakuKerja.objects.get(kode=kode),
        teks="Perlu lebih menjaga komunikasi dengan rekan",
        dibuat_pada=waktu or timezone.now(),
        aktivitas_pada=waktu or timezone.now(),
    )
