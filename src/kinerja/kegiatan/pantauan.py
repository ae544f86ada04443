"""Leader overview of reporting (pantauan laporan kegiatan): who reported, pending reviews, flags.

For pimpinan/operator OPD (their OPD) and city roles (every OPD): per OPD or per unit the number
of pegawai, how many reported on the last working day and this week, pending reviews; inside an
OPD the pending reviews grouped by atasan (worst first) and the latest reports with their
near-duplicate flag. Every number comes from a fixed handful of queries (grouped in SQL or over
one row per pegawai in Python), never one query per unit, atasan or pegawai.

A pegawai counts under their definitive assignment today; their atasan is the holder of the
nearest ancestor jabatan (Plt/Plh first), as kinerja.organisasi.hierarki computes it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Jabatan, JenisPenugasan, Pegawai, Penugasan, UnitKerja

from .models import LaporanKegiatan, StatusLaporan

HARI_LAPORAN_TERBARU = 14  # the latest-reports list covers this many days


@dataclass
class Baris:
    """One OPD or unit of the overview table."""

    pk: int
    nama: str
    path: str = ""
    pegawai: int = 0
    lapor_hari: int = 0
    lapor_minggu: int = 0
    menunggu: int = 0
    terlama: dt.date | None = None

    @property
    def persen_hari(self) -> int:
        return round(100 * self.lapor_hari / self.pegawai) if self.pegawai else 0

    @property
    def persen_minggu(self) -> int:
        return round(100 * self.lapor_minggu / self.pegawai) if self.pegawai else 0


@dataclass
class BarisAtasan:
    """Pending reviews of one atasan."""

    pegawai_id: int
    nama: str
    nip: str
    menunggu: int
    terlama: dt.date
    bawahan: int
    umur_hari: int


@dataclass(frozen=True)
class Tanggal:
    hari_ini: dt.date
    hari_kerja: dt.date  # the last working day up to today
    awal_minggu: dt.date  # Monday of hari_kerja's week


def tanggal_acuan(instansi_id: int, hari_ini: dt.date | None = None) -> Tanggal:
    """Today, the last working day (holidays as data when the calendar exists), its Monday."""
    hari_ini = hari_ini or timezone.localdate()
    terakhir = hari_ini
    try:
        from kinerja.notifikasi.kalender import hari_kerja_terakhir
    except ImportError:
        while terakhir.weekday() >= 5:
            terakhir -= dt.timedelta(days=1)
    else:
        hari = hari_kerja_terakhir(instansi_id, 1, hari_ini)
        terakhir = hari[-1] if hari else hari_ini
    return Tanggal(hari_ini, terakhir, terakhir - dt.timedelta(days=terakhir.weekday()))


def _penugasan(instansi_id: int, opd_ids: set[int] | None, t: Tanggal) -> QuerySet[Penugasan]:
    """Today's definitive assignments of active pegawai in scope, flagged with their reports."""
    qs = (
        Penugasan.objects.aktif_pada(t.hari_ini)
        .filter(
            jenis=JenisPenugasan.DEFINITIF,
            pegawai__is_active=True,
            pegawai__instansi_id=instansi_id,
        )
        .annotate(opd_key=Coalesce("unit__opd_id", "unit_id"))
    )
    if opd_ids is not None:
        qs = qs.filter(Q(unit__opd_id__in=opd_ids) | Q(unit_id__in=opd_ids))
    laporan = LaporanKegiatan.objects.filter(pegawai_id=OuterRef("pegawai_id"))
    return qs.annotate(
        lapor_hari=Exists(laporan.filter(tanggal=t.hari_kerja)),
        lapor_minggu=Exists(laporan.filter(tanggal__gte=t.awal_minggu, tanggal__lte=t.hari_ini)),
    )


def _menunggu_per_pegawai(pegawai_ids: list[int]) -> dict[int, tuple[int, dt.date]]:
    """Pending reports per pegawai: (count, oldest report date); one grouped query."""
    rows = (
        LaporanKegiatan.objects.filter(status=StatusLaporan.DIAJUKAN, pegawai_id__in=pegawai_ids)
        .values("pegawai_id")
        .annotate(n=Count("pk"), terlama=Min("tanggal"))
        .order_by()
    )
    return {r["pegawai_id"]: (r["n"], r["terlama"]) for r in rows}


def rekap(
    *, instansi_id: int, opd_ids: set[int] | None, per_unit: bool, t: Tanggal
) -> tuple[list[Baris], Baris]:
    """Rows per OPD (or per unit inside `opd_ids`) and the total: three queries."""
    kunci = "unit_id" if per_unit else "opd_key"
    orang: dict[int, int] = {}  # pegawai → row key (first definitive assignment wins)
    baris: dict[int, Baris] = {}
    for row in _penugasan(instansi_id, opd_ids, t).values(
        "pegawai_id", kunci, "lapor_hari", "lapor_minggu"
    ):
        if row["pegawai_id"] in orang:
            continue
        orang[row["pegawai_id"]] = row[kunci]
        b = baris.setdefault(row[kunci], Baris(row[kunci], ""))
        b.pegawai += 1
        b.lapor_hari += row["lapor_hari"]
        b.lapor_minggu += row["lapor_minggu"]
    for pid, (n, terlama) in _menunggu_per_pegawai(list(orang)).items():
        b = baris[orang[pid]]
        b.menunggu += n
        b.terlama = terlama if b.terlama is None else min(b.terlama, terlama)
    for pk, nama, path in UnitKerja.objects.filter(pk__in=list(baris)).values_list(
        "pk", "nama", "path"
    ):
        baris[pk].nama, baris[pk].path = nama, path
    urut = sorted(baris.values(), key=lambda b: (b.path, b.nama) if per_unit else (b.nama, b.pk))
    total = Baris(0, "")
    for b in urut:
        total.pegawai += b.pegawai
        total.lapor_hari += b.lapor_hari
        total.lapor_minggu += b.lapor_minggu
        total.menunggu += b.menunggu
        if b.terlama and (total.terlama is None or b.terlama < total.terlama):
            total.terlama = b.terlama
    return urut, total


