from __future__ import annotations

import json

import pytest

from kinerja.skp.models import Rhk, Skp, StatusSkp
from tests.factories import KotaKecil
from tests.skp.util import buat_periode, isi_rhk, rantai

pytestmark = pytest.mark.django_db
API = "/api/v1/skp"


def _post(client, url: str, data: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def _segar(skp: Skp) -> Skp:
    return Skp.objects.get(pk=skp.pk)


def test_a_pegawai_drafts_submits_and_the_atasan_approves_through_the_api(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    Skp.objects.filter(pk=data["skp"].pk).delete()  # start from nothing
    pegawai, atasan = client_as("pegawai"), client_as("atasan")
    response = _post(pegawai, f"{API}/", {"pendekatan": "kuantitatif"})
    assert response.status_code == 201
    skp = response.json()
    pilihan = pegawai.get(f"{API}/{skp['id']}/rhk-atasan").json()
    assert [p["teks"] for p in pilihan] == ["KTP-el tercetak tepat waktu"]
    response = _post(
        pegawai,
        f"{API}/{skp['id']}/rhk",
        {"revisi": skp["revisi"], "teks": "Data terverifikasi", "rhk_atasan_id": pilihan[0]["id"]},
    )
    assert response.status_code == 201
    skp = response.json()
    rhk_id = skp["rhk"][0]["id"]
    response = _post(
        pegawai,
        f"{API}/rhk/{rhk_id}/indikator",
        {
            "revisi": skp["revisi"],
            "teks": "Jumlah data",
            "target_angka": "40",
            "target_satuan": "berkas",
        },
    )
    skp = response.json()
    assert skp["rhk"][0]["indikator"][0]["target"] == "40 berkas"
    response = _post(pegawai, f"{API}/{skp['id']}/ajukan", {"revisi": skp["revisi"]})
    assert response.status_code == 200 and response.json()["status"] == "diajukan"
    antrian = atasan.get(f"{API}/persetujuan").json()
    assert [s["id"] for s in antrian] == [skp["id"]]
    response = _post(atasan, f"{API}/{skp['id']}/kembalikan", {"catatan": ""})
    assert response.status_code == 422
    response = _post(atasan, f"{API}/{skp['id']}/kembalikan", {"catatan": "Naikkan target"})
    assert response.json()["status"] == "dikembalikan"
    skp = response.json()
    _post(pegawai, f"{API}/{skp['id']}/ajukan", {"revisi": skp["revisi"]})
    response = _post(atasan, f"{API}/{skp['id']}/setujui")
    assert response.status_code == 200 and len(response.json()["kode"]) == 8
    assert pegawai.get(f"{API}/{skp['id']}").json()["kode_verifikasi"] == response.json()["kode"]


def test_the_api_refuses_a_stale_revisi_with_409_and_changes_nothing(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    skp = rantai(kota)["skp"]
    client = client_as("pegawai")
    url = f"{API}/{skp.pk}"
    ok = client.patch(
        url,
        json.dumps({"revisi": skp.revisi, "pendekatan": "kualitatif"}),
        content_type="application/json",
    )
    assert ok.status_code == 200
    response = client.patch(
        url,
        json.dumps({"revisi": skp.revisi, "pendekatan": "kuantitatif"}),
        content_type="application/json",
    )
    assert response.status_code == 409
    body = response.json()
    assert "tab/perangkat lain" in body["detail"] and body["revisi"] == skp.revisi + 1
    assert _segar(skp).pendekatan == "kualitatif"


def test_a_pegawai_cannot_approve_their_own_skp_through_the_api(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    response = _post(client_as("atasan"), f"{API}/{data['skp_atasan'].pk}/setujui")
    assert response.status_code == 403 and response.json()["detail"]
    assert _segar(data["skp_atasan"]).status == StatusSkp.DIAJUKAN


def test_an_atasan_cannot_approve_someone_elses_bawahan_through_the_api(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    skp = data["skp"]
    isi_rhk(skp, "Data", rhk_atasan=data["rhk_atasan"])
    _post(client_as("pegawai"), f"{API}/{skp.pk}/ajukan", {"revisi": _segar(skp).revisi})
    assert _post(client_as("pimpinan_opd"), f"{API}/{skp.pk}/setujui").status_code == 403
    assert _post(client_as("luar_opd"), f"{API}/{skp.pk}/setujui").status_code == 404
    assert _segar(skp).status == StatusSkp.DIAJUKAN


def test_an_approved_skp_cannot_be_edited_through_the_api(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from kinerja.skp import services

    data = rantai(kota)
    skp = data["skp"]
    isi_rhk(skp, "Data", rhk_atasan=data["rhk_atasan"])
    services.skp_submit(skp=_segar(skp), oleh=kota.pegawai)
    services.skp_approve(skp=_segar(skp), oleh=kota.atasan)
    skp = _segar(skp)
    response = _post(
        client_as("pegawai"), f"{API}/{skp.pk}/rhk", {"revisi": skp.revisi, "teks": "Baru"}
    )
    assert response.status_code == 422 and "tidak dapat diubah" in json.dumps(response.json())
    assert Rhk.objects.filter(skp=skp).count() == 1


def test_the_api_refuses_a_link_to_an_rhk_that_is_not_the_pejabat_penilais(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    skp = data["skp"]
    response = _post(
        client_as("pegawai"),
        f"{API}/{skp.pk}/rhk",
        {"revisi": skp.revisi, "teks": "Salah", "rhk_atasan_id": data["rhk_kabid"].pk},
    )
    assert response.status_code == 422 and "rhk_atasan" in response.json()["detail"]


def test_another_opd_sees_404_and_others_cannot_edit(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    skp = rantai(kota)["skp"]
    assert client_as("luar_opd").get(f"{API}/{skp.pk}").status_code == 404
    assert client_as("pimpinan_opd").get(f"{API}/{skp.pk}").status_code == 200
    response = _post(
        client_as("atasan"), f"{API}/{skp.pk}/rhk", {"revisi": skp.revisi, "teks": "X"}
    )
    assert response.status_code == 403


def test_the_list_is_scoped_and_paginated(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    rantai(kota)
    mine = client_as("pegawai").get(f"{API}/").json()
    assert [s["pegawai_nama"] for s in mine["items"]] == ["Agus Salim"]
    assert client_as("admin_bkpsdmd").get(f"{API}/").json()["count"] == 4
    assert client_as("luar_opd").get(f"{API}/").json()["count"] == 0


def test_creating_without_a_periode_answers_404_json(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    response = _post(client_as("pegawai"), f"{API}/", {})
    assert response.status_code == 404 and response.json()["detail"]
    buat_periode(kota)
    assert _post(client_as("pegawai"), f"{API}/", {}).status_code == 201
    assert _post(client_as("pegawai"), f"{API}/", {}).status_code == 422


def test_the_atasan_sets_ekspektasi_and_the_pegawai_revises_through_the_api(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    from kinerja.skp import services
    from kinerja.skp.models import PerilakuKerja

    data = rantai(kota)
    skp = data["skp"]
    isi_rhk(skp, "Data", rhk_atasan=data["rhk_atasan"])
    loyal = PerilakuKerja.objects.get(kode="loyal")
    url = f"{API}/{skp.pk}/ekspektasi"
    body = json.dumps({"ekspektasi": {str(loyal.pk): "Jaga kerahasiaan data"}})
    assert client_as("pegawai").put(url, body, content_type="application/json").status_code == 403
    response = client_as("atasan").put(url, body, content_type="application/json")
    assert response.status_code == 200
    assert {e["perilaku"]: e["ekspektasi"] for e in response.json()["ekspektasi"]}["Loyal"] == (
        "Jaga kerahasiaan data"
    )
    pegawai = client_as("pegawai")
    assert _post(pegawai, f"{API}/{skp.pk}/revisi").status_code == 422  # not approved yet
    services.skp_submit(skp=_segar(skp), oleh=kota.pegawai)
    services.skp_approve(skp=_segar(skp), oleh=kota.atasan)
    response = _post(pegawai, f"{API}/{skp.pk}/revisi", {"alasan": "Mutasi"})
    assert response.status_code == 201
    assert (response.json()["versi"], response.json()["status"]) == (2, "draft")
    assert _segar(skp).aktif is False


@pytest.mark.parametrize("angka", ["NaN", "Infinity", "1e15", "-3"])
def test_the_api_answers_422_for_an_unreasonable_target(
    kota: KotaKecil, client_as, angka: str
) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    skp = data["skp"]
    rhk = isi_rhk(skp, "Data", rhk_atasan=data["rhk_atasan"])
    response = client_as("pegawai").post(
        f"{API}/rhk/{rhk.pk}/indikator",
        json.dumps(
            {
                "revisi": _segar(skp).revisi,
                "teks": "X",
                "target_angka": angka,
                "target_satuan": "buah",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 422
