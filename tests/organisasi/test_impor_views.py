from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kinerja.organisasi import services
from kinerja.organisasi.impor import impor_baca
from kinerja.organisasi.impor.batch import progress_tulis
from kinerja.organisasi.models import ImporBatch, Instansi, Pegawai, StatusImpor
from tests.conftest import PERSONAS
from tests.factories import KotaKecil
from tests.organisasi.impor_berkas import (
    NIP_ANDI,
    NIP_BUDI,
    berkas_baik,
    buat_batch,
    jabatan_rows,
    pegawai_rows,
    unit_rows,
    xlsx,
)


@pytest.fixture(autouse=True)
def _var(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.VAR_DIR = tmp_path


def unggah(client: Client, konten: bytes, nama: str = "organisasi.xlsx", **data: str) -> Any:
    berkas = SimpleUploadedFile(nama, konten)
    return client.post(reverse("impor_index"), {"berkas": berkas, **data})


# --- access ------------------------------------------------------------------------------------

EXPECTED = dict.fromkeys(PERSONAS, 403) | {"anonim": 302}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("name", "method", "ok"),
    [
        ("impor_index", "get", 200),
        ("impor_template", "get", 200),
        ("impor_detail", "get", 200),
        ("impor_terapkan", "post", 302),
    ],
)
def test_only_admin_bkpsdmd_reaches_the_import_pages(
    persona: str, name: str, method: str, ok: int, kota: KotaKecil, client_as: Any
) -> None:
    kwargs = {"pk": buat_batch(kota).pk} if name in {"impor_detail", "impor_terapkan"} else {}
    response = getattr(client_as(persona), method)(reverse(name, kwargs=kwargs))
    expected = ok if persona == "admin_bkpsdmd" else EXPECTED[persona]
    assert response.status_code == expected, f"{persona} {name}"
    if persona == "anonim":
        assert response["Location"].startswith("/masuk/")
    if persona != "admin_bkpsdmd":
        assert not Pegawai.objects.filter(nip=NIP_ANDI).exists()  # nobody else applied it


@pytest.mark.parametrize(("name", "method"), [("impor_detail", "get"), ("impor_terapkan", "post")])
def test_a_batch_of_another_instansi_is_not_found(
    name: str, method: str, kota: KotaKecil, client_as: Any
) -> None:
    lain = Instansi.objects.create(kode="BBL", nama="Pemerintah Kabupaten Bangka Barat")
    batch = buat_batch(kota, konten=xlsx(unit=unit_rows()), instansi=lain)
    assert batch.status == StatusImpor.DIPERIKSA_OK
    response = getattr(client_as("admin_bkpsdmd"), method)(reverse(name, args=[batch.pk]))
    assert response.status_code == 404
    batch.refresh_from_db()
    assert batch.status == StatusImpor.DIPERIKSA_OK


# --- upload and dry run ------------------------------------------------------------------------


def test_an_upload_with_errors_shows_them_by_row_and_column(
    kota: KotaKecil, client_as: Any
) -> None:
    rows = pegawai_rows()
    rows[2][0] = "198513992010012002"
    client = client_as("admin_bkpsdmd")
    response = unggah(client, xlsx(unit=unit_rows(), jabatan=jabatan_rows(), pegawai=rows))
    batch = ImporBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/impor/{batch.pk}/"
    assert batch.status == StatusImpor.DIPERIKSA_GALAT and batch.dibuat_oleh == kota.admin
    page = client.get(response["Location"]).content.decode()
    assert page.count('class="row-error"') == 1
    assert 'data-label="Baris">3<' in page and "<code>nip</code>" in page
    assert "Tanggal lahir pada NIP tidak valid" in page
    assert reverse("impor_terapkan", args=[batch.pk]) not in page
    assert not Pegawai.objects.filter(nip=NIP_ANDI).exists()


