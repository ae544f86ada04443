"""Searching pegawai, the unit tree, unit pages, and the phone layout of the main pages."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

from tests.e2e.helpers import buka_menu, lebar_dokumen
from tests.factories import KotaKecil


def test_an_atasan_finds_a_pegawai_by_name_as_they_type_and_opens_the_profile(
    page: Page, kota: KotaKecil, masuk: Callable[..., None]
) -> None:
    masuk(kota.atasan)
    buka_menu(page).get_by_role("link", name="Cari pegawai").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cari pegawai")
    hasil = page.locator("#hasil")
    expect(hasil).to_contain_text("4 pegawai ditemukan")  # the atasan's own OPD only

    page.evaluate("window.__belum_dimuat_ulang = true")
    page.get_by_role("searchbox").fill("agus sal")
    expect(hasil).to_contain_text("1 pegawai ditemukan")
    expect(hasil.get_by_role("link", name="Agus Salim")).to_be_visible()
    expect(hasil).not_to_contain_text("Dewi Lestari")
    assert page.evaluate("window.__belum_dimuat_ulang") is True, "htmx, not a full reload"
    expect(page).to_have_url(re.compile(r"/pegawai/\?q=agus(\+|%20)sal$"))

    hasil.get_by_role("link", name="Agus Salim").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agus Salim")
    expect(page.get_by_text(f"NIP {kota.pegawai.nip}")).to_be_visible()
    riwayat = page.locator("section.card").filter(
        has=page.get_by_role("heading", name="Riwayat jabatan")
    )
    expect(riwayat).to_contain_text("Pengadministrasi Kependudukan")
    expect(riwayat).to_contain_text("Seksi Identitas Penduduk")
    expect(riwayat).to_contain_text("1 Januari 2020")


def test_the_search_finds_by_nip_prefix_and_not_outside_the_opd(
    page: Page, kota: KotaKecil, masuk: Callable[..., None]
) -> None:
    masuk(kota.atasan)
    page.goto("/pegawai/")
    cari = page.get_by_role("searchbox")
    hasil = page.locator("#hasil")

    cari.fill(kota.pegawai.nip[:14])
    expect(hasil.get_by_role("link", name="Agus Salim")).to_be_visible()
    expect(hasil).to_contain_text(f"NIP {kota.pegawai.nip}")

    cari.fill("Joko")  # Joko Susilo works at Dinas Perhubungan, another OPD
    expect(hasil).to_contain_text("0 pegawai ditemukan")
    expect(hasil).to_contain_text("Tidak ada pegawai yang cocok")
    expect(hasil).not_to_contain_text("Joko Susilo")

    cari.fill(kota.luar.nip)
    expect(hasil).to_contain_text("0 pegawai ditemukan")


def test_the_tree_shows_the_units_of_the_own_opd_and_a_unit_lists_its_people(
    page: Page, kota: KotaKecil, masuk: Callable[..., None]
) -> None:
    masuk(kota.pegawai)
    buka_menu(page).get_by_role("link", name="Organisasi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Struktur organisasi")
    pohon = page.locator(".tree")
    for nama in (
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Bidang Pelayanan Pendaftaran Penduduk",
        "Seksi Identitas Penduduk",
    ):
        expect(pohon.get_by_role("link", name=nama)).to_be_visible()
    expect(pohon).not_to_contain_text("Dinas Perhubungan")
    expect(pohon).not_to_contain_text("BKPSDMD")

    pohon.get_by_role("link", name="Seksi Identitas Penduduk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Seksi Identitas Penduduk")
    orang = page.locator("section.card").filter(has=page.get_by_role("heading", name="Pegawai"))
    expect(orang.get_by_role("link", name="Dewi Lestari, S.Kom.")).to_be_visible()
    expect(orang.get_by_role("link", name="Agus Salim")).to_be_visible()
    expect(orang).to_contain_text("Kepala Seksi Identitas")
    expect(page.get_by_role("navigation", name="Jejak")).to_contain_text(
        "Bidang Pelayanan Pendaftaran Penduduk"
    )


def test_a_city_wide_admin_opens_an_opd_and_its_subtree_loads(
    page: Page, kota: KotaKecil, masuk: Callable[..., None]
) -> None:
    masuk(kota.admin)
    page.goto("/organisasi/")
    pohon = page.locator(".tree")
    expect(page.get_by_text("4 perangkat daerah")).to_be_visible()
    expect(pohon.get_by_role("link", name="Dinas Perhubungan")).to_be_visible()
    expect(pohon.get_by_role("link", name="Bidang Pelayanan Pendaftaran Penduduk")).to_have_count(0)

    dinas = pohon.locator("details").filter(
        has=page.get_by_role("link", name="Dinas Kependudukan dan Pencatatan Sipil")
    )
    dinas.locator("> summary").click(position={"x": 6, "y": 12})  # the marker, not the link
    bidang = dinas.locator("details").filter(
        has=page.get_by_role("link", name="Bidang Pelayanan Pendaftaran Penduduk")
    )
    expect(bidang.locator("> summary")).to_be_visible()  # loaded by htmx
    seksi = pohon.get_by_role("link", name="Seksi Identitas Penduduk")
    expect(seksi).to_be_hidden()
    bidang.locator("> summary").click(position={"x": 6, "y": 12})
    seksi.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Seksi Identitas Penduduk")

    page.goto("/organisasi/")
    page.get_by_role("searchbox").fill("identitas")
    page.get_by_role("button", name="Cari", exact=True).click()
    expect(page.get_by_text("1 unit ditemukan")).to_be_visible()
    expect(page.get_by_role("link", name="Seksi Identitas Penduduk")).to_be_visible()


def test_the_main_pages_never_scroll_sideways(
    page: Page,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    assert page.viewport_size is not None
    lebar = page.viewport_size["width"]  # 360 on "hp"
    masuk(kota.atasan)
    halaman = {
        "beranda": ("/", "Selamat datang"),
        "pohon": ("/organisasi/", "Struktur organisasi"),
        "unit": (f"/organisasi/unit/{kota.dinas.pk}/", kota.dinas.nama),
        "cari": ("/pegawai/?q=a", "Cari pegawai"),
        "profil": (f"/pegawai/{kota.pegawai.pk}/", "Agus Salim"),
        "profil-sendiri": ("/profil/", "Dewi Lestari"),
    }
    for nama, (url, judul) in halaman.items():
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_contain_text(judul)
        layar(page, viewport, nama)
        assert lebar_dokumen(page) <= lebar, f"{nama} ({url}) scrolls sideways at {lebar} px"


def test_the_top_bar_controls_are_big_enough_to_tap(
    page: Page, kota: KotaKecil, masuk: Callable[..., None]
) -> None:
    masuk(kota.pegawai)
    topbar = page.get_by_role("banner")
    for kontrol in (
        topbar.locator("details.menu > summary"),
        topbar.get_by_role("button", name="English"),
    ):
        expect(kontrol).to_be_visible()
        kotak = kontrol.bounding_box()
        assert kotak is not None and kotak["height"] >= 44, kotak
