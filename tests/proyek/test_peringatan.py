"""Early-warning rules at their thresholds: exactly at (not yet) and just past (reached)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from kinerja.proyek.peringatan import (
    DataKendala,
    DataTahapan,
    TitikRencana,
    ambang_aktif,
    evaluasi,
    rencana_pada,
    uraikan,
)

pytestmark = pytest.mark.django_db  # the thresholds are the rows seeded by the data migration

HARI = dt.date(2026, 1, 31)  # the end of January: the plan is exactly January's value
RENCANA = [
    TitikRencana(dt.date(2026, 1, 1), D(50), D(50)),
    TitikRencana(dt.date(2026, 2, 1), D(100), D(100)),
]


def nilai(**kw: object):  # type: ignore[no-untyped-def]
    data: dict[str, object] = {
        "status_proyek": "berjalan",
        "pagu": D(100),
        "fisik": D(50),
        "keuangan": D(50),
        "rencana": RENCANA,
        "tahapan": [],
        "kendala": [],
        "ambang": ambang_aktif(),
        "hari_ini": HARI,
    }
    data.update(kw)
    return evaluasi(**data)  # type: ignore[arg-type]


def test_the_migration_seeds_the_thresholds() -> None:
    ambang = ambang_aktif()
    assert (ambang["deviasi_fisik"].kuning, ambang["deviasi_fisik"].merah) == (10, 20)
    assert (ambang["milestone_terlambat"].kuning, ambang["milestone_terlambat"].merah) == (0, 14)
    assert (ambang["serapan_anggaran"].kuning, ambang["serapan_anggaran"].merah) == (15, 30)
    assert (ambang["kendala_terbuka"].kuning, ambang["kendala_terbuka"].merah) == (14, 30)
    assert ambang["kendala_kritis"].kuning is None and ambang["kendala_kritis"].merah == 0


def test_it_is_hijau_when_on_plan() -> None:
    hasil = nilai()
    assert hasil.status == "hijau" and hasil.alasan == []
    assert hasil.fisik_rencana == 50


@pytest.mark.parametrize(
    ("fisik", "status"),
    [(D("40"), "hijau"), (D("39.99"), "kuning"), (D("30"), "kuning"), (D("29.99"), "merah")],
)
def test_physical_deviation_thresholds(fisik: D, status: str) -> None:
    hasil = nilai(fisik=fisik)
    assert hasil.status == status
    if status != "hijau":
        assert hasil.alasan[0]["aturan"] == "deviasi_fisik"


@pytest.mark.parametrize(
    ("keuangan", "status"),
    [(D("35"), "hijau"), (D("34.99"), "kuning"), (D("20"), "kuning"), (D("19.99"), "merah")],
)
def test_budget_absorption_thresholds(keuangan: D, status: str) -> None:
    hasil = nilai(keuangan=keuangan)
    assert hasil.status == status
    if status != "hijau":
        assert hasil.alasan[0]["aturan"] == "serapan_anggaran"


def test_budget_rule_is_skipped_without_a_pagu() -> None:
    assert nilai(pagu=D(0), keuangan=D(0)).status == "hijau"


@pytest.mark.parametrize(
    ("terlambat", "status"), [(0, "hijau"), (1, "kuning"), (14, "kuning"), (15, "merah")]
)
def test_overdue_milestone_thresholds(terlambat: int, status: str) -> None:
    tahap = DataTahapan("Pengadaan", HARI - dt.timedelta(days=terlambat), None)
    hasil = nilai(tahapan=[tahap])
    assert hasil.status == status
    if status != "hijau":
        assert hasil.alasan[0]["nama"] == "Pengadaan"
        assert hasil.alasan[0]["nilai"] == f"{terlambat}.00"


def test_a_completed_milestone_is_never_overdue() -> None:
    tahap = DataTahapan("Pengadaan", HARI - dt.timedelta(days=40), HARI - dt.timedelta(days=1))
    assert nilai(tahapan=[tahap]).status == "hijau"


@pytest.mark.parametrize(
    ("umur", "status"), [(14, "hijau"), (15, "kuning"), (30, "kuning"), (31, "merah")]
)
def test_open_kendala_age_thresholds(umur: int, status: str) -> None:
    k = DataKendala("Lahan belum bebas", "sedang", HARI - dt.timedelta(days=umur), True)
    assert nilai(kendala=[k]).status == status


def test_any_open_critical_kendala_is_merah_and_a_resolved_one_is_not() -> None:
    kritis = DataKendala("Kontraktor mundur", "kritis", HARI, True)
    hasil = nilai(kendala=[kritis])
    assert hasil.status == "merah"
    assert hasil.alasan[0]["aturan"] == "kendala_kritis"
    selesai = DataKendala("Kontraktor mundur", "kritis", HARI - dt.timedelta(days=60), False)
    assert nilai(kendala=[selesai]).status == "hijau"


def test_the_worst_rule_wins_and_every_reason_is_kept() -> None:
    tahap = DataTahapan("Pengadaan", HARI - dt.timedelta(days=3), None)
    hasil = nilai(fisik=D("25"), tahapan=[tahap])
    assert hasil.status == "merah"
    assert [a["aturan"] for a in hasil.alasan] == ["deviasi_fisik", "milestone_terlambat"]
    assert [a["tingkat"] for a in hasil.alasan] == ["merah", "kuning"]


def test_finished_or_cancelled_projects_carry_no_warning() -> None:
    for status in ("selesai", "dibatalkan"):
        assert nilai(status_proyek=status, fisik=D(0)).status == "hijau"


def test_a_disabled_threshold_row_switches_its_rule_off() -> None:
    from kinerja.proyek.models import AmbangPeringatan

    AmbangPeringatan.objects.filter(aturan="deviasi_fisik").update(aktif=False)
    assert nilai(fisik=D(0), keuangan=D(50)).status == "hijau"


def test_an_edited_threshold_is_used() -> None:
    from kinerja.proyek.models import AmbangPeringatan

    AmbangPeringatan.objects.filter(aturan="deviasi_fisik").update(kuning=D(2), merah=D(5))
    assert nilai(fisik=D("47")).status == "kuning"
    assert nilai(fisik=D("44.99")).status == "merah"


def test_the_plan_is_interpolated_linearly_within_the_month() -> None:
    rencana = [
        TitikRencana(dt.date(2026, 1, 1), D(31), D(3100)),
        TitikRencana(dt.date(2026, 2, 1), D(100), D(10000)),
    ]
    assert rencana_pada(rencana, dt.date(2025, 12, 31)) == (0, 0)
    assert rencana_pada(rencana, dt.date(2026, 1, 15)) == (D("15.00"), D("1500.00"))
    assert rencana_pada(rencana, dt.date(2026, 1, 31)) == (D(31), D(3100))
    # February 2026 has 28 days: 31 + 69 × 14/28
    assert rencana_pada(rencana, dt.date(2026, 2, 14)) == (D("65.50"), D("6550.00"))
    assert rencana_pada(rencana, dt.date(2026, 6, 1)) == (D(100), D(10000))
    assert rencana_pada([], dt.date(2026, 6, 1)) == (0, 0)


def test_reasons_read_as_plain_indonesian() -> None:
    tahap = DataTahapan("Pengadaan", HARI - dt.timedelta(days=15), None)
    hasil = nilai(fisik=D("25.5"), tahapan=[tahap])
    teks = [uraikan(a) for a in hasil.alasan]
    assert teks[0] == "Progres fisik 25,5% tertinggal 24,5 poin dari rencana 50%."
    assert teks[1] == "Tahapan “Pengadaan” lewat jatuh tempo 15 hari."


def test_a_missing_threshold_row_falls_back_to_the_seeded_value() -> None:
    from kinerja.proyek.models import AmbangPeringatan

    AmbangPeringatan.objects.all().delete()
    assert nilai(fisik=D("39.99")).status == "kuning"
    assert nilai(fisik=D("29.99")).status == "merah"
