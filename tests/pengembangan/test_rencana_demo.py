"""The rencana demo on a small seeded city: needs, plans for about 30 %, activities tied to
enrolments and dialog kinerja, and a recommendation with a reason for the demo pegawai."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.organisasi.demo import DEMO_NIP, INSTANSI_KODE, demo_seed
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.pengembangan import demo_pelatihan, demo_rencana
from kinerja.pengembangan.models import (
    AktivitasRencana,
    KebutuhanPengembangan,
    Pelatihan,
    RencanaPengembangan,
)


@pytest.fixture
def demo(db: None) -> str:
    from kinerja.kegiatan.demo import demo_seed_kegiatan
    from kinerja.penilaian.demo import demo_seed_penilaian
    from kinerja.skp.demo import demo_seed_skp

    demo_seed(pegawai=300, seed=7)
    instansi = Instansi.objects.get(kode=INSTANSI_KODE)
    demo_seed_skp(instansi=instansi, seed=7)
    demo_seed_kegiatan(instansi=instansi, seed=7, riwayat="kecil")
    demo_seed_penilaian(instansi=instansi, seed=7, riwayat="kecil")
    demo_pelatihan.seed(instansi=instansi, seed=7)
    if not Pelatihan.objects.filter(aktif=True).exists():  # before the catalogue demo lands
        from tests.pengembangan.rencana_util import pelatihan

        pelatihan("Manajemen waktu", "manajemen-waktu")
    import time

    awal = time.perf_counter()
    hasil = demo_rencana.seed(instansi=instansi, seed=7)
    print(f"demo_rencana: {time.perf_counter() - awal:.2f} s — {hasil}")
    return hasil


def test_demo_rencana(demo: str) -> None:
    assert "rencana pengembangan" in demo
    n_pegawai = Pegawai.objects.filter(is_active=True).count()
    n_rencana = RencanaPengembangan.objects.count()
    assert 0.15 * n_pegawai <= n_rencana <= 0.4 * n_pegawai
    assert KebutuhanPengembangan.objects.filter(sumber="atasan").exists()
    assert AktivitasRencana.objects.filter(selesai_pada__isnull=False).exists()
    assert AktivitasRencana.objects.filter(dialog__isnull=False).exists()
    assert set(RencanaPengembangan.objects.values_list("status", flat=True)) >= {
        "draf",
        "disepakati",
    }
    for a in AktivitasRencana.objects.filter(pendaftaran__isnull=False).select_related(
        "pendaftaran", "rencana"
    ):
        assert a.pendaftaran.pegawai_id == a.rencana.pegawai_id
    for a in AktivitasRencana.objects.filter(dialog__isnull=False).select_related(
        "dialog", "rencana"
    ):
        assert (a.dialog.pegawai_id, a.dialog.atasan_id) == (
            a.rencana.pegawai_id,
            a.rencana.atasan_id,
        )


def test_pegawai_demo_melihat_rekomendasi(demo: str) -> None:
    client = Client()
    client.force_login(Pegawai.objects.get(nip=DEMO_NIP["pegawai"]))
    html = client.get(reverse("pengembangan:rekomendasi")).content.decode()
    assert "Direkomendasikan karena" in html
    assert "Ajukan" in html
