from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.kegiatan import mirip
from kinerja.kegiatan.models import LaporanKegiatan, LaporanSidik, SumberMirip
from tests.factories import buat_pegawai
from tests.kegiatan.util import hari, lapor, siapkan

pytestmark = pytest.mark.django_db

ASLI = (
    "Memverifikasi dua belas berkas permohonan KTP-el warga Kelurahan Bukit Intan dan "
    "mencocokkan data dengan SIAK sebelum dicetak"
)
SALIN = (
    "memverifikasi dua belas berkas permohonan KTP el warga kelurahan Bukit Intan, dan "
    "mencocokkan data dengan SIAK sebelum dicetak!!"
)
BEDA = (
    "Mengarsipkan berkas permohonan KTP-el yang sudah dicetak ke lemari arsip seksi dan "
    "memperbarui daftar arsip digital"
)


def test_shingles_ignore_case_punctuation_and_numbers() -> None:
    assert mirip.shingle(ASLI.replace("dua belas", "12")) == mirip.shingle(
        SALIN.replace("dua belas", "15")
    )
    assert mirip.shingle("rapat") == frozenset()  # too short to judge
    assert mirip.kunci_band(mirip.shingle(ASLI)) == mirip.kunci_band(mirip.shingle(SALIN))


def test_a_copy_of_my_own_other_day_is_flagged_and_a_distinct_one_is_not(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    asli = lapor(kota.pegawai, d["indikator"], tanggal=hari(1), uraian=ASLI)
    salin = lapor(kota.pegawai, d["indikator"], tanggal=hari(0), uraian=SALIN)
    beda = lapor(kota.pegawai, d["indikator"], tanggal=hari(0), uraian=BEDA)
    assert salin.mirip_dengan_id == asli.pk
    assert salin.mirip_sumber == SumberMirip.SENDIRI and salin.skor_mirip >= 0.8
    assert beda.mirip_dengan_id is None
    assert LaporanSidik.objects.filter(laporan=salin).count() == mirip._band_baris()[0]


def test_a_copy_of_a_colleagues_report_in_the_same_opd_is_flagged(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    rekan = buat_pegawai(kota.instansi, "Budi Rekan", kota.j_pelaksana)
    asli = lapor(rekan, None, uraian=ASLI)  # no approved SKP: no indikator needed
    salin = lapor(kota.pegawai, d["indikator"], uraian=SALIN)
    assert (salin.mirip_dengan_id, salin.mirip_sumber) == (asli.pk, SumberMirip.ORANG_LAIN)


def test_same_text_in_another_opd_or_the_same_day_is_not_flagged(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lapor(kota.luar, None, uraian=ASLI)
    pertama = lapor(kota.pegawai, d["indikator"], uraian=ASLI)
    kedua = lapor(kota.pegawai, d["indikator"], uraian=SALIN)  # same person, same day
    assert pertama.mirip_dengan_id is None and kedua.mirip_dengan_id is None


def test_editing_the_text_reindexes(kota) -> None:  # type: ignore[no-untyped-def]
    from kinerja.kegiatan import services

    d = siapkan(kota)
    lapor(kota.pegawai, d["indikator"], tanggal=hari(1), uraian=ASLI)
    salin = lapor(kota.pegawai, d["indikator"], uraian=SALIN)
    salin = services.laporan_update(
        oleh=kota.pegawai,
        laporan=salin,
        revisi=salin.revisi,
        tanggal=salin.tanggal,
        uraian=BEDA,
        durasi_menit=60,
        indikator=d["indikator"],
        kuantitas=Decimal(1),
    )
    assert LaporanKegiatan.objects.get(pk=salin.pk).mirip_dengan_id is None


def test_bulk_indexing_flags_like_one_by_one_and_is_idempotent(kota) -> None:  # type: ignore[no-untyped-def]
    siapkan(kota, setujui=False)
    rows = [
        LaporanKegiatan.objects.create(
            pegawai=kota.pegawai, tanggal=hari(3), durasi_menit=60, uraian=ASLI
        ),
        LaporanKegiatan.objects.create(
            pegawai=kota.pegawai, tanggal=hari(2), durasi_menit=60, uraian=BEDA
        ),
        LaporanKegiatan.objects.create(
            pegawai=kota.pegawai, tanggal=hari(1), durasi_menit=60, uraian=SALIN
        ),
    ]
    assert mirip.indeks_laporan_massal(rows) == 1
    assert mirip.indeks_laporan_massal(rows) == 1
    flagged = LaporanKegiatan.objects.get(pk=rows[2].pk)
    assert flagged.mirip_dengan_id == rows[0].pk
    assert LaporanSidik.objects.count() == 3 * mirip._band_baris()[0]
    # a later single submission sees the bulk index
    later = lapor(kota.pegawai, None, uraian=ASLI + " hari ini")
    assert later.mirip_dengan_id is not None


def test_the_window_prunes_old_keys(kota, settings) -> None:  # type: ignore[no-untyped-def]
    settings.MIRIP_JENDELA_HARI = 2
    siapkan(kota, setujui=False)
    lama = LaporanKegiatan.objects.create(
        pegawai=kota.pegawai, tanggal=hari(5), durasi_menit=60, uraian=ASLI
    )
    baru = LaporanKegiatan.objects.create(
        pegawai=kota.pegawai, tanggal=hari(1), durasi_menit=60, uraian=BEDA
    )
    mirip.indeks_laporan_massal([lama, baru])
    assert set(LaporanSidik.objects.values_list("laporan_id", flat=True)) == {baru.pk}
    mirip.indeks_laporan_massal([lama], opd_map={})
    LaporanSidik.objects.create(
        laporan=lama, kunci=1, pegawai_ref=kota.pegawai.pk, tanggal=lama.tanggal
    )
    assert mirip.pangkas() == 1
