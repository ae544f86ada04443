"""The pelatihan API (/api/v1/pengembangan) per persona: catalogue, request, the atasan's queue
and decision, completion with a multipart certificate, withdrawal, my JP, external training.
Same rules as the pages: 422 JSON by field, 403 for the wrong decider, 404 out of scope."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.pengembangan.models import CapaianJp, PelatihanEksternal, Pendaftaran
from tests.factories import KotaKecil
from tests.pengembangan.pelatihan_util import (
    besar,
    diajukan,
    disetujui,
    docx,
    exe_pdf,
    hari,
    pdf,
    pelatihan,
)

URL = "/api/v1/pengembangan"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def test_catalogue_list_filters_and_detail(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = pelatihan(judul="Manajemen Waktu", jp="12", kuota=3, topik=["manajemen-waktu"])
    pelatihan(judul="Literasi Digital", bidang="teknis")
    nonaktif = pelatihan(judul="Lama", aktif=False)
    diajukan(kota, p)
    c = client_as("pegawai")
    body = c.get(f"{URL}/katalog").json()
    assert body["count"] == 2
    item = next(i for i in body["items"] if i["id"] == p.pk)
    assert (item["terisi"], item["sisa"], Decimal(item["jp"])) == (1, 2, Decimal("12"))
    assert item["topik"][0]["kode"] == "manajemen-waktu"
    assert c.get(f"{URL}/katalog", {"bidang": "teknis"}).json()["count"] == 1
    assert c.get(f"{URL}/katalog", {"q": "waktu", "limit": 1}).json()["items"][0]["id"] == p.pk
    detail = c.get(f"{URL}/katalog/{p.pk}").json()
    assert detail["pendaftaran_saya_status"] == "diajukan"
    assert c.get(f"{URL}/katalog/{nonaktif.pk}").status_code == 404
    assert client_as("admin_bkpsdmd").get(f"{URL}/katalog/{nonaktif.pk}").status_code == 200


def test_request_decide_complete_and_my_jp(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = pelatihan(jp="8")
    peg = client_as("pegawai")
    r = peg.post(
        f"{URL}/katalog/{p.pk}/daftar", {"alasan": "Perlu"}, content_type="application/json"
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    r = peg.post(f"{URL}/katalog/{p.pk}/daftar", {}, content_type="application/json")
    assert r.status_code == 422 and "pelatihan" in r.json()["detail"]
    antrean = client_as("atasan").get(f"{URL}/pendaftaran", {"untuk": "persetujuan"}).json()
    assert [d["id"] for d in antrean] == [pk]
    assert (
        client_as("pimpinan_opd").get(f"{URL}/pendaftaran", {"untuk": "persetujuan"}).json() == []
    )
    putus = f"{URL}/pendaftaran/{pk}/putus"
    assert peg.post(putus, {"setuju": True}, content_type="application/json").status_code == 403
    assert (
        client_as("pimpinan_opd")
        .post(putus, {"setuju": True}, content_type="application/json")
        .status_code
        == 403
    )
    assert (
        client_as("luar_opd")
        .post(putus, {"setuju": True}, content_type="application/json")
        .status_code
        == 404
    )
    r = client_as("atasan").post(putus, {"setuju": False}, content_type="application/json")
    assert r.status_code == 422 and "catatan" in r.json()["detail"]
    r = client_as("atasan").post(putus, {"setuju": True}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "disetujui"
    selesai = f"{URL}/pendaftaran/{pk}/selesai"
    r = peg.post(selesai, {"tanggal_selesai": hari(0).isoformat(), "sertifikat": docx()})
    assert r.status_code == 422 and "sertifikat" in r.json()["detail"]
    r = client_as("atasan").post(
        selesai, {"tanggal_selesai": hari(0).isoformat(), "sertifikat": pdf()}
    )
    assert r.status_code == 403
    r = peg.post(selesai, {"tanggal_selesai": hari(0).isoformat(), "sertifikat": pdf()})
    assert r.status_code == 200, r.content
    assert r.json()["status"] == "selesai" and r.json()["sertifikat_url"]
    jp = peg.get(f"{URL}/jp").json()
    assert Decimal(jp["total"]) == 8 and Decimal(jp["kurang"]) == 12 and jp["persen"] == 40
    assert jp["rows"][0]["sumber"] == "pelatihan"
    mine = peg.get(f"{URL}/pendaftaran").json()
    assert [d["id"] for d in mine] == [pk]


@pytest.mark.parametrize("berkas", [besar, exe_pdf])
def test_bad_certificates_422_and_nothing_stored(kota: KotaKecil, client_as, berkas) -> None:  # type: ignore[no-untyped-def]
    d = disetujui(kota)
    r = client_as("pegawai").post(
        f"{URL}/pendaftaran/{d.pk}/selesai",
        {"tanggal_selesai": hari(0).isoformat(), "sertifikat": berkas()},
    )
    assert r.status_code == 422 and "sertifikat" in r.json()["detail"]
    assert not CapaianJp.objects.exists()
    d.refresh_from_db()
    assert d.status == "disetujui"


def test_withdraw_only_my_own(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    d = diajukan(kota)
    assert client_as("atasan").post(f"{URL}/pendaftaran/{d.pk}/batal").status_code == 403
    assert client_as("luar_opd").post(f"{URL}/pendaftaran/{d.pk}/batal").status_code == 404
    r = client_as("pegawai").post(f"{URL}/pendaftaran/{d.pk}/batal")
    assert r.status_code == 200 and r.json()["status"] == "dibatalkan"
    assert client_as("pegawai").post(f"{URL}/pendaftaran/{d.pk}/batal").status_code == 422


def test_external_training_multipart_with_minutes(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = {
        "judul": "Webinar SPBE",
        "penyelenggara": "Kominfo",
        "bidang": "teknis",
        "bentuk": "e_learning",
        "mulai": hari(-2).isoformat(),
        "selesai": hari(-1).isoformat(),
    }
    c = client_as("pegawai")
    r = c.post(f"{URL}/eksternal", data | {"menit": "90", "jp": "2", "sertifikat": pdf()})
    assert r.status_code == 422 and "jp" in r.json()["detail"]
    r = c.post(f"{URL}/eksternal", data | {"menit": "90"})
    assert r.status_code == 422 and "sertifikat" in r.json()["detail"]
    assert not PelatihanEksternal.objects.exists()
    r = c.post(f"{URL}/eksternal", data | {"menit": "90", "sertifikat": pdf()})
    assert r.status_code == 201, r.content
    assert Decimal(r.json()["jp"]) == Decimal("2.00") and r.json()["status"] == "menunggu"


def test_anonymous_gets_401_json(db, client) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"{URL}/katalog")
    assert r.status_code == 401 and r["Content-Type"].startswith("application/json")
    assert not Pendaftaran.objects.exists()
