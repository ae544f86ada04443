from __future__ import annotations

import datetime as dt

from kinerja.organisasi import hierarki, services
from kinerja.organisasi.models import JenisPenugasan, Pegawai
from tests.factories import KotaKecil, buat_pegawai

HARI = dt.date(2026, 6, 1)


def test_it_derives_the_atasan_from_the_jabatan_tree(kota: KotaKecil) -> None:
    assert hierarki.atasan_langsung(kota.pegawai, HARI) == kota.atasan
    assert hierarki.atasan_langsung(kota.atasan, HARI) == kota.kabid
    assert hierarki.atasan_langsung(kota.pimpinan, HARI) == kota.sekda
    assert hierarki.atasan_langsung(kota.sekda, HARI) is None


def test_it_names_the_atasan_pejabat_penilai(kota: KotaKecil) -> None:
    assert hierarki.atasan_pejabat_penilai(kota.pegawai, HARI) == kota.kabid


def test_it_passes_a_vacant_jabatan_to_the_next_holder_up(kota: KotaKecil) -> None:
    services.penugasan_mutasi(pegawai=kota.atasan, jabatan=kota.j_analis, mulai=dt.date(2026, 5, 1))
    assert hierarki.atasan_langsung(kota.pegawai, HARI) == kota.kabid
    assert kota.pegawai.pk in hierarki.bawahan_ids(kota.kabid, HARI)
    # before the mutasi the kasi was still the atasan
    assert hierarki.atasan_langsung(kota.pegawai, dt.date(2026, 4, 30)) == kota.atasan


def test_it_lets_a_plt_override_for_its_date_range(kota: KotaKecil) -> None:
    services.penugasan_plt(
        pegawai=kota.pimpinan,
        jabatan=kota.j_kasi,
        mulai=dt.date(2026, 6, 1),
        selesai=dt.date(2026, 6, 30),
        jenis=JenisPenugasan.PLH,
    )
    assert hierarki.atasan_langsung(kota.pegawai, dt.date(2026, 6, 15)) == kota.pimpinan
    assert hierarki.atasan_langsung(kota.pegawai, dt.date(2026, 7, 1)) == kota.atasan
    assert kota.pegawai.pk in hierarki.bawahan_ids(kota.pimpinan, dt.date(2026, 6, 15))
    assert kota.pegawai.pk not in hierarki.bawahan_ids(kota.atasan, dt.date(2026, 6, 15))


def test_a_plt_in_a_vacant_jabatan_becomes_the_atasan(kota: KotaKecil) -> None:
    services.penugasan_mutasi(pegawai=kota.atasan, jabatan=kota.j_analis, mulai=dt.date(2026, 1, 1))
    services.penugasan_plt(
        pegawai=kota.kabid, jabatan=kota.j_kasi, mulai=dt.date(2026, 2, 1), selesai=None
    )
    assert hierarki.atasan_langsung(kota.pegawai, HARI) == kota.kabid
    assert hierarki.atasan_langsung(kota.pegawai, dt.date(2026, 1, 15)) == kota.kabid  # vacant → up


def test_it_lists_bawahan_through_vacant_jabatan(kota: KotaKecil) -> None:
    assert set(hierarki.bawahan_ids(kota.atasan, HARI)) == {kota.pegawai.pk}
    assert set(hierarki.bawahan_ids(kota.kabid, HARI)) == {kota.atasan.pk}
    assert set(hierarki.bawahan_ids(kota.sekda, HARI)) >= {kota.pimpinan.pk}
    assert hierarki.bawahan_ids(kota.pegawai, HARI) == []


def test_a_mutasi_closes_the_previous_assignment(kota: KotaKecil) -> None:
    services.penugasan_mutasi(
        pegawai=kota.pegawai, jabatan=kota.j_staf_lain, mulai=dt.date(2026, 3, 1)
    )
    rows = list(kota.pegawai.penugasan_set.order_by("mulai"))
    assert [r.jabatan for r in rows] == [kota.j_pelaksana, kota.j_staf_lain]
    assert rows[0].selesai == dt.date(2026, 2, 28) and rows[1].selesai is None
    # the Kepala Dinas Perhubungan jabatan is vacant, so the line passes up to the Sekda
    assert hierarki.atasan_langsung(kota.pegawai, HARI) == kota.sekda


def test_an_inactive_holder_does_not_count(kota: KotaKecil) -> None:
    Pegawai.objects.filter(pk=kota.atasan.pk).update(is_active=False)
    assert hierarki.atasan_langsung(kota.pegawai, HARI) == kota.kabid


def test_a_new_pegawai_without_jabatan_has_no_atasan(kota: KotaKecil) -> None:
    baru = buat_pegawai(kota.instansi, "Tanpa Jabatan")
    assert hierarki.atasan_langsung(baru, HARI) is None


def test_it_finds_a_cycle_in_an_atasan_line() -> None:
    assert hierarki.cari_siklus({"A": "B", "B": "C", "C": None}) is None
    cycle = hierarki.cari_siklus({"A": "B", "B": "C", "C": "A", "D": "A"})
    assert cycle is not None and set(cycle) == {"A", "B", "C"}


def test_every_holder_of_a_shared_jabatan_holds_it(kota: KotaKecil) -> None:
    kedua = buat_pegawai(kota.instansi, "Rekan Sejabatan", kota.j_pelaksana)
    assert hierarki.jabatan_dipegang(kota.pegawai, HARI) == [kota.j_pelaksana.pk]
    assert hierarki.jabatan_dipegang(kedua, HARI) == [kota.j_pelaksana.pk]
    assert hierarki.atasan_langsung(kedua, HARI) == kota.atasan
    assert set(hierarki.bawahan_ids(kota.atasan, HARI)) == {kota.pegawai.pk, kedua.pk}


def test_a_plh_takes_the_jabatan_from_its_definitive_holder_for_the_range(kota: KotaKecil) -> None:
    services.penugasan_plt(
        pegawai=kota.kabid,
        jabatan=kota.j_kasi,
        mulai=dt.date(2026, 6, 1),
        selesai=dt.date(2026, 6, 10),
        jenis=JenisPenugasan.PLH,
    )
    assert hierarki.jabatan_dipegang(kota.atasan, dt.date(2026, 6, 5)) == []
    assert kota.j_kasi.pk in hierarki.jabatan_dipegang(kota.kabid, dt.date(2026, 6, 5))
    assert hierarki.jabatan_dipegang(kota.atasan, dt.date(2026, 6, 11)) == [kota.j_kasi.pk]
