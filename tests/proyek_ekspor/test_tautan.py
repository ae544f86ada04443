"""Link to performance: a project's progress as the realisasi of an SKP indikator (sumber PROYEK):
value at a date per measure, who may link, and the pegawai's progress page using it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.proyek import services
from kinerja.proyek.tautan import SumberProyekIndikator
from kinerja.proyek.tautan_selectors import (
    proyek_untuk_indikator,
    realisasi_proyek_indikator,
    sumber_proyek_lepas,
    sumber_proyek_tautkan,
)
from kinerja.skp import services as skp_services
from kinerja.skp.models import SumberRealisasi
from tests.factories import KotaKecil
from tests.proyek_ekspor.util import PAGU, pada, proyek_berkurva
from tests.skp.util import buat_periode, isi_rhk

pytestmark = pytest.mark.django_db


def _indikator(k: KotaKecil, n: int = 1):  # type: ignore[no-untyped-def]
    periode = buat_periode(k)
    skp = skp_services.skp_create(pegawai=k.pegawai, periode=periode)
    return [isi_rhk(skp, f"Gedung pelayanan tahap {i}").indikator_set.get() for i in range(n)]


def _riwayat(k: KotaKecil):  # type: ignore[no-untyped-def]
    proyek = proyek_berkurva(k)
    services.progres_lapor(
        proyek=proyek, oleh=k.pegawai, tanggal=pada(-1, 10), fisik=Decimal(20), keuangan=PAGU / 10
    )
    services.progres_lapor(
        proyek=proyek,
        oleh=k.pegawai,
        tanggal=timezone.localdate(),
        fisik=Decimal("47.5"),
        keuangan=PAGU / 4,
    )
    return proyek


def test_value_per_measure_at_a_date(kota: KotaKecil, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    proyek = _riwayat(kota)
    fisik, keu, serap = _indikator(kota, 3)
    sumber_proyek_tautkan(oleh=kota.pegawai, indikator=fisik, proyek=proyek, ukuran="fisik")
    sumber_proyek_tautkan(oleh=kota.pegawai, indikator=keu, proyek=proyek, ukuran="keuangan")
    sumber_proyek_tautkan(oleh=kota.pimpinan, indikator=serap, proyek=proyek, ukuran="serapan")
    ids = [fisik.pk, keu.pk, serap.pk]
    with django_assert_num_queries(2):
        kini = realisasi_proyek_indikator(ids, timezone.localdate())
    assert kini == {fisik.pk: Decimal("47.5"), keu.pk: PAGU / 4, serap.pk: Decimal("25.00")}
    lalu = realisasi_proyek_indikator(ids, pada(-1, 28))
    assert lalu == {fisik.pk: Decimal(20), keu.pk: PAGU / 10, serap.pk: Decimal("10.00")}
    assert realisasi_proyek_indikator(ids, pada(-2, 1))[fisik.pk] == Decimal(0)  # before any
    fisik.refresh_from_db()
    assert fisik.sumber_realisasi == SumberRealisasi.PROYEK


def test_no_query_without_links(kota: KotaKecil, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(0):
        assert realisasi_proyek_indikator([], timezone.localdate()) == {}
    (ind,) = _indikator(kota)
    with django_assert_num_queries(1):
        assert realisasi_proyek_indikator([ind.pk], timezone.localdate()) == {}


def test_who_may_link(kota: KotaKecil) -> None:
    proyek = _riwayat(kota)
    (ind,) = _indikator(kota)
    with pytest.raises(PermissionDenied):  # the atasan does not see the project
        sumber_proyek_tautkan(oleh=kota.atasan, indikator=ind, proyek=proyek, ukuran="fisik")
    with pytest.raises(PermissionDenied):
        sumber_proyek_tautkan(oleh=kota.luar, indikator=ind, proyek=proyek, ukuran="fisik")
    with pytest.raises(ValidationError) as e:
        sumber_proyek_tautkan(oleh=kota.pegawai, indikator=ind, proyek=proyek, ukuran="x")
    assert "ukuran" in e.value.message_dict
    assert not SumberProyekIndikator.objects.exists()
    assert proyek_untuk_indikator(kota.pegawai, ind) == [proyek]
    assert proyek_untuk_indikator(kota.atasan, ind) == []


def test_a_project_of_another_opd_cannot_be_the_source(kota: KotaKecil) -> None:
    lain = services.proyek_buat(
        oleh=kota.admin, opd=kota.dinas_lain, nama="Halte", pptk=kota.luar, pagu=Decimal(10**8)
    )
    (ind,) = _indikator(kota)
    with pytest.raises(ValidationError) as e:
        sumber_proyek_tautkan(oleh=kota.admin, indikator=ind, proyek=lain, ukuran="fisik")
    assert "proyek" in e.value.message_dict


def test_unlink_goes_back_to_reports(kota: KotaKecil) -> None:
    proyek = _riwayat(kota)
    (ind,) = _indikator(kota)
    sumber_proyek_tautkan(oleh=kota.pegawai, indikator=ind, proyek=proyek, ukuran="fisik")
    sumber_proyek_lepas(oleh=kota.pegawai, indikator=ind)
    ind.refresh_from_db()
    assert ind.sumber_realisasi == SumberRealisasi.LAPORAN
    assert realisasi_proyek_indikator([ind.pk], timezone.localdate()) == {}


def test_the_progress_page_shows_the_project_value(kota: KotaKecil) -> None:
    from kinerja.kegiatan.selectors import progres_skp

    proyek = _riwayat(kota)
    (ind,) = _indikator(kota)
    sumber_proyek_tautkan(oleh=kota.pegawai, indikator=ind, proyek=proyek, ukuran="fisik")
    skp = ind.rhk.skp
    hari = timezone.localdate()
    (baris,) = progres_skp(skp, hari.replace(month=1, day=1), hari)
    (item,) = baris.indikator
    assert item.realisasi.nilai == Decimal("47.5")
    assert item.target == Decimal(12)  # a cumulative value is not compared to a pro-rated target


def test_penilaian_reads_the_project_value_at_the_end_of_the_window(
    kota: KotaKecil, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from kinerja.penilaian.services import realisasi_untuk

    proyek = _riwayat(kota)
    fisik, biasa = _indikator(kota, 2)
    sumber_proyek_tautkan(oleh=kota.pegawai, indikator=fisik, proyek=proyek, ukuran="fisik")
    fisik.refresh_from_db()
    hasil = realisasi_untuk([fisik, biasa], pada(-2, 1), pada(-1, 28))
    assert hasil[fisik.pk]["nilai"] == Decimal(20)  # the update of last month, not today's
    assert realisasi_untuk([fisik], pada(-2, 1), timezone.localdate())[fisik.pk][
        "nilai"
    ] == Decimal("47.5")
    assert hasil.get(biasa.pk, {"nilai": Decimal(0)})["nilai"] == Decimal(0)


def test_the_page_links_and_unlinks_a_project(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from django.urls import reverse

    proyek = _riwayat(kota)
    (ind,) = _indikator(kota)
    url = reverse("proyek_sumber_indikator", kwargs={"pk": ind.pk})
    pegawai = client_as("pegawai")
    halaman = pegawai.get(url).content.decode()
    assert proyek.nama in halaman
    # a project that is not among the choices is refused next to the field, nothing stored
    salah = pegawai.post(url, {"proyek": 999999, "ukuran": "fisik"})
    assert salah.status_code == 422
    assert not SumberProyekIndikator.objects.exists()
    ok = pegawai.post(url, {"proyek": proyek.pk, "ukuran": "serapan"})
    assert ok.status_code == 302
    link = SumberProyekIndikator.objects.get(indikator=ind)
    assert (link.proyek_id, link.ukuran) == (proyek.pk, "serapan")
    skp_page = pegawai.get(reverse("skp_detail", kwargs={"pk": ind.rhk.skp_id})).content.decode()
    assert url in skp_page
    # the atasan reads the SKP but may not change its source
    assert client_as("atasan").post(url, {"proyek": proyek.pk, "ukuran": "fisik"}).status_code in (
        403,
        422,
    )
    assert SumberProyekIndikator.objects.get(indikator=ind).ukuran == "serapan"
    assert client_as("luar_opd").get(url).status_code == 404
    pegawai.post(url, {"aksi": "lepas"})
    ind.refresh_from_db()
    assert not SumberProyekIndikator.objects.exists()
    assert ind.sumber_realisasi == SumberRealisasi.LAPORAN
