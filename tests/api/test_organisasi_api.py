from __future__ import annotations

import pytest

from tests.conftest import PERSONAS
from tests.factories import KotaKecil

OWN_OPD = {
    "pegawai": 200,
    "atasan": 200,
    "pimpinan_opd": 200,
    "admin_bkpsdmd": 200,
    "luar_opd": 404,
    "anonim": 401,
}


def test_saya_names_the_roles_and_the_atasan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    body = client_as("pegawai").get("/api/v1/organisasi/saya").json()
    assert body["pegawai"]["nip"] == kota.pegawai.nip
    assert body["atasan"]["nip"] == kota.atasan.nip
    assert body["peran"] == ["pegawai"]
    assert "atasan" in client_as("atasan").get("/api/v1/organisasi/saya").json()["peran"]
    assert (
        "pimpinan_opd" in client_as("pimpinan_opd").get("/api/v1/organisasi/saya").json()["peran"]
    )
    assert (
        "admin_bkpsdmd" in client_as("admin_bkpsdmd").get("/api/v1/organisasi/saya").json()["peran"]
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_unit_of_another_opd_is_not_found(persona: str, kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    response = client_as(persona).get(f"/api/v1/organisasi/unit/{kota.seksi.pk}")
    assert response.status_code == OWN_OPD[persona]
    assert response["Content-Type"].startswith("application/json")
    if response.status_code == 200:
        assert response.json()["kode"] == kota.seksi.kode


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_pegawai_of_another_opd_is_not_found(persona: str, kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    response = client_as(persona).get(f"/api/v1/organisasi/pegawai/{kota.pegawai.pk}")
    assert response.status_code == OWN_OPD[persona]
    if response.status_code == 404:
        assert set(response.json()) == {"detail"}


def test_lists_are_scoped_and_paginated(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    outsider = client_as("luar_opd").get("/api/v1/organisasi/pegawai?limit=100").json()
    nips = {p["nip"] for p in outsider["items"]}
    assert kota.luar.nip in nips and kota.pegawai.nip not in nips
    admin = client_as("admin_bkpsdmd").get("/api/v1/organisasi/pegawai?limit=2").json()
    assert admin["count"] == 7 and len(admin["items"]) == 2
    units = client_as("pegawai").get("/api/v1/organisasi/unit?limit=100").json()
    assert {u["kode"] for u in units["items"]} == {"DUKCAPIL", "DUKCAPIL.PD", "DUKCAPIL.PD.1"}


def test_bad_parameters_get_a_json_4xx(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    response = client_as("admin_bkpsdmd").get("/api/v1/organisasi/unit/bukan-angka")
    assert response.status_code == 422
    assert "detail" in response.json()
    response = client_as("admin_bkpsdmd").get("/api/v1/organisasi/pegawai?limit=-5")
    assert 400 <= response.status_code < 500


def test_the_openapi_schema_is_published(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/organisasi/pegawai" in schema["paths"]
