from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.test import Client
from django.utils import timezone

from kinerja.api.models import TokenApi
from kinerja.organisasi.models import Pegawai
from tests.factories import PASSWORD, KotaKecil

URL = "/api/v1/token"


def _minta(client: Client, nip: str, password: str = PASSWORD, **extra: object):  # type: ignore[no-untyped-def]
    data = {"nip": nip, "password": password, "nama": "HP Android"} | extra
    return client.post(URL, data, content_type="application/json")


def _bearer(kunci: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {kunci}"}


def test_nip_and_password_give_a_token_that_works_on_existing_endpoints(kota: KotaKecil) -> None:
    client = Client(enforce_csrf_checks=True)
    response = _minta(client, kota.pegawai.nip)
    assert response.status_code == 201
    body = response.json()
    kunci = body["kunci"]
    assert kunci.startswith("kin_") and body["prefix"] == kunci[:12] and body["aktif"]
    token = TokenApi.objects.get(pk=body["id"])
    # only a hash is stored
    assert token.kunci_hash == hashlib.sha256(kunci.encode()).hexdigest()
    assert kunci not in {token.kunci_hash, token.prefix, token.nama}
    saya = client.get("/api/v1/organisasi/saya", **_bearer(kunci))
    assert saya.status_code == 200 and saya.json()["pegawai"]["nip"] == kota.pegawai.nip
    # a write with a bearer token needs no CSRF token
    assert client.post("/api/v1/notifikasi/dibaca-semua", **_bearer(kunci)).status_code == 200
    token.refresh_from_db()
    assert token.terakhir_dipakai is not None
    assert [t["id"] for t in client.get(URL, **_bearer(kunci)).json()] == [token.pk]


def test_wrong_credentials_are_a_json_401(kota: KotaKecil, client) -> None:  # type: ignore[no-untyped-def]
    for response in (
        _minta(client, kota.pegawai.nip, "salah-sekali"),
        _minta(client, "199999999999999999"),
        client.post(URL),
        client.post(URL, {"nip": kota.pegawai.nip}, content_type="application/json"),
    ):
        assert response.status_code == 401
        assert response.json() == {"detail": "NIP atau kata sandi salah."}
    assert not TokenApi.objects.exists()


def test_an_inactive_or_must_change_password_account_gets_no_token(kota: KotaKecil, client) -> None:  # type: ignore[no-untyped-def]
    Pegawai.objects.filter(pk=kota.pegawai.pk).update(harus_ganti_password=True)
    response = _minta(client, kota.pegawai.nip)
    assert response.status_code == 403 and "wajib diganti" in response.json()["detail"]
    Pegawai.objects.filter(pk=kota.atasan.pk).update(is_active=False)
    assert _minta(client, kota.atasan.nip).status_code == 401
    assert not TokenApi.objects.exists()


def test_the_lockout_is_respected(kota: KotaKecil, client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    codes = [_minta(client, kota.pegawai.nip, "salah").status_code for _ in range(3)]
    assert codes[:2] == [401, 401] and codes[2] == 429
    response = _minta(client, kota.pegawai.nip)  # right password, still locked out
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert "Terlalu banyak" in response.json()["detail"]
    assert not TokenApi.objects.exists()


@pytest.mark.parametrize(
    "keadaan", ["dicabut", "kedaluwarsa", "sampah", "kosong", "pegawai_nonaktif"]
)
def test_revoked_expired_or_garbage_tokens_get_401(kota: KotaKecil, client, keadaan: str) -> None:  # type: ignore[no-untyped-def]
    kunci = _minta(client, kota.pegawai.nip).json()["kunci"]
    token = TokenApi.objects.get()
    if keadaan == "dicabut":
        token.dicabut_pada = timezone.now()
        token.save()
    elif keadaan == "kedaluwarsa":
        token.kedaluwarsa_pada = timezone.now() - dt.timedelta(minutes=1)
        token.save()
    elif keadaan == "sampah":
        kunci = kunci[:-2] + "xx"
    elif keadaan == "kosong":
        kunci = ""
    else:
        Pegawai.objects.filter(pk=kota.pegawai.pk).update(is_active=False)
    response = client.get("/api/v1/organisasi/saya", **_bearer(kunci))
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")


def test_a_bad_bearer_is_refused_even_with_a_session(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pegawai")
    assert client.get("/api/v1/organisasi/saya").status_code == 200
    assert client.get("/api/v1/organisasi/saya", **_bearer("kin_palsu")).status_code == 401


def test_a_token_stops_working_when_the_password_must_be_changed(kota: KotaKecil, client) -> None:  # type: ignore[no-untyped-def]
    kunci = _minta(client, kota.pegawai.nip).json()["kunci"]
    Pegawai.objects.filter(pk=kota.pegawai.pk).update(harus_ganti_password=True)
    response = client.get("/api/v1/organisasi/saya", **_bearer(kunci))
    assert response.status_code == 403 and "wajib diganti" in response.json()["detail"]


def test_expiry_is_capped_and_revoking_is_mine_only(kota: KotaKecil, client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TOKEN_API_BERLAKU_HARI = 30
    body = _minta(client, kota.pegawai.nip, berlaku_hari=400).json()
    sisa = dt.datetime.fromisoformat(body["kedaluwarsa_pada"]) - timezone.now()
    assert dt.timedelta(days=29) < sisa <= dt.timedelta(days=30)
    kunci_atasan = _minta(client, kota.atasan.nip).json()["kunci"]
    assert client.delete(f"{URL}/{body['id']}", **_bearer(kunci_atasan)).status_code == 404
    assert client.get(URL, **_bearer(kunci_atasan)).json()[0]["nama"] == "HP Android"
    assert len(client.get(URL, **_bearer(kunci_atasan)).json()) == 1
    assert client.delete(f"{URL}/{body['id']}", **_bearer(body["kunci"])).status_code == 204
    assert TokenApi.objects.get(pk=body["id"]).dicabut_pada is not None
    assert client.get(URL, **_bearer(body["kunci"])).status_code == 401


def test_the_openapi_schema_declares_the_bearer_scheme(kota: KotaKecil, client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/api/v1/openapi.json").json()
    skema = schema["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"}.items() <= skema["TokenBearer"].items()
    assert "SessionAuth" in skema
    saya = schema["paths"]["/api/v1/organisasi/saya"]["get"]["security"]
    assert {"TokenBearer": []} in saya and {"SessionAuth": []} in saya
    assert "security" not in schema["paths"]["/api/v1/token"]["post"]
