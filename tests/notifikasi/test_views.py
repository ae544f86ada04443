from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.notifikasi.models import ModeEmail, Notifikasi, PreferensiNotifikasi
from tests.factories import KotaKecil
from tests.notifikasi.util import notif


def _tabel_notifikasi(queries: list[dict[str, str]]) -> list[str]:
    return [q["sql"] for q in queries if '"notifikasi_notifikasi"' in q["sql"]]


def test_the_bell_shows_the_unread_count_with_one_query(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    for i in range(3):
        notif(kota.pegawai, f"Pesan {i}")
    notif(kota.atasan, "Bukan untuk pegawai")
    Notifikasi.objects.filter(judul="Pesan 0").update(dibaca_pada="2026-11-27T10:00:00+07:00")
    client = client_as("pegawai")
    with CaptureQueriesContext(connection) as ctx:
        body = client.get("/").content.decode()
    assert len(_tabel_notifikasi(ctx.captured_queries)) == 1
    assert 'class="lonceng-angka"' in body and ">2<" in body
    assert 'hx-trigger="every 30s' in body
    fragmen = client.get("/notifikasi/lonceng/")
    assert fragmen["Cache-Control"] == "no-store"
    assert ">2<" in fragmen.content.decode()


def test_an_empty_bell_shows_no_number(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    body = client_as("atasan").get("/notifikasi/lonceng/").content.decode()
    assert "lonceng-angka kosong" in body


@pytest.mark.parametrize("jumlah", [10, 30])
def test_the_list_page_has_a_fixed_number_of_queries(
    kota: KotaKecil, client_as, jumlah: int, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    for i in range(jumlah):
        notif(kota.pegawai, f"Pesan {i}")
    client = client_as("pegawai")
    with django_assert_max_num_queries(10):
        body = client.get("/notifikasi/").content.decode()
    assert "Pesan" in body and f"Pesan {jumlah - 1}" in body


def test_the_list_shows_only_my_notifications_and_filters_unread(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    notif(kota.pegawai, "Laporan Anda dikembalikan")
    dibaca = notif(kota.pegawai, "Sudah lama dibaca")
    Notifikasi.objects.filter(pk=dibaca.pk).update(dibaca_pada="2026-11-20T10:00:00+07:00")
    notif(kota.atasan, "Rahasia atasan")
    client = client_as("pegawai")
    semua = client.get("/notifikasi/").content.decode()
    assert "Laporan Anda dikembalikan" in semua and "Sudah lama dibaca" in semua
    assert "Rahasia atasan" not in semua
    belum = client.get("/notifikasi/?status=belum").content.decode()
    assert "Laporan Anda dikembalikan" in belum and "Sudah lama dibaca" not in belum


def test_opening_marks_read_and_goes_to_the_target(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    n = notif(kota.pegawai, url="/skp/")
    response = client_as("pegawai").get(f"/notifikasi/{n.pk}/buka/")
    assert response.status_code == 302 and response["Location"] == "/skp/"
    n.refresh_from_db()
    assert n.dibaca_pada is not None
    pertama = n.dibaca_pada
    client_as("pegawai").get(f"/notifikasi/{n.pk}/buka/")
    n.refresh_from_db()
    assert n.dibaca_pada == pertama


def test_someone_elses_notification_is_not_found_and_stays_unread(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    n = notif(kota.pegawai)
    assert client_as("atasan").get(f"/notifikasi/{n.pk}/buka/").status_code == 404
    assert client_as("atasan").post(f"/notifikasi/{n.pk}/dibaca/").status_code == 404
    n.refresh_from_db()
    assert n.dibaca_pada is None


def test_an_outside_target_is_not_followed(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    n = notif(kota.pegawai, url="https://contoh.example/jebakan")
    response = client_as("pegawai").get(f"/notifikasi/{n.pk}/buka/")
    assert response["Location"] == "/notifikasi/"


def test_mark_one_with_htmx_and_mark_all(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    a, b = notif(kota.pegawai, "A"), notif(kota.pegawai, "B")
    lain = notif(kota.atasan, "C")
    client = client_as("pegawai")
    response = client.post(f"/notifikasi/{a.pk}/dibaca/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and f'id="notif-{a.pk}"' in response.content.decode()
    assert 'class="notif baru"' not in response.content.decode()
    response = client.post("/notifikasi/dibaca-semua/", follow=True)
    assert "1 notifikasi ditandai sudah dibaca." in response.content.decode()
    b.refresh_from_db()
    lain.refresh_from_db()
    assert b.dibaca_pada is not None and lain.dibaca_pada is None
    assert client.get("/notifikasi/dibaca-semua/").status_code == 405


def test_the_preference_page_saves_the_choice(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pegawai")
    page = client.get("/notifikasi/preferensi/").content.decode()
    assert 'value="segera" checked' in page or "checked" in page
    response = client.post("/notifikasi/preferensi/", {"email": "harian"})
    assert response.status_code == 302
    assert PreferensiNotifikasi.objects.get(pegawai=kota.pegawai).email == ModeEmail.HARIAN
    salah = client.post("/notifikasi/preferensi/", {"email": "merpati"})
    assert salah.status_code == 200 and "has-error" in salah.content.decode()
    assert PreferensiNotifikasi.objects.get(pegawai=kota.pegawai).email == ModeEmail.HARIAN


def test_my_tokens_page_creates_shows_once_and_revokes(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from kinerja.api.models import TokenApi

    client = client_as("pegawai")
    body = client.post("/notifikasi/token/", {"nama": "HP kantor"}).content.decode()
    token = TokenApi.objects.get(pegawai=kota.pegawai)
    assert token.prefix in body and "kin_" in body
    assert token.prefix in client.get("/notifikasi/token/").content.decode()
    kunci = body.split('<code class="kunci">')[1].split("<")[0]
    assert kunci not in client.get("/notifikasi/token/").content.decode()
    assert client_as("atasan").post(f"/notifikasi/token/{token.pk}/cabut/").status_code == 404
    assert client.post(f"/notifikasi/token/{token.pk}/cabut/").status_code == 302
    token.refresh_from_db()
    assert token.dicabut_pada is not None
