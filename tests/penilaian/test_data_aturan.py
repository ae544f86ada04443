"""The seeded rule tables are exactly domain.md's (a wrong seed must fail here)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.penilaian.models import (
    AmbangUsulan,
    AturanDistribusi,
    KoefisienAngkaKredit,
    KonversiPredikatOrganisasi,
    KonversiTpp,
    MatriksPredikat,
    PengaturanPenilaian,
    PersentaseAngkaKredit,
)

pytestmark = pytest.mark.django_db


def test_matriks_sembilan_sel_persis_domain() -> None:
    sel = {(m.rating_hasil, m.rating_perilaku): m.predikat for m in MatriksPredikat.objects.all()}
    assert sel == {
        ("di_atas", "di_bawah"): "kurang",
        ("di_atas", "sesuai"): "baik",
        ("di_atas", "di_atas"): "sangat_baik",
        ("sesuai", "di_bawah"): "kurang",
        ("sesuai", "sesuai"): "baik",
        ("sesuai", "di_atas"): "baik",
        ("di_bawah", "di_bawah"): "sangat_kurang",
        ("di_bawah", "sesuai"): "butuh_perbaikan",
        ("di_bawah", "di_atas"): "butuh_perbaikan",
    }


def test_aturan_distribusi_tersemai() -> None:
    rows = {
        (a.predikat_organisasi, a.jenis, tuple(sorted(a.predikat_pegawai)), a.persen, a.jumlah)
        for a in AturanDistribusi.objects.all()
    }
    semua = tuple(sorted(["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"]))
    assert rows == {
        ("istimewa", "paling_banyak", ("sangat_baik",), Decimal("70"), None),
        ("istimewa", "sisanya", semua, None, None),
        ("baik", "paling_banyak", ("baik",), Decimal("70"), None),
        ("baik", "paling_sedikit", ("butuh_perbaikan", "kurang"), None, 1),
        ("baik", "sisanya", ("sangat_baik", "sangat_kurang"), None, None),
        ("butuh_perbaikan", "paling_sedikit", ("butuh_perbaikan",), Decimal("60"), None),
        ("butuh_perbaikan", "paling_banyak", ("sangat_baik",), Decimal("10"), None),
        ("kurang", "paling_sedikit", ("kurang",), Decimal("60"), None),
        ("kurang", "paling_sedikit", ("butuh_perbaikan",), Decimal("10"), None),
        ("kurang", "paling_banyak", ("sangat_baik",), Decimal("10"), None),
        ("sangat_kurang", "paling_sedikit", ("sangat_kurang",), Decimal("60"), None),
        ("sangat_kurang", "paling_sedikit", ("butuh_perbaikan", "kurang"), Decimal("10"), None),
        ("sangat_kurang", "paling_banyak", ("sangat_baik",), None, 0),
    }


def test_tabel_konversi_tersemai() -> None:
    assert dict(KoefisienAngkaKredit.objects.values_list("jenjang", "koefisien")) == {
        "ahli_pertama": Decimal("12.5"),
        "ahli_muda": Decimal("25"),
        "ahli_madya": Decimal("37.5"),
        "ahli_utama": Decimal("50"),
        "pemula": Decimal("3.75"),
        "terampil": Decimal("5"),
        "mahir": Decimal("12.5"),
        "penyelia": Decimal("25"),
    }
    assert dict(PersentaseAngkaKredit.objects.values_list("predikat", "persen")) == {
        "sangat_baik": Decimal("150"),
        "baik": Decimal("100"),
        "butuh_perbaikan": Decimal("75"),
        "kurang": Decimal("50"),
        "sangat_kurang": Decimal("25"),
    }
    assert KonversiTpp.objects.count() == 5
    assert dict(AmbangUsulan.objects.values_list("rating", "batas_bawah")) == {
        "di_atas": Decimal("110"),
        "sesuai": Decimal("80"),
        "di_bawah": Decimal("0"),
    }
    assert dict(
        KonversiPredikatOrganisasi.objects.values_list("predikat_organisasi", "rating_hasil")
    ) == {
        "istimewa": "di_atas",
        "baik": "sesuai",
        "butuh_perbaikan": "di_bawah",
        "kurang": "di_bawah",
        "sangat_kurang": "di_bawah",
    }
    p = PengaturanPenilaian.objects.get()
    assert (p.batas_keberatan_hari, p.tenggang_hari) == (14, 0)
