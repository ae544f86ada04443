"""Training enrolment in a browser, at 360 px and on a desktop: the pegawai finds an item in the
catalogue and requests it, the atasan approves it in place (htmx), the pegawai reports completion
with a certificate and sees the JP on "Pelatihan saya"; no page is wider than the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import VIEWPORTS
from tests.e2e.helpers import isi_form_masuk, lebar_dokumen
from tests.factories import PASSWORD, KotaKecil

PDF_MINI = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
)


def _topik_ada() -> None:
    """The live server's transactional tests flush the seeded topics: put them back."""
    import importlib

    from django.apps import apps

    from kinerja.pengembangan.models import TopikKompetensi

    if not TopikKompetensi.objects.exists():
        importlib.import_module("kinerja.pengembangan.migrations.0002_data_topik").isi(apps, None)


def _halaman_atasan(browser: Browser, live_server: Any, viewport: str) -> Page:
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta", **VIEWPORTS[viewport]
    )
    context.set_default_timeout(10_000)
    return context.new_page()


def test_ajukan_setujui_selesai_dengan_sertifikat(
    page: Page,
    browser: Browser,
    live_server: Any,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
    settings: Any,
    tmp_path: Any,
) -> None:
    from tests.pengembangan.pelatihan_util import pelatihan

    settings.MEDIA_ROOT = tmp_path
    _topik_ada()
    pelatihan(judul="Manajemen Waktu dan Prioritas Kerja", jp="8", kuota=25,
              topik=["manajemen-waktu"])  # fmt: skip
    pelatihan(judul="Literasi Digital ASN", bidang="teknis", bentuk="e_learning")
    lebar = 360 if viewport == "hp" else 1280

    masuk(kota.pegawai)
    page.goto("/pengembangan/pelatihan/")
    page.get_by_label("Cari").fill("waktu")
    page.get_by_role("button", name="Terapkan").click()
    katalog = page.locator("ul.pel-katalog")
    expect(katalog).to_contain_text("Manajemen Waktu dan Prioritas Kerja")
    expect(katalog).not_to_contain_text("Literasi Digital ASN")
    expect(katalog).to_contain_text("8 JP")
    expect(katalog).to_contain_text("25 tempat tersisa")
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "pelatihan-katalog")
    katalog.get_by_role("link", name="Manajemen Waktu dan Prioritas Kerja").click()
    page.get_by_label("Alasan / kebutuhan (opsional)").fill("Agar layanan selesai tepat waktu")
    page.get_by_role("button", name="Ajukan pelatihan ini").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pelatihan saya")
    expect(page.locator("body")).to_contain_text("Menunggu persetujuan atasan")

    atasan = _halaman_atasan(browser, live_server, viewport)
    isi_form_masuk(atasan, kota.atasan.nip, PASSWORD)
    expect(atasan.locator("body")).to_contain_text(
        "1 permintaan pelatihan menunggu persetujuan Anda"
    )
    atasan.goto("/pengembangan/pelatihan/persetujuan/")
    baris = atasan.locator(f"li:has-text('{kota.pegawai.nama}')")
    expect(baris).to_contain_text("Manajemen Waktu dan Prioritas Kerja")
    assert lebar_dokumen(atasan) <= lebar
    layar(atasan, viewport, "pelatihan-persetujuan")
    baris.get_by_role("button", name="Setujui").click()
    expect(atasan.locator("ul.list")).to_contain_text("Disetujui")  # swapped in place
    atasan.context.close()

    page.goto("/pengembangan/pelatihan/saya/")
    page.get_by_role("link", name="Laporkan selesai").click()
    page.get_by_label("Tanggal selesai").fill(timezone.localdate().isoformat())
    page.get_by_label("Sertifikat").set_input_files(
        {"name": "sertifikat.pdf", "mimeType": "application/pdf", "buffer": PDF_MINI}
    )
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("body")).to_contain_text("Pelatihan selesai; 8 JP dicatat.")
    expect(page.locator("body")).to_contain_text("8 dari 20 JP")
    expect(page.locator("body")).to_contain_text("Kurang 12 JP")
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "pelatihan-saya")
