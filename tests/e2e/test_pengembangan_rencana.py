"""Recommendations and the development plan in a browser, at 360 px and on a desktop: the
pegawai with Di Bawah Ekspektasi on Kompeten sees the recommended training with its reason,
writes a plan with an activity and confirms it; the atasan confirms from the team page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import VIEWPORTS
from tests.e2e.helpers import isi_form_masuk, lebar_dokumen
from tests.factories import PASSWORD, KotaKecil


def _data_ada() -> None:
    """The live server's transactional tests flush the tables data migrations seeded (BerAKHLAK
    values, competency topics): put them back with the migrations' own functions."""
    import importlib

    from django.apps import apps

    from kinerja.pengembangan.models import TopikKompetensi
    from kinerja.skp.models import PerilakuKerja

    if not PerilakuKerja.objects.exists():
        importlib.import_module("kinerja.skp.migrations.0002_berakhlak").seed(apps, None)
    if not TopikKompetensi.objects.exists():
        importlib.import_module("kinerja.pengembangan.migrations.0002_data_topik").isi(apps, None)


def _konteks_lain(browser: Browser, live_server: Any, viewport: str) -> Page:
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta", **VIEWPORTS[viewport]
    )
    context.set_default_timeout(10_000)
    return context.new_page()


def test_rekomendasi_dan_rencana_disepakati(
    page: Page,
    browser: Browser,
    live_server: Any,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    from tests.pengembangan.rencana_util import evaluasi, pelatihan

    _data_ada()
    tahun = timezone.localdate().year
    pelatihan("Literasi digital untuk layanan", "literasi-digital")
    evaluasi(kota, perilaku={"kompeten": "di_bawah"})
    lebar = 360 if viewport == "hp" else 1280

    masuk(kota.pegawai)
    page.goto("/pengembangan/rekomendasi/")
    kartu = page.locator("ul.rekomendasi > li").first
    expect(kartu).to_contain_text("Literasi digital untuk layanan")
    expect(kartu).to_contain_text(
        f"Direkomendasikan karena penilaian Triwulan II {tahun}: perilaku Kompeten Di Bawah "
        "Ekspektasi"
    )
    expect(kartu.get_by_role("button", name="Ajukan")).to_be_visible()
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "rencana-rekomendasi")

    page.goto("/pengembangan/rencana/")
    page.get_by_role("link", name="Buat rencana").click()
    page.get_by_label("Tujuan pengembangan").fill("Menguasai layanan daring di loket")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_role("link", name="Tambah aktivitas").click()
    page.get_by_label("Aktivitas").fill("E-learning literasi digital")
    page.get_by_label("Bentuk").select_option("e_learning")
    page.get_by_label("Batas waktu").fill(f"{tahun}-12-15")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("table.table")).to_contain_text("E-learning literasi digital")
    page.get_by_role("button", name="Setujui rencana ini").click()
    expect(page.locator(".messages")).to_contain_text("menunggu pihak lain")
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "rencana-detail")

    atasan = _konteks_lain(browser, live_server, viewport)
    isi_form_masuk(atasan, kota.atasan.nip, PASSWORD)
    atasan.goto("/pengembangan/rencana/tim/")
    expect(atasan.locator("table.table")).to_contain_text("menunggu persetujuan Anda")
    assert lebar_dokumen(atasan) <= lebar
    atasan.get_by_role("link", name="Lihat").first.click()
    atasan.get_by_role("button", name="Setujui rencana ini").click()
    expect(atasan.locator(".messages")).to_contain_text("disepakati kedua pihak")
    expect(atasan.locator("dl.facts")).to_contain_text("Disepakati")
    atasan.context.close()
