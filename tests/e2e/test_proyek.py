"""Project monitoring in a browser: the PPTK reports progress with a photo and raises a kendala,
the kepala dinas sees the project turn kuning with the reason and acts on the dashboard (assign,
comment), the assignee resolves it, and the project is hijau again once progress catches up."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from playwright.sync_api import Page, expect

from kinerja.proyek import services
from kinerja.proyek.models import Proyek
from tests.e2e.conftest import SCREENSHOT_DIR
from tests.e2e.helpers import buka_menu, lebar_dokumen
from tests.factories import KotaKecil
from tests.proyek.util import buat_proyek, bulan, hari


def _keluar(page: Page) -> None:
    buka_menu(page).get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(re.compile(r"/masuk/"))


def _foto(tmp_path: Path) -> Path:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (320, 240), (40, 120, 200)).save(buf, format="JPEG")
    path = tmp_path / "lokasi-proyek.jpg"
    path.write_bytes(buf.getvalue())
    return path


def _proyek(kota: KotaKecil) -> Proyek:
    """Plan flat at 40 % this month (so the plan today is exactly 40 %), reported 35 % yesterday."""
    proyek = buat_proyek(kota, nama="Rehabilitasi gedung pelayanan", tim=(kota.kabid,))
    awal = bulan(hari(), -2)
    services.rencana_simpan(
        proyek=proyek,
        oleh=kota.pimpinan,
        baris=[
            services.BarisRencana(awal, Decimal(20), Decimal(0)),
            services.BarisRencana(bulan(awal, 1), Decimal(40), Decimal(0)),
            services.BarisRencana(bulan(awal, 2), Decimal(40), Decimal(0)),
            services.BarisRencana(bulan(awal, 3), Decimal(100), proyek.pagu),
        ],
    )
    services.progres_lapor(
        proyek=proyek, oleh=kota.pegawai, tanggal=hari(-1), fisik=Decimal(35), keuangan=Decimal(0)
    )
    proyek.refresh_from_db()
    assert proyek.status_peringatan == "hijau"
    return proyek


def _lapor(
    page: Page, proyek: Proyek, fisik: str, *, koreksi: str = "", foto: Path | None = None
) -> None:
    page.goto(f"/proyek/{proyek.pk}/")
    page.get_by_role("link", name="Laporkan progres").click()
    page.get_by_label("Progres fisik kumulatif (%)").fill(fisik)
    page.get_by_label("Realisasi keuangan kumulatif (Rp)").fill("0")
    page.get_by_label("Narasi (apa yang dikerjakan)").fill("Pekerjaan atap dan plafon lantai 1")
    if koreksi:
        page.get_by_label("Alasan koreksi (jika nilai kumulatif turun)").fill(koreksi)
    if foto:
        page.get_by_label("Foto/dokumen bukti").set_input_files(str(foto))
    page.get_by_role("button", name="Kirim progres").click()
    expect(page.locator(".msg-success")).to_contain_text("Progres dilaporkan.")


def test_pptk_reports_kepala_dinas_acts_assignee_resolves_and_status_recovers(
    page: Page,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
    tmp_path: Path,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    proyek = _proyek(kota)

    # --- the PPTK corrects the progress down (with a photo) and raises a kendala -----------------
    masuk(kota.pegawai)
    expect(page.locator("#kartu-proyek")).to_contain_text(proyek.nama)
    _lapor(
        page,
        proyek,
        "22",
        koreksi="Pengawas menolak sebagian pekerjaan dinding; diukur ulang",
        foto=_foto(tmp_path),
    )
    expect(page.locator("#peringatan")).to_contain_text(
        "Progres fisik 22% tertinggal 18 poin dari rencana 40%."
    )
    expect(page.locator("#progres img.foto")).to_have_count(1)
    assert lebar_dokumen(page) <= (360 if viewport == "hp" else 1280)
    layar(page, viewport, "proyek-detail")
    page.get_by_role("link", name="Catat kendala").click()
    page.get_by_label("Judul kendala").fill("Material baja ringan terlambat")
    page.get_by_label("Kategori").select_option(label="Pengadaan")
    page.get_by_label("Tingkat").select_option(label="Tinggi")
    page.get_by_label("Deskripsi").fill("Pemasok belum mengirim sejak dua minggu.")
    page.get_by_role("button", name="Simpan kendala").click()
    expect(page.locator(".msg-success")).to_contain_text("Kendala dicatat.")
    _keluar(page)

    # --- the kepala dinas sees it kuning with the reason, assigns and comments in place ----------
    masuk(kota.pimpinan)
    expect(page.locator("#kartu-proyek .pw-stat-kuning")).to_contain_text("1")
    buka_menu(page).get_by_role("link", name="Portofolio proyek").click()
    baris = page.locator("tr", has_text=proyek.nama)
    expect(baris.locator(".pw")).to_have_text("Kuning")
    expect(baris).to_contain_text("Progres fisik 22% tertinggal 18 poin dari rencana 40%.")
    expect(baris).to_contain_text("Tinggi 1")
    assert lebar_dokumen(page) <= (360 if viewport == "hp" else 1280)
    layar(page, viewport, "proyek-portofolio")
    if viewport == "desktop":  # the tablet picture
        page.set_viewport_size({"width": 768, "height": 1024})
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT_DIR / "proyek-portofolio-tablet.png"), full_page=True)
        assert lebar_dokumen(page) <= 768
    panel = page.locator("#tindakan .kendala-panel", has_text="Material baja ringan terlambat")
    panel.get_by_label("Tugaskan ke").select_option(label=kota.kabid.nama_lengkap)
    panel.get_by_role("button", name="Tugaskan").click()
    panel = page.locator("#tindakan .kendala-panel", has_text="Material baja ringan terlambat")
    expect(panel).to_contain_text("Penanggung jawab ditetapkan.")
    expect(panel).to_contain_text(kota.kabid.nama_lengkap)
    panel.locator("summary", has_text="Komentar atau selesaikan").click()
    panel.get_by_label("Komentar").fill("Hubungi pemasok cadangan minggu ini.")
    panel.get_by_role("button", name="Kirim komentar").click()
    expect(
        page.locator("#tindakan .kendala-panel", has_text="Material baja ringan terlambat")
    ).to_contain_text("Komentar terkirim.")
    _keluar(page)

    # --- the assignee resolves it ---------------------------------------------------------------
    masuk(kota.kabid)
    buka_menu(page).get_by_role("link", name="Proyek saya").click()
    page.get_by_role("link", name="Material baja ringan terlambat").click()
    expect(page.locator(".utas")).to_contain_text("Hubungi pemasok cadangan minggu ini.")
    page.get_by_label("Resolusi").fill("Baja ringan dikirim pemasok cadangan.")
    page.get_by_role("button", name="Tandai selesai").click()
    expect(page.locator(".kendala-panel")).to_contain_text("Kendala diselesaikan.")
    expect(page.locator(".kendala-panel")).to_contain_text("Baja ringan dikirim pemasok cadangan.")
    _keluar(page)

    # --- progress catches up: hijau again, on the dashboard too -----------------------------------
    masuk(kota.pegawai)
    _lapor(page, proyek, "41")
    expect(page.locator("#peringatan")).to_contain_text("Tidak ada peringatan")
    _keluar(page)
    masuk(kota.pimpinan)
    page.goto("/proyek/")
    expect(page.locator("tr", has_text=proyek.nama).locator(".pw")).to_have_text("Hijau")
