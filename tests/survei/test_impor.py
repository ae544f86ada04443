"""Paper-survey import: per-row errors in Indonesian, all or nothing, dry run then apply."""

from __future__ import annotations

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from kinerja.survei.models import Respons, Sumber
from tests.factories import KotaKecil
from tests.survei.factories import buat_unit_layanan

HEADER = ["tanggal", "kode_unit_layanan", "jenis_layanan"] + [f"U{i}" for i in range(1, 10)]
HEADER += ["usia", "jenis_kelamin", "pendidikan", "pekerjaan", "saran"]
BAIK = ["2026-01-05", "dukcapil-ktp", "Perekaman KTP-el", *[3] * 9, "30-39", "P", "SMA/SMK", "", ""]


def xlsx(*baris: list[object]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in (HEADER, *baris):
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def unggah(client, nama: str, konten: bytes):  # type: ignore[no-untyped-def]
    return client.post("/survei/impor/", {"berkas": SimpleUploadedFile(nama, konten)})


def test_it_reports_each_bad_row_in_indonesian_and_stores_nothing(
    kota: KotaKecil, client_as
) -> None:
    buat_unit_layanan(kota)
    client = client_as("admin_bkpsdmd")
    skor5 = [*BAIK[:3], 5, *BAIK[4:]]
    hilang = [*BAIK[:5], None, *BAIK[6:]]
    tak_dikenal = [BAIK[0], "loket-hantu", *BAIK[2:]]
    tanggal_salah = ["31/02/2026", *BAIK[1:]]
    response = unggah(client, "kertas.xlsx", xlsx(BAIK, skor5, hilang, tak_dikenal, tanggal_salah))
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    rows = re.findall(
        r'<tr class="row-error"><td[^>]*>(\d+)</td><td[^>]*>([^<]+)</td><td[^>]*>([^<]+)<', html
    )
    assert ("3", "U1", "Nilai unsur 1 harus 1, 2, 3 atau 4 (tertulis: 5).") in rows
    assert ("4", "U3", "Unsur 3 belum dijawab.") in rows
    assert ("5", "kode_unit_layanan", "Unit layanan &#x27;loket-hantu&#x27; tidak dikenal.") in rows
    assert ("6", "tanggal", "Tanggal tidak valid (pakai YYYY-MM-DD atau DD/MM/YYYY).") in rows
    assert "Terapkan" not in html
    assert client.post(response["Location"]).status_code == 302
    assert Respons.objects.count() == 0


def test_a_clean_file_is_checked_then_applied_once(kota: KotaKecil, client_as) -> None:
    buat_unit_layanan(kota)
    client = client_as("pimpinan_opd")
    response = unggah(client, "kertas.xlsx", xlsx(BAIK, [*BAIK[:3], *[4] * 9, *BAIK[12:]]))
    detail = response["Location"]
    assert "Semua 2 baris benar." in client.get(detail).content.decode()
    assert Respons.objects.count() == 0  # the dry run stores no answer
    client.post(detail)
    assert Respons.objects.filter(sumber=Sumber.KERTAS).count() == 2
    first = Respons.objects.order_by("pk").first()
    assert first is not None and first.pendidikan == "sma" and first.jenis_layanan is not None
    again = client.post(detail, follow=True)
    assert "Berkas ini sudah diterapkan." in again.content.decode()
    assert Respons.objects.count() == 2


def test_a_semicolon_csv_is_read_and_a_missing_column_is_named(kota: KotaKecil, client_as) -> None:
    buat_unit_layanan(kota)
    client = client_as("admin_bkpsdmd")
    csv = "tanggal;kode_unit_layanan;" + ";".join(f"U{i}" for i in range(1, 10)) + "\n"
    csv += "05/01/2026;dukcapil-ktp;" + ";".join("2" * 9) + "\n"
    assert unggah(client, "k.csv", csv.encode()).status_code == 302
    tanpa_u9 = csv.replace(";U9", "").replace(";2\n", "\n")
    html = unggah(client, "k.csv", tanpa_u9.encode()).content.decode()
    assert "Kolom wajib tidak ada: U9." in html


def test_a_file_that_is_not_a_spreadsheet_is_refused(kota: KotaKecil, client_as) -> None:
    html = unggah(client_as("admin_bkpsdmd"), "foto.png", b"\x89PNG....").content.decode()
    assert "Jenis berkas tidak didukung" in html


def test_the_dry_run_report_keeps_a_fixed_query_count(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:
    buat_unit_layanan(kota)
    client = client_as("admin_bkpsdmd")
    salah = [[*BAIK[:3], 5, *BAIK[4:]] for _ in range(150)]
    detail = unggah(client, "banyak.xlsx", xlsx(*salah))["Location"]
    with django_assert_max_num_queries(12):
        html = client.get(detail).content.decode()
    assert html.count('class="row-error"') == 100  # first page of 150 row errors
