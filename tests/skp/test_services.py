from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.organisasi import services as org_services
from kinerja.skp import services
from kinerja.skp.models import (
    AksiSkp,
    IndikatorKinerja,
    PerilakuKerja,
    Rhk,
    Skp,
    SkpVersi,
    StatusSkp,
    TemplateSkp,
)
from tests.factories import KotaKecil
from tests.skp.util import buat_periode, isi_rhk, rantai

pytestmark = pytest.mark.django_db


def _segar(skp: Skp) -> Skp:
    return Skp.objects.get(pk=skp.pk)


def _siap_ajukan(kota: KotaKecil) -> dict:
    data = rantai(kota)
    isi_rhk(data["skp"], "Data KTP-el terverifikasi", rhk_atasan=data["rhk_atasan"])
    data["skp"] = _segar(data["skp"])
    return data


def test_it_snapshots_jabatan_unit_and_pejabat_penilai_at_creation(kota: KotaKecil) -> None:
    skp = services.skp_create(pegawai=kota.pegawai, periode=buat_periode(kota))
    assert skp.jabatan_nama == "Pengadministrasi Kependudukan"
    assert skp.unit_nama == "Seksi Identitas Penduduk"
    assert skp.pejabat_penilai == kota.atasan
    assert skp.penilai_jabatan_nama == "Kepala Seksi Identitas"
    assert skp.ekspektasi_set.count() == PerilakuKerja.objects.filter(aktif=True).count() == 7
    assert list(skp.riwayat_set.values_list("aksi", flat=True)) == [AksiSkp.DIBUAT]


def test_a_later_mutasi_does_not_rewrite_the_snapshot(kota: KotaKecil) -> None:
    skp = services.skp_create(pegawai=kota.pegawai, periode=buat_periode(kota))
    org_services.penugasan_mutasi(
        pegawai=kota.pegawai, jabatan=kota.j_staf_lain, mulai=dt.date(2021, 1, 1)
    )
    assert _segar(skp).jabatan_nama == "Pengadministrasi Kependudukan"


def test_a_draft_can_be_written_before_the_atasan_has_an_skp(kota: KotaKecil) -> None:
    skp = services.skp_create(pegawai=kota.pegawai, periode=buat_periode(kota))
    rhk = isi_rhk(skp, "Data kependudukan tervalidasi")
    assert rhk.rhk_atasan is None and rhk.indikator_set.count() == 1


def test_it_refuses_a_second_active_skp_for_the_same_periode(kota: KotaKecil) -> None:
    periode = buat_periode(kota)
    services.skp_create(pegawai=kota.pegawai, periode=periode)
    with pytest.raises(ValidationError, match="sudah ada"):
        services.skp_create(pegawai=kota.pegawai, periode=periode)


def test_every_draft_write_bumps_revisi_and_a_stale_one_is_refused(kota: KotaKecil) -> None:
    skp = services.skp_create(pegawai=kota.pegawai, periode=buat_periode(kota))
    dimuat = skp.revisi
    services.skp_update_draft(skp=skp, oleh=kota.pegawai, revisi=dimuat, pendekatan="kualitatif")
    with pytest.raises(services.RevisiBasi) as exc:
        services.skp_update_draft(
            skp=skp, oleh=kota.pegawai, revisi=dimuat, pendekatan="kuantitatif", konsekuensi="x"
        )
    assert "tab/perangkat lain" in exc.value.pesan
    assert exc.value.revisi_sekarang == dimuat + 1
    segar = _segar(skp)
    assert (segar.pendekatan, segar.konsekuensi) == ("kualitatif", "")
    with pytest.raises(services.RevisiBasi):
        services.rhk_add(skp=skp, oleh=kota.pegawai, revisi=dimuat, teks="RHK dari tab lama")
    assert not Rhk.objects.filter(skp=skp).exists()


def test_only_the_pegawai_edits_their_own_draft(kota: KotaKecil) -> None:
    skp = services.skp_create(pegawai=kota.pegawai, periode=buat_periode(kota))
    with pytest.raises(PermissionDenied):
        services.rhk_add(skp=skp, oleh=kota.atasan, revisi=skp.revisi, teks="RHK dari atasan")


def test_it_refuses_a_link_to_an_rhk_that_is_not_the_pejabat_penilais(kota: KotaKecil) -> None:
    data = rantai(kota)
    with pytest.raises(ValidationError, match="bukan RHK pejabat penilai"):
        services.rhk_add(
            skp=data["skp"],
            oleh=kota.pegawai,
            revisi=data["skp"].revisi,
            teks="Tautan ke RHK kabid",
            rhk_atasan=data["rhk_kabid"],  # the atasan's atasan, not the pejabat penilai
        )


