from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.skp import services
from kinerja.skp.models import Rhk, Skp, StatusSkp
from tests.factories import KotaKecil, buat_pegawai
from tests.skp.util import buat_periode, isi_rhk, rantai

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _segar(skp: Skp) -> Skp:
    return Skp.objects.get(pk=skp.pk)


def test_my_skp_page_offers_to_create_a_draft_then_opens_the_editor(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    buat_periode(kota)
    client = client_as("pegawai")
    assert "Buat draf SKP" in client.get(reverse("skp_saya")).content.decode()
    response = client.post(reverse("skp_buat"))
    skp = Skp.objects.get(pegawai=kota.pegawai)
    assert response["Location"] == reverse("skp_ubah", kwargs={"pk": skp.pk})
    assert client.get(reverse("skp_saya"))["Location"] == response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "Atasan Anda belum menulis RHK" in page


def test_the_editor_lists_the_atasan_rhk_in_the_link_picker(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    page = client_as("pegawai").get(reverse("skp_ubah", kwargs={"pk": data["skp"].pk}))
    html = page.content.decode()
    assert f'<option value="{data["rhk_atasan"].pk}">KTP-el tercetak tepat waktu</option>' in html
    assert "Layanan identitas penduduk" not in html  # the kabid's RHK is not offered


def test_autosave_answers_with_the_new_revisi_and_the_time(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    skp = data["skp"]
    response = client_as("pegawai").post(
        reverse("skp_simpan", kwargs={"pk": skp.pk}),
        {"revisi": skp.revisi, "pendekatan": "kualitatif", "konsekuensi": "Teguran"},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Tersimpan" in html
    assert f'value="{skp.revisi + 1}"' in html and 'hx-swap-oob="outerHTML:.revisi"' in html
    assert _segar(skp).konsekuensi == "Teguran"


def test_a_stale_autosave_is_refused_with_the_message_and_changes_nothing(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    skp = data["skp"]
    rhk = isi_rhk(skp, "Data terverifikasi", rhk_atasan=data["rhk_atasan"])
    dimuat = _segar(skp).revisi
    client = client_as("pegawai")
    url = reverse("skp_rhk_simpan", kwargs={"pk": rhk.pk})
    isian = {
        "revisi": dimuat,
        f"rhk-{rhk.pk}-teks": "Dari tab pertama",
        f"rhk-{rhk.pk}-jenis": "utama",
        f"rhk-{rhk.pk}-rhk_atasan": data["rhk_atasan"].pk,
    }
    assert client.post(url, isian, **HTMX).status_code == 200
    isian[f"rhk-{rhk.pk}-teks"] = "Dari tab kedua"  # the second tab still holds the old revisi
    response = client.post(url, isian, **HTMX)
    html = response.content.decode()
    assert "sudah diubah di tab/perangkat lain" in html
    assert 'hx-swap-oob="outerHTML:.revisi"' not in html  # the stale token stays stale
    assert Rhk.objects.get(pk=rhk.pk).teks == "Dari tab pertama"
    # without htmx the editor is shown again with the user's input kept in the form
    response = client.post(url, isian)
    assert response.status_code == 409
    html = response.content.decode()
    assert "sudah diubah di tab/perangkat lain" in html and "Dari tab kedua" in html


def test_adding_an_rhk_and_indikator_through_the_pages(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    skp = data["skp"]
    client = client_as("pegawai")
    response = client.post(
        reverse("skp_rhk_tambah", kwargs={"pk": skp.pk}),
        {
            "revisi": skp.revisi,
            "rhkbaru-teks": "Data KTP-el terverifikasi",
            "rhkbaru-jenis": "utama",
            "rhkbaru-rhk_atasan": data["rhk_atasan"].pk,
        },
        **HTMX,
    )
    assert response.status_code == 204 and response["HX-Refresh"] == "true"
    rhk = Rhk.objects.get(skp=skp)
    response = client.post(
        reverse("skp_indikator_tambah", kwargs={"pk": rhk.pk}),
        {
            "revisi": _segar(skp).revisi,
            f"indbaru-{rhk.pk}-aspek": "kuantitas",
            f"indbaru-{rhk.pk}-teks": "Jumlah data",
            f"indbaru-{rhk.pk}-target_angka": "120",
            f"indbaru-{rhk.pk}-target_satuan": "berkas",
            f"indbaru-{rhk.pk}-sumber_realisasi": "laporan",
        },
    )
    assert response.status_code == 302
    assert rhk.indikator_set.get().target == "120 berkas"


def test_a_link_to_an_rhk_outside_the_picker_is_refused(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    skp = data["skp"]
    response = client_as("pegawai").post(
        reverse("skp_rhk_tambah", kwargs={"pk": skp.pk}),
        {
            "revisi": skp.revisi,
            "rhkbaru-teks": "Tautan salah",
            "rhkbaru-jenis": "utama",
            "rhkbaru-rhk_atasan": data["rhk_kabid"].pk,
        },
        **HTMX,
    )
    assert "Belum tersimpan" in response.content.decode()
    assert not Rhk.objects.filter(skp=skp).exists()


def test_submit_lists_the_errors_on_the_editor(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    skp = rantai(kota)["skp"]
    response = client_as("pegawai").post(
        reverse("skp_ajukan", kwargs={"pk": skp.pk}), {"revisi": skp.revisi}
    )
    assert response.status_code == 422
    assert "minimal satu RHK utama" in response.content.decode()


def test_the_atasan_returns_then_approves_from_the_pages(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    skp = data["skp"]
    isi_rhk(skp, "Data terverifikasi", rhk_atasan=data["rhk_atasan"])
    pegawai = client_as("pegawai")
    response = pegawai.post(
        reverse("skp_ajukan", kwargs={"pk": skp.pk}), {"revisi": _segar(skp).revisi}
    )
    assert response.status_code == 302 and _segar(skp).status == StatusSkp.DIAJUKAN
    atasan = client_as("atasan")
    antrian = atasan.get(reverse("skp_persetujuan")).content.decode()
    assert "Agus Salim" in antrian
    atasan.post(reverse("skp_kembalikan", kwargs={"pk": skp.pk}), {"catatan": "Perjelas target"})
    assert _segar(skp).status == StatusSkp.DIKEMBALIKAN
    assert (
        "Perjelas target"
        in pegawai.get(reverse("skp_ubah", kwargs={"pk": skp.pk})).content.decode()
    )
    pegawai.post(reverse("skp_ajukan", kwargs={"pk": skp.pk}), {"revisi": _segar(skp).revisi})
    atasan.post(reverse("skp_setujui", kwargs={"pk": skp.pk}))
    skp = _segar(skp)
    assert skp.status == StatusSkp.DISETUJUI
    page = pegawai.get(reverse("skp_detail", kwargs={"pk": skp.pk})).content.decode()
    assert skp.versi_disetujui.kode in page and "KTP-el tercetak tepat waktu" in page
    # approved: the editor sends the pegawai to the read-only page
    assert pegawai.get(reverse("skp_ubah", kwargs={"pk": skp.pk})).status_code == 302


def test_a_pegawai_cannot_approve_their_own_skp_through_the_page(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)  # the atasan's own SKP is submitted; the atasan is an atasan too
    response = client_as("atasan").post(
        reverse("skp_setujui", kwargs={"pk": data["skp_atasan"].pk})
    )
    assert response.status_code == 403
    assert _segar(data["skp_atasan"]).status == StatusSkp.DIAJUKAN


def test_the_atasan_writes_ekspektasi_on_a_page(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from kinerja.skp.models import PerilakuKerja

    skp = rantai(kota)["skp"]
    loyal = PerilakuKerja.objects.get(kode="loyal")
    response = client_as("atasan").post(
        reverse("skp_ekspektasi", kwargs={"pk": skp.pk}), {f"perilaku-{loyal.pk}": "Rahasia data"}
    )
    assert response.status_code == 302
    assert skp.ekspektasi_set.get(perilaku=loyal).ekspektasi == "Rahasia data"


def test_older_versions_stay_viewable_with_a_diff(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    skp = data["skp"]
    isi_rhk(skp, "Data terverifikasi", rhk_atasan=data["rhk_atasan"])
    services.skp_submit(skp=_segar(skp), oleh=kota.pegawai)
    services.skp_approve(skp=_segar(skp), oleh=kota.atasan)
    baru = services.skp_revise(skp=_segar(skp), oleh=kota.pegawai, alasan="Tugas baru")
    isi_rhk(baru, "Arsip digital", rhk_atasan=data["rhk_atasan"])
    client = client_as("pegawai")
    page = client.get(reverse("skp_detail", kwargs={"pk": baru.pk}) + f"?banding={skp.pk}")
    html = page.content.decode()
    assert "Perubahan versi 1 → 2" in html and "Arsip digital" in html and "ditambah" in html
    lama = client.get(reverse("skp_detail", kwargs={"pk": skp.pk})).content.decode()
    assert "versi lama" in lama and "Ubah draf" not in lama


def test_bulk_assignment_page_gives_an_rhk_to_chosen_bawahan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    kedua = buat_pegawai(kota.instansi, "Budi Santoso", kota.j_pelaksana)
    response = client_as("atasan").post(
        reverse("skp_rhk_bagikan"),
        {
            "rhk_atasan": data["rhk_atasan"].pk,
            "bawahan": [kota.pegawai.pk, kedua.pk],
            "jenis": "utama",
            "teks": "Rekam biometrik",
            "aspek": "kuantitas",
            "indikator": "Jumlah rekaman",
            "target_angka": "50",
            "target_satuan": "orang",
        },
    )
    assert response.status_code == 302
    assert Rhk.objects.filter(teks="Rekam biometrik").count() == 2


def test_admin_opens_a_periode_and_operator_fills_the_perjanjian_kinerja(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    from kinerja.skp.models import IndikatorPK, PeriodeKinerja

    admin = client_as("admin_bkpsdmd")
    response = admin.post(
        reverse("skp_periode_list"),
        {
            "tahun": 2031,
            "mulai": "2031-01-01",
            "selesai": "2030-12-31",
            "kadensi": "triwulanan",
            "status": "perencanaan",
        },
    )
    assert response.status_code == 200 and "setelah tanggal mulai" in response.content.decode()
    buat_periode(kota)
    pimpinan = client_as("pimpinan_opd")
    response = pimpinan.post(reverse("skp_perjanjian_list"), {"unit": kota.dinas.pk})
    assert response.status_code == 302
    url = response["Location"]
    pimpinan.post(url, {"aksi": "sasaran", "sasaran": "Tertib administrasi kependudukan"})
    sasaran_id = PeriodeKinerja.objects.get().pk_set.get().sasaran_set.get().pk
    pimpinan.post(
        url,
        {
            "aksi": "indikator",
            "sasaran_id": sasaran_id,
            "indikator": "Cakupan KTP-el",
            "target_angka": "98",
            "satuan": "%",
        },
    )
    assert IndikatorPK.objects.get().indikator == "Cakupan KTP-el"
    # another OPD is not theirs to create
    assert (
        pimpinan.post(reverse("skp_perjanjian_list"), {"unit": kota.dinas_lain.pk}).status_code
        == 404
    )


def test_the_home_page_shows_my_skp_and_the_approval_count(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    isi_rhk(data["skp"], "Data terverifikasi", rhk_atasan=data["rhk_atasan"])
    services.skp_submit(skp=_segar(data["skp"]), oleh=kota.pegawai)
    html = client_as("atasan").get(reverse("beranda")).content.decode()
    assert "1 SKP bawahan menunggu persetujuan Anda." in html
    assert "Diajukan" in client_as("pegawai").get(reverse("beranda")).content.decode()


def _banyak_bawahan(kota: KotaKecil, n: int) -> None:
    data = rantai(kota)
    for i in range(n):
        orang = buat_pegawai(kota.instansi, f"Staf Nomor{i}", kota.j_pelaksana)
        skp = services.skp_create(pegawai=orang, periode=data["periode"])
        isi_rhk(skp, f"RHK staf {i}", rhk_atasan=data["rhk_atasan"])
        services.skp_submit(skp=_segar(skp), oleh=orang)


def test_the_approval_queue_query_count_does_not_grow_with_rows(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    _banyak_bawahan(kota, 12)
    client = client_as("atasan")
    with django_assert_max_num_queries(15):
        response = client.get(reverse("skp_persetujuan"))
    assert response.content.decode().count("Periksa, setujui atau kembalikan") == 12


def test_the_skp_page_and_editor_query_counts_do_not_grow_with_rows(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    skp = data["skp"]
    for i in range(10):
        isi_rhk(skp, f"RHK nomor {i}", rhk_atasan=data["rhk_atasan"])
    client = client_as("pegawai")
    with django_assert_max_num_queries(20):
        response = client.get(reverse("skp_detail", kwargs={"pk": skp.pk}))
    assert response.content.decode().count("Jumlah rhk nomor") == 10
    with django_assert_max_num_queries(20):
        response = client.get(reverse("skp_ubah", kwargs={"pk": skp.pk}))
    assert response.content.decode().count("hapus/") >= 20


def test_the_home_page_query_count_is_pinned(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    _banyak_bawahan(kota, 8)
    client = client_as("atasan")
    # 42 before the pengembangan cards; they add 7: pelatihan 1, rekap 2 (one shared with the
    # home view), rencana 1, sosialisasi 3
    with django_assert_max_num_queries(49):
        response = client.get(reverse("beranda"))
    assert "8 SKP bawahan menunggu" in response.content.decode()


def test_a_draft_is_saved_as_a_template_and_applied_from_the_editor(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    from kinerja.skp.models import TemplateSkp

    data = rantai(kota)
    skp = data["skp"]
    isi_rhk(skp, "Data terverifikasi", rhk_atasan=data["rhk_atasan"])
    client = client_as("pegawai")
    url = reverse("skp_template", kwargs={"pk": skp.pk})
    assert client.post(url, {"nama": "Pengadministrasi"}).status_code == 302
    template = TemplateSkp.objects.get()
    assert (
        "Pengadministrasi"
        in client.get(reverse("skp_ubah", kwargs={"pk": skp.pk})).content.decode()
    )
    response = client.post(url, {"template": template.pk, "revisi": _segar(skp).revisi}, **HTMX)
    assert response.status_code == 204
    assert skp.rhk_set.filter(teks="Data terverifikasi").count() == 2


def test_copying_last_years_skp_from_the_page(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    periode = buat_periode(kota)
    client = client_as("pegawai")
    response = client.post(reverse("skp_buat"), {"salin": "1"})
    assert response["Location"] == reverse("skp_saya")
    assert "Tidak ada SKP tahun lalu" in client.get(reverse("skp_saya")).content.decode()
    lalu = buat_periode(kota, periode.tahun - 1)
    isi_rhk(services.skp_create(pegawai=kota.pegawai, periode=lalu), "Arsip tertib")
    response = client.post(reverse("skp_buat"), {"salin": "1"})
    skp = Skp.objects.get(pegawai=kota.pegawai, periode=periode)
    assert response["Location"] == reverse("skp_ubah", kwargs={"pk": skp.pk})
    assert skp.rhk_set.get().teks == "Arsip tertib"


def test_a_pk_sasaran_in_use_by_a_jpt_rhk_cannot_be_deleted(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    sasaran = data["indikator_pk"].sasaran
    url = reverse("skp_perjanjian_detail", kwargs={"pk": data["perjanjian"].pk})
    client = client_as("pimpinan_opd")
    response = client.post(url, {"aksi": "hapus_sasaran", "id": sasaran.pk}, follow=True)
    assert "sudah dipakai RHK pimpinan" in response.content.decode()
    assert sasaran.__class__.objects.filter(pk=sasaran.pk).exists()


def test_bad_ids_on_the_pk_page_answer_404_not_500(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    data = rantai(kota)
    url = reverse("skp_perjanjian_detail", kwargs={"pk": data["perjanjian"].pk})
    client = client_as("pimpinan_opd")
    assert client.post(url, {"aksi": "hapus_indikator", "id": "abc"}).status_code == 404
    assert client.post(url, {"aksi": "hapus_sasaran", "id": "999999"}).status_code == 404
    response = client.post(url, {"aksi": "sasaran", "sasaran": ""})
    assert response.status_code == 200 and "tidak boleh kosong" in response.content.decode()


def test_admin_edits_a_periode_and_bad_deadlines_are_shown(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    periode = buat_periode(kota)
    url = reverse("skp_periode_ubah", kwargs={"pk": periode.pk})
    isian = {
        "mulai": f"{periode.tahun}-01-01",
        "selesai": f"{periode.tahun}-12-31",
        "kadensi": "bulanan",
        "batas_penyusunan": f"{periode.tahun}-01-31",
        "batas_persetujuan": f"{periode.tahun}-01-15",
        "status": "berjalan",
    }
    client = client_as("admin_bkpsdmd")
    response = client.post(url, isian)
    assert "tidak boleh sebelum batas penyusunan" in response.content.decode()
    isian["batas_persetujuan"] = f"{periode.tahun}-02-15"
    assert client.post(url, isian).status_code == 302
    periode.refresh_from_db()
    assert (periode.kadensi, periode.batas_persetujuan.month) == ("bulanan", 2)


def test_the_queue_approves_and_returns_in_place(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _banyak_bawahan(kota, 2)
    client = client_as("atasan")
    html = client.get(reverse("skp_persetujuan")).content.decode()
    pertama, kedua = Skp.objects.filter(status=StatusSkp.DIAJUKAN, pegawai__nama__startswith="Staf")
    assert reverse("skp_setujui", kwargs={"pk": pertama.pk}) in html
    client.post(reverse("skp_setujui", kwargs={"pk": pertama.pk}))
    client.post(reverse("skp_kembalikan", kwargs={"pk": kedua.pk}), {"catatan": "Lengkapi"})
    assert _segar(pertama).status == StatusSkp.DISETUJUI
    assert _segar(kedua).catatan_pengembalian == "Lengkapi"
    assert client.get(reverse("skp_persetujuan")).context["antrian"].jumlah == 0
