"""The demo projects: scaled to the city, realistic curves and mix, the demo pimpinan's portfolio,
deterministic for a seed, the stored warning equal to what the app's rules compute."""

from __future__ import annotations

import pytest
from django.db.models import Count

from kinerja.organisasi.demo import DEMO_NIP, INSTANSI_KODE, demo_seed
from kinerja.organisasi.models import Instansi
from kinerja.proyek import peringatan
from kinerja.proyek.demo import demo_seed_proyek, jumlah_proyek
from kinerja.proyek.models import (
    AnggotaProyek,
    Kendala,
    ProgresProyek,
    Proyek,
    RencanaBulanan,
    StatusKendala,
    StatusProyek,
)


@pytest.fixture
def demo(db: None) -> str:
    demo_seed(pegawai=300, seed=7)
    return demo_seed_proyek(instansi=Instansi.objects.get(kode=INSTANSI_KODE), seed=7)


def test_scaled_to_the_city_with_a_mix_of_states(demo: str) -> None:
    assert jumlah_proyek(6500) == 150 and jumlah_proyek(300) == 12
    n = Proyek.objects.count()
    assert n == 12, demo
    assert "12 proyek" in demo
    assert Proyek.objects.values("opd").distinct().count() >= 3
    status = dict(Proyek.objects.values_list("status_peringatan").annotate(n=Count("pk")))
    assert status.get("hijau", 0) and status.get("kuning", 0) and status.get("merah", 0), status
    assert Proyek.objects.filter(status=StatusProyek.BERJALAN).count() >= n // 2
    assert not Proyek.objects.filter(pptk__isnull=True).exists()


def test_curves_are_cumulative_s_shaped_and_progress_runs_to_today(demo: str) -> None:
    for p in Proyek.objects.exclude(status=StatusProyek.PERENCANAAN):
        plan = list(RencanaBulanan.objects.filter(proyek=p).order_by("bulan"))
        assert plan[-1].fisik == 100 and plan[-1].keuangan == p.pagu
        fisik = [r.fisik for r in plan]
        assert fisik == sorted(fisik)
        if len(plan) >= 6:  # S-shaped: the middle months grow faster than the first month
            langkah = [b - a for a, b in zip([0, *fisik], fisik, strict=False)]
            assert max(langkah[1:-1]) > langkah[0]
        riwayat = list(ProgresProyek.objects.filter(proyek=p).order_by("tanggal"))
        assert riwayat, p.nama
        assert [r.fisik for r in riwayat] == sorted(r.fisik for r in riwayat)
        assert all(r.keuangan <= p.pagu for r in riwayat)
        assert p.fisik_realisasi == riwayat[-1].fisik
        assert AnggotaProyek.objects.filter(proyek=p, peran="pptk", pegawai=p.pptk).exists()


def test_stored_warning_is_what_the_rules_compute(demo: str) -> None:
    from django.utils import timezone

    for p in Proyek.objects.all():
        status, alasan = peringatan.hitung_peringatan(p, timezone.localdate())
        assert (p.status_peringatan, p.alasan_peringatan) == (status, alasan), p.nama


def test_the_demo_pimpinan_has_a_mixed_portfolio_with_kendala(demo: str) -> None:
    dukcapil = Proyek.objects.filter(opd__kode="DISDUKCAPIL")
    assert dukcapil.count() == 8
    assert set(dukcapil.values_list("status_peringatan", flat=True)) == {"hijau", "kuning", "merah"}
    kendala = Kendala.objects.filter(proyek__opd__kode="DISDUKCAPIL")
    assert kendala.exclude(status=StatusKendala.SELESAI).exists()
    assert kendala.filter(status=StatusKendala.SELESAI).exists()
    assert Kendala.objects.exclude(eskalasi="tidak").exists()
    assert dukcapil.filter(pptk__nip=DEMO_NIP["pegawai"]).exists()
    assert dukcapil.filter(anggota_set__pegawai__nip=DEMO_NIP["pegawai"]).count() >= 2


def test_same_seed_same_projects(db: None) -> None:
    demo_seed(pegawai=300, seed=7)
    instansi = Instansi.objects.get(kode=INSTANSI_KODE)
    demo_seed_proyek(instansi=instansi, seed=7)
    pertama = list(
        Proyek.objects.order_by("kode").values_list("kode", "nama", "pagu", "fisik_realisasi")
    )
    Proyek.objects.all().delete()
    demo_seed_proyek(instansi=instansi, seed=7)
    kedua = list(
        Proyek.objects.order_by("kode").values_list("kode", "nama", "pagu", "fisik_realisasi")
    )
    assert pertama == kedua
