"""Recommendation rules per source, reason texts, exclusions, constant query count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from kinerja.pengembangan import rekomendasi as rk
from kinerja.pengembangan.rekomendasi import rekomendasi_untuk
from kinerja.pengembangan.services_rencana import kebutuhan_tambah
from tests.factories import KotaKecil
from tests.pengembangan.rencana_util import (
    daftar,
    evaluasi,
    hari_ini,
    pelatihan,
    topik,
    umpan_balik_perilaku,
)

pytestmark = pytest.mark.django_db
TAHUN = timezone.localdate().year


def _judul(hasil: rk.HasilRekomendasi) -> list[str]:
    return [r.pelatihan.judul for r in hasil.rekomendasi]


def test_di_bawah_pada_kompeten_merekomendasikan_topik_kompeten(kota: KotaKecil) -> None:
    pelatihan("Literasi digital dasar", "literasi-digital")
    pelatihan("Belajar mandiri", "pengembangan-diri")
    pelatihan("Komunikasi efektif", "komunikasi-efektif")
    evaluasi(kota, perilaku={"kompeten": "di_bawah", "harmonis": "sesuai"}, urutan=2)
    hasil = rekomendasi_untuk(kota.pegawai.pk, TAHUN)
    assert sorted(_judul(hasil)) == ["Belajar mandiri", "Literasi digital dasar"]
    (alasan,) = {r.alasan_utama for r in hasil.rekomendasi}
    assert alasan == (
        f"Direkomendasikan karena penilaian Triwulan II {TAHUN}: perilaku Kompeten Di Bawah "
        "Ekspektasi"
    )


def test_hasil_kerja_rendah_merekomendasikan_topik_hasil_rendah(kota: KotaKecil) -> None:
    pelatihan("Manajemen waktu", "manajemen-waktu")
    pelatihan("Kepemimpinan", "kepemimpinan")
    evaluasi(kota, rating_hasil="di_bawah", jenis="tahunan", tahun=TAHUN - 1)
    hasil = rekomendasi_untuk(kota.pegawai.pk, TAHUN)
    assert _judul(hasil) == ["Manajemen waktu"]
    assert hasil.rekomendasi[0].alasan == [
        f"Direkomendasikan karena penilaian Tahunan {TAHUN - 1}: Rating Hasil Kerja Di Bawah "
        "Ekspektasi"
    ]


def test_draf_dan_belum_dikunci_diabaikan(kota: KotaKecil) -> None:
    pelatihan("Manajemen waktu", "manajemen-waktu")
    evaluasi(kota, status="draf", rating_hasil="di_bawah", urutan=1)
    evaluasi(kota, status="final", rating_hasil="di_bawah", perilaku={"kompeten": "di_bawah"})
    evaluasi(kota, rating_hasil="di_bawah", tahun=TAHUN - 1, urutan=3)  # periodic, last year
    hasil = rekomendasi_untuk(kota.pegawai.pk, TAHUN)
    assert hasil.celah == [] and hasil.rekomendasi == []


def test_sesuai_tidak_menghasilkan_apa_pun(kota: KotaKecil) -> None:
    pelatihan("Manajemen waktu", "manajemen-waktu")
    pelatihan("Literasi digital", "literasi-digital")
    evaluasi(kota, rating_hasil="sesuai", perilaku={"kompeten": "sesuai", "harmonis": "di_atas"})
    assert rekomendasi_untuk(kota.pegawai.pk, TAHUN).celah == []


def test_sudah_terdaftar_tidak_ditawarkan_lagi(kota: KotaKecil) -> None:
    a = pelatihan("Manajemen waktu A", "manajemen-waktu")
    pelatihan("Manajemen waktu B", "manajemen-waktu", mulai=hari_ini() + dt.timedelta(days=30))
    b = pelatihan("Manajemen waktu lama", "manajemen-waktu")
    daftar(a, kota.pegawai, "disetujui")
    daftar(b, kota.pegawai, "ditolak")  # a declined request does not count
    evaluasi(kota, rating_hasil="di_bawah")
    hasil = rekomendasi_untuk(kota.pegawai.pk, TAHUN)
    assert _judul(hasil) == ["Manajemen waktu lama", "Manajemen waktu B"]
    assert [(r.pelatihan.judul, r.status_pendaftaran) for r in hasil.sudah] == [
        ("Manajemen waktu A", "disetujui")
    ]


def test_penuh_selesai_dan_nonaktif_tidak_ditawarkan(kota: KotaKecil) -> None:
    penuh = pelatihan("Penuh", "manajemen-waktu", kuota=1)
    daftar(penuh, kota.luar, "disetujui")
    pelatihan(
        "Sudah lewat",
        "manajemen-waktu",
        mulai=hari_ini() - dt.timedelta(days=10),
        selesai=hari_ini() - dt.timedelta(days=1),
    )
    pelatihan("Nonaktif", "manajemen-waktu", aktif=False)
    pelatihan("Masih ada tempat", "manajemen-waktu", kuota=2)
    pelatihan(
        "Hari ini terakhir",
        "manajemen-waktu",
        mulai=hari_ini() - dt.timedelta(days=3),
        selesai=hari_ini(),
    )
    evaluasi(kota, rating_hasil="di_bawah")
    assert _judul(rekomendasi_untuk(kota.pegawai.pk, TAHUN)) == [
        "Hari ini terakhir",
        "Masih ada tempat",
    ]


def test_masukan_atasan_dan_umpan_balik_dengan_urutan(kota: KotaKecil) -> None:
    pelatihan("Komunikasi", "komunikasi-efektif", mulai=hari_ini() + dt.timedelta(days=1))
    pelatihan("Pelayanan prima", "pelayanan-publik", mulai=hari_ini() + dt.timedelta(days=2))
    pelatihan("Kerja sama", "kerja-sama-tim", mulai=hari_ini() + dt.timedelta(days=3))
    waktu = timezone.make_aware(dt.datetime(TAHUN, 5, 12, 9, 0))
    umpan_balik_perilaku(kota, "harmonis", waktu=waktu)
    umpan_balik_perilaku(kota, "kolaboratif", penulis=kota.pegawai)  # own message: not feedback
    kebutuhan_tambah(
        pegawai=kota.pegawai,
        oleh=kota.atasan,
        topik=topik("pelayanan-publik"),
        alasan="Sering menerima keluhan warga di loket",
    )
    evaluasi(kota, perilaku={"kolaboratif": "di_bawah"}, urutan=1)
    hasil = rekomendasi_untuk(kota.pegawai.pk, TAHUN)
    assert _judul(hasil) == ["Kerja sama", "Pelayanan prima", "Komunikasi"]
    assert [r.alasan_utama for r in hasil.rekomendasi] == [
        f"Direkomendasikan karena penilaian Triwulan I {TAHUN}: perilaku Kolaboratif Di Bawah "
        "Ekspektasi",
        "Direkomendasikan karena masukan atasan: Sering menerima keluhan warga di loket",
        f"Direkomendasikan karena umpan balik atasan tentang Harmonis (12 Mei {TAHUN})",
    ]


def test_satu_pelatihan_banyak_alasan(kota: KotaKecil) -> None:
    pelatihan("Literasi digital", "literasi-digital")  # kompeten + hasil rendah
    evaluasi(kota, rating_hasil="di_bawah", perilaku={"kompeten": "di_bawah"})
    (rek,) = rekomendasi_untuk(kota.pegawai.pk, TAHUN).rekomendasi
    assert len(rek.alasan) == 2


def test_aturan_murni_tersedia() -> None:
    k = rk.Kandidat(1, "x", frozenset({1}), True, None, None, None, 0)
    assert rk.tersedia(k, dt.date(2026, 1, 1))
    k.kuota, k.terisi = 3, 3
    assert not rk.tersedia(k, dt.date(2026, 1, 1))


def _isi(kota: KotaKecil, n: int) -> None:
    from kinerja.pengembangan.models import KebutuhanPengembangan

    for i in range(n):
        p = pelatihan(f"P{i}", "manajemen-waktu", "literasi-digital", kuota=5)
        daftar(p, kota.luar, "disetujui")
        evaluasi(
            kota,
            rating_hasil="di_bawah",
            perilaku={"kompeten": "di_bawah"},
            urutan=1 + i % 4,
            tahun=TAHUN - (i // 4),
        )
        umpan_balik_perilaku(kota, "harmonis")
        KebutuhanPengembangan.objects.create(
            pegawai=kota.pegawai,
            tahun=TAHUN,
            topik=topik("kepemimpinan"),
            sumber="atasan",
            alasan=f"alasan {i}",
            dicatat_oleh=kota.atasan,
        )


@pytest.mark.parametrize("n", [2, 6])
def test_jumlah_query_konstan(kota: KotaKecil, n: int, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    _isi(kota, n)
    with django_assert_num_queries(9):
        hasil = rekomendasi_untuk(kota.pegawai.pk, TAHUN)
    assert hasil.rekomendasi


def test_kartu_beranda_satu_query(kota: KotaKecil, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    from kinerja.pengembangan.selectors_rencana import ringkasan_beranda

    evaluasi(
        kota, rating_hasil="di_bawah", perilaku={"kompeten": "di_bawah", "harmonis": "di_bawah"}
    )
    evaluasi(kota, status="final", rating_hasil="di_bawah", urutan=3)  # not locked: not counted
    umpan_balik_perilaku(kota, "harmonis")
    kebutuhan_tambah(
        pegawai=kota.pegawai, oleh=kota.atasan, topik=topik("kepemimpinan"), alasan="Memimpin tim"
    )
    with django_assert_num_queries(1):
        data = ringkasan_beranda(kota.pegawai.pk, TAHUN)
    assert data["celah"] == 5 and data["dari_penilaian"] == 3 and data["rencana_pk"] is None


def test_kartu_beranda_tampil(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from django.urls import reverse

    evaluasi(kota, rating_hasil="di_bawah")
    html = client_as("pegawai").get(reverse("beranda")).content.decode()
    assert "1 kebutuhan pengembangan tercatat" in html
    assert reverse("pengembangan:rekomendasi") in html
