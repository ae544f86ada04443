"""The demo evaluations: a finished previous year, the current year in progress, keberatan,
organisation predikat per OPD — and the demo personas' pages work on them."""

from __future__ import annotations

import pytest
from django.db.models import Count, Q
from django.test import Client

from kinerja.organisasi.demo import DEMO_NIP, INSTANSI_KODE, demo_seed
from kinerja.organisasi.models import Instansi, Pegawai, UnitKerja
from kinerja.penilaian import aturan
from kinerja.penilaian.demo import demo_seed_penilaian
from kinerja.penilaian.models import (
    Evaluasi,
    Keberatan,
    PredikatOrganisasi,
    StatusEvaluasi,
    StatusKeberatan,
)
from kinerja.skp.demo import demo_seed_skp


@pytest.fixture
def demo(db: None) -> str:
    demo_seed(pegawai=300, seed=7)
    instansi = Instansi.objects.get(kode=INSTANSI_KODE)
    demo_seed_skp(instansi=instansi, seed=7)
    return demo_seed_penilaian(instansi=instansi, seed=7)


def test_tahun_lalu_selesai_dan_tahun_ini_berjalan(demo: str) -> None:
    assert demo.startswith("Penilaian demo:")
    lalu = Evaluasi.objects.filter(periode__tahun=2025)
    assert lalu.exists()
    assert set(lalu.values_list("status", flat=True)) == {StatusEvaluasi.DIKUNCI}
    assert set(lalu.values_list("jenis", "urutan").distinct()) == {
        ("periodik", 1),
        ("periodik", 2),
        ("periodik", 3),
        ("periodik", 4),
        ("tahunan", 0),
    }
    kini = Evaluasi.objects.filter(periode__tahun=2026)
    status = set(kini.values_list("status", flat=True))
    assert StatusEvaluasi.DIKUNCI in status and StatusEvaluasi.FINAL in status
    # every rated result follows the matrix
    tabel = aturan.matriks()
    for h, p, k in Evaluasi.objects.exclude(predikat="").values_list(
        "rating_hasil", "rating_perilaku", "predikat"
    ):
        assert tabel[(h, p)] == k
    opd = UnitKerja.objects.filter(parent__isnull=True).count()
    assert PredikatOrganisasi.objects.filter(periode__tahun=2025, jenis="tahunan").count() >= (
        opd - 2
    )


def test_keberatan_terbuka_dan_diputus(demo: str) -> None:
    pegawai = Pegawai.objects.get(nip=DEMO_NIP["pegawai"])
    milik = Keberatan.objects.filter(pegawai=pegawai)
    assert set(milik.values_list("status", flat=True)) == {
        StatusKeberatan.DIPUTUS,
        StatusKeberatan.KLARIFIKASI,
    }
    diputus = milik.get(status=StatusKeberatan.DIPUTUS)
    assert diputus.keputusan == "diubah" and diputus.evaluasi.perubahan_set.exists()
    assert Keberatan.objects.filter(status=StatusKeberatan.DIPUTUS).count() >= 5
    # atasan rating everyone Di Atas: the dashboard's outlier
    semua_di_atas = (
        Evaluasi.objects.exclude(rating_hasil="")
        .values("pejabat_penilai")
        .annotate(n=Count("pk"), atas=Count("pk", filter=Q(rating_hasil="di_atas")))
        .filter(n__gte=3)
    )
    assert any(r["n"] == r["atas"] for r in semua_di_atas)


def test_halaman_persona_demo(demo: str) -> None:
    c = Client()
    c.force_login(Pegawai.objects.get(nip=DEMO_NIP["pegawai"]))
    html = c.get("/penilaian/").content.decode()
    ev = Evaluasi.objects.filter(
        pegawai__nip=DEMO_NIP["pegawai"], status=StatusEvaluasi.DIKUNCI
    ).first()
    assert ev is not None
    assert c.get(f"/penilaian/e/{ev.pk}/penjelasan/").status_code == 200
    assert "Hasil final" in html
    c.force_login(Pegawai.objects.get(nip=DEMO_NIP["atasan"]))
    assert c.get("/penilaian/bawahan/").status_code == 200
    for kunci in ("admin_bkpsdmd", "pimpinan_opd"):
        if kunci in DEMO_NIP:
            c.force_login(Pegawai.objects.get(nip=DEMO_NIP[kunci]))
            assert c.get("/penilaian/dasbor/").status_code == 200
