"""Survey API: public submit with the same protections, IKM read in scope, import."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kinerja.survei.models import Respons, Sumber
from tests.factories import KotaKecil
from tests.survei.factories import buat_respons, buat_unit_layanan

BASE = "/api/v1/survei"


@pytest.fixture(autouse=True)
def _unit(kota: KotaKecil, settings: Any) -> None:
    settings.SURVEI_MIN_DETIK = 0
    buat_unit_layanan(kota)


def kirim(client: Client, **lain: Any) -> Any:
    form = client.get(f"{BASE}/publik/dukcapil-ktp/formulir").json()
    body = {"token": form["token"], **{f"u{i}": 3 for i in range(1, 10)}} | lain
    return client.post(
        f"{BASE}/publik/dukcapil-ktp/respons", json.dumps(body), content_type="application/json"
    )


def test_the_public_form_gives_a_token_the_nine_unsur_and_the_services(client: Client) -> None:
    data = client.get(f"{BASE}/publik/dukcapil-ktp/formulir").json()
    assert [u["nomor"] for u in data["unsur"]] == list(range(1, 10))
    assert data["unsur"][6]["pilihan"][3]["label"] == "Sangat sopan dan ramah"
    assert [j["nama"] for j in data["jenis_layanan"]] == [
        "Perekaman KTP-el",
        "Kartu Identitas Anak",
    ]


def test_a_public_submit_is_stored_once_and_a_reused_token_is_refused(client: Client) -> None:
    response = kirim(client)
    assert response.status_code == 201 and response.json() == {"diterima": True, "status": "valid"}
    assert Respons.objects.get().sumber == Sumber.API
    form = client.get(f"{BASE}/publik/dukcapil-ktp/formulir").json()
    payload = json.dumps({"token": form["token"], **{f"u{i}": 2 for i in range(1, 10)}})
    url = f"{BASE}/publik/dukcapil-ktp/respons"
    assert client.post(url, payload, content_type="application/json").status_code == 201
    again = client.post(url, payload, content_type="application/json")
    assert again.status_code == 400
    assert (
        again.json()["detail"]
        == "Formulir ini sudah dikirim. Muat ulang halaman untuk mengisi lagi."
    )
    assert Respons.objects.count() == 2


def test_a_score_of_5_and_a_missing_unsur_answer_422_json(client: Client) -> None:
    response = kirim(client, u4=5)
    assert response.status_code == 422
    assert response.json()["detail"]["u4"] == ["Nilai unsur 4 harus 1, 2, 3 atau 4 (tertulis: 5)."]
    form = client.get(f"{BASE}/publik/dukcapil-ktp/formulir").json()
    body = {"token": form["token"], **{f"u{i}": 3 for i in range(1, 9)}}
    missing = client.post(
        f"{BASE}/publik/dukcapil-ktp/respons", json.dumps(body), content_type="application/json"
    )
    assert missing.status_code == 422 and missing["Content-Type"].startswith("application/json")
    assert Respons.objects.count() == 0


def test_the_api_shares_the_ip_limit_with_a_429(client: Client, settings: Any) -> None:
    settings.SURVEI_BATAS_IP_PER_MENIT = 3
    kode = [kirim(client, saran=str(i)).status_code for i in range(5)]
    assert kode == [201, 201, 201, 429, 429]
    assert "Terlalu banyak survei" in kirim(client).json()["detail"]


def test_the_ikm_is_read_within_scope_only(kota: KotaKecil, client_as) -> None:
    unit = buat_unit_layanan(kota)
    buat_respons(unit, [4] * 9, tanggal=dt.date(2026, 2, 3))
    data = client_as("pegawai").get(f"{BASE}/unit-layanan/{unit.pk}/ikm?periode=2026-T1").json()
    assert data["ikm"] == 100.0 and data["ikm_bobot_0_111"] == 99.9
    assert data["mutu"] == "A" and data["responden"] == 1 and len(data["nrr"]) == 9
    assert client_as("luar_opd").get(f"{BASE}/unit-layanan/{unit.pk}/ikm").status_code == 404
    assert client_as("anonim").get(f"{BASE}/unit-layanan/{unit.pk}/ikm").status_code == 401
    bad = client_as("pegawai").get(f"{BASE}/unit-layanan/{unit.pk}/ikm?periode=2026-Q9")
    assert bad.status_code == 422


def test_the_import_checks_then_applies_for_managers_only(client_as) -> None:
    csv = "tanggal,kode_unit_layanan," + ",".join(f"U{i}" for i in range(1, 10)) + "\n"
    csv += "2026-01-05,dukcapil-ktp," + ",".join("3" * 9) + "\n"
    salah = csv + "2026-01-06,dukcapil-ktp," + ",".join("5" * 9) + "\n"
    admin = client_as("admin_bkpsdmd")
    hasil = admin.post(
        f"{BASE}/impor", {"berkas": SimpleUploadedFile("a.csv", salah.encode()), "terapkan": "true"}
    ).json()
    assert len(hasil["galat"]) == 9 and hasil["diterapkan"] == 0
    ok = admin.post(
        f"{BASE}/impor?terapkan=true", {"berkas": SimpleUploadedFile("b.csv", csv.encode())}
    )
    assert ok.json()["diterapkan"] == 1 and Respons.objects.count() == 1
    pegawai = client_as("pegawai").post(
        f"{BASE}/impor", {"berkas": SimpleUploadedFile("b.csv", csv.encode())}
    )
    assert pegawai.status_code == 403
