from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kinerja.kegiatan.models import RealisasiBulanan, RealisasiManual, StatusLaporan
from kinerja.kegiatan.selectors import realisasi_indikator
from kinerja.skp import services as skp_services
from kinerja.skp.models import Aspek
from tests.skp.util import buat_periode, isi_rhk

pytestmark = pytest.mark.django_db


def _indikator(kota):  # type: ignore[no-untyped-def]
    periode = buat_periode(kota, 2026)
    skp = skp_services.skp_create(pegawai=kota.pegawai, periode=periode)
    rhk = isi_rhk(skp, "Dokumen kependudukan diverifikasi")
    kuant = rhk.indikator_set.get()
    skp.refresh_from_db()
    kual = skp_services.indikator_add(
        rhk=rhk,
        oleh=kota.pegawai,
        revisi=skp.revisi,
        teks="Persentase dokumen tanpa kesalahan",
        aspek=Aspek.KUALITAS,
        target_angka=Decimal("95"),
        target_satuan="%",
    )
    return kuant, kual


def test_sums_months_in_range_and_latest_manual_for_quality(kota, django_assert_num_queries):  # type: ignore[no-untyped-def]
    kuant, kual = _indikator(kota)
    for bulan, k in [(1, 5), (2, 7), (3, 11), (4, 100)]:
        RealisasiBulanan.objects.create(
            indikator=kuant,
            tahun=2026,
            bulan=bulan,
            jumlah_laporan=2,
            menit=90,
            kuantitas=Decimal(k),
            manual=Decimal("1"),
        )
    RealisasiBulanan.objects.create(indikator=kual, tahun=2026, bulan=2, manual=Decimal("90"))
    for tgl, nilai, status in [
        (dt.date(2026, 1, 20), "80", StatusLaporan.DISETUJUI),
        (dt.date(2026, 3, 5), "92", StatusLaporan.DISETUJUI),
        (dt.date(2026, 3, 28), "99", StatusLaporan.DIAJUKAN),
        (dt.date(2026, 4, 2), "70", StatusLaporan.DISETUJUI),
    ]:
        RealisasiManual.objects.create(
            indikator=kual, pegawai=kota.pegawai, tanggal=tgl, nilai=Decimal(nilai), status=status
        )
    with django_assert_num_queries(2):
        hasil = realisasi_indikator(
            [kuant.pk, kual.pk, 999999], dt.date(2026, 1, 1), dt.date(2026, 3, 31)
        )
    r = hasil[kuant.pk]
    assert (r.jumlah_laporan, r.menit, r.kuantitas, r.manual) == (6, 270, Decimal(23), Decimal(3))
    assert r.nilai == Decimal(26)
    assert hasil[kual.pk].nilai == Decimal("92")  # latest approved in range, not a sum
    assert hasil[999999].nilai == 0 and hasil[999999].jumlah_laporan == 0


def test_range_across_years(kota):  # type: ignore[no-untyped-def]
    kuant, _ = _indikator(kota)
    for tahun, bulan in [(2025, 11), (2025, 12), (2026, 1), (2026, 2), (2027, 1)]:
        RealisasiBulanan.objects.create(
            indikator=kuant, tahun=tahun, bulan=bulan, kuantitas=Decimal(1)
        )
    hasil = realisasi_indikator([kuant.pk], dt.date(2025, 12, 15), dt.date(2026, 1, 10))
    assert hasil[kuant.pk].kuantitas == Decimal(2)
    assert realisasi_indikator([], dt.date(2026, 1, 1), dt.date(2026, 1, 1)) == {}
