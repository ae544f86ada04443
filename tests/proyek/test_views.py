"""Pages of the proyek app: what each persona sees, the one-click actions, pinned query counts."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.proyek import services
from kinerja.proyek.models import Kendala, Proyek, StatusKendala
from tests.factories import KotaKecil
from tests.proyek.util import buat_proyek, hari, rencana_linear


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def _banyak(k: KotaKecil, n: int, *, awal: int = 0) -> list[Proyek]:
    hasil = []
    for i in range(awal, awal + n):
        p = buat_proyek(k, nama=f"Proyek {i:03d}", tim=(k.kabid,))
        rencana_linear(p, k)
        services.kendala_ajukan(
            proyek=p, oleh=k.pegawai, judul=f"Kendala {i}", kategori="sdm", tingkat="tinggi"
        )
        services.milestone_simpan_semua(
            proyek=p, oleh=k.pegawai, baris=[services.BarisTahapan("Tahap 1", hari(-2))]
        )
        hasil.append(p)
    return hasil


def _hitung(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("persona", "url", "maks"),
    [
        ("pimpinan_opd", "/proyek/", 15),
        ("admin_bkpsdmd", "/proyek/", 15),
        ("admin_bkpsdmd", "/proyek/kota/", 12),
        ("pegawai", "/proyek/saya/", 10),
        ("pimpinan_opd", "/", None),  # the home page: other apps' cards too; ours must not grow
    ],
)
def test_dashboard_query_counts_do_not_grow_with_projects(
    persona: str,
    url: str,
    maks: int | None,
    kota: KotaKecil,
    client_as,
    django_assert_max_num_queries,
) -> None:  # type: ignore[no-untyped-def]
    client = client_as(persona)
    _banyak(kota, 3)
    sedikit = _hitung(client, url)
    assert maks is None or sedikit <= maks
    _banyak(kota, 6, awal=3)  # N → 3N projects, each with a kendala, a plan and a late milestone
    with django_assert_max_num_queries(maks or sedikit):
        assert client.get(url).status_code == 200


def test_the_detail_page_query_count_does_not_grow_with_history(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from tests.kegiatan.util import png

    (p,) = _banyak(kota, 1)
    client = client_as("pegawai")

    def lapor(n: int, awal: int = 0) -> None:
        for i in range(awal, awal + n):
            services.progres_lapor(
                proyek=p,
                oleh=kota.pegawai,
                tanggal=hari(0),
                fisik=D(i + 1),
                keuangan=D(0),
                berkas=[png()],
            )
            services.kendala_ajukan(
                proyek=p, oleh=kota.pegawai, judul=f"K{i}", kategori="sdm", tingkat="rendah"
            )

    lapor(2)
    with django_assert_max_num_queries(17):
        assert client.get(f"/proyek/{p.pk}/").status_code == 200
    lapor(4, awal=2)
    with django_assert_max_num_queries(17):
        assert client.get(f"/proyek/{p.pk}/").status_code == 200


def test_the_portfolio_shows_status_reason_and_kendala(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    (p,) = _banyak(kota, 1)
    p.refresh_from_db()
    assert p.status_peringatan == "merah"
    html = client_as("pimpinan_opd").get("/proyek/").content.decode()
    assert p.nama in html
    assert "tertinggal" in html and "lewat jatuh tempo 2 hari" in html
    assert "Kendala yang perlu tindakan" in html and "Kendala 0" in html


def test_the_pimpinan_sees_only_the_own_opd_and_the_city_sees_all(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    buat_proyek(kota, nama="Proyek Dukcapil")
    services.proyek_buat(oleh=kota.admin, opd=kota.dinas_lain, nama="Proyek Dishub", pptk=kota.luar)
    pimpinan = client_as("pimpinan_opd").get("/proyek/").content.decode()
    assert "Proyek Dukcapil" in pimpinan and "Proyek Dishub" not in pimpinan
    admin = client_as("admin_bkpsdmd").get("/proyek/").content.decode()
    assert "Proyek Dukcapil" in admin and "Proyek Dishub" in admin
    kota_html = client_as("admin_bkpsdmd").get("/proyek/kota/").content.decode()
    assert kota.dinas.nama in kota_html and kota.dinas_lain.nama in kota_html
    saring = client_as("admin_bkpsdmd").get(f"/proyek/?opd={kota.dinas_lain.pk}").content.decode()
    assert "Proyek Dishub" in saring and "Proyek Dukcapil" not in saring


def test_filters_and_sorting(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    hijau = buat_proyek(kota, nama="Taman kota", pagu=D(5))
    merah = buat_proyek(kota, nama="Jalan lingkungan", pptk=kota.kabid)
    rencana_linear(merah, kota)
    client = client_as("pimpinan_opd")
    html = client.get("/proyek/?peringatan=merah").content.decode()
    assert "Jalan lingkungan" in html and "Taman kota" not in html
    html = client.get(f"/proyek/?pptk={kota.pegawai.pk}").content.decode()
    assert "Taman kota" in html and "Jalan lingkungan" not in html
    for urut in ("peringatan", "deviasi", "serapan", "nama", "selesai", "pagu"):
        html = client.get(
            f"/proyek/?urut={urut}&status=berjalan&tahun={hari().year}&q=a"
        ).content.decode()
        assert "Taman kota" in html
    html = client.get("/proyek/?urut=nama").content.decode()
    assert html.index("Jalan lingkungan") < html.index(hijau.nama)


def test_a_pptk_of_another_opd_sees_nothing(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = buat_proyek(kota)
    client = client_as("luar_opd")
    assert p.nama not in client.get("/proyek/saya/").content.decode()
    assert client.get(f"/proyek/{p.pk}/").status_code == 404
    assert client.get("/proyek/").status_code == 403


def test_the_detail_page_draws_the_s_curve_and_reasons(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    (p,) = _banyak(kota, 1)
    services.progres_lapor(
        proyek=p, oleh=kota.pegawai, tanggal=hari(0), fisik=D(10), keuangan=D(1000)
    )
    html = client_as("pegawai").get(f"/proyek/{p.pk}/").content.decode()
    assert "<svg" in html and "Rencana fisik" in html and "polyline" in html
    assert "tertinggal" in html
    assert "Laporkan progres" in html


def test_posting_progress_through_the_form(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from tests.kegiatan.util import png

    p = buat_proyek(kota)
    client = client_as("pegawai")
    r = client.post(
        f"/proyek/{p.pk}/progres/",
        {"tanggal": hari(0).isoformat(), "fisik": "150", "keuangan": "0"},
    )
    assert r.status_code == 422
    r = client.post(
        f"/proyek/{p.pk}/progres/",
        {"tanggal": hari(0).isoformat(), "fisik": "20", "keuangan": "999999999"},
    )
    assert r.status_code == 422 and "melebihi pagu" in r.content.decode()
    r = client.post(
        f"/proyek/{p.pk}/progres/",
        {
            "tanggal": hari(0).isoformat(),
            "fisik": "20",
            "keuangan": "1000000",
            "narasi": "Perekaman di 3 kelurahan",
            "berkas": [png("a.png"), png("b.png")],
        },
    )
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.fisik_realisasi == 20
    assert p.progres_set.get().bukti_set.count() == 2


def test_kendala_actions_answer_htmx_with_the_panel(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = buat_proyek(kota, tim=(kota.kabid,))
    k = services.kendala_ajukan(
        proyek=p, oleh=kota.pegawai, judul="Printer rusak", kategori="sdm", tingkat="sedang"
    )
    client = client_as("pimpinan_opd")
    hx = {"HTTP_HX_REQUEST": "true"}
    r = client.post(
        f"/proyek/kendala/{k.pk}/tugaskan/",
        {"penanggung_jawab": kota.kabid.pk, "ringkas": "1"},
        **hx,
    )
    assert r.status_code == 200 and f'id="kendala-panel-{k.pk}"' in r.content.decode()
    assert "Penanggung jawab ditetapkan." in r.content.decode()
    r = client.post(f"/proyek/kendala/{k.pk}/batas/", {"batas_waktu": hari(-5).isoformat()}, **hx)
    assert "Batas waktu tidak boleh di masa lalu." in r.content.decode()
    client.post(f"/proyek/kendala/{k.pk}/eskalasi/", {"ke": "opd"}, **hx)
    client.post(f"/proyek/kendala/{k.pk}/komentar/", {"isi": "Segera ganti"}, **hx)
    r = client_as("pegawai").get(f"/proyek/kendala/{k.pk}/")
    assert "Segera ganti" in r.content.decode()
    kabid = Client()
    kabid.force_login(kota.kabid)
    r = kabid.post(f"/proyek/kendala/{k.pk}/selesai/", {"resolusi": "Printer diganti"})
    assert r.status_code == 302
    k.refresh_from_db()
    assert k.status == StatusKendala.SELESAI and k.eskalasi == "opd"


def test_the_home_card_counts_the_pimpinan_s_projects(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _banyak(kota, 2)
    buat_proyek(kota, nama="Lancar")
    html = client_as("pimpinan_opd").get("/").content.decode()
    assert 'id="kartu-proyek"' in html and "Buka portofolio proyek" in html
    pegawai = client_as("pegawai").get("/").content.decode()
    assert "Lancar" in pegawai and "Anda PPTK" in pegawai
    assert 'id="kartu-proyek"' not in client_as("luar_opd").get("/").content.decode()


def test_creating_a_project_through_the_pages(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pimpinan_opd")
    r = client.post(
        "/proyek/tambah/",
        {
            "nama": "Pembangunan gedung arsip",
            "pptk": kota.pegawai.pk,
            "tahun_anggaran": hari().year,
            "mulai": hari(0).replace(day=1).isoformat(),
            "selesai": hari(60).isoformat(),
            "pagu": "250000000",
            "status": "perencanaan",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    p = Proyek.objects.get(nama="Pembangunan gedung arsip")
    r = client.get(f"/proyek/{p.pk}/rencana/")
    assert r.status_code == 200 and "fisik_" in r.content.decode()
    assert Kendala.objects.count() == 0
