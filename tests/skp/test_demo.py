"""The demo SKP data: cascaded from the top, a realistic mix of states, personas in place."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db.models import Count, F

from kinerja.organisasi import hierarki
from kinerja.organisasi.demo import DEMO_NIP, INSTANSI_KODE, demo_seed
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.skp.demo import demo_seed_skp
from kinerja.skp.models import (
    EkspektasiPerilaku,
    PeriodeKinerja,
    PerjanjianKinerja,
    Rhk,
    Skp,
    SkpVersi,
    StatusPeriode,
    StatusSkp,
)


@pytest.fixture
def demo(db: None) -> str:
    demo_seed(pegawai=300, seed=7)
    return demo_seed_skp(instansi=Instansi.objects.get(kode=INSTANSI_KODE), seed=7)


def _skp(kunci: str) -> Skp:
    return Skp.objects.get(pegawai__nip=DEMO_NIP[kunci], periode__tahun=2026)


def test_it_creates_two_periods_and_a_pk_with_indicators_for_every_opd(demo: str) -> None:
    assert dict(PeriodeKinerja.objects.values_list("tahun", "status")) == {
        2025: StatusPeriode.DITUTUP,
        2026: StatusPeriode.BERJALAN,
    }
    pks = PerjanjianKinerja.objects.annotate(n=Count("sasaran_set"))
    assert pks.count() > 20
    assert all(3 <= pk.n <= 5 for pk in pks)
    assert not PerjanjianKinerja.objects.filter(sasaran_set__indikator_set__isnull=True).exists()


def test_every_rhk_of_a_non_jpt_links_an_rhk_of_their_pejabat_penilai(demo: str) -> None:
    linked = Rhk.objects.filter(rhk_atasan__isnull=False)
    assert linked.count() > 400
    wrong = linked.exclude(rhk_atasan__skp__pegawai_id=F("skp__pejabat_penilai_id"))
    assert wrong.count() == 0
    jpt = Rhk.objects.filter(skp__jabatan_jenis="jpt")
    assert jpt.exists() and not jpt.filter(indikator_pk__isnull=True).exists()


def test_the_pejabat_penilai_is_the_atasan_the_hierarchy_derives(demo: str) -> None:
    for skp in Skp.objects.select_related("pegawai").order_by("pk")[::17]:
        atasan = hierarki.atasan_langsung(skp.pegawai)
        assert skp.pejabat_penilai_id == (atasan.pk if atasan else None), skp.pegawai.nip


def test_the_states_are_a_realistic_mix(demo: str) -> None:
    pegawai = Pegawai.objects.filter(penugasan_set__jenis="definitif").distinct().count()
    counts = dict(Skp.objects.values_list("status").annotate(n=Count("pk")))
    assert counts[StatusSkp.DISETUJUI] > 0.5 * pegawai
    for status in (StatusSkp.DIAJUKAN, StatusSkp.DIKEMBALIKAN, StatusSkp.DRAFT):
        assert counts.get(status, 0) > 0, status
    belum = pegawai - Skp.objects.count()
    assert 0 < belum < 0.15 * pegawai
    assert SkpVersi.objects.count() == counts[StatusSkp.DISETUJUI]
    assert not Skp.objects.filter(status=StatusSkp.DIKEMBALIKAN, catatan_pengembalian="").exists()
    assert EkspektasiPerilaku.objects.count() == 7 * Skp.objects.count()
    assert "SKP demo 2026" in demo


def test_the_demo_pegawai_waits_for_the_demo_atasan(demo: str) -> None:
    skp = _skp("pegawai")
    atasan = Pegawai.objects.get(nip=DEMO_NIP["atasan"])
    assert skp.status == StatusSkp.DIAJUKAN
    assert skp.pejabat_penilai_id == atasan.pk
    assert set(skp.rhk_set.values_list("rhk_atasan__skp__pegawai_id", flat=True)) == {atasan.pk}
    assert _skp("atasan").status == StatusSkp.DISETUJUI
    assert _skp("pimpinan_opd").status == StatusSkp.DISETUJUI
    assert _skp("inspektorat").status == StatusSkp.DIKEMBALIKAN


def test_the_demo_atasan_can_approve_through_the_services(demo: str) -> None:
    from kinerja.skp import services

    atasan = Pegawai.objects.get(nip=DEMO_NIP["atasan"])
    versi = services.skp_approve(skp=_skp("pegawai"), oleh=atasan)
    assert versi.snapshot["rhk"]


def test_an_approved_demo_skp_renders_as_a_pdf(demo: str, client) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    skp = _skp("atasan")
    client.force_login(skp.pegawai)
    response = client.get(f"/skp/{skp.pk}/dokumen.pdf")
    assert response.status_code == 200
    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert skp.versi_disetujui.kode in teks
    assert skp.rhk_set.first().teks[:30] in " ".join(teks.split())  # type: ignore[union-attr]


def test_seed_demo_runs_the_skp_seed_too(db: None) -> None:
    out = io.StringIO()
    call_command("seed_demo", pegawai=80, seed=3, stdout=out)
    assert "SKP demo 2026" in out.getvalue()
    assert Skp.objects.exists()


def test_every_submitted_demo_skp_passes_the_submission_rules(demo: str) -> None:
    from kinerja.skp import services

    diajukan = Skp.objects.exclude(status=StatusSkp.DRAFT).select_related("pegawai", "unit")
    assert diajukan.count() > 100
    masalah = {skp.pk: services.skp_masalah_pengajuan(skp) for skp in diajukan}
    assert {pk: m for pk, m in masalah.items() if m} == {}
