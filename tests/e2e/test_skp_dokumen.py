"""After the atasan approves, the pegawai downloads the SKP PDF and its QR link verifies it."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from kinerja.skp import services
from kinerja.skp.models import Skp
from tests.factories import KotaKecil
from tests.skp.util import isi_rhk, rantai


def test_the_pegawai_downloads_the_approved_pdf_and_its_code_verifies_it(
    page: Page,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    data = rantai(kota)
    skp: Skp = data["skp"]  # type: ignore[assignment]
    isi_rhk(skp, "Berkas permohonan KTP-el terverifikasi", rhk_atasan=data["rhk_atasan"])  # type: ignore[arg-type]
    skp.refresh_from_db()
    skp = services.skp_submit(skp=skp, oleh=kota.pegawai, revisi=skp.revisi)
    versi = services.skp_approve(skp=skp, oleh=kota.atasan)

    masuk(kota.pegawai)
    page.goto(f"/skp/{skp.pk}/")
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh PDF").click()
    download = unduhan.value
    assert download.suggested_filename == f"SKP-{data['periode'].tahun}-{kota.pegawai.nip}-v1.pdf"  # type: ignore[attr-defined]
    path = download.path()
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    teks = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    teks = teks.replace("- ", "-")  # words wrapped at a hyphen in a narrow cell
    assert "SASARAN KINERJA PEGAWAI" in teks
    assert "Berkas permohonan KTP-el terverifikasi" in teks  # the RHK
    assert "KTP-el tercetak tepat waktu" in teks  # the RHK pimpinan yang diintervensi
    assert "Jumlah berkas permohonan ktp-el terverifikasi" in teks  # its indicator
    assert "12 dokumen" in teks  # its target
    assert versi.kode in teks
    assert "Diajukan secara digital pada" in teks and "Disetujui secara digital pada" in teks

    url = re.search(r"https?://\S+?/v/" + versi.kode + "/", teks.replace(" ", ""))
    assert url is not None, "the verification URL is printed under the QR code"
    page.context.clear_cookies()  # a member of the public, not signed in
    page.goto(url.group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Verifikasi SKP")
    expect(page.get_by_role("status")).to_contain_text("Dokumen sah.")
    expect(page.locator("main")).to_contain_text(kota.atasan.nama_lengkap)
    expect(page.locator("main")).to_contain_text("versi 1")
    layar(page, viewport, "skp-verifikasi")

    page.goto("/v/")
    page.get_by_label("Kode verifikasi").fill(versi.kode.lower())
    page.get_by_role("button", name="Periksa").click()
    expect(page.get_by_role("status")).to_contain_text("Dokumen sah.")
