"""Acceptance of competency development (issue #8) in a browser, at 360 px and on a desktop.

A pegawai whose locked annual evaluation rates Kompeten Di Bawah Ekspektasi opens the
recommended training from the home card, reads why it is recommended and requests it; the
atasan approves it in the queue; the pegawai reports completion with a certificate (a real PNG)
and sees the 12 JP on "Pelatihan saya" and on the home card; the pimpinan OPD sees the pegawai's
progress toward 20 JP in the unit recap and the unit's shares in the adoption view. Every page
is checked for horizontal overflow on the phone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from kinerja.pengembangan.models import Pelatihan
from kinerja.penilaian.models import Evaluasi
from tests.e2e.conftest import VIEWPORTS
from tests.e2e.helpers import buka_menu, isi_form_masuk, lebar_dokumen
from tests.factories import PASSWORD, KotaKecil

JUDUL = "Belajar mandiri dan literasi digital ASN"


def _data_migrasi_ada() -> None:
    """The live server's transactional tests flush the tables data migrations seeded (BerAKHLAK
    values, penilaian rules, competency topics and settings): put them back with the
    migrations' own functions when a previous test emptied them."""
    import importlib

    from django.apps import apps

    from kinerja.pengembangan.models import PengaturanPengembangan, TopikKompetensi
    from kinerja.penilaian.models import MatriksPredikat
    from kinerja.skp.models import PerilakuKerja

    if not PerilakuKerja.objects.exists():
        importlib.import_module("kinerja.skp.migrations.0002_berakhlak").seed(apps, None)
    if not MatriksPredikat.objects.exists():
        importlib.import_module("kinerja.penilaian.migrations.0002_data_aturan").isi(apps, None)
    if not (TopikKompetensi.objects.exists() and PengaturanPengembangan.objects.exists()):
        importlib.import_module("kinerja.pengembangan.migrations.0002_data_topik").isi(apps, None)


def _evaluasi_terkunci(kota: KotaKecil) -> Evaluasi:
    """Last year's annual evaluation of the pegawai, rated by the atasan through the penilaian
    services with Kompeten Di Bawah Ekspektasi, and locked by the kabid (unit finalisation)."""
    from kinerja.penilaian import services
    from kinerja.skp.models import PerilakuKerja
    from tests.penilaian.util import buka, nilai, siapkan

    d = siapkan(kota)  # last year's periode, approved SKP of the pegawai and the kepala seksi
    services.predikat_organisasi_tetapkan(  # the kepala seksi's rating hasil follows from it
        unit=kota.seksi,
        periode=d.periode,
        jenis="tahunan",
        urutan=0,
        predikat="baik",
        oleh=kota.kabid,
        alasan="Capaian seksi sesuai rencana",
    )
    kompeten = PerilakuKerja.objects.get(kode="kompeten")
    ev = buka(kota, d, jenis="tahunan", urutan=0)
    services.evaluasi_nilai(
        evaluasi=ev,
        oleh=kota.atasan,
        revisi=ev.revisi,
        rating_hasil="sesuai",
        alasan_hasil="Target layanan tercapai",
        rating_perilaku="sesuai",
        perilaku={kompeten.pk: {"rating": "di_bawah", "catatan": "Belum mau belajar aplikasi"}},
    )
    nilai(buka(kota, d, kota.atasan, jenis="tahunan", urutan=0), kota.kabid, "sesuai", "sesuai",
          "Target seksi tercapai")  # fmt: skip
    services.unit_finalkan(
        unit=kota.seksi, periode=d.periode, jenis="tahunan", urutan=0, oleh=kota.kabid
    )
    ev.refresh_from_db()
    assert ev.status == "dikunci"
    return ev


