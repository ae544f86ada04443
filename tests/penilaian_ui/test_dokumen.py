"""Documents and exports opened for real: PDF (pypdf), XLSX (openpyxl), CSV; the signed QR
code; the bulk job with its progress."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja.penilaian import dokumen, dokumen_massal, services
from kinerja.skp.models import Skp
from tests.penilaian_ui.util import kasus, tambah_dinilai

pytestmark = pytest.mark.django_db


def _teks_pdf(konten: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(konten)).pages)


def test_pdf_evaluasi_dengan_kode_verifikasi(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota, kunci=True)
    r = client_as("pegawai").get(reverse("penilaian:evaluasi_pdf", args=[k.ev.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    teks = _teks_pdf(r.content)
    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in teks
    assert kota.pegawai.nip in teks and "Baik" in teks
    kode = dokumen.kode_verifikasi(k.ev)
    assert kode in teks.replace("\n", "")


def test_verifikasi_kode_asli_palsu_dan_basi(kota, client) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota, keberatan=True)
    kode = dokumen.kode_verifikasi(k.ev)
    r = client.get(reverse("penilaian:verifikasi", args=[kode]))
    assert r.status_code == 200
    html = r.content.decode()
    assert "ASLI dan masih berlaku" in html and kota.pegawai.nip not in html  # NIP masked
    pk, revisi, tanda = kode.split("-")
    palsu = f"{pk}-{revisi}-{'0' * 12 if tanda != '0' * 12 else '1' * 12}"
    assert client.get(reverse("penilaian:verifikasi", args=[palsu])).status_code == 404
    lain = f"{int(pk) + 1}-{revisi}-{tanda}"
    assert client.get(reverse("penilaian:verifikasi", args=[lain])).status_code == 404
    assert k.keberatan is not None
    services.keberatan_putus(
        keberatan=k.keberatan,
        oleh=kota.kabid,
        keputusan="diubah",
        alasan="Bukti sah",
        rating_hasil="di_atas",
        rating_perilaku="di_atas",
    )
    html = client.get(reverse("penilaian:verifikasi", args=[kode])).content.decode()
    assert "sudah diubah setelah dicetak" in html and "Sangat Baik" in html


def test_rekap_xlsx_per_tingkat(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota)
    tambah_dinilai(kota, k.d, 3)
    admin = client_as("admin_bkpsdmd")
    q = f"?periode={k.d.periode.pk}&jendela=p1"
    for tingkat, nama in (("opd", kota.dinas.nama), ("unit", kota.seksi.nama), ("kota", "")):
        r = admin.get(reverse("penilaian:ekspor_rekap") + q + f"&tingkat={tingkat}")
        assert r.status_code == 200
        ws = load_workbook(io.BytesIO(r.content)).active
        rows = [list(x) for x in ws.iter_rows(values_only=True)]
        kepala = next(i for i, row in enumerate(rows) if row[1] == "Evaluasi")
        data = rows[kepala + 1 :]
        assert len(data) == 1
        if nama:
            assert data[0][0] == nama
        assert data[0][1] == 5  # evaluations: pegawai, kepala seksi, 3 more
        assert data[0][2] == 5  # all rated
        kolom = rows[kepala]
        assert data[0][kolom.index("Baik")] >= 2


def test_angka_kredit_xlsx_fungsional(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota)
    Skp.objects.filter(pk=k.ev.skp_id).update(jabatan=kota.j_analis)  # Ahli Pertama, 12.5
    r = client_as("admin_bkpsdmd").get(
        reverse("penilaian:ekspor_angka_kredit") + f"?periode={k.d.periode.pk}&jendela=p1"
    )
    ws = load_workbook(io.BytesIO(r.content)).active
    rows = [list(x) for x in ws.iter_rows(values_only=True)]
    baris = next(row for row in rows if row[1] == kota.pegawai.nip)
    # Baik 100 % × 12.5 × 3/12 months = 3.125 → 3.13 (half-up)
    assert baris[2] == "Ahli Pertama" and baris[6] == 3 and baris[7] == pytest.approx(3.13)


def test_tpp_csv_dan_xlsx(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota, kunci=True)
    pimpinan = client_as("pimpinan_opd")
    url = reverse("penilaian:ekspor_tpp") + f"?periode={k.d.periode.pk}&bulan=2"
    r = pimpinan.get(url + "&format=csv")
    assert r["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    saya = next(x for x in rows if x["nip"] == kota.pegawai.nip)
    assert (saya["predikat"], saya["persen_tpp"], saya["bulan"]) == ("baik", "100.00", "2")
    r = pimpinan.get(url + "&format=xlsx")
    ws = load_workbook(io.BytesIO(r.content)).active
    assert any(row[0] == kota.pegawai.nip for row in ws.iter_rows(values_only=True))
    r = pimpinan.get(reverse("penilaian:ekspor_tpp") + f"?periode={k.d.periode.pk}&bulan=13")
    assert r.status_code == 404


def test_pdf_massal_berjalan_dengan_progres(kota, client_as, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota, kunci=True)
    dicatat: list[tuple[int, int]] = []
    asli = dokumen_massal._PROGRESS.tulis

    def catat(job_id, selesai, total):  # type: ignore[no-untyped-def]
        dicatat.append((selesai, total))
        asli(job_id, selesai, total)

    monkeypatch.setattr(dokumen_massal._PROGRESS, "tulis", catat)
    pimpinan = client_as("pimpinan_opd")
    r = pimpinan.post(
        reverse("penilaian:massal"),
        {"unit": kota.dinas.pk, "periode": k.d.periode.pk, "jendela": "p1"},
    )
    assert r.status_code == 302
    job = r["Location"].rstrip("/").split("/")[-1]
    assert dicatat == [(1, 2), (2, 2)]
    html = pimpinan.get(reverse("penilaian:massal_detail", args=[job])).content.decode()
    assert "2 PDF evaluasi siap" in html
    r = pimpinan.get(reverse("penilaian:massal_unduh", args=[job]))
    isi = b"".join(r.streaming_content)
    with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
        nama = arsip.namelist()
        assert len(nama) == 2
        assert all(n.endswith(".pdf") for n in nama)
        assert arsip.read(nama[0]).startswith(b"%PDF")
    # somebody else's job is not there
    assert (
        client_as("admin_bkpsdmd").get(reverse("penilaian:massal_detail", args=[job])).status_code
        == 404
    )
