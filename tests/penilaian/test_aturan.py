"""The rules as functions over the seeded tables: matrix, distribution, proposal, angka kredit,
windows, the keberatan day count. A wrong table must fail these."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kinerja.penilaian import aturan
from kinerja.penilaian.models import AmbangUsulan, MatriksPredikat, PengaturanPenilaian
from kinerja.skp.models import PeriodeKinerja

pytestmark = pytest.mark.django_db

SB, B, BP, K, SK = "sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"


@pytest.mark.parametrize(
    ("hasil", "perilaku", "predikat"),
    [
        ("di_atas", "di_bawah", K),
        ("di_atas", "sesuai", B),
        ("di_atas", "di_atas", SB),
        ("sesuai", "di_bawah", K),
        ("sesuai", "sesuai", B),
        ("sesuai", "di_atas", B),
        ("di_bawah", "di_bawah", SK),
        ("di_bawah", "sesuai", BP),
        ("di_bawah", "di_atas", BP),
    ],
)
def test_matriks_sembilan_sel(hasil: str, perilaku: str, predikat: str) -> None:
    assert aturan.predikat_dari(hasil, perilaku) == predikat


def test_matriks_adalah_data() -> None:
    MatriksPredikat.objects.filter(rating_hasil="sesuai", rating_perilaku="di_atas").update(
        predikat=SB
    )
    assert aturan.predikat_dari("sesuai", "di_atas") == SB
    MatriksPredikat.objects.filter(rating_hasil="sesuai", rating_perilaku="di_atas").delete()
    with pytest.raises(ValidationError):
        aturan.predikat_dari("sesuai", "di_atas")


def _pesan(org: str, counts: dict[str, int]) -> list[str]:
    return [p.pesan for p in aturan.periksa_distribusi(org, counts)]


# --- distribution: per predikat organisasi, pass and fail ----------------------------------


def test_istimewa() -> None:
    assert _pesan("istimewa", {SB: 7, B: 2, SK: 1}) == []  # 70% of 10 → 7 allowed
    assert _pesan("istimewa", {SB: 8, B: 2}) == [
        "Sangat Baik 8 dari 10 (80%) — paling banyak 70% (7 orang)"
    ]
    # 70% of 9 = 6.3 → at most 6
    assert _pesan("istimewa", {SB: 6, B: 3}) == []
    assert len(_pesan("istimewa", {SB: 7, B: 2})) == 1
    assert _pesan("istimewa", {K: 3, SK: 4}) == []  # rest: any


def test_baik() -> None:
    assert _pesan("baik", {B: 7, BP: 1, SB: 1, SK: 1}) == []
    assert _pesan("baik", {B: 7, K: 1, SB: 2}) == []  # Kurang satisfies "and/or"
    lebih = _pesan("baik", {B: 8, BP: 1, SB: 1})
    assert lebih == ["Baik 8 dari 10 (80%) — paling banyak 70% (7 orang)"]
    tanpa = _pesan("baik", {B: 7, SB: 3})
    assert tanpa == [
        "Butuh Perbaikan dan/atau Kurang/Misconduct 0 dari 10 (0%) — paling sedikit 1 orang"
    ]


def test_butuh_perbaikan() -> None:
    assert _pesan("butuh_perbaikan", {BP: 6, SB: 1, B: 3}) == []
    assert len(_pesan("butuh_perbaikan", {BP: 5, B: 5})) == 1  # < 60%
    assert len(_pesan("butuh_perbaikan", {BP: 6, SB: 2, B: 2})) == 1  # > 10% SB
    # 60% of 9 = 5.4 → at least 6
    assert len(_pesan("butuh_perbaikan", {BP: 5, B: 4})) == 1
    assert _pesan("butuh_perbaikan", {BP: 6, B: 3}) == []


def test_kurang() -> None:
    assert _pesan("kurang", {K: 6, BP: 1, SB: 1, B: 2}) == []
    assert len(_pesan("kurang", {K: 5, BP: 1, B: 4})) == 1  # < 60% Kurang
    assert len(_pesan("kurang", {K: 6, B: 4})) == 1  # no Butuh Perbaikan
    assert len(_pesan("kurang", {K: 6, BP: 2, SB: 2})) == 1  # 20% SB
    assert len(_pesan("kurang", {K: 5, SB: 5})) == 3


def test_sangat_kurang() -> None:
    assert _pesan("sangat_kurang", {SK: 6, K: 1, B: 3}) == []
    assert _pesan("sangat_kurang", {SK: 6, BP: 1, B: 3}) == []
    assert len(_pesan("sangat_kurang", {SK: 5, K: 1, B: 4})) == 1
    assert len(_pesan("sangat_kurang", {SK: 6, B: 4})) == 1
    assert _pesan("sangat_kurang", {SK: 6, K: 3, SB: 1}) == [
        "Sangat Baik 1 dari 10 (10%) — tidak boleh ada"
    ]


def test_distribusi_kosong_dan_tidak_dikenal() -> None:
    assert _pesan("baik", {}) == []
    with pytest.raises(ValidationError):
        aturan.periksa_distribusi("luar_biasa", {B: 1})


def test_distribusi_hanya_peringatan_tidak_mengubah_counts() -> None:
    counts = {SB: 10}
    aturan.periksa_distribusi("sangat_kurang", counts)
    assert counts == {SB: 10}


# --- achievement and proposal ---------------------------------------------------------------


def test_capaian_per_aspek() -> None:
    assert aturan.capaian("kuantitas", Decimal(12), Decimal(6)) == Decimal("50.00")
    assert aturan.capaian("kualitas", Decimal(80), Decimal(88)) == Decimal("110.00")
    assert aturan.capaian("waktu", Decimal(12), Decimal(10)) == Decimal("120.00")
    assert aturan.capaian("biaya", Decimal(100), Decimal(125)) == Decimal("80.00")
    assert aturan.capaian("waktu", Decimal(12), Decimal(0)) == Decimal(0)
    assert aturan.capaian("kuantitas", None, Decimal(5)) is None
    assert aturan.capaian("kuantitas", Decimal(3), Decimal(1)) == Decimal("33.33")


@pytest.mark.parametrize(
    ("nilai", "rating"),
    [
        ("110", "di_atas"),
        ("109.99", "sesuai"),
        ("80", "sesuai"),
        ("79.99", "di_bawah"),
        ("0", "di_bawah"),
    ],
)
def test_usulan_di_ambang(nilai: str, rating: str) -> None:
    assert aturan.usulan_dari([Decimal(nilai)]).rating == rating


def test_usulan_rata_dibatasi_dan_tanpa_target() -> None:
    # 200% capped at 150, with 70 → 110 → Di Atas; None (no numeric target) left out
    u = aturan.usulan_dari([Decimal(200), Decimal(70), None])
    assert (u.rating, u.rata, u.dihitung) == ("di_atas", Decimal("110.00"), 2)
    assert aturan.usulan_dari([None]).rating == ""
    # the rounded average is what is compared: 109.995 → 110.00 → Di Atas
    assert aturan.usulan_dari([Decimal("109.99"), Decimal("110")]).rating == "di_atas"
    assert "150" in u.teks_aturan and "110" in u.teks_aturan


def test_ambang_adalah_data() -> None:
    AmbangUsulan.objects.filter(rating="di_atas").update(batas_bawah=Decimal(120))
    assert aturan.usulan_dari([Decimal(115)]).rating == "sesuai"
    PengaturanPenilaian.objects.update(batas_capaian_persen=Decimal(100))
    assert aturan.usulan_dari([Decimal(200)]).rata == Decimal("100.00")


# --- angka kredit -----------------------------------------------------------------------------


def test_angka_kredit_contoh_domain() -> None:
    assert aturan.angka_kredit(predikat=SB, jenjang="ahli_pertama") == Decimal("18.75")
    assert aturan.angka_kredit(predikat=B, jenjang="ahli_pertama", bulan=2) == Decimal("2.08")
    assert aturan.hitung_angka_kredit(
        persen=Decimal(100), koefisien=Decimal("12.5"), bulan=2
    ) == Decimal("2.08")
    assert aturan.angka_kredit(predikat=SK, jenjang="penyelia") == Decimal("6.25")
    assert aturan.angka_kredit(predikat=BP, jenjang="pemula", bulan=3) == Decimal("0.70")
    assert aturan.angka_kredit(predikat=B, jenjang="") is None


# --- windows and days ---------------------------------------------------------------------


def test_jendela_per_kadensi() -> None:
    p = PeriodeKinerja(tahun=2025, mulai=dt.date(2025, 1, 1), selesai=dt.date(2025, 12, 31))
    p.kadensi = "triwulanan"
    tw = aturan.jendela_periodik(p)
    assert [(j.mulai, j.selesai) for j in tw][1] == (dt.date(2025, 4, 1), dt.date(2025, 6, 30))
    assert len(tw) == 4 and tw[-1].selesai == dt.date(2025, 12, 31)
    p.kadensi = "bulanan"
    assert len(aturan.jendela_periodik(p)) == 12
    assert aturan.jendela_periodik(p)[1].selesai == dt.date(2025, 2, 28)
    p.kadensi = "semesteran"
    assert [j.bulan for j in aturan.jendela_periodik(p)] == [6, 6]
    assert aturan.jendela_tahunan(p).bulan == 12
    with pytest.raises(ValidationError):
        aturan.jendela_dari(p, "periodik", 3)


def test_boleh_dinilai_sejak() -> None:
    akhir = dt.date(2025, 3, 31)
    assert aturan.boleh_dinilai_sejak(akhir, 0) == dt.date(2025, 4, 1)
    assert aturan.boleh_dinilai_sejak(akhir, 1) == akhir


def test_hari_keberatan() -> None:
    lihat = dt.date(2025, 4, 10)
    assert aturan.keberatan_masih_boleh(lihat, lihat, 14)
    assert aturan.keberatan_masih_boleh(lihat, dt.date(2025, 4, 24), 14)  # day 14
    assert not aturan.keberatan_masih_boleh(lihat, dt.date(2025, 4, 25), 14)  # day 15
    assert aturan.batas_keberatan(lihat, 14) == dt.date(2025, 4, 24)


def test_aturan_sisanya_dapat_diperketat_oleh_admin() -> None:
    from kinerja.penilaian.models import AturanDistribusi

    # as seeded, "rest Sangat Baik or Sangat Kurang" is always met (the other rules name the rest)
    assert _pesan("baik", {B: 6, K: 1, SB: 1, SK: 2}) == []
    AturanDistribusi.objects.filter(predikat_organisasi="baik", jenis="sisanya").update(
        predikat_pegawai=[SB]
    )
    assert _pesan("baik", {B: 6, K: 1, SB: 1, SK: 2}) == [
        "Sangat Kurang 2 dari 10 — selain yang diatur di atas, hanya boleh Sangat Baik"
    ]
    # a percentage rule edited by an admin takes effect at once
    AturanDistribusi.objects.filter(predikat_organisasi="istimewa", jenis="paling_banyak").update(
        persen=Decimal(50)
    )
    assert len(_pesan("istimewa", {SB: 6, B: 4})) == 1