def _pelatihan(hari_ini: dt.date) -> Pelatihan:
    """An active catalogue item on a Kompeten topic, starting in three days, with places."""
    from kinerja.pengembangan.models import TopikKompetensi

    p = Pelatihan.objects.create(
        judul=JUDUL,
        bidang="manajerial",
        bentuk="klasikal",
        penyelenggara="BKPSDMD Kota Pangkalpinang",
        jp=Decimal("12"),
        mulai=hari_ini + dt.timedelta(days=3),
        selesai=hari_ini + dt.timedelta(days=4),
        kuota=20,
        lokasi="Aula BKPSDMD",
        aktif=True,
    )
    p.topik.set(TopikKompetensi.objects.filter(kode__in=["pengembangan-diri", "literasi-digital"]))
    return p


def _adopsi(kota: KotaKecil, hari_ini: dt.date) -> None:
    """This year's approved SKP in the bidang, a report of the pegawai reviewed the next day
    by the atasan, and one feedback message from the atasan."""
    from tests.pengembangan import adopsi_util as u

    for p in (kota.pegawai, kota.atasan, kota.kabid):
        u.skp(kota, p)
    kemarin = hari_ini - dt.timedelta(days=2)
    u.lapor(
        kota.pegawai,
        kemarin,
        direview=u.waktu(kemarin + dt.timedelta(days=1), jam=10),
        oleh=kota.atasan,
    )
    u.umpan(kota.atasan, kota.pegawai)


def _konteks_lain(browser: Browser, live_server: Any, viewport: str) -> Page:
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta", **VIEWPORTS[viewport]
    )
    context.set_default_timeout(10_000)
    return context.new_page()