def test_a_clean_upload_is_applied_with_the_terapkan_button(
    kota: KotaKecil, client_as: Any
) -> None:
    client = client_as("admin_bkpsdmd")
    detail = unggah(client, berkas_baik())["Location"]
    page = client.get(detail).content.decode()
    batch = ImporBatch.objects.get()
    assert batch.status == StatusImpor.DIPERIKSA_OK
    assert reverse("impor_terapkan", args=[batch.pk]) in page and "Terapkan" in page
    assert not Pegawai.objects.filter(nip=NIP_ANDI).exists()  # the dry run wrote nothing

    response = client.post(reverse("impor_terapkan", args=[batch.pk]))
    assert response.status_code == 302 and response["Location"] == detail
    batch.refresh_from_db()
    assert batch.status == StatusImpor.SELESAI and batch.selesai_pada is not None
    assert batch.progress_selesai == batch.progress_total == 9
    assert batch.laporan["diterapkan"] is True
    assert Pegawai.objects.filter(nip=NIP_ANDI, instansi=kota.instansi).exists()
    page = client.get(detail).content.decode()
    assert "Impor diterapkan pada" in page and 'hx-trigger="every 1s"' not in page


def test_a_reimport_shows_what_changed(kota: KotaKecil, client_as: Any) -> None:
    client = client_as("admin_bkpsdmd")
    unggah(client, berkas_baik())
    client.post(reverse("impor_terapkan", args=[ImporBatch.objects.get().pk]))
    rows = pegawai_rows()
    rows[2][1] = "Budi Santoso"
    detail = unggah(client, xlsx(pegawai=rows), nama="ulang.xlsx")["Location"]
    batch = ImporBatch.objects.get(nama_file="ulang.xlsx")
    client.post(reverse("impor_terapkan", args=[batch.pk]))
    page = client.get(detail).content.decode()
    assert "Yang berubah" in page and NIP_BUDI in page
    assert "Budi Hartono" in page and "Budi Santoso" in page
    assert Pegawai.objects.get(nip=NIP_BUDI).nama == "Budi Santoso"


def test_a_csv_upload_uses_the_chosen_kind(kota: KotaKecil, client_as: Any) -> None:
    teks = f"\ufeffnip;nama;status_asn\n{NIP_ANDI};Andi;PNS\n".encode()
    response = unggah(client_as("admin_bkpsdmd"), teks, nama="pegawai.csv", jenis="pegawai")
    assert response.status_code == 302
    batch = ImporBatch.objects.get()
    assert batch.jenis == "pegawai" and batch.status == StatusImpor.DIPERIKSA_OK


@pytest.mark.parametrize(
    ("konten", "nama", "pesan"),
    [
        (b"%PDF-1.4 bukan excel", "data.xlsx", "bukan berkas XLSX yang sah"),
        (b"PK\x03\x04 rusak", "data.xlsx", "bukan berkas XLSX yang sah"),
        (b"\x00\x00\x00binary", "data.csv", "bukan teks CSV"),
    ],
)
def test_an_unreadable_upload_gets_a_clear_error_and_stores_nothing(
    konten: bytes, nama: str, pesan: str, kota: KotaKecil, client_as: Any
) -> None:
    response = unggah(client_as("admin_bkpsdmd"), konten, nama=nama)
    assert response.status_code == 200
    assert pesan in response.content.decode()
    assert ImporBatch.objects.count() == 0


def test_an_oversized_upload_is_rejected(kota: KotaKecil, client_as: Any, settings: Any) -> None:
    settings.IMPORT_MAX_BYTES = 2048
    response = unggah(client_as("admin_bkpsdmd"), berkas_baik())
    assert response.status_code == 200
    assert "Berkas terlalu besar" in response.content.decode()
    assert ImporBatch.objects.count() == 0


def test_the_template_downloads_as_a_readable_xlsx(kota: KotaKecil, client_as: Any) -> None:
    response = client_as("admin_bkpsdmd").get(reverse("impor_template"))
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "attachment" in response["Content-Disposition"]
    data = impor_baca(konten=response.content, nama_file="template.xlsx")
    assert set(data.lembar) == {"unit", "jabatan", "pegawai"}


# --- apply in the background -------------------------------------------------------------------


