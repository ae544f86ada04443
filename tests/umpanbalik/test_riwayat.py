"""The evaluation's view of feedback and dialogs (selectors.riwayat_untuk_penilaian)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kinerja.umpanbalik import selectors, services
from kinerja.umpanbalik.models import Sasaran
from kinerja.umpanbalik.services import Subjek
from tests.factories import KotaKecil
from tests.umpanbalik.util import beri, dialog, perilaku, rhk_pegawai


def _isi(kota: KotaKecil, n: int) -> int:
    rhk = rhk_pegawai(kota) if not hasattr(kota, "_rhk") else kota._rhk
    kota._rhk = rhk  # type: ignore[attr-defined]
    hari_ini = timezone.localdate()
    for i in range(n):
        akar = beri(kota, teks=f"Laporan {i}")
        services.umpan_balik_balas(oleh=kota.pegawai, induk=akar, teks="Terima kasih")
        services.umpan_balik_beri(
            oleh=kota.atasan,
            pegawai=kota.pegawai,
            subjek=Subjek(
                sasaran=Sasaran.RHK,
                rhk=rhk,
                periode_mulai=hari_ini.replace(day=1),
                periode_selesai=hari_ini,
            ),
            teks="Realisasi bagus",
        )
        services.umpan_balik_beri(
            oleh=kota.kabid,
            pegawai=kota.pegawai,
            subjek=Subjek(sasaran=Sasaran.PERILAKU, perilaku=perilaku()),
            teks="Sangat adaptif",
        )
        services.umpan_balik_beri(
            oleh=kota.atasan, pegawai=kota.pegawai, subjek=Subjek(), teks="Umum"
        )
        dialog(kota)
    return rhk.pk


def test_it_groups_threads_by_subject_with_replies(kota: KotaKecil) -> None:
    rhk_id = _isi(kota, 1)
    hari_ini = timezone.localdate()
    r = selectors.riwayat_untuk_penilaian(kota.pegawai.pk, hari_ini, hari_ini)
    assert list(r.per_rhk) == [rhk_id]
    assert len(r.per_perilaku) == 1
    assert [u.akar.teks for u in r.laporan] == ["Laporan 0"]
    assert [b.teks for b in r.laporan[0].balasan] == ["Terima kasih"]
    assert [u.akar.teks for u in r.umum] == ["Umum"]
    assert r.jumlah_utas == 4
    assert len(r.dialog) == 1
    assert len(r.dialog[0].tindak_lanjut_set.all()) == 2


def test_it_leaves_out_what_is_outside_the_range_or_someone_else(kota: KotaKecil) -> None:
    _isi(kota, 1)
    kemarin = timezone.localdate() - dt.timedelta(days=1)
    assert selectors.riwayat_untuk_penilaian(kota.pegawai.pk, kemarin, kemarin).jumlah_utas == 0
    hari_ini = timezone.localdate()
    kosong = selectors.riwayat_untuk_penilaian(kota.atasan.pk, hari_ini, hari_ini)
    assert kosong.jumlah_utas == 0 and kosong.dialog == []


def test_it_reads_in_a_constant_number_of_queries(
    kota: KotaKecil, django_assert_max_num_queries
) -> None:
    hari_ini = timezone.localdate()
    _isi(kota, 2)
    with django_assert_max_num_queries(4):
        r = selectors.riwayat_untuk_penilaian(kota.pegawai.pk, hari_ini, hari_ini)
        [b.penulis.nama for u in r.semua_utas for b in u.balasan]
        [t.pemilik.nama for d in r.dialog for t in d.tindak_lanjut_set.all()]
    assert r.jumlah_utas == 8
    _isi(kota, 4)
    with django_assert_max_num_queries(4):
        r = selectors.riwayat_untuk_penilaian(kota.pegawai.pk, hari_ini, hari_ini)
        [b.penulis.nama for u in r.semua_utas for b in u.balasan]
        [t.pemilik.nama for d in r.dialog for t in d.tindak_lanjut_set.all()]
    assert r.jumlah_utas == 24
