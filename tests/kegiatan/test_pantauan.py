"""Leader overview of reporting: numbers per unit and atasan, scope per persona, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from kinerja.kegiatan import pantauan
from kinerja.kegiatan.models import LaporanKegiatan, StatusLaporan, SumberMirip
from kinerja.organisasi.models import Pegawai
from tests.factories import KotaKecil, buat_pegawai

pytestmark = pytest.mark.django_db

# Friday 27 November 2026: a fixed working day, so the test does not depend on today's weekday
JUMAT = dt.date(2026, 11, 27)


@pytest.fixture
def jumat(monkeypatch: pytest.MonkeyPatch) -> pantauan.Tanggal:
    t = pantauan.Tanggal(JUMAT, JUMAT, dt.date(2026, 11, 23))
    monkeypatch.setattr(pantauan, "tanggal_acuan", lambda instansi_id, hari_ini=None: t)
    return t


def _lapor(pegawai: Pegawai, tanggal: dt.date, status: str = StatusLaporan.DIAJUKAN, **kw):  # type: ignore[no-untyped-def]
    return LaporanKegiatan.objects.create(
        pegawai=pegawai,
        tanggal=tanggal,
        durasi_menit=60,
        uraian=kw.pop("uraian", f"Menyusun laporan {tanggal} oleh {pegawai.nama}"),
        status=status,
        **kw,
    )


def _ramai(kota: KotaKecil, n: int) -> list[Pegawai]:
    """n staff under the kasi (the atasan persona), each with reports this week."""
    staf = []
    for i in range(n):
        p = buat_pegawai(kota.instansi, f"Staf {i} Ramai", kota.j_pelaksana)
        _lapor(p, JUMAT - dt.timedelta(days=i % 3))
        _lapor(p, JUMAT - dt.timedelta(days=10), StatusLaporan.DISETUJUI)
        staf.append(p)
    return staf


def test_numbers_per_unit_and_pending_per_atasan(kota: KotaKecil, jumat: pantauan.Tanggal) -> None:
    staf = _ramai(kota, 4)  # two reported on Friday (i = 0, 3), all four this week
    _lapor(kota.pegawai, JUMAT - dt.timedelta(days=20))  # old pending: the worst atasan row
    _lapor(kota.atasan, JUMAT, StatusLaporan.DISETUJUI)  # reported Friday; reviewed by kabid
    baris, total = pantauan.rekap(
        instansi_id=kota.instansi.pk, opd_ids={kota.dinas.pk}, per_unit=True, t=jumat
    )
    seksi = next(b for b in baris if b.pk == kota.seksi.pk)
    assert seksi.pegawai == 6  # kasi, the pegawai persona, four staff
    assert seksi.lapor_hari == 3
    assert seksi.lapor_minggu == 5
    assert seksi.menunggu == 5
    assert seksi.terlama == JUMAT - dt.timedelta(days=20)
    assert total.pegawai == sum(b.pegawai for b in baris)
    atasan = pantauan.menunggu_per_atasan(instansi_id=kota.instansi.pk, opd=kota.dinas, t=jumat)
    assert [(a.pegawai_id, a.menunggu, a.bawahan, a.umur_hari) for a in atasan] == [
        (kota.atasan.pk, 5, 5, 20)
    ]
    assert {p.pk for p in staf} <= set(
        LaporanKegiatan.objects.filter(status=StatusLaporan.DIAJUKAN).values_list(
            "pegawai_id", flat=True
        )
    )


def test_the_opd_page_shows_the_flag_and_the_worst_atasan_first(
    kota: KotaKecil, jumat: pantauan.Tanggal, client_as, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    asli = _lapor(kota.pegawai, JUMAT - dt.timedelta(days=3), uraian="Menyusun notulen rapat A")
    _lapor(
        kota.pegawai,
        JUMAT,
        uraian="menyusun notulen rapat a",
        mirip_dengan=asli,
        skor_mirip=0.95,
        mirip_sumber=SumberMirip.SENDIRI,
    )
    _lapor(kota.atasan, JUMAT - dt.timedelta(days=1))  # pending for the kabid, newer
    response = client_as("pimpinan_opd").get(
        reverse("kegiatan_pantauan_opd", kwargs={"pk": kota.dinas.pk})
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mirip laporannya sendiri tanggal 24 November 2026, skor 0,95" in html
    assert html.index(kota.atasan.nama) < html.index(kota.kabid.nama)
    from kinerja.kegiatan import views_pantauan

    monkeypatch.setattr(views_pantauan, "ATASAN_DITAMPILKAN", 1)
    satu = (
        client_as("pimpinan_opd")
        .get(reverse("kegiatan_pantauan_opd", kwargs={"pk": kota.dinas.pk}))
        .content.decode()
    )
    assert kota.atasan.nama in satu and kota.kabid.nama not in satu
    assert "Dan 1 atasan lain dengan laporan tertunda" in satu
    only = client_as("pimpinan_opd").get(
        reverse("kegiatan_pantauan_opd", kwargs={"pk": kota.dinas.pk}), {"mirip": "1"}
    )
    assert only.context["page"].paginator.count == 1


def test_scope_per_persona(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    pimpinan = client_as("pimpinan_opd")
    response = pimpinan.get(reverse("kegiatan_pantauan"))
    assert response.status_code == 302
    assert response["Location"] == reverse("kegiatan_pantauan_opd", kwargs={"pk": kota.dinas.pk})
    lain = reverse("kegiatan_pantauan_opd", kwargs={"pk": kota.dinas_lain.pk})
    assert pimpinan.get(lain).status_code == 404
    assert client_as("admin_bkpsdmd").get(lain).status_code == 200
    for persona in ("pegawai", "atasan", "luar_opd"):
        assert client_as(persona).get(reverse("kegiatan_pantauan")).status_code == 403
        assert client_as(persona).get(lain).status_code == 403
    bukan_opd = reverse("kegiatan_pantauan_opd", kwargs={"pk": kota.seksi.pk})
    assert client_as("admin_bkpsdmd").get(bukan_opd).status_code == 404


@pytest.mark.parametrize("n", [10, 30])
def test_the_city_page_uses_a_fixed_number_of_queries(
    kota: KotaKecil, jumat: pantauan.Tanggal, client_as, django_assert_max_num_queries, n: int
) -> None:  # type: ignore[no-untyped-def]
    _ramai(kota, n)
    client = client_as("admin_bkpsdmd")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("kegiatan_pantauan"))
    assert response.status_code == 200
    assert response.context["total"].lapor_minggu == n


@pytest.mark.parametrize("n", [10, 30])
def test_the_opd_page_uses_a_fixed_number_of_queries(
    kota: KotaKecil, jumat: pantauan.Tanggal, client_as, django_assert_max_num_queries, n: int
) -> None:  # type: ignore[no-untyped-def]
    _ramai(kota, n)
    client = client_as("pimpinan_opd")
    with django_assert_max_num_queries(21):
        response = client.get(reverse("kegiatan_pantauan_opd", kwargs={"pk": kota.dinas.pk}))
    assert response.status_code == 200
    assert response.context["atasan"][0].menunggu == n
    assert len(response.context["laporan_list"]) == min(2 * n, 25)
