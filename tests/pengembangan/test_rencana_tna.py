"""Training-needs analysis: numbers per topic × unit / OPD, the XLSX, constant queries."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.pengembangan.services_rencana import kebutuhan_tambah
from kinerja.pengembangan.tna import rekap_tna
from tests.factories import KotaKecil
from tests.pengembangan.rencana_util import daftar, evaluasi, pelatihan, topik

pytestmark = pytest.mark.django_db
TAHUN = timezone.localdate().year


def _isi(kota: KotaKecil) -> None:
    lit = pelatihan("Literasi digital lanjut", "literasi-digital", jp="8")
    pelatihan("Literasi digital dasar", "literasi-digital", jp="4")
    pelatihan("Nonaktif murah", "literasi-digital", jp="1", aktif=False)
    evaluasi(kota, kota.pegawai, perilaku={"kompeten": "di_bawah"})
    evaluasi(kota, kota.atasan, rating_hasil="di_bawah", penilai=kota.kabid)
    evaluasi(kota, kota.pegawai, status="final", rating_hasil="di_bawah", urutan=3)  # ignored
    daftar(lit, kota.pegawai, "disetujui")
    kebutuhan_tambah(
        pegawai=kota.luar,
        oleh=kota.luar,
        topik=topik("kepemimpinan"),
        alasan="Ingin memimpin regu",
    )


def _peta(baris):  # type: ignore[no-untyped-def]
    return {(b.topik, b.kolom or "TOTAL"): (b.celah, b.sudah, b.sisa, b.jp_perlu) for b in baris}


def test_angka_per_unit_opd(kota: KotaKecil) -> None:
    _isi(kota)
    peta = _peta(
        rekap_tna(instansi_id=kota.instansi.pk, tahun=TAHUN, opd_ids={kota.dinas.pk}, per_unit=True)
    )
    seksi = kota.seksi.nama
    assert peta[("Literasi digital", seksi)] == (2, 1, 1, Decimal("4"))
    assert peta[("Manajemen waktu", seksi)] == (1, 0, 1, None)  # no catalogue item
    assert peta[("Pengembangan diri dan literasi belajar", seksi)][:3] == (1, 0, 1)
    assert ("Kepemimpinan", "TOTAL") not in peta  # another OPD


def test_angka_per_opd_kota(kota: KotaKecil) -> None:
    _isi(kota)
    peta = _peta(rekap_tna(instansi_id=kota.instansi.pk, tahun=TAHUN, opd_ids=None, per_unit=False))
    assert peta[("Literasi digital", kota.dinas.nama)] == (2, 1, 1, Decimal("4"))
    assert peta[("Kepemimpinan", kota.dinas_lain.nama)] == (1, 0, 1, None)
    assert peta[("Literasi digital", "TOTAL")] == (2, 1, 1, Decimal("4"))


def test_ekspor_xlsx(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _isi(kota)
    resp = client_as("admin_bkpsdmd").get(reverse("pengembangan:kebutuhan_ekspor"))
    assert resp.status_code == 200
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(resp.content)).active
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    kepala = next(i for i, r in enumerate(rows) if r and r[0] == "Bidang kompetensi")
    data = {(r[1], r[2]): r[3:] for r in rows[kepala + 1 :]}
    assert data[("Literasi digital", kota.dinas.nama)] == (2, 1, 1, 4, 4)
    assert data[("Kepemimpinan", kota.dinas_lain.nama)] == (1, 0, 1, None, None)
    # the OPD view of the pimpinan: only their OPD, per unit
    resp = client_as("pimpinan_opd").get(reverse("pengembangan:kebutuhan_ekspor"))
    ws = load_workbook(io.BytesIO(resp.content)).active
    isi = list(ws.iter_rows(values_only=True))
    assert any(r[2] == kota.seksi.nama for r in isi) and not any(
        r[1] == "Kepemimpinan" for r in isi
    )


def test_halaman_tna(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    html = client_as("pimpinan_opd").get(reverse("pengembangan:kebutuhan_rekap")).content.decode()
    assert "Literasi digital" in html and kota.seksi.nama in html and "belum ada di katalog" in html


def _hitung(client, url: str) -> int:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q.captured_queries)


def test_query_konstan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import buat_pegawai

    _isi(kota)
    c = client_as("admin_bkpsdmd")
    url = reverse("pengembangan:kebutuhan_rekap")

    def tambah(n: int) -> None:
        for i in range(n):
            p = buat_pegawai(kota.instansi, f"Staf {i}", kota.j_pelaksana)
            evaluasi(kota, p, rating_hasil="di_bawah", perilaku={"harmonis": "di_bawah"})
            kebutuhan_tambah(pegawai=p, oleh=p, topik=topik("kepemimpinan"), alasan="Memimpin")

    tambah(2)
    sedikit = _hitung(c, url)
    tambah(4)
    assert _hitung(c, url) == sedikit <= 25
