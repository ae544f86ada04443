"""JP recaps (kinerja.pengembangan.rekap): one query per recap, 0 JP for pegawai without ledger
rows, the year filter, the current unit after a move, inactive pegawai left out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.organisasi import services as org
from kinerja.pengembangan import rekap
from kinerja.pengembangan import selectors_rekap as sel
from tests.factories import KotaKecil, buat_pegawai
from tests.pengembangan.rekap_util import beri_jp, beri_jp_eksternal

T = Decimal("20")


def _tahun() -> int:
    return timezone.localdate().year


def _isi(kota: KotaKecil) -> None:
    beri_jp(kota.pegawai, "8")
    beri_jp_eksternal(kota.pegawai, "4")  # 12 in total, from two sources
    beri_jp(kota.atasan, "20")
    beri_jp(kota.kabid, "5")
    beri_jp(kota.kabid, "30", tahun=_tahun() - 1)


def _per_id(rows: list[rekap.BarisPegawai]) -> dict[int, rekap.BarisPegawai]:
    return {b.pegawai_id: b for b in rows}


def test_city_rows_count_pegawai_without_rows_as_zero(kota: KotaKecil) -> None:
    _isi(kota)
    with CaptureQueriesContext(connection) as q:
        rows = rekap.pegawai_rows(instansi_id=kota.instansi.pk, tahun=_tahun(), target=T)
    assert len(q.captured_queries) == 1
    by = _per_id(rows)
    assert len(rows) == 7
    assert by[kota.pegawai.pk].jp == Decimal("12.00")
    assert by[kota.pegawai.pk].status == rekap.KURANG
    assert by[kota.pegawai.pk].persen == 60
    assert by[kota.atasan.pk].status == rekap.TERCAPAI
    assert by[kota.sekda.pk].jp == 0 and by[kota.sekda.pk].status == rekap.NOL
    assert by[kota.pegawai.pk].unit_id == kota.seksi.pk
    assert by[kota.pegawai.pk].opd_id == kota.dinas.pk
    assert by[kota.pegawai.pk].opd_nama == kota.dinas.nama
    total = rekap.ringkas(rows)
    assert (total.pegawai, total.nol, total.kurang, total.tercapai) == (7, 4, 2, 1)
    assert total.di_bawah_target == 6
    assert total.rata_jp == Decimal("5.29")  # (12 + 20 + 5) / 7
    assert total.persen_tercapai == 14


def test_the_year_filter_reads_only_that_year(kota: KotaKecil) -> None:
    _isi(kota)
    lalu = _per_id(rekap.pegawai_rows(instansi_id=kota.instansi.pk, tahun=_tahun() - 1, target=T))
    assert lalu[kota.kabid.pk].jp == Decimal("30.00")
    assert lalu[kota.kabid.pk].status == rekap.TERCAPAI
    assert lalu[kota.pegawai.pk].jp == 0
    ini = _per_id(rekap.pegawai_rows(instansi_id=kota.instansi.pk, tahun=_tahun(), target=T))
    assert ini[kota.kabid.pk].jp == Decimal("5.00")


def test_a_moved_pegawai_counts_in_the_current_unit_and_inactive_ones_not_at_all(
    kota: KotaKecil,
) -> None:
    _isi(kota)
    org.penugasan_mutasi(pegawai=kota.pegawai, jabatan=kota.j_staf_lain, mulai=timezone.localdate())
    kota.luar.is_active = False
    kota.luar.save(update_fields=["is_active"])
    rows = rekap.pegawai_rows(instansi_id=kota.instansi.pk, tahun=_tahun(), target=T)
    by = _per_id(rows)
    assert kota.luar.pk not in by
    assert by[kota.pegawai.pk].unit_id == kota.dinas_lain.pk
    opd = {r.pk: r for r in rekap.per_opd(rows)}
    assert opd[kota.dinas_lain.pk].pegawai == 1
    assert opd[kota.dinas_lain.pk].total_jp == Decimal("12.00")
    assert opd[kota.dinas.pk].pegawai == 3  # pimpinan, kabid, atasan
    dinas = rekap.pegawai_rows(
        instansi_id=kota.instansi.pk, tahun=_tahun(), target=T, opd_ids=[kota.dinas.pk]
    )
    assert kota.pegawai.pk not in _per_id(dinas)


def test_rows_per_unit_inside_an_opd_in_tree_order(kota: KotaKecil) -> None:
    _isi(kota)
    rows = rekap.pegawai_rows(
        instansi_id=kota.instansi.pk, tahun=_tahun(), target=T, opd_ids=[kota.dinas.pk]
    )
    unit = rekap.per_unit(rows, akar_depth=kota.dinas.path.strip("/").count("/"))
    assert [(r.pk, r.pegawai, r.depth) for r in unit] == [
        (kota.dinas.pk, 1, 0),
        (kota.bidang.pk, 1, 1),
        (kota.seksi.pk, 2, 2),
    ]
    seksi = unit[2]
    assert (seksi.nol, seksi.kurang, seksi.tercapai, seksi.rata_jp) == (0, 1, 1, Decimal("16.00"))
    assert seksi.persen_tercapai == 50
    subtree = rekap.pegawai_rows(
        instansi_id=kota.instansi.pk, tahun=_tahun(), target=T, unit_path=kota.bidang.path
    )
    assert {b.pegawai_id for b in subtree} == {kota.kabid.pk, kota.atasan.pk, kota.pegawai.pk}


def test_filters_and_sorting(kota: KotaKecil) -> None:
    _isi(kota)
    rows = rekap.pegawai_rows(instansi_id=kota.instansi.pk, tahun=_tahun(), target=T)
    assert [b.pegawai_id for b in rekap.saring(rows, status=rekap.TERCAPAI)] == [kota.atasan.pk]
    kurang = {b.pegawai_id for b in rekap.saring(rows, status=rekap.KURANG)}
    assert kurang == {kota.pegawai.pk, kota.kabid.pk}
    assert len(rekap.saring(rows, status=rekap.NOL)) == 4
    assert len(rekap.saring(rows, status=rekap.BELUM)) == 6
    assert [b.pegawai_id for b in rekap.saring(rows, q="agus")] == [kota.pegawai.pk]
    assert [b.pegawai_id for b in rekap.saring(rows, q=kota.pegawai.nip[:14])] == [kota.pegawai.pk]
    naik = rekap.saring(rows)
    assert naik[0].jp == 0 and naik[-1].pegawai_id == kota.atasan.pk
    assert rekap.saring(rows, urut="-jp")[0].pegawai_id == kota.atasan.pk
    nama = [b.nama.casefold() for b in rekap.saring(rows, urut="nama")]
    assert nama == sorted(nama)


def test_the_team_direct_and_the_whole_chain(kota: KotaKecil) -> None:
    langsung = sel.tim_filter(kota.pimpinan, semua=False)
    assert set(langsung["pegawai_ids"]) == {kota.kabid.pk}
    semua = sel.tim_filter(kota.pimpinan, semua=True)
    rows = rekap.pegawai_rows(instansi_id=kota.instansi.pk, tahun=_tahun(), target=T, **semua)
    assert {b.pegawai_id for b in rows} == {kota.kabid.pk, kota.atasan.pk, kota.pegawai.pk}


def test_query_count_does_not_grow_with_pegawai(kota: KotaKecil) -> None:
    def jumlah_query() -> int:
        with CaptureQueriesContext(connection) as q:
            rows = rekap.pegawai_rows(instansi_id=kota.instansi.pk, tahun=_tahun(), target=T)
            rekap.per_opd(rows)
            rekap.per_unit(rows)
            rekap.ringkas(rows)
        return len(q.captured_queries)

    for i in range(4):
        beri_jp(buat_pegawai(kota.instansi, f"Staf Satu{i}", kota.j_pelaksana), "2")
    kecil = jumlah_query()
    for i in range(12):
        orang = buat_pegawai(kota.instansi, f"Staf Dua{i}", kota.j_pelaksana)
        beri_jp(orang, "1")
        beri_jp(orang, "3")
    assert jumlah_query() == kecil == 1


def test_the_home_card_numbers(kota: KotaKecil) -> None:
    _isi(kota)
    nol = buat_pegawai(kota.instansi, "Staf Baru", kota.j_pelaksana)
    with CaptureQueriesContext(connection) as q:
        data = rekap.beranda(kota.atasan, _tahun(), [kota.pegawai.pk, nol.pk])
    assert len(q.captured_queries) == 2
    assert data["jp"] == Decimal("20.00") and data["persen"] == 100
    assert data["target"] == Decimal("20")
    assert data["bawahan_nol"] == 1
    with CaptureQueriesContext(connection) as q:
        data = rekap.beranda(kota.sekda, _tahun(), [])
    assert len(q.captured_queries) == 1
    assert data["jp"] == 0 and data["bawahan_nol"] is None


def test_the_target_is_data(kota: KotaKecil) -> None:
    from kinerja.pengembangan.models import PengaturanPengembangan

    _isi(kota)
    PengaturanPengembangan.objects.all().delete()
    PengaturanPengembangan.objects.create(target_jp_tahunan=Decimal("10"))
    target = rekap.target_jp()
    assert target == Decimal("10")
    rows = _per_id(rekap.pegawai_rows(instansi_id=kota.instansi.pk, tahun=_tahun(), target=target))
    assert rows[kota.pegawai.pk].status == rekap.TERCAPAI
    assert rekap.beranda(kota.pegawai, _tahun(), [])["target"] == Decimal("10")


def test_jp_tahun_of_one_pegawai(kota: KotaKecil) -> None:
    _isi(kota)
    assert rekap.jp_tahun(kota.pegawai.pk, _tahun()) == Decimal("12")
    assert rekap.jp_tahun(kota.sekda.pk, _tahun()) == 0
    assert rekap.jp_tahun(kota.kabid.pk, dt.date.today().year - 1) == Decimal("30")
