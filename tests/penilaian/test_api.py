"""The penilaian API: same services and rules as the pages, 4xx JSON, never 500."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kinerja.penilaian.models import Evaluasi, Keberatan, StatusEvaluasi
from tests.factories import KotaKecil
from tests.penilaian.util import Data, isi_realisasi, siapkan

pytestmark = pytest.mark.django_db
API = "/api/v1/penilaian"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _post(client: Any, url: str, data: dict | None = None) -> Any:
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def _put(client: Any, url: str, data: dict) -> Any:
    return client.put(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def d(kota: KotaKecil) -> Data:
    return siapkan(kota)


def _buka(client: Any, d: Data, pegawai_id: int) -> Any:
    return _post(
        client,
        f"{API}/evaluasi",
        {"pegawai_id": pegawai_id, "periode_id": d.periode.pk, "jenis": "periodik", "urutan": 1},
    )


def _nilai(client: Any, ev: dict, **data: Any) -> Any:
    return _post(client, f"{API}/evaluasi/{ev['id']}/nilai", {"revisi": ev["revisi"], **data})


def _terkunci(kota: KotaKecil, d: Data, client_as: Any) -> dict:
    atasan, kabid = client_as("atasan"), _client(kota.kabid)
    ev = _buka(atasan, d, kota.pegawai.pk).json()
    ev = _nilai(
        atasan, ev, rating_hasil="di_bawah", rating_perilaku="sesuai", alasan_hasil=""
    ).json()
    r = _put(
        kabid,
        f"{API}/predikat-organisasi",
        {"unit_id": kota.seksi.pk, "periode_id": d.periode.pk, "predikat": "istimewa"},
    )
    assert r.status_code == 200, r.content
    ev_kasi = _buka(kabid, d, kota.atasan.pk).json()
    assert _nilai(kabid, ev_kasi, rating_perilaku="di_atas").status_code == 200
    r = _post(atasan, f"{API}/unit/{kota.seksi.pk}/finalkan", {"periode_id": d.periode.pk})
    assert r.status_code == 200, r.content
    assert r.json()["dikunci"] == 2
    return ev


def _client(pegawai: Any) -> Any:
    from django.test import Client

    c = Client()
    c.force_login(pegawai)
    return c


def test_alur_lengkap_lewat_api(kota: KotaKecil, d: Data, client_as: Any) -> None:
    isi_realisasi(d.skp, 1, "12")
    atasan = client_as("atasan")
    r = _buka(atasan, d, kota.pegawai.pk)
    assert r.status_code == 201, r.content
    ev = r.json()
    assert (ev["usulan_hasil"], ev["capaian_rata"]) == ("sesuai", "100.00")
    assert ev["indikator"][0]["realisasi"] == "12.00"
    assert "110" in ev["aturan_usulan"]
    # a different rating without a reason: 422 next to the field
    r = _nilai(atasan, ev, rating_hasil="di_atas", rating_perilaku="sesuai")
    assert r.status_code == 422 and "alasan_hasil" in r.json()["detail"]
    perilaku_id = ev["perilaku"][0]["perilaku_id"]
    r = _nilai(
        atasan,
        ev,
        rating_hasil="sesuai",
        rating_perilaku="di_atas",
        perilaku={str(perilaku_id): {"rating": "di_atas", "catatan": "Ramah"}},
    )
    assert r.status_code == 200, r.content
    ev2 = r.json()
    assert (ev2["predikat"], ev2["status"]) == ("baik", "final")
    assert ev2["perilaku"][0]["catatan"] == "Ramah"
    # stale revisi → 409
    assert _nilai(atasan, ev, rating_hasil="sesuai", rating_perilaku="sesuai").status_code == 409
    # the pegawai does not see it before the lock
    assert client_as("pegawai").get(f"{API}/evaluasi/{ev['id']}").status_code == 404


def test_hanya_pejabat_penilai_menilai_api(kota: KotaKecil, d: Data, client_as: Any) -> None:
    for persona in ["pegawai", "pimpinan_opd", "admin_bkpsdmd", "luar_opd"]:
        assert _buka(client_as(persona), d, kota.pegawai.pk).status_code == 403
    ev = _buka(client_as("atasan"), d, kota.pegawai.pk).json()
    # the pimpinan OPD and admin see it but may not rate; another OPD does not see it
    assert _nilai(client_as("pimpinan_opd"), ev, rating_perilaku="sesuai").status_code == 403
    assert _nilai(client_as("admin_bkpsdmd"), ev, rating_perilaku="sesuai").status_code == 403
    assert _nilai(client_as("luar_opd"), ev, rating_perilaku="sesuai").status_code == 404
    assert _nilai(client_as("pegawai"), ev, rating_perilaku="sesuai").status_code == 404


def test_tidak_ada_penilaian_sebelum_periode_berakhir_api(
    kota: KotaKecil, d: Data, client_as: Any
) -> None:
    atasan = client_as("atasan")
    periode = d.periode
    # make the window end tomorrow
    besok = timezone.localdate() + dt.timedelta(days=1)
    ev = _buka(atasan, d, kota.pegawai.pk).json()
    Evaluasi.objects.filter(pk=ev["id"]).update(selesai=besok)
    r = _nilai(atasan, ev, rating_hasil="di_bawah", rating_perilaku="sesuai")
    assert r.status_code == 422
    assert "belum dapat" in json.dumps(r.json())
    Evaluasi.objects.filter(pk=ev["id"]).update(selesai=timezone.localdate() - dt.timedelta(days=1))
    assert periode.pk
    r = _nilai(atasan, ev, rating_hasil="di_bawah", rating_perilaku="sesuai")
    assert r.status_code == 200


def test_terkunci_tidak_bisa_diubah_kecuali_keberatan_api(
    kota: KotaKecil, d: Data, client_as: Any
) -> None:
    ev = _terkunci(kota, d, client_as)
    ev = client_as("atasan").get(f"{API}/evaluasi/{ev['id']}").json()
    assert ev["status"] == StatusEvaluasi.DIKUNCI
    r = _nilai(
        client_as("atasan"), ev, rating_hasil="sesuai", rating_perilaku="sesuai", alasan_hasil="x"
    )
    assert r.status_code == 422 and "keberatan" in json.dumps(r.json())
    r = _post(
        client_as("pimpinan_opd"),
        f"{API}/evaluasi/{ev['id']}/kalibrasi",
        {
            "revisi": ev["revisi"],
            "rating_hasil": "sesuai",
            "rating_perilaku": "sesuai",
            "alasan": "x",
        },
    )
    assert r.status_code == 422
    # the pegawai reads it (window starts) and files a keberatan with an attachment
    pegawai = client_as("pegawai")
    lihat = _post(pegawai, f"{API}/evaluasi/{ev['id']}/dilihat").json()
    assert lihat["dilihat_pegawai_pada"] and lihat["batas_keberatan"]
    assert any("Matriks" in baris for baris in lihat["penjelasan"])
    r = pegawai.post(
        f"{API}/evaluasi/{ev['id']}/keberatan",
        {"alasan": "Bukti belum dihitung", "lampiran": [SimpleUploadedFile("b.pdf", PDF)]},
    )
    assert r.status_code == 201, r.content
    kb = r.json()
    assert kb["atasan_pejabat_penilai_id"] == kota.kabid.pk and kb["lampiran"] == ["b.pdf"]
    # only the atasan pejabat penilai asks and decides
    for persona in ["pegawai", "atasan", "pimpinan_opd"]:
        c = client_as(persona)
        assert (
            _post(
                c, f"{API}/keberatan/{kb['id']}/putus", {"keputusan": "tetap", "alasan": "x"}
            ).status_code
            == 403
        )
        assert (
            _post(
                c,
                f"{API}/keberatan/{kb['id']}/klarifikasi",
                {"pihak": "pegawai", "pertanyaan": "?"},
            ).status_code
            == 403
        )
    assert client_as("luar_opd").get(f"{API}/keberatan/{kb['id']}").status_code == 404
    kabid = _client(kota.kabid)
    r = _post(
        kabid,
        f"{API}/keberatan/{kb['id']}/klarifikasi",
        {"pihak": "pejabat_penilai", "pertanyaan": "Dasar?"},
    )
    assert r.status_code == 201
    k_id = r.json()["klarifikasi"][0]["id"]
    assert _post(pegawai, f"{API}/klarifikasi/{k_id}/jawab", {"jawaban": "x"}).status_code == 404
    r = _post(
        client_as("atasan"), f"{API}/klarifikasi/{k_id}/jawab", {"jawaban": "Realisasi rendah"}
    )
    assert r.status_code == 200 and r.json()["klarifikasi"][0]["jawaban"] == "Realisasi rendah"
    r = _post(
        kabid,
        f"{API}/keberatan/{kb['id']}/putus",
        {
            "keputusan": "diubah",
            "alasan": "Bukti sah",
            "rating_hasil": "sesuai",
            "rating_perilaku": "sesuai",
        },
    )
    assert r.status_code == 200, r.content
    assert (r.json()["predikat_lama"], r.json()["predikat_baru"]) == ("butuh_perbaikan", "baik")
    ev = pegawai.get(f"{API}/evaluasi/{ev['id']}").json()
    assert ev["predikat"] == "baik"
    assert [p["sumber"] for p in ev["perubahan"]] == ["keberatan"]
    r = _post(kabid, f"{API}/keberatan/{kb['id']}/putus", {"keputusan": "tetap", "alasan": "x"})
    assert r.status_code == 422  # final


def test_keberatan_hari_14_dan_15_api(kota: KotaKecil, d: Data, client_as: Any) -> None:
    ev = _terkunci(kota, d, client_as)
    pegawai = client_as("pegawai")
    sekarang = timezone.now()
    Evaluasi.objects.filter(pk=ev["id"]).update(
        dilihat_pegawai_pada=sekarang - dt.timedelta(days=15)
    )
    r = pegawai.post(f"{API}/evaluasi/{ev['id']}/keberatan", {"alasan": "Telat"})
    assert r.status_code == 422 and "sudah lewat" in json.dumps(r.json())
    Evaluasi.objects.filter(pk=ev["id"]).update(
        dilihat_pegawai_pada=sekarang - dt.timedelta(days=14)
    )
    r = pegawai.post(f"{API}/evaluasi/{ev['id']}/keberatan", {"alasan": "Masih boleh"})
    assert r.status_code == 201
    assert Keberatan.objects.count() == 1
    assert (
        pegawai.post(f"{API}/evaluasi/{ev['id']}/keberatan", {"alasan": "lagi"}).status_code == 422
    )


def test_distribusi_grid_rekap_api(kota: KotaKecil, d: Data, client_as: Any) -> None:
    _terkunci(kota, d, client_as)
    q = f"periode_id={d.periode.pk}&jenis=periodik&urutan=1"
    pimpinan = client_as("pimpinan_opd")
    dist = pimpinan.get(f"{API}/unit/{kota.seksi.pk}/distribusi?{q}").json()
    assert dist["predikat_organisasi"] == "istimewa"
    assert dist["jumlah"] == {"butuh_perbaikan": 1, "sangat_baik": 1}
    assert all(a["terpenuhi"] for a in dist["aturan"])
    grid = pimpinan.get(f"{API}/unit/{kota.dinas.pk}/kalibrasi?{q}").json()
    assert grid["total"] == 2
    assert grid["baris"][0][2]["predikat"] == "sangat_baik" and grid["baris"][0][2]["jumlah"] == 1
    assert client_as("pegawai").get(f"{API}/unit/{kota.dinas.pk}/kalibrasi?{q}").status_code == 403
    assert client_as("luar_opd").get(f"{API}/unit/{kota.dinas.pk}/kalibrasi?{q}").status_code == 404
    rekap = client_as("admin_bkpsdmd").get(f"{API}/rekap?{q}&tingkat=opd").json()
    assert [(r["nama"], r["total"], r["sangat_baik"]) for r in rekap] == [(kota.dinas.nama, 2, 1)]
    assert client_as("pegawai").get(f"{API}/rekap?{q}").status_code == 403
    tpp = client_as("admin_bkpsdmd").get(f"{API}/tpp?periode_id={d.periode.pk}&bulan=2").json()
    assert {r["predikat"]: r["persen_tpp"] for r in tpp} == {
        "butuh_perbaikan": "75.00",
        "sangat_baik": "100.00",
    }


def test_predikat_organisasi_api_hak(kota: KotaKecil, d: Data, client_as: Any) -> None:
    body = {"unit_id": kota.seksi.pk, "periode_id": d.periode.pk, "predikat": "baik"}
    for persona in ["pegawai", "atasan", "luar_opd"]:
        assert _put(client_as(persona), f"{API}/predikat-organisasi", body).status_code == 403
    assert _put(client_as("admin_bkpsdmd"), f"{API}/predikat-organisasi", body).status_code == 200
    bad = body | {"predikat": "hebat"}
    assert _put(client_as("admin_bkpsdmd"), f"{API}/predikat-organisasi", bad).status_code == 422
    assert (
        _put(
            client_as("admin_bkpsdmd"), f"{API}/predikat-organisasi", body | {"urutan": 9}
        ).status_code
        == 422
    )


def test_daftar_api_berhalaman_dan_konstan(
    kota: KotaKecil, d: Data, client_as: Any, django_assert_max_num_queries: Any
) -> None:
    ev = _terkunci(kota, d, client_as)
    admin = client_as("admin_bkpsdmd")
    with django_assert_max_num_queries(15):
        r = admin.get(f"{API}/evaluasi?periode_id={d.periode.pk}&limit=1")
    assert r.json()["count"] == 2 and len(r.json()["items"]) == 1
    mine = client_as("pegawai").get(f"{API}/evaluasi").json()
    assert [e["id"] for e in mine["items"]] == [ev["id"]]
    client_as("pegawai").post(f"{API}/evaluasi/{ev['id']}/keberatan", {"alasan": "x"})
    r = _client(kota.kabid).get(f"{API}/keberatan?status=diajukan").json()
    assert r["count"] == 1 and r["items"][0]["evaluasi_id"] == ev["id"]
    assert client_as("luar_opd").get(f"{API}/keberatan").json()["count"] == 0
