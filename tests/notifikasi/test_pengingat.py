from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from kinerja.kegiatan.models import StatusLaporan
from kinerja.notifikasi.models import JenisPengingat, Notifikasi, Pengingat
from kinerja.notifikasi.pengingat import kirim_pengingat_harian, peta_atasan
from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Pegawai
from tests.factories import KotaKecil, buat_pegawai
from tests.notifikasi.util import laporan

D = dt.date
RABU = D(2026, 11, 25)  # a plain Wednesday: the window of 3 working days is 20, 23, 24 November


@pytest.fixture(autouse=True)
def _n(settings):  # type: ignore[no-untyped-def]
    settings.PENGINGAT_LAPORAN_HARI_KERJA = 3
    settings.PENGINGAT_REVIEW_HARI = 3


def _semua_melapor(kota: KotaKecil, tanggal: dt.date, kecuali: set[int]) -> None:
    for p in Pegawai.objects.filter(instansi=kota.instansi).exclude(pk__in=kecuali):
        laporan(p, tanggal)


def _wib(tanggal: dt.date, jam: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(tanggal, dt.time(jam, 0)))


def test_who_has_not_reported_is_reminded_once_a_day(kota: KotaKecil) -> None:
    _semua_melapor(kota, D(2026, 11, 20), kecuali={kota.pegawai.pk})
    laporan(kota.pegawai, D(2026, 11, 19))  # the day before the window
    hasil = kirim_pengingat_harian(hari_ini=RABU)
    assert hasil.laporan == [kota.pegawai.pk]
    n = Notifikasi.objects.get(penerima=kota.pegawai)
    assert n.jenis == JenisPengingat.LAPORAN
    assert n.judul == "Anda belum melaporkan kegiatan sejak 20 November 2026"
    assert n.url
    # a rerun the same day sends nothing twice; the next working day it comes again
    assert kirim_pengingat_harian(hari_ini=RABU).laporan == []
    assert Notifikasi.objects.filter(penerima=kota.pegawai).count() == 1
    _semua_melapor(kota, D(2026, 11, 24), kecuali={kota.pegawai.pk})
    assert kirim_pengingat_harian(hari_ini=RABU + dt.timedelta(days=1)).laporan == [kota.pegawai.pk]
    assert Pengingat.objects.filter(pegawai=kota.pegawai).count() == 2


def test_a_report_in_any_status_counts_and_newcomers_are_left_alone(kota: KotaKecil) -> None:
    from kinerja.organisasi import services as org

    _semua_melapor(kota, D(2026, 11, 24), kecuali={kota.pegawai.pk, kota.luar.pk})
    laporan(kota.pegawai, D(2026, 11, 23), status=StatusLaporan.DIKEMBALIKAN)
    baru = buat_pegawai(kota.instansi, "Nadia Putri")  # no jabatan: no active penugasan
    pindahan = buat_pegawai(kota.instansi, "Yusuf Hamdan")
    org.penugasan_mutasi(pegawai=pindahan, jabatan=kota.j_pelaksana, mulai=D(2026, 11, 23))
    nonaktif = buat_pegawai(kota.instansi, "Rahmat Hidayat", kota.j_pelaksana)
    Pegawai.objects.filter(pk=nonaktif.pk).update(is_active=False)
    hasil = kirim_pengingat_harian(hari_ini=RABU)
    assert hasil.laporan == [kota.luar.pk]
    assert baru.pk not in hasil.laporan and pindahan.pk not in hasil.laporan


def test_no_reminders_on_a_holiday_or_a_weekend_and_the_window_skips_holidays(
    kota: KotaKecil,
) -> None:
    hasil = kirim_pengingat_harian(hari_ini=D(2026, 8, 17))  # Hari Kemerdekaan
    assert hasil.laporan == [] and hasil.dilewati == [kota.instansi.pk]
    assert kirim_pengingat_harian(hari_ini=D(2026, 11, 28)).laporan == []  # Saturday
    assert not Notifikasi.objects.exists()
    # Wednesday 19 Aug: the last 3 working days are 13, 14 and 18 August (17th is a holiday)
    _semua_melapor(kota, D(2026, 8, 13), kecuali={kota.pegawai.pk})
    laporan(kota.pegawai, D(2026, 8, 12))
    hasil = kirim_pengingat_harian(hari_ini=D(2026, 8, 19))
    assert hasil.laporan == [kota.pegawai.pk]
    assert "13 Agustus 2026" in Notifikasi.objects.get(penerima=kota.pegawai).judul


