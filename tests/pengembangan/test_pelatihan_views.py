"""Pages of the pelatihan part per persona: catalogue filters, requesting (also from the
recommendation page), the atasan's queue (plain POST and htmx), completion with a certificate,
external training and its verification, the admin's catalogue form and reversal, the home card;
query counts pinned (N vs 3N rows)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.pengembangan import services_pelatihan as svc
from kinerja.pengembangan.models import (
    BentukPelatihan,
    BidangKompetensi,
    CapaianJp,
    Pelatihan,
    PelatihanEksternal,
    Pendaftaran,
    StatusPendaftaran,
    StatusVerifikasi,
    TopikKompetensi,
)
from tests.factories import KotaKecil, buat_pegawai
from tests.pengembangan.pelatihan_util import (
    besar,
    diajukan,
    disetujui,
    hari,
    pdf,
    pelatihan,
    selesai,
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def _html(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# --- catalogue ----------------------------------------------------------------------------------


def test_the_catalogue_lists_active_current_items_with_filters(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    pelatihan(judul="Manajemen Waktu Efektif", jp="12", kuota=5, topik=["manajemen-waktu"])
    pelatihan(
        judul="Literasi Digital", bidang=BidangKompetensi.TEKNIS, bentuk=BentukPelatihan.E_LEARNING
    )
    pelatihan(judul="Pelatihan Lama", mulai=hari(-40), selesai=hari(-30))
    pelatihan(judul="Pelatihan Nonaktif", aktif=False)
    client = client_as("pegawai")
    html = _html(client.get(reverse("pengembangan:katalog")))
    assert "Manajemen Waktu Efektif" in html and "Literasi Digital" in html
    assert "Pelatihan Lama" not in html and "Pelatihan Nonaktif" not in html
    assert "12 JP" in html and "5 tempat tersisa" in html
    html = _html(client.get(reverse("pengembangan:katalog"), {"bidang": "teknis"}))
    assert "Literasi Digital" in html and "Manajemen Waktu" not in html
    html = _html(client.get(reverse("pengembangan:katalog"), {"bentuk": "e_learning"}))
    assert "Literasi Digital" in html and "Manajemen Waktu" not in html
    html = _html(client.get(reverse("pengembangan:katalog"), {"q": "waktu"}))
    assert "Manajemen Waktu" in html and "Literasi Digital" not in html
    topik = TopikKompetensi.objects.get(kode="manajemen-waktu")
    html = _html(client.get(reverse("pengembangan:katalog"), {"topik": topik.pk}))
    assert "Manajemen Waktu" in html and "Literasi Digital" not in html
    # semua: only for the admin
    assert "Pelatihan Nonaktif" not in _html(
        client.get(reverse("pengembangan:katalog"), {"semua": 1})
    )
    html = _html(client_as("admin_bkpsdmd").get(reverse("pengembangan:katalog"), {"semua": 1}))
    assert "Pelatihan Nonaktif" in html and "Pelatihan Lama" in html


def test_an_inactive_item_is_404_except_for_the_admin(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = pelatihan(aktif=False)
    url = reverse("pengembangan:pelatihan_detail", args=[p.pk])
    assert client_as("pegawai").get(url).status_code == 404
    assert client_as("admin_bkpsdmd").get(url).status_code == 200


def _katalog(n: int) -> None:
    topik = list(TopikKompetensi.objects.all()[:3])
    for i in range(n):
        p = pelatihan(judul=f"Kursus {i}", kuota=10)
        p.topik.set(topik)


@pytest.mark.parametrize("n", [5, 15])
def test_catalogue_query_count_is_pinned(
    kota: KotaKecil, client_as, django_assert_max_num_queries, n: int
) -> None:  # type: ignore[no-untyped-def]
    _katalog(n)
    for p in Pelatihan.objects.all()[:3]:
        diajukan(kota, p, buat_pegawai(kota.instansi, f"Staf {p.pk}", kota.j_pelaksana))
    client = client_as("pegawai")
    client.get(reverse("pengembangan:katalog"))
    with django_assert_max_num_queries(12):
        html = _html(client.get(reverse("pengembangan:katalog")))
    assert html.count("pel-jp") == n


# --- requesting ---------------------------------------------------------------------------------


def test_the_detail_page_offers_the_request_form_and_the_request_goes_to_my_page(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    p = pelatihan(judul="Komunikasi Efektif")
    client = client_as("pegawai")
    html = _html(client.get(reverse("pengembangan:pelatihan_detail", args=[p.pk])))
    assert "Ajukan pelatihan ini" in html and 'name="alasan"' in html
    r = client.post(reverse("pengembangan:daftar", args=[p.pk]), {"alasan": "Untuk layanan"})
    assert r.status_code == 302 and r["Location"] == reverse("pengembangan:saya")
    d = Pendaftaran.objects.get(pegawai=kota.pegawai)
    assert d.alasan == "Untuk layanan" and d.status == StatusPendaftaran.DIAJUKAN
    html = _html(client.get(r["Location"]))
    assert "dikirim ke atasan" in html and "Komunikasi Efektif" in html
    html = _html(client.get(reverse("pengembangan:pelatihan_detail", args=[p.pk])))
    assert "Menunggu persetujuan atasan" in html and "Ajukan pelatihan ini" not in html


def test_the_recommendation_page_post_carries_the_reason(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = pelatihan()
    alasan = "Direkomendasikan karena penilaian Triwulan II: perilaku Kompeten Di Bawah Ekspektasi"
    r = client_as("pegawai").post(reverse("pengembangan:daftar", args=[p.pk]), {"alasan": alasan})
    assert r.status_code == 302
    assert Pendaftaran.objects.get(pegawai=kota.pegawai).alasan == alasan


def test_a_refused_request_comes_back_as_a_message_not_a_500(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = pelatihan(kuota=1)
    diajukan(kota, p, buat_pegawai(kota.instansi, "Staf Lain", kota.j_pelaksana))
    client = client_as("pegawai")
    r = client.post(reverse("pengembangan:daftar", args=[p.pk]))
    assert r.status_code == 302
    assert r["Location"] == reverse("pengembangan:pelatihan_detail", args=[p.pk])
    assert "Kuota pelatihan ini sudah penuh" in _html(client.get(r["Location"]))
    assert not Pendaftaran.objects.filter(pegawai=kota.pegawai).exists()


# --- my training --------------------------------------------------------------------------------


def test_my_page_shows_jp_against_the_target_and_actions(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    selesai(kota, pelatihan(jp="6", judul="Sudah Selesai"))
    disetujui(kota, pelatihan(judul="Sudah Disetujui"))
    html = _html(client_as("pegawai").get(reverse("pengembangan:saya")))
    assert "6 dari 20 JP" in html and 'value="30"' in html and "Kurang 14 JP" in html
    assert "Sudah Selesai" in html and "Sudah Disetujui" in html
    assert "Laporkan selesai" in html and "Batalkan" in html
    lalu = _html(
        client_as("pegawai").get(reverse("pengembangan:saya"), {"tahun": hari(0).year - 1})
    )
    assert "Sudah Selesai" not in lalu and "0 dari 20 JP" in lalu


@pytest.mark.parametrize("n", [3, 9])
def test_my_page_query_count_is_pinned(
    kota: KotaKecil, client_as, django_assert_max_num_queries, n: int
) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        selesai(kota, pelatihan(judul=f"Kursus {i}"))
        svc.eksternal_catat(
            pegawai=kota.pegawai,
            judul=f"Webinar {i}",
            penyelenggara="LAN",
            bidang=BidangKompetensi.TEKNIS,
            bentuk=BentukPelatihan.E_LEARNING,
            mulai=hari(-1),
            selesai=hari(-1),
            menit=45,
            sertifikat=pdf(),
        )
    client = client_as("pegawai")
    client.get(reverse("pengembangan:saya"))
    with django_assert_max_num_queries(12):
        html = _html(client.get(reverse("pengembangan:saya")))
    assert html.count("Kursus ") == n and html.count("Webinar ") == n


def test_completion_with_a_certificate_adds_the_jp(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    d = disetujui(kota, pelatihan(jp="8"))
    client = client_as("pegawai")
    url = reverse("pengembangan:pendaftaran_selesai", args=[d.pk])
    assert "sertifikat" in _html(client.get(url))
    html = _html(client.post(url, {"tanggal_selesai": hari(0).isoformat(), "sertifikat": besar()}))
    assert "batasnya 10 MB" in html and not CapaianJp.objects.exists()
    r = client.post(url, {"tanggal_selesai": hari(0).isoformat(), "sertifikat": pdf()})
    assert r.status_code == 302
    assert CapaianJp.objects.get(pendaftaran=d).jp == Decimal("8")
    html = _html(client.get(reverse("pengembangan:saya")))
    assert "8 dari 20 JP" in html
    r = client_as("atasan").get(reverse("pengembangan:sertifikat", args=[d.pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"%PDF")


# --- the atasan's queue ------------------------------------------------------------------------


def test_the_atasan_approves_in_place_with_htmx_and_with_a_plain_post(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    d1 = diajukan(kota, pelatihan(judul="Kursus Satu"))
    lain = buat_pegawai(kota.instansi, "Staf Dua", kota.j_pelaksana)
    d2 = diajukan(kota, pelatihan(judul="Kursus Dua"), lain)
    client = client_as("atasan")
    html = _html(client.get(reverse("pengembangan:persetujuan")))
    assert "Kursus Satu" in html and "Kursus Dua" in html and "hx-post" in html
    url = reverse("pengembangan:pendaftaran_putus", args=[d1.pk])
    frag = _html(client.post(url, {"setuju": "0"}, HTTP_HX_REQUEST="true"))
    assert "Tuliskan alasan penolakan" in frag and "<html" not in frag
    frag = _html(client.post(url, {"setuju": "1"}, HTTP_HX_REQUEST="true"))
    assert "Disetujui" in frag
    r = client.post(
        reverse("pengembangan:pendaftaran_putus", args=[d2.pk]),
        {"setuju": "0", "catatan": "Tahun depan", "next": reverse("pengembangan:persetujuan")},
    )
    assert r["Location"] == reverse("pengembangan:persetujuan")
    d1.refresh_from_db()
    d2.refresh_from_db()
    assert (d1.status, d2.status) == (StatusPendaftaran.DISETUJUI, StatusPendaftaran.DITOLAK)
    assert "Tidak ada permintaan" in _html(client.get(reverse("pengembangan:persetujuan")))


@pytest.mark.parametrize("n", [3, 9])
def test_the_queue_query_count_is_pinned(
    kota: KotaKecil, client_as, django_assert_max_num_queries, n: int
) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        diajukan(
            kota,
            pelatihan(judul=f"Kursus {i}"),
            buat_pegawai(kota.instansi, f"Staf Nomor{i}", kota.j_pelaksana),
        )
    client = client_as("atasan")
    client.get(reverse("pengembangan:persetujuan"))
    with django_assert_max_num_queries(14):
        html = _html(client.get(reverse("pengembangan:persetujuan")))
    assert html.count("Staf Nomor") == n


def test_the_atasan_assigns_a_bawahan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = pelatihan(judul="Pelayanan Prima")
    client = client_as("atasan")
    html = _html(client.get(reverse("pengembangan:tugaskan")))
    assert kota.pegawai.nama in html and "Pelayanan Prima" in html
    html = _html(
        client.post(
            reverse("pengembangan:tugaskan"), {"pegawai": kota.pegawai.pk, "pelatihan": p.pk}
        )
    )
    assert "tidak boleh kosong" in html
    r = client.post(
        reverse("pengembangan:tugaskan"),
        {"pegawai": kota.pegawai.pk, "pelatihan": p.pk, "alasan": "Target layanan"},
    )
    assert r.status_code == 302
    assert Pendaftaran.objects.get(pegawai=kota.pegawai).status == StatusPendaftaran.DISETUJUI


def test_home_card_for_the_atasan_only(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    diajukan(kota)
    html = _html(client_as("atasan").get(reverse("beranda")))
    assert "1 permintaan pelatihan menunggu persetujuan Anda" in html
    assert "permintaan pelatihan menunggu" not in _html(
        client_as("pegawai").get(reverse("beranda"))
    )


# --- external training and admin ---------------------------------------------------------------


def test_external_training_from_the_form_then_verified_by_the_admin(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pegawai")
    data = {
        "judul": "Webinar Literasi Digital",
        "penyelenggara": "Kominfo",
        "bidang": "teknis",
        "bentuk": "e_learning",
        "mulai": hari(-2).isoformat(),
        "selesai": hari(-1).isoformat(),
    }
    html = _html(
        client.post(reverse("pengembangan:eksternal_tambah"), data | {"sertifikat": pdf()})
    )
    assert "salah satu saja" in html and not PelatihanEksternal.objects.exists()
    r = client.post(
        reverse("pengembangan:eksternal_tambah"), data | {"menit": "135", "sertifikat": pdf()}
    )
    assert r.status_code == 302
    eks = PelatihanEksternal.objects.get()
    assert eks.jp == Decimal("3.00")
    admin = client_as("admin_bkpsdmd")
    html = _html(admin.get(reverse("pengembangan:eksternal_verifikasi_list")))
    assert "Webinar Literasi Digital" in html
    url = reverse("pengembangan:eksternal_verifikasi", args=[eks.pk])
    admin.post(url, {"setuju": "0"})
    eks.refresh_from_db()
    assert eks.status == StatusVerifikasi.MENUNGGU  # refused without a catatan
    admin.post(url, {"setuju": "1"})
    eks.refresh_from_db()
    assert eks.status == StatusVerifikasi.DIVERIFIKASI
    assert "3 dari 20 JP" in _html(client.get(reverse("pengembangan:saya")))


@pytest.mark.parametrize("n", [3, 9])
def test_verification_list_query_count_is_pinned(
    kota: KotaKecil, client_as, django_assert_max_num_queries, n: int
) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        orang = buat_pegawai(kota.instansi, f"Staf Nomor{i}", kota.j_pelaksana)
        svc.eksternal_catat(
            pegawai=orang,
            judul=f"Webinar {i}",
            penyelenggara="LAN",
            bidang=BidangKompetensi.TEKNIS,
            bentuk=BentukPelatihan.E_LEARNING,
            mulai=hari(-1),
            selesai=hari(-1),
            jp=Decimal("2"),
            sertifikat=pdf(),
        )
    client = client_as("admin_bkpsdmd")
    client.get(reverse("pengembangan:eksternal_verifikasi_list"))
    with django_assert_max_num_queries(10):
        html = _html(client.get(reverse("pengembangan:eksternal_verifikasi_list")))
    assert html.count("Staf Nomor") == n


def test_the_admin_form_shows_errors_next_to_the_field(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("admin_bkpsdmd")
    data = {
        "judul": "Kepemimpinan",
        "bidang": "manajerial",
        "bentuk": "klasikal",
        "penyelenggara": "BPSDM",
        "jp": "0",
        "mulai": hari(5).isoformat(),
        "selesai": hari(2).isoformat(),
        "aktif": "on",
    }
    html = _html(client.post(reverse("pengembangan:pelatihan_tambah"), data))
    assert "JP harus lebih dari 0" in html and "tidak boleh sebelum tanggal mulai" in html
    assert not Pelatihan.objects.exists()
    topik = TopikKompetensi.objects.get(kode="manajemen-waktu")
    r = client.post(
        reverse("pengembangan:pelatihan_tambah"),
        data | {"jp": "16", "selesai": hari(6).isoformat(), "topik": [topik.pk]},
    )
    p = Pelatihan.objects.get()
    assert r["Location"] == reverse("pengembangan:pelatihan_detail", args=[p.pk])
    assert list(p.topik.all()) == [topik] and p.dibuat_oleh_id == kota.admin.pk
    diajukan(kota, p)
    r = client.post(
        reverse("pengembangan:pelatihan_ubah", args=[p.pk]),
        data | {"jp": "16", "selesai": hari(6).isoformat(), "kuota": "0"},
    )
    assert "1 tempat yang sudah terisi" in _html(r)


def test_the_admin_reverses_a_completion_from_the_detail_page(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    d = selesai(kota)
    admin = client_as("admin_bkpsdmd")
    url = reverse("pengembangan:pendaftaran_detail", args=[d.pk])
    assert "Koreksi penyelesaian" in _html(admin.get(url))
    assert "Koreksi penyelesaian" not in _html(client_as("atasan").get(url))
    admin.post(
        reverse("pengembangan:pendaftaran_koreksi", args=[d.pk]), {"alasan": "Sertifikat palsu"}
    )
    assert not CapaianJp.objects.exists()
    html = _html(client_as("pegawai").get(url))
    assert "Tidak selesai" in html and "Sertifikat palsu" in html


def test_home_card_budget_one_query_for_an_atasan_none_for_others(
    kota: KotaKecil, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from django.test import RequestFactory

    from kinerja.organisasi.selectors import akses_pengguna
    from kinerja.pengembangan.templatetags.pengembangan_pelatihan import pelatihan_beranda

    diajukan(kota)
    request = RequestFactory().get("/")
    request.user = kota.atasan
    profil = akses_pengguna(kota.atasan)
    with django_assert_num_queries(1):
        data = pelatihan_beranda({"request": request, "profil": profil, "bawahan": [kota.pegawai]})
    assert data == {"tampil": True, "menunggu": 1}
    request.user = kota.pegawai
    profil = akses_pengguna(kota.pegawai)
    with django_assert_num_queries(0):
        assert pelatihan_beranda({"request": request, "profil": profil, "bawahan": []}) == {
            "tampil": False
        }