def test_the_detail_polls_with_a_progress_bar_while_running(
    kota: KotaKecil, client_as: Any
) -> None:
    batch = buat_batch(kota)
    ImporBatch.objects.filter(pk=batch.pk).update(status=StatusImpor.BERJALAN)
    progress_tulis(batch.pk, 5, 9)
    client = client_as("admin_bkpsdmd")
    url = reverse("impor_detail", args=[batch.pk])
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment
    assert f'hx-get="{url}"' in fragment and 'hx-trigger="every 1s"' in fragment
    assert '<progress class="progress" value="5" max="9">' in fragment
    full = client.get(url).content.decode()
    assert "<html" in full and 'hx-trigger="every 1s"' in full

    ImporBatch.objects.filter(pk=batch.pk).update(status=StatusImpor.SELESAI)
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in fragment and "<progress" not in fragment


def test_a_batch_that_became_invalid_fails_and_writes_nothing(
    kota: KotaKecil, client_as: Any
) -> None:
    batch = buat_batch(kota)
    lain = Instansi.objects.create(kode="BBL", nama="Pemerintah Kabupaten Bangka Barat")
    services.pegawai_create(instansi=lain, nip=NIP_ANDI, nama="Andi Lain")
    jumlah = Pegawai.objects.count()
    client = client_as("admin_bkpsdmd")
    client.post(reverse("impor_terapkan", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == StatusImpor.GAGAL
    assert "tidak ada data yang diubah" in batch.pesan
    assert Pegawai.objects.count() == jumlah
    page = client.get(reverse("impor_detail", args=[batch.pk])).content.decode()
    assert "sudah terdaftar di instansi lain" in page and 'class="row-error"' in page


def test_a_batch_cannot_be_applied_twice(kota: KotaKecil, client_as: Any) -> None:
    batch = buat_batch(kota)
    client = client_as("admin_bkpsdmd")
    client.post(reverse("impor_terapkan", args=[batch.pk]))
    jumlah = Pegawai.objects.count()
    response = client.post(reverse("impor_terapkan", args=[batch.pk]), follow=True)
    assert "tidak dapat diterapkan" in response.content.decode()
    assert Pegawai.objects.count() == jumlah


def test_a_batch_with_errors_cannot_be_applied(kota: KotaKecil, client_as: Any) -> None:
    batch = buat_batch(kota, konten=xlsx(pegawai=[["nip", "nama"], ["1", "X"]]))
    assert batch.status == StatusImpor.DIPERIKSA_GALAT
    client_as("admin_bkpsdmd").post(reverse("impor_terapkan", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == StatusImpor.DIPERIKSA_GALAT


def test_the_index_lists_batches_with_a_fixed_number_of_queries(
    kota: KotaKecil, client_as: Any, django_assert_max_num_queries: Any
) -> None:
    client = client_as("admin_bkpsdmd")
    buat_batch(kota)
    client.get(reverse("impor_index"))  # warm the session
    with django_assert_max_num_queries(12) as first:
        client.get(reverse("impor_index"))
    for _ in range(5):
        buat_batch(kota)
    with django_assert_max_num_queries(len(first.captured_queries)):
        page = client.get(reverse("impor_index")).content.decode()
    assert page.count("organisasi.xlsx") == 6


def test_the_error_table_is_paginated(kota: KotaKecil, client_as: Any) -> None:
    rows: list[list[Any]] = [["nip", "nama", "status_asn"]]
    rows += [[str(i), "X", "PNS"] for i in range(150)]
    batch = buat_batch(kota, konten=xlsx(pegawai=rows))
    client = client_as("admin_bkpsdmd")
    url = reverse("impor_detail", args=[batch.pk])
    assert client.get(url).content.decode().count('class="row-error"') == 100
    assert client.get(url + "?page=2").content.decode().count('class="row-error"') == 50


def test_the_template_link_and_explanation_are_on_the_index(
    kota: KotaKecil, client_as: Any
) -> None:
    page = client_as("admin_bkpsdmd").get(reverse("impor_index")).content.decode()
    assert reverse("impor_template") in page and 'enctype="multipart/form-data"' in page