def test_the_atasan_is_reminded_of_reviews_waiting_too_long(kota: KotaKecil) -> None:
    _semua_melapor(kota, D(2026, 11, 24), kecuali=set())
    diajukan = StatusLaporan.DIAJUKAN
    laporan(kota.pegawai, D(2026, 11, 16), status=diajukan, dibuat_pada=_wib(D(2026, 11, 16)))
    laporan(kota.pegawai, D(2026, 11, 18), status=diajukan, dibuat_pada=_wib(D(2026, 11, 18)))
    laporan(kota.pegawai, D(2026, 11, 24), status=diajukan)  # fresh: not counted
    laporan(kota.luar, D(2026, 11, 2), status=diajukan)  # another atasan (kadis lain)
    laporan(kota.atasan, D(2026, 11, 2))  # approved long ago: nothing to do
    hasil = kirim_pengingat_harian(hari_ini=RABU)
    assert sorted(hasil.review) == sorted([kota.atasan.pk, hierarki.atasan_langsung(kota.luar).pk])  # type: ignore[union-attr]
    n = Notifikasi.objects.get(penerima=kota.atasan, jenis=JenisPengingat.REVIEW)
    assert n.judul == "2 laporan menunggu review, terlama sejak 16 November 2026"
    assert kirim_pengingat_harian(hari_ini=RABU).review == []
    assert Notifikasi.objects.filter(jenis=JenisPengingat.REVIEW).count() == 2


def test_the_atasan_map_agrees_with_the_hierarchy(kota: KotaKecil) -> None:
    from kinerja.organisasi import services as org
    from kinerja.organisasi.models import JenisPenugasan

    # a Plt in the kasi jabatan takes over the line of the pelaksana
    plt = buat_pegawai(kota.instansi, "Hendra Plt", kota.j_analis)
    org.penugasan_plt(
        pegawai=plt,
        jabatan=kota.j_kasi,
        mulai=D(2026, 11, 1),
        selesai=None,
        jenis=JenisPenugasan.PLT,
    )
    semua = list(Pegawai.objects.all())
    peta = peta_atasan([p.pk for p in semua], RABU)
    for p in semua:
        atasan = hierarki.atasan_langsung(p, RABU)
        assert peta.get(p.pk) == (atasan.pk if atasan else None), p.nama


@pytest.mark.parametrize("tambahan", [4, 12])
def test_the_daily_run_has_a_fixed_number_of_queries(
    kota: KotaKecil, tambahan: int, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    for i in range(tambahan):
        p = buat_pegawai(kota.instansi, f"Pelaksana {i}", kota.j_pelaksana)
        laporan(p, D(2026, 11, 10), status=StatusLaporan.DIAJUKAN)
    with django_assert_max_num_queries(24):
        hasil = kirim_pengingat_harian(hari_ini=RABU)
    assert len(hasil.laporan) == 7 + tambahan  # nobody reported in the window
    assert hasil.review == [kota.atasan.pk]


def test_the_command_sends_now_and_can_schedule(kota: KotaKecil, capsys) -> None:  # type: ignore[no-untyped-def]
    call_command("kirim_pengingat_harian")
    keluar = capsys.readouterr().out
    assert "Pengingat laporan" in keluar and "Ringkasan e-mail" in keluar
    call_command("kirim_pengingat_harian", "--jadwalkan")
    assert "tidak mendukung" in capsys.readouterr().out  # the immediate backend of the tests


def test_the_daily_job_queues_itself_for_the_next_morning(kota: KotaKecil, settings) -> None:  # type: ignore[no-untyped-def]
    from django_tasks_db.models import DBTaskResult

    from kinerja.notifikasi.tasks import jadwal_berikut, jadwalkan_tugas_harian, tugas_harian

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    siang = timezone.make_aware(dt.datetime(2026, 11, 25, 13, 0))
    assert timezone.localtime(jadwal_berikut(siang)) == timezone.make_aware(
        dt.datetime(2026, 11, 26, 7, 0)
    )
    assert timezone.localtime(
        jadwal_berikut(timezone.make_aware(dt.datetime(2026, 11, 25, 6, 0)))
    ) == timezone.make_aware(dt.datetime(2026, 11, 25, 7, 0))
    assert jadwalkan_tugas_harian(siang) is True
    assert jadwalkan_tugas_harian(siang) is False  # one is waiting already
    antre = DBTaskResult.objects.get(task_path=tugas_harian.module_path)
    assert antre.status == "READY" and antre.run_after == jadwal_berikut(siang)
