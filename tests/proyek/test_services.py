"""Rules of the proyek services: who may write what, validation, warnings and notifications."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from kinerja.notifikasi.models import Notifikasi
from kinerja.proyek import services
from kinerja.proyek.models import (
    AnggotaProyek,
    BuktiProyek,
    Eskalasi,
    KomentarKendala,
    PeranAnggota,
    ProgresProyek,
    Proyek,
    RencanaBulanan,
    StatusKendala,
    StatusProyek,
)
from kinerja.proyek.selectors import proyek_untuk_laporan
from tests.factories import KotaKecil
from tests.kegiatan.util import png
from tests.proyek.util import buat_proyek, bulan, hari, rencana_linear


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def _kendala(k: KotaKecil, proyek: Proyek, tingkat: str = "sedang", oleh=None):  # type: ignore[no-untyped-def]
    return services.kendala_ajukan(
        proyek=proyek,
        oleh=oleh or k.pegawai,
        judul="Lahan belum bebas",
        kategori="teknis",
        tingkat=tingkat,
    )


# --- project -----------------------------------------------------------------------------------


def test_the_pimpinan_creates_a_project_and_the_pptk_joins_the_team(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    anggota = AnggotaProyek.objects.get(proyek=proyek, pegawai=kota.pegawai)
    assert anggota.peran == PeranAnggota.PPTK and anggota.aktif
    assert proyek.status_peringatan == "hijau" and proyek.dihitung_pada is not None
    assert proyek.history.count() >= 1


def test_a_pegawai_cannot_create_a_project(kota: KotaKecil) -> None:
    with pytest.raises(PermissionDenied):
        services.proyek_buat(oleh=kota.pegawai, opd=kota.dinas, nama="X", pptk=kota.pegawai)


def test_the_pimpinan_cannot_create_a_project_for_another_opd(kota: KotaKecil) -> None:
    with pytest.raises(PermissionDenied):
        services.proyek_buat(oleh=kota.pimpinan, opd=kota.dinas_lain, nama="X", pptk=kota.luar)


def test_the_pptk_must_work_in_the_opd(kota: KotaKecil) -> None:
    with pytest.raises(ValidationError) as exc:
        services.proyek_buat(oleh=kota.pimpinan, opd=kota.dinas, nama="X", pptk=kota.luar)
    assert "pptk" in exc.value.message_dict


def test_dates_and_pagu_are_checked(kota: KotaKecil) -> None:
    with pytest.raises(ValidationError) as exc:
        services.proyek_buat(
            oleh=kota.pimpinan,
            opd=kota.dinas,
            nama=" ",
            pptk=kota.pegawai,
            mulai=hari(10),
            selesai=hari(0),
            pagu=D(-1),
        )
    assert set(exc.value.message_dict) >= {"nama", "selesai", "pagu"}
    assert not Proyek.objects.exists()


def test_the_kode_is_unique_per_opd_and_year(kota: KotaKecil) -> None:
    services.proyek_buat(
        oleh=kota.pimpinan, opd=kota.dinas, nama="A", pptk=kota.pegawai, kode="1.02"
    )
    with pytest.raises(ValidationError) as exc:
        services.proyek_buat(
            oleh=kota.pimpinan, opd=kota.dinas, nama="B", pptk=kota.pegawai, kode="1.02"
        )
    assert "kode" in exc.value.message_dict


def test_the_pptk_edits_only_some_fields(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    services.proyek_ubah(
        proyek=proyek, oleh=kota.pegawai, revisi=proyek.revisi, lokasi="Gerunggang"
    )
    proyek.refresh_from_db()
    assert proyek.lokasi == "Gerunggang"
    with pytest.raises(PermissionDenied):
        services.proyek_ubah(proyek=proyek, oleh=kota.pegawai, revisi=proyek.revisi, pagu=D(1))
    with pytest.raises(PermissionDenied):
        services.proyek_ubah(proyek=proyek, oleh=kota.atasan, revisi=proyek.revisi, lokasi="x")
    with pytest.raises(ValidationError) as exc:
        services.proyek_ubah(
            proyek=proyek, oleh=kota.pegawai, revisi=proyek.revisi, status=StatusProyek.DIBATALKAN
        )
    assert "status" in exc.value.message_dict


def test_a_stale_edit_is_refused(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    lama = proyek.revisi
    services.proyek_ubah(proyek=proyek, oleh=kota.pimpinan, revisi=lama, lokasi="A")
    with pytest.raises(ValidationError) as exc:
        services.proyek_ubah(proyek=proyek, oleh=kota.pimpinan, revisi=lama, lokasi="B")
    assert "revisi" in exc.value.message_dict


def test_changing_the_pptk_keeps_the_old_one_as_a_member(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    services.proyek_ubah(proyek=proyek, oleh=kota.pimpinan, revisi=proyek.revisi, pptk=kota.kabid)
    peran = dict(AnggotaProyek.objects.filter(proyek=proyek).values_list("pegawai_id", "peran"))
    assert peran == {kota.pegawai.pk: PeranAnggota.ANGGOTA, kota.kabid.pk: PeranAnggota.PPTK}


def test_projects_for_a_report_are_the_active_ones_of_my_team(kota: KotaKecil) -> None:
    aktif = buat_proyek(kota, nama="Aktif")
    selesai = buat_proyek(kota, nama="Selesai", status=StatusProyek.SELESAI)
    buat_proyek(kota, nama="Orang lain", pptk=kota.kabid)
    assert list(proyek_untuk_laporan(kota.pegawai)) == [aktif]
    assert selesai not in proyek_untuk_laporan(kota.pegawai)


# --- S-curve and milestones ----------------------------------------------------------------------


def _baris(*nilai: tuple[int, int]) -> list[services.BarisRencana]:
    awal = bulan(hari(), -2)
    return [services.BarisRencana(bulan(awal, i), D(f), D(k)) for i, (f, k) in enumerate(nilai)]


def test_the_monthly_plan_must_be_cumulative_and_end_at_100(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    for salah, kunci in [
        (_baris((40, 0), (30, 0), (100, 0)), "rencana"),
        (_baris((40, 0), (90, 0)), "rencana"),
        (_baris((40, 0), (101, 0)), "rencana"),
        (_baris((40, 50), (100, 40)), "rencana_keuangan"),
        (_baris((40, 0), (100, 200000000)), "rencana_keuangan"),
    ]:
        with pytest.raises(ValidationError) as exc:
            services.rencana_simpan(proyek=proyek, oleh=kota.pegawai, baris=salah)
        assert kunci in exc.value.message_dict
    services.rencana_simpan(proyek=proyek, oleh=kota.pegawai, baris=_baris((40, 10), (100, 90)))
    assert list(RencanaBulanan.objects.filter(proyek=proyek).values_list("fisik", flat=True)) == [
        40,
        100,
    ]


def test_only_the_pptk_or_a_manager_edits_the_plan(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota, tim=(kota.kabid,))
    with pytest.raises(PermissionDenied):
        services.rencana_simpan(proyek=proyek, oleh=kota.kabid, baris=_baris((100, 0)))


def test_milestone_weights_when_used_sum_to_100(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    with pytest.raises(ValidationError) as exc:
        services.milestone_simpan_semua(
            proyek=proyek,
            oleh=kota.pegawai,
            baris=[
                services.BarisTahapan("Desain", hari(10), D(40)),
                services.BarisTahapan("Konstruksi", hari(60), D(50)),
            ],
        )
    assert "bobot" in exc.value.message_dict
    services.milestone_simpan_semua(
        proyek=proyek, oleh=kota.pegawai, baris=[services.BarisTahapan("Tanpa bobot", hari(10))]
    )
    (m,) = services.milestone_simpan_semua(
        proyek=proyek,
        oleh=kota.pegawai,
        baris=[services.BarisTahapan("Desain", hari(10), D(100))],
    )
    services.milestone_selesai(milestone=m, oleh=kota.pegawai, tanggal=hari(0), bukti=png())
    (sama,) = services.milestone_simpan_semua(
        proyek=proyek,
        oleh=kota.pegawai,
        baris=[services.BarisTahapan("Desain final", hari(12), D(100), pk=m.pk)],
    )
    sama.refresh_from_db()
    assert sama.pk == m.pk and sama.selesai_pada == hari(0) and sama.bukti


# --- progress ------------------------------------------------------------------------------------


def test_a_team_member_reports_progress_with_a_photo(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota, status=StatusProyek.PERENCANAAN)
    progres = services.progres_lapor(
        proyek=proyek,
        oleh=kota.pegawai,
        tanggal=hari(0),
        fisik=D(12),
        keuangan=D(5000000),
        berkas=[png()],
    )
    proyek.refresh_from_db()
    assert (proyek.fisik_realisasi, proyek.keuangan_realisasi) == (12, 5000000)
    assert proyek.status == StatusProyek.BERJALAN
    bukti = progres.bukti_set.get()
    assert bukti.jenis == "png" and bukti.berkas.read().startswith(b"\x89PNG")


def test_only_the_team_reports_progress(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    for orang in (kota.pimpinan, kota.atasan, kota.luar):
        with pytest.raises(PermissionDenied):
            services.progres_lapor(
                proyek=proyek, oleh=orang, tanggal=hari(0), fisik=D(1), keuangan=D(0)
            )


def test_progress_values_are_checked(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    with pytest.raises(ValidationError) as exc:
        services.progres_lapor(
            proyek=proyek, oleh=kota.pegawai, tanggal=hari(1), fisik=D(101), keuangan=D(200000000)
        )
    assert set(exc.value.message_dict) == {"tanggal", "fisik", "keuangan"}


def test_a_decrease_needs_a_reason(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    services.progres_lapor(
        proyek=proyek, oleh=kota.pegawai, tanggal=hari(-1), fisik=D(30), keuangan=D(0)
    )
    with pytest.raises(ValidationError) as exc:
        services.progres_lapor(
            proyek=proyek, oleh=kota.pegawai, tanggal=hari(0), fisik=D(25), keuangan=D(0)
        )
    assert "alasan_koreksi" in exc.value.message_dict
    services.progres_lapor(
        proyek=proyek,
        oleh=kota.pegawai,
        tanggal=hari(0),
        fisik=D(25),
        keuangan=D(0),
        alasan_koreksi="Pekerjaan pondasi dibongkar ulang",
    )
    proyek.refresh_from_db()
    assert proyek.fisik_realisasi == 25


def test_a_report_cannot_be_dated_before_the_latest(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    services.progres_lapor(
        proyek=proyek, oleh=kota.pegawai, tanggal=hari(0), fisik=D(5), keuangan=D(0)
    )
    with pytest.raises(ValidationError) as exc:
        services.progres_lapor(
            proyek=proyek, oleh=kota.pegawai, tanggal=hari(-3), fisik=D(6), keuangan=D(0)
        )
    assert "tanggal" in exc.value.message_dict


def test_a_fake_photo_stores_nothing(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    palsu = SimpleUploadedFile("foto.png", b"bukan gambar", content_type="image/png")
    with pytest.raises(ValidationError) as exc:
        services.progres_lapor(
            proyek=proyek,
            oleh=kota.pegawai,
            tanggal=hari(0),
            fisik=D(5),
            keuangan=D(0),
            berkas=[png(), palsu],
        )
    assert "berkas" in exc.value.message_dict
    assert not ProgresProyek.objects.exists() and not BuktiProyek.objects.exists()
    proyek.refresh_from_db()
    assert proyek.fisik_realisasi == 0


# --- kendala -------------------------------------------------------------------------------------


def test_any_team_member_raises_a_kendala_but_not_outsiders(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota, tim=(kota.kabid,))
    assert _kendala(kota, proyek, oleh=kota.kabid).status == StatusKendala.TERBUKA
    for orang in (kota.atasan, kota.luar):
        with pytest.raises(PermissionDenied):
            _kendala(kota, proyek, oleh=orang)


def test_a_critical_kendala_goes_to_the_city_and_tells_the_pimpinan(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    kendala = _kendala(kota, proyek, tingkat="kritis")
    assert kendala.eskalasi == Eskalasi.KOTA and kendala.dieskalasi_pada is not None
    assert Notifikasi.objects.filter(penerima=kota.pimpinan, jenis="proyek_kendala").exists()
    proyek.refresh_from_db()
    assert proyek.status_peringatan == "merah"


def test_assigning_needs_a_team_member_and_notifies_them(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota, tim=(kota.kabid,))
    kendala = _kendala(kota, proyek)
    with pytest.raises(ValidationError):
        services.kendala_tugaskan(kendala=kendala, oleh=kota.pimpinan, penanggung_jawab=kota.atasan)
    with pytest.raises(PermissionDenied):  # a plain team member does not assign
        services.kendala_tugaskan(kendala=kendala, oleh=kota.kabid, penanggung_jawab=kota.kabid)
    services.kendala_tugaskan(
        kendala=kendala, oleh=kota.pimpinan, penanggung_jawab=kota.kabid, batas_waktu=hari(7)
    )
    kendala.refresh_from_db()
    assert kendala.status == StatusKendala.DITANGANI and kendala.batas_waktu == hari(7)
    assert Notifikasi.objects.filter(penerima=kota.kabid, jenis="proyek_kendala_tugas").exists()
    assert KomentarKendala.objects.filter(kendala=kendala, jenis="aksi").count() == 1


def test_a_deadline_in_the_past_is_refused(kota: KotaKecil) -> None:
    kendala = _kendala(kota, buat_proyek(kota))
    with pytest.raises(ValidationError):
        services.kendala_batas_waktu(kendala=kendala, oleh=kota.pimpinan, batas_waktu=hari(-1))


def test_escalation_goes_up_only_and_the_city_step_is_the_pimpinan_s(kota: KotaKecil) -> None:
    kendala = _kendala(kota, buat_proyek(kota))
    with pytest.raises(PermissionDenied):
        services.kendala_eskalasi(kendala=kendala, oleh=kota.pegawai, ke=Eskalasi.KOTA)
    services.kendala_eskalasi(kendala=kendala, oleh=kota.pegawai, ke=Eskalasi.OPD)
    assert Notifikasi.objects.filter(
        penerima=kota.pimpinan, jenis="proyek_kendala_eskalasi"
    ).exists()
    with pytest.raises(ValidationError):
        services.kendala_eskalasi(kendala=kendala, oleh=kota.pimpinan, ke=Eskalasi.OPD)
    services.kendala_eskalasi(kendala=kendala, oleh=kota.pimpinan, ke=Eskalasi.KOTA)
    kendala.refresh_from_db()
    assert kendala.eskalasi == Eskalasi.KOTA


def test_the_assignee_resolves_with_a_resolution(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota, tim=(kota.kabid,))
    kendala = _kendala(kota, proyek)
    with pytest.raises(PermissionDenied):  # not yet assigned to the kabid
        services.kendala_selesaikan(kendala=kendala, oleh=kota.kabid, resolusi="Beres")
    services.kendala_tugaskan(kendala=kendala, oleh=kota.pegawai, penanggung_jawab=kota.kabid)
    with pytest.raises(ValidationError):
        services.kendala_selesaikan(kendala=kendala, oleh=kota.kabid, resolusi=" ")
    services.kendala_selesaikan(kendala=kendala, oleh=kota.kabid, resolusi="Lahan dibebaskan")
    kendala.refresh_from_db()
    assert kendala.status == StatusKendala.SELESAI and kendala.diselesaikan_pada is not None
    with pytest.raises(ValidationError):
        services.kendala_selesaikan(kendala=kendala, oleh=kota.pimpinan, resolusi="lagi")


def test_only_those_who_see_the_project_comment(kota: KotaKecil) -> None:
    kendala = _kendala(kota, buat_proyek(kota))
    services.kendala_komentar(kendala=kendala, oleh=kota.pimpinan, isi="Segera koordinasi")
    services.kendala_komentar(kendala=kendala, oleh=kota.admin, isi="Dipantau")
    for orang in (kota.atasan, kota.luar):
        with pytest.raises(PermissionDenied):
            services.kendala_komentar(kendala=kendala, oleh=orang, isi="Halo")
    with pytest.raises(ValidationError):
        services.kendala_komentar(kendala=kendala, oleh=kota.pimpinan, isi="")
    assert (
        Notifikasi.objects.filter(penerima=kota.pegawai, jenis="proyek_kendala_komentar").count()
        == 2
    )


# --- warning transitions --------------------------------------------------------------------------


def _peringatan_terkirim() -> list[tuple[str, int]]:
    return list(
        Notifikasi.objects.filter(jenis__in=["proyek_kuning", "proyek_merah"])
        .order_by("pk")
        .values_list("jenis", "penerima_id")
    )


def test_pptk_and_pimpinan_are_notified_on_the_transition_only(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    assert _peringatan_terkirim() == []
    services.milestone_simpan_semua(
        proyek=proyek, oleh=kota.pegawai, baris=[services.BarisTahapan("Survei lokasi", hari(-3))]
    )
    proyek.refresh_from_db()
    assert proyek.status_peringatan == "kuning"
    assert sorted(_peringatan_terkirim()) == sorted(
        [("proyek_kuning", kota.pegawai.pk), ("proyek_kuning", kota.pimpinan.pk)]
    )
    services.proyek_ubah(
        proyek=proyek, oleh=kota.pimpinan, revisi=proyek.revisi, lokasi="Taman Sari"
    )
    assert len(_peringatan_terkirim()) == 2  # still kuning: nothing new
    _kendala(kota, proyek, tingkat="kritis")
    assert [j for j, _p in _peringatan_terkirim()].count("proyek_merah") == 2
    isi = Notifikasi.objects.filter(jenis="proyek_merah").first()
    assert isi is not None and "kendala kritis" in isi.isi
    (m,) = proyek.milestone_set.all()
    services.milestone_selesai(milestone=m, oleh=kota.pegawai, tanggal=hari(0))
    assert len(_peringatan_terkirim()) == 4  # merah → merah, nothing new


def test_the_daily_command_catches_what_time_made_late(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    services.milestone_simpan_semua(
        proyek=proyek, oleh=kota.pegawai, baris=[services.BarisTahapan("Serah terima", hari(5))]
    )
    proyek.refresh_from_db()
    assert proyek.status_peringatan == "hijau"
    hasil = services.peringatan_harian(hari_ini=hari(25))
    assert (hasil.dihitung, hasil.berubah) == (1, 1)
    proyek.refresh_from_db()
    assert proyek.status_peringatan == "merah"
    assert proyek.alasan_peringatan[0]["aturan"] == "milestone_terlambat"
    call_command("hitung_peringatan_proyek", "--tanggal", hari(0).isoformat())
    proyek.refresh_from_db()
    assert proyek.status_peringatan == "hijau"


def test_progress_catching_up_turns_the_project_green(kota: KotaKecil) -> None:
    proyek = buat_proyek(kota)
    rencana_linear(proyek, kota)
    proyek.refresh_from_db()
    assert proyek.status_peringatan == "merah" and proyek.fisik_rencana > 20
    services.progres_lapor(
        proyek=proyek,
        oleh=kota.pegawai,
        tanggal=hari(0),
        fisik=proyek.fisik_rencana,
        keuangan=proyek.keuangan_rencana,
    )
    proyek.refresh_from_db()
    assert proyek.status_peringatan == "hijau" and proyek.alasan_peringatan == []


def test_a_history_row_is_kept_for_kendala(kota: KotaKecil) -> None:
    kendala = _kendala(kota, buat_proyek(kota))
    services.kendala_batas_waktu(
        kendala=kendala, oleh=kota.pimpinan, batas_waktu=hari(3) + dt.timedelta(0)
    )
    assert kendala.history.count() == 2
