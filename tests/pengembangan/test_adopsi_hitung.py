"""Adoption numbers (kinerja.pengembangan.adopsi) on the small known city with known data:
shares, window boundaries, the unit roll-up inside an OPD and the OPD roll-up of the city."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from kinerja.kegiatan.models import StatusLaporan
from kinerja.organisasi import services as org
from kinerja.pengembangan import adopsi
from kinerja.skp.models import Skp, StatusSkp
from tests.factories import KotaKecil, buat_pegawai
from tests.pengembangan import adopsi_util as u
from tests.skp.util import buat_periode

pytestmark = pytest.mark.django_db


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _baris(data: adopsi.Adopsi, pk: int) -> adopsi.BarisAdopsi:
    return next(b for b in data.baris if b.pk == pk)


def _unit(kota: KotaKecil, hari: int = 28) -> adopsi.Adopsi:
    return adopsi.per_unit(instansi_id=kota.instansi.pk, j=adopsi.jendela(hari), opd=kota.dinas)


def test_skp_share_counts_only_the_approved_version_in_force(kota: KotaKecil) -> None:
    periode = buat_periode(kota)
    for p in (kota.pegawai, kota.atasan, kota.kabid):
        u.skp(kota, p)
    # the kepala dinas: an approved version no longer in force, the one in force is submitted
    Skp.objects.create(
        pegawai=kota.pimpinan, periode=periode, versi=1, aktif=False, status=StatusSkp.DISETUJUI
    )
    Skp.objects.create(pegawai=kota.pimpinan, periode=periode, versi=2, status=StatusSkp.DIAJUKAN)
    # an approved SKP of last year's periode does not count this year
    lalu = buat_periode(kota, timezone.localdate().year - 1)
    Skp.objects.create(pegawai=kota.luar, periode=lalu, status=StatusSkp.DISETUJUI)

    data = _unit(kota)
    assert (data.total.pegawai, data.total.skp, data.total.persen_skp) == (4, 3, 75)
    assert data.total.warna_skp == adopsi.KUNING
    bidang = _baris(data, kota.bidang.pk)
    assert (bidang.pegawai, bidang.skp, bidang.persen_skp, bidang.warna_skp) == (3, 3, 100, "hijau")
    kantor = _baris(data, kota.dinas.pk)
    assert kantor.kantor and (kantor.pegawai, kantor.skp, kantor.warna_skp) == (1, 0, "merah")
    assert data.periode == periode

    kota_data = adopsi.per_opd(instansi_id=kota.instansi.pk, j=adopsi.jendela(28))
    assert _baris(kota_data, kota.dinas_lain.pk).skp == 0


def test_no_running_periode_means_no_approved_skp(kota: KotaKecil) -> None:
    data = _unit(kota)
    assert data.periode is None
    assert (data.total.pegawai, data.total.skp, data.total.persen_skp) == (4, 0, 0)


def test_weekly_reporting_needs_a_report_in_every_week_of_the_window(kota: KotaKecil) -> None:
    ok = StatusLaporan.DISETUJUI
    for n in (0, 7, 14, 21):  # every one of the last four weeks
        u.lapor(kota.pegawai, _hari(n), status=ok)
    for n in (0, 1, 8, 27):  # weeks 0, 1 and 3; none in week 2 (days 14–20)
        u.lapor(kota.atasan, _hari(n), status=ok)
    u.lapor(kota.kabid, _hari(28), status=ok)  # the day before the 28-day window
    u.lapor(kota.kabid, _hari(-1), status=ok)  # dated tomorrow: not in the window

    data = _unit(kota, 28)
    bidang = _baris(data, kota.bidang.pk)
    assert (bidang.pegawai, bidang.lapor_rutin, bidang.minggu_lapor) == (3, 1, 7)
    assert bidang.persen_lapor == 33 and bidang.rata_minggu == 2.3
    assert (data.total.lapor_rutin, data.total.persen_lapor) == (1, 25)

    seminggu = _unit(kota, 7)  # one week: reporting in the last 7 days is enough
    assert seminggu.jendela.minggu == 1
    assert _baris(seminggu, kota.bidang.pk).lapor_rutin == 2

    tiga_bulan = _unit(kota, 90)  # twelve weeks: nobody reported in all of them
    assert tiga_bulan.jendela.minggu == 12
    assert tiga_bulan.total.lapor_rutin == 0
    assert tiga_bulan.total.minggu_lapor == 4 + 3 + 1


def test_atasan_feedback_share(kota: KotaKecil) -> None:
    sekarang = timezone.now()
    u.umpan(kota.atasan, kota.pegawai, sekarang - dt.timedelta(days=3))  # counts
    u.umpan(kota.kabid, kota.kabid)  # asking feedback for oneself does not count
    u.umpan(kota.pimpinan, kota.kabid, sekarang - dt.timedelta(days=40))  # before the window
    u.umpan(kota.pegawai, kota.atasan)  # a pegawai is no atasan: not in the share

    data = _unit(kota, 28)
    bidang = _baris(data, kota.bidang.pk)
    # atasan of the bidang: the kabid and the kepala seksi; one of the two gave feedback
    assert (bidang.atasan, bidang.atasan_umpan, bidang.persen_umpan) == (2, 1, 50)
    assert bidang.warna_umpan == adopsi.KUNING
    kantor = _baris(data, kota.dinas.pk)
    assert (kantor.atasan, kantor.atasan_umpan, kantor.warna_umpan) == (1, 0, adopsi.MERAH)
    assert (data.total.atasan, data.total.atasan_umpan, data.total.persen_umpan) == (3, 1, 33)

    # 90 days: the kepala dinas's feedback of 40 days ago now counts
    assert _unit(kota, 90).total.atasan_umpan == 2


def test_atasan_is_who_holds_a_jabatan_with_held_jabatan_below(kota: KotaKecil) -> None:
    # the pelaksana leaves: the kepala seksi no longer has anyone below
    tugas = kota.pegawai.penugasan_set.get()
    tugas.selesai = _hari(1)
    tugas.save()
    data = _unit(kota)
    assert data.total.pegawai == 3
    assert data.total.atasan == 2  # kepala dinas and kabid
    # a new pelaksana: the kepala seksi is an atasan again
    staf = buat_pegawai(kota.instansi, "Rahmat Hidayat")
    org.penugasan_mutasi(pegawai=staf, jabatan=kota.j_pelaksana, mulai=_hari(10))
    assert _unit(kota).total.atasan == 3

    # acting (Plt) head of another dinas whose staff post is held: the admin becomes an atasan,
    # counted under their own (definitive) OPD
    j = adopsi.jendela(28)
    sebelum = adopsi.per_opd(instansi_id=kota.instansi.pk, j=j)
    assert _baris(sebelum, kota.bkpsdmd.pk).atasan == 0
    org.penugasan_plt(pegawai=kota.admin, jabatan=kota.j_kadis_lain, mulai=_hari(3), selesai=None)
    sesudah = adopsi.per_opd(instansi_id=kota.instansi.pk, j=j)
    assert _baris(sesudah, kota.bkpsdmd.pk).atasan == 1
    assert _baris(sesudah, kota.bkpsdmd.pk).pegawai == 1


def test_review_delay_and_waiting_backlog(kota: KotaKecil) -> None:
    sekarang = timezone.now()
    t1 = sekarang - dt.timedelta(days=5)
    t2 = sekarang - dt.timedelta(days=2)
    u.lapor(kota.pegawai, _hari(5), dibuat=t1, direview=t1 + dt.timedelta(hours=2))
    u.lapor(kota.pegawai, _hari(2), dibuat=t2, direview=t2 + dt.timedelta(hours=10))
    lama = sekarang - dt.timedelta(days=45)  # reviewed 40 days ago: outside 28, inside 90
    u.lapor(kota.atasan, _hari(45), dibuat=lama, direview=lama + dt.timedelta(days=5))
    u.lapor(kota.pegawai, _hari(4), dibuat=sekarang - dt.timedelta(days=4))  # waiting 4 days
    u.lapor(kota.atasan, _hari(2), dibuat=sekarang - dt.timedelta(days=2))  # waiting 2 days
    u.lapor(
        kota.kabid,
        _hari(6),
        dibuat=sekarang - dt.timedelta(days=6),
        direview=sekarang - dt.timedelta(days=1),
        status=StatusLaporan.DIKEMBALIKAN,
    )  # returned after 5 days: a review too

    data = _unit(kota, 28)
    bidang = _baris(data, kota.bidang.pk)
    assert bidang.review_n == 3
    assert bidang.rata_review_jam == pytest.approx((2 + 10 + 120) / 3, abs=0.05)
    assert bidang.rata_review_teks == "1,8 hari"
    assert bidang.warna_review == adopsi.KUNING
    assert bidang.menunggu_lama == 1
    kantor = _baris(data, kota.dinas.pk)
    assert kantor.rata_review_jam is None and kantor.warna_review == adopsi.KOSONG

    tujuh = _unit(kota, 7)
    assert _baris(tujuh, kota.bidang.pk).review_n == 3
    sembilan_puluh = _baris(_unit(kota, 90), kota.bidang.pk)
    assert sembilan_puluh.review_n == 4
    assert sembilan_puluh.rata_review_jam == pytest.approx((2 + 10 + 120 + 120) / 4, abs=0.05)
    assert sembilan_puluh.menunggu_lama == 1  # the backlog does not depend on the window

    hanya_cepat = adopsi.BarisAdopsi(pk=1, review_n=2, review_detik=12 * 3600)
    assert hanya_cepat.rata_review_teks == "6 jam" and hanya_cepat.warna_review == adopsi.HIJAU


def test_city_rows_per_opd_add_up(kota: KotaKecil) -> None:
    for p in (kota.pegawai, kota.luar, kota.sekda):
        u.skp(kota, p)
    u.lapor(kota.luar, _hari(0), status=StatusLaporan.DISETUJUI)
    data = adopsi.per_opd(instansi_id=kota.instansi.pk, j=adopsi.jendela(7))
    per = {b.pk: b for b in data.baris}
    assert set(per) == {kota.setda.pk, kota.dinas.pk, kota.bkpsdmd.pk, kota.dinas_lain.pk}
    assert [b.nama for b in data.baris] == sorted(b.nama for b in data.baris)
    assert (per[kota.dinas.pk].pegawai, per[kota.dinas.pk].skp) == (4, 1)
    assert (per[kota.dinas_lain.pk].pegawai, per[kota.dinas_lain.pk].lapor_rutin) == (1, 1)
    assert per[kota.setda.pk].atasan == 1  # the sekda: the kepala dinas is below
    assert (data.total.pegawai, data.total.skp, data.total.lapor_rutin) == (7, 3, 1)
    assert data.total.atasan == sum(b.atasan for b in data.baris) == 4  # sekda, kadis, kabid, kasi
    # the OPD row equals the OPD page's total
    assert per[kota.dinas.pk].skp == _unit(kota, 7).total.skp

    hanya = adopsi.per_opd(
        instansi_id=kota.instansi.pk, j=adopsi.jendela(7), opd_ids=[kota.dinas_lain.pk]
    )
    assert [b.pk for b in hanya.baris] == [kota.dinas_lain.pk]


def test_deeper_units_roll_up_into_the_direct_unit_of_the_opd(kota: KotaKecil) -> None:
    sub = org.unit_create(
        instansi=kota.instansi,
        kode="DUKCAPIL.PD.1.A",
        nama="Subseksi Arsip",
        jenis="subbagian",
        parent=kota.seksi,
    )
    jab = org.jabatan_create(
        unit=sub, kode="J-ARSIP", nama="Arsiparis", jenis="pelaksana", parent=kota.j_kasi
    )
    arsip = buat_pegawai(kota.instansi, "Lina Marlina", jab)
    u.skp(kota, arsip)
    data = _unit(kota)
    assert {b.pk for b in data.baris} == {kota.dinas.pk, kota.bidang.pk}
    assert _baris(data, kota.bidang.pk).pegawai == 4
    assert _baris(data, kota.bidang.pk).skp == 1


def test_inactive_pegawai_and_ended_assignments_are_not_counted(kota: KotaKecil) -> None:
    kota.kabid.is_active = False
    kota.kabid.save()
    data = _unit(kota)
    assert data.total.pegawai == 3


@pytest.mark.parametrize(
    ("nilai", "hari"), [(None, 28), ("7", 7), ("90", 90), ("30", 28), ("x", 28), ("28", 28)]
)
def test_window_choice(nilai: str | None, hari: int) -> None:
    j = adopsi.jendela(nilai)
    assert j.hari == hari
    assert j.mulai == j.hari_ini - dt.timedelta(days=hari - 1)
    assert j.mulai_minggu == j.hari_ini - dt.timedelta(days=7 * j.minggu - 1)


@pytest.mark.parametrize(
    ("persen", "warna"),
    [(None, "kosong"), (0, "merah"), (49, "merah"), (50, "kuning"), (79, "kuning"), (80, "hijau")],
)
def test_colour_hints(persen: int | None, warna: str) -> None:
    assert adopsi.warna_persen(persen) == warna


def test_sorting_by_column() -> None:
    a = adopsi.BarisAdopsi(pk=1, nama="B", pegawai=4, skp=1)
    b = adopsi.BarisAdopsi(pk=2, nama="A", pegawai=4, skp=3)
    c = adopsi.BarisAdopsi(pk=3, nama="C")  # no pegawai: no share, sorts as lowest
    assert [x.pk for x in adopsi.urutkan([a, b, c], "skp")[0]] == [3, 1, 2]
    assert [x.pk for x in adopsi.urutkan([a, b, c], "-skp")[0]] == [2, 1, 3]
    assert adopsi.urutkan([a, b, c], "bogus") == ([b, a, c], "nama")
