"""The SKP workflow in a browser: draft with autosave, link to the atasan's RHK, submit, return
with a note, fix and resubmit, approve; then the PDF and its verification page."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from kinerja.skp.models import Skp
from tests.e2e.helpers import buka_menu, lebar_dokumen
from tests.factories import KotaKecil
from tests.skp.util import rantai


def _keluar(page: Page) -> None:
    buka_menu(page).get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(re.compile(r"/masuk/"))


def _status(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("#status-simpan")


def test_pegawai_drafts_submits_atasan_returns_then_approves(
    page: Page,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    data = rantai(kota)
    Skp.objects.filter(pk=data["skp"].pk).delete()  # the pegawai starts from nothing

    # --- the pegawai drafts -------------------------------------------------------------
    masuk(kota.pegawai)
    expect(page.locator("#kartu-skp")).to_contain_text("Anda belum membuat SKP")
    buka_menu(page).get_by_role("link", name="SKP saya").click()
    page.get_by_role("button", name="Buat draf SKP").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("versi 1")

    baru = page.locator("#form-rhk-baru")
    baru.get_by_label("Rencana hasil kerja").fill("Data KTP-el terverifikasi")
    baru.get_by_label("RHK pimpinan yang diintervensi").select_option(
        label="KTP-el tercetak tepat waktu"
    )
    baru.get_by_role("button", name="Tambah RHK").click()
    rhk = page.locator("article.rhk").first
    expect(rhk.get_by_label("Rencana hasil kerja")).to_have_value("Data KTP-el terverifikasi")

    tambah = rhk.locator("form").filter(has=page.get_by_role("button", name="Tambah indikator"))
    tambah.get_by_label("Indikator kinerja individu").fill("Jumlah data terverifikasi")
    tambah.get_by_label("Target", exact=True).fill("100")
    tambah.get_by_label("Satuan").fill("berkas")
    tambah.get_by_role("button", name="Tambah indikator").click()
    expect(page.locator("article.rhk .indikator")).to_have_count(1)
    assert lebar_dokumen(page) <= (360 if viewport == "hp" else 1280)
    layar(page, viewport, "skp-draf")

    # autosave: a change is saved on its own and says when
    teks = page.locator("article.rhk").first.get_by_label("Rencana hasil kerja")
    teks.fill("Data KTP-el terverifikasi dan terarsip")
    teks.blur()
    expect(_status(page)).to_contain_text(re.compile(r"Tersimpan \d\d:\d\d"))

    # another tab changes the draft: this tab's next save is refused and its input stays
    tab2 = page.context.new_page()
    tab2.goto(page.url)
    lampiran = tab2.locator("details").filter(has_text="Lampiran (opsional)")
    lampiran.locator("summary").click()
    tab2.get_by_label("Konsekuensi").fill("Teguran tertulis")
    tab2.get_by_label("Konsekuensi").blur()
    expect(tab2.locator("#status-simpan")).to_contain_text("Tersimpan")
    tab2.close()
    teks.fill("Isian dari tab lama")
    teks.blur()
    expect(_status(page)).to_contain_text("sudah diubah di tab/perangkat lain")
    expect(teks).to_have_value("Isian dari tab lama")
    page.reload()
    expect(page.locator("article.rhk").first.get_by_label("Rencana hasil kerja")).to_have_value(
        "Data KTP-el terverifikasi dan terarsip"
    )

    page.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Diajukan")
    _keluar(page)

    # --- the atasan returns it with a note ------------------------------------------------
    masuk(kota.atasan)
    expect(page.locator("#kartu-skp")).to_contain_text("1 SKP bawahan menunggu persetujuan")
    buka_menu(page).get_by_role("link", name="Persetujuan SKP").click()
    expect(page.locator("#jumlah-menunggu")).to_have_text("1")
    layar(page, viewport, "skp-persetujuan")
    page.get_by_role("link", name="Periksa, setujui atau kembalikan").click()
    expect(page.locator("table.tabel-skp")).to_contain_text("KTP-el tercetak tepat waktu")
    page.get_by_label("Catatan untuk pegawai").fill("Target terlalu rendah, naikkan ke 150")
    page.get_by_role("button", name="Kembalikan dengan catatan").click()
    expect(page.locator(".msg-success")).to_contain_text("dikembalikan")
    _keluar(page)

    # --- the pegawai fixes and resubmits --------------------------------------------------
    masuk(kota.pegawai)
    buka_menu(page).get_by_role("link", name="SKP saya").click()
    expect(page.get_by_role("alert")).to_contain_text("Target terlalu rendah")
    target = page.locator("article.rhk .indikator").first.get_by_label("Target", exact=True)
    target.fill("150")
    target.blur()
    expect(_status(page)).to_contain_text("Tersimpan")
    page.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Diajukan")
    _keluar(page)

    # --- the atasan approves ----------------------------------------------------------------
    masuk(kota.atasan)
    page.goto("/skp/persetujuan/")
    page.get_by_role("link", name="Periksa, setujui atau kembalikan").click()
    expect(page.locator("table.tabel-skp")).to_contain_text("150 berkas")
    page.get_by_role("button", name="Setujui SKP").click()
    expect(page.locator(".msg-success")).to_contain_text("SKP disetujui")
    expect(page.locator("#jumlah-menunggu")).to_have_text("0")

    skp = Skp.objects.get(pegawai=kota.pegawai, aktif=True)
    assert skp.status == "disetujui"
    page.goto(f"/skp/{skp.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Disetujui")
    assert lebar_dokumen(page) <= (360 if viewport == "hp" else 1280)
    layar(page, viewport, "skp-detail")

    # --- the PDF downloads, carries the table rows, and its code verifies ------------------
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh PDF").click()
    pdf = PdfReader(str(unduhan.value.path()))
    teks_pdf = " ".join((p.extract_text() or "") for p in pdf.pages)
    teks_pdf = " ".join(teks_pdf.split())
    assert "KTP-el tercetak tepat waktu" in teks_pdf
    assert "Data KTP-el terverifikasi dan terarsip" in teks_pdf
    kode = skp.versi_disetujui.kode
    assert kode in teks_pdf
    page.goto(f"/v/{kode}/")
    expect(page.get_by_role("status")).to_contain_text("Dokumen sah.")
    expect(page.locator("main")).to_contain_text(kota.atasan.nama_lengkap)
