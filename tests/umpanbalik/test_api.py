"""The /api/v1/umpan-balik API: the same rules as the pages, JSON 4xx, nothing stored on refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from kinerja.umpanbalik.models import DialogKinerja, UmpanBalik
from tests.factories import KotaKecil, buat_pegawai
from tests.umpanbalik.util import beri, dialog, laporan

URL = "/api/v1/umpan-balik"


def _login(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_the_atasan_gives_feedback_and_the_pegawai_reads_and_replies(kota: KotaKecil) -> None:
    lap = laporan(kota.pegawai)
    r = _login(kota.atasan).post(
        f"{URL}/",
        {"pegawai": kota.pegawai.pk, "sasaran": "laporan", "laporan": lap.pk, "teks": "Rapi"},
    )
    assert r.status_code == 201, r.content
    akar_id = r.json()["id"]
    c = _login(kota.pegawai)
    daftar = c.get(f"{URL}/").json()
    assert daftar["count"] == 1 and daftar["items"][0]["laporan_id"] == lap.pk
    assert c.post(f"{URL}/{akar_id}/dibaca").json() == {"ditandai": 1}
    r = c.post(f"{URL}/{akar_id}/balasan", {"teks": "Siap"})
    assert r.status_code == 201 and [p["teks"] for p in r.json()["pesan"]] == ["Rapi", "Siap"]


@pytest.mark.parametrize(
    ("siapa", "status"), [("luar", 404), ("admin", 403), ("peer", 403), ("pegawai", 403)]
)
def test_an_outsider_gets_4xx_json_and_nothing_is_stored(
    kota: KotaKecil, siapa: str, status: int
) -> None:
    oleh = (
        buat_pegawai(kota.instansi, "Rekan", kota.j_pelaksana)
        if siapa == "peer"
        else getattr(kota, siapa)
    )
    r = _login(oleh).post(f"{URL}/", {"pegawai": kota.pegawai.pk, "sasaran": "umum", "teks": "x"})
    assert r.status_code == status and r["Content-Type"].startswith("application/json")
    assert "detail" in r.json()
    assert UmpanBalik.objects.count() == 0


def test_an_outsider_cannot_read_reply_or_mark_a_thread(kota: KotaKecil) -> None:
    akar = beri(kota)
    c = _login(kota.luar)
    assert c.get(f"{URL}/{akar.pk}").status_code == 404
    assert c.post(f"{URL}/{akar.pk}/balasan", {"teks": "x"}).status_code == 404
    assert c.post(f"{URL}/{akar.pk}/dibaca").status_code == 404
    assert UmpanBalik.objects.count() == 1


def test_bad_input_answers_422_json(kota: KotaKecil) -> None:
    c = _login(kota.atasan)
    lain = laporan(kota.luar)
    cases = [
        {"pegawai": kota.pegawai.pk, "sasaran": "umum", "teks": "  "},
        {"pegawai": kota.pegawai.pk, "sasaran": "laporan", "laporan": lain.pk, "teks": "x"},
        {"pegawai": kota.pegawai.pk, "sasaran": "rhk", "teks": "x"},
        {"pegawai": kota.pegawai.pk, "sasaran": "apa", "teks": "x"},
        {"sasaran": "umum", "teks": "x"},
        {
            "pegawai": kota.pegawai.pk,
            "sasaran": "umum",
            "teks": "x",
            "lampiran": SimpleUploadedFile("a.pdf", b"MZ\x90\x00"),
        },
    ]
    for data in cases:
        r = c.post(f"{URL}/", data)
        assert r.status_code == 422, (data, r.content)
        assert "detail" in r.json()
    assert UmpanBalik.objects.count() == 0


def test_the_pegawai_asks_for_feedback(kota: KotaKecil) -> None:
    lap = laporan(kota.pegawai)
    r = _login(kota.pegawai).post(
        f"{URL}/minta", {"sasaran": "laporan", "laporan": lap.pk, "teks": "?"}
    )
    assert (
        r.status_code == 201 and r.json()["permintaan"] and r.json()["pejabat_id"] == kota.atasan.pk
    )
    daftar = _login(kota.atasan).get(f"{URL}/?sebagai=atasan").json()
    assert daftar["items"][0]["dijawab_pada"] is None


def test_dialog_record_confirm_and_follow_up_through_the_api(kota: KotaKecil) -> None:
    hari_ini = timezone.localdate()
    body = {
        "pegawai": kota.pegawai.pk,
        "tanggal": hari_ini.isoformat(),
        "topik": "Capaian",
        "tindak_lanjut": [
            {
                "aksi": "Pelatihan",
                "pemilik": "pegawai",
                "batas": (hari_ini + dt.timedelta(days=3)).isoformat(),
            }
        ],
    }
    r = _login(kota.atasan).post(f"{URL}/dialog", body, content_type="application/json")
    assert r.status_code == 201, r.content
    d = r.json()
    c = _login(kota.pegawai)
    assert c.post(f"{URL}/tindak-lanjut/{d['tindak_lanjut'][0]['id']}/selesai").status_code == 422
    r = c.post(f"{URL}/dialog/{d['id']}/konfirmasi")
    assert r.status_code == 200 and r.json()["dikonfirmasi"]
    assert c.post(f"{URL}/dialog/{d['id']}/konfirmasi").status_code == 422
    r = c.post(f"{URL}/tindak-lanjut/{d['tindak_lanjut'][0]['id']}/selesai")
    assert r.status_code == 200 and r.json()["selesai_pada"]
    assert c.get(f"{URL}/dialog").json()["count"] == 1


def test_dialog_refusals_through_the_api(kota: KotaKecil) -> None:
    d = dialog(kota)
    assert _login(kota.pimpinan).post(f"{URL}/dialog/{d.pk}/konfirmasi").status_code == 403
    assert _login(kota.luar).get(f"{URL}/dialog/{d.pk}").status_code == 404
    tl = d.tindak_lanjut_set.get(pemilik=kota.pegawai)
    assert _login(kota.atasan).post(f"{URL}/tindak-lanjut/{tl.pk}/selesai").status_code == 403
    body = {"pegawai": kota.pegawai.pk, "tanggal": timezone.localdate().isoformat(), "topik": "x"}
    r = _login(kota.luar).post(f"{URL}/dialog", body, content_type="application/json")
    assert r.status_code == 404
    r = _login(kota.atasan).post(
        f"{URL}/dialog", {"tanggal": "kemarin"}, content_type="application/json"
    )
    assert r.status_code == 422
    assert DialogKinerja.objects.count() == 1
