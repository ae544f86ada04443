"""The monthly progress report per OPD: values as at the end of the month, PDF and XLSX opened and
read back, access per persona (another OPD's leader: 404), query count independent of rows."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import formats, timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja.organisasi import services as org_services
from kinerja.organisasi.models import Peran
from kinerja.proyek import ekspor, services
from kinerja.proyek.models import Kendala
from tests.factories import KotaKecil
from tests.proyek_ekspor.util import PAGU, aware, bulan, kendala_pada, pada, proyek_berkurva

pytestmark = pytest.mark.django_db


def _riwayat(k: KotaKecil):  # type: ignore[no-untyped-def]
    """Last month: 20 % fisik, 20 % of the pagu, one kendala open, one resolved in the month;
    this month: 60 % and a new kendala (neither belongs in last month's report)."""
    proyek = proyek_berkurva(k)
    services.progres_lapor(
        proyek=proyek,
        oleh=k.pegawai,
        tanggal=pada(-1, 15),
        fisik=Decimal(20),
        keuangan=PAGU / 5,
        narasi="Pondasi selesai",
    )
    kendala_pada(k, proyek, "Penyedia terlambat mengirim material", pada(-1, 5))
    selesai = kendala_pada(k, proyek, "Izin galian belum terbit", pada(-1, 3), tingkat="sedang")
    services.kendala_selesaikan(kendala=selesai, oleh=k.pimpinan, resolusi="Izin terbit")
    Kendala.objects.filter(pk=selesai.pk).update(diselesaikan_pada=aware(pada(-1, 20)))
    services.progres_lapor(
        proyek=proyek,
        oleh=k.pegawai,
        tanggal=timezone.localdate(),
        fisik=Decimal(60),
        keuangan=PAGU / 2,
    )
    kendala_pada(k, proyek, "Cuaca buruk minggu ini", timezone.localdate(), tingkat="rendah")
    return proyek


def test_values_are_taken_as_at_the_end_of_the_month(kota: KotaKecil) -> None:
    proyek = _riwayat(kota)
    laporan = ekspor.laporan_bulanan(kota.dinas, bulan(-1))
    (b,) = laporan.baris
    assert b.proyek == proyek
    assert b.fisik == Decimal(20) and b.keuangan == PAGU / 5
    assert b.fisik_rencana == Decimal(45)  # the plan at the end of month -1
    assert b.deviasi == Decimal(-25)
    assert b.keuangan_persen == Decimal(20) and b.keuangan_rencana_persen == Decimal(45)
    assert b.peringatan == "merah"  # 25 points behind > 20
    assert any("tertinggal 25 poin" in a for a in b.alasan)
    assert [k.judul for k in b.kendala] == ["Penyedia terlambat mengirim material"]
    assert laporan.kepala is not None and laporan.kepala.nip == kota.pimpinan.nip
    # the running month sees today's update and the new kendala
    kini = ekspor.laporan_bulanan(kota.dinas, bulan(0))
    if kini.baris:  # same budget year (always, except in January)
        assert kini.baris[0].fisik == Decimal(60)
        assert len(kini.baris[0].kendala) == 2


def test_pdf_has_the_official_layout_and_values(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _riwayat(kota)
    b = bulan(-1)
    url = reverse("proyek_laporan_pdf", args=[kota.dinas.pk]) + f"?bulan={b:%Y-%m}"
    response = client_as("pimpinan_opd").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"Laporan-Proyek-DUKCAPIL-{b:%Y-%m}.pdf" in response["Content-Disposition"]
    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    teks = " ".join(teks.split())
    nama_bulan = formats.date_format(b, "F")
    judul = f"Laporan Perkembangan Pelaksanaan Kegiatan Bulan {nama_bulan} Tahun {b.year}"
    assert judul.upper() in teks.upper()
    assert "PEMERINTAH KOTA PANGKALPINANG" in teks
    assert "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL" in teks
    for nilai in ("Rp 200.000.000", "Rp 40.000.000", "MERAH", "45%", "20%", "-25%"):
        assert nilai in teks, nilai
    assert "Penyedia terlambat mengirim material" in teks
    assert "Izin galian" not in teks and "Cuaca buruk" not in teks
    assert kota.pimpinan.nama in teks and f"NIP {kota.pimpinan.nip}" in teks


def test_xlsx_has_typed_numbers_and_rupiah_format(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _riwayat(kota)
    b = bulan(-1)
    url = reverse("proyek_laporan_xlsx", args=[kota.dinas.pk]) + f"?bulan={b:%Y-%m}"
    response = client_as("admin_bkpsdmd").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == ekspor.XLSX_TYPE
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["Laporan"]
    baris = next(r for r in ws.iter_rows() if r[2].value == "Pembangunan gedung pelayanan Dukcapil")
    nilai = [c.value for c in baris]
    assert nilai[0] == 1 and nilai[1] == "1.01.02.2.01"
    assert nilai[5] == 200000000 and baris[5].number_format == ekspor.FORMAT_RUPIAH
    assert nilai[6] == 40000000 and baris[6].number_format == ekspor.FORMAT_RUPIAH
    assert nilai[7] == pytest.approx(0.20) and baris[7].number_format == "0.00%"
    assert nilai[9] == pytest.approx(0.45) and nilai[10] == pytest.approx(0.20)
    assert nilai[11] == pytest.approx(-0.25)
    assert nilai[12] == "Merah" and "tertinggal 25 poin" in nilai[13]
    assert nilai[14] == 1
    kendala = [[c.value for c in r] for r in wb["Kendala"].iter_rows(min_row=2)]
    assert [r[2] for r in kendala] == ["Penyedia terlambat mengirim material"]
    assert kendala[0][4] == "Tinggi"


def test_the_page_offers_the_months_and_both_files(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _riwayat(kota)
    response = client_as("pimpinan_opd").get(
        reverse("proyek_laporan_bulanan", args=[kota.dinas.pk]) + f"?bulan={bulan(-1):%Y-%m}"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{bulan(-1):%Y-%m}" selected' in html
    assert reverse("proyek_laporan_pdf", args=[kota.dinas.pk]) in html
    assert "Pembangunan gedung pelayanan Dukcapil" in html


def test_pimpinan_opd_goes_straight_to_their_opd(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    response = client_as("pimpinan_opd").get(reverse("proyek_ekspor"))
    assert response["Location"] == reverse("proyek_laporan_bulanan", args=[kota.dinas.pk])
    daftar = client_as("admin_bkpsdmd").get(reverse("proyek_ekspor")).content.decode()
    assert kota.dinas.nama in daftar and kota.dinas_lain.nama in daftar


@pytest.mark.parametrize(
    "nama", ["proyek_laporan_bulanan", "proyek_laporan_pdf", "proyek_laporan_xlsx"]
)
def test_a_leader_of_another_opd_gets_404(kota: KotaKecil, client, nama: str) -> None:  # type: ignore[no-untyped-def]
    _riwayat(kota)
    org_services.peran_grant(pegawai=kota.luar, peran=Peran.PIMPINAN_OPD, unit=kota.dinas_lain)
    client.force_login(kota.luar)
    assert client.get(reverse(nama, args=[kota.dinas.pk])).status_code == 404
    assert client.get(reverse(nama, args=[kota.dinas_lain.pk])).status_code == 200


def test_future_or_malformed_month_falls_back_to_the_running_month() -> None:
    hari = timezone.localdate()
    assert ekspor.bulan_dari("2999-01") == hari.replace(day=1)
    assert ekspor.bulan_dari("x") == hari.replace(day=1)
    assert ekspor.bulan_dari("2025-02") == hari.replace(year=2025, month=2, day=1)


@pytest.mark.parametrize("n", [2, 6])
def test_report_queries_do_not_grow_with_projects(
    kota: KotaKecil,
    client_as,
    django_assert_max_num_queries,
    n: int,  # type: ignore[no-untyped-def]
) -> None:
    for i in range(n):
        p = proyek_berkurva(kota, nama=f"Kegiatan {i}", kode=f"K{i}")
        services.progres_lapor(
            proyek=p, oleh=kota.pegawai, tanggal=pada(-1, 10), fisik=Decimal(5), keuangan=Decimal(0)
        )
        kendala_pada(kota, p, f"Kendala {i}", pada(-1, 2))
    client = client_as("pimpinan_opd")
    url = reverse("proyek_laporan_bulanan", args=[kota.dinas.pk]) + f"?bulan={bulan(-1):%Y-%m}"
    client.get(url)
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(url.replace("/?", "/xlsx/?")).status_code == 200
