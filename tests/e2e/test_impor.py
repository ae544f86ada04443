"""Admin BKPSDMD imports pegawai from an XLSX: a dry run with row errors, then Terapkan."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from playwright.sync_api import Locator, Page, expect

from kinerja.organisasi.models import Pegawai, Penugasan
from tests.e2e.helpers import buka_menu
from tests.factories import KotaKecil

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KOLOM = ["nip", "nama", "status_asn", "golongan", "kode_jabatan", "tmt_jabatan"]
NIP_ANDI = "198001012015031001"
NIP_BUDI = "198502022015032002"
NIP_SALAH = "198513402015032002"  # birth month 13


def _xlsx(*baris: list[Any]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "pegawai"
    for row in (KOLOM, *baris):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _unggah(page: Page, nama: str, konten: bytes) -> None:
    page.goto("/impor/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Impor data organisasi")
    page.get_by_label("Berkas XLSX atau CSV").set_input_files(
        files=[{"name": nama, "mimeType": XLSX, "buffer": konten}]
    )
    page.get_by_role("button", name="Unggah dan periksa").click()
    expect(page).to_have_url(re.compile(r"/impor/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(nama)


def _kartu(page: Page, judul: str) -> Locator:
    return page.locator("section.card").filter(has=page.get_by_role("heading", name=judul))


def test_a_file_with_a_bad_nip_shows_the_row_error_and_imports_nothing(
    page: Page,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    sebelum = Pegawai.objects.count()
    masuk(kota.admin)
    buka_menu(page).get_by_role("link", name="Impor data").click()
    _unggah(
        page,
        "pegawai-salah.xlsx",
        _xlsx(
            [NIP_ANDI, "Andi Wijaya", "PNS", "III/a", "J-PELAKSANA", "2026-01-02"],
            [NIP_SALAH, "Budi Hartono", "PNS", "III/b", "J-PELAKSANA", "2026-01-02"],
        ),
    )

    expect(page.get_by_role("heading", name=re.compile("Status"))).to_contain_text(
        "Diperiksa, ada galat"
    )
    expect(page.get_by_text("Ditemukan 1 galat")).to_be_visible()
    galat = _kartu(page, "Galat").locator("tbody tr")
    expect(galat).to_have_count(1)
    sel = galat.first.locator("td")
    expect(sel.nth(0)).to_contain_text("pegawai")
    expect(sel.nth(1)).to_have_text("3")  # the header is row 1, Budi is row 3
    expect(sel.nth(2)).to_contain_text("nip")
    expect(sel.nth(3)).to_contain_text("Tanggal lahir pada NIP tidak valid")
    expect(page.get_by_role("button", name="Terapkan")).to_have_count(0)
    layar(page, viewport, "impor-galat")

    assert Pegawai.objects.count() == sebelum
    assert not Pegawai.objects.filter(nip=NIP_ANDI).exists()  # the good row is not half-written


def test_a_clean_file_is_applied_with_terapkan_and_the_pegawai_exist(
    page: Page,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    sebelum = Pegawai.objects.count()
    masuk(kota.admin)
    _unggah(
        page,
        "pegawai-baru.xlsx",
        _xlsx(
            [NIP_ANDI, "Andi Wijaya", "PNS", "III/a", "J-PELAKSANA", "2026-01-02"],
            [NIP_BUDI, "Budi Hartono", "PNS", "III/b", "J-PELAKSANA", "2026-01-02"],
        ),
    )
    expect(page.get_by_text("Pemeriksaan selesai tanpa galat")).to_be_visible()
    ringkasan = _kartu(page, "Ringkasan").locator("tbody tr").filter(has_text="Pegawai")
    expect(ringkasan.locator("td").nth(1)).to_have_text("2")  # baru
    assert Pegawai.objects.count() == sebelum  # the dry run wrote nothing

    page.get_by_role("button", name="Terapkan").click()
    expect(page.get_by_text(re.compile(r"Impor diterapkan pada \d+ \w+ \d{4}"))).to_be_visible(
        timeout=15_000
    )
    expect(page.get_by_role("heading", name=re.compile("Status"))).to_contain_text("Selesai")
    expect(page.get_by_role("button", name="Terapkan")).to_have_count(0)
    layar(page, viewport, "impor-selesai")

    assert Pegawai.objects.count() == sebelum + 2
    andi = Pegawai.objects.get(nip=NIP_ANDI)
    assert andi.instansi == kota.instansi and andi.harus_ganti_password
    assert Penugasan.objects.filter(pegawai=andi, jabatan=kota.j_pelaksana).exists()

    page.goto("/pegawai/?q=Hartono")
    hasil = page.locator("#hasil")
    expect(hasil.get_by_role("link", name="Budi Hartono")).to_be_visible()
    expect(hasil).to_contain_text("Pengadministrasi Kependudukan")
