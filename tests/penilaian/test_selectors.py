"""Selectors: scope, constant query counts (N and 3N rows), rekap ORM == raw SQL, angka kredit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from kinerja.penilaian import selectors
from kinerja.penilaian.models import Evaluasi
from kinerja.skp.models import Skp
from tests.factories import KotaKecil, buat_pegawai
from tests.penilaian.util import Data, siapkan, skp_setuju

pytestmark = pytest.mark.django_db

PASANGAN = [
    ("di_atas", "di_atas", "sangat_baik"),
    ("sesuai", "sesuai", "baik"),
    ("di_bawah", "sesuai", "butuh_perbaikan"),
    ("sesuai", "di_bawah", "kurang"),
    ("di_bawah", "di_bawah", "sangat_kurang"),
]


@pytest.fixture
def d(kota: KotaKecil) -> Data:
    return siapkan(kota)


def _tambah(kota: KotaKecil, d: Data, n: int, *, status: str = "dikunci") -> None:
    """n more pegawai in the seksi with a rated evaluation for Q1 (rows written directly)."""
    awal = Evaluasi.objects.count()
    for i in range(n):
        p = buat_pegawai(kota.instansi, f"Staf {awal + i}", kota.j_pelaksana)
        skp = skp_setuju(p, d.periode, kota.atasan, kota.seksi)
        h, pr, k = PASANGAN[(awal + i) % len(PASANGAN)]
        Evaluasi.objects.create(
            skp=skp, pegawai=p, periode=d.periode, unit=kota.seksi, pejabat_penilai=kota.atasan,
            jenis="periodik", urutan=1, mulai=d.periode.mulai,
            selesai=d.periode.mulai.replace(month=3, day=31),
            rating_hasil=h, rating_perilaku=pr, predikat=k, status=status,
        )  # fmt: skip


def _hitung(django_assert_max_num_queries: Any, batas: int, fn: Any) -> Any:
    with django_assert_max_num_queries(batas):
        return fn()


def test_grid_distribusi_rekap_konstan(
    kota: KotaKecil, d: Data, django_assert_max_num_queries: Any
) -> None:
    kw: dict[str, Any] = {"periode": d.periode, "jenis": "periodik", "urutan": 1}
    for n in (5, 10):  # 5 rows, then 15
        _tambah(kota, d, n)
        total = Evaluasi.objects.count()
        for user in (kota.pimpinan, kota.admin):
            user = type(user).objects.get(pk=user.pk)  # fresh: no cached access profile
            g = _hitung(
                django_assert_max_num_queries,
                12,
                lambda u=user: selectors.grid_kalibrasi(user=u, unit=kota.dinas, **kw),
            )
            assert g.total == total
            assert sum(len(s.pegawai) for row in g.baris for s in row) == total
            assert g.baris[0][2].predikat == "sangat_baik"
        dist = _hitung(
            django_assert_max_num_queries,
            12,
            lambda: selectors.distribusi_unit(user=kota.admin, unit=kota.seksi, **kw),
        )
        assert dist.total == total and dist.predikat_organisasi is None
        for tingkat in ("unit", "opd", "kota"):
            orm = _hitung(
                django_assert_max_num_queries,
                10,
                lambda t=tingkat: selectors.rekap(user=kota.admin, tingkat=t, **kw),
            )
            sql = selectors.rekap_sql(user=kota.admin, tingkat=tingkat, **kw)
            assert orm == sql
            assert sum(r["total"] for r in orm) == total


def test_rekap_cakupan(kota: KotaKecil, d: Data) -> None:
    _tambah(kota, d, 3)
    kw: dict[str, Any] = {"periode": d.periode, "jenis": "periodik", "urutan": 1}
    assert [r["total"] for r in selectors.rekap(user=kota.pimpinan, **kw)] == [3]
    assert selectors.rekap_sql(user=kota.pimpinan, **kw)[0]["total"] == 3
    # the pimpinan of another OPD sees nothing of this one
    assert kota.j_kadis_lain
    for user in (kota.pegawai, kota.atasan):
        with pytest.raises(PermissionDenied):
            selectors.rekap(user=user, **kw)
    with pytest.raises(Http404):
        selectors.grid_kalibrasi(user=kota.luar, unit=kota.dinas, **kw)
    with pytest.raises(PermissionDenied):
        selectors.grid_kalibrasi(user=kota.pegawai, unit=kota.dinas, **kw)
    # the kepala seksi sees the grid of the unit he leads
    assert selectors.grid_kalibrasi(user=kota.atasan, unit=kota.seksi, **kw).total == 3


def test_daftar_evaluasi_cakupan(kota: KotaKecil, d: Data) -> None:
    _tambah(kota, d, 2, status="final")
    ev = Evaluasi.objects.first()
    assert ev is not None
    saya = selectors.evaluasi_list_for_user
    assert saya(kota.atasan).count() == 2  # pejabat penilai
    assert saya(kota.kabid).count() == 2  # kepala of a unit above
    assert saya(kota.pimpinan).count() == 2
    assert saya(kota.admin).count() == 2
    assert saya(kota.luar).count() == 0
    assert saya(ev.pegawai).count() == 0  # not locked yet
    Evaluasi.objects.filter(pk=ev.pk).update(status="dikunci")
    assert saya(ev.pegawai).count() == 1
    with pytest.raises(Http404):
        selectors.evaluasi_get_for_user(user=kota.luar, pk=ev.pk)


def test_detail_konstan(kota: KotaKecil, d: Data, django_assert_max_num_queries: Any) -> None:
    from kinerja.penilaian import services
    from kinerja.skp.models import IndikatorKinerja, Rhk

    ev = services.evaluasi_siapkan(
        pegawai=kota.pegawai, periode=d.periode, jenis="periodik", urutan=1, oleh=kota.atasan
    )
    atasan = type(kota.atasan).objects.get(pk=kota.atasan.pk)
    selectors.evaluasi_detail(user=atasan, pk=ev.pk)
    with django_assert_max_num_queries(30) as ctx1:
        d1 = selectors.evaluasi_detail(user=atasan, pk=ev.pk)
    for i in range(4):
        rhk = Rhk.objects.create(skp=d.skp, teks=f"RHK {i}")
        IndikatorKinerja.objects.create(rhk=rhk, teks="x", target_angka=Decimal(5))
    ev.refresh_from_db()
    services.evaluasi_nilai(
        evaluasi=ev, oleh=kota.atasan, revisi=ev.revisi, rating_perilaku="sesuai"
    )
    with django_assert_max_num_queries(len(ctx1.captured_queries)):
        d2 = selectors.evaluasi_detail(user=atasan, pk=ev.pk)
    assert (len(d1.rhk), len(d2.rhk)) == (1, 5)
    assert d2.boleh_nilai and not d2.boleh_keberatan
    assert "110" in d2.teks_aturan_usulan


def test_angka_kredit_pegawai_fungsional(kota: KotaKecil, d: Data) -> None:
    skp = skp_setuju(kota.admin, d.periode, kota.sekda, kota.bkpsdmd)
    Skp.objects.filter(pk=skp.pk).update(jabatan=kota.j_analis)  # Ahli Pertama
    base = {
        "skp": skp, "pegawai": kota.admin, "periode": d.periode, "unit": kota.bkpsdmd,
        "pejabat_penilai": kota.sekda, "status": "dikunci",
    }  # fmt: skip
    Evaluasi.objects.create(
        **base, jenis="tahunan", urutan=0, mulai=d.periode.mulai, selesai=d.periode.selesai,
        rating_hasil="di_atas", rating_perilaku="di_atas", predikat="sangat_baik",
    )  # fmt: skip
    Evaluasi.objects.create(
        **base, jenis="periodik", urutan=1, mulai=d.periode.mulai,
        selesai=d.periode.mulai.replace(month=3, day=31),
        rating_hasil="sesuai", rating_perilaku="sesuai", predikat="baik",
    )  # fmt: skip
    rows = selectors.angka_kredit_pegawai(user=kota.admin, periode=d.periode)
    assert {(r["jenis"], r["bulan"], r["angka_kredit"]) for r in rows} == {
        ("tahunan", 12, Decimal("18.75")),
        ("periodik", 3, Decimal("3.13")),  # 3/12 × 100% × 12.5 = 3.125 → half-up
    }
