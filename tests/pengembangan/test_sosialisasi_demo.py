"""The socialisation demo: announcements for their targets, an open pulse survey whose
counters agree with the participation rows, OPDs above and below the minimum, the demo pegawai
prompted."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db.models import Sum
from django.test import Client
from django.urls import reverse

from kinerja.organisasi.demo import DEMO_NIP, INSTANSI_KODE, demo_seed
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.pengembangan import demo_sosialisasi
from kinerja.pengembangan.models import (
    HitunganDenyut,
    KomentarDenyut,
    PartisipasiDenyut,
    Pengumuman,
    ResponDenyut,
    SurveiDenyut,
)


@pytest.fixture
def demo(db: None) -> str:
    demo_seed(pegawai=300, seed=7)
    return demo_sosialisasi.seed(instansi=Instansi.objects.get(kode=INSTANSI_KODE), seed=7)


def _client(kunci: str) -> Client:
    client = Client()
    client.force_login(Pegawai.objects.get(nip=DEMO_NIP[kunci]))
    return client


def test_demo_counters_agree_and_some_opds_reach_the_minimum(demo: str) -> None:
    assert demo.startswith("sosialisasi: 4 pengumuman")
    assert Pengumuman.objects.count() == 4
    survei = SurveiDenyut.objects.get()
    respon = {r.opd_id: r.jumlah for r in ResponDenyut.objects.filter(survei=survei)}
    assert any(n >= 10 for n in respon.values()) and any(n < 10 for n in respon.values())
    assert sum(respon.values()) == PartisipasiDenyut.objects.filter(survei=survei).count()
    for q in survei.pertanyaan_set.all():
        per_opd = dict(
            HitunganDenyut.objects.filter(pertanyaan=q)
            .values_list("opd_id")
            .annotate(n=Sum("jumlah"))
        )
        assert per_opd == respon
    # participation per OPD matches the respondents counter
    opd_peserta: Counter[int] = Counter()
    for p in Pegawai.objects.filter(pk__in=PartisipasiDenyut.objects.values("pegawai_id")):
        akses = akses_pengguna(p)
        assert akses is not None and akses.opd_sendiri_id is not None
        opd_peserta[akses.opd_sendiri_id] += 1
    assert dict(opd_peserta) == respon
    assert KomentarDenyut.objects.exists()
    assert not PartisipasiDenyut.objects.filter(pegawai__nip=DEMO_NIP["pegawai"]).exists()


def test_demo_personas_see_their_cards(demo: str) -> None:
    pegawai = _client("pegawai").get(reverse("beranda")).content.decode()
    assert 'id="kartu-denyut"' in pegawai
    assert "Batas pengajuan SKP tahun 2027" in pegawai
    assert "Sosialisasi aplikasi kinerja di Disdukcapil" in pegawai
    assert "Atasan: periksa laporan" not in pegawai
    assert "Atasan: periksa laporan" in _client("atasan").get(reverse("beranda")).content.decode()
    luar = _client("luar_opd").get(reverse("beranda")).content.decode()
    assert "Sosialisasi aplikasi kinerja di Disdukcapil" not in luar
    survei = SurveiDenyut.objects.get()
    hasil = _client("admin_bkpsdmd").get(reverse("pengembangan:denyut_hasil", args=[survei.pk]))
    html = hasil.content.decode()
    assert "Rata-rata" in html and "Belum cukup jawaban" in html
