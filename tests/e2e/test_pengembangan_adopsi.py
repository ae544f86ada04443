"""The adoption view in a browser, at 360 px and on a desktop: the pimpinan OPD opens "Adopsi
sistem" from the menu, lands on their OPD and reads the unit's shares; changes the window; the
admin BKPSDMD reads the city and goes down to the OPD. No horizontal overflow on the phone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, expect

from tests.e2e.helpers import buka_menu, lebar_dokumen
from tests.factories import KotaKecil


def _data(kota: KotaKecil) -> None:
    from django.utils import timezone

    from tests.pengembangan import adopsi_util as u

    for p in (kota.pegawai, kota.atasan, kota.kabid):
        u.skp(kota, p)
    u.umpan(kota.atasan, kota.pegawai)
    u.lapor(kota.pegawai, timezone.localdate())


def test_adopsi_per_unit_dan_kota(
    page: Page,
    live_server: Any,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    _data(kota)
    lebar = 360 if viewport == "hp" else 1280

    masuk(kota.pimpinan)
    buka_menu(page).get_by_role("link", name="Adopsi sistem").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Adopsi sistem")
    baris = page.locator("tbody tr").filter(has_text=kota.bidang.nama)
    expect(baris).to_contain_text("3 dari 3")  # SKP disetujui of the bidang
    expect(baris).to_contain_text("1 dari 2")  # one of its two atasan gave feedback
    expect(page.locator("tbody tr").filter(has_text=f"Kantor {kota.dinas.nama}")).to_be_visible()
    expect(page.get_by_text("Cara membaca angka ini")).to_be_visible()
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "pengembangan-adopsi-opd")

    page.get_by_label("Jendela waktu").select_option("7")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("7 hari terakhir")
    expect(page.locator("tbody tr").filter(has_text=kota.bidang.nama)).to_contain_text(
        "1 dari 3"  # only the pelaksana reported in the last 7 days
    )
    assert lebar_dokumen(page) <= lebar

    page.context.clear_cookies()
    masuk(kota.admin)
    page.goto("/pengembangan/adopsi/")
    expect(page.locator("tfoot")).to_contain_text("Seluruh kota")
    page.get_by_role("link", name=kota.dinas.nama).click()
    expect(page.locator("tbody tr").filter(has_text=kota.bidang.nama)).to_contain_text("3 dari 3")
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "pengembangan-adopsi-kota")
