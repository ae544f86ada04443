from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.kegiatan import services
from kinerja.kegiatan.models import (
    BuktiDukung,
    LaporanKegiatan,
    RealisasiBulanan,
    RealisasiManual,
    StatusLaporan,
)
from kinerja.kegiatan.selectors import realisasi_indikator
from kinerja.notifikasi.models import Notifikasi
from kinerja.skp.models import PeriodeKinerja
from tests.kegiatan.util import besar, exe_pdf, hari, jpeg, lapor, pdf, png, siapkan
from tests.skp.util import isi_rhk

pytestmark = pytest.mark.django_db


def _snapshot() -> tuple[int, int, list[tuple[int, int, Decimal]]]:
    return (
        LaporanKegiatan.objects.count(),
        BuktiDukung.objects.count(),
        list(RealisasiBulanan.objects.values_list("indikator_id", "jumlah_laporan", "kuantitas")),
    )


def test_it_creates_a_report_with_evidence_and_links_the_rhk(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(
        kota.pegawai, d["indikator"], berkas=[png(), pdf()], tautan="https://contoh.go.id/x"
    )
    assert lap.skp_id == d["skp"].pk and lap.rhk_id == d["rhk"].pk
    assert lap.status == StatusLaporan.DIAJUKAN
    assert [b.jenis for b in lap.bukti_set.all()] == ["png", "pdf"]
    assert lap.bukti_set.first().berkas.read().startswith(b"\x89PNG")  # type: ignore[union-attr]


def test_duration_comes_from_start_and_end(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(
        kota.pegawai,
        d["indikator"],
        durasi_menit=None,
        jam_mulai=dt.time(8, 15),
        jam_selesai=dt.time(9, 45),
    )
    assert lap.durasi_menit == 90
    with pytest.raises(ValidationError) as e:
        lapor(kota.pegawai, d["indikator"], jam_mulai=dt.time(10), jam_selesai=dt.time(9))
    assert "jam_selesai" in e.value.message_dict


@pytest.mark.parametrize(
    "extra, field",
    [
        ({"tanggal": hari(-1)}, "tanggal"),
        ({"kuantitas": Decimal("-1")}, "kuantitas"),
        ({"tautan": "javascript:alert(1)"}, "tautan"),
        ({"uraian": "ok"}, "uraian"),
        ({"indikator": None}, "indikator"),  # required once the SKP is approved
        ({"berkas": [besar()]}, "berkas"),
        ({"berkas": [exe_pdf()]}, "berkas"),
        ({"berkas": [png(f"f{i}.png") for i in range(6)]}, "berkas"),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(kota, extra, field) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    sebelum = _snapshot()
    with pytest.raises(ValidationError) as e:
        lapor(kota.pegawai, **({"indikator": d["indikator"]} | extra))
    assert field in e.value.message_dict
    assert _snapshot() == sebelum


def test_an_exe_renamed_pdf_gets_a_clear_message(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    with pytest.raises(ValidationError) as e:
        lapor(kota.pegawai, d["indikator"], berkas=[exe_pdf()])
    assert "bukan" in e.value.message_dict["berkas"][0]


def test_a_report_in_a_locked_period_is_refused(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    PeriodeKinerja.objects.filter(pk=d["periode"].pk).update(dikunci_sampai=hari(0))
    with pytest.raises(ValidationError) as e:
        lapor(kota.pegawai, d["indikator"])
    assert "dikunci" in e.value.message_dict["tanggal"][0]
    assert LaporanKegiatan.objects.count() == 0


def test_someone_elses_rhk_is_refused(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    ind_atasan = d["rhk_atasan"].indikator_set.first()
    with pytest.raises(ValidationError) as e:
        lapor(kota.pegawai, ind_atasan)
    assert "bukan bagian" in e.value.message_dict["indikator"][0]
    assert LaporanKegiatan.objects.count() == 0


def test_indikator_optional_before_the_skp_is_approved(kota) -> None:  # type: ignore[no-untyped-def]
    siapkan(kota, setujui=False)
    lap = lapor(kota.pegawai, None)
    assert lap.indikator_id is None


def test_approval_adds_to_realisasi_incrementally(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    a = lapor(kota.pegawai, d["indikator"], kuantitas=Decimal("3"))
    b = lapor(
        kota.pegawai,
        d["indikator"],
        kuantitas=Decimal("2"),
        durasi_menit=30,
        uraian="Entri data lain",
    )
    services.laporan_setujui(oleh=kota.atasan, laporan=a)
    assert services.laporan_setujui_massal(oleh=kota.atasan, laporan_ids=[a.pk, b.pk]) == 1
    row = RealisasiBulanan.objects.get(indikator=d["indikator"])
    assert (row.jumlah_laporan, row.menit, row.kuantitas) == (2, 90, Decimal("5"))
    services.laporan_batal_setujui(oleh=kota.atasan, laporan=b)
    row.refresh_from_db()
    assert (row.jumlah_laporan, row.menit, row.kuantitas) == (1, 60, Decimal("3"))


def test_review_only_by_the_atasan_langsung(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"])
    for orang in (kota.kabid, kota.pimpinan, kota.luar, kota.admin, kota.pegawai):
        with pytest.raises(PermissionDenied):
            services.laporan_setujui(oleh=orang, laporan=lap)
        with pytest.raises(PermissionDenied):
            services.laporan_kembalikan(oleh=orang, laporan=lap, catatan="x")
        with pytest.raises(PermissionDenied):
            services.laporan_setujui_massal(oleh=orang, laporan_ids=[lap.pk])
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DIAJUKAN
    assert RealisasiBulanan.objects.count() == 0


def test_already_reviewed_is_a_validation_error(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"])
    services.laporan_setujui(oleh=kota.atasan, laporan=lap)
    with pytest.raises(ValidationError):
        services.laporan_setujui(oleh=kota.atasan, laporan=lap)
    with pytest.raises(ValidationError):
        services.laporan_kembalikan(oleh=kota.atasan, laporan=lap, catatan="Ulangi")
    assert RealisasiBulanan.objects.get().jumlah_laporan == 1


def test_return_needs_a_note_notifies_and_edit_resubmits(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"])
    with pytest.raises(ValidationError) as e:
        services.laporan_kembalikan(oleh=kota.atasan, laporan=lap, catatan="  ")
    assert "catatan" in e.value.message_dict
    lap = services.laporan_kembalikan(oleh=kota.atasan, laporan=lap, catatan="Lampirkan foto")
    n = Notifikasi.objects.get(penerima=kota.pegawai)
    assert n.jenis == "laporan_dikembalikan" and str(lap.pk) in n.url
    lap = services.laporan_update(
        oleh=kota.pegawai,
        laporan=lap,
        revisi=lap.revisi,
        tanggal=lap.tanggal,
        uraian=lap.uraian,
        durasi_menit=60,
        indikator=d["indikator"],
        kuantitas=Decimal("3"),
        berkas=[jpeg()],
    )
    assert lap.status == StatusLaporan.DIAJUKAN and lap.bukti_set.count() == 1


def test_stale_revisi_is_a_conflict(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"])
    kw = {
        "tanggal": lap.tanggal,
        "uraian": "Verifikasi berkas KK",
        "durasi_menit": 30,
        "indikator": d["indikator"],
    }
    services.laporan_update(oleh=kota.pegawai, laporan=lap, revisi=lap.revisi, **kw)
    with pytest.raises(services.LaporanBasi):
        services.laporan_update(oleh=kota.pegawai, laporan=lap, revisi=lap.revisi, **kw)


def test_only_the_owner_edits_or_deletes_and_not_after_approval(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"], berkas=[pdf()])
    with pytest.raises(PermissionDenied):
        services.laporan_delete(oleh=kota.atasan, laporan=lap)
    services.laporan_setujui(oleh=kota.atasan, laporan=lap)
    with pytest.raises(ValidationError):
        services.laporan_delete(oleh=kota.pegawai, laporan=lap)
    lap2 = lapor(kota.pegawai, d["indikator"], berkas=[pdf()])
    services.laporan_delete(oleh=kota.pegawai, laporan=lap2)
    assert not LaporanKegiatan.objects.filter(pk=lap2.pk).exists()
    assert BuktiDukung.objects.count() == 1


def test_evidence_add_and_remove_respects_the_limit(kota, settings) -> None:  # type: ignore[no-untyped-def]
    settings.KEGIATAN_MAKS_BUKTI = 2
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"], berkas=[pdf()])
    baru = services.bukti_tambah(oleh=kota.pegawai, laporan=lap, berkas=[png()])
    with pytest.raises(ValidationError):
        services.bukti_tambah(oleh=kota.pegawai, laporan=lap, berkas=[png()])
    services.bukti_hapus(oleh=kota.pegawai, bukti=baru[0])
    assert lap.bukti_set.count() == 1


def test_repeat_prefills_without_storing(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"], tanggal=hari(1))
    awal = services.laporan_ulang(oleh=kota.pegawai, sumber=lap)
    assert awal["tanggal"] == hari(0) and awal["uraian"] == lap.uraian
    assert awal["indikator"] == d["indikator"].pk
    assert LaporanKegiatan.objects.count() == 1
    with pytest.raises(PermissionDenied):
        services.laporan_ulang(oleh=kota.atasan, sumber=lap)


def test_templates_belong_to_their_owner(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    t = services.template_laporan_create(
        oleh=kota.pegawai, nama="Verifikasi", uraian="Verifikasi berkas", indikator=d["indikator"]
    )
    with pytest.raises(ValidationError):
        services.template_laporan_create(
            oleh=kota.atasan, nama="x", uraian="Verifikasi berkas", indikator=d["indikator"]
        )
    with pytest.raises(PermissionDenied):
        services.template_laporan_delete(oleh=kota.atasan, template=t)
    services.template_laporan_update(
        oleh=kota.pegawai, template=t, nama="V2", uraian="Verifikasi KK"
    )
    services.template_laporan_delete(oleh=kota.pegawai, template=t)


def test_manual_realisasi_for_a_quality_indikator(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    with pytest.raises(ValidationError) as e:
        services.realisasi_manual_create(
            oleh=kota.pegawai,
            indikator=d["indikator"],
            tanggal=hari(0),
            nilai=Decimal(5),
            tautan="https://a.id",
        )
    assert "indikator" in e.value.message_dict
    with pytest.raises(ValidationError):  # evidence required
        services.realisasi_manual_create(
            oleh=kota.pegawai, indikator=d["kualitas"], tanggal=hari(0), nilai=Decimal(90)
        )
    a = services.realisasi_manual_create(
        oleh=kota.pegawai,
        indikator=d["kualitas"],
        tanggal=hari(0),
        nilai=Decimal(90),
        berkas=[pdf()],
    )
    with pytest.raises(PermissionDenied):
        services.realisasi_manual_setujui(oleh=kota.kabid, realisasi=a)
    services.realisasi_manual_setujui(oleh=kota.atasan, realisasi=a)
    b = services.realisasi_manual_create(
        oleh=kota.pegawai,
        indikator=d["kualitas"],
        tanggal=hari(0),
        nilai=Decimal(96),
        tautan="https://a.id/b",
    )
    services.realisasi_manual_kembalikan(oleh=kota.atasan, realisasi=b, catatan="Bukti kurang")
    b = services.realisasi_manual_update(
        oleh=kota.pegawai,
        realisasi=b,
        revisi=RealisasiManual.objects.get(pk=b.pk).revisi,
        tanggal=hari(0),
        nilai=Decimal(97),
        tautan="https://a.id/c",
    )
    services.realisasi_manual_setujui(oleh=kota.atasan, realisasi=b)
    r = realisasi_indikator([d["kualitas"].pk], hari(0), hari(0))[d["kualitas"].pk]
    assert r.nilai == Decimal(97)


def test_incremental_realisasi_equals_the_recompute(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    skp = d["skp"]
    laporan = [
        lapor(
            kota.pegawai,
            d["indikator"],
            kuantitas=Decimal(i),
            durasi_menit=10 * (i + 1),
            uraian=f"Kegiatan nomor {i} hari ini",
        )
        for i in range(6)
    ]
    services.laporan_setujui_massal(oleh=kota.atasan, laporan_ids=[x.pk for x in laporan[:4]])
    services.laporan_kembalikan(oleh=kota.atasan, laporan=laporan[4], catatan="Perbaiki")
    services.laporan_batal_setujui(oleh=kota.atasan, laporan=laporan[0])
    m = services.realisasi_manual_create(
        oleh=kota.pegawai,
        indikator=d["kualitas"],
        tanggal=hari(0),
        nilai=Decimal(88),
        tautan="https://a.id",
    )
    services.realisasi_manual_setujui(oleh=kota.atasan, realisasi=m)
    assert skp.pk
    kolom = ("indikator_id", "tahun", "bulan", "jumlah_laporan", "menit", "kuantitas", "manual")
    inkremental = sorted(RealisasiBulanan.objects.values_list(*kolom))
    services.realisasi_hitung_ulang()
    ulang = sorted(RealisasiBulanan.objects.values_list(*kolom))
    assert inkremental == ulang
    assert [r[3] for r in ulang if r[0] == d["indikator"].pk] == [3]


def test_a_second_rhk_of_the_same_pegawai_counts_separately(kota) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota, setujui=False)
    rhk2 = isi_rhk(d["skp"], "Arsip tertata", rhk_atasan=d["rhk_atasan"])
    ind2 = rhk2.indikator_set.get()
    lap = lapor(kota.pegawai, ind2)
    assert lap.rhk_id == rhk2.pk
