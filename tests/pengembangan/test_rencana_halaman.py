"""Recommendation pages: reasons shown, "Ajukan" posts the reason to the enrolment view; the
atasan records and removes a need; query counts do not grow with the data."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.pengembangan.models import KebutuhanPengembangan, Pendaftaran
from tests.factories import KotaKecil
from tests.pengembangan.rencana_util import evaluasi, pelatihan, topik

pytestmark = pytest.mark.django_db
TAHUN = timezone.localdate().year


def test_rekomendasi_dan_ajukan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = pelatihan("Literasi digital dasar", "literasi-digital")
    evaluasi(kota, perilaku={"kompeten": "di_bawah"})
    c = client_as("pegawai")
    html = c.get(reverse("pengembangan:rekomendasi")).content.decode()
    alasan = (
        f"Direkomendasikan karena penilaian Triwulan II {TAHUN}: perilaku Kompeten Di Bawah "
        "Ekspektasi"
    )
    assert "Literasi digital dasar" in html and alasan in html
    aksi = reverse("pengembangan:daftar", args=[p.pk])
    assert f'action="{aksi}"' in html
    nilai = re.search(r'name="alasan" value="([^"]*)"', html)
    assert nilai is not None and nilai.group(1) == alasan
    resp = c.post(aksi, {"alasan": nilai.group(1)})
    assert resp.status_code == 302 and resp["Location"] == reverse("pengembangan:saya")
    assert Pendaftaran.objects.get(pegawai=kota.pegawai, pelatihan=p).alasan == alasan
    html = c.get(reverse("pengembangan:rekomendasi")).content.decode()
    assert "Sudah diajukan/diikuti" in html and f'action="{aksi}"' not in html


def test_atasan_mencatat_dan_menghapus_kebutuhan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    pelatihan("Kepemimpinan dasar", "kepemimpinan")
    a = client_as("atasan")
    url = reverse("pengembangan:kebutuhan_tambah", args=[kota.pegawai.pk])
    resp = a.post(url, {"topik": topik("kepemimpinan").pk, "alasan": "Akan memimpin regu loket"})
    assert resp.status_code == 302
    k = KebutuhanPengembangan.objects.get()
    assert (k.sumber, k.dicatat_oleh) == ("atasan", kota.atasan)
    html = client_as("pegawai").get(reverse("pengembangan:rekomendasi")).content.decode()
    assert "Direkomendasikan karena masukan atasan: Akan memimpin regu loket" in html
    # a duplicate topic is refused next to the field
    resp = a.post(url, {"topik": topik("kepemimpinan").pk, "alasan": "Lagi dan lagi"})
    assert resp.status_code == 200 and "sudah tercatat" in resp.content.decode()
    # the pimpinan sees it but cannot remove what the atasan recorded
    hapus = reverse("pengembangan:kebutuhan_hapus", args=[k.pk])
    assert client_as("pimpinan_opd").post(hapus).status_code == 403
    assert a.post(hapus).status_code == 302
    assert not KebutuhanPengembangan.objects.exists()


def _hitung(client, url: str) -> int:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q.captured_queries)


def test_halaman_rekomendasi_konstan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from tests.pengembangan.rencana_util import daftar, umpan_balik_perilaku

    def tambah(n: int, mulai: int) -> None:
        for i in range(mulai, mulai + n):
            p = pelatihan(f"P{i}", "manajemen-waktu", "literasi-digital", kuota=5)
            daftar(p, kota.luar, "disetujui")
            evaluasi(
                kota,
                rating_hasil="di_bawah",
                perilaku={"kompeten": "di_bawah"},
                urutan=1 + i % 4,
                tahun=TAHUN - i // 4,
            )
            umpan_balik_perilaku(kota, "harmonis")
            KebutuhanPengembangan.objects.create(
                pegawai=kota.pegawai,
                tahun=TAHUN,
                topik=topik("kepemimpinan"),
                sumber="atasan",
                alasan=f"alasan {i}",
                dicatat_oleh=kota.atasan,
            )

    peg, ata = client_as("pegawai"), client_as("atasan")
    saya = reverse("pengembangan:rekomendasi")
    bawahan = reverse("pengembangan:rekomendasi_pegawai", args=[kota.pegawai.pk])
    tambah(2, 0)
    n_saya, n_bawahan = _hitung(peg, saya), _hitung(ata, bawahan)
    tambah(4, 2)
    assert (_hitung(peg, saya), _hitung(ata, bawahan)) == (n_saya, n_bawahan)
    assert n_saya <= 20 and n_bawahan <= 40
