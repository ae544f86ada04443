from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.kegiatan.models import BuktiDukung, LaporanKegiatan, RealisasiBulanan, StatusLaporan
from kinerja.skp.models import PeriodeKinerja
from tests.kegiatan.util import besar, exe_pdf, hari, jpeg, lapor, pdf, siapkan

pytestmark = pytest.mark.django_db
URL = "/api/v1/kegiatan"


def _isian(d, **extra):  # type: ignore[no-untyped-def]
    data = {
        "tanggal": hari(0).isoformat(),
        "uraian": "Memverifikasi berkas KTP-el warga Kelurahan Bukit Intan",
        "durasi_menit": "60",
        "indikator_id": str(d["indikator"].pk),
        "kuantitas": "4",
    }
    data.update(extra)
    return data


def _jumlah() -> tuple[int, int, int]:
    return (
        LaporanKegiatan.objects.count(),
        BuktiDukung.objects.count(),
        RealisasiBulanan.objects.count(),
    )


def test_create_with_a_photo_then_review_and_realisasi(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    r = client_as("pegawai").post(f"{URL}/laporan", _isian(d) | {"berkas": [jpeg()]})
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["indikator_id"] == d["indikator"].pk and body["bukti"][0]["jenis"] == "jpg"
    antrian = client_as("atasan").get(f"{URL}/review").json()
    assert antrian["jumlah"] == 1 and antrian["laporan"][0]["id"] == body["id"]
    r = client_as("atasan").post(
        f"{URL}/laporan/{body['id']}/kembalikan",
        {"catatan": "Foto buram"},
        content_type="application/json",
    )
    assert r.json()["status"] == StatusLaporan.DIKEMBALIKAN
    ubah = _isian(d) | {
        "revisi": r.json()["revisi"],
        "durasi_menit": 90,
        "indikator_id": d["indikator"].pk,
    }
    r = client_as("pegawai").put(
        f"{URL}/laporan/{body['id']}", ubah, content_type="application/json"
    )
    assert r.status_code == 200 and r.json()["status"] == StatusLaporan.DIAJUKAN
    r = client_as("pegawai").put(
        f"{URL}/laporan/{body['id']}", ubah, content_type="application/json"
    )
    assert r.status_code == 409 and "revisi" in r.json()
    r = client_as("atasan").post(f"{URL}/laporan/{body['id']}/setujui")
    assert r.status_code == 200
    rows = (
        client_as("pegawai")
        .get(f"{URL}/realisasi", {"mulai": hari(0).isoformat(), "selesai": hari(0).isoformat()})
        .json()
    )
    by_id = {x["indikator_id"]: x for x in rows}
    assert Decimal(by_id[d["indikator"].pk]["kuantitas"]) == Decimal(4)
    assert by_id[d["indikator"].pk]["menit"] == 90


@pytest.mark.parametrize(
    "extra, field",
    [
        ({"berkas": [besar()]}, "berkas"),
        ({"berkas": [exe_pdf()]}, "berkas"),
        ({"tanggal": hari(-2).isoformat()}, "tanggal"),
        ({"kuantitas": "-3"}, "kuantitas"),
    ],
)
def test_bad_input_answers_422_and_stores_nothing(kota, client_as, extra, field) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    sebelum = _jumlah()
    r = client_as("pegawai").post(f"{URL}/laporan", _isian(d, **extra))
    assert r.status_code == 422, r.content
    assert field in r.json()["detail"]
    assert _jumlah() == sebelum


def test_locked_period_and_someone_elses_rhk_answer_422(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    ind_atasan = d["rhk_atasan"].indikator_set.first()
    r = client_as("pegawai").post(f"{URL}/laporan", _isian(d, indikator_id=str(ind_atasan.pk)))
    assert r.status_code == 422 and "indikator" in r.json()["detail"]
    PeriodeKinerja.objects.filter(pk=d["periode"].pk).update(dikunci_sampai=hari(0))
    r = client_as("pegawai").post(f"{URL}/laporan", _isian(d))
    assert r.status_code == 422 and "dikunci" in r.json()["detail"]["tanggal"][0]
    assert LaporanKegiatan.objects.count() == 0


@pytest.mark.parametrize(
    "persona, status",
    [("pimpinan_opd", 403), ("admin_bkpsdmd", 403), ("luar_opd", 404), ("pegawai", 403)],
)
def test_review_by_someone_not_the_atasan_is_refused(kota, client_as, persona, status) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"])
    c = client_as(persona)
    assert c.post(f"{URL}/laporan/{lap.pk}/setujui").status_code == status
    r = c.post(
        f"{URL}/laporan/{lap.pk}/kembalikan", {"catatan": "x"}, content_type="application/json"
    )
    assert r.status_code == status
    r = c.post(f"{URL}/review/massal", {"laporan_ids": [lap.pk]}, content_type="application/json")
    assert r.status_code == status
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DIAJUKAN and RealisasiBulanan.objects.count() == 0


def test_bulk_approve_and_scope_of_reads(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    a = lapor(kota.pegawai, d["indikator"])
    b = lapor(kota.pegawai, d["indikator"], uraian="Mencetak KTP-el yang sudah diverifikasi")
    r = client_as("atasan").post(
        f"{URL}/review/massal", {"laporan_ids": [a.pk, b.pk]}, content_type="application/json"
    )
    assert r.json() == {"disetujui": 2}
    assert client_as("luar_opd").get(f"{URL}/laporan/{a.pk}").status_code == 404
    assert client_as("pimpinan_opd").get(f"{URL}/laporan/{a.pk}").status_code == 200
    assert client_as("pegawai").delete(f"{URL}/laporan/{a.pk}").status_code == 422
    lst = client_as("pegawai").get(f"{URL}/laporan").json()
    assert lst["count"] == 2


def test_evidence_upload_and_delete(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"])
    r = client_as("pegawai").post(f"{URL}/laporan/{lap.pk}/bukti", {"berkas": [pdf()]})
    assert r.status_code == 201
    bukti_id = r.json()[0]["id"]
    assert client_as("atasan").delete(f"{URL}/bukti/{bukti_id}").status_code == 403
    assert client_as("luar_opd").delete(f"{URL}/bukti/{bukti_id}").status_code == 404
    r = client_as("pegawai").post(f"{URL}/laporan/{lap.pk}/bukti", {"berkas": [exe_pdf()]})
    assert r.status_code == 422
    assert client_as("pegawai").delete(f"{URL}/bukti/{bukti_id}").status_code == 204
    assert BuktiDukung.objects.count() == 0


def test_manual_realisasi_via_api(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    isi = {"indikator_id": d["kualitas"].pk, "tanggal": hari(0).isoformat(), "nilai": "91"}
    r = client_as("pegawai").post(f"{URL}/realisasi-manual", isi | {"berkas": [pdf()]})
    assert r.status_code == 201, r.content
    mid = r.json()["id"]
    assert (
        client_as("pimpinan_opd").post(f"{URL}/realisasi-manual/{mid}/setujui").status_code == 403
    )
    assert client_as("atasan").post(f"{URL}/realisasi-manual/{mid}/setujui").status_code == 200
    rows = (
        client_as("atasan")
        .get(
            f"{URL}/realisasi",
            {
                "mulai": hari(0).isoformat(),
                "selesai": hari(0).isoformat(),
                "pegawai_id": kota.pegawai.pk,
            },
        )
        .json()
    )
    assert {x["indikator_id"]: Decimal(x["nilai"]) for x in rows}[d["kualitas"].pk] == Decimal(91)
    assert (
        client_as("luar_opd")
        .get(
            f"{URL}/realisasi",
            {
                "mulai": hari(0).isoformat(),
                "selesai": hari(0).isoformat(),
                "pegawai_id": kota.pegawai.pk,
            },
        )
        .status_code
        == 404
    )
