"""Evaluation data for the page tests: G's helpers (tests/penilaian/util.py) plus the steps the
pages need — the seksi's predikat organisasi, both evaluations rated, the unit locked, a
keberatan."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.penilaian import services
from kinerja.penilaian.models import Evaluasi, Keberatan
from tests.factories import KotaKecil
from tests.penilaian.util import Data, buka, nilai, siapkan


@dataclass
class Kasus:
    d: Data
    ev: Evaluasi  # the pegawai's, rated by the atasan (kepala seksi)
    ev_atasan: Evaluasi  # the kepala seksi's, rated by the kabid
    keberatan: Keberatan | None = None


def kasus(
    kota: KotaKecil, *, nilai_semua: bool = True, kunci: bool = False, keberatan: bool = False
) -> Kasus:
    d = siapkan(kota)
    services.predikat_organisasi_tetapkan(
        unit=kota.seksi,
        periode=d.periode,
        jenis="periodik",
        urutan=1,
        predikat="baik",
        oleh=kota.kabid,
    )
    ev = buka(kota, d)
    ev_atasan = buka(kota, d, kota.atasan)
    if nilai_semua or kunci or keberatan:
        ev = nilai(ev, kota.atasan, "sesuai", "sesuai", alasan="Target administrasi tercapai")
        ev_atasan = nilai(ev_atasan, kota.kabid, "sesuai", "di_atas")
    k = Kasus(d, ev, ev_atasan)
    if kunci or keberatan:
        services.unit_finalkan(
            unit=kota.seksi, periode=d.periode, jenis="periodik", urutan=1, oleh=kota.atasan
        )
        k.ev.refresh_from_db()
        k.ev_atasan.refresh_from_db()
    if keberatan:
        k.keberatan = services.keberatan_ajukan(
            evaluasi=k.ev, oleh=kota.pegawai, alasan="Realisasi bulan Maret belum dihitung."
        )
        k.ev.refresh_from_db()
    return k


def tambah_dinilai(kota: KotaKecil, d: Data, n: int, *, mulai: int = 0) -> list[Evaluasi]:
    """`n` more pelaksana in the seksi with an approved SKP and a rated periodic evaluation
    (window 1) written directly: for query-count tests."""
    from kinerja.penilaian.models import RatingPerilakuNilai, StatusEvaluasi
    from kinerja.skp.models import PerilakuKerja
    from tests.factories import buat_pegawai
    from tests.penilaian.util import skp_setuju

    perilaku = list(PerilakuKerja.objects.filter(aktif=True))
    jendela = d.periode.mulai
    rating = ["di_atas", "sesuai", "di_bawah"]
    tabel = {
        ("di_atas", "di_atas"): "sangat_baik",
        ("di_atas", "sesuai"): "baik",
        ("sesuai", "sesuai"): "baik",
        ("sesuai", "di_atas"): "baik",
        ("di_bawah", "sesuai"): "butuh_perbaikan",
        ("di_bawah", "di_atas"): "butuh_perbaikan",
        ("di_atas", "di_bawah"): "kurang",
        ("sesuai", "di_bawah"): "kurang",
        ("di_bawah", "di_bawah"): "sangat_kurang",
    }
    hasil = []
    for i in range(mulai, mulai + n):
        p = buat_pegawai(kota.instansi, f"Staf Tambahan {i}", kota.j_pelaksana)
        skp = skp_setuju(p, d.periode, kota.atasan, kota.seksi)
        h, r = rating[i % 3], rating[(i // 3) % 3]
        ev = Evaluasi.objects.create(
            skp=skp,
            pegawai=p,
            periode=d.periode,
            unit=kota.seksi,
            pejabat_penilai=kota.atasan,
            jenis="periodik",
            urutan=1,
            mulai=jendela,
            selesai=jendela.replace(month=3, day=31),
            usulan_hasil=h,
            rating_hasil=h,
            alasan_hasil="",
            rating_perilaku=r,
            predikat=tabel[(h, r)],
            status=StatusEvaluasi.FINAL,
        )
        RatingPerilakuNilai.objects.bulk_create(
            RatingPerilakuNilai(evaluasi=ev, perilaku=x) for x in perilaku
        )
        hasil.append(ev)
    return hasil
