"""Small page actions shared by the browser tests."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect


def isi_form_masuk(page: Page, nip: str, password: str) -> None:
    """Open the login page and submit NIP + password (the next page is left to the caller)."""
    page.goto("/masuk/")
    page.get_by_label("NIP / NI PPPK").fill(nip)
    page.locator("input[name=password]").fill(password)
    page.get_by_role("button", name="Masuk", exact=True).click()


def buka_menu(page: Page) -> Locator:
    """Open the "Menu" <details> in the top bar; returns the navigation inside it."""
    page.locator("details.menu > summary").click()
    nav = page.locator("details.menu").get_by_role("navigation")
    expect(nav).to_be_visible()
    return nav


def lebar_dokumen(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))
