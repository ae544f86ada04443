from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from kinerja.organisasi import services
from kinerja.organisasi.models import JenisUnit, Pegawai
from tests.factories import PASSWORD, KotaKecil, buat_pegawai

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_reports_database_and_migrations(client: Client, db: None) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_login_with_nip_and_password(kota: KotaKecil, client: Client) -> None:
    response = client.post("/masuk/", {"username": kota.pegawai.nip, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    page = client.get("/").content.decode()
    assert kota.pegawai.nama in page and kota.atasan.nama in page


def test_a_wrong_password_gets_a_clear_message(kota: KotaKecil, client: Client) -> None:
    response = client.post("/masuk/", {"username": kota.pegawai.nip, "password": "salah"})
    assert response.status_code == 200
    assert "NIP atau kata sandi salah" in response.content.decode()


def test_repeated_failures_lock_the_account(kota: KotaKecil, client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.AXES_ENABLED = True
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/masuk/", {"username": kota.pegawai.nip, "password": "salah"})
    response = client.post("/masuk/", {"username": kota.pegawai.nip, "password": PASSWORD})
    assert response.status_code == 429
    assert "Akun dikunci sementara" in response.content.decode()
    assert "Coba lagi dalam 15 menit" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_passwords_are_hashed_with_argon2_in_production_settings() -> None:
    from django.conf import settings as real

    assert real.PASSWORD_HASHERS  # the fixture swaps it; read the module instead
    from kinerja import settings as module

    assert module.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_the_atasan_home_lists_bawahan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    page = client_as("atasan").get("/").content.decode()
    assert "Bawahan langsung" in page and kota.pegawai.nama in page
    assert "Bawahan langsung" not in client_as("pegawai").get("/").content.decode()


def test_search_is_scoped_to_the_users_opd(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    assert kota.luar.nama not in client_as("pegawai").get("/pegawai/?q=Joko").content.decode()
    assert kota.luar.nama in client_as("admin_bkpsdmd").get("/pegawai/?q=Joko").content.decode()
    by_nip = client_as("atasan").get(f"/pegawai/?q={kota.pegawai.nip[:10]}").content.decode()
    assert kota.pegawai.nama in by_nip


def test_search_answers_htmx_with_the_results_fragment(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    response = client_as("atasan").get("/pegawai/?q=Agus", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert kota.pegawai.nama in body and "<html" not in body


def test_search_page_queries_do_not_grow_with_results(
    kota: KotaKecil,
    client_as,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    client = client_as("admin_bkpsdmd")
    for i in range(30):
        buat_pegawai(kota.instansi, f"Budi Contoh {i}", kota.j_pelaksana)
    with django_assert_max_num_queries(14):
        response = client.get("/pegawai/?q=Budi")
    assert response.status_code == 200 and "Budi Contoh 1" in response.content.decode()


def test_the_tree_shows_units_and_counts_in_constant_queries(
    kota: KotaKecil,
    client_as,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    client = client_as("admin_bkpsdmd")
    for i in range(40):
        services.unit_create(
            instansi=kota.instansi,
            kode=f"X{i}",
            nama=f"Seksi Tambahan {i}",
            jenis=JenisUnit.SEKSI,
            parent=kota.bidang,
        )
    with django_assert_max_num_queries(12):
        page = client.get("/organisasi/").content.decode()
    assert "Dinas Perhubungan" in page and "Seksi Tambahan 39" not in page  # OPDs only
    assert f'hx-get="?akar={kota.dinas.pk}"' in page
    with django_assert_max_num_queries(12):
        subtree = client.get(f"/organisasi/?akar={kota.dinas.pk}", HTTP_HX_REQUEST="true")
    body = subtree.content.decode()
    assert "Seksi Tambahan 39" in body and "Dinas Perhubungan" not in body and "<html" not in body
    assert body.count("<details") == body.count("</details>") == 1  # only the bidang has children
    assert body.count("<ul") == body.count("</ul>")
    # a pegawai sees only their own OPD's subtree, fully opened
    own = client_as("pegawai").get("/organisasi/").content.decode()
    assert "Seksi Identitas Penduduk" in own and "Dinas Perhubungan" not in own
    assert own.count("<details open") == 2  # dinas and bidang; the seksi is a leaf
    assert own.count("<details") == own.count("</details>")
    assert own.count("<ul") == own.count("</ul>")
    assert client_as("pegawai").get(f"/organisasi/?akar={kota.dinas_lain.pk}").status_code == 404


def test_units_can_be_searched_by_name(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    page = client_as("admin_bkpsdmd").get("/organisasi/?q=identitas").content.decode()
    assert "Seksi Identitas Penduduk" in page and "1 unit ditemukan" in page
    outsider = client_as("luar_opd").get("/organisasi/?q=identitas").content.decode()
    assert "Seksi Identitas Penduduk" not in outsider and "Tidak ada unit yang cocok." in outsider


def test_the_unit_page_paginates_people_in_constant_queries(
    kota: KotaKecil,
    client_as,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    for i in range(60):
        buat_pegawai(kota.instansi, f"Warga Seksi {i:02d}", kota.j_pelaksana)
    client = client_as("atasan")
    with django_assert_max_num_queries(16):
        page = client.get(f"/organisasi/unit/{kota.seksi.pk}/").content.decode()
    assert "Halaman 1 dari 2" in page
    assert "Dinas Kependudukan" in page  # breadcrumbs
    page2 = client.get(f"/organisasi/unit/{kota.seksi.pk}/?page=2").content.decode()
    assert "Halaman 2 dari 2" in page2


def test_a_closed_unit_keeps_its_history(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    before = kota.seksi.history.count()
    services.unit_close(unit=kota.seksi, tanggal=dt.date(2026, 1, 1))
    page = client_as("atasan").get(f"/organisasi/unit/{kota.seksi.pk}/").content.decode()
    assert "ditutup" in page and kota.pegawai.nama in page
    assert kota.seksi.history.count() == before + 1
    assert kota.seksi.history.first().ditutup_pada == dt.date(2026, 1, 1)


def test_profile_shows_history_and_atasan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    services.penugasan_mutasi(
        pegawai=kota.pegawai, jabatan=kota.j_analis, mulai=dt.date(2026, 2, 1)
    )
    page = client_as("pegawai").get("/profil/").content.decode()
    assert "Pengadministrasi Kependudukan" in page and "Analis SDM Aparatur" in page
    assert "31 Januari 2026" in page and "1 Februari 2026" in page


def test_admin_resets_a_password_and_the_pegawai_must_change_it(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    admin = client_as("admin_bkpsdmd")
    response = admin.post(f"/pegawai/{kota.pegawai.pk}/reset-kata-sandi/", follow=True)
    message = response.content.decode()
    temporary = re.search(r"Kata sandi sementara untuk [^:]+: ([0-9a-f-]+)", message)
    assert temporary
    fresh = Client()
    fresh.post("/masuk/", {"username": kota.pegawai.nip, "password": temporary.group(1)})
    assert fresh.get("/").headers["Location"] == "/akun/kata-sandi/"
    assert fresh.get("/organisasi/").headers["Location"] == "/akun/kata-sandi/"
    changed = fresh.post(
        "/akun/kata-sandi/",
        {
            "old_password": temporary.group(1),
            "new_password1": "Baru-Sekali-2026",
            "new_password2": "Baru-Sekali-2026",
        },
    )
    assert changed.status_code == 302
    assert fresh.get("/").status_code == 200
    assert not Pegawai.objects.get(pk=kota.pegawai.pk).harus_ganti_password


def test_password_reset_by_email(kota: KotaKecil, client: Client) -> None:
    response = client.post("/akun/lupa-kata-sandi/", {"email": kota.pegawai.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and kota.pegawai.nip in mail.outbox[0].body
    link = re.search(r"https?://[^/]+(/akun/atur-ulang/\S+)", mail.outbox[0].body)
    assert link
    form_page = client.get(link.group(1), follow=True)
    post_url = form_page.redirect_chain[-1][0]
    done = client.post(
        post_url, {"new_password1": "Sandi-Baru-2026!", "new_password2": "Sandi-Baru-2026!"}
    )
    assert done.status_code == 302
    assert Client().login(username=kota.pegawai.nip, password="Sandi-Baru-2026!")


def test_the_audit_trail_shows_who_changed_what(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    admin = client_as("admin_bkpsdmd")
    admin.post(f"/pegawai/{kota.pegawai.pk}/reset-kata-sandi/")
    page = admin.get("/audit/?jenis=pegawai").content.decode()
    assert "reset kata sandi oleh" in page and kota.admin.nip in page
    assert "harus_ganti_password" in page


def test_dates_are_indonesian(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    page = client_as("pegawai").get("/profil/").content.decode()
    assert "1 Januari 2020" in page


@pytest.mark.slow_subprocess
def test_deploy_check_with_production_settings_is_clean() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"KINERJA_DEV", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env |= {
        "SECRET_KEY": "x" * 20 + "-production-secret-" + "y" * 30,
        "ALLOWED_HOSTS": "kinerja.example.go.id",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_leaders_see_counts_of_what_they_manage(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    pimpinan = client_as("pimpinan_opd").get("/").content.decode()
    assert re.search(r"<strong>3</strong><span>unit kerja aktif", pimpinan)  # dinas, bidang, seksi
    assert re.search(r"<strong>4</strong><span>pegawai aktif", pimpinan)
    admin = client_as("admin_bkpsdmd").get("/").content.decode()
    assert re.search(r"<strong>4</strong><span>OPD", admin)
    assert re.search(r"<strong>7</strong><span>pegawai aktif", admin)
    assert "pegawai aktif" not in client_as("pegawai").get("/").content.decode()


def test_indonesian_is_the_default_even_for_english_browsers(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("admin_bkpsdmd")
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in page and "Admin BKPSDMD" in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/").content.decode()
    assert '<html lang="en">' in english and "Sign out" in english
    assert "My position" in english and "Jabatan saya" not in english
