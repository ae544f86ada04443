"""The issue's acceptance test for work reports, in a browser (at 360 px and on a desktop).

The pegawai adds a report with a photo as evidence; in a second browser context the atasan's
open review queue shows it without a reload (htmx polling); the atasan returns it with a
comment; the pegawai sees the notification (bell), edits and resubmits; the atasan approves;
the indikator's realisasi and progress bar change on the progress page. Plus the leader
overview at phone width.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.utils import timezone
from PIL import Image, ImageDraw
from playwright.sync_api import Browser, Page, expect

from kinerja.kegiatan.models import BuktiDukung, LaporanKegiatan, StatusLaporan
from tests.e2e.conftest import VIEWPORTS
from tests.e2e.helpers import isi_form_masuk, lebar_dokumen
from tests.factories import PASSWORD, KotaKecil
from tests.kegiatan.util import siapkan

POLL_MS = 15_000  # the queue polls every 5 s; allow three rounds


def _konteks_lain(browser: Browser, live_server: Any, viewport: str) -> Page:
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta", **VIEWPORTS[viewport]
    )
    context.set_default_timeout(10_000)
    return context.new_page()


def _foto(path: Path) -> Path:
    """A real JPEG photo, large enough to be downscaled on upload."""
    gambar = Image.new("RGB", (2400, 1800), (210, 220, 230))
    pena = ImageDraw.Draw(gambar)
    for i in range(0, 2400, 120):
        pena.rectangle((i, 300, i + 60, 1500), fill=(40 + i % 200, 90, 140))
    gambar.save(path, "JPEG", quality=85)
    return path


def _lebar_bar(page: Page, teks_indikator: str) -> int:
    """The width (%) of the progress bar next to an indikator's text on the progress page."""
    baris = page.locator(".indikator-progres", has_text=teks_indikator).first
    style = baris.locator(".bar > span").first.get_attribute("style") or ""
    found = re.search(r"width:\s*(\d+)%", style)
    assert found, style
    return int(found.group(1))


def test_report_with_photo_is_returned_fixed_and_approved_live(
    page: Page,
    browser: Browser,
    live_server: Any,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
    tmp_path: Path,
) -> None:
    data = siapkan(kota)
    indikator = data["indikator"]
    foto = _foto(tmp_path / "foto-verifikasi.jpg")
    lebar = 360 if viewport == "hp" else 1280

    # the atasan has the review queue open in another browser
    atasan = _konteks_lain(browser, live_server, viewport)
    isi_form_masuk(atasan, kota.atasan.nip, PASSWORD)
    atasan.goto("/kegiatan/review/")
    expect(atasan.locator("#jumlah-menunggu")).to_have_text("0")
    atasan.evaluate("window.__tanpaMuatUlang = true")

    masuk(kota.pegawai)
    page.goto("/kegiatan/progres/?rentang=tahun")
    awal = _lebar_bar(page, indikator.teks)
    page.goto("/kegiatan/")
    uraian = "Memverifikasi 14 berkas permohonan KTP-el warga Kelurahan Bukit Intan"
    page.get_by_label("Apa yang dikerjakan").fill(uraian)
    page.locator("label.preset", has_text="1 jam").click()
    page.get_by_label("Indikator yang didukung").select_option(str(indikator.pk))
    page.get_by_label("Jumlah output").fill("2")
    page.locator("#id_berkas").set_input_files(str(foto))
    layar(page, viewport, "kegiatan-tulis-laporan")
    page.get_by_role("button", name="Simpan dan kirim ke atasan").click()
    expect(page.locator(".msg-success")).to_contain_text("dikirim ke atasan")
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "kegiatan-laporan-saya")
    laporan = LaporanKegiatan.objects.get(pegawai=kota.pegawai)
    bukti = BuktiDukung.objects.get(laporan=laporan)
    assert bukti.jenis == "jpg" and bukti.ukuran < foto.stat().st_size  # downscaled

    # it appears in the atasan's queue without a reload
    baris = atasan.locator(f"#lap-{laporan.pk}")
    expect(baris).to_contain_text("Bukit Intan", timeout=POLL_MS)
    expect(atasan.locator("#jumlah-menunggu")).to_have_text("1")
    assert atasan.evaluate("window.__tanpaMuatUlang") is True
    layar(atasan, viewport, "kegiatan-review-atasan")
    catatan = "Sebutkan nomor register berkas yang diverifikasi."
    atasan.locator(f"#catatan-{laporan.pk}").fill(catatan)
    atasan.locator(f"#catatan-{laporan.pk}").press("Enter")
    expect(baris).to_contain_text("Dikembalikan")

    # the pegawai sees the notification in the bell, opens it, edits and resubmits
    page.goto("/")
    expect(page.locator(".lonceng-angka")).to_contain_text("1")
    page.locator("a.lonceng").click()
    expect(page.locator("main")).to_contain_text("dikembalikan")
    layar(page, viewport, "kegiatan-notifikasi")
    page.locator("a.notif-judul", has_text=re.compile("dikembalikan", re.I)).first.click()
    expect(page.locator(".msg-warning")).to_contain_text(catatan)
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "kegiatan-laporan-dikembalikan")
    page.get_by_role("link", name="Ubah", exact=True).click()
    page.get_by_label("Apa yang dikerjakan").fill(uraian + " (register 0412–0425)")
    page.get_by_label("Jumlah output").fill("3")
    page.get_by_role("button", name="Simpan dan ajukan ulang").click()
    expect(page.locator(".msg-success")).to_contain_text("diajukan ulang")
    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.DIAJUKAN

    # the atasan approves
    atasan.goto("/kegiatan/review/")
    expect(baris).to_contain_text("register 0412")
    baris.get_by_role("button", name="Setujui").click()
    expect(baris).to_contain_text("Disetujui")
    atasan.context.close()

    # realisasi and the progress bar moved
    page.goto("/kegiatan/progres/?rentang=tahun")
    akhir = _lebar_bar(page, indikator.teks)
    assert akhir > awal
    expect(page.locator("main")).to_contain_text("1 laporan disetujui")
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "kegiatan-progres")


def test_leader_overview_fits_a_phone(
    page: Page,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    hari = timezone.localdate()
    while hari.weekday() >= 5:
        hari -= dt.timedelta(days=1)
    asli = LaporanKegiatan.objects.create(
        pegawai=kota.pegawai,
        tanggal=hari - dt.timedelta(days=1) if hari.weekday() else hari,
        durasi_menit=90,
        uraian="Menyusun rekap permohonan KTP-el Kelurahan Gabek untuk rapat pimpinan",
    )
    LaporanKegiatan.objects.create(
        pegawai=kota.pegawai,
        tanggal=hari,
        durasi_menit=90,
        uraian="menyusun rekap permohonan KTP-el kelurahan Gabek untuk rapat pimpinan",
        mirip_dengan=asli,
        skor_mirip=0.93,
        mirip_sumber="sendiri",
    )
    masuk(kota.pimpinan)
    page.goto("/kegiatan/pantauan/")
    expect(page.get_by_role("heading", level=1)).to_have_text(kota.dinas.nama)
    expect(page.locator("#atasan")).to_contain_text(kota.atasan.nama)
    expect(page.locator(".pantauan-mirip")).to_contain_text("skor 0,93")
    assert lebar_dokumen(page) <= (360 if viewport == "hp" else 1280)
    layar(page, viewport, "kegiatan-pantauan-opd")
