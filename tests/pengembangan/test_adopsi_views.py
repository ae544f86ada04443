"""Adoption view pages (part "adopsi"): who sees what (beyond the access table), what the pages
say, sorting and the window selector, the XLSX export, and query counts that do not grow with
the number of OPDs, units and pegawai."""

from __future__ import annotations

import datetime as dt
import io
import itertools

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.kegiatan.models import StatusLaporan
from kinerja.organisasi import services as org
from kinerja.organisasi.models import JenisJabatan, JenisUnit, Peran
from tests.factories import KotaKecil, buat_pegawai
from tests.pengembangan import adopsi_util as u

pytestmark = pytest.mark.django_db
_urut = itertools.count(1)


def _login(pegawai) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(pegawai)
    return client


def _opd_url(kota: KotaKecil, unit: str = "dinas", **query: object) -> str:
    url = reverse("pengembangan:adopsi_opd", args=[getattr(kota, unit).pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_pimpinan_opd_is_sent_to_their_own_opd_with_the_window(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    response = client_as("pimpinan_opd").get(reverse("pengembangan:adopsi") + "?jendela=7")
    assert response.status_code == 302
    assert response["Location"] == _opd_url(kota, jendela=7)


def test_other_opds_and_non_opd_units_are_not_found(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    pimpinan = client_as("pimpinan_opd")
    assert pimpinan.get(_opd_url(kota, "dinas_lain")).status_code == 404
    assert (
        pimpinan.get(
            reverse("pengembangan:adopsi_ekspor") + f"?opd={kota.dinas_lain.pk}"
        ).status_code
        == 404
    )
    admin = client_as("admin_bkpsdmd")
    assert admin.get(_opd_url(kota, "bidang")).status_code == 404  # a unit, not an OPD
    assert admin.get(reverse("pengembangan:adopsi_opd", args=[999999])).status_code == 404
    assert admin.get(_opd_url(kota, "dinas_lain")).status_code == 200


def test_operator_opd_and_pimpinan_daerah(kota: KotaKecil) -> None:
    operator = buat_pegawai(kota.instansi, "Operator Dua", kota.j_pelaksana)
    org.peran_grant(pegawai=operator, peran=Peran.OPERATOR_OPD, unit=kota.dinas)
    client = _login(operator)
    assert client.get(reverse("pengembangan:adopsi")).status_code == 302
    assert client.get(_opd_url(kota)).status_code == 200
    assert client.get(_opd_url(kota, "bkpsdmd")).status_code == 404
    # operator of two OPDs: both side by side, each reachable
    org.peran_grant(pegawai=operator, peran=Peran.OPERATOR_OPD, unit=kota.dinas_lain)
    client = _login(operator)
    response = client.get(reverse("pengembangan:adopsi"))
    assert response.status_code == 200
    teks = response.content.decode()
    assert kota.dinas.nama in teks and kota.dinas_lain.nama in teks
    assert kota.bkpsdmd.nama not in teks
    assert client.get(_opd_url(kota, "dinas_lain")).status_code == 200
    # pimpinan daerah reads the city like the admin
    wali = buat_pegawai(kota.instansi, "Wali Kota", kota.j_staf_lain)
    org.peran_grant(pegawai=wali, peran=Peran.PIMPINAN_DAERAH)
    response = _login(wali).get(reverse("pengembangan:adopsi"))
    assert response.status_code == 200
    assert kota.bkpsdmd.nama in response.content.decode()


def test_city_page_shows_the_shares_and_explains_them(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    for p in (kota.pegawai, kota.atasan, kota.kabid):
        u.skp(kota, p)
    u.umpan(kota.atasan, kota.pegawai)
    response = client_as("admin_bkpsdmd").get(reverse("pengembangan:adopsi"))
    assert response.status_code == 200
    teks = response.content.decode()
    assert "3 dari 4" in teks and "75%" in teks  # SKP disetujui of the dinas
    assert "1 dari 3" in teks  # atasan giving feedback in the dinas
    assert _opd_url(kota, jendela=28) in teks  # the OPD name links to its units
    assert "Seluruh kota" in teks  # the total row
    assert "<svg" in teks  # small bars
    # the explanation in plain words: every number defined, the colour rule and the window
    for kata in (
        "setiap</strong> minggu dari 4 minggu terakhir",
        "Atasan adalah pegawai",
        "di bawah 50%",
        "Jendela pengukuran",
        "bukan nilai kinerja pegawai",
    ):
        assert kata in teks, kata


def test_opd_page_lists_head_office_and_units(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    u.skp(kota, kota.pimpinan)
    response = client_as("pimpinan_opd").get(_opd_url(kota, jendela=90))
    assert response.status_code == 200
    teks = response.content.decode()
    assert f"Kantor {kota.dinas.nama}" in teks
    assert kota.bidang.nama in teks
    assert "90 hari terakhir" in teks and "12 minggu terakhir" in teks
    assert "Seluruh kota" not in teks  # no way up for a pimpinan OPD
    assert teks.index(f"Kantor {kota.dinas.nama}") < teks.index(kota.bidang.nama)


def test_sorting_links_toggle_and_sort(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    u.skp(kota, kota.luar)  # Dinas Perhubungan: 100 %, the others 0 %
    client = client_as("admin_bkpsdmd")
    teks = client.get(reverse("pengembangan:adopsi") + "?urut=-skp").content.decode()
    tbody = teks[teks.index("<tbody>") :]
    assert tbody.index(kota.dinas_lain.nama) < tbody.index(kota.bkpsdmd.nama)
    assert "?jendela=28&amp;urut=skp" in teks  # a second click reverses
    assert 'aria-sort="descending"' in teks
    # the form (headers are hidden on phones) keeps the sort when the window changes
    assert '<option value="-skp" selected>' in teks
    teks = client.get(reverse("pengembangan:adopsi") + "?urut=skp").content.decode()
    tbody = teks[teks.index("<tbody>") :]
    assert tbody.index(kota.dinas_lain.nama) > tbody.index(kota.bkpsdmd.nama)


def test_xlsx_export(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    for p in (kota.pegawai, kota.atasan, kota.kabid):
        u.skp(kota, p)
    response = client_as("pimpinan_opd").get(
        reverse("pengembangan:adopsi_ekspor") + f"?opd={kota.dinas.pk}&jendela=7"
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-7hari.xlsx"')
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws is not None
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    kepala = next(i for i, r in enumerate(rows) if r[0] == "Unit kerja")
    data = {r[0]: r for r in rows[kepala + 1 :]}
    assert data["Total"][1:4] == [4, 3, 75]
    assert data[kota.bidang.nama][1:4] == [3, 3, 100]
    # the city export of an OPD manager holds only their OPD
    response = client_as("pimpinan_opd").get(reverse("pengembangan:adopsi_ekspor"))
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws is not None
    nama = [r[0] for r in ws.iter_rows(values_only=True)]
    assert kota.dinas.nama in nama and kota.dinas_lain.nama not in nama


def _tambah(kota: KotaKecil, n: int) -> None:
    """n more OPDs, each with a bidang and three pegawai (head, kabid, staff) who have an
    approved SKP, reports (reviewed and waiting) and feedback."""
    hari_ini = timezone.localdate()
    sekarang = timezone.now()
    for _ in range(n):
        i = next(_urut)
        opd = org.unit_create(
            instansi=kota.instansi, kode=f"OPD{i}", nama=f"Dinas Uji {i}", jenis=JenisUnit.OPD
        )
        bidang = org.unit_create(
            instansi=kota.instansi,
            kode=f"OPD{i}.B",
            nama=f"Bidang Uji {i}",
            jenis=JenisUnit.BIDANG,
            parent=opd,
        )
        j_kepala = org.jabatan_create(
            unit=opd, kode=f"J{i}K", nama="Kepala", jenis=JenisJabatan.JPT, kepala=True
        )
        j_kabid = org.jabatan_create(
            unit=bidang,
            kode=f"J{i}B",
            nama="Kabid",
            jenis=JenisJabatan.ADMINISTRATOR,
            kepala=True,
            parent=j_kepala,
        )
        j_staf = org.jabatan_create(
            unit=bidang, kode=f"J{i}S", nama="Staf", jenis=JenisJabatan.PELAKSANA, parent=j_kabid
        )
        kepala = buat_pegawai(kota.instansi, f"Kepala Uji{i}", j_kepala)
        kabid = buat_pegawai(kota.instansi, f"Kabid Uji{i}", j_kabid)
        staf = buat_pegawai(kota.instansi, f"Staf Uji{i}", j_staf)
        for p in (kepala, kabid, staf):
            u.skp(kota, p)
        u.lapor(
            staf,
            hari_ini,
            dibuat=sekarang - dt.timedelta(hours=5),
            direview=sekarang - dt.timedelta(hours=1),
            oleh=kabid,
        )
        u.lapor(staf, hari_ini - dt.timedelta(days=5))
        u.lapor(kabid, hari_ini - dt.timedelta(days=9), status=StatusLaporan.DISETUJUI)
        u.umpan(kabid, staf)


@pytest.mark.parametrize(
    ("persona", "nama", "opd", "batas"),
    [
        # session, user, access profile (5), notification bell; ours: periode, pegawai rows,
        # weeks with reports, reviews and backlog, unit names
        ("admin_bkpsdmd", "pengembangan:adopsi", False, 13),
        ("admin_bkpsdmd", "pengembangan:adopsi_opd", True, 14),  # + the OPD
        ("pimpinan_opd", "pengembangan:adopsi_opd", True, 14),
        ("admin_bkpsdmd", "pengembangan:adopsi_ekspor", False, 12),  # no page, no bell
    ],
)
def test_query_counts_do_not_grow_with_opds_units_and_pegawai(  # type: ignore[no-untyped-def]
    kota: KotaKecil,
    client_as,
    django_assert_max_num_queries,
    persona: str,
    nama: str,
    opd: bool,
    batas: int,
) -> None:
    url = reverse(nama, args=[kota.dinas.pk] if opd else [])
    client = client_as(persona)
    _tambah(kota, 3)
    for i in range(3):  # and more pegawai inside the viewed OPD
        buat_pegawai(kota.instansi, f"Pelaksana Tambahan{i}", kota.j_pelaksana)
    client.get(url)
    with CaptureQueriesContext(connection) as kecil:
        assert client.get(url).status_code == 200
    _tambah(kota, 6)
    for i in range(6):
        orang = buat_pegawai(kota.instansi, f"Pelaksana Lagi{i}", kota.j_pelaksana)
        u.skp(kota, orang)
        u.lapor(orang, timezone.localdate())
    with django_assert_max_num_queries(batas):
        response = client.get(url)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as besar:
        client.get(url)
    assert len(besar.captured_queries) == len(kecil.captured_queries) <= batas


@pytest.mark.parametrize(
    ("persona", "ada"),
    [("pimpinan_opd", True), ("admin_bkpsdmd", True), ("atasan", False), ("pegawai", False)],
)
def test_menu_link(client_as, persona: str, ada: bool) -> None:  # type: ignore[no-untyped-def]
    teks = client_as(persona).get(reverse("beranda")).content.decode()
    assert (f'href="{reverse("pengembangan:adopsi")}"' in teks) is ada
