"""Matriks Peran Hasil: the cascade as a table, orphans flagged exactly, constant queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.organisasi import services as org_services
from kinerja.organisasi.models import Pegawai
from kinerja.skp.matriks import KolomBawahan, hitung_matriks, matriks_unit
from tests.factories import KotaKecil, buat_pegawai
from tests.skp.bahan_dokumen import Cascade, buat_cascade, buat_rhk, buat_skp


@pytest.fixture
def cascade(kota: KotaKecil) -> Cascade:
    return buat_cascade(kota)


def _kolom(pid: int, skp_id: int | None = 1) -> KolomBawahan:
    return KolomBawahan(pid, f"P{pid}", "", "", skp_id, "draft" if skp_id else "")


def test_it_places_each_bawahan_rhk_under_the_leader_rhk_it_intervenes() -> None:
    m = hitung_matriks(
        rhk_pimpinan=[
            {"id": 1, "teks": "A", "jenis": "utama"},
            {"id": 2, "teks": "B", "jenis": "utama"},
            {"id": 3, "teks": "C", "jenis": "tambahan"},
        ],
        bawahan=[_kolom(10), _kolom(20), _kolom(30, None)],
        rhk_bawahan=[
            {"id": 11, "teks": "a1", "jenis": "utama", "rhk_atasan_id": 1, "pegawai_id": 10},
            {"id": 12, "teks": "a2", "jenis": "utama", "rhk_atasan_id": 1, "pegawai_id": 20},
            {"id": 13, "teks": "b1", "jenis": "utama", "rhk_atasan_id": 2, "pegawai_id": 20},
            {"id": 14, "teks": "x", "jenis": "utama", "rhk_atasan_id": None, "pegawai_id": 10},
            {"id": 15, "teks": "y", "jenis": "utama", "rhk_atasan_id": 99, "pegawai_id": 20},
            {"id": 16, "teks": "z", "jenis": "utama", "rhk_atasan_id": 1, "pegawai_id": 77},
        ],
    )
    assert [[r["id"] for r in sel] for sel in m.baris[0].sel] == [[11], [12], []]
    assert [[r["id"] for r in sel] for sel in m.baris[1].sel] == [[], [13], []]
    assert [r["id"] for r in m.yatim] == [14, 15]  # no link; a link to someone else's RHK
    assert [b.rhk_id for b in m.tanpa_kontribusi] == [3]
    assert [k.pegawai_id for k in m.belum_skp] == [30]
    assert [k.jumlah_rhk for k in m.kolom] == [2, 3, 0]  # row 16 is not a bawahan's


def test_the_dinas_matriks_flags_the_unlinked_rhk_and_the_uncovered_leader_rhk(
    cascade: Cascade, kota: KotaKecil
) -> None:
    hasil = matriks_unit(user=kota.pimpinan, unit_pk=kota.dinas.pk, periode=cascade.periode)
    m = hasil.matriks
    assert hasil.pimpinan == kota.pimpinan and m is not None
    assert [k.pegawai_id for k in m.kolom] == [kota.kabid.pk]
    assert [b.rhk_id for b in m.baris] == [r.pk for r in cascade.rhk_kadis]
    assert [[r["id"] for r in sel] for sel in m.baris[0].sel] == [[cascade.rhk_kabid[0].pk]]
    assert [r["id"] for r in m.yatim] == [cascade.rhk_kabid[1].pk]
    assert [b.rhk_id for b in m.tanpa_kontribusi] == [cascade.rhk_kadis[1].pk]


def test_the_seksi_matriks_has_no_orphans_when_every_link_is_made(
    cascade: Cascade, kota: KotaKecil
) -> None:
    m = matriks_unit(user=kota.atasan, unit_pk=kota.seksi.pk, periode=cascade.periode).matriks
    assert m is not None
    kasi_0, kasi_1 = cascade.rhk_atasan
    peg = cascade.rhk_pegawai
    cells = {b.rhk_id: [r["id"] for r in b.sel[0]] for b in m.baris}
    assert cells == {kasi_0.pk: [peg[0].pk, peg[2].pk], kasi_1.pk: [peg[1].pk]}
    assert m.yatim == [] and m.tanpa_kontribusi == []


def test_a_link_to_the_atasan_of_another_unit_is_an_orphan_here(
    cascade: Cascade, kota: KotaKecil
) -> None:
    buat_rhk(cascade.skp_pegawai, "Menautkan RHK kepala dinas", atasan=cascade.rhk_kadis[0])
    m = matriks_unit(user=kota.atasan, unit_pk=kota.seksi.pk, periode=cascade.periode).matriks
    assert m is not None
    assert [r["teks"] for r in m.yatim] == ["Menautkan RHK kepala dinas"]


def _banyak_bawahan(kota: KotaKecil, cascade: Cascade, n: int) -> list[Pegawai]:
    orang = []
    for i in range(n):
        p = buat_pegawai(kota.instansi, f"Staf {i} Seksi", kota.j_pelaksana)
        skp = buat_skp(cascade.periode, p, kota.atasan, jabatan="Staf", unit="Seksi")
        buat_rhk(skp, f"RHK staf {i}", atasan=cascade.rhk_atasan[i % 2])
        buat_rhk(skp, f"RHK lepas {i}")
        orang.append(p)
    return orang


def test_the_page_lists_every_bawahan_with_a_constant_number_of_queries(
    cascade: Cascade, kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    _banyak_bawahan(kota, cascade, 30)
    client = client_as("atasan")
    url = reverse("skp_matriks_unit", kwargs={"pk": kota.seksi.pk})
    with django_assert_max_num_queries(23):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("RHK lepas") == 30  # every unlinked RHK listed once
    assert "Staf 29 Seksi" in html


def test_the_query_count_does_not_grow_with_the_unit(
    cascade: Cascade, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("atasan")
    url = reverse("skp_matriks_unit", kwargs={"pk": kota.seksi.pk})
    client.get(url)
    with CaptureQueriesContext(connection) as kecil:
        client.get(url)
    _banyak_bawahan(kota, cascade, 12)
    with CaptureQueriesContext(connection) as besar:
        client.get(url)
    assert len(besar.captured_queries) == len(kecil.captured_queries)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("pegawai", 404),
        ("atasan", 200),  # the leader of the seksi
        ("pimpinan_opd", 200),
        ("admin_bkpsdmd", 200),
        ("luar_opd", 404),
        ("anonim", 302),
    ],
)
def test_only_the_leader_their_line_and_managers_see_a_unit_matriks(
    cascade: Cascade, kota: KotaKecil, client_as, persona: str, status: int
) -> None:  # type: ignore[no-untyped-def]
    url = reverse("skp_matriks_unit", kwargs={"pk": kota.seksi.pk})
    assert client_as(persona).get(url).status_code == status


def test_the_atasan_of_the_leader_sees_the_unit_matriks(
    cascade: Cascade, kota: KotaKecil, client
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(kota.kabid)
    url = reverse("skp_matriks_unit", kwargs={"pk": kota.seksi.pk})
    assert client.get(url).status_code == 200


def test_the_operator_of_the_opd_sees_it_and_a_leader_opens_their_own_unit(
    cascade: Cascade, kota: KotaKecil, client
) -> None:  # type: ignore[no-untyped-def]
    from kinerja.organisasi.models import Peran

    operator = buat_pegawai(kota.instansi, "Nur Operator", kota.j_pelaksana)
    org_services.peran_grant(pegawai=operator, peran=Peran.OPERATOR_OPD, unit=kota.dinas)
    client.force_login(operator)
    assert client.get(reverse("skp_matriks_unit", kwargs={"pk": kota.seksi.pk})).status_code == 200
    assert "Seksi Identitas Penduduk" in client.get(reverse("skp_matriks_index")).content.decode()
    client.force_login(kota.atasan)
    response = client.get(reverse("skp_matriks_index"))
    assert response["Location"] == reverse("skp_matriks_unit", kwargs={"pk": kota.seksi.pk})
