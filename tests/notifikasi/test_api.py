from __future__ import annotations

import pytest
from django.test import Client

from kinerja.notifikasi.models import ModeEmail, Notifikasi, PreferensiNotifikasi
from tests.factories import KotaKecil
from tests.notifikasi.util import notif

API = "/api/v1/notifikasi"


def test_list_is_mine_paginated_and_filters_unread(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    for i in range(5):
        notif(kota.pegawai, f"Pesan {i}")
    Notifikasi.objects.filter(judul="Pesan 0").update(dibaca_pada="2026-11-27T10:00:00+07:00")
    notif(kota.atasan, "Milik atasan")
    client = client_as("pegawai")
    body = client.get(f"{API}?limit=2").json()
    assert body["count"] == 5 and len(body["items"]) == 2
    assert body["items"][0]["judul"] == "Pesan 4"
    belum = client.get(f"{API}?belum_dibaca=true&limit=50").json()
    assert belum["count"] == 4 and "Pesan 0" not in {n["judul"] for n in belum["items"]}
    assert client.get(f"{API}/jumlah").json() == {"belum_dibaca": 4}


def test_mark_read_one_and_all(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    a, _b = notif(kota.pegawai, "A"), notif(kota.pegawai, "B")
    milik_atasan = notif(kota.atasan, "C")
    client = client_as("pegawai")
    response = client.post(f"{API}/{a.pk}/dibaca")
    assert response.status_code == 200 and response.json()["dibaca_pada"]
    assert client.post(f"{API}/{milik_atasan.pk}/dibaca").status_code == 404
    assert client.post(f"{API}/dibaca-semua").json() == {"ditandai": 1}
    milik_atasan.refresh_from_db()
    assert milik_atasan.dibaca_pada is None


def test_preference_get_and_set(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pegawai")
    assert client.get(f"{API}/preferensi").json() == {"email": "segera"}
    response = client.put(f"{API}/preferensi", {"email": "harian"}, content_type="application/json")
    assert response.json() == {"email": "harian"}
    assert PreferensiNotifikasi.objects.get(pegawai=kota.pegawai).email == ModeEmail.HARIAN
    salah = client.put(f"{API}/preferensi", {"email": "merpati"}, content_type="application/json")
    assert salah.status_code == 422 and salah["Content-Type"].startswith("application/json")


def test_session_writes_still_need_the_csrf_token(kota: KotaKecil) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(kota.pegawai)
    notif(kota.pegawai)
    assert client.get(f"{API}/jumlah").status_code == 200
    assert client.post(f"{API}/dibaca-semua").status_code == 403
    assert Notifikasi.objects.filter(dibaca_pada__isnull=True).count() == 1


@pytest.mark.parametrize("persona", ["atasan", "pimpinan_opd", "admin_bkpsdmd", "luar_opd"])
def test_nobody_else_sees_or_marks_my_notifications(
    persona: str, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    n = notif(kota.pegawai, "Rahasia")
    client = client_as(persona)
    assert client.get(f"{API}?limit=50").json()["count"] == 0
    assert client.post(f"{API}/{n.pk}/dibaca").status_code == 404


def test_anonymous_gets_401(kota: KotaKecil, client) -> None:  # type: ignore[no-untyped-def]
    assert client.get(f"{API}/jumlah").status_code == 401
    assert client.get(API).status_code == 401
