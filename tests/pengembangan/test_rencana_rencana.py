"""Development plan: creation by either side, agreement, changes clear it, stale revisi, pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kinerja.notifikasi.models import Notifikasi
from kinerja.pengembangan import services_rencana as svc
from kinerja.pengembangan.models import RencanaPengembangan
from tests.factories import KotaKecil
from tests.pengembangan.rencana_util import daftar, pelatihan

pytestmark = pytest.mark.django_db
TAHUN = timezone.localdate().year
BATAS = dt.date(TAHUN, 12, 31)


def _rencana(kota: KotaKecil, oleh=None) -> RencanaPengembangan:  # type: ignore[no-untyped-def]
    r = svc.rencana_buat(pegawai=kota.pegawai, oleh=oleh or kota.pegawai, tujuan="Pelayanan prima")
    svc.aktivitas_tambah(
        rencana=r,
        oleh=kota.pegawai,
        revisi=r.revisi,
        uraian="Kelas pelayanan",
        bentuk="klasikal",
        batas=BATAS,
    )
    r.refresh_from_db()
    return r


def test_dibuat_pegawai_atau_atasan_langsung_saja(kota: KotaKecil) -> None:
    r = svc.rencana_buat(pegawai=kota.pegawai, oleh=kota.atasan, tujuan="Komunikasi efektif")
    assert r.atasan == kota.atasan and r.dibuat_oleh == kota.atasan
    assert Notifikasi.objects.filter(penerima=kota.pegawai, jenis="pengembangan_rencana").exists()
    with pytest.raises(PermissionDenied):
        svc.rencana_buat(pegawai=kota.atasan, oleh=kota.luar, tujuan="Tidak boleh")
    with pytest.raises(ValidationError):  # one plan per pegawai per year
        svc.rencana_buat(pegawai=kota.pegawai, oleh=kota.pegawai, tujuan="Kedua kali")


def test_alur_kesepakatan(kota: KotaKecil) -> None:
    r = _rencana(kota)
    r = svc.rencana_setujui(rencana=r, oleh=kota.pegawai, revisi=r.revisi)
    assert r.status == "draf" and r.disetujui_pegawai_pada and not r.disetujui_atasan_pada
    with pytest.raises(PermissionDenied):
        svc.rencana_setujui(rencana=r, oleh=kota.pimpinan, revisi=r.revisi)
    r = svc.rencana_setujui(rencana=r, oleh=kota.atasan, revisi=r.revisi)
    assert r.status == "disepakati"
    assert Notifikasi.objects.filter(penerima=kota.pegawai, judul__contains="disepakati").exists()
    # a change clears both confirmations
    r = svc.rencana_ubah(rencana=r, oleh=kota.atasan, revisi=r.revisi, tujuan="Tujuan baru")
    r.refresh_from_db()
    assert (r.status, r.disetujui_pegawai_pada, r.disetujui_atasan_pada) == ("draf", None, None)
    r = svc.rencana_setujui(rencana=r, oleh=kota.pegawai, revisi=r.revisi)
    r = svc.rencana_setujui(rencana=r, oleh=kota.atasan, revisi=r.revisi)
    svc.aktivitas_tambah(
        rencana=r,
        oleh=kota.pegawai,
        revisi=r.revisi,
        uraian="Mentoring",
        bentuk="mentoring",
        batas=BATAS,
    )
    r.refresh_from_db()
    assert r.status == "draf" and r.disetujui_atasan_pada is None


def test_selesai_saat_semua_aktivitas_selesai(kota: KotaKecil) -> None:
    r = _rencana(kota)
    r = svc.rencana_setujui(rencana=r, oleh=kota.pegawai)
    r = svc.rencana_setujui(rencana=r, oleh=kota.atasan)
    (a,) = r.aktivitas_set.all()
    svc.aktivitas_selesai(aktivitas=a, oleh=kota.pegawai)
    r.refresh_from_db()
    assert r.status == "selesai" and r.disetujui_pegawai_pada  # tracking keeps the agreement


def test_revisi_basi_tidak_menimpa(kota: KotaKecil) -> None:
    r = _rencana(kota)
    lama = r.revisi
    svc.rencana_ubah(rencana=r, oleh=kota.atasan, revisi=lama, tujuan="Versi atasan")
    with pytest.raises(svc.RevisiBasi):
        svc.rencana_ubah(rencana=r, oleh=kota.pegawai, revisi=lama, tujuan="Versi basi")
    r.refresh_from_db()
    assert r.tujuan == "Versi atasan"


def test_revisi_basi_di_halaman(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    r = _rencana(kota)
    lama = r.revisi
    svc.rencana_ubah(rencana=r, oleh=kota.atasan, revisi=lama, tujuan="Versi atasan")
    resp = client_as("pegawai").post(
        reverse("pengembangan:rencana_ubah", args=[r.pk]), {"tujuan": "Versi basi", "revisi": lama}
    )
    assert resp.status_code == 409
    assert "sudah diubah oleh pihak lain" in resp.content.decode()
    assert "Versi atasan" in resp.content.decode()
    r.refresh_from_db()
    assert r.tujuan == "Versi atasan"


def test_tautan_pendaftaran_dan_dialog_milik_pasangan(kota: KotaKecil) -> None:
    from kinerja.umpanbalik.models import DialogKinerja

    r = _rencana(kota)
    p = pelatihan("Pelayanan prima", "pelayanan-publik")
    milik_sendiri = daftar(p, kota.pegawai)
    orang_lain = daftar(p, kota.luar)
    dialog = DialogKinerja.objects.create(
        pegawai=kota.pegawai,
        atasan=kota.atasan,
        tanggal=dt.date(TAHUN, 3, 1),
        topik="Coaching",
        dibuat_oleh=kota.atasan,
    )
    lain = DialogKinerja.objects.create(
        pegawai=kota.luar,
        atasan=kota.pimpinan,
        tanggal=dt.date(TAHUN, 3, 1),
        topik="x",
        dibuat_oleh=kota.pimpinan,
    )
    a = svc.aktivitas_tambah(
        rencana=r,
        oleh=kota.atasan,
        revisi=r.revisi,
        uraian="Ikut pelatihan",
        bentuk="klasikal",
        batas=BATAS,
        pendaftaran=milik_sendiri,
        dialog=dialog,
    )
    assert a.pendaftaran == milik_sendiri and a.dialog == dialog
    r.refresh_from_db()
    with pytest.raises(ValidationError) as e:
        svc.aktivitas_tambah(
            rencana=r,
            oleh=kota.atasan,
            revisi=r.revisi,
            uraian="x y z",
            bentuk="klasikal",
            batas=BATAS,
            pendaftaran=orang_lain,
            dialog=lain,
        )
    assert set(e.value.message_dict) == {"pendaftaran", "dialog"}


def test_halaman_rencana(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    c = client_as("pegawai")
    assert "Buat rencana" in c.get(reverse("pengembangan:rencana")).content.decode()
    resp = c.post(reverse("pengembangan:rencana_buat"), {"tujuan": "Menguasai literasi digital"})
    r = RencanaPengembangan.objects.get(pegawai=kota.pegawai)
    assert resp.status_code == 302
    resp = c.post(
        reverse("pengembangan:aktivitas_tambah", args=[r.pk]),
        {
            "uraian": "E-learning literasi digital",
            "bentuk": "e_learning",
            "batas": f"{TAHUN}-12-01",
            "revisi": r.revisi,
        },
    )
    assert resp.status_code == 302, resp.content.decode()[:2000]
    r.refresh_from_db()
    c.post(reverse("pengembangan:rencana_setujui", args=[r.pk]), {"revisi": r.revisi})
    a = client_as("atasan")
    halaman = a.get(reverse("pengembangan:rencana_tim")).content.decode()
    assert kota.pegawai.nama in halaman and "menunggu persetujuan Anda" in halaman
    a.post(reverse("pengembangan:rencana_setujui", args=[r.pk]))
    r.refresh_from_db()
    assert r.status == "disepakati"
    assert "E-learning literasi digital" in c.get(reverse("pengembangan:rencana")).content.decode()
    # the atasan creates a plan for a bawahan without one
    RencanaPengembangan.objects.all().delete()
    resp = a.post(
        reverse("pengembangan:rencana_buat"), {"tujuan": "Dari atasan", "pegawai": kota.pegawai.pk}
    )
    assert RencanaPengembangan.objects.get().dibuat_oleh == kota.atasan


def _hitung(client, url: str) -> int:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q.captured_queries)


def test_halaman_tim_konstan(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import buat_pegawai

    c = client_as("atasan")
    url = reverse("pengembangan:rencana_tim")

    def tambah(n: int) -> None:
        for i in range(n):
            p = buat_pegawai(kota.instansi, f"Staf {i}", kota.j_pelaksana)
            svc.rencana_buat(pegawai=p, oleh=kota.atasan, tujuan="Tujuan tim")

    tambah(2)
    sedikit = _hitung(c, url)
    tambah(4)
    banyak = _hitung(c, url)
    assert sedikit == banyak <= 25
