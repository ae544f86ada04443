"""Evaluation data on the small known city: a closed last-year periode, approved SKP rows
(written directly: the SKP workflow is tested in tests/skp), monthly realisasi."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from kinerja.kegiatan.models import RealisasiBulanan
from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.penilaian import services
from kinerja.penilaian.models import Evaluasi
from kinerja.skp.models import (
    IndikatorKinerja,
    PeriodeKinerja,
    Rhk,
    Skp,
    StatusPeriode,
    StatusSkp,
)
from tests.factories import KotaKecil


def periode_lalu(kota: KotaKecil, kadensi: str = "triwulanan") -> PeriodeKinerja:
    tahun = timezone.localdate().year - 1
    return PeriodeKinerja.objects.get_or_create(
        instansi=kota.instansi,
        tahun=tahun,
        defaults={
            "mulai": dt.date(tahun, 1, 1),
            "selesai": dt.date(tahun, 12, 31),
            "kadensi": kadensi,
            "status": StatusPeriode.EVALUASI,
        },
    )[0]


def skp_setuju(
    pegawai: Pegawai,
    periode: PeriodeKinerja,
    penilai: Pegawai | None,
    unit: UnitKerja,
    *,
    target: str = "12",
) -> Skp:
    skp = Skp.objects.create(
        pegawai=pegawai,
        periode=periode,
        status=StatusSkp.DISETUJUI,
        unit=unit,
        pejabat_penilai=penilai,
        pegawai_nama=pegawai.nama,
        unit_nama=unit.nama,
    )
    rhk = Rhk.objects.create(skp=skp, teks=f"Layanan {pegawai.nama}")
    IndikatorKinerja.objects.create(
        rhk=rhk,
        teks="Jumlah dokumen",
        target_angka=Decimal(target),
        target_satuan="dokumen",
    )
    return skp


def isi_realisasi(skp: Skp, bulan: int, kuantitas: str, laporan: int = 3) -> None:
    for ind in IndikatorKinerja.objects.filter(rhk__skp=skp):
        RealisasiBulanan.objects.update_or_create(
            indikator=ind,
            tahun=skp.periode.tahun,
            bulan=bulan,
            defaults={
                "kuantitas": Decimal(kuantitas),
                "jumlah_laporan": laporan,
                "menit": 60 * laporan,
            },
        )


@dataclass
class Data:
    periode: PeriodeKinerja
    skp: Skp  # the pegawai's (rated by the atasan, kepala seksi)
    skp_atasan: Skp  # the kepala seksi's (rated by the kabid)


def siapkan(kota: KotaKecil) -> Data:
    periode = periode_lalu(kota)
    skp = skp_setuju(kota.pegawai, periode, kota.atasan, kota.seksi)
    skp_atasan = skp_setuju(kota.atasan, periode, kota.kabid, kota.seksi)
    return Data(periode, skp, skp_atasan)


def buka(kota: KotaKecil, d: Data, pegawai: Pegawai | None = None, **kw: object) -> Evaluasi:
    pegawai = pegawai or kota.pegawai
    penilai = kota.atasan if pegawai == kota.pegawai else kota.kabid
    return services.evaluasi_siapkan(
        pegawai=pegawai,
        periode=d.periode,
        jenis=str(kw.get("jenis", "periodik")),
        urutan=int(kw.get("urutan", 1)),  # type: ignore[call-overload]
        oleh=penilai,
    )


def nilai(ev: Evaluasi, oleh: Pegawai, hasil: str, perilaku: str, alasan: str = "") -> Evaluasi:
    ev.refresh_from_db()
    return services.evaluasi_nilai(
        evaluasi=ev,
        oleh=oleh,
        revisi=ev.revisi,
        rating_hasil=hasil,
        rating_perilaku=perilaku,
        alasan_hasil=alasan,
    )