def test_indikator_needs_a_target_and_a_satuan_for_numbers(kota: KotaKecil) -> None:
    skp = services.skp_create(pegawai=kota.pegawai, periode=buat_periode(kota))
    rhk = services.rhk_add(skp=skp, oleh=kota.pegawai, revisi=skp.revisi, teks="RHK")
    with pytest.raises(ValidationError) as exc:
        services.indikator_add(rhk=rhk, oleh=kota.pegawai, revisi=rhk.skp.revisi, teks="Ind")
    assert "target_angka" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.indikator_add(
            rhk=rhk, oleh=kota.pegawai, revisi=rhk.skp.revisi, teks="Ind", target_angka=Decimal(3)
        )
    assert "target_satuan" in exc.value.message_dict


def test_submit_lists_what_is_missing(kota: KotaKecil) -> None:
    data = rantai(kota)
    skp = data["skp"]
    services.rhk_add(skp=skp, oleh=kota.pegawai, revisi=skp.revisi, teks="Tanpa indikator")
    skp = _segar(skp)
    with pytest.raises(ValidationError) as exc:
        services.skp_submit(skp=skp, oleh=kota.pegawai, revisi=skp.revisi)
    pesan = " ".join(exc.value.messages)
    assert "minimal satu RHK utama" in pesan
    assert "belum ada indikator" in pesan
    assert "pilih RHK pimpinan" in pesan
    assert _segar(skp).status == StatusSkp.DRAFT


def test_submit_needs_the_atasan_skp_to_be_submitted_or_approved(kota: KotaKecil) -> None:
    periode = buat_periode(kota)
    skp_atasan = services.skp_create(pegawai=kota.atasan, periode=periode)
    rhk_atasan = isi_rhk(skp_atasan, "KTP-el tercetak")  # still a draft
    skp = services.skp_create(pegawai=kota.pegawai, periode=periode)
    isi_rhk(skp, "Data terverifikasi", rhk_atasan=rhk_atasan)
    skp = _segar(skp)
    with pytest.raises(ValidationError, match="sudah diajukan atau disetujui"):
        services.skp_submit(skp=skp, oleh=kota.pegawai, revisi=skp.revisi)


def test_the_full_workflow_return_fix_resubmit_approve(kota: KotaKecil) -> None:
    data = _siap_ajukan(kota)
    skp = services.skp_submit(skp=data["skp"], oleh=kota.pegawai, revisi=data["skp"].revisi)
    assert skp.status == StatusSkp.DIAJUKAN
    with pytest.raises(ValidationError, match="catatan"):
        services.skp_return(skp=skp, oleh=kota.atasan, catatan="  ")
    skp = services.skp_return(skp=skp, oleh=kota.atasan, catatan="Target terlalu rendah")
    assert skp.status == StatusSkp.DIKEMBALIKAN
    rhk = skp.rhk_set.get()
    ind = rhk.indikator_set.get()
    services.indikator_update(
        indikator=ind,
        oleh=kota.pegawai,
        revisi=skp.revisi,
        teks=ind.teks,
        aspek=ind.aspek,
        target_angka=Decimal(24),
        target_satuan="dokumen",
        target_teks="",
    )
    skp = services.skp_submit(skp=_segar(skp), oleh=kota.pegawai)
    versi = services.skp_approve(skp=skp, oleh=kota.atasan)
    skp = _segar(skp)
    assert skp.status == StatusSkp.DISETUJUI and skp.disetujui_oleh == kota.atasan
    assert len(versi.kode) == 8 and set(versi.kode) <= set(services.KODE_ALFABET)
    baris = versi.snapshot["rhk"][0]
    assert baris["rhk_atasan"] == "KTP-el tercetak tepat waktu"
    assert baris["indikator"][0]["target"] == "24 dokumen"
    assert len(versi.snapshot["perilaku"]) == 7
    assert versi.snapshot["penilai"]["nama"] == kota.atasan.nama_lengkap
    assert list(skp.riwayat_set.values_list("aksi", flat=True)) == [
        "dibuat",
        "diajukan",
        "dikembalikan",
        "diajukan",
        "disetujui",
    ]


def test_a_pegawai_cannot_approve_their_own_skp(kota: KotaKecil) -> None:
    data = _siap_ajukan(kota)
    skp = services.skp_submit(skp=data["skp"], oleh=kota.pegawai)
    with pytest.raises(PermissionDenied):
        services.skp_approve(skp=skp, oleh=kota.pegawai)
    assert not SkpVersi.objects.exists()


