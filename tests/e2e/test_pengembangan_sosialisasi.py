"""Socialisation in a browser: the pegawai reads a targeted announcement, closes the first-login
tour (htmx, no reload), answers the anonymous pulse survey and the prompt is gone — at 360 px
and on a desktop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone
from playwright.sync_api import Page, expect

from kinerja.pengembangan import services_sosialisasi as svc
from kinerja.pengembangan.models import HitunganDenyut, PartisipasiDenyut, TurSelesai
from tests.e2e.helpers import lebar_dokumen
from tests.factories import KotaKecil


def test_pegawai_reads_closes_the_tour_and_answers_the_pulse_survey(
    page: Page,
    kota: KotaKecil,
    masuk: Callable[..., None],
    viewport: str,
    layar: Callable[[Page, str, str], None],
) -> None:
    hari_ini = timezone.localdate()
    svc.pengumuman_simpan(
        oleh=kota.admin,
        judul="Sosialisasi aplikasi kinerja",
        isi="Senin pukul 09.00 di aula.\n\n- Bawa ponsel\n- Bawa NIP",
        mulai=hari_ini,
        penting=True,
        target_opd=[kota.dinas],
    )
    survei = svc.denyut_simpan(
        oleh=kota.admin,
        judul="Denyut penilaian kinerja",
        mulai=hari_ini - dt.timedelta(days=1),
        selesai=hari_ini + dt.timedelta(days=7),
        pertanyaan=["Apakah penilaian kinerja adil?", "Apakah penilaian kinerja bermanfaat?"],
    )
    q1, q2 = survei.pertanyaan_set.order_by("urutan").values_list("pk", flat=True)

    masuk(kota.pegawai)
    expect(page.get_by_role("link", name="Sosialisasi aplikasi kinerja")).to_be_visible()
    tur = page.locator("#kartu-tur")
    expect(tur).to_contain_text("Susun SKP Anda")
    expect(page.locator("#kartu-denyut")).to_be_visible()
    if viewport == "hp":
        assert lebar_dokumen(page) <= 360
    layar(page, viewport, "sosialisasi-beranda")
    alamat = page.url
    tur.get_by_role("button", name="Selesai, tutup tur ini").click()
    expect(page.locator("#kartu-tur")).to_have_count(0)
    assert page.url == alamat  # htmx removed the card in place
    assert TurSelesai.objects.filter(pegawai=kota.pegawai, peran="pegawai").exists()

    page.locator("#kartu-denyut").get_by_role("link", name="Isi survei").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Denyut penilaian kinerja")
    page.locator(f"input[name=p{q1}][value='4']").check()
    page.locator(f"input[name=p{q2}][value='5']").check()
    page.get_by_label("Komentar (boleh dikosongkan)").fill("Sudah lebih jelas.")
    if viewport == "hp":
        assert lebar_dokumen(page) <= 360
    layar(page, viewport, "sosialisasi-denyut")
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_text("Jawaban Anda tercatat tanpa nama")).to_be_visible()
    expect(page.locator("#kartu-denyut")).to_have_count(0)
    assert PartisipasiDenyut.objects.filter(survei=survei, pegawai=kota.pegawai).exists()
    assert HitunganDenyut.objects.get(pertanyaan_id=q1, nilai=4).jumlah == 1
    assert HitunganDenyut.objects.get(pertanyaan_id=q2, nilai=5).jumlah == 1
