"""Bahasa Indonesia first, whatever the phone's language; the top-bar switch turns on English."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from tests.e2e.helpers import buka_menu
from tests.factories import KotaKecil


def test_the_ui_is_indonesian_on_an_english_phone_until_english_is_chosen(
    page: Page, kota: KotaKecil, masuk: Callable[..., None]
) -> None:
    page.set_extra_http_headers({"Accept-Language": "en-US,en;q=0.9"})
    page.goto("/masuk/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk ke Kinerja ASN")

    masuk(kota.pegawai)
    page.get_by_role("banner").get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Agus Salim")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="My position")).to_be_visible()
    menu = buka_menu(page)
    expect(menu.get_by_role("link", name="Find employees")).to_be_visible()
    expect(menu.get_by_role("button", name="Sign out")).to_be_visible()

    menu.get_by_role("link", name="Find employees").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find employees")  # it sticks

    page.get_by_role("banner").get_by_role("button", name="Bahasa Indonesia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cari pegawai")
    expect(page.locator("html")).to_have_attribute("lang", "id")
