"""Plans API: same rules as the pages; JSON errors; anonymous refused."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone

from tests.factories import KotaKecil
from tests.pengembangan.rencana_util import evaluasi, pelatihan

pytestmark = pytest.mark.django_db
TAHUN = timezone.localdate().year
URL = "/api/v1/pengembangan/rencana"


def _post(client, url: str, data: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def test_alur_api(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    peg, ata = client_as("pegawai"), client_as("atasan")
    assert _post(peg, URL, {"tujuan": "x"}).status_code == 422
    r = _post(ata, URL, {"tujuan": "Pelayanan prima", "pegawai": kota.pegawai.pk})
    assert r.status_code == 201, r.content
    rid = r.json()["id"]
    assert _post(peg, f"{URL}/{rid}/setujui").status_code == 422  # no activity yet
    isi = {"uraian": "Kelas pelayanan", "bentuk": "klasikal", "batas": f"{TAHUN}-11-30"}
    r1 = _post(peg, f"{URL}/{rid}/aktivitas", isi | {"revisi": 0})
    assert r1.status_code == 201
    r = _post(ata, f"{URL}/{rid}/aktivitas", isi | {"uraian": "Basi", "revisi": 0})
    assert r.status_code == 409 and r.json()["revisi"] == 1
    aid = r1.json()["aktivitas"][0]["id"]
    assert _post(peg, f"{URL}/{rid}/aktivitas", {"uraian": "", "bentuk": "x"}).status_code == 422
    assert _post(client_as("pimpinan_opd"), f"{URL}/{rid}/setujui").status_code == 403
    assert _post(client_as("luar_opd"), f"{URL}/{rid}/setujui").status_code == 404
    assert client_as("luar_opd").get(f"{URL}/{rid}").status_code == 404
    _post(peg, f"{URL}/{rid}/setujui")
    assert _post(ata, f"{URL}/{rid}/setujui").json()["status"] == "disepakati"
    assert _post(peg, f"{URL}/aktivitas/{aid}/selesai").json()["status"] == "selesai"
    assert [x["id"] for x in peg.get(URL).json()] == [rid]
    assert ata.get(URL).json() == []


def test_rekomendasi_api(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    pelatihan("Manajemen waktu", "manajemen-waktu")
    evaluasi(kota, rating_hasil="di_bawah")
    data = client_as("pegawai").get(f"{URL}/rekomendasi").json()
    (rek,) = data["rekomendasi"]
    assert rek["judul"] == "Manajemen waktu"
    assert rek["alasan"][0].startswith("Direkomendasikan karena penilaian Triwulan II")


def test_anonim_ditolak(client) -> None:  # type: ignore[no-untyped-def]
    for method, url in [
        ("get", URL),
        ("get", f"{URL}/rekomendasi"),
        ("post", URL),
        ("get", f"{URL}/1"),
        ("post", f"{URL}/1/aktivitas"),
        ("post", f"{URL}/aktivitas/1/selesai"),
        ("post", f"{URL}/1/setujui"),
    ]:
        assert getattr(client, method)(url).status_code == 401
