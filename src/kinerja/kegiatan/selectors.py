"""Every read of kegiatan data (reports, review queue, realisasi), scoped to the user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum

from kinerja.skp.models import Aspek

from .models import RealisasiBulanan, RealisasiManual, StatusLaporan

NOL = Decimal("0")


# --- realisasi ------------------------------------------------------------------------------


@dataclass
class RealisasiIndikator:
    """Realisasi of one indikator over a range of months (approved reports + manual entries)."""

    indikator_id: int
    jumlah_laporan: int = 0
    menit: int = 0
    kuantitas: Decimal = NOL
    manual: Decimal = NOL
    nilai: Decimal = NOL


def _bulan_q(mulai: dt.date, selesai: dt.date) -> Q:
    """Months from `mulai` to `selesai` inclusive as a filter on (tahun, bulan)."""
    if mulai.year == selesai.year:
        return Q(tahun=mulai.year, bulan__gte=mulai.month, bulan__lte=selesai.month)
    q = Q(tahun=mulai.year, bulan__gte=mulai.month) | Q(
        tahun=selesai.year, bulan__lte=selesai.month
    )
    if selesai.year - mulai.year > 1:
        q |= Q(tahun__gt=mulai.year, tahun__lt=selesai.year)
    return q


def realisasi_indikator(
    indikator_ids: Iterable[int], mulai: dt.date, selesai: dt.date
) -> dict[int, RealisasiIndikator]:
    """Realisasi per indikator for the months `mulai`..`selesai` (inclusive), two queries.

    Every requested id is in the result (zeros when nothing was approved). For aspek kuantitas
    `nilai` = report kuantitas + manual entries; for kualitas/waktu/biaya `nilai` is the latest
    approved manual value in the range (a level, not a sum).
    """
    ids = list(dict.fromkeys(int(i) for i in indikator_ids))
    hasil = {i: RealisasiIndikator(indikator_id=i) for i in ids}
    if not ids or selesai < mulai:
        return hasil
    aspek: dict[int, str] = {}
    rows = (
        RealisasiBulanan.objects.filter(_bulan_q(mulai, selesai), indikator_id__in=ids)
        .values("indikator_id", "indikator__aspek")
        .annotate(j=Sum("jumlah_laporan"), m=Sum("menit"), k=Sum("kuantitas"), man=Sum("manual"))
        .order_by()
    )
    for row in rows:
        r = hasil[row["indikator_id"]]
        r.jumlah_laporan = int(row["j"] or 0)
        r.menit = int(row["m"] or 0)
        r.kuantitas = Decimal(row["k"] or 0)
        r.manual = Decimal(row["man"] or 0)
        aspek[r.indikator_id] = row["indikator__aspek"]
        r.nilai = r.kuantitas + r.manual
    # non-kuantitas: the latest approved manual value in the range (the newest row per indikator)
    terbaru = (
        RealisasiManual.objects.filter(
            indikator_id__in=ids,
            status=StatusLaporan.DISETUJUI,
            tanggal__gte=mulai.replace(day=1),
            tanggal__lte=_akhir_bulan(selesai),
        )
        .exclude(indikator__aspek=Aspek.KUANTITAS)
        .order_by("indikator_id", "-tanggal", "-pk")
        .values_list("indikator_id", "nilai")
    )
    dilihat: set[int] = set()
    for indikator_id, nilai in terbaru:
        if indikator_id in dilihat:
            continue
        dilihat.add(indikator_id)
        r = hasil[indikator_id]
        r.nilai = Decimal(nilai)
    for indikator_id, a in aspek.items():
        if a != Aspek.KUANTITAS and indikator_id not in dilihat:
            hasil[indikator_id].nilai = NOL
    return hasil


def _akhir_bulan(tanggal: dt.date) -> dt.date:
    berikut = (tanggal.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return berikut - dt.timedelta(days=1)