def test_an_atasan_cannot_approve_someone_who_is_not_their_bawahan(kota: KotaKecil) -> None:
    data = _siap_ajukan(kota)
    skp = services.skp_submit(skp=data["skp"], oleh=kota.pegawai)
    for orang_lain in (kota.kabid, kota.pimpinan, kota.luar):
        with pytest.raises(PermissionDenied):
            services.skp_approve(skp=skp, oleh=orang_lain)
        with pytest.raises(PermissionDenied):
            services.skp_return(skp=skp, oleh=orang_lain, catatan="tidak")
    assert _segar(skp).status == StatusSkp.DIAJUKAN


def test_a_plt_of_the_atasan_jabatan_approves(kota: KotaKecil) -> None:
    data = _siap_ajukan(kota)
    skp = services.skp_submit(skp=data["skp"], oleh=kota.pegawai)
    org_services.penugasan_plt(
        pegawai=kota.kabid, jabatan=kota.j_kasi, mulai=dt.date(2024, 1, 1), selesai=None
    )
    with pytest.raises(PermissionDenied):
        services.skp_approve(skp=skp, oleh=kota.atasan)
    versi = services.skp_approve(skp=skp, oleh=kota.kabid)
    assert versi.disetujui_oleh == kota.kabid


def test_an_approved_skp_is_read_only(kota: KotaKecil) -> None:
    data = _siap_ajukan(kota)
    skp = services.skp_submit(skp=data["skp"], oleh=kota.pegawai)
    services.skp_approve(skp=skp, oleh=kota.atasan)
    skp = _segar(skp)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        services.rhk_add(skp=skp, oleh=kota.pegawai, revisi=skp.revisi, teks="Tambahan")
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        services.skp_set_ekspektasi(skp=skp, oleh=kota.atasan, ekspektasi={})


def test_the_atasan_writes_ekspektasi_khusus(kota: KotaKecil) -> None:
    data = _siap_ajukan(kota)
    skp = data["skp"]
    loyal = PerilakuKerja.objects.get(kode="loyal")
    services.skp_set_ekspektasi(skp=skp, oleh=kota.atasan, ekspektasi={loyal.pk: "Jaga data"})
    assert skp.ekspektasi_set.get(perilaku=loyal).ekspektasi == "Jaga data"
    with pytest.raises(PermissionDenied):
        services.skp_set_ekspektasi(skp=skp, oleh=kota.pegawai, ekspektasi={loyal.pk: "x"})


def test_a_revision_makes_a_new_version_and_keeps_the_old(kota: KotaKecil) -> None:
    data = _siap_ajukan(kota)
    skp = services.skp_submit(skp=data["skp"], oleh=kota.pegawai)
    services.skp_approve(skp=skp, oleh=kota.atasan)
    baru = services.skp_revise(skp=_segar(skp), oleh=kota.pegawai, alasan="Tugas baru")
    lama = _segar(skp)
    assert (lama.aktif, lama.status, baru.aktif, baru.versi) == (False, "disetujui", True, 2)
    assert baru.status == StatusSkp.DRAFT and baru.revisi_dari == lama
    assert baru.rhk_set.get().rhk_atasan == data["rhk_atasan"]
    assert IndikatorKinerja.objects.filter(rhk__skp=baru).count() == 1
    with pytest.raises(ValidationError):
        services.skp_revise(skp=lama, oleh=kota.pegawai)


def test_copy_from_last_year_makes_a_draft_without_links(kota: KotaKecil) -> None:
    tahun = buat_periode(kota).tahun
    lalu = buat_periode(kota, tahun - 1)
    skp_lalu = services.skp_create(pegawai=kota.pegawai, periode=lalu)
    isi_rhk(skp_lalu, "Arsip kependudukan rapi")
    skp = services.skp_copy_from_last_year(
        pegawai=kota.pegawai, periode=buat_periode(kota), oleh=kota.pegawai
    )
    rhk = skp.rhk_set.get()
    assert (rhk.teks, rhk.rhk_atasan, rhk.indikator_set.count()) == (
        "Arsip kependudukan rapi",
        None,
        1,
    )


def test_a_template_per_jabatan_is_saved_and_applied(kota: KotaKecil) -> None:
    periode = buat_periode(kota)
    skp = services.skp_create(pegawai=kota.pegawai, periode=periode)
    isi_rhk(skp, "Dokumen terlayani")
    template = services.template_create_from_skp(skp=skp, oleh=kota.atasan, nama="Pelaksana")
    assert TemplateSkp.objects.get().jabatan == kota.j_pelaksana
    skp = _segar(skp)
    services.skp_apply_template(skp=skp, oleh=kota.pegawai, revisi=skp.revisi, template=template)
    assert skp.rhk_set.count() == 2
    assert IndikatorKinerja.objects.filter(rhk__skp=skp).count() == 2


