"""Page rules (through the pages, not only the services) and pinned query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from kinerja.penilaian.models import Evaluasi, StatusEvaluasi
from tests.penilaian_ui.util import kasus, tambah_dinilai

pytestmark = pytest.mark.django_db


def _q(k) -> str:  # type: ignore[no-untyped-def]
    return f"?periode={k.d.periode.pk}&jendela=p1"


def test_alasan_wajib_tampil_di_sebelah_field_tanpa_htmx(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota, nilai_semua=False)
    k.ev.refresh_from_db()
    assert k.ev.usulan_hasil == "di_bawah"  # no realisasi: 0 % achievement
    r = client_as("atasan").post(
        reverse("penilaian:evaluasi_nilai", args=[k.ev.pk]),
        {"revisi": k.ev.revisi, "rating_hasil": "di_atas", "rating_perilaku": "sesuai"},
    )
    assert r.status_code == 422
    html = r.content.decode()
    assert 'id="galat-alasan"' in html and "berbeda dari usulan" in html
    k.ev.refresh_from_db()
    assert k.ev.predikat == "" and k.ev.status == StatusEvaluasi.DRAF


def test_predikat_tidak_bisa_diisi(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota, nilai_semua=False)
    k.ev.refresh_from_db()
    r = client_as("atasan").post(
        reverse("penilaian:evaluasi_nilai", args=[k.ev.pk]),
        {
            "revisi": k.ev.revisi,
            "rating_hasil": "di_bawah",
            "rating_perilaku": "di_bawah",
            "predikat": "sangat_baik",
        },
    )
    assert r.status_code == 302
    k.ev.refresh_from_db()
    assert k.ev.predikat == "sangat_kurang"  # from the matrix
    html = client_as("atasan").get(reverse("penilaian:evaluasi", args=[k.ev.pk])).content
    assert b'name="predikat"' not in html


def test_belum_boleh_menilai_sebelum_periode_berakhir(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    from kinerja.penilaian import services
    from tests.penilaian.util import skp_setuju
    from tests.skp.util import buat_periode

    periode = buat_periode(kota)  # this year: the last quarter has not ended
    skp_setuju(kota.pegawai, periode, kota.atasan, kota.seksi)
    ev = services.evaluasi_siapkan(
        pegawai=kota.pegawai, periode=periode, jenis="periodik", urutan=4, oleh=kota.atasan
    )
    atasan = client_as("atasan")
    html = atasan.get(reverse("penilaian:evaluasi", args=[ev.pk])).content.decode()
    assert 'id="belum-boleh"' in html and 'name="rating_hasil"' not in html
    r = atasan.post(
        reverse("penilaian:evaluasi_nilai", args=[ev.pk]),
        {
            "revisi": ev.revisi,
            "rating_hasil": "sesuai",
            "rating_perilaku": "sesuai",
            "alasan_hasil": "x",
        },
    )
    assert r.status_code == 422
    assert "belum dapat dilakukan" in r.content.decode()
    ev.refresh_from_db()
    assert ev.rating_hasil == ""


def test_setelah_dikunci_tidak_bisa_diubah(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota, kunci=True)
    r = client_as("atasan").post(
        reverse("penilaian:evaluasi_nilai", args=[k.ev.pk]),
        {"revisi": k.ev.revisi, "rating_hasil": "di_atas", "rating_perilaku": "di_atas"},
    )
    assert r.status_code == 422
    assert "dikunci" in r.content.decode()
    k.ev.refresh_from_db()
    assert k.ev.predikat == "baik"


def test_hanya_pejabat_penilai_menilai(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota, nilai_semua=False)
    kabid = client_as("atasan")
    kabid.force_login(kota.kabid)  # the atasan's atasan sees the evaluation, may not rate it
    assert kabid.get(reverse("penilaian:evaluasi", args=[k.ev.pk])).status_code == 200
    r = kabid.post(
        reverse("penilaian:evaluasi_nilai", args=[k.ev.pk]),
        {"revisi": k.ev.revisi, "rating_hasil": "di_bawah", "rating_perilaku": "di_bawah"},
    )
    assert r.status_code == 403
    k.ev.refresh_from_db()
    assert k.ev.rating_hasil == ""


def test_kalibrasi_dengan_alasan(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota)
    pimpinan = client_as("pimpinan_opd")
    url = reverse("penilaian:kalibrasi_evaluasi", args=[k.ev.pk])
    r = pimpinan.post(
        url, {"revisi": k.ev.revisi, "rating_hasil": "di_atas", "rating_perilaku": "di_atas"}
    )
    assert r.status_code == 422 and "alasan kalibrasi" in r.content.decode()
    r = pimpinan.post(
        url,
        {
            "revisi": k.ev.revisi,
            "rating_hasil": "di_atas",
            "rating_perilaku": "di_atas",
            "alasan": "Kinerja lintas bidang",
        },
    )
    assert r.status_code == 302
    k.ev.refresh_from_db()
    assert (k.ev.predikat, k.ev.dikalibrasi) == ("sangat_baik", True)
    grid = pimpinan.get(reverse("penilaian:kalibrasi", args=[kota.dinas.pk]) + _q(k))
    html = grid.content.decode()
    assert kota.pegawai.nama in html and "Sangat Baik" in html


def test_predikat_organisasi_lewat_halaman(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    from kinerja.penilaian.models import PredikatOrganisasi

    k = kasus(kota)
    admin = client_as("admin_bkpsdmd")
    url = reverse("penilaian:predikat_org") + _q(k)
    r = admin.post(url, {"unit": kota.dinas.pk, "predikat": ""})
    assert r.status_code == 422 and "Pilih predikat" in r.content.decode()
    r = admin.post(url, {"unit": kota.dinas.pk, "predikat": "istimewa", "alasan": "IKU tercapai"})
    assert r.status_code == 302
    po = PredikatOrganisasi.objects.get(unit=kota.dinas, jenis="periodik", urutan=1)
    assert po.predikat == "istimewa"


def test_peringatan_kurva_di_panel(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota)  # seksi "Baik": at least one Butuh Perbaikan/Kurang is required
    html = client_as("atasan").get(reverse("penilaian:distribusi", args=[k.ev.pk])).content
    teks = html.decode()
    assert "Peringatan kurva" in teks and "paling sedikit" in teks


def _maks(django_assert_max_num_queries, client, url: str, batas: int) -> str:  # type: ignore[no-untyped-def]
    with django_assert_max_num_queries(batas):
        r = client.get(url)
    assert r.status_code == 200, url
    return r.content.decode(errors="replace")


# measured: the same count with 3 and 9 rated pegawai (and with 1: tests/penilaian_ui/akses.py)
BATAS = [
    ("atasan", "bawahan", 26),
    ("pimpinan_opd", "kalibrasi", 17),
    ("admin_bkpsdmd", "dasbor", 18),
    ("pimpinan_opd", "dasbor", 19),
    ("atasan", "distribusi", 16),
    ("atasan", "evaluasi", 33),
    ("pegawai", "keberatan_list", 11),
    ("pegawai", "index", 12),
    ("admin_bkpsdmd", "ekspor_rekap", 11),
    ("pimpinan_opd", "predikat_org", 17),
]


@pytest.mark.parametrize("n", [3, 9])
def test_jumlah_query_tidak_tumbuh(kota, client_as, django_assert_max_num_queries, n) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota)
    tambah_dinilai(kota, k.d, n)
    for persona, nama, batas in BATAS:
        if nama == "kalibrasi":
            url = reverse("penilaian:kalibrasi", args=[kota.dinas.pk]) + _q(k)
        elif nama in {"distribusi", "evaluasi"}:
            url = reverse(f"penilaian:{nama}", args=[k.ev.pk])
        else:
            url = reverse(f"penilaian:{nama}") + _q(k)
        html = _maks(django_assert_max_num_queries, client_as(persona), url, batas)
        if nama in {"bawahan", "kalibrasi"}:
            assert f"Staf Tambahan {n - 1}" in html
    assert Evaluasi.objects.count() == n + 2


def test_dasbor_pencilan(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    k = kasus(kota)
    for ev in tambah_dinilai(kota, k.d, 3):
        Evaluasi.objects.filter(pk=ev.pk).update(rating_hasil="di_atas", predikat="sangat_baik")
    Evaluasi.objects.filter(pk=k.ev.pk).update(rating_hasil="di_atas", predikat="baik")
    html = client_as("admin_bkpsdmd").get(reverse("penilaian:dasbor") + _q(k)).content.decode()
    assert "<svg" in html
    bagian = html.split("Atasan yang menilai semua bawahan Di Atas Ekspektasi")[1].split("<h3>")[0]
    assert kota.atasan.nama in bagian
    assert dt.date.today().year - 1 == k.d.periode.tahun
