"""Service rules of the pelatihan part: quota (last place), duplicates, the CURRENT atasan decides
(Plt), decline needs a catatan, completion adds JP once, reversal removes it, external training
(minutes → JP) and its verification; certificate uploads (size, real type, DOCX refused)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.notifikasi.models import Notifikasi
from kinerja.organisasi import services as org_services
from kinerja.organisasi.models import JenisPenugasan
from kinerja.pengembangan import services_pelatihan as svc
from kinerja.pengembangan.models import (
    BentukPelatihan,
    BidangKompetensi,
    CapaianJp,
    PelatihanEksternal,
    Pendaftaran,
    StatusPendaftaran,
    StatusVerifikasi,
    TopikKompetensi,
)
from kinerja.pengembangan.rekap import jp_tahun
from tests.factories import KotaKecil, buat_pegawai
from tests.pengembangan.pelatihan_util import (
    besar,
    diajukan,
    disetujui,
    docx,
    exe_pdf,
    hari,
    pdf,
    pelatihan,
    png,
    selesai,
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def _berkas(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


# --- requesting ---------------------------------------------------------------------------------


def test_a_request_waits_for_the_atasan_and_notifies_them(kota: KotaKecil) -> None:
    d = diajukan(kota)
    assert d.status == StatusPendaftaran.DIAJUKAN
    assert d.atasan_id == kota.atasan.pk and d.diajukan_oleh_id == kota.pegawai.pk
    assert Notifikasi.objects.filter(penerima=kota.atasan, jenis="pelatihan_diajukan").exists()


def test_the_last_place_is_taken_then_the_item_is_full(kota: KotaKecil) -> None:
    p = pelatihan(kuota=2)
    lain = buat_pegawai(kota.instansi, "Staf Kedua", kota.j_pelaksana)
    diajukan(kota, p, lain)
    diajukan(kota, p)  # the last place
    ketiga = buat_pegawai(kota.instansi, "Staf Ketiga", kota.j_pelaksana)
    with pytest.raises(ValidationError) as exc:
        diajukan(kota, p, ketiga)
    assert "penuh" in str(exc.value.message_dict["pelatihan"])
    assert Pendaftaran.objects.filter(pelatihan=p).count() == 2


def test_a_withdrawn_or_declined_enrolment_frees_its_place(kota: KotaKecil) -> None:
    p = pelatihan(kuota=1)
    d = diajukan(kota, p)
    svc.pendaftaran_batal(pegawai=kota.pegawai, pendaftaran=d)
    lain = buat_pegawai(kota.instansi, "Staf Kedua", kota.j_pelaksana)
    d2 = diajukan(kota, p, lain)
    svc.pendaftaran_putus(oleh=kota.atasan, pendaftaran=d2, setuju=False, catatan="Tahun depan")
    assert svc.terisi(p) == 0


def test_no_duplicate_enrolment_but_again_after_withdrawing(kota: KotaKecil) -> None:
    p = pelatihan()
    d = diajukan(kota, p)
    with pytest.raises(ValidationError, match="sudah terdaftar"):
        diajukan(kota, p)
    svc.pendaftaran_batal(pegawai=kota.pegawai, pendaftaran=d)
    assert diajukan(kota, p).status == StatusPendaftaran.DIAJUKAN


@pytest.mark.parametrize(
    ("kwargs", "pesan"),
    [({"aktif": False}, "tidak aktif"), ({"mulai": hari(-30), "selesai": hari(-1)}, "berakhir")],
)
def test_inactive_or_finished_items_refuse_requests(
    kota: KotaKecil, kwargs: dict[str, object], pesan: str
) -> None:
    with pytest.raises(ValidationError, match=pesan):
        diajukan(kota, pelatihan(**kwargs))  # type: ignore[arg-type]


def test_no_atasan_is_a_clear_error(kota: KotaKecil) -> None:
    sendiri = buat_pegawai(kota.instansi, "Tanpa Jabatan")
    with pytest.raises(ValidationError, match="Atasan langsung Anda tidak ditemukan"):
        diajukan(kota, pegawai=sendiri)
    assert not Pendaftaran.objects.exists()


# --- deciding -----------------------------------------------------------------------------------


def test_only_the_current_atasan_decides_a_plt_takes_over(kota: KotaKecil) -> None:
    d = diajukan(kota)
    for orang in (kota.pegawai, kota.kabid, kota.pimpinan, kota.admin):
        with pytest.raises(PermissionDenied):
            svc.pendaftaran_putus(oleh=orang, pendaftaran=d, setuju=True)
    plt = buat_pegawai(kota.instansi, "Hendra Plt")
    org_services.penugasan_plt(
        pegawai=plt,
        jabatan=kota.j_kasi,
        mulai=dt.date(2021, 1, 1),
        selesai=None,
        jenis=JenisPenugasan.PLT,
    )
    with pytest.raises(PermissionDenied):  # the definitive kasi no longer decides
        svc.pendaftaran_putus(oleh=kota.atasan, pendaftaran=d, setuju=True)
    d = svc.pendaftaran_putus(oleh=plt, pendaftaran=d, setuju=True)
    assert d.status == StatusPendaftaran.DISETUJUI and d.diputus_oleh_id == plt.pk
    assert d.atasan_id == plt.pk
    assert Notifikasi.objects.filter(penerima=kota.pegawai, jenis="pelatihan_disetujui").exists()


def test_declining_needs_a_catatan(kota: KotaKecil) -> None:
    d = diajukan(kota)
    with pytest.raises(ValidationError) as exc:
        svc.pendaftaran_putus(oleh=kota.atasan, pendaftaran=d, setuju=False, catatan="  ")
    assert "catatan" in exc.value.message_dict
    d.refresh_from_db()
    assert d.status == StatusPendaftaran.DIAJUKAN
    d = svc.pendaftaran_putus(oleh=kota.atasan, pendaftaran=d, setuju=False, catatan="Kuota OPD")
    assert d.status == StatusPendaftaran.DITOLAK and d.catatan_atasan == "Kuota OPD"
    with pytest.raises(ValidationError, match="sudah diputuskan"):
        svc.pendaftaran_putus(oleh=kota.atasan, pendaftaran=d, setuju=True)


def test_the_atasan_assigns_a_bawahan_directly(kota: KotaKecil) -> None:
    p = pelatihan()
    d = svc.pendaftaran_tugaskan(
        atasan=kota.atasan, pegawai=kota.pegawai, pelatihan=p, alasan="Target layanan"
    )
    assert d.status == StatusPendaftaran.DISETUJUI and d.diajukan_oleh_id == kota.atasan.pk
    assert Notifikasi.objects.filter(penerima=kota.pegawai, jenis="pelatihan_ditugaskan").exists()
    with pytest.raises(PermissionDenied):  # not a bawahan langsung
        svc.pendaftaran_tugaskan(
            atasan=kota.kabid, pegawai=kota.pegawai, pelatihan=pelatihan(), alasan="x"
        )
    with pytest.raises(ValidationError, match="sudah terdaftar"):
        svc.pendaftaran_tugaskan(atasan=kota.atasan, pegawai=kota.pegawai, pelatihan=p, alasan="x")


def test_only_the_pegawai_withdraws_and_only_open_enrolments(kota: KotaKecil) -> None:
    d = disetujui(kota)
    with pytest.raises(PermissionDenied):
        svc.pendaftaran_batal(pegawai=kota.atasan, pendaftaran=d)
    d = svc.pendaftaran_batal(pegawai=kota.pegawai, pendaftaran=d)
    assert d.status == StatusPendaftaran.DIBATALKAN
    with pytest.raises(ValidationError):
        svc.pendaftaran_batal(pegawai=kota.pegawai, pendaftaran=d)


# --- completing ---------------------------------------------------------------------------------


def test_completion_adds_the_jp_once_and_notifies_the_atasan(kota: KotaKecil) -> None:
    p = pelatihan(jp="6.5", bidang=BidangKompetensi.TEKNIS)
    d = selesai(kota, p)
    assert d.status == StatusPendaftaran.SELESAI and d.jp == Decimal("6.5")
    c = CapaianJp.objects.get(pendaftaran=d)
    assert (c.tahun, c.jp, c.bidang) == (hari(0).year, Decimal("6.5"), BidangKompetensi.TEKNIS)
    assert jp_tahun(kota.pegawai.pk, hari(0).year) == Decimal("6.5")
    with pytest.raises(ValidationError, match="sudah disetujui"):
        svc.pendaftaran_selesaikan(
            oleh=kota.pegawai, pendaftaran=d, tanggal_selesai=hari(0), sertifikat=pdf()
        )
    assert CapaianJp.objects.count() == 1
    assert Notifikasi.objects.filter(penerima=kota.atasan, jenis="pelatihan_selesai").exists()
    assert d.sertifikat_nama == "sertifikat.pdf" and d.sertifikat.name.endswith(".pdf")


def test_completion_needs_approval_and_the_owner(kota: KotaKecil) -> None:
    d = diajukan(kota)
    with pytest.raises(ValidationError):
        svc.pendaftaran_selesaikan(
            oleh=kota.pegawai, pendaftaran=d, tanggal_selesai=hari(0), sertifikat=pdf()
        )
    d = svc.pendaftaran_putus(oleh=kota.atasan, pendaftaran=d, setuju=True)
    with pytest.raises(PermissionDenied):
        svc.pendaftaran_selesaikan(
            oleh=kota.atasan, pendaftaran=d, tanggal_selesai=hari(0), sertifikat=pdf()
        )


@pytest.mark.parametrize("tanggal", [hari(1), hari(-11)])
def test_completion_date_not_in_the_future_nor_before_the_start(
    kota: KotaKecil, tanggal: dt.date
) -> None:
    d = disetujui(kota, pelatihan(mulai=hari(-10)))
    with pytest.raises(ValidationError) as exc:
        svc.pendaftaran_selesaikan(
            oleh=kota.pegawai, pendaftaran=d, tanggal_selesai=tanggal, sertifikat=pdf()
        )
    assert "tanggal_selesai" in exc.value.message_dict
    assert not CapaianJp.objects.exists()


@pytest.mark.parametrize(
    ("berkas", "pesan"),
    [(besar, "batasnya 10 MB"), (exe_pdf, "bukan PDF"), (docx, "bukan PDF")],
)
def test_bad_certificates_are_refused_and_nothing_is_stored(
    kota: KotaKecil, tmp_path: Path, berkas: object, pesan: str
) -> None:
    d = disetujui(kota)
    with pytest.raises(ValidationError) as exc:
        svc.pendaftaran_selesaikan(
            oleh=kota.pegawai,
            pendaftaran=d,
            tanggal_selesai=hari(0),
            sertifikat=berkas(),  # type: ignore[operator]
        )
    assert pesan in " ".join(exc.value.message_dict["sertifikat"])
    d.refresh_from_db()
    assert d.status == StatusPendaftaran.DISETUJUI and not d.sertifikat
    assert not CapaianJp.objects.exists() and _berkas(tmp_path) == []


def test_a_photo_certificate_is_accepted(kota: KotaKecil) -> None:
    d = disetujui(kota)
    d = svc.pendaftaran_selesaikan(
        oleh=kota.pegawai, pendaftaran=d, tanggal_selesai=hari(0), sertifikat=png()
    )
    assert d.status == StatusPendaftaran.SELESAI


def test_the_admin_reverses_a_completion_and_the_jp_goes(kota: KotaKecil) -> None:
    d = selesai(kota, pelatihan(jp="8"))
    with pytest.raises(PermissionDenied):
        svc.pendaftaran_koreksi(admin=kota.atasan, pendaftaran=d, alasan="Salah")
    with pytest.raises(ValidationError):
        svc.pendaftaran_koreksi(admin=kota.admin, pendaftaran=d, alasan="")
    d = svc.pendaftaran_koreksi(
        admin=kota.admin, pendaftaran=d, alasan="Sertifikat milik orang lain"
    )
    assert d.status == StatusPendaftaran.TIDAK_SELESAI and d.jp is None
    assert not CapaianJp.objects.exists()
    assert jp_tahun(kota.pegawai.pk, hari(0).year) == 0
    alasan = d.history.values_list("history_change_reason", flat=True)
    assert "Sertifikat milik orang lain" in list(alasan)
    from kinerja.pengembangan.selectors_pelatihan import alasan_koreksi

    assert alasan_koreksi(d) == "Sertifikat milik orang lain"
    with pytest.raises(ValidationError):  # twice: nothing to reverse
        svc.pendaftaran_koreksi(admin=kota.admin, pendaftaran=d, alasan="lagi")


# --- catalogue ----------------------------------------------------------------------------------


def _data(**ubah: object) -> dict[str, object]:
    return {
        "judul": "Komunikasi efektif",
        "bidang": BidangKompetensi.SOSIAL_KULTURAL,
        "bentuk": BentukPelatihan.KLASIKAL,
        "penyelenggara": "BKPSDMD",
        "jp": Decimal("4"),
        "mulai": hari(1),
        "selesai": hari(2),
        "kuota": 10,
    } | ubah


def test_the_admin_manages_the_catalogue_with_rules(kota: KotaKecil) -> None:
    topik = list(TopikKompetensi.objects.all()[:2])
    p = svc.pelatihan_simpan(oleh=kota.admin, topik=topik, **_data())  # type: ignore[arg-type]
    assert set(p.topik.all()) == set(topik)
    with pytest.raises(PermissionDenied):
        svc.pelatihan_simpan(oleh=kota.atasan, **_data())  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as exc:
        svc.pelatihan_simpan(
            oleh=kota.admin,
            **_data(jp=Decimal("0"), mulai=hari(3), selesai=hari(2)),  # type: ignore[arg-type]
        )
    assert set(exc.value.message_dict) == {"jp", "selesai"}
    lain = buat_pegawai(kota.instansi, "Staf Kedua", kota.j_pelaksana)
    diajukan(kota, p)
    diajukan(kota, p, lain)
    with pytest.raises(ValidationError) as exc:
        svc.pelatihan_simpan(oleh=kota.admin, pelatihan=p, **_data(kuota=1))  # type: ignore[arg-type]
    assert "2 tempat" in exc.value.message_dict["kuota"][0]
    p = svc.pelatihan_simpan(oleh=kota.admin, pelatihan=p, **_data(kuota=2))  # type: ignore[arg-type]
    assert p.kuota == 2


# --- external training --------------------------------------------------------------------------


def _eksternal(kota: KotaKecil, **ubah: object) -> PelatihanEksternal:
    data: dict[str, object] = {
        "pegawai": kota.pegawai,
        "judul": "Webinar literasi digital",
        "penyelenggara": "Kominfo",
        "bidang": BidangKompetensi.TEKNIS,
        "bentuk": BentukPelatihan.E_LEARNING,
        "mulai": hari(-3),
        "selesai": hari(-2),
        "menit": 100,
        "sertifikat": pdf(),
    } | ubah
    return svc.eksternal_catat(**data)  # type: ignore[arg-type]


def test_external_training_from_minutes_to_jp(kota: KotaKecil) -> None:
    eks = _eksternal(kota)
    assert eks.jp == Decimal("2.22") and eks.menit == 100
    assert eks.status == StatusVerifikasi.MENUNGGU
    assert not CapaianJp.objects.exists()
    eks2 = _eksternal(kota, menit=None, jp=Decimal("3"))
    assert eks2.jp == Decimal("3") and eks2.menit is None


@pytest.mark.parametrize(
    ("ubah", "kolom"),
    [
        ({"menit": None}, "jp"),
        ({"jp": Decimal("2")}, "jp"),
        ({"menit": 0}, "menit"),
        ({"selesai": hari(1), "mulai": hari(0)}, "selesai"),
        ({"mulai": hari(-1), "selesai": hari(-2)}, "selesai"),
        ({"sertifikat": None}, "sertifikat"),
        ({"judul": " "}, "judul"),
    ],
)
def test_external_training_rules(
    kota: KotaKecil, tmp_path: Path, ubah: dict[str, object], kolom: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        _eksternal(kota, **ubah)
    assert kolom in exc.value.message_dict
    assert not PelatihanEksternal.objects.exists() and _berkas(tmp_path) == []


def test_external_docx_certificate_refused(kota: KotaKecil, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as exc:
        _eksternal(kota, sertifikat=docx())
    assert "sertifikat" in exc.value.message_dict and _berkas(tmp_path) == []


def test_verification_credits_the_jp_refusal_needs_a_catatan(kota: KotaKecil) -> None:
    eks = _eksternal(kota)
    with pytest.raises(PermissionDenied):
        svc.eksternal_verifikasi(admin=kota.atasan, eksternal=eks, setuju=True)
    eks = svc.eksternal_verifikasi(admin=kota.admin, eksternal=eks, setuju=True)
    assert eks.status == StatusVerifikasi.DIVERIFIKASI
    c = CapaianJp.objects.get(eksternal=eks)
    assert (c.jp, c.tahun, c.pegawai_id) == (Decimal("2.22"), eks.selesai.year, kota.pegawai.pk)
    with pytest.raises(ValidationError):  # once
        svc.eksternal_verifikasi(admin=kota.admin, eksternal=eks, setuju=True)
    tolak = _eksternal(kota, judul="Seminar")
    with pytest.raises(ValidationError) as exc:
        svc.eksternal_verifikasi(admin=kota.admin, eksternal=tolak, setuju=False)
    assert "catatan" in exc.value.message_dict
    tolak = svc.eksternal_verifikasi(
        admin=kota.admin, eksternal=tolak, setuju=False, catatan="Sertifikat tidak terbaca"
    )
    assert tolak.status == StatusVerifikasi.DITOLAK
    assert CapaianJp.objects.count() == 1
    assert (
        Notifikasi.objects.filter(penerima=kota.pegawai, jenis="pelatihan_eksternal").count() == 2
    )
