"""JP recap pages: team, city/OPD/unit recap with drill down, exports (CSV, XLSX), one pegawai's
ledger, the home card, menus; pinned query counts (N vs 3N pegawai and units)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.organisasi import services as org
from kinerja.organisasi.models import JenisJabatan, JenisUnit, Peran
from tests.factories import KotaKecil, buat_pegawai
from tests.pengembangan.rekap_util import beri_jp, beri_jp_eksternal


def _isi(kota: KotaKecil) -> None:
    beri_jp(kota.pegawai, "8", judul="Manajemen Waktu")
    beri_jp_eksternal(kota.pegawai, "4", judul="Webinar Literasi Digital")
    beri_jp(kota.atasan, "20")
    beri_jp(kota.kabid, "5")


def _html(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return response.content.decode()


def test_the_team_page_lists_bawahan_langsung_lowest_first(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    baru = buat_pegawai(kota.instansi, "Budi Nolan", kota.j_pelaksana)
    html = _html(client_as("atasan").get(reverse("pengembangan:tim")))
    assert "Agus Salim" in html and "Budi Nolan" in html
    assert html.index("Budi Nolan") < html.index("Agus Salim")  # 0 JP first
    assert "12 / 20" in html
    nol = _html(client_as("atasan").get(reverse("pengembangan:tim") + "?status=nol"))
    assert "Budi Nolan" in nol and "Agus Salim" not in nol
    assert baru.nip in nol


def test_the_team_page_switches_to_the_whole_chain(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    client = client_as("pimpinan_opd")
    langsung = _html(client.get(reverse("pengembangan:tim")))
    assert "Bambang Sutrisno" in langsung and "Agus Salim" not in langsung
    semua = _html(client.get(reverse("pengembangan:tim") + "?semua=1"))
    assert "Agus Salim" in semua and "Dewi Lestari" in semua


def test_the_city_recap_has_a_row_per_opd(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    html = _html(client_as("admin_bkpsdmd").get(reverse("pengembangan:rekap")))
    assert "Per OPD" in html
    for opd in (kota.dinas, kota.dinas_lain, kota.bkpsdmd, kota.setda):
        assert reverse("pengembangan:rekap_unit", args=[opd.pk]) in html
    assert "Joko Susilo" in html  # every pegawai of the city in the list


def test_the_opd_recap_of_a_pimpinan_is_per_unit_of_their_opd(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    html = _html(client_as("pimpinan_opd").get(reverse("pengembangan:rekap")))
    assert "Per unit kerja" in html
    assert kota.seksi.nama in html and "Agus Salim" in html
    assert "Joko Susilo" not in html
    assert reverse("pengembangan:rekap_unit", args=[kota.dinas_lain.pk]) not in html


def test_drill_down_to_a_unit_and_its_scope(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    url = reverse("pengembangan:rekap_unit", args=[kota.bidang.pk])
    html = _html(client_as("pimpinan_opd").get(url))
    assert "Agus Salim" in html and "Bambang Sutrisno" in html
    assert "Siti Aminah" not in html  # the kepala dinas sits above the bidang
    # an operator of another OPD: the unit is out of scope
    org.peran_grant(pegawai=kota.luar, peran=Peran.OPERATOR_OPD, unit=kota.dinas_lain)
    client = client_as("luar_opd")
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("pengembangan:rekap_ekspor") + f"?unit={kota.bidang.pk}").status_code
        == 404
    )
    own = _html(client.get(reverse("pengembangan:rekap")))
    assert "Joko Susilo" in own and "Agus Salim" not in own


def test_filters_on_the_recap_page(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    client = client_as("admin_bkpsdmd")
    url = reverse("pengembangan:rekap")
    tercapai = _html(client.get(url + "?status=tercapai"))
    assert "Dewi Lestari" in tercapai and "Agus Salim" not in tercapai
    cari = _html(client.get(url + "?q=agus"))
    assert "Agus Salim" in cari and "Dewi Lestari" not in cari
    lalu = _html(client.get(url + f"?tahun={timezone.localdate().year - 1}&status=tercapai"))
    assert "Dewi Lestari" not in lalu


def test_csv_export_of_the_scope_viewed(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    response = client_as("pimpinan_opd").get(reverse("pengembangan:rekap_ekspor"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    teks = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(teks)))
    assert rows[0] == ["NIP", "Nama", "Unit kerja", "OPD", "Tahun", "JP", "Target JP", "Status"]
    data = {r[0]: r for r in rows[1:]}
    assert set(data) == {kota.pimpinan.nip, kota.kabid.nip, kota.atasan.nip, kota.pegawai.nip}
    agus = data[kota.pegawai.nip]
    assert agus[2] == kota.seksi.nama and agus[3] == kota.dinas.nama
    assert float(agus[5]) == 12.0 and agus[7] == "Di bawah target"
    assert f'"{kota.pegawai.nip}"' in teks  # NIP quoted as text


def test_xlsx_export_keeps_nip_as_text_and_jp_as_number(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _isi(kota)
    url = reverse("pengembangan:rekap_ekspor") + "?format=xlsx&status=belum"
    response = client_as("admin_bkpsdmd").get(url)
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:6] == ("NIP", "Nama", "Unit kerja", "OPD", "Tahun", "JP")
    data = {r[0]: r for r in rows[1:]}
    assert kota.atasan.nip not in data  # reached the target: filtered out
    assert len(data) == 6
    agus = data[kota.pegawai.nip]
    assert isinstance(agus[0], str) and agus[0] == kota.pegawai.nip
    assert agus[5] == 12.0 and agus[6] == 20.0 and agus[7] == "Di bawah target"
    assert data[kota.luar.nip][5] == 0 and data[kota.luar.nip][7] == "0 JP"
    assert ws.cell(row=2, column=1).number_format == "@"


def test_export_of_a_drill_down_unit(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    url = reverse("pengembangan:rekap_ekspor") + f"?unit={kota.seksi.pk}"
    teks = client_as("admin_bkpsdmd").get(url).content.decode("utf-8-sig")
    nips = {r[0] for r in list(csv.reader(io.StringIO(teks)))[1:]}
    assert nips == {kota.atasan.nip, kota.pegawai.nip}


def test_the_ledger_of_a_pegawai_shows_each_source(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    url = reverse("pengembangan:jp_pegawai", args=[kota.pegawai.pk])
    for persona in ("pegawai", "atasan", "pimpinan_opd", "admin_bkpsdmd"):
        html = _html(client_as(persona).get(url))
        assert "Manajemen Waktu" in html and "Webinar Literasi Digital" in html
        assert "12 dari 20 JP" in html
        assert "Kurang 8 JP" in html
    assert client_as("luar_opd").get(url).status_code == 404
    # the atasan does not read their own atasan's ledger
    atas = reverse("pengembangan:jp_pegawai", args=[kota.kabid.pk])
    assert client_as("atasan").get(atas).status_code == 404
    assert client_as("pimpinan_opd").get(atas).status_code == 200


def test_menu_links_by_role(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    tim, rekap_url = reverse("pengembangan:tim"), reverse("pengembangan:rekap")
    pegawai = _html(client_as("pegawai").get(reverse("beranda")))
    assert tim not in pegawai and rekap_url not in pegawai
    atasan = _html(client_as("atasan").get(reverse("beranda")))
    assert tim in atasan and rekap_url not in atasan
    admin = _html(client_as("admin_bkpsdmd").get(reverse("beranda")))
    assert rekap_url in admin and tim not in admin
    pimpinan = _html(client_as("pimpinan_opd").get(reverse("beranda")))
    assert tim in pimpinan and rekap_url in pimpinan


def test_the_home_card(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    buat_pegawai(kota.instansi, "Budi Nolan", kota.j_pelaksana)
    html = _html(client_as("pegawai").get(reverse("beranda")))
    assert "JP tahun ini: 12 dari 20 JP" in html
    assert reverse("pengembangan:jp_pegawai", args=[kota.pegawai.pk]) in html
    assert "bawahan belum punya JP" not in html
    atasan = _html(client_as("atasan").get(reverse("beranda")))
    assert "JP tahun ini: 20 dari 20 JP" in atasan
    assert "1 bawahan belum punya JP tahun ini" in atasan


def _kota_besar(kota: KotaKecil, n: int) -> None:
    """n more pegawai in n/2 new units (half of them with JP), under the kepala seksi."""
    for i in range(n // 2):
        unit = org.unit_create(
            instansi=kota.instansi,
            kode=f"DUKCAPIL.X{i}.{n}",
            nama=f"Seksi Tambahan {i}",
            jenis=JenisUnit.SEKSI,
            parent=kota.bidang,
        )
        jab = org.jabatan_create(
            unit=unit,
            kode=f"J-X{i}-{n}",
            nama=f"Pelaksana Tambahan {i}",
            jenis=JenisJabatan.PELAKSANA,
            parent=kota.j_kasi,
        )
        for j in range(2):
            orang = buat_pegawai(kota.instansi, f"Staf Tambahan{i}x{j}", jab)
            if j:
                beri_jp(orang, "3")


@pytest.mark.parametrize(
    ("persona", "nama", "kwargs", "batas"),
    [
        # session, user, access profile (5), notification bell; ours: settings + ONE recap query
        ("admin_bkpsdmd", "pengembangan:rekap", {}, 10),
        ("pimpinan_opd", "pengembangan:rekap", {}, 11),  # + the OPD's name
        ("admin_bkpsdmd", "pengembangan:rekap_unit", {"pk": "bidang"}, 11),  # + the unit
        ("admin_bkpsdmd", "pengembangan:rekap_ekspor", {}, 9),
        ("atasan", "pengembangan:tim", {}, 15),  # + bawahan_ids (Plt-aware, per level)
    ],
)
def test_query_counts_do_not_grow_with_pegawai_and_units(  # type: ignore[no-untyped-def]
    kota: KotaKecil,
    client_as,
    django_assert_max_num_queries,
    persona: str,
    nama: str,
    kwargs: dict[str, str],
    batas: int,
) -> None:
    kw = {k: getattr(kota, v).pk for k, v in kwargs.items()}
    url = reverse(nama, kwargs=kw)
    client = client_as(persona)
    _kota_besar(kota, 6)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as kecil:
        assert client.get(url).status_code == 200
    _kota_besar(kota, 18)
    with django_assert_max_num_queries(batas):
        response = client.get(url)
    assert response.status_code == 200
    assert len(kecil.captured_queries) <= batas
    with CaptureQueriesContext(connection) as besar:
        client.get(url)
    assert len(besar.captured_queries) == len(kecil.captured_queries)


def test_xlsx_export_query_count_and_decimal_sum(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    beri_jp(kota.pegawai, "1.11")
    beri_jp(kota.pegawai, "2.22")
    from openpyxl import load_workbook

    response = client_as("admin_bkpsdmd").get(
        reverse("pengembangan:rekap_ekspor") + "?format=xlsx&q=agus"
    )
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws is not None
    assert Decimal(str(ws.cell(row=2, column=6).value)) == Decimal("3.33")


def test_the_ledger_for_an_operator_opd_and_by_year(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    beri_jp(kota.luar, "6", judul="Keselamatan Lalu Lintas")
    beri_jp(kota.luar, "9", tahun=timezone.localdate().year - 1, judul="Pelatihan Tahun Lalu")
    org.peran_grant(pegawai=kota.luar, peran=Peran.OPERATOR_OPD, unit=kota.dinas_lain)
    client = client_as("luar_opd")
    sendiri = reverse("pengembangan:jp_pegawai", args=[kota.luar.pk])
    html = _html(client.get(sendiri))
    assert "Keselamatan Lalu Lintas" in html and "Pelatihan Tahun Lalu" not in html
    lalu = _html(client.get(sendiri + f"?tahun={timezone.localdate().year - 1}"))
    assert "Pelatihan Tahun Lalu" in lalu and "9 dari 20 JP" in lalu
    # an operator of Dinas Perhubungan does not read a Dukcapil pegawai's ledger
    assert client.get(reverse("pengembangan:jp_pegawai", args=[kota.pegawai.pk])).status_code == 404


def test_the_ledger_query_count_does_not_grow_with_rows(  # type: ignore[no-untyped-def]
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("atasan")
    url = reverse("pengembangan:jp_pegawai", args=[kota.pegawai.pk])
    for i in range(2):
        beri_jp(kota.pegawai, "1", judul=f"Modul A{i}")
    beri_jp_eksternal(kota.pegawai, "1")
    client.get(url)
    with CaptureQueriesContext(connection) as kecil:
        client.get(url)
    for i in range(6):
        beri_jp(kota.pegawai, "1", judul=f"Modul B{i}")
        beri_jp_eksternal(kota.pegawai, "1", judul=f"Webinar B{i}")
    with django_assert_max_num_queries(len(kecil.captured_queries)):
        html = _html(client.get(url))
    assert "Modul B5" in html and "Webinar B5" in html
    assert len(kecil.captured_queries) <= 16


def test_pimpinan_daerah_reads_the_city_and_inspektorat_not(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _isi(kota)
    org.peran_grant(pegawai=kota.luar, peran=Peran.PIMPINAN_DAERAH)
    client = client_as("luar_opd")
    html = _html(client.get(reverse("pengembangan:rekap")))
    assert "Per OPD" in html and "Agus Salim" in html
    assert client.get(reverse("pengembangan:jp_pegawai", args=[kota.pegawai.pk])).status_code == 200
    org.peran_grant(pegawai=kota.kabid, peran=Peran.INSPEKTORAT)
    from django.test import Client

    inspektorat = Client()
    inspektorat.force_login(kota.kabid)
    assert inspektorat.get(reverse("pengembangan:rekap")).status_code == 403
