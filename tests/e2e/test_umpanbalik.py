"""Feedback and dialog kinerja in a browser: the pegawai asks, the atasan answers in the thread
(htmx, no reload), the pegawai reads it; the atasan records a dialog, the pegawai confirms it and
marks a follow-up done. Both at 360 px and on a desktop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import VIEWPORTS
from tests.e2e.helpers import isi_form_masuk, lebar_dokumen
from tests.factories import PASSWORD, KotaKecil
from tests.umpanbalik.util import perilaku


def _konteks_lain(browser: Browser, live_server: Any, viewport: str) -> Page:
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta", **VIEWPORTS[viewport]
    )
    context.set_default_timeout(10_000)
    return context.new_page()


def test_pegawai_asks_and_the_atasan_answers_in_the_thread(
    page: Page,
    browser: Browser,
    live_server: Any,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    nilai = perilaku()
    masuk(kota.pegawai)
    page.goto("/umpan-balik/minta/")
    page.get_by_label("Tentang").select_option("perilaku")
    page.get_by_label("Perilaku kerja (BerAKHLAK)").select_option(str(nilai.pk))
    page.get_by_label("Apa yang ingin Anda tanyakan?").fill("Apakah saya sudah cukup adaptif?")
    expect(page.get_by_label("Laporan kegiatan")).to_be_hidden()  # only the chosen subject's fields
    layar(page, viewport, "umpanbalik-minta-form")
    page.get_by_role("button", name="Kirim permintaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Permintaan umpan balik")
    assert lebar_dokumen(page) <= (360 if viewport == "hp" else 1280)
    layar(page, viewport, "umpanbalik-permintaan")

    atasan = _konteks_lain(browser, live_server, viewport)
    isi_form_masuk(atasan, kota.atasan.nip, PASSWORD)
    atasan.goto("/umpan-balik/?sebagai=atasan")
    expect(atasan.locator("li.ub-terbuka").first).to_contain_text("menunggu jawaban")
    atasan.locator("li.ub-terbuka a").first.click()
    atasan.get_by_label("Balasan").fill("Sudah, pertahankan inisiatif Anda.")
    atasan.get_by_role("button", name="Kirim balasan").click()
    expect(atasan.locator("#utas")).to_contain_text("pertahankan inisiatif")  # htmx, same page
    expect(atasan.get_by_label("Balasan")).to_have_value("")
    layar(atasan, viewport, "umpanbalik-utas-atasan")
    atasan.context.close()

    page.goto("/umpan-balik/?sebagai=pegawai")
    expect(page.locator("ul.list li").first).to_contain_text("1 baru")
    page.locator("ul.list li a").first.click()
    expect(page.locator("#utas")).to_contain_text("pertahankan inisiatif")
    assert lebar_dokumen(page) <= (360 if viewport == "hp" else 1280)


def test_atasan_records_a_dialog_and_the_pegawai_confirms(
    page: Page,
    browser: Browser,
    live_server: Any,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    hari_ini = timezone.localdate()
    masuk(kota.atasan)
    page.goto("/umpan-balik/dialog/baru/")
    page.get_by_label("Pegawai (bawahan)").select_option(str(kota.pegawai.pk))
    page.get_by_label("Topik yang dibahas").fill("Capaian verifikasi data bulan ini")
    page.get_by_label("Kesepakatan").fill("Target harian 20 berkas")
    page.locator("#id_tl-0-aksi").fill("Ikut pelatihan SIAK")
    page.locator("#id_tl-0-pemilik").select_option("pegawai")
    page.locator("#id_tl-0-batas").fill((hari_ini + dt.timedelta(days=7)).isoformat())
    assert lebar_dokumen(page) <= (360 if viewport == "hp" else 1280)
    layar(page, viewport, "dialog-baru")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("menunggu konfirmasi pihak lain")).to_be_visible()

    pegawai = _konteks_lain(browser, live_server, viewport)
    isi_form_masuk(pegawai, kota.pegawai.nip, PASSWORD)
    pegawai.goto("/umpan-balik/dialog/")
    pegawai.get_by_role("link", name="Capaian verifikasi").first.click()
    pegawai.get_by_role("button", name="Konfirmasi: isi dialog ini benar").click()
    expect(pegawai.get_by_text("Dialog dikonfirmasi.")).to_be_visible()
    pegawai.get_by_role("button", name="Tandai selesai").click()
    expect(pegawai.get_by_text("Tindak lanjut ditandai selesai.")).to_be_visible()
    assert lebar_dokumen(pegawai) <= (360 if viewport == "hp" else 1280)
    layar(pegawai, viewport, "dialog-detail")
    pegawai.context.close()
