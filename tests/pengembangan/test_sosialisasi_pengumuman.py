"""Announcements: targeting (OPD × role), display window, escaping, admin CRUD, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.pengembangan import selectors_sosialisasi as sel
from kinerja.pengembangan import services_sosialisasi as svc
from kinerja.pengembangan.models import Pengumuman
from tests.factories import KotaKecil

HARI_INI = timezone.localdate


def _umum(k: KotaKecil, judul: str, **kw: object) -> Pengumuman:
    data: dict[str, object] = {"isi": "Isi " + judul, "mulai": HARI_INI() - dt.timedelta(days=1)}
    data.update(kw)
    return svc.pengumuman_simpan(oleh=k.admin, judul=judul, **data)  # type: ignore[arg-type]


def _beranda(client_as, persona: str) -> str:  # type: ignore[no-untyped-def]
    return client_as(persona).get(reverse("beranda")).content.decode()


def test_targeting_by_opd_and_role(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _umum(kota, "Untuk semua orang")
    _umum(kota, "Khusus Dukcapil", target_opd=[kota.dinas])
    _umum(kota, "Khusus para atasan", target_peran=["atasan"])
    _umum(kota, "Atasan di Dishub", target_opd=[kota.dinas_lain], target_peran=["atasan"])
    _umum(kota, "Khusus admin", target_peran=["admin_bkpsdmd"])

    pegawai = _beranda(client_as, "pegawai")
    assert "Untuk semua orang" in pegawai and "Khusus Dukcapil" in pegawai
    assert "Khusus para atasan" not in pegawai and "Khusus admin" not in pegawai

    atasan = _beranda(client_as, "atasan")
    assert "Khusus para atasan" in atasan and "Khusus Dukcapil" in atasan
    assert "Atasan di Dishub" not in atasan  # right role, wrong OPD

    luar = _beranda(client_as, "luar_opd")
    assert "Untuk semua orang" in luar and "Khusus Dukcapil" not in luar
    assert "Atasan di Dishub" not in luar  # right OPD, not an atasan

    admin = _beranda(client_as, "admin_bkpsdmd")
    assert "Khusus admin" in admin and "Khusus Dukcapil" not in admin


def test_pimpinan_opd_role_target(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    _umum(kota, "Untuk kepala OPD", target_peran=["pimpinan_opd"])
    assert "Untuk kepala OPD" in _beranda(client_as, "pimpinan_opd")
    assert "Untuk kepala OPD" not in _beranda(client_as, "atasan")


def test_a_pegawai_outside_the_targets_gets_404_on_the_detail(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    opd = _umum(kota, "Khusus Dukcapil", target_opd=[kota.dinas])
    peran = _umum(kota, "Khusus atasan", target_peran=["atasan"])
    assert (
        client_as("luar_opd")
        .get(reverse("pengembangan:pengumuman_detail", args=[opd.pk]))
        .status_code
        == 404
    )
    assert (
        client_as("pegawai")
        .get(reverse("pengembangan:pengumuman_detail", args=[opd.pk]))
        .status_code
        == 200
    )
    assert (
        client_as("pegawai")
        .get(reverse("pengembangan:pengumuman_detail", args=[peran.pk]))
        .status_code
        == 404
    )
    assert (
        client_as("atasan")
        .get(reverse("pengembangan:pengumuman_detail", args=[peran.pk]))
        .status_code
        == 200
    )
    daftar = client_as("luar_opd").get(reverse("pengembangan:pengumuman_list")).content.decode()
    assert "Khusus Dukcapil" not in daftar and "Khusus atasan" not in daftar


def test_display_window(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    hari_ini = HARI_INI()
    _umum(kota, "Sedang tayang", mulai=hari_ini, selesai=hari_ini)
    _umum(kota, "Belum waktunya", mulai=hari_ini + dt.timedelta(days=1))
    _umum(
        kota,
        "Sudah lewat",
        mulai=hari_ini - dt.timedelta(days=10),
        selesai=hari_ini - dt.timedelta(days=1),
    )
    html = _beranda(client_as, "pegawai")
    assert "Sedang tayang" in html
    assert "Belum waktunya" not in html and "Sudah lewat" not in html
    # a future one is not readable before its start by a non-admin; an expired one stays in the list
    belum = Pengumuman.objects.get(judul="Belum waktunya")
    assert (
        client_as("pegawai")
        .get(reverse("pengembangan:pengumuman_detail", args=[belum.pk]))
        .status_code
        == 404
    )
    assert (
        client_as("admin_bkpsdmd")
        .get(reverse("pengembangan:pengumuman_detail", args=[belum.pk]))
        .status_code
        == 200
    )
    assert (
        "Sudah lewat"
        in client_as("pegawai").get(reverse("pengembangan:pengumuman_list")).content.decode()
    )


def test_text_is_escaped_with_paragraphs_and_line_breaks(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    p = _umum(
        kota,
        "Awas <b>tebal</b>",
        isi="Baris satu\nbaris dua\n\n<script>alert(1)</script>",
        penting=True,
    )
    html = (
        client_as("pegawai")
        .get(reverse("pengembangan:pengumuman_detail", args=[p.pk]))
        .content.decode()
    )
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<p>Baris satu<br>baris dua</p>" in html
    assert "Awas &lt;b&gt;tebal&lt;/b&gt;" in html
    beranda = _beranda(client_as, "pegawai")
    assert "<script>alert(1)</script>" not in beranda and "sos-penting" in beranda


def test_admin_creates_edits_and_deletes(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    admin = client_as("admin_bkpsdmd")
    r = admin.post(
        reverse("pengembangan:pengumuman_tambah"),
        {
            "judul": "Sosialisasi SKP",
            "isi": "Hadir di aula.",
            "mulai": HARI_INI().isoformat(),
            "target_opd": [kota.dinas.pk],
            "target_peran": ["atasan", "pimpinan_opd"],
            "penting": "on",
        },
    )
    assert r.status_code == 302
    p = Pengumuman.objects.get()
    assert p.penting and p.target_peran == ["atasan", "pimpinan_opd"]
    assert list(p.target_opd.all()) == [kota.dinas]
    r = admin.post(
        reverse("pengembangan:pengumuman_ubah", args=[p.pk]),
        {"judul": "Sosialisasi SKP (diubah)", "isi": "Hadir.", "mulai": HARI_INI().isoformat()},
    )
    assert r.status_code == 302
    p.refresh_from_db()
    assert (
        p.judul == "Sosialisasi SKP (diubah)" and p.target_peran == [] and not p.target_opd.exists()
    )
    # errors next to the field, nothing stored
    r = admin.post(
        reverse("pengembangan:pengumuman_ubah", args=[p.pk]),
        {"judul": "X", "isi": "Y", "mulai": "2026-12-10", "selesai": "2026-12-01"},
    )
    assert r.status_code == 422
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in r.content.decode()
    assert admin.post(reverse("pengembangan:pengumuman_hapus", args=[p.pk])).status_code == 302
    assert not Pengumuman.objects.exists()


def test_only_top_level_units_may_be_targeted(kota: KotaKecil) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        _umum(kota, "Ke seksi", target_opd=[kota.seksi])
    with pytest.raises(ValidationError):
        _umum(kota, "Peran aneh", target_peran=["raja"])


@pytest.mark.parametrize("n", [4, 12])
def test_list_query_counts_do_not_grow(
    kota: KotaKecil, client_as, django_assert_max_num_queries, n: int
) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        _umum(
            kota,
            f"Pengumuman {i}",
            target_opd=[kota.dinas, kota.dinas_lain],
            target_peran=["atasan"],
        )
    admin = client_as("admin_bkpsdmd")
    with django_assert_max_num_queries(12):
        r = admin.get(reverse("pengembangan:pengumuman_list"))
    assert r.content.decode().count("Pengumuman ") >= n
    atasan = client_as("atasan")
    with django_assert_max_num_queries(12):
        r = atasan.get(reverse("pengembangan:pengumuman_list"))
    assert r.content.decode().count("pengumuman/") >= n


def test_home_card_costs_three_queries(kota: KotaKecil, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    from kinerja.organisasi.selectors import akses_pengguna

    for i in range(6):
        _umum(kota, f"P{i}", target_opd=[kota.dinas])
    _survei = svc.denyut_simpan(
        oleh=kota.admin,
        judul="Denyut",
        mulai=HARI_INI(),
        selesai=HARI_INI(),
        pertanyaan=["Adil?"],
    )
    akses_pengguna(kota.atasan)  # computed by the home view before the card
    with django_assert_num_queries(3):
        assert len(sel.pengumuman_beranda(kota.atasan)) == 5
        assert sel.tur_beranda(kota.atasan) is not None
        assert sel.denyut_beranda(kota.atasan) == _survei
