"""The feedback and dialog pages: happy paths, outsiders (403/404, nothing stored), bad input,
and query counts pinned on the list pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.utils import timezone

from kinerja.notifikasi.models import Notifikasi
from kinerja.umpanbalik import services
from kinerja.umpanbalik.models import DialogKinerja, UmpanBalik
from kinerja.umpanbalik.services import Subjek
from tests.factories import KotaKecil, buat_pegawai
from tests.umpanbalik.util import beri, dialog, laporan, perilaku


def _login(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_the_atasan_gives_feedback_on_a_report_and_returns_to_it(kota: KotaKecil) -> None:
    lap = laporan(kota.pegawai)
    r = _login(kota.atasan).post(
        "/umpan-balik/beri/",
        {
            "pegawai": kota.pegawai.pk,
            "sasaran": "laporan",
            "laporan": lap.pk,
            "teks": "Rapi",
            "next": "/kegiatan/",
        },
    )
    assert r.status_code == 302 and r["Location"] == "/kegiatan/"
    akar = UmpanBalik.objects.get()
    assert (akar.laporan_id, akar.penulis_id, akar.pejabat_id) == (
        lap.pk,
        kota.atasan.pk,
        kota.atasan.pk,
    )
    assert Notifikasi.objects.filter(penerima=kota.pegawai, jenis="umpan_balik_baru").exists()


def test_the_give_page_lists_bawahan_then_shows_the_form(kota: KotaKecil) -> None:
    c = _login(kota.atasan)
    assert kota.pegawai.nama in c.get("/umpan-balik/beri/").content.decode()
    r = c.get(f"/umpan-balik/beri/?pegawai={kota.pegawai.pk}")
    assert r.status_code == 200 and 'name="teks"' in r.content.decode()


def test_an_open_redirect_is_not_followed(kota: KotaKecil) -> None:
    r = _login(kota.atasan).post(
        "/umpan-balik/beri/",
        {
            "pegawai": kota.pegawai.pk,
            "sasaran": "umum",
            "teks": "x",
            "next": "https://jahat.example/",
        },
    )
    assert r["Location"] == f"/umpan-balik/{UmpanBalik.objects.get().pk}/"


@pytest.mark.parametrize(
    ("siapa", "status"), [("pegawai", 403), ("luar", 403), ("peer", 403), ("admin", 403)]
)
def test_an_outsider_cannot_give_feedback_on_the_page(
    kota: KotaKecil, siapa: str, status: int
) -> None:
    oleh = (
        buat_pegawai(kota.instansi, "Rekan", kota.j_pelaksana)
        if siapa == "peer"
        else getattr(kota, siapa)
    )
    r = _login(oleh).post(
        "/umpan-balik/beri/", {"pegawai": kota.pegawai.pk, "sasaran": "umum", "teks": "x"}
    )
    assert r.status_code == status  # not an atasan at all: refused by the page's rule
    assert UmpanBalik.objects.count() == 0


def test_an_atasan_of_another_line_gets_403_in_the_opd_and_404_outside(kota: KotaKecil) -> None:
    c = _login(kota.atasan)
    r = c.post("/umpan-balik/beri/", {"pegawai": kota.kabid.pk, "sasaran": "umum", "teks": "x"})
    assert r.status_code == 403
    r = c.post("/umpan-balik/beri/", {"pegawai": kota.luar.pk, "sasaran": "umum", "teks": "x"})
    assert r.status_code == 404
    assert UmpanBalik.objects.count() == 0


def test_an_outsider_cannot_read_or_reply_in_a_thread(kota: KotaKecil) -> None:
    akar = beri(kota)
    peer = buat_pegawai(kota.instansi, "Rekan", kota.j_pelaksana)
    for oleh in (peer, kota.luar, kota.admin):
        c = _login(oleh)
        assert c.get(f"/umpan-balik/{akar.pk}/").status_code == 404
        assert c.post(f"/umpan-balik/{akar.pk}/", {"teks": "Ikut"}).status_code == 404
    assert UmpanBalik.objects.count() == 1


def test_a_reply_through_htmx_returns_the_thread_fragment(kota: KotaKecil) -> None:
    akar = beri(kota)
    c = _login(kota.pegawai)
    r = c.post(f"/umpan-balik/{akar.pk}/", {"teks": "Siap, terima kasih"}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    body = r.content.decode()
    assert 'id="utas"' in body and "Siap, terima kasih" in body and "<html" not in body
    r = c.post(f"/umpan-balik/{akar.pk}/", {"teks": ""}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200 and 'class="error"' in r.content.decode()
    r = c.post(f"/umpan-balik/{akar.pk}/", {"teks": ""})
    assert r.status_code == 422
    assert UmpanBalik.objects.count() == 2


def test_opening_a_thread_marks_it_read_for_the_pegawai(kota: KotaKecil) -> None:
    akar = beri(kota)
    _login(kota.pimpinan).get(f"/umpan-balik/{akar.pk}/")
    akar.refresh_from_db()
    assert akar.dibaca_pada is None
    _login(kota.pegawai).get(f"/umpan-balik/{akar.pk}/")
    akar.refresh_from_db()
    assert akar.dibaca_pada is not None


def test_the_pegawai_asks_for_feedback_on_a_berakhlak_value(kota: KotaKecil) -> None:
    p = perilaku()
    r = _login(kota.pegawai).post(
        "/umpan-balik/minta/", {"sasaran": "perilaku", "perilaku": p.pk, "teks": "Bagaimana saya?"}
    )
    akar = UmpanBalik.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/umpan-balik/{akar.pk}/"
    assert akar.permintaan and akar.pejabat_id == kota.atasan.pk
    index = _login(kota.atasan).get("/umpan-balik/").content.decode()
    assert "menunggu jawaban" in index and "Bagaimana saya?" in index


def test_a_15_mb_file_and_an_executable_are_refused_on_the_page(kota: KotaKecil) -> None:
    c = _login(kota.atasan)
    besar = SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff" + b"0" * (15 * 1024 * 1024))
    exe = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    for berkas, kata in ((besar, "batasnya 10 MB"), (exe, "bukan")):
        r = c.post(
            "/umpan-balik/beri/",
            {"pegawai": kota.pegawai.pk, "sasaran": "umum", "teks": "x", "lampiran": berkas},
        )
        assert r.status_code == 422 and kata in r.content.decode()
    assert UmpanBalik.objects.count() == 0


def test_someone_elses_report_is_refused_next_to_the_field(kota: KotaKecil) -> None:
    lain = laporan(kota.luar)
    r = _login(kota.atasan).post(
        "/umpan-balik/beri/",
        {"pegawai": kota.pegawai.pk, "sasaran": "laporan", "laporan": lain.pk, "teks": "x"},
    )
    assert r.status_code == 422 and "id_laporan-error" in r.content.decode()
    assert UmpanBalik.objects.count() == 0


def _banyak(kota: KotaKecil, n: int) -> None:
    for i in range(n):
        akar = services.umpan_balik_beri(
            oleh=kota.atasan, pegawai=kota.pegawai, subjek=Subjek(), teks=f"Umpan {i}"
        )
        services.umpan_balik_balas(oleh=kota.pegawai, induk=akar, teks="Siap")
        services.umpan_balik_minta(
            oleh=kota.pegawai,
            subjek=Subjek(sasaran="laporan", laporan=laporan(kota.pegawai)),
            teks="?",
        )
        dialog(kota)


@pytest.mark.parametrize(
    ("siapa", "url"),
    [
        ("pegawai", "/umpan-balik/?sebagai=pegawai"),
        ("atasan", "/umpan-balik/?sebagai=atasan"),
        ("pegawai", "/umpan-balik/dialog/"),
        ("atasan", "/umpan-balik/dialog/"),
        ("pegawai", "/"),
    ],
)
def test_list_pages_do_not_grow_queries_with_rows(
    kota: KotaKecil, django_assert_max_num_queries, siapa: str, url: str
) -> None:
    c = _login(getattr(kota, siapa))
    _banyak(kota, 3)
    c.get(url)  # warm the session
    with django_assert_max_num_queries(40) as ctx:
        assert c.get(url).status_code == 200
    sedikit = len(ctx.captured_queries)
    _banyak(kota, 9)
    with django_assert_max_num_queries(sedikit):
        assert c.get(url).status_code == 200


def test_the_thread_page_reads_in_a_fixed_number_of_queries(
    kota: KotaKecil, django_assert_max_num_queries
) -> None:
    akar = beri(kota)
    c = _login(kota.pegawai)
    for _ in range(3):
        services.umpan_balik_balas(oleh=kota.pegawai, induk=akar, teks="a")
    c.get(f"/umpan-balik/{akar.pk}/")
    with django_assert_max_num_queries(40) as ctx:
        c.get(f"/umpan-balik/{akar.pk}/")
    n = len(ctx.captured_queries)
    for _ in range(9):
        services.umpan_balik_balas(oleh=kota.atasan, induk=akar, teks="b")
    with django_assert_max_num_queries(n):
        c.get(f"/umpan-balik/{akar.pk}/")


def test_the_index_filters_by_person_and_subject_and_paginates(kota: KotaKecil) -> None:
    _banyak(kota, 11)  # 22 threads
    c = _login(kota.atasan)
    r = c.get(f"/umpan-balik/?sebagai=atasan&pegawai={kota.pegawai.pk}&sasaran=laporan")
    assert r.context["page"].paginator.count == 11
    r = c.get("/umpan-balik/?sebagai=atasan&page=2")
    assert r.context["page"].number == 2 and len(r.context["page"].object_list) == 2
    first = c.get("/umpan-balik/?sebagai=atasan").context["page"].object_list[0]
    assert first.permintaan  # open requests first


# --- dialog pages ---------------------------------------------------------------------------


def test_the_atasan_records_a_dialog_and_the_pegawai_confirms_it(kota: KotaKecil) -> None:
    hari_ini = timezone.localdate()
    data = {
        "pegawai": kota.pegawai.pk,
        "tanggal": hari_ini.isoformat(),
        "topik": "Capaian Mei",
        "kesepakatan": "Percepat",
        "tl-TOTAL_FORMS": "3",
        "tl-INITIAL_FORMS": "0",
        "tl-0-aksi": "Pelatihan",
        "tl-0-pemilik": "pegawai",
        "tl-0-batas": (hari_ini + dt.timedelta(days=7)).isoformat(),
    }
    r = _login(kota.atasan).post("/umpan-balik/dialog/baru/", data)
    d = DialogKinerja.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/umpan-balik/dialog/{d.pk}/"
    assert d.tindak_lanjut_set.get().pemilik_id == kota.pegawai.pk
    c = _login(kota.pegawai)
    assert "Konfirmasi" in c.get(f"/umpan-balik/dialog/{d.pk}/").content.decode()
    c.post(f"/umpan-balik/dialog/{d.pk}/konfirmasi/")
    d.refresh_from_db()
    assert d.dikonfirmasi
    tl = d.tindak_lanjut_set.get()
    c.post(f"/umpan-balik/dialog/tindak-lanjut/{tl.pk}/selesai/")
    tl.refresh_from_db()
    assert tl.selesai_pada is not None
    r = _login(kota.atasan).get(f"/umpan-balik/dialog/{d.pk}/ubah/")
    assert r.status_code == 302  # confirmed: no edit, a message instead


def test_a_dialog_with_a_future_date_shows_the_error_and_stores_nothing(kota: KotaKecil) -> None:
    besok = timezone.localdate() + dt.timedelta(days=1)
    r = _login(kota.pegawai).post(
        "/umpan-balik/dialog/baru/",
        {
            "tanggal": besok.isoformat(),
            "topik": "x",
            "tl-TOTAL_FORMS": "0",
            "tl-INITIAL_FORMS": "0",
        },
    )
    assert r.status_code == 422 and "id_tanggal-error" in r.content.decode()
    assert DialogKinerja.objects.count() == 0


def test_an_outsider_cannot_record_a_dialog_for_someone_elses_bawahan(kota: KotaKecil) -> None:
    r = _login(kota.luar).post(
        "/umpan-balik/dialog/baru/",
        {
            "pegawai": kota.pegawai.pk,
            "tanggal": timezone.localdate().isoformat(),
            "topik": "x",
            "tl-TOTAL_FORMS": "0",
            "tl-INITIAL_FORMS": "0",
        },
    )
    assert r.status_code == 422  # not one of the choices: refused next to the field
    assert DialogKinerja.objects.count() == 0


# --- the partial on the report page ---------------------------------------------------------


def _partial(user, lap) -> str:
    request = RequestFactory().get("/kegiatan/1/")
    request.user = user
    return Template('{% include "umpanbalik/_laporan.html" %}').render(
        Context({"laporan": lap, "request": request})
    )


def test_the_report_partial_shows_threads_and_forms_to_the_two_sides_only(kota: KotaKecil) -> None:
    lap = laporan(kota.pegawai)
    beri(kota, teks="Sudah tepat", laporan=lap)
    atasan = _partial(kota.atasan, lap)
    assert "Sudah tepat" in atasan and "/umpan-balik/beri/" in atasan
    pegawai = _partial(kota.pegawai, lap)
    assert "Sudah tepat" in pegawai and "/umpan-balik/minta/" in pegawai
    assert _partial(kota.luar, lap).strip() == ""
    assert _partial(kota.admin, lap).strip() == ""


def test_the_report_page_of_the_kegiatan_app_carries_the_thread_and_forms(kota: KotaKecil) -> None:
    from django.urls import reverse

    lap = laporan(kota.pegawai)
    beri(kota, teks="Sudah tepat sekali", laporan=lap)
    url = reverse("kegiatan_laporan_detail", kwargs={"pk": lap.pk})
    for user, aksi in ((kota.atasan, "/umpan-balik/beri/"), (kota.pegawai, "/umpan-balik/minta/")):
        body = _login(user).get(url).content.decode()
        assert "Sudah tepat sekali" in body and aksi in body and "csrfmiddlewaretoken" in body