def test_the_atasan_assigns_one_rhk_to_many_bawahan(kota: KotaKecil) -> None:
    from tests.factories import buat_pegawai

    data = rantai(kota)
    kedua = buat_pegawai(kota.instansi, "Budi Santoso", kota.j_pelaksana)
    hasil = services.rhk_assign_bulk(
        oleh=kota.atasan,
        rhk_atasan=data["rhk_atasan"],
        bawahan=[kota.pegawai, kedua],
        teks="Rekam data KTP-el",
        indikator=[{"teks": "Data terekam", "target_angka": "100", "target_satuan": "berkas"}],
    )
    assert sorted(hasil.ditambahkan) == sorted([kota.pegawai.pk, kedua.pk])
    assert hasil.draf_baru == [kedua.pk]
    rhk = Rhk.objects.get(skp__pegawai=kedua)
    assert rhk.rhk_atasan == data["rhk_atasan"] and rhk.indikator_set.count() == 1
    assert _segar(data["skp"]).revisi > data["skp"].revisi
    with pytest.raises(PermissionDenied):
        services.rhk_assign_bulk(
            oleh=kota.atasan,
            rhk_atasan=data["rhk_atasan"],
            bawahan=[kota.luar],
            teks="X",
            indikator=[{"teks": "Y", "target_teks": "baik"}],
        )


def test_jpt_rhk_comes_from_the_opd_perjanjian_kinerja(kota: KotaKecil) -> None:
    periode = buat_periode(kota)
    services.skp_create(pegawai=kota.sekda, periode=periode)
    pk = services.perjanjian_create(oleh=kota.pimpinan, periode=periode, unit=kota.dinas)
    sasaran = services.sasaran_pk_add(oleh=kota.pimpinan, perjanjian=pk, sasaran="Tertib adminduk")
    ind_pk = services.indikator_pk_add(
        oleh=kota.pimpinan,
        sasaran=sasaran,
        indikator="Cakupan KTP-el",
        target_angka=Decimal(98),
        satuan="%",
    )
    skp = services.skp_create(pegawai=kota.pimpinan, periode=periode)
    isi_rhk(skp, "Cakupan KTP-el meningkat")
    skp = _segar(skp)
    with pytest.raises(ValidationError, match="Perjanjian Kinerja"):
        services.skp_submit(skp=skp, oleh=kota.pimpinan)
    rhk = skp.rhk_set.get()
    services.rhk_update(
        rhk=rhk,
        oleh=kota.pimpinan,
        revisi=skp.revisi,
        teks=rhk.teks,
        jenis="utama",
        rhk_atasan=None,
        indikator_pk=ind_pk,
    )
    assert services.skp_submit(skp=_segar(skp), oleh=kota.pimpinan).status == "diajukan"


def test_only_managers_of_the_opd_edit_its_perjanjian_kinerja(kota: KotaKecil) -> None:
    periode = buat_periode(kota)
    for orang in (kota.pegawai, kota.atasan, kota.luar):
        with pytest.raises(PermissionDenied):
            services.perjanjian_create(oleh=orang, periode=periode, unit=kota.dinas)
    assert services.perjanjian_create(oleh=kota.admin, periode=periode, unit=kota.dinas).pk


def test_only_admin_bkpsdmd_creates_a_periode_and_dates_are_checked(kota: KotaKecil) -> None:
    with pytest.raises(PermissionDenied):
        services.periode_create(
            oleh=kota.pimpinan,
            instansi=kota.instansi,
            tahun=2030,
            mulai=dt.date(2030, 1, 1),
            selesai=dt.date(2030, 12, 31),
        )
    with pytest.raises(ValidationError) as exc:
        services.periode_create(
            oleh=kota.admin,
            instansi=kota.instansi,
            tahun=2030,
            mulai=dt.date(2030, 1, 1),
            selesai=dt.date(2030, 12, 31),
            batas_penyusunan=dt.date(2031, 2, 1),
        )
    assert "batas_penyusunan" in exc.value.message_dict


def test_rhk_utama_come_before_tambahan_in_the_snapshot_and_the_lists(kota: KotaKecil) -> None:
    from kinerja.skp import selectors

    data = rantai(kota)
    isi_rhk(data["skp"], "Tugas tambahan panitia", jenis="tambahan", rhk_atasan=data["rhk_atasan"])
    isi_rhk(data["skp"], "Data KTP-el terverifikasi", rhk_atasan=data["rhk_atasan"])
    skp = services.skp_submit(skp=_segar(data["skp"]), oleh=kota.pegawai)
    versi = services.skp_approve(skp=skp, oleh=kota.atasan)
    assert [r["teks"] for r in versi.snapshot["rhk"]] == [
        "Data KTP-el terverifikasi",
        "Tugas tambahan panitia",
    ]
    assert [r.jenis for r in selectors.rhk_untuk_skp(_segar(skp))] == ["utama", "tambahan"]
    assert [r.jenis for r in skp.rhk_set.all()] == ["utama", "tambahan"]
