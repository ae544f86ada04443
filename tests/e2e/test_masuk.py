"""Signing in and out, role-based menus, wrong passwords, lockout, forced password change."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

from kinerja.organisasi import services
from kinerja.organisasi.models import Pegawai
from tests.e2e.helpers import buka_menu, isi_form_masuk
from tests.factories import PASSWORD, KotaKecil, buat_nip

SALAH = "NIP atau kata sandi salah"
TERKUNCI = "Akun dikunci sementara"


def test_a_pegawai_signs_in_sees_their_atasan_and_signs_out(
    page: Page, kota: KotaKecil, masuk: Callable[..., None]
) -> None:
    masuk(kota.pegawai)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Selamat datang, Agus Salim")
    jabatan = page.locator("section.card").filter(has_text="Jabatan saya")
    expect(jabatan).to_contain_text("Pengadministrasi Kependudukan")
    expect(jabatan.get_by_role("link", name="Dewi Lestari, S.Kom.")).to_be_visible()

    buka_menu(page).get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(re.compile(r"/masuk/$"))
    expect(page.get_by_label("NIP / NI PPPK")).to_be_visible()
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/masuk/\?next=/$"))


def test_admin_bkpsdmd_menu_has_impor_and_audit_but_a_pegawai_menu_does_not(
    page: Page, kota: KotaKecil, masuk: Callable[..., None]
) -> None:
    masuk(kota.admin)
    menu = buka_menu(page)
    expect(menu.get_by_role("link", name="Impor data")).to_be_visible()
    expect(menu.get_by_role("link", name="Jejak audit")).to_be_visible()
    menu.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(re.compile(r"/masuk/$"))

    masuk(kota.pegawai)
    menu = buka_menu(page)
    expect(menu.get_by_role("link", name="Cari pegawai")).to_be_visible()
    expect(menu.get_by_role("link", name="Impor data")).to_have_count(0)
    expect(menu.get_by_role("link", name="Jejak audit")).to_have_count(0)


def test_a_wrong_password_shows_an_indonesian_error(page: Page, kota: KotaKecil) -> None:
    isi_form_masuk(page, kota.pegawai.nip, "bukan-sandinya")
    expect(page.get_by_role("alert")).to_contain_text(SALAH)
    expect(page).to_have_url(re.compile(r"/masuk/$"))
    expect(page.get_by_label("NIP / NI PPPK")).to_have_value(kota.pegawai.nip)


def test_five_wrong_passwords_lock_the_account_even_for_the_right_password(
    page: Page, kota: KotaKecil, settings
) -> None:  # type: ignore[no-untyped-def]
    # tests/conftest.py turns axes off; axes reads AXES_ENABLED on every request.
    settings.AXES_ENABLED = True
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        isi_form_masuk(page, kota.pegawai.nip, "bukan-sandinya")
        expect(page.get_by_role("alert")).to_contain_text(SALAH)
        expect(page.get_by_role("heading", name=TERKUNCI)).to_have_count(0)

    isi_form_masuk(page, kota.pegawai.nip, "bukan-sandinya")
    expect(page.get_by_role("heading", level=1)).to_have_text(TERKUNCI)

    isi_form_masuk(page, kota.pegawai.nip, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(TERKUNCI)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/masuk/\?next=/$"))

    # another account from the same browser is not locked (lockout is per NIP + IP)
    isi_form_masuk(page, kota.atasan.nip, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dewi Lestari")


def _akun_impor(kota: KotaKecil) -> Pegawai:
    pegawai = services.pegawai_create(
        instansi=kota.instansi,
        nip=buat_nip(lahir=dt.date(1990, 5, 17), tmt=(2015, 3)),
        nama="Wulan Sari",
        password=PASSWORD,
        harus_ganti_password=True,
    )
    services.penugasan_mutasi(pegawai=pegawai, jabatan=kota.j_pelaksana, mulai=dt.date(2024, 1, 1))
    return pegawai


def test_an_imported_account_must_change_its_password_before_anything_else(
    page: Page, kota: KotaKecil
) -> None:
    pegawai = _akun_impor(kota)
    isi_form_masuk(page, pegawai.nip, PASSWORD)
    expect(page).to_have_url(re.compile(r"/akun/kata-sandi/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ganti kata sandi")
    expect(page.get_by_text("Ini pertama kali Anda masuk")).to_be_visible()

    for tujuan in ("/", "/pegawai/", "/organisasi/", "/profil/"):
        page.goto(tujuan)
        expect(page).to_have_url(re.compile(r"/akun/kata-sandi/$"))

    baru = "Sandi-Baru-Wulan-2026"
    page.locator("input[name=old_password]").fill(PASSWORD)
    page.locator("input[name=new_password1]").fill(baru)
    page.locator("input[name=new_password2]").fill(baru)
    page.get_by_role("button", name="Simpan kata sandi").click()

    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("status")).to_contain_text("Kata sandi berhasil diganti.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Selamat datang, Wulan Sari")
    page.goto("/pegawai/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cari pegawai")
    pegawai.refresh_from_db()
    assert not pegawai.harus_ganti_password
    assert pegawai.check_password(baru)
