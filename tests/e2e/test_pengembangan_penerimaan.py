"""Issue #8's acceptance scenario end to end in a browser, at 360 px and on a desktop: a pegawai
with Di Bawah Ekspektasi on Kompeten sees the recommended training with the reason and requests
it; the atasan approves; completion with a certificate adds its JP; the unit view shows the
progress toward 20 JP; the adoption view shows the unit's shares."""

from __future__ import annotations

import datetime as dt
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


def _data_migrasi_ada() -> None:
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


def _konteks(browser: Browser, live_server: Any, viewport: str, nip: str) -> Page:
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta", **VIEWPORTS[viewport]
    )
    context.set_default_timeout(10_000)
    halaman = context.new_page()
    isi_form_masuk(halaman, nip, PASSWORD)
    return halaman


def test_rekomendasi_ajukan_setujui_selesai_rekap_adopsi(
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
    from tests.pengembangan import adopsi_util
    from tests.pengembangan.rencana_util import evaluasi, pelatihan

    settings.MEDIA_ROOT = tmp_path
    _data_migrasi_ada()
    hari_ini = timezone.localdate()
    tahun = hari_ini.year
    # a training on a topic tied to Kompeten, running now (so it can be completed today)
    pelatihan(
        "Literasi Digital untuk Pelayanan",
        "literasi-digital",
        mulai=hari_ini - dt.timedelta(days=2),
        selesai=hari_ini + dt.timedelta(days=5),
        jp="12",
    )
    evaluasi(kota, perilaku={"kompeten": "di_bawah"})  # locked, Triwulan II
    # some use of the system in the pegawai's bidang for the adoption view
    adopsi_util.skp(kota, kota.kabid)
    adopsi_util.umpan(kota.atasan, kota.pegawai)
    adopsi_util.lapor(kota.pegawai, hari_ini)
    lebar = 360 if viewport == "hp" else 1280

    # 1. the pegawai sees the recommendation with its reason and requests it
    masuk(kota.pegawai)
    page.goto("/pengembangan/rekomendasi/")
    kartu = page.locator("ul.rekomendasi > li").filter(has_text="Literasi Digital untuk Pelayanan")
    expect(kartu).to_contain_text(
        f"Direkomendasikan karena penilaian Triwulan II {tahun}: perilaku Kompeten Di Bawah "
        "Ekspektasi"
    )
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "penerimaan-rekomendasi")
    kartu.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pelatihan saya")
    expect(page.locator("body")).to_contain_text("Menunggu persetujuan atasan")

    # 2. the atasan approves it
    atasan = _konteks(browser, live_server, viewport, kota.atasan.nip)
    atasan.goto("/pengembangan/pelatihan/persetujuan/")
    baris = atasan.locator(f"li:has-text('{kota.pegawai.nama}')")
    expect(baris).to_contain_text("Literasi Digital untuk Pelayanan")
    expect(baris).to_contain_text("Kompeten")  # the reason travels with the request
    assert lebar_dokumen(atasan) <= lebar
    baris.get_by_role("button", name="Setujui").click()
    expect(atasan.locator("ul.list")).to_contain_text("Disetujui")
    atasan.context.close()

    # 3. completion with a certificate adds its JP
    page.goto("/pengembangan/pelatihan/saya/")
    expect(page.locator("body")).to_contain_text("0 dari 20 JP")
    page.get_by_role("link", name="Laporkan selesai").click()
    page.get_by_label("Tanggal selesai").fill(hari_ini.isoformat())
    page.get_by_label("Sertifikat").set_input_files(
        {"name": "sertifikat.pdf", "mimeType": "application/pdf", "buffer": PDF_MINI}
    )
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("body")).to_contain_text("12 dari 20 JP")
    expect(page.locator("body")).to_contain_text("Kurang 8 JP")
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "penerimaan-pelatihan-saya")

    # 4. the unit view (pimpinan OPD) shows the progress toward 20 JP
    pimpinan = _konteks(browser, live_server, viewport, kota.pimpinan.nip)
    pimpinan.goto(f"/pengembangan/jp/rekap/unit/{kota.seksi.pk}/")
    orang = pimpinan.locator("table.rekap-jp tr").filter(has_text=kota.pegawai.nama)
    expect(orang).to_contain_text("12 / 20")
    expect(orang).to_contain_text("Di bawah target")
    assert lebar_dokumen(pimpinan) <= lebar
    layar(pimpinan, viewport, "penerimaan-rekap-unit")

    # 5. the adoption view shows the unit's shares
    pimpinan.goto("/pengembangan/adopsi/")
    expect(pimpinan.get_by_role("heading", level=1)).to_contain_text("Adopsi sistem")
    unit = pimpinan.locator("tbody tr").filter(has_text=kota.bidang.nama)
    expect(unit).to_contain_text("1 dari 2")  # one of the bidang's two atasan gave feedback
    expect(unit).to_contain_text("%")
    assert lebar_dokumen(pimpinan) <= lebar
    layar(pimpinan, viewport, "penerimaan-adopsi")
    pimpinan.context.close()