def _png() -> bytes:
    from tests.kegiatan.util import png

    return png("sertifikat.png", (600, 420)).read()


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
    settings.MEDIA_ROOT = tmp_path
    _data_migrasi_ada()
    hari_ini = timezone.localdate()
    ev = _evaluasi_terkunci(kota)
    pelatihan = _pelatihan(hari_ini)
    _adopsi(kota, hari_ini)
    lebar = 360 if viewport == "hp" else 1280
    alasan = (
        f"Direkomendasikan karena penilaian Tahunan {ev.periode.tahun}: "
        "perilaku Kompeten Di Bawah Ekspektasi"
    )

    # 1. the pegawai follows the home card to the recommendations and requests the training
    masuk(kota.pegawai)
    kartu_rencana = page.locator("#kartu-rencana")
    expect(kartu_rencana).to_contain_text("kebutuhan pengembangan tercatat untuk Anda")
    kartu_rencana.get_by_role("link", name="Lihat pelatihan yang direkomendasikan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rekomendasi pelatihan")
    kartu = page.locator("ul.rekomendasi > li").filter(has_text=JUDUL)
    expect(kartu).to_contain_text("12 JP")
    expect(kartu).to_contain_text("sisa 20 tempat")
    expect(kartu.locator("ul.alasan")).to_contain_text(alasan)
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "pengembangan-e2e-rekomendasi")
    kartu.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pelatihan saya")
    expect(page.locator(".messages")).to_contain_text("dikirim ke atasan Anda")
    baris = page.locator("tr").filter(has_text=JUDUL)
    expect(baris).to_contain_text("Menunggu persetujuan atasan")

    # 2. the atasan sees the request on the home page, opens the queue and approves
    atasan = _konteks_lain(browser, live_server, viewport)
    isi_form_masuk(atasan, kota.atasan.nip, PASSWORD)
    kartu_atasan = atasan.locator("section.card").filter(has_text="Persetujuan pelatihan")
    expect(kartu_atasan).to_contain_text("1 permintaan pelatihan menunggu persetujuan Anda")
    kartu_atasan.get_by_role("link", name="Periksa").click()
    expect(atasan.get_by_role("heading", level=1)).to_have_text("Persetujuan pelatihan")
    permintaan = atasan.locator("li").filter(has_text=kota.pegawai.nama_lengkap)
    expect(permintaan).to_contain_text(JUDUL)
    expect(permintaan).to_contain_text(alasan)  # the reason travels with the request
    assert lebar_dokumen(atasan) <= lebar
    layar(atasan, viewport, "pengembangan-e2e-persetujuan")
    permintaan.get_by_role("button", name="Setujui").click()
    expect(atasan.locator(f"#pendaftaran-{pelatihan.pendaftaran_set.get().pk}")).to_contain_text(
        "Disetujui"
    )
    atasan.context.close()

    # the training takes place (its dates move to the past, as if the week had gone by)
    Pelatihan.objects.filter(pk=pelatihan.pk).update(
        mulai=hari_ini - dt.timedelta(days=1), selesai=hari_ini
    )

    # 3. the pegawai reports completion with the certificate and sees the JP
    page.reload()
    baris = page.locator("tr").filter(has_text=JUDUL)
    expect(baris).to_contain_text("Disetujui")
    baris.get_by_role("link", name="Laporkan selesai").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Laporkan pelatihan selesai")
    page.get_by_label("Tanggal selesai").fill(hari_ini.isoformat())
    page.get_by_label("Sertifikat").set_input_files(
        {"name": "sertifikat.png", "mimeType": "image/png", "buffer": _png()}
    )
    assert lebar_dokumen(page) <= lebar
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".messages")).to_contain_text("Pelatihan selesai; 12 JP dicatat.")
    expect(page.locator(".pel-jp")).to_have_text("12 dari 20 JP")
    expect(page.locator("body")).to_contain_text("Kurang 8 JP untuk mencapai target.")
    baris = page.locator("tr").filter(has_text=JUDUL)
    expect(baris).to_contain_text("Selesai")
    expect(baris.get_by_role("link", name="Sertifikat")).to_be_visible()
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "pengembangan-e2e-pelatihan-saya")

    page.goto("/")
    kartu_jp = page.locator("section.card").filter(has_text="JP pelatihan")
    expect(kartu_jp).to_contain_text("JP tahun ini: 12 dari 20 JP")
    assert lebar_dokumen(page) <= lebar
    page.goto("/pengembangan/rekomendasi/")  # the request moved to "sudah diajukan/diikuti"
    expect(page.locator("ul.rekomendasi")).to_have_count(0)
    expect(page.locator("section.card").filter(has_text="Sudah diajukan/diikuti")).to_contain_text(
        JUDUL
    )

    # 4. the pimpinan OPD: the unit recap shows the pegawai's progress toward 20 JP
    page.context.clear_cookies()
    masuk(kota.pimpinan)
    buka_menu(page).get_by_role("link", name="Rekap JP").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rekap JP")
    expect(page.locator("body")).to_contain_text(kota.dinas.nama)
    page.locator("table.rekap-jp").first.get_by_role("link", name=kota.seksi.nama).click()
    expect(page.locator("body")).to_contain_text(kota.seksi.nama)
    orang = page.locator("tbody tr").filter(has_text=kota.pegawai.nip)
    expect(orang).to_contain_text("12 / 20")
    expect(orang).to_contain_text("Di bawah target")
    expect(orang.locator("progress")).to_have_attribute("value", "60")
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "pengembangan-e2e-rekap-unit")

    # 5. the adoption view of the OPD shows the unit's shares
    buka_menu(page).get_by_role("link", name="Adopsi sistem").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Adopsi sistem")
    unit = page.locator("tbody tr").filter(has_text=kota.bidang.nama)
    expect(unit.locator("td[data-label='SKP disetujui']")).to_contain_text("100%")
    expect(unit.locator("td[data-label='SKP disetujui']")).to_contain_text("3 dari 3")
    expect(unit.locator("td[data-label='Melapor tiap minggu']")).to_contain_text("dari 3")
    expect(unit.locator("td[data-label='Atasan memberi umpan balik']")).to_contain_text("1 dari 2")
    expect(unit.locator("td[data-label='Rata-rata lama review']")).to_contain_text("1 laporan")
    for judul_kolom in (
        "SKP disetujui",
        "Melapor tiap minggu",
        "Atasan memberi umpan balik",
        "Rata-rata lama review",
    ):
        expect(page.locator("thead")).to_contain_text(judul_kolom)
    assert lebar_dokumen(page) <= lebar
    layar(page, viewport, "pengembangan-e2e-adopsi")
