"""Who may write where: the pegawai, the atasan and the pejabat chain above; nobody else."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kinerja.notifikasi.models import Notifikasi
from kinerja.organisasi import services as org_services
from kinerja.organisasi.models import JenisPenugasan
from kinerja.umpanbalik import selectors, services
from kinerja.umpanbalik.models import DialogKinerja, Sasaran, UmpanBalik
from kinerja.umpanbalik.services import Subjek, TindakLanjutData
from tests.factories import KotaKecil, buat_pegawai
from tests.umpanbalik.util import beri, dialog, laporan, perilaku, rhk_pegawai


def _umum(kota: KotaKecil, oleh, teks: str = "Bagus") -> UmpanBalik:
    return services.umpan_balik_beri(oleh=oleh, pegawai=kota.pegawai, subjek=Subjek(), teks=teks)


def test_the_chain_is_the_atasan_then_up_to_the_pimpinan_of_the_opd(kota: KotaKecil) -> None:
    assert selectors.rantai_ids(kota.pegawai) == [kota.atasan.pk, kota.kabid.pk, kota.pimpinan.pk]
    assert selectors.rantai_ids(kota.pimpinan) == [kota.sekda.pk]  # the atasan, another OPD


def test_a_plt_atasan_takes_the_place_of_the_definitive_one(kota: KotaKecil) -> None:
    plt = buat_pegawai(kota.instansi, "Hendra Plt")
    org_services.penugasan_plt(
        pegawai=plt,
        jabatan=kota.j_kasi,
        mulai=dt.date(2021, 1, 1),
        selesai=None,
        jenis=JenisPenugasan.PLT,
    )
    assert selectors.rantai_ids(kota.pegawai)[0] == plt.pk
    akar = _umum(kota, plt)
    assert akar.pejabat_id == plt.pk
    with pytest.raises(PermissionDenied):
        _umum(kota, kota.atasan)


@pytest.mark.parametrize("siapa", ["atasan", "kabid", "pimpinan"])
def test_the_atasan_and_the_pejabat_above_may_give_feedback(kota: KotaKecil, siapa: str) -> None:
    akar = _umum(kota, getattr(kota, siapa))
    assert akar.pejabat_id == getattr(kota, siapa).pk and akar.induk_id is None


@pytest.mark.parametrize("siapa", ["luar", "admin", "sekda", "peer", "pegawai"])
def test_an_outsider_may_not_give_feedback_and_nothing_is_stored(
    kota: KotaKecil, siapa: str
) -> None:
    oleh = (
        buat_pegawai(kota.instansi, "Rekan Sejawat", kota.j_pelaksana)
        if siapa == "peer"
        else getattr(kota, siapa)
    )
    with pytest.raises(PermissionDenied):
        _umum(kota, oleh)
    assert UmpanBalik.objects.count() == 0
    assert Notifikasi.objects.count() == 0


def test_an_outsider_may_not_reply_and_nothing_is_stored(kota: KotaKecil) -> None:
    akar = beri(kota)
    peer = buat_pegawai(kota.instansi, "Rekan Sejawat", kota.j_pelaksana)
    for oleh in (peer, kota.luar, kota.admin):
        with pytest.raises(PermissionDenied):
            services.umpan_balik_balas(oleh=oleh, induk=akar, teks="Ikut campur")
    assert UmpanBalik.objects.count() == 1


def test_feedback_notifies_the_pegawai_and_a_reply_notifies_the_atasan(kota: KotaKecil) -> None:
    akar = beri(kota)
    n = Notifikasi.objects.get()
    assert n.penerima_id == kota.pegawai.pk and n.url == f"/umpan-balik/{akar.pk}/"
    services.umpan_balik_balas(oleh=kota.pegawai, induk=akar, teks="Siap")
    assert list(
        Notifikasi.objects.filter(jenis="umpan_balik_balasan").values_list("penerima_id", flat=True)
    ) == [kota.atasan.pk]


def test_a_request_goes_to_the_atasan_and_counts_as_answered_after_the_reply(
    kota: KotaKecil,
) -> None:
    lap = laporan(kota.pegawai)
    akar = services.umpan_balik_minta(
        oleh=kota.pegawai, subjek=Subjek(sasaran=Sasaran.LAPORAN, laporan=lap), teks="Sudah benar?"
    )
    assert akar.permintaan and akar.pejabat_id == kota.atasan.pk and akar.dijawab_pada is None
    assert Notifikasi.objects.get(jenis="umpan_balik_permintaan").penerima_id == kota.atasan.pk
    assert selectors.ringkasan_beranda(kota.atasan)["permintaan"] == 1
    services.umpan_balik_balas(oleh=kota.pegawai, induk=akar, teks="Tambahan")
    akar.refresh_from_db()
    assert akar.dijawab_pada is None  # the pegawai's own addition does not answer it
    services.umpan_balik_balas(oleh=kota.atasan, induk=akar, teks="Sudah")
    akar.refresh_from_db()
    assert akar.dijawab_pada is not None
    assert selectors.ringkasan_beranda(kota.atasan)["permintaan"] == 0


def test_a_request_must_name_a_subject(kota: KotaKecil) -> None:
    with pytest.raises(ValidationError) as exc:
        services.umpan_balik_minta(oleh=kota.pegawai, subjek=Subjek(), teks="Bagaimana?")
    assert "sasaran" in exc.value.message_dict


def test_someone_elses_report_or_rhk_is_refused(kota: KotaKecil) -> None:
    lain = laporan(kota.luar)
    with pytest.raises(ValidationError) as exc:
        beri(kota, laporan=lain)
    assert "laporan" in exc.value.message_dict
    from tests.skp.util import rantai

    rhk_atasan = rantai(kota)["rhk_atasan"]
    with pytest.raises(ValidationError) as exc:
        services.umpan_balik_beri(
            oleh=kota.atasan,
            pegawai=kota.pegawai,
            subjek=Subjek(
                sasaran=Sasaran.RHK,
                rhk=rhk_atasan,  # type: ignore[arg-type]
                periode_mulai=timezone.localdate(),
                periode_selesai=timezone.localdate(),
            ),
            teks="x",
        )
    assert "rhk" in exc.value.message_dict
    assert UmpanBalik.objects.count() == 0


def test_rhk_feedback_needs_a_period_inside_the_skp_year(kota: KotaKecil) -> None:
    rhk = rhk_pegawai(kota)
    hari_ini = timezone.localdate()
    for mulai, selesai, field in [
        (None, None, "periode_mulai"),
        (hari_ini, hari_ini - dt.timedelta(days=1), "periode_selesai"),
        (hari_ini.replace(year=hari_ini.year - 1), hari_ini, "periode_mulai"),
    ]:
        with pytest.raises(ValidationError) as exc:
            services.umpan_balik_beri(
                oleh=kota.atasan,
                pegawai=kota.pegawai,
                subjek=Subjek(
                    sasaran=Sasaran.RHK, rhk=rhk, periode_mulai=mulai, periode_selesai=selesai
                ),
                teks="Realisasi",
            )
        assert field in exc.value.message_dict
    ok = services.umpan_balik_beri(
        oleh=kota.atasan,
        pegawai=kota.pegawai,
        subjek=Subjek(
            sasaran=Sasaran.RHK,
            rhk=rhk,
            periode_mulai=hari_ini.replace(day=1),
            periode_selesai=hari_ini,
        ),
        teks="Realisasi baik",
    )
    assert ok.skp_id == rhk.skp_id


def test_perilaku_feedback_names_a_berakhlak_value(kota: KotaKecil) -> None:
    with pytest.raises(ValidationError):
        services.umpan_balik_beri(
            oleh=kota.atasan,
            pegawai=kota.pegawai,
            subjek=Subjek(sasaran=Sasaran.PERILAKU),
            teks="x",
        )
    akar = services.umpan_balik_beri(
        oleh=kota.atasan,
        pegawai=kota.pegawai,
        subjek=Subjek(sasaran=Sasaran.PERILAKU, perilaku=perilaku()),
        teks="Kolaboratif sekali",
    )
    assert akar.perilaku_id is not None


def test_an_executable_renamed_pdf_is_refused_and_nothing_is_stored(kota: KotaKecil) -> None:
    berkas = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(ValidationError) as exc:
        services.umpan_balik_beri(
            oleh=kota.atasan, pegawai=kota.pegawai, subjek=Subjek(), teks="x", berkas=berkas
        )
    assert "lampiran" in exc.value.message_dict
    assert UmpanBalik.objects.count() == 0


def test_a_real_pdf_is_attached(kota: KotaKecil, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    berkas = SimpleUploadedFile("catatan.pdf", b"%PDF-1.4\n%%EOF\n")
    akar = services.umpan_balik_beri(
        oleh=kota.atasan, pegawai=kota.pegawai, subjek=Subjek(), teks="x", berkas=berkas
    )
    assert akar.lampiran.name.endswith(".pdf") and akar.lampiran_nama == "catatan.pdf"


def test_reading_marks_only_the_other_sides_messages(kota: KotaKecil) -> None:
    akar = beri(kota)
    balasan = services.umpan_balik_balas(oleh=kota.pegawai, induk=akar, teks="Siap")
    assert services.umpan_balik_tandai_dibaca(oleh=kota.pimpinan, akar=akar) == 0
    assert services.umpan_balik_tandai_dibaca(oleh=kota.pegawai, akar=akar) == 1
    akar.refresh_from_db()
    balasan.refresh_from_db()
    assert akar.dibaca_pada is not None and balasan.dibaca_pada is None
    assert services.umpan_balik_tandai_dibaca(oleh=kota.atasan, akar=akar) == 1
    balasan.refresh_from_db()
    assert balasan.dibaca_pada is not None


# --- dialog kinerja -------------------------------------------------------------------------


def test_the_recorder_confirms_by_recording_and_the_other_side_is_asked(kota: KotaKecil) -> None:
    d = dialog(kota)
    assert d.dikonfirmasi_atasan_pada is not None and d.dikonfirmasi_pegawai_pada is None
    assert Notifikasi.objects.get(jenis="dialog_konfirmasi").penerima_id == kota.pegawai.pk
    d = services.dialog_konfirmasi(oleh=kota.pegawai, dialog=d)
    assert d.dikonfirmasi_pegawai_pada is not None and d.dikonfirmasi_atasan_pada is not None
    assert d.dikonfirmasi and d.dikonfirmasi_pegawai_pada >= d.dikonfirmasi_atasan_pada
    assert Notifikasi.objects.get(jenis="dialog_dikonfirmasi").penerima_id == kota.atasan.pk
    with pytest.raises(ValidationError):
        services.dialog_konfirmasi(oleh=kota.pegawai, dialog=d)


def test_a_pegawai_records_a_dialog_with_the_atasan_langsung(kota: KotaKecil) -> None:
    d = dialog(kota, oleh=kota.pegawai)
    assert (d.pegawai_id, d.atasan_id) == (kota.pegawai.pk, kota.atasan.pk)
    assert d.dikonfirmasi_pegawai_pada is not None and d.dikonfirmasi_atasan_pada is None


def test_only_the_two_sides_confirm_and_outsiders_record_nothing(kota: KotaKecil) -> None:
    d = dialog(kota)
    with pytest.raises(PermissionDenied):
        services.dialog_konfirmasi(oleh=kota.pimpinan, dialog=d)
    with pytest.raises(PermissionDenied):
        services.dialog_create(
            oleh=kota.luar, pegawai=kota.pegawai, tanggal=timezone.localdate(), topik="x"
        )
    assert DialogKinerja.objects.count() == 1


def test_a_confirmed_dialog_cannot_be_edited(kota: KotaKecil) -> None:
    d = dialog(kota)
    d = services.dialog_update(
        oleh=kota.atasan,
        dialog=d,
        revisi=d.revisi,
        tanggal=d.tanggal,
        topik="Topik baru",
        tindak_lanjut=[TindakLanjutData(aksi="Satu saja", pemilik="pegawai", batas=d.tanggal)],
    )
    assert d.revisi == 1 and d.tindak_lanjut_set.count() == 1
    with pytest.raises(ValidationError):  # stale revisi
        services.dialog_update(oleh=kota.atasan, dialog=d, revisi=0, tanggal=d.tanggal, topik="y")
    with pytest.raises(PermissionDenied):
        services.dialog_update(
            oleh=kota.pegawai, dialog=d, revisi=d.revisi, tanggal=d.tanggal, topik="y"
        )
    services.dialog_konfirmasi(oleh=kota.pegawai, dialog=d)
    with pytest.raises(ValidationError):
        services.dialog_update(
            oleh=kota.atasan, dialog=d, revisi=d.revisi, tanggal=d.tanggal, topik="z"
        )
    d.refresh_from_db()
    assert d.topik == "Topik baru"


def test_bad_dialog_input_is_refused(kota: KotaKecil) -> None:
    besok = timezone.localdate() + dt.timedelta(days=1)
    hari_ini = timezone.localdate()
    cases = [
        ({"tanggal": besok, "topik": "x"}, "tanggal"),
        ({"tanggal": hari_ini, "topik": " "}, "topik"),
        (
            {
                "tanggal": hari_ini,
                "topik": "x",
                "tindak_lanjut": [TindakLanjutData("a", "orang lain", hari_ini)],
            },
            "tindak_lanjut",
        ),
        (
            {
                "tanggal": hari_ini,
                "topik": "x",
                "tindak_lanjut": [
                    TindakLanjutData("a", "pegawai", hari_ini - dt.timedelta(days=1))
                ],
            },
            "tindak_lanjut",
        ),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as exc:
            services.dialog_create(oleh=kota.atasan, pegawai=kota.pegawai, **kwargs)  # type: ignore[arg-type]
        assert field in exc.value.message_dict
    assert DialogKinerja.objects.count() == 0


def test_only_the_owner_marks_a_follow_up_done_once_confirmed(kota: KotaKecil) -> None:
    d = dialog(kota)
    tl = d.tindak_lanjut_set.get(pemilik=kota.pegawai)
    with pytest.raises(ValidationError):
        services.tindak_lanjut_selesai(oleh=kota.pegawai, tindak_lanjut=tl)
    services.dialog_konfirmasi(oleh=kota.pegawai, dialog=d)
    with pytest.raises(PermissionDenied):
        services.tindak_lanjut_selesai(oleh=kota.atasan, tindak_lanjut=tl)
    tl = services.tindak_lanjut_selesai(oleh=kota.pegawai, tindak_lanjut=tl)
    assert tl.selesai_pada is not None


def test_overdue_follow_ups_show_on_the_home_card(kota: KotaKecil) -> None:
    d = dialog(kota)
    services.dialog_konfirmasi(oleh=kota.pegawai, dialog=d)
    d.tindak_lanjut_set.filter(pemilik=kota.atasan).update(
        batas=timezone.localdate() - dt.timedelta(days=2)
    )
    r = selectors.ringkasan_beranda(kota.atasan)
    assert r["terlambat"] == 1 and len(r["tindak_lanjut"]) == 1
