from __future__ import annotations

import datetime as dt

import pytest

from kinerja.notifikasi import kalender
from kinerja.notifikasi.models import HariLibur
from tests.factories import KotaKecil

D = dt.date


@pytest.mark.django_db
def test_the_national_holidays_are_seeded_as_data() -> None:
    nasional = HariLibur.objects.filter(instansi__isnull=True)
    for tahun in (2025, 2026, 2027):
        assert nasional.filter(tanggal__year=tahun).count() >= 15
    assert nasional.filter(tanggal=D(2026, 8, 17)).exists()
    assert nasional.filter(tanggal=D(2025, 12, 25)).exists()
    assert nasional.filter(tanggal=D(2026, 3, 23), nama__icontains="cuti bersama").exists()


@pytest.mark.django_db
def test_working_days_skip_weekends_and_holidays() -> None:
    # Friday 14 Aug 2026 .. Wednesday 19 Aug 2026: Sat, Sun, and Monday the 17th are off
    assert kalender.hari_kerja(None, D(2026, 8, 14), D(2026, 8, 19)) == [
        D(2026, 8, 14),
        D(2026, 8, 18),
        D(2026, 8, 19),
    ]
    assert kalender.hari_kerja(None, D(2026, 8, 19), D(2026, 8, 14)) == []
    assert not kalender.adalah_hari_kerja(None, D(2026, 8, 17))
    assert not kalender.adalah_hari_kerja(None, D(2026, 11, 28))  # a Saturday
    assert kalender.adalah_hari_kerja(None, D(2026, 11, 25))


@pytest.mark.django_db
def test_the_last_working_days_count_back_over_a_holiday() -> None:
    assert kalender.hari_kerja_terakhir(None, 3, D(2026, 8, 18)) == [
        D(2026, 8, 13),
        D(2026, 8, 14),
        D(2026, 8, 18),
    ]
    # Idul Fitri 2026: 18–24 March are holidays or cuti bersama, with a weekend in between
    assert kalender.hari_kerja_terakhir(None, 2, D(2026, 3, 25)) == [D(2026, 3, 17), D(2026, 3, 25)]
    assert kalender.hari_kerja_terakhir(None, 0, D(2026, 3, 25)) == []
    # a long stretch asked for: more than the first window
    akhir = kalender.hari_kerja_terakhir(None, 40, D(2026, 4, 30))
    assert len(akhir) == 40 and akhir[-1] == D(2026, 4, 30)
    assert all(d.weekday() < 5 for d in akhir) and D(2026, 4, 3) not in akhir


def test_a_holiday_of_one_instansi_does_not_stop_another(kota: KotaKecil) -> None:
    from kinerja.organisasi.models import Instansi

    lain = Instansi.objects.create(kode="LAIN", nama="Kabupaten Lain")
    HariLibur.objects.create(instansi=kota.instansi, tanggal=D(2026, 11, 25), nama="HUT Kota")
    assert not kalender.adalah_hari_kerja(kota.instansi.pk, D(2026, 11, 25))
    assert kalender.adalah_hari_kerja(lain.pk, D(2026, 11, 25))
    assert kalender.adalah_hari_kerja(None, D(2026, 11, 25))
