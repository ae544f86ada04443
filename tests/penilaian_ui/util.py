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
