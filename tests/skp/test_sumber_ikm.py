"""An SKP indikator takes its realisasi from a unit layanan's IKM (issue #6 item 7)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja.skp import services
from kinerja.skp.models import Aspek, IndikatorKinerja, Rhk, Skp, SumberRealisasi
from kinerja.survei import services as survei_services
from kinerja.survei.models import SumberIkmIndikator, UnitLayanan
from tests.factories import KotaKecil
from tests.skp.util import isi_rhk, rantai
from tests.survei.factories import buat_respons, buat_unit_layanan


def _rhk(kota: KotaKecil) -> Rhk:
    data = rantai(kota)
    return isi_rhk(data["skp"], "Layanan KTP-el memuaskan", rhk_atasan=data["rhk_atasan"])  # type: ignore[arg-type]


def _tambah_ikm(rhk: Rhk, unit_id: int | None, aspek: str = Aspek.KUALITAS) -> IndikatorKinerja:
    skp = Skp.objects.get(pk=rhk.skp_id)
    return services.indikator_add(
        rhk=rhk,
        oleh=skp.pegawai,
        revisi=skp.revisi,
        teks="Indeks kepuasan masyarakat loket KTP-el",
        aspek=aspek,
        target_teks="Baik",
        sumber_realisasi=SumberRealisasi.IKM,
        unit_layanan_id=unit_id,
    )


def _unit_lain(kota: KotaKecil) -> UnitLayanan:
    return survei_services.unit_layanan_create(
        instansi=kota.instansi, unit_kerja=kota.dinas_lain, kode="dishub-uji", nama="Uji KIR"
    )


def test_it_refuses_an_ikm_indikator_without_a_unit_layanan(kota: KotaKecil) -> None:
    rhk = _rhk(kota)
    with pytest.raises(ValidationError, match="Pilih unit layanan"):
        _tambah_ikm(rhk, None)
    assert not IndikatorKinerja.objects.filter(sumber_realisasi=SumberRealisasi.IKM).exists()


def test_it_refuses_a_unit_layanan_of_another_opd(kota: KotaKecil) -> None:
    rhk = _rhk(kota)
    with pytest.raises(ValidationError, match="tidak ditemukan di OPD Anda"):
        _tambah_ikm(rhk, _unit_lain(kota).pk)
    assert not SumberIkmIndikator.objects.exists()


def test_it_refuses_an_ikm_indikator_whose_aspek_is_not_kualitas(kota: KotaKecil) -> None:
    rhk = _rhk(kota)
    with pytest.raises(ValidationError, match="aspek kualitas"):
        _tambah_ikm(rhk, buat_unit_layanan(kota).pk, aspek=Aspek.KUANTITAS)


def test_it_links_the_unit_and_drops_the_link_when_the_sumber_changes(kota: KotaKecil) -> None:
    rhk = _rhk(kota)
    unit = buat_unit_layanan(kota)
    ind = _tambah_ikm(rhk, unit.pk)
    assert SumberIkmIndikator.objects.get(indikator=ind).unit_layanan_id == unit.pk
    skp = Skp.objects.get(pk=rhk.skp_id)
    services.indikator_update(
        indikator=ind,
        oleh=skp.pegawai,
        revisi=skp.revisi,
        teks=ind.teks,
        aspek=Aspek.KUALITAS,
        target_angka=None,
        target_satuan="",
        target_teks="Baik",
        sumber_realisasi=SumberRealisasi.MANUAL,
        unit_layanan_id=unit.pk,
    )
    assert not SumberIkmIndikator.objects.filter(indikator=ind).exists()


def test_the_editor_offers_own_opd_units_and_saves_the_link(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    rhk = _rhk(kota)
    unit = buat_unit_layanan(kota)
    lain = _unit_lain(kota)
    client = client_as("pegawai")
    halaman = client.get(reverse("skp_ubah", kwargs={"pk": rhk.skp_id})).content.decode()
    assert unit.nama in halaman and lain.nama not in halaman
    skp = Skp.objects.get(pk=rhk.skp_id)
    p = f"indbaru-{rhk.pk}"
    data = {
        "revisi": skp.revisi,
        f"{p}-aspek": Aspek.KUALITAS,
        f"{p}-teks": "IKM loket KTP-el",
        f"{p}-target_teks": "Baik",
        f"{p}-sumber_realisasi": SumberRealisasi.IKM,
        f"{p}-unit_layanan_id": unit.pk,
    }
    response = client.post(reverse("skp_indikator_tambah", kwargs={"pk": rhk.pk}), data)
    assert response.status_code == 302
    ind = IndikatorKinerja.objects.get(teks="IKM loket KTP-el")
    assert ind.sumber_realisasi == SumberRealisasi.IKM
    assert SumberIkmIndikator.objects.get(indikator=ind).unit_layanan_id == unit.pk
    # the editor shows the saved unit selected
    halaman = client.get(reverse("skp_ubah", kwargs={"pk": rhk.skp_id})).content.decode()
    assert f'<option value="{unit.pk}" selected>' in halaman
    # another OPD's unit posted by hand is refused next to nothing saved
    skp.refresh_from_db()
    data.update({"revisi": skp.revisi, f"{p}-teks": "Curang", f"{p}-unit_layanan_id": lain.pk})
    response = client.post(reverse("skp_indikator_tambah", kwargs={"pk": rhk.pk}), data)
    assert response.status_code == 422
    assert not IndikatorKinerja.objects.filter(teks="Curang").exists()


def test_the_detail_page_shows_the_ikm_of_the_periode(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    rhk = _rhk(kota)
    unit = buat_unit_layanan(kota)
    _tambah_ikm(rhk, unit.pk)
    tahun = Skp.objects.select_related("periode").get(pk=rhk.skp_id).periode.tahun
    buat_respons(unit, [4] * 9, tanggal=dt.date(tahun, 2, 1))
    buat_respons(unit, [3] * 9, tanggal=dt.date(tahun, 2, 2))
    buat_respons(unit, [1] * 9, tanggal=dt.date(tahun - 1, 7, 1))  # another periode
    for i in range(8):
        isi_rhk(Skp.objects.get(pk=rhk.skp_id), f"RHK nomor {i}")
    client = client_as("pegawai")
    with django_assert_max_num_queries(21):
        response = client.get(reverse("skp_detail", kwargs={"pk": rhk.skp_id}))
    html = response.content.decode()
    assert "Loket KTP-el Disdukcapil" in html
    assert "= 87,50 (mutu B, 2 responden)" in html
    assert f"1 Januari {tahun} – 31 Desember {tahun}" in html
