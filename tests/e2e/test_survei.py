"""Survei kepuasan in a real browser: keyboard-only citizen at 360 px, kiosk reset, the admin
sees the answer counted, and the poster's QR decodes to the survey link."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from kinerja.survei.aturan import pastikan_aturan
from kinerja.survei.models import MutuSkm, Respons, StatusRespons, Sumber, UnsurSkm
from tests.e2e.helpers import lebar_dokumen
from tests.factories import KotaKecil
from tests.survei.factories import buat_unit_layanan


@pytest.fixture(autouse=True)
def _unit(kota: KotaKecil, settings: Any) -> None:
    settings.SURVEI_MIN_DETIK = 0  # a test types faster than a person reads
    pastikan_aturan(UnsurSkm, MutuSkm)  # a live-server test's flush removes migration data
    buat_unit_layanan(kota)


def _tab_ke(page: Page, syarat: str, maks: int = 40) -> None:
    """Press Tab until the focused element matches the JS condition on `el`."""
    for _ in range(maks):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {syarat}; }})()"):
            return
    raise AssertionError(f"focus never reached: {syarat}")


def test_a_citizen_fills_the_survey_with_the_keyboard_only(
    page: Page, viewport: str, layar: Callable[[Page, str, str], None]
) -> None:
    page.goto("/s/dukcapil-ktp/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Survei Kepuasan Masyarakat")
    expect(page.get_by_text("Tidak ada data pribadi yang wajib diisi")).to_be_visible()
    assert lebar_dokumen(page) <= (360 if viewport == "hp" else 1280)
    layar(page, viewport, "survei-form")
    _tab_ke(page, "el.name === 'jenis_layanan'")
    page.keyboard.press("ArrowDown")  # the first service
    for nomor in range(1, 10):
        _tab_ke(page, f"el.name === 'u{nomor}'")
        page.keyboard.press("ArrowDown")  # to "2"
        page.keyboard.press("ArrowDown")  # to "3"
    _tab_ke(page, "el.name === 'saran'")
    page.keyboard.type("Antrean tertib, terima kasih.")
    _tab_ke(page, "el.type === 'submit'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/s/dukcapil-ktp/terima-kasih/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Terima kasih!")
    respons = Respons.objects.get()
    assert respons.skor == [3] * 9 and respons.status == StatusRespons.VALID
    assert respons.saran == "Antrean tertib, terima kasih." and respons.jenis_layanan is not None


def test_the_kiosk_thanks_then_returns_to_a_fresh_form(page: Page) -> None:
    page.goto("/s/dukcapil-ktp/kiosk/")
    token = page.locator("input[name=token]").input_value()
    page.get_by_label("Layanan yang Anda terima").select_option(label="Perekaman KTP-el")
    for nomor in range(1, 10):
        page.locator(f"#id_u{nomor}_4").check()
    page.get_by_role("button", name="Kirim survei").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Terima kasih!")
    expect(page).to_have_url(re.compile(r"/s/dukcapil-ktp/kiosk/$"), timeout=9_000)
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    assert page.locator("input[name=token]").input_value() != token
    assert Respons.objects.get().sumber == Sumber.KIOSK


def test_the_admin_sees_the_answer_counted_and_the_poster_qr_decodes_to_the_link(
    page: Page, kota: KotaKecil, masuk: Callable[..., None], live_server: Any
) -> None:
    page.goto("/s/dukcapil-ktp/")
    page.get_by_label("Layanan yang Anda terima").select_option(label="Kartu Identitas Anak")
    for nomor in range(1, 10):
        page.locator(f"#id_u{nomor}_4").check()
    page.get_by_role("button", name="Kirim survei").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Terima kasih!")
    page.context.clear_cookies()
    masuk(kota.admin)
    unit = buat_unit_layanan(kota)
    page.goto(f"/survei/unit/{unit.pk}/")
    stats = page.locator(".stats").first
    expect(stats).to_contain_text("100,00")
    expect(stats.locator(".stat").nth(2)).to_have_text(re.compile(r"^\s*1\s*responden\s*$"))
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh poster (PDF)").click()
    path = unduhan.value.path()
    halaman = PdfReader(str(path)).pages[0]
    gambar = Image.open(io.BytesIO(halaman.images[0].data))
    assert [b.text for b in zxingcpp.read_barcodes(gambar)] == [
        f"{live_server.url}/s/dukcapil-ktp/"
    ]
