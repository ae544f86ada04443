"""Every rule of the evaluation services on the small known city."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kinerja.notifikasi.models import Notifikasi
from kinerja.penilaian import services
from kinerja.penilaian.models import (
    Evaluasi,
    Keberatan,
    PengaturanPenilaian,
    PerubahanEvaluasi,
    StatusEvaluasi,
)
from tests.factories import KotaKecil
from tests.penilaian.util import Data, buka, isi_realisasi, nilai, siapkan

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def d(kota: KotaKecil) -> Data:
    return siapkan(kota)


def _seksi_istimewa(kota: KotaKecil, d: Data, predikat: str = "istimewa") -> None:
    services.predikat_organisasi_tetapkan(
        unit=kota.seksi,
        periode=d.periode,
        jenis="periodik",
        urutan=1,
        predikat=predikat,
        oleh=kota.kabid,
        alasan="Capaian unit",
    )


def _semua_dinilai(kota: KotaKecil, d: Data) -> tuple[Evaluasi, Evaluasi]:
    ev = buka(kota, d)
    nilai(ev, kota.atasan, "di_bawah", "sesuai", alasan="Realisasi rendah")
    _seksi_istimewa(kota, d)
    ev_kasi = buka(kota, d, kota.atasan)
    nilai(ev_kasi, kota.kabid, "di_atas", "di_atas")
    ev.refresh_from_db()
    ev_kasi.refresh_from_db()
    return ev, ev_kasi


# --- opening, proposal, snapshot -------------------------------------------------------------


def test_usulan_dari_realisasi_dan_snapshot(kota: KotaKecil, d: Data) -> None:
    isi_realisasi(d.skp, 1, "4")
    isi_realisasi(d.skp, 2, "4")
    isi_realisasi(d.skp, 3, "5")
    isi_realisasi(d.skp, 4, "50")  # outside the window (Q1)
    ev = buka(kota, d)
    assert (ev.mulai, ev.selesai) == (
        dt.date(d.periode.tahun, 1, 1),
        dt.date(d.periode.tahun, 3, 31),
    )
    assert ev.pejabat_penilai == kota.atasan
    baris = ev.indikator_set.get()
    assert (baris.realisasi, baris.capaian, baris.jumlah_laporan) == (
        Decimal("13.00"),
        Decimal("108.33"),
        9,
    )
    assert (ev.usulan_hasil, ev.capaian_rata) == ("sesuai", Decimal("108.33"))
    assert ev.perilaku_set.count() == 7
    # realisasi added later is snapshotted again at rating time
    isi_realisasi(d.skp, 3, "10")
    ev = nilai(ev, kota.atasan, "di_atas", "sesuai")
    assert ev.indikator_set.get().realisasi == Decimal("18.00")
    assert ev.usulan_hasil == "di_atas" and ev.predikat == "baik"


def test_hanya_pejabat_penilai_membuka_dan_menilai(kota: KotaKecil, d: Data) -> None:
    for orang in [kota.pegawai, kota.pimpinan, kota.kabid, kota.admin, kota.luar]:
        with pytest.raises(PermissionDenied):
            services.evaluasi_siapkan(
                pegawai=kota.pegawai, periode=d.periode, jenis="periodik", urutan=1, oleh=orang
            )
    ev = buka(kota, d)
    for orang in [kota.pegawai, kota.pimpinan, kota.kabid, kota.admin, kota.luar]:
        with pytest.raises(PermissionDenied):
            nilai(ev, orang, "sesuai", "sesuai")
    assert nilai(ev, kota.atasan, "di_bawah", "sesuai").status == StatusEvaluasi.FINAL


def test_penilai_mengikuti_plt_di_akhir_jendela(kota: KotaKecil, d: Data) -> None:
    from kinerja.organisasi.models import Penugasan

    akhir = dt.date(d.periode.tahun, 3, 31)
    Penugasan.objects.create(
        pegawai=kota.admin, jabatan=kota.j_kasi, unit=kota.seksi, jenis="plt",
        mulai=akhir - dt.timedelta(days=10), selesai=akhir + dt.timedelta(days=30),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        buka(kota, d)
    ev = services.evaluasi_siapkan(
        pegawai=kota.pegawai, periode=d.periode, jenis="periodik", urutan=1, oleh=kota.admin
    )
    assert ev.pejabat_penilai == kota.admin


def test_tidak_ada_penilaian_sebelum_periode_berakhir(kota: KotaKecil, d: Data) -> None:
    ev = buka(kota, d)
    akhir = ev.selesai

    def coba(hari: dt.date) -> Evaluasi:
        ev.refresh_from_db()
        return services.evaluasi_nilai(
            evaluasi=ev, oleh=kota.atasan, revisi=ev.revisi, rating_hasil=ev.usulan_hasil or "",
            rating_perilaku="sesuai", alasan_hasil="x", hari_ini=hari,
        )  # fmt: skip

    with pytest.raises(ValidationError) as err:
        coba(akhir)
    assert "belum dapat" in str(err.value)
    assert coba(akhir + dt.timedelta(days=1)).status == StatusEvaluasi.FINAL
    PengaturanPenilaian.objects.update(tenggang_hari=1)
    assert coba(akhir).status == StatusEvaluasi.FINAL
    with pytest.raises(ValidationError):
        coba(akhir - dt.timedelta(days=1))


def test_alasan_wajib_bila_berbeda_dari_usulan(kota: KotaKecil, d: Data) -> None:
    isi_realisasi(d.skp, 1, "12")  # 100% → Sesuai
    ev = buka(kota, d)
    assert ev.usulan_hasil == "sesuai"
    with pytest.raises(ValidationError) as err:
        nilai(ev, kota.atasan, "di_atas", "sesuai")
    assert "alasan_hasil" in err.value.message_dict
    assert nilai(ev, kota.atasan, "sesuai", "sesuai").alasan_hasil == ""
    ev = nilai(ev, kota.atasan, "di_atas", "sesuai", alasan="Melampaui mutu")
    assert (ev.rating_hasil, ev.alasan_hasil) == ("di_atas", "Melampaui mutu")


def test_predikat_dari_matriks_tidak_pernah_diketik(kota: KotaKecil, d: Data) -> None:
    ev = buka(kota, d)
    ev = nilai(ev, kota.atasan, "di_atas", "di_bawah", alasan="x")
    assert ev.predikat == "kurang"
    ev = nilai(ev, kota.atasan, "di_bawah", "di_bawah")
    assert ev.predikat == "sangat_kurang"
    # only one rating: a draft without predikat
    ev = nilai(ev, kota.atasan, "", "sesuai")
    assert (ev.status, ev.predikat) == ("draf", "")
    assert "predikat" not in {f.name for f in Evaluasi._meta.get_fields() if f.editable}


def test_revisi_basi(kota: KotaKecil, d: Data) -> None:
    ev = buka(kota, d)
    with pytest.raises(services.RevisiBasi):
        services.evaluasi_nilai(
            evaluasi=ev, oleh=kota.atasan, revisi=ev.revisi + 5, rating_hasil="di_bawah",
            rating_perilaku="sesuai",
        )  # fmt: skip


# --- leader of a unit, predikat organisasi ---------------------------------------------------


def test_pimpinan_unit_rating_hasil_dari_predikat_organisasi(kota: KotaKecil, d: Data) -> None:
    ev = buka(kota, d, kota.atasan)  # the kepala seksi leads the seksi
    assert ev.pimpinan_unit == kota.seksi
    with pytest.raises(ValidationError) as err:
        nilai(ev, kota.kabid, "sesuai", "sesuai")
    assert "predikat kinerja organisasi" in str(err.value)
    _seksi_istimewa(kota, d)
    ev.refresh_from_db()
    assert ev.usulan_hasil == "di_atas"
    with pytest.raises(ValidationError):
        nilai(ev, kota.kabid, "sesuai", "sesuai", alasan="mau beda")
    ev = nilai(ev, kota.kabid, "", "sesuai")  # the unit sets it
    assert (ev.rating_hasil, ev.predikat) == ("di_atas", "baik")
    # a changed unit predikat (before the lock) changes the leader's result, logged
    _seksi_istimewa(kota, d, "kurang")
    ev.refresh_from_db()
    assert (ev.rating_hasil, ev.predikat) == ("di_bawah", "butuh_perbaikan")
    assert PerubahanEvaluasi.objects.filter(evaluasi=ev, predikat_lama="baik").exists()


def test_siapa_menetapkan_predikat_organisasi(kota: KotaKecil, d: Data) -> None:
    for orang in [kota.pegawai, kota.atasan, kota.luar]:
        with pytest.raises(PermissionDenied):
            _seksi_istimewa_oleh(kota, d, orang)
    for orang in [kota.kabid, kota.pimpinan, kota.admin]:
        _seksi_istimewa_oleh(kota, d, orang)
    # an OPD: the leader above (Sekda) or admin, not its own kepala
    with pytest.raises(PermissionDenied):
        services.predikat_organisasi_tetapkan(
            unit=kota.dinas, periode=d.periode, jenis="tahunan", urutan=0, predikat="baik",
            oleh=kota.pimpinan,
        )  # fmt: skip
    po = services.predikat_organisasi_tetapkan(
        unit=kota.dinas, periode=d.periode, jenis="tahunan", urutan=0, predikat="baik",
        oleh=kota.sekda,
    )  # fmt: skip
    assert (po.mulai, po.selesai) == (d.periode.mulai, d.periode.selesai)
    with pytest.raises(ValidationError):
        services.predikat_organisasi_tetapkan(
            unit=kota.dinas, periode=d.periode, jenis="tahunan", urutan=0, predikat="hebat",
            oleh=kota.sekda,
        )  # fmt: skip


def _seksi_istimewa_oleh(kota: KotaKecil, d: Data, oleh: object) -> None:
    services.predikat_organisasi_tetapkan(
        unit=kota.seksi, periode=d.periode, jenis="periodik", urutan=1, predikat="istimewa",
        oleh=oleh,  # type: ignore[arg-type]
    )  # fmt: skip


# --- finalize and lock -----------------------------------------------------------------------


def test_finalisasi_unit_mengunci_dan_memberi_tahu(kota: KotaKecil, d: Data) -> None:
    ev = buka(kota, d)
    nilai(ev, kota.atasan, "", "sesuai")  # draf
    with pytest.raises(ValidationError) as err:
        services.unit_finalkan(
            unit=kota.seksi, periode=d.periode, jenis="periodik", urutan=1, oleh=kota.atasan
        )
    assert "2 pegawai belum" in str(err.value)  # the draf + the kepala seksi not opened
    ev, ev_kasi = _semua_dinilai(kota, d)
    for orang in [kota.pegawai, kota.luar]:
        with pytest.raises(PermissionDenied):
            services.unit_finalkan(
                unit=kota.seksi, periode=d.periode, jenis="periodik", urutan=1, oleh=orang
            )
    hasil = services.unit_finalkan(
        unit=kota.seksi, periode=d.periode, jenis="periodik", urutan=1, oleh=kota.atasan
    )
    assert hasil.dikunci == 2
    # istimewa: Butuh Perbaikan + Sangat Baik: no warning
    assert hasil.peringatan == []
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.DIKUNCI
    assert Notifikasi.objects.filter(penerima=kota.pegawai, jenis="penilaian_final").count() == 1
    assert Notifikasi.objects.filter(penerima=kota.atasan, jenis="penilaian_final").count() == 1
    # no change after lock except through keberatan
    with pytest.raises(ValidationError) as err:
        nilai(ev, kota.atasan, "sesuai", "sesuai", alasan="ubah")
    assert "keberatan" in str(err.value)
    with pytest.raises(ValidationError):
        services.evaluasi_kalibrasi(
            evaluasi=ev, oleh=kota.pimpinan, revisi=ev.revisi, rating_hasil="sesuai",
            rating_perilaku="sesuai", alasan="kalibrasi",
        )  # fmt: skip
    with pytest.raises(ValidationError):
        _seksi_istimewa(kota, d, "baik")


def test_finalisasi_mengembalikan_peringatan_kurva(kota: KotaKecil, d: Data) -> None:
    ev = buka(kota, d)
    nilai(ev, kota.atasan, "di_atas", "di_atas", alasan="x")
    _seksi_istimewa(kota, d)
    nilai(buka(kota, d, kota.atasan), kota.kabid, "", "di_atas")
    hasil = services.unit_finalkan(
        unit=kota.seksi, periode=d.periode, jenis="periodik", urutan=1, oleh=kota.pimpinan
    )
    assert [p.pesan for p in hasil.peringatan] == [
        "Sangat Baik 2 dari 2 (100%) — paling banyak 70% (1 orang)"
    ]
    ev.refresh_from_db()
    assert ev.predikat == "sangat_baik"  # warned, never changed


# --- calibration -----------------------------------------------------------------------------


def test_kalibrasi_oleh_pimpinan_opd_dengan_alasan(kota: KotaKecil, d: Data) -> None:
    ev = buka(kota, d)
    ev = nilai(ev, kota.atasan, "di_bawah", "sesuai", alasan="x")

    def kalibrasi(oleh: object, alasan: str = "Kalibrasi OPD") -> Evaluasi:
        ev.refresh_from_db()
        return services.evaluasi_kalibrasi(
            evaluasi=ev, oleh=oleh, revisi=ev.revisi, rating_hasil="sesuai",  # type: ignore[arg-type]
            rating_perilaku="sesuai", alasan=alasan,
        )  # fmt: skip

    for orang in [kota.pegawai, kota.atasan, kota.kabid, kota.luar]:
        with pytest.raises(PermissionDenied):
            kalibrasi(orang)
    with pytest.raises(ValidationError):
        kalibrasi(kota.pimpinan, alasan="  ")
    ev = kalibrasi(kota.pimpinan)
    assert (ev.predikat, ev.dikalibrasi) == ("baik", True)
    log = PerubahanEvaluasi.objects.get(evaluasi=ev, sumber="kalibrasi")
    assert (log.predikat_lama, log.predikat_baru, log.alasan) == (
        "butuh_perbaikan",
        "baik",
        "Kalibrasi OPD",
    )


# --- keberatan -------------------------------------------------------------------------------


def _terkunci(kota: KotaKecil, d: Data) -> Evaluasi:
    ev, _ = _semua_dinilai(kota, d)
    services.unit_finalkan(
        unit=kota.seksi, periode=d.periode, jenis="periodik", urutan=1, oleh=kota.atasan
    )
    ev.refresh_from_db()
    return ev


def test_keberatan_hari_14_diterima_hari_15_ditolak(kota: KotaKecil, d: Data) -> None:
    ev = _terkunci(kota, d)
    dilihat = timezone.make_aware(dt.datetime(2026, 5, 4, 23, 30))  # late evening = day 0
    services.evaluasi_tandai_dilihat(evaluasi=ev, oleh=kota.pegawai, sekarang=dilihat)
    services.evaluasi_tandai_dilihat(evaluasi=ev, oleh=kota.pegawai)  # the first time counts
    ev.refresh_from_db()
    assert ev.dilihat_pegawai_pada == dilihat
    hari15 = timezone.make_aware(dt.datetime(2026, 5, 19, 0, 5))
    with pytest.raises(ValidationError) as err:
        services.keberatan_ajukan(
            evaluasi=ev, oleh=kota.pegawai, alasan="Tidak adil", sekarang=hari15
        )
    assert "sudah lewat" in str(err.value)
    hari14 = timezone.make_aware(dt.datetime(2026, 5, 18, 23, 55))
    kb = services.keberatan_ajukan(
        evaluasi=ev, oleh=kota.pegawai, alasan="Tidak adil", sekarang=hari14
    )
    assert kb.atasan_pejabat_penilai == kota.kabid
    assert (kb.hasil_lama, kb.predikat_lama) == ("di_bawah", "butuh_perbaikan")
    assert Notifikasi.objects.filter(penerima=kota.kabid, jenis="keberatan_diajukan").exists()
    with pytest.raises(ValidationError):
        services.keberatan_ajukan(evaluasi=ev, oleh=kota.pegawai, alasan="lagi", sekarang=hari14)


def test_keberatan_hanya_pegawai_atas_hasil_final(kota: KotaKecil, d: Data) -> None:
    ev = buka(kota, d)
    nilai(ev, kota.atasan, "di_bawah", "sesuai", alasan="x")
    with pytest.raises(ValidationError):
        services.keberatan_ajukan(evaluasi=ev, oleh=kota.pegawai, alasan="x")
    ev = _terkunci_lagi(kota, d, ev)
    for orang in [kota.atasan, kota.kabid, kota.luar]:
        with pytest.raises(PermissionDenied):
            services.keberatan_ajukan(evaluasi=ev, oleh=orang, alasan="x")
    with pytest.raises(ValidationError):
        services.keberatan_ajukan(evaluasi=ev, oleh=kota.pegawai, alasan="  ")
    kb = services.keberatan_ajukan(
        evaluasi=ev,
        oleh=kota.pegawai,
        alasan="Bukti belum dihitung",
        lampiran=[SimpleUploadedFile("bukti.pdf", PDF, content_type="application/pdf")],
    )
    assert kb.lampiran_set.get().jenis == "pdf"
    ev.refresh_from_db()
    assert ev.dilihat_pegawai_pada is not None  # filing = having seen it


def _terkunci_lagi(kota: KotaKecil, d: Data, ev: Evaluasi) -> Evaluasi:
    _seksi_istimewa(kota, d)
    nilai(buka(kota, d, kota.atasan), kota.kabid, "", "sesuai")
    services.unit_finalkan(
        unit=kota.seksi, periode=d.periode, jenis="periodik", urutan=1, oleh=kota.atasan
    )
    ev.refresh_from_db()
    return ev


def test_lampiran_keberatan_diperiksa(kota: KotaKecil, d: Data) -> None:
    ev = _terkunci(kota, d)
    with pytest.raises(ValidationError):
        services.keberatan_ajukan(
            evaluasi=ev,
            oleh=kota.pegawai,
            alasan="x",
            lampiran=[SimpleUploadedFile("x.pdf", b"MZ not a pdf", content_type="application/pdf")],
        )
    assert not Keberatan.objects.exists()


def test_klarifikasi_dan_keputusan_hanya_atasan_pejabat_penilai(kota: KotaKecil, d: Data) -> None:
    ev = _terkunci(kota, d)
    kb = services.keberatan_ajukan(evaluasi=ev, oleh=kota.pegawai, alasan="Tidak adil")
    for orang in [kota.pegawai, kota.atasan, kota.pimpinan, kota.admin]:
        with pytest.raises(PermissionDenied):
            services.klarifikasi_minta(
                keberatan=kb, oleh=orang, pihak="pejabat_penilai", pertanyaan="?"
            )
        with pytest.raises(PermissionDenied):
            services.keberatan_putus(keberatan=kb, oleh=orang, keputusan="tetap", alasan="x")
    k1 = services.klarifikasi_minta(
        keberatan=kb, oleh=kota.kabid, pihak="pejabat_penilai", pertanyaan="Dasar penilaian?"
    )
    k2 = services.klarifikasi_minta(
        keberatan=kb, oleh=kota.kabid, pihak="pegawai", pertanyaan="Bukti tambahan?"
    )
    assert (k1.ditujukan_ke, k2.ditujukan_ke) == (kota.atasan, kota.pegawai)
    with pytest.raises(PermissionDenied):
        services.klarifikasi_jawab(klarifikasi=k1, oleh=kota.pegawai, jawaban="x")
    services.klarifikasi_jawab(klarifikasi=k1, oleh=kota.atasan, jawaban="Realisasi 40%")
    with pytest.raises(ValidationError):
        services.klarifikasi_jawab(klarifikasi=k1, oleh=kota.atasan, jawaban="lagi")
    with pytest.raises(ValidationError):
        services.keberatan_putus(keberatan=kb, oleh=kota.kabid, keputusan="diubah", alasan="x")
    with pytest.raises(ValidationError):
        services.keberatan_putus(keberatan=kb, oleh=kota.kabid, keputusan="tetap", alasan=" ")
    kb = services.keberatan_putus(
        keberatan=kb, oleh=kota.kabid, keputusan="diubah", alasan="Bukti sah",
        rating_hasil="sesuai", rating_perilaku="sesuai",
    )  # fmt: skip
    ev.refresh_from_db()
    assert (ev.rating_hasil, ev.predikat, ev.status) == ("sesuai", "baik", "dikunci")
    assert (kb.predikat_lama, kb.predikat_baru, kb.status) == ("butuh_perbaikan", "baik", "diputus")
    log = PerubahanEvaluasi.objects.get(evaluasi=ev, sumber="keberatan")
    assert (log.hasil_lama, log.hasil_baru) == ("di_bawah", "sesuai")
    assert ev.history.filter(predikat="butuh_perbaikan").exists()
    # final
    with pytest.raises(ValidationError):
        services.keberatan_putus(keberatan=kb, oleh=kota.kabid, keputusan="tetap", alasan="x")
    with pytest.raises(ValidationError):
        services.klarifikasi_jawab(klarifikasi=k2, oleh=kota.pegawai, jawaban="telat")
    assert Notifikasi.objects.filter(penerima=kota.pegawai, jenis="keberatan_diputus").exists()


def test_pengingat_keberatan_dekat_batas(kota: KotaKecil, d: Data) -> None:
    ev = _terkunci(kota, d)
    kb = services.keberatan_ajukan(evaluasi=ev, oleh=kota.pegawai, alasan="Tidak adil")
    assert kb.batas_keputusan is not None
    awal = kb.batas_keputusan - dt.timedelta(days=4)
    assert services.keberatan_kirim_pengingat(hari_ini=awal) == 0
    dekat = kb.batas_keputusan - dt.timedelta(days=3)
    assert services.keberatan_kirim_pengingat(hari_ini=dekat) == 1
    assert services.keberatan_kirim_pengingat(hari_ini=dekat) == 0  # once a day
    assert services.keberatan_kirim_pengingat(hari_ini=dekat + dt.timedelta(days=1)) == 1
    services.keberatan_putus(keberatan=kb, oleh=kota.kabid, keputusan="tetap", alasan="Sesuai")
    assert services.keberatan_kirim_pengingat(hari_ini=kb.batas_keputusan) == 0
    assert Notifikasi.objects.filter(penerima=kota.kabid, jenis="keberatan_pengingat").count() == 2


def test_perintah_pengingat_harian(kota: KotaKecil, d: Data) -> None:
    from io import StringIO

    from django.core.management import call_command

    ev = _terkunci(kota, d)
    kb = services.keberatan_ajukan(evaluasi=ev, oleh=kota.pegawai, alasan="Tidak adil")
    Keberatan.objects.filter(pk=kb.pk).update(batas_keputusan=timezone.localdate())
    out = StringIO()
    call_command("penilaian_pengingat", stdout=out)
    assert out.getvalue().strip() == "1 pengingat keberatan dikirim"
