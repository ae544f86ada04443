"""The SKP as PDF and XLSX, and the public verification page behind its QR code."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja.laporan.qr import qr_png, qr_svg
from kinerja.skp import dokumen
from kinerja.skp.models import Skp, StatusSkp
from tests.factories import KotaKecil
from tests.skp.bahan_dokumen import Cascade, buat_cascade, buat_skp, setujui

KODE = "K7QM4TXA"


@pytest.fixture
def cascade(kota: KotaKecil) -> Cascade:
    return buat_cascade(kota)


def _teks_pdf(konten: bytes) -> str:
    reader = PdfReader(io.BytesIO(konten))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _pdf(client: Client, skp: Skp) -> bytes:
    response = client.get(reverse("skp_dokumen_pdf", kwargs={"pk": skp.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    return response.content


def test_it_renders_an_approved_skp_as_pdf_with_every_table_row(
    cascade: Cascade, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    setujui(cascade.skp_pegawai, kota.atasan, KODE)
    teks = _teks_pdf(_pdf(client_as("pegawai"), cascade.skp_pegawai))
    assert "SASARAN KINERJA PEGAWAI" in teks
    for potongan in (
        "Terverifikasinya berkas permohonan KTP-el",
        "Terbitnya KTP-el tepat waktu",  # the RHK pimpinan yang diintervensi
        "Jumlah berkas terverifikasi",
        "1200 berkas",
        "Waktu verifikasi per berkas",
        "Tertatanya arsip permohonan",
        "Terlaksananya piket layanan Sabtu",
        "12 kali",
        kota.pegawai.nip,
        kota.atasan.nama_lengkap,
        "Berorientasi Pelayanan",
        "Kolaboratif",
        "Pangkalpinang",
        KODE,
        "Disetujui secara digital",
    ):
        assert potongan in teks, potongan
    assert "DRAF" not in teks
    # utama before tambahan, rows numbered in order
    assert teks.index("Tertatanya arsip") < teks.index("Tambahan") < teks.index("piket layanan")


def test_the_approved_pdf_shows_the_frozen_snapshot_not_later_edits(
    cascade: Cascade, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    setujui(cascade.skp_pegawai, kota.atasan, KODE)
    cascade.rhk_pegawai[0].teks = "Teks yang diubah diam-diam"
    cascade.rhk_pegawai[0].save()
    teks = _teks_pdf(_pdf(client_as("pegawai"), cascade.skp_pegawai))
    assert "Terverifikasinya berkas permohonan KTP-el" in teks
    assert "diubah diam-diam" not in teks


def test_a_draft_pdf_says_it_is_not_approved_and_has_no_code(cascade: Cascade, client_as) -> None:  # type: ignore[no-untyped-def]
    teks = _teks_pdf(_pdf(client_as("pegawai"), cascade.skp_pegawai))
    assert "DRAF — belum disetujui" in teks
    assert "Terverifikasinya berkas permohonan KTP-el" in teks
    assert "Kode verifikasi" not in teks


def test_the_qr_in_the_pdf_encodes_the_verification_url(
    cascade: Cascade, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    import zxingcpp
    from PIL import Image

    versi = setujui(cascade.skp_pegawai, kota.atasan, KODE)
    url = "http://testserver" + reverse("skp_verifikasi", kwargs={"kode": KODE})
    data, _ = dokumen.skp_data(dokumen.skp_dengan_isi(Skp.objects.filter(pk=versi.skp_id)).get())
    konteks = dokumen.dokumen_konteks(data, versi=versi, verifikasi_url=url)
    assert konteks["qr"] == qr_svg(url, scale=2)  # the SVG placed in the PDF template
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_png(url))))
    assert [d.text for d in decoded] == [url]
    assert url in _teks_pdf(_pdf(client_as("pegawai"), cascade.skp_pegawai)).replace(" ", "")


def test_it_exports_the_same_table_as_xlsx(cascade: Cascade, kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    setujui(cascade.skp_pegawai, kota.atasan, KODE)
    response = client_as("atasan").get(
        reverse("skp_dokumen_xlsx", kwargs={"pk": cascade.skp_pegawai.pk})
    )
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = [tuple(row) for row in ws.iter_rows(values_only=True)]
    header = [r[:6] for r in rows].index(tuple(dokumen.KOLOM_TABEL))
    body = [r[:6] for r in rows[header + 1 :]]
    assert body[0][0] == "Utama"
    assert body[1] == (
        1,
        "Terbitnya KTP-el tepat waktu",
        "Terverifikasinya berkas permohonan KTP-el",
        "Kuantitas",
        "Jumlah berkas terverifikasi",
        "1200 berkas",
    )
    assert body[2][3:] == ("Waktu", "Waktu verifikasi per berkas", "1 hari")
    assert body[3][:3] == (2, "Terkelolanya arsip identitas", "Tertatanya arsip permohonan")
    assert body[4][0] == "Tambahan"
    assert body[5][2] == "Terlaksananya piket layanan Sabtu"
    assert any(r[1] == KODE for r in rows)


def test_the_verification_page_confirms_the_version_without_login(
    cascade: Cascade, kota: KotaKecil, client
) -> None:  # type: ignore[no-untyped-def]
    setujui(cascade.skp_pegawai, kota.atasan, KODE)
    response = client.get(reverse("skp_verifikasi", kwargs={"kode": KODE.lower()}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dokumen sah." in html
    assert kota.pegawai.nama_lengkap in html
    assert kota.atasan.nama_lengkap in html
    assert "versi 1" in html
    assert kota.pegawai.nip not in html  # masked on a public page
    assert "Ini versi terbaru" in html


def test_the_verification_page_warns_when_a_newer_version_was_approved(
    cascade: Cascade, kota: KotaKecil, client
) -> None:  # type: ignore[no-untyped-def]
    setujui(cascade.skp_pegawai, kota.atasan, KODE)
    Skp.objects.filter(pk=cascade.skp_pegawai.pk).update(aktif=False)
    baru = buat_skp(
        cascade.periode,
        kota.pegawai,
        kota.atasan,
        jabatan="Pengadministrasi",
        unit="Dinas",
        versi=2,
    )
    setujui(baru, kota.atasan, "NEWER234")
    html = client.get(reverse("skp_verifikasi", kwargs={"kode": KODE})).content.decode()
    assert "versi yang lebih baru (versi 2)" in html


def test_an_unknown_code_answers_404_with_a_friendly_page(db, client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse("skp_verifikasi", kwargs={"kode": "TIDAKADA"}))
    assert response.status_code == 404
    assert "Kode tidak ditemukan" in response.content.decode()


def test_the_code_form_leads_to_the_verification_page(db, client) -> None:  # type: ignore[no-untyped-def]
    assert client.get(reverse("skp_verifikasi_cari")).status_code == 200
    response = client.get(reverse("skp_verifikasi_cari"), {"kode": " k7qm 4txa "})
    assert response.status_code == 302
    assert response["Location"] == reverse("skp_verifikasi", kwargs={"kode": KODE})


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("pegawai", 200),
        ("atasan", 200),
        ("pimpinan_opd", 200),
        ("admin_bkpsdmd", 200),
        ("luar_opd", 404),
        ("anonim", 302),
    ],
)
def test_only_people_in_scope_download_an_skp(
    cascade: Cascade, client_as, persona: str, status: int
) -> None:  # type: ignore[no-untyped-def]
    for name in ("skp_dokumen_pdf", "skp_dokumen_xlsx"):
        url = reverse(name, kwargs={"pk": cascade.skp_pegawai.pk})
        assert client_as(persona).get(url).status_code == status


def test_a_bawahan_cannot_download_the_atasan_skp(cascade: Cascade, client_as) -> None:  # type: ignore[no-untyped-def]
    url = reverse("skp_dokumen_pdf", kwargs={"pk": cascade.skp_atasan.pk})
    assert client_as("pegawai").get(url).status_code == 404


def test_the_pdf_view_uses_a_fixed_number_of_queries(
    cascade: Cascade, kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pegawai")
    with django_assert_max_num_queries(14):
        _pdf(client, cascade.skp_pegawai)


def test_the_file_name_names_year_nip_and_version(cascade: Cascade, kota: KotaKecil) -> None:
    skp = dokumen.skp_dengan_isi(Skp.objects.filter(pk=cascade.skp_pegawai.pk)).get()
    data, versi = dokumen.skp_data(skp)
    assert versi is None and skp.status == StatusSkp.DRAFT
    assert dokumen.nama_berkas(data, "pdf") == f"SKP-2026-{kota.pegawai.nip}-v1.pdf"
    assert re.fullmatch(r"SKP-\d{4}-\d{18}-v\d+\.xlsx", dokumen.nama_berkas(data, "xlsx"))


def test_an_skp_approved_through_the_services_is_verified_by_its_code(
    kota: KotaKecil, client_as, client
) -> None:  # type: ignore[no-untyped-def]
    from kinerja.skp import services
    from tests.skp.util import isi_rhk, rantai

    data = rantai(kota)
    skp: Skp = data["skp"]  # type: ignore[assignment]
    isi_rhk(skp, "Berkas KTP-el diverifikasi", rhk_atasan=data["rhk_atasan"])  # type: ignore[arg-type]
    skp = services.skp_submit(skp=skp, oleh=kota.pegawai, revisi=skp.revisi)
    versi = services.skp_approve(skp=skp, oleh=kota.atasan)
    teks = _teks_pdf(_pdf(client_as("pegawai"), skp))
    assert "Berkas KTP-el diverifikasi" in teks and "KTP-el tercetak tepat waktu" in teks
    assert versi.kode in teks and "DRAF" not in teks
    html = client.get(reverse("skp_verifikasi", kwargs={"kode": versi.kode})).content.decode()
    assert "Dokumen sah." in html and kota.atasan.nama_lengkap in html
