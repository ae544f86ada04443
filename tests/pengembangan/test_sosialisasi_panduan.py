"""Guide & FAQ: seeded pages, safe plain-text rendering, search, admin edit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.pengembangan.models import Panduan
from kinerja.pengembangan.templatetags.pengembangan_sosialisasi import teks_biasa
from tests.factories import KotaKecil


def test_plain_text_becomes_paragraphs_and_lists_all_escaped() -> None:
    html = teks_biasa("Pembuka <i>miring</i>\nbaris dua\n\n- satu & dua\n- <b>tiga</b>\n\nPenutup")
    assert html == (
        "<p>Pembuka &lt;i&gt;miring&lt;/i&gt;<br>baris dua</p>"
        "<ul><li>satu &amp; dua</li><li>&lt;b&gt;tiga&lt;/b&gt;</li></ul>"
        "<p>Penutup</p>"
    )
    # a paragraph followed directly by list items
    assert teks_biasa("Langkah:\n- a\n- b") == "<p>Langkah:</p><ul><li>a</li><li>b</li></ul>"
    assert teks_biasa("") == ""


def test_the_seeded_guides_are_there_and_accurate(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    slugs = set(Panduan.objects.values_list("slug", flat=True))
    assert {
        "cara-menyusun-skp",
        "cara-melaporkan-kegiatan",
        "rating-dan-predikat",
        "cara-mengajukan-keberatan",
        "pelatihan-dan-20-jp",
    } <= slugs
    assert Panduan.objects.filter(kategori="faq").count() >= 8
    client = client_as("pegawai")
    html = client.get(reverse("pengembangan:panduan")).content.decode()
    assert "Cara mengajukan keberatan" in html and "Berapa lama 20 JP itu?" in html
    keberatan = client.get(
        reverse("pengembangan:panduan_detail", args=["cara-mengajukan-keberatan"])
    ).content.decode()
    assert "14 hari" in keberatan and "atasan pejabat penilai" in keberatan
    predikat = client.get(reverse("pengembangan:panduan_detail", args=["rating-dan-predikat"]))
    teks = predikat.content.decode()
    assert "<li>Hasil Di Atas dan Perilaku Di Atas: Sangat Baik.</li>" in teks
    assert "Hasil Di Bawah dan Perilaku Di Bawah: Sangat Kurang." in teks
    assert (
        "45 menit"
        in client.get(
            reverse("pengembangan:panduan_detail", args=["pelatihan-dan-20-jp"])
        ).content.decode()
    )


def test_search(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    html = (
        client_as("pegawai")
        .get(reverse("pengembangan:panduan"), {"q": "keberatan"})
        .content.decode()
    )
    assert "Cara mengajukan keberatan" in html
    assert "Cara melaporkan pekerjaan" not in html


def test_admin_edits_a_guide_and_the_text_stays_escaped(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    admin = client_as("admin_bkpsdmd")
    r = admin.post(
        reverse("pengembangan:panduan_ubah", args=["cara-menyusun-skp"]),
        {
            "judul": "Menyusun SKP",
            "slug": "cara-menyusun-skp",
            "kategori": "panduan",
            "isi": "Baru <script>x()</script>\n\n- langkah satu",
            "urutan": 1,
            "aktif": "on",
        },
    )
    assert r.status_code == 302
    p = Panduan.objects.get(slug="cara-menyusun-skp")
    assert p.judul == "Menyusun SKP" and p.diubah_oleh == kota.admin
    html = (
        client_as("pegawai")
        .get(reverse("pengembangan:panduan_detail", args=[p.slug]))
        .content.decode()
    )
    assert "<script>x()</script>" not in html and "&lt;script&gt;" in html
    assert "<li>langkah satu</li>" in html
    # a hidden page: 404 for pegawai, visible to the admin
    admin.post(
        reverse("pengembangan:panduan_ubah", args=[p.slug]),
        {"judul": "Menyusun SKP", "slug": p.slug, "kategori": "panduan", "isi": "x", "urutan": 1},
    )
    assert (
        client_as("pegawai").get(reverse("pengembangan:panduan_detail", args=[p.slug])).status_code
        == 404
    )
    assert admin.get(reverse("pengembangan:panduan_detail", args=[p.slug])).status_code == 200


def test_admin_adds_a_faq_and_a_taken_slug_is_refused(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    admin = client_as("admin_bkpsdmd")
    data = {
        "judul": "Apa itu RHK?",
        "slug": "faq-rhk",
        "kategori": "faq",
        "isi": "Rencana Hasil Kerja.",
        "urutan": 9,
        "aktif": "on",
    }
    assert admin.post(reverse("pengembangan:panduan_tambah"), data).status_code == 302
    r = admin.post(reverse("pengembangan:panduan_tambah"), data)
    assert r.status_code == 422
    assert "Alamat ini sudah dipakai panduan lain." in r.content.decode()
    assert Panduan.objects.filter(slug="faq-rhk").count() == 1
    assert (
        client_as("pegawai")
        .post(reverse("pengembangan:panduan_tambah"), data | {"slug": "x"})
        .status_code
        == 403
    )


@pytest.mark.parametrize("n", [10, 30])
def test_guide_index_query_count_does_not_grow(
    kota: KotaKecil, client_as, django_assert_max_num_queries, n: int
) -> None:  # type: ignore[no-untyped-def]
    Panduan.objects.bulk_create(
        Panduan(slug=f"faq-tambahan-{i}", judul=f"Tanya {i}", kategori="faq", isi="x")
        for i in range(n)
    )
    client = client_as("pegawai")
    with django_assert_max_num_queries(12):
        r = client.get(reverse("pengembangan:panduan"))
    assert r.content.decode().count("faq-tambahan-") == n
