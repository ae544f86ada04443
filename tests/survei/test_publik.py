"""The public survey form: no login, one-time tokens, limits, honeypot and duplicates."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from kinerja.survei.models import Respons, StatusRespons, Sumber, TokenTerpakai
from tests.factories import KotaKecil
from tests.survei.factories import buat_unit_layanan

JAWABAN = {f"u{i}": "3" for i in range(1, 10)}


@pytest.fixture(autouse=True)
def _tanpa_jeda(settings, kota: KotaKecil):  # type: ignore[no-untyped-def]
    settings.SURVEI_MIN_DETIK = 0
    buat_unit_layanan(kota)


def ambil_token(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    cocok = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert cocok
    return cocok.group(1)


def isian(kota: KotaKecil, **lain: Any) -> dict[str, Any]:
    unit = buat_unit_layanan(kota)
    jenis = unit.jenis_set.first()
    assert jenis is not None
    return {**JAWABAN, "jenis_layanan": jenis.pk, **lain}


def kirim(client: Client, kota: KotaKecil, url: str = "/s/dukcapil-ktp/", **lain: Any) -> Any:
    data = isian(kota, **lain)
    data.setdefault("token", ambil_token(client, url))
    return client.post(url, data)


def test_it_shows_the_nine_unsur_with_their_answer_wording_and_a_privacy_notice(
    kota: KotaKecil, client: Client
) -> None:
    buat_unit_layanan(kota)
    html = client.get("/s/dukcapil-ktp/").content.decode()
    assert html.count("<fieldset") == 10  # nine unsur + the optional profile
    assert "Sangat sopan dan ramah" in html and "Dikelola dengan baik" in html
    assert "Tidak ada data pribadi yang wajib diisi" in html
    assert "skm_perangkat" in client.cookies


def test_it_stores_a_valid_response_and_thanks_the_citizen(kota: KotaKecil, client: Client) -> None:
    response = kirim(client, kota, saran="Antrean cepat", petugas=kota.pegawai.pk, usia="30-39")
    assert response.status_code == 302
    assert response["Location"] == "/s/dukcapil-ktp/terima-kasih/"
    respons = Respons.objects.get()
    assert respons.status == StatusRespons.VALID
    assert respons.skor == [3] * 9
    assert respons.petugas == kota.pegawai and respons.usia == "30-39"
    assert respons.sumber == Sumber.ONLINE
    assert respons.ip_hash and "127.0.0.1" not in respons.ip_hash


def test_it_refuses_a_score_of_5_with_a_clear_message(kota: KotaKecil, client: Client) -> None:
    response = kirim(client, kota, u4="5")
    assert response.status_code == 400
    assert "Jawaban harus salah satu dari nilai 1 sampai 4." in response.content.decode()
    assert Respons.objects.count() == 0


def test_it_refuses_a_missing_unsur_and_names_it(kota: KotaKecil, client: Client) -> None:
    data = isian(kota)
    data["token"] = ambil_token(client, "/s/dukcapil-ktp/")
    del data["u7"]
    response = client.post("/s/dukcapil-ktp/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'aria-describedby="u7-error"' in html
    assert "Pilih salah satu jawaban untuk pertanyaan ini." in html
    assert Respons.objects.count() == 0


def test_it_refuses_a_reused_token_and_counts_the_answer_once(
    kota: KotaKecil, client: Client
) -> None:
    token = ambil_token(client, "/s/dukcapil-ktp/")
    assert kirim(client, kota, token=token).status_code == 302
    again = kirim(client, kota, token=token)
    assert again.status_code == 400
    assert "Formulir ini sudah dikirim. Muat ulang halaman untuk mengisi lagi." in (
        again.content.decode()
    )
    assert Respons.objects.count() == 1
    assert TokenTerpakai.objects.count() == 1


def test_it_refuses_a_forged_token(kota: KotaKecil, client: Client) -> None:
    response = kirim(client, kota, token="palsu")
    assert response.status_code == 400
    assert Respons.objects.count() == 0


def test_it_limits_100_posts_from_one_ip_in_a_minute_with_a_429(
    kota: KotaKecil, settings: Any
) -> None:
    settings.SURVEI_BATAS_IP_PER_MENIT = 20
    kode = []
    for i in range(100):
        client = Client()  # a new device cookie each time: only the IP is shared
        kode.append(kirim(client, kota, saran=f"isi {i}").status_code)
    assert kode[:20] == [302] * 20
    assert set(kode[20:]) == {429}
    assert Respons.objects.count() == 20
    response = kirim(Client(), kota)
    assert "Terlalu banyak survei dikirim" in response.content.decode()


def test_it_limits_one_device_per_minute(kota: KotaKecil, client: Client, settings: Any) -> None:
    settings.SURVEI_BATAS_PERANGKAT_PER_MENIT = 3
    kode = [kirim(client, kota, saran=f"isi {i}").status_code for i in range(5)]
    assert kode == [302, 302, 302, 429, 429]


def test_it_keeps_a_honeypot_response_as_suspicious_and_out_of_ikm(
    kota: KotaKecil, client: Client
) -> None:
    assert kirim(client, kota, website="http://spam.example").status_code == 302
    respons = Respons.objects.get()
    assert respons.status == StatusRespons.MENCURIGAKAN
    assert any("honeypot" in a for a in respons.alasan)


def test_it_flags_the_same_answers_from_the_same_device_on_the_same_day(
    kota: KotaKecil, client: Client
) -> None:
    kirim(client, kota)
    kirim(client, kota)
    assert [r.status for r in Respons.objects.order_by("pk")] == [
        StatusRespons.VALID,
        StatusRespons.MENCURIGAKAN,
    ]


def test_it_flags_a_form_sent_faster_than_a_person_can_read_it(
    kota: KotaKecil, client: Client, settings: Any
) -> None:
    settings.SURVEI_MIN_DETIK = 60
    kirim(client, kota)
    assert Respons.objects.get().alasan == ["Dikirim terlalu cepat setelah formulir dibuka."]


def test_the_kiosk_returns_to_a_fresh_form_with_a_new_token(
    kota: KotaKecil, client: Client
) -> None:
    token = ambil_token(client, "/s/dukcapil-ktp/kiosk/")
    response = kirim(client, kota, url="/s/dukcapil-ktp/kiosk/", token=token)
    assert response["Location"] == "/s/dukcapil-ktp/terima-kasih/?kiosk=1"
    html = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh" content="5; url=/s/dukcapil-ktp/kiosk/"' in html
    assert ambil_token(client, "/s/dukcapil-ktp/kiosk/") != token
    assert Respons.objects.get().sumber == Sumber.KIOSK


def test_an_inactive_or_unknown_unit_answers_404(kota: KotaKecil, client: Client) -> None:
    unit = buat_unit_layanan(kota)
    unit.aktif = False
    unit.save()
    assert client.get("/s/dukcapil-ktp/").status_code == 404
    assert client.get("/s/tidak-ada/").status_code == 404


def test_the_public_results_show_aggregates_but_no_free_text(
    kota: KotaKecil, client: Client
) -> None:
    kirim(client, kota, saran="Petugas X kasar")
    html = client.get("/s/dukcapil-ktp/hasil/").content.decode()
    assert "75,00" in html  # all 3s → 3 × 25, Indonesian decimal comma
    assert "Petugas X kasar" not in html


def test_a_visitors_flash_message_is_not_baked_into_the_shared_form(
    kota: KotaKecil, client: Client
) -> None:
    from django.contrib.messages import constants
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest, HttpResponse

    request = HttpRequest()
    storage = CookieStorage(request)
    storage.add(constants.INFO, "Pesan pribadi pengunjung A")
    response = HttpResponse()
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    assert "Pesan pribadi" not in client.get("/s/dukcapil-ktp/").content.decode()
    assert "Pesan pribadi" not in Client().get("/s/dukcapil-ktp/").content.decode()
