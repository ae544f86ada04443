"""The pelatihan demo: a catalogue of ~30 items, a year of enrolments with the JP ledger, shares
with and without JP plausible, the demo pegawai below 20 JP, waiting requests for the demo
atasan, one stored certificate file, a second run refused cleanly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import timezone

from kinerja.organisasi.demo import DEMO_NIP, INSTANSI_KODE, demo_seed
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.pengembangan.demo_pelatihan import SERTIFIKAT, seed
from kinerja.pengembangan.models import (
    CapaianJp,
    Pelatihan,
    PelatihanEksternal,
    Pendaftaran,
    StatusPendaftaran,
    StatusVerifikasi,
)
from kinerja.pengembangan.rekap import jp_tahun
from kinerja.pengembangan.selectors_pelatihan import antrean_persetujuan


@pytest.fixture
def demo(db: None, settings, tmp_path) -> str:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    demo_seed(pegawai=300, seed=7)
    return seed(instansi=Instansi.objects.get(kode=INSTANSI_KODE), seed=7)


def test_catalogue_enrolments_and_ledger_are_plausible(demo: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert "30 pelatihan" in demo, demo
    assert Pelatihan.objects.count() == 30
    assert Pelatihan.objects.values("bidang").distinct().count() == 3
    assert Pelatihan.objects.values("bentuk").distinct().count() >= 5
    jp = [p.jp for p in Pelatihan.objects.all()]
    assert min(jp) >= 2 and max(jp) <= 40
    assert all(p.topik.exists() for p in Pelatihan.objects.all())
    hari_ini = timezone.localdate()
    assert Pelatihan.objects.filter(mulai__gt=hari_ini).count() >= 3  # upcoming
    status = set(Pendaftaran.objects.values_list("status", flat=True))
    assert {"selesai", "diajukan", "ditolak", "disetujui"} <= status
    # every completion has exactly one ledger row with its JP; nothing else is credited
    selesai = Pendaftaran.objects.filter(status=StatusPendaftaran.SELESAI)
    assert CapaianJp.objects.filter(pendaftaran__isnull=False).count() == selesai.count()
    assert (
        CapaianJp.objects.filter(pendaftaran__isnull=False).aggregate(s=Sum("jp"))["s"]
        == selesai.aggregate(s=Sum("jp"))["s"]
    )
    # quotas respected
    for p in Pelatihan.objects.filter(kuota__isnull=False):
        hidup = p.pendaftaran_set.filter(status__in=["diajukan", "disetujui", "selesai"]).count()
        assert hidup <= p.kuota, p.judul
    # shares: most pegawai have JP, roughly 15 % have none
    total = Pegawai.objects.filter(is_active=True, penugasan_set__isnull=False).distinct().count()
    punya = CapaianJp.objects.filter(tahun=hari_ini.year).values("pegawai").distinct().count()
    assert 0.05 <= 1 - punya / total <= 0.30, (punya, total)
    assert PelatihanEksternal.objects.filter(status=StatusVerifikasi.MENUNGGU).count() >= 3
    # one certificate file for all rows
    assert [p.name for p in tmp_path.rglob("*.pdf")] == ["sertifikat-demo.pdf"]
    assert set(selesai.values_list("sertifikat", flat=True)) == {SERTIFIKAT}


def test_the_demo_personas(demo: str) -> None:
    pegawai = Pegawai.objects.get(nip=DEMO_NIP["pegawai"])
    jp = jp_tahun(pegawai.pk, timezone.localdate().year)
    assert Decimal("0") < jp < Decimal("20")
    assert Pendaftaran.objects.filter(pegawai=pegawai, status="diajukan").exists()
    atasan = Pegawai.objects.get(nip=DEMO_NIP["atasan"])
    from kinerja.organisasi.hierarki import bawahan_ids

    bawahan = bawahan_ids(atasan)  # only the demo pegawai in a 300-pegawai city
    assert antrean_persetujuan(atasan).count() >= min(4, len(bawahan)) >= 1


def test_a_second_run_adds_nothing(demo: str) -> None:
    n = (Pelatihan.objects.count(), Pendaftaran.objects.count(), CapaianJp.objects.count())
    again = seed(instansi=Instansi.objects.get(kode=INSTANSI_KODE), seed=7)
    assert "sudah ada" in again
    assert (Pelatihan.objects.count(), Pendaftaran.objects.count(), CapaianJp.objects.count()) == n
