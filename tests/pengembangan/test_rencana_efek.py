"""Effect per training: before/after counts, shares only from the minimum n, scope, queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.pengembangan.efek import efek_pelatihan
from tests.factories import KotaKecil, buat_pegawai
from tests.pengembangan.rencana_util import daftar, evaluasi, pelatihan

pytestmark = pytest.mark.django_db
TAHUN = timezone.localdate().year


def _pelatihan(kota: KotaKecil, peserta: list, nama: str = "Manajemen waktu") -> object:  # type: ignore[type-arg]
    p = pelatihan(nama, "manajemen-waktu", mulai=dt.date(TAHUN, 5, 1), selesai=dt.date(TAHUN, 5, 3))
    for orang in peserta:
        daftar(p, orang, "selesai")
    return p


def _dua_evaluasi(kota: KotaKecil, orang, sebelum: str, sesudah: str) -> None:  # type: ignore[no-untyped-def]
    # Triwulan I ends 31 March (before), II ends 30 June (after), III later (ignored)
    evaluasi(kota, orang, rating_hasil=sebelum, rating_perilaku="sesuai", urutan=1)
    evaluasi(kota, orang, rating_hasil=sesudah, rating_perilaku="sesuai", urutan=2)
    evaluasi(kota, orang, rating_hasil="di_atas", urutan=3)
    evaluasi(kota, orang, rating_hasil="di_bawah", status="final", urutan=4)  # not locked


def test_n_kecil_hanya_jumlah(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _pelatihan(kota, [kota.pegawai, kota.atasan])
    _dua_evaluasi(kota, kota.pegawai, "di_bawah", "sesuai")
    _dua_evaluasi(kota, kota.atasan, "sesuai", "sesuai")
    (e,) = efek_pelatihan(instansi_id=kota.instansi.pk, opd_ids=None)
    assert e.n == 2 and not e.cukup
    assert e.sebelum.baris("hasil") == [0, 1, 1] and e.sesudah.baris("hasil") == [0, 2, 0]
    assert e.persen()["hasil_sebelum"] is None
    html = client_as("admin_bkpsdmd").get(reverse("pengembangan:efek")).content.decode()
    assert "n terlalu kecil" in html and "bukan hubungan sebab-akibat" in html
    assert "50.0%" not in html


def test_n_cukup_dengan_persen(kota: KotaKecil) -> None:
    orang = [kota.pegawai] + [
        buat_pegawai(kota.instansi, f"S{i}", kota.j_pelaksana) for i in range(4)
    ]
    _pelatihan(kota, orang)
    for i, o in enumerate(orang):
        _dua_evaluasi(kota, o, "di_bawah" if i < 2 else "sesuai", "di_bawah" if i < 1 else "sesuai")
    (e,) = efek_pelatihan(instansi_id=kota.instansi.pk, opd_ids=None)
    assert e.n == 5 and e.cukup
    p = e.persen()
    assert (p["hasil_sebelum"], p["hasil_sesudah"]) == (40, 20)
    assert p["perilaku_sebelum"] == 0


def test_lingkup_pimpinan_opd(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = _pelatihan(kota, [kota.pegawai, kota.luar])
    (e,) = efek_pelatihan(instansi_id=kota.instansi.pk, opd_ids={kota.dinas.pk})
    assert e.n == 1
    assert (
        client_as("pimpinan_opd").get(reverse("pengembangan:efek_detail", args=[p.pk])).status_code
        == 200
    )
    lain = _pelatihan(kota, [kota.luar], nama="Hanya OPD lain")
    assert (
        client_as("pimpinan_opd")
        .get(reverse("pengembangan:efek_detail", args=[lain.pk]))
        .status_code
        == 404
    )


def test_query_konstan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_as("admin_bkpsdmd")
    url = reverse("pengembangan:efek")

    def tambah(n: int) -> int:
        for i in range(n):
            o = buat_pegawai(kota.instansi, f"P{i}", kota.j_pelaksana)
            _pelatihan(kota, [o], nama=f"Pelatihan {i}")
            _dua_evaluasi(kota, o, "di_bawah", "sesuai")
        c.get(url)
        with CaptureQueriesContext(connection) as q:
            assert c.get(url).status_code == 200
        return len(q.captured_queries)

    assert tambah(2) == tambah(4)