def menunggu_per_atasan(*, instansi_id: int, opd: UnitKerja, t: Tanggal) -> list[BarisAtasan]:
    """Pending reviews of the OPD's pegawai grouped by their atasan today, worst first
    (oldest waiting, then most waiting): five queries whatever the size of the OPD."""
    tugas = list(
        _penugasan(instansi_id, {opd.pk}, t)
        .order_by("pegawai_id", "-mulai")
        .values_list("pegawai_id", "jabatan_id")
    )
    jabatan_of: dict[int, int] = {}
    for pid, jid in tugas:
        jabatan_of.setdefault(pid, jid)
    menunggu = _menunggu_per_pegawai(list(jabatan_of))
    if not menunggu:
        return []
    induk: dict[int, int | None] = dict(
        Jabatan.objects.filter(instansi_id=instansi_id).values_list("pk", "parent_id")
    )
    pemegang = hierarki.pemegang_efektif(list(induk), t.hari_ini)
    per_atasan: dict[int, list[Any]] = defaultdict(lambda: [0, None, set()])
    for pid, (n, terlama) in menunggu.items():
        atasan = _atasan(jabatan_of[pid], pid, induk, pemegang)
        if atasan is None:
            continue
        agg = per_atasan[atasan]
        agg[0] += n
        agg[1] = terlama if agg[1] is None else min(agg[1], terlama)
        agg[2].add(pid)
    info = {
        p["pk"]: p
        for p in Pegawai.objects.filter(pk__in=list(per_atasan)).values(
            "pk", "nama", "gelar_depan", "gelar_belakang", "nip"
        )
    }
    hasil = []
    for aid, (n, terlama, bawahan) in per_atasan.items():
        p = info.get(aid)
        if p is None:
            continue
        nama = f"{p['gelar_depan']} {p['nama']}".strip()
        nama = f"{nama}, {p['gelar_belakang']}" if p["gelar_belakang"] else nama
        hasil.append(
            BarisAtasan(aid, nama, p["nip"], n, terlama, len(bawahan), (t.hari_ini - terlama).days)
        )
    return sorted(hasil, key=lambda b: (b.terlama, -b.menunggu, b.nama))


def _atasan(
    jabatan_id: int, pegawai_id: int, induk: dict[int, int | None], pemegang: dict[int, int]
) -> int | None:
    current = induk.get(jabatan_id)
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        holder = pemegang.get(current)
        if holder is not None and holder != pegawai_id:
            return holder
        current = induk.get(current)
    return None


def laporan_terbaru(
    *,
    instansi_id: int,
    opd: UnitKerja,
    t: Tanggal,
    unit_id: int | None = None,
    hanya_mirip: bool = False,
) -> QuerySet[LaporanKegiatan]:
    """The OPD's reports of the last days, newest first (for a paginator over their ids)."""
    tugas = _penugasan(instansi_id, {opd.pk}, t)
    if unit_id is not None:
        tugas = tugas.filter(unit_id=unit_id)
    qs = LaporanKegiatan.objects.filter(
        pegawai_id__in=tugas.values("pegawai_id"),
        tanggal__gte=t.hari_ini - dt.timedelta(days=HARI_LAPORAN_TERBARU),
        tanggal__lte=t.hari_ini,
    )
    if hanya_mirip:
        qs = qs.filter(mirip_dengan__isnull=False)
    return qs.order_by("-tanggal", "-pk")


def laporan_muat(ids: list[int]) -> list[LaporanKegiatan]:
    """One page of reports with what the list shows, in the order of `ids` (one query).

    The page's ids come first from a plain query on the (pegawai, tanggal) index; the joins are
    then made only for those rows, not for every report of the window before sorting.
    """
    rows = {
        x.pk: x
        for x in LaporanKegiatan.objects.filter(pk__in=ids)
        .select_related("pegawai", "indikator", "mirip_dengan", "mirip_dengan__pegawai")
        .only(
            "pk",
            "tanggal",
            "uraian",
            "durasi_menit",
            "status",
            "skor_mirip",
            "mirip_sumber",
            "kuantitas",
            "satuan",
            "pegawai__nama",
            "pegawai__gelar_depan",
            "pegawai__gelar_belakang",
            "pegawai__nip",
            "indikator__teks",
            "mirip_dengan__tanggal",
            "mirip_dengan__pegawai__nama",
            "mirip_dengan__pegawai__gelar_depan",
            "mirip_dengan__pegawai__gelar_belakang",
        )
    }
    return [rows[pk] for pk in ids if pk in rows]


def unit_opd(opd: UnitKerja) -> list[tuple[int, str]]:
    """Units of the OPD (for the filter), in tree order."""
    return list(
        UnitKerja.objects.filter(Q(pk=opd.pk) | Q(opd_id=opd.pk), ditutup_pada__isnull=True)
        .order_by("path")
        .values_list("pk", "nama")
    )
