"""Staff pages: list, IKM page, suspicious list, poster with QR, PDF report, export, officers."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import zxingcpp
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from kinerja.survei import services
from kinerja.survei.models import PengaturanSurvei, Respons, StatusRespons, UnitLayanan
from tests.factories import KotaKecil
from tests.survei.factories import buat_respons, buat_unit_layanan

TAHUN = timezone.localdate().year


def isi_banyak(unit: UnitLayanan, n: int = 30) -> None:
    jenis = list(unit.jenis_set.all())
    for i in range(n):
        buat_respons(
            unit,
            [3, 4, 3, 4, 3, 3, 4, 3, 3],
            tanggal=dt.date(TAHUN, 1 + i % 12, 1 + i % 27),
            jenis_layanan=jenis[i % len(jenis)],
            saran=f"Saran ke-{i}",
            usia="30-39" if i % 2 else "",
        )
    buat_respons(
        unit,
        [1] * 9,
        tanggal=dt.date(TAHUN, 2, 2),
        status=StatusRespons.MENCURIGAKAN,
        alasan=["Kolom jebakan (honeypot) terisi: kemungkinan bot."],
    )


def test_the_ikm_page_counts_answers_in_a_fixed_number_of_queries(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:
    unit = buat_unit_layanan(kota)
    isi_banyak(unit, 40)
    client = client_as("pimpinan_opd")
    with django_assert_max_num_queries(18):
        response = client.get(f"/survei/unit/{unit.pk}/?periode={TAHUN}")
    html = response.content.decode()
    assert response.status_code == 200
    # NRR 3,3,3... → (3+4+3+4+3+3+4+3+3)/9 × 25 = 83.33 → B
    assert "83,33" in html and "Baik" in html
    assert "<strong>40</strong><span>responden</span>" in html
    assert html.count("Saran ke-") == 20 and "<svg" in html  # first page of 40


def test_the_list_shows_each_unit_with_its_ikm_in_a_fixed_number_of_queries(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:
    for i in range(6):
        unit = buat_unit_layanan(kota, kode=f"loket-{i}")
        buat_respons(unit, [4] * 9, tanggal=dt.date(TAHUN, 3, 1))
    client = client_as("admin_bkpsdmd")
    with django_assert_max_num_queries(11):
        html = client.get("/survei/").content.decode()
    assert html.count("100,00") == 6


def test_the_suspicious_list_shows_the_reasons(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:
    unit = buat_unit_layanan(kota)
    for _ in range(30):
        buat_respons(unit, [1] * 9, status=StatusRespons.MENCURIGAKAN, alasan=["Duplikat"])
    client = client_as("admin_bkpsdmd")
    with django_assert_max_num_queries(11):
        response = client.get("/survei/mencurigakan/")
    assert response.content.decode().count("<li>Duplikat</li>") == 30


def test_the_poster_pdf_carries_a_qr_that_decodes_to_the_survey_link(
    kota: KotaKecil, client_as
) -> None:
    unit = buat_unit_layanan(kota)
    response = client_as("pegawai").get(f"/survei/unit/{unit.pk}/poster.pdf")
    assert response["Content-Type"] == "application/pdf"
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert "Loket KTP-el Disdukcapil" in page.extract_text()
    image = Image.open(io.BytesIO(page.images[0].data))
    decoded = [b.text for b in zxingcpp.read_barcodes(image)]
    assert decoded == ["http://testserver/s/dukcapil-ktp/"]


def test_the_ikm_report_pdf_has_the_table_the_mutu_and_the_suggestions(
    kota: KotaKecil, client_as
) -> None:
    unit = buat_unit_layanan(kota)
    isi_banyak(unit, 12)
    response = client_as("atasan").get(f"/survei/unit/{unit.pk}/laporan.pdf?periode={TAHUN}")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Laporan Indeks Kepuasan Masyarakat" in text
    assert "83,33" in text and "Baik" in text
    assert "Saran ke-11" in text and "Penanganan pengaduan" in text


def test_the_export_gives_every_response_with_its_status_in_xlsx_and_csv(
    kota: KotaKecil, client_as
) -> None:
    unit = buat_unit_layanan(kota)
    isi_banyak(unit, 5)
    client = client_as("admin_bkpsdmd")
    xlsx = client.get(f"/survei/unit/{unit.pk}/ekspor/?periode={TAHUN}&format=xlsx")
    rows = list(openpyxl.load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("tanggal", "unit_layanan", "jenis_layanan", "U1")
    status = rows[0].index("status")
    assert sorted(r[status] for r in rows[1:]) == ["mencurigakan"] + ["valid"] * 5
    csv = client.get(f"/survei/unit/{unit.pk}/ekspor/?periode={TAHUN}&format=csv")
    assert csv.content.decode("utf-8-sig").count("dukcapil-ktp") == 6


def test_a_leader_adds_a_unit_layanan_and_a_taken_code_is_refused_in_indonesian(
    kota: KotaKecil, client_as
) -> None:
    buat_unit_layanan(kota)
    client = client_as("pimpinan_opd")
    data = {
        "nama": "Loket Akta",
        "kode": "dukcapil-akta",
        "unit_kerja": kota.bidang.pk,
        "jenis": "Akta kelahiran\nAkta kematian\n",
        "aktif": "on",
    }
    assert client.post("/survei/unit/tambah/", data).status_code == 302
    unit = UnitLayanan.objects.get(kode="dukcapil-akta")
    assert [j.nama for j in unit.jenis_set.all()] == ["Akta kelahiran", "Akta kematian"]
    again = client.post("/survei/unit/tambah/", data | {"kode": "dukcapil-ktp"})
    assert "Unit layanan dengan Kode tautan telah ada." in again.content.decode()
    other_opd = client.post(
        "/survei/unit/tambah/", data | {"kode": "x-1", "unit_kerja": kota.dinas_lain.pk}
    )
    assert other_opd.status_code == 200 and not UnitLayanan.objects.filter(kode="x-1").exists()


def test_an_officer_sees_the_summary_only_from_the_minimum_number_of_answers(
    kota: KotaKecil, client_as
) -> None:
    unit = buat_unit_layanan(kota)
    PengaturanSurvei.objects.create(instansi=kota.instansi, min_responden_petugas=3)
    for _ in range(2):
        buat_respons(unit, [4] * 9, tanggal=dt.date(TAHUN, 5, 5), petugas=kota.pegawai)
    client = client_as("pegawai")
    assert (
        "Ringkasan ditampilkan mulai 3 responden"
        in client.get(f"/survei/petugas/saya/?periode={TAHUN}").content.decode()
    )
    buat_respons(unit, [4] * 9, tanggal=dt.date(TAHUN, 5, 6), petugas=kota.pegawai)
    assert "100,00" in client.get(f"/survei/petugas/saya/?periode={TAHUN}").content.decode()
    atasan = client_as("atasan").get(f"/survei/petugas/{kota.pegawai.pk}/?periode={TAHUN}")
    assert "100,00" in atasan.content.decode()


def test_the_service_refuses_a_unit_kerja_of_another_instansi(kota: KotaKecil) -> None:
    from django.core.exceptions import ValidationError

    from kinerja.organisasi.models import Instansi

    lain = Instansi.objects.create(kode="LAIN", nama="Kota Lain")
    try:
        services.unit_layanan_create(instansi=lain, unit_kerja=kota.seksi, kode="abc", nama="X")
    except ValidationError as exc:
        assert "bukan milik instansi" in str(exc)
    else:
        raise AssertionError("expected a ValidationError")
    assert Respons.objects.count() == 0


def test_the_public_results_and_the_officer_page_keep_a_fixed_query_count(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:
    unit = buat_unit_layanan(kota)
    for i in range(40):
        buat_respons(unit, [3] * 9, tanggal=dt.date(TAHUN, 1 + i % 12, 2), petugas=kota.pegawai)
    anonim = client_as("anonim")
    with django_assert_max_num_queries(4):
        assert anonim.get(f"/s/{unit.kode}/hasil/?periode={TAHUN}").status_code == 200
    pegawai = client_as("pegawai")
    with django_assert_max_num_queries(14):
        html = pegawai.get(f"/survei/petugas/saya/?periode={TAHUN}").content.decode()
    assert "75,00" in html
