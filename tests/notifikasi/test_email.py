from __future__ import annotations

import pytest
from django.core import mail

from kinerja.notifikasi import services
from kinerja.notifikasi.email import kirim_ringkasan_harian
from kinerja.notifikasi.models import ModeEmail, Notifikasi, StatusEmail
from tests.factories import KotaKecil


def _kirim(*penerima, judul="Laporan dikembalikan"):  # type: ignore[no-untyped-def]
    return services.notifikasi_kirim(penerima=penerima, jenis="uji", judul=judul, url="/skp/")


def test_immediate_mail_goes_out_after_commit(
    kota: KotaKecil, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        dibuat = _kirim(kota.pegawai, kota.pegawai.pk, None)
    assert len(dibuat) == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [kota.pegawai.email]
    assert "http://127.0.0.1:8000/skp/" in mail.outbox[0].body
    assert Notifikasi.objects.get().email == StatusEmail.TERKIRIM


def test_digest_one_mail_per_pegawai_then_marked_sent(
    kota: KotaKecil, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    services.preferensi_simpan(pegawai=kota.pegawai, email=ModeEmail.HARIAN)
    services.preferensi_simpan(pegawai=kota.atasan, email=ModeEmail.HARIAN)
    services.preferensi_simpan(pegawai=kota.luar, email=ModeEmail.MATI)
    with django_capture_on_commit_callbacks(execute=True):
        _kirim(kota.pegawai, kota.atasan, kota.luar, judul="Pertama")
        _kirim(kota.pegawai, judul="Kedua")
    assert mail.outbox == []
    assert set(Notifikasi.objects.values_list("email", flat=True)) == {
        StatusEmail.RINGKASAN,
        StatusEmail.TIDAK,
    }
    hasil = kirim_ringkasan_harian()
    assert hasil == {"pegawai": 2, "terkirim": 3, "gagal": 0}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([kota.pegawai.email, kota.atasan.email])
    isi = next(m for m in mail.outbox if m.to == [kota.pegawai.email])
    assert "Pertama" in isi.body and "Kedua" in isi.body and "2 notifikasi" in isi.subject
    assert not Notifikasi.objects.filter(email=StatusEmail.RINGKASAN).exists()
    assert kirim_ringkasan_harian()["terkirim"] == 0  # nothing twice
    assert len(mail.outbox) == 2


def test_failed_digest_is_marked_and_retried(kota: KotaKecil, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from django.core.mail.backends.locmem import EmailBackend

    services.preferensi_simpan(pegawai=kota.pegawai, email=ModeEmail.HARIAN)
    _kirim(kota.pegawai)

    def gagal(self, messages):  # type: ignore[no-untyped-def]
        raise ConnectionRefusedError("server mati")

    with monkeypatch.context() as m:
        m.setattr(EmailBackend, "send_messages", gagal)
        assert kirim_ringkasan_harian()["gagal"] == 1
    assert Notifikasi.objects.get().email == StatusEmail.GAGAL
    assert kirim_ringkasan_harian()["terkirim"] == 1
    assert Notifikasi.objects.get().email == StatusEmail.TERKIRIM
    assert len(mail.outbox) == 1


def test_no_address_or_mail_turned_off_means_no_mail(kota: KotaKecil) -> None:
    from kinerja.organisasi.models import Pegawai

    Pegawai.objects.filter(pk=kota.pegawai.pk).update(email="")
    services.preferensi_simpan(pegawai=kota.pegawai, email=ModeEmail.HARIAN)
    services.preferensi_simpan(pegawai=kota.atasan, email=ModeEmail.HARIAN)
    _kirim(kota.pegawai, kota.atasan)
    services.preferensi_simpan(pegawai=kota.atasan, email=ModeEmail.MATI)
    assert kirim_ringkasan_harian()["terkirim"] == 0
    assert set(Notifikasi.objects.values_list("email", flat=True)) == {StatusEmail.TIDAK}
    assert mail.outbox == []


@pytest.mark.parametrize("mode", [ModeEmail.SEGERA, ModeEmail.MATI])
def test_switching_preference_moves_the_waiting_ones(
    kota: KotaKecil, mode: str, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    services.preferensi_simpan(pegawai=kota.pegawai, email=ModeEmail.HARIAN)
    _kirim(kota.pegawai)
    with django_capture_on_commit_callbacks(execute=True):
        services.preferensi_simpan(pegawai=kota.pegawai, email=mode)
    n = Notifikasi.objects.get()
    if mode == ModeEmail.SEGERA:
        assert n.email == StatusEmail.TERKIRIM and len(mail.outbox) == 1
    else:
        assert n.email == StatusEmail.TIDAK and mail.outbox == []


def test_different_texts_for_different_recipients_in_one_insert(
    kota: KotaKecil, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    pesan = [
        services.Pesan(penerima_id=kota.pegawai.pk, judul="Untuk pegawai"),
        services.Pesan(penerima_id=kota.atasan.pk, judul="Untuk atasan"),
        services.Pesan(penerima_id=kota.pegawai.pk, judul="Duplikat"),
    ]
    with django_assert_num_queries(2):
        services.notifikasi_kirim_banyak(pesan=pesan, jenis="uji")
    assert dict(Notifikasi.objects.values_list("penerima_id", "judul")) == {
        kota.pegawai.pk: "Untuk pegawai",
        kota.atasan.pk: "Untuk atasan",
    }
