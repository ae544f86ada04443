"""IKM, NRR and mutu against hand-computed cases (PermenPANRB 14/2017, domain.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kinerja.survei import selectors
from kinerja.survei.ikm import HasilIkm, mutu_untuk
from kinerja.survei.models import MutuSkm, StatusRespons
from tests.factories import KotaKecil
from tests.survei.factories import buat_respons, buat_unit_layanan

D = Decimal


def seragam(jumlah: int, responden: int) -> HasilIkm:
    return HasilIkm(jumlah=[jumlah] * 9, dijawab=[responden] * 9, responden=responden)


def test_it_gives_100_exact_and_99_90_with_the_rounded_weight_when_all_answer_4() -> None:
    hasil = seragam(4, 1)
    assert hasil.ikm == D("100.00")
    assert hasil.ikm_bobot_bulat == D("99.90")
    assert hasil.berbeda


def test_it_computes_a_hand_worked_unit_where_exact_and_rounded_weight_differ() -> None:
    # four respondents; NRR = 3.25, 3.00, 2.75, 4.00, 3.50, 3.25, 3.50, 3.00, 2.50 (Σ 28.75)
    hasil = HasilIkm(jumlah=[13, 12, 11, 16, 14, 13, 14, 12, 10], dijawab=[4] * 9, responden=4)
    assert hasil.nrr == [
        D(x) for x in ["3.25", "3.00", "2.75", "4.00", "3.50", "3.25", "3.50", "3.00", "2.50"]
    ]
    assert hasil.ikm == D("79.86")  # 28.75 / 9 × 25 = 79.8611…
    assert hasil.ikm_bobot_bulat == D("79.78")  # 28.75 × 0.111 × 25 = 79.78125
    assert hasil.nilai_interval == D("3.1944")


def test_it_divides_each_unsur_by_those_who_answered_it() -> None:
    # u1 answered by 3 of 4 respondents (4+4+3 = 11 → 3.67); the others all 3
    hasil = HasilIkm(jumlah=[11] + [12] * 8, dijawab=[3] + [4] * 8, responden=4)
    assert hasil.nrr[0] == D("3.67")
    # (11/3 + 8 × 3) / 9 × 25 = 76.85185…
    assert hasil.ikm == D("76.85")


def test_it_has_no_ikm_when_an_unsur_has_no_answer() -> None:
    hasil = HasilIkm(jumlah=[0] * 9, dijawab=[0] * 9, responden=0)
    assert hasil.ikm is None and hasil.ikm_bobot_bulat is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ikm", "kode"),
    [
        ("64.99", "D"),
        ("65.00", "C"),
        ("76.60", "C"),
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.31", "A"),
        ("100.00", "A"),
        ("25.00", "D"),
        ("64.994", "D"),  # rounds half-up to 64.99
        ("64.995", "C"),  # rounds half-up to 65.00
        ("88.305", "A"),
    ],
)
def test_it_classifies_the_mutu_at_the_boundaries(ikm: str, kode: str) -> None:
    mutu = mutu_untuk(D(ikm), MutuSkm.objects.all())
    assert mutu is not None and mutu.kode == kode


@pytest.mark.django_db
def test_the_mutu_table_is_seeded_with_the_regulation_labels() -> None:
    rows = {m.kode: (m.label, m.ikm_min, m.ikm_max) for m in MutuSkm.objects.all()}
    assert rows == {
        "A": ("Sangat Baik", D("88.31"), D("100.00")),
        "B": ("Baik", D("76.61"), D("88.30")),
        "C": ("Kurang Baik", D("65.00"), D("76.60")),
        "D": ("Tidak Baik", D("25.00"), D("64.99")),
    }


@pytest.mark.parametrize(
    ("jumlah", "responden", "ikm", "nrr"),
    [
        (8831, 2500, "88.31", "3.5324"),
        (8830, 2500, "88.30", "3.5320"),
        (30644, 10000, "76.61", "3.0644"),
        (3064, 1000, "76.60", "3.0640"),
        (13, 5, "65.00", "2.6000"),
        (25996, 10000, "64.99", "2.5996"),
    ],
)
def test_the_nrr_boundaries_of_domain_md_give_the_ikm_boundaries(
    jumlah: int, responden: int, ikm: str, nrr: str
) -> None:
    hasil = seragam(jumlah, responden)
    assert hasil.ikm == D(ikm)
    assert hasil.nilai_interval == D(nrr)


@pytest.mark.django_db
def test_an_exact_65_is_mutu_c_while_the_rounded_weight_falls_to_d() -> None:
    hasil = seragam(13, 5)  # NRR 2.6 everywhere
    assert hasil.ikm_bobot_bulat == D("64.94")  # 23.4 × 0.111 × 25 = 64.935
    tabel = list(MutuSkm.objects.all())
    assert mutu_untuk(hasil.ikm, tabel).kode == "C"  # type: ignore[arg-type,union-attr]
    assert mutu_untuk(hasil.ikm_bobot_bulat, tabel).kode == "D"  # type: ignore[arg-type,union-attr]


def test_it_aggregates_in_sql_and_leaves_out_suspicious_and_out_of_period_answers(
    kota: KotaKecil, django_assert_num_queries
) -> None:
    unit = buat_unit_layanan(kota)
    buat_respons(unit, [4, 4, 3, 4, 3, 3, 4, 3, 2])
    buat_respons(unit, [3, 2, 3, 4, 4, 3, 3, 3, 3])
    buat_respons(unit, [3, 3, 2, 4, 4, 4, 4, 3, 3], tanggal=dt.date(2026, 3, 31))
    buat_respons(unit, [3, 3, 3, 4, 3, 3, 3, 3, 2])
    buat_respons(unit, [1] * 9, status=StatusRespons.MENCURIGAKAN)
    buat_respons(unit, [1] * 9, tanggal=dt.date(2026, 4, 1))
    with django_assert_num_queries(1):
        hasil = selectors.ikm_unit(unit, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert hasil.responden == 4
    assert list(hasil.jumlah) == [13, 12, 11, 16, 14, 13, 14, 12, 10]
    assert hasil.ikm == D("79.86")
    assert hasil.ikm_bobot_bulat == D("79.78")
