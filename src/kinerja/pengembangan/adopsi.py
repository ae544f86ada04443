"""Adoption of the system per OPD and per unit (part "adopsi"): is the system really used?

For a window ending today (`JENDELA_PILIHAN`, default 28 days) and a set of pegawai, four numbers
show where the system is used and where it is not ("resistance is visible where it is"):

- **pegawai**: active pegawai with a definitive assignment (Penugasan) active today; each counts
  once, under the unit of their latest definitive assignment (the same rule as the JP recap and
  the leader overview of kegiatan).
- **SKP disetujui**: share of those pegawai whose SKP version in force (`aktif`) for the periode
  berjalan (skp.selectors.periode_berjalan) is approved (`disetujui`). Not window-dependent.
- **melapor tiap minggu**: the window is cut into whole weeks counted back from today (7 days →
  1 week, 28 → 4, 90 → the last 12 weeks; "week" = 7 days ending today, 7 days before that, …).
  A pegawai "reports weekly" when they have at least one laporan kegiatan (any status) dated in
  EVERY one of those weeks. We also show the average number of weeks with a report, so a unit
  where most report 3 of 4 weeks differs from one where nobody reports.
- **atasan memberi umpan balik**: an atasan is a pegawai (of the set) holding today — definitive
  or Plt/Plh — a jabatan that has a child jabatan with a holder today. An atasan "gives feedback"
  when they wrote at least one umpan balik message about someone else (a new thread or a reply;
  a pegawai asking for feedback about themselves does not count) in the window. Reviewing reports
  is measured separately by the review delay, so the two are not mixed.
- **rata-rata lama review**: over the reports of the set's pegawai reviewed (approved or
  returned) in the window, the average of `direview_pada − dibuat_pada`; and **menunggu > 3
  hari**: reports of the set's pegawai still waiting for review whose `dibuat_pada` is more than
  `HARI_TUNGGU_LAMA` days ago (the current backlog, not window-dependent).

Every page is a fixed handful of queries, whatever the number of OPDs, units or pegawai: one row
per pegawai (their unit and three EXISTS flags), one grouped query for the weeks with reports, one
grouped query for reviews and backlog (both grouped by pegawai, then added up per unit/OPD in
Python), the periode in force, and the names of the rows' units.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from kinerja.kegiatan.models import LaporanKegiatan, StatusLaporan
from kinerja.organisasi.models import JenisPenugasan, Penugasan, UnitKerja
from kinerja.skp.models import Skp, StatusSkp
from kinerja.skp.selectors import periode_berjalan
from kinerja.umpanbalik.models import UmpanBalik

JENDELA_PILIHAN = (7, 28, 90)  # days, ending today
JENDELA_BAWAAN = 28
HARI_TUNGGU_LAMA = 3  # a report waiting longer than this many days counts as "menunggu lama"

# Colour hints of a share (percent): below BATAS_MERAH red, below BATAS_KUNING yellow, else green.
BATAS_MERAH = 50
BATAS_KUNING = 80
# Colour hints of the average review delay (hours): above JAM_REVIEW_MERAH red (more than three
# days), above JAM_REVIEW_KUNING yellow (more than one working day), else green.
JAM_REVIEW_KUNING = 24
JAM_REVIEW_MERAH = 72

MERAH, KUNING, HIJAU, KOSONG = "merah", "kuning", "hijau", "kosong"
LABEL_WARNA = {
    MERAH: _("perlu perhatian"),
    KUNING: _("sedang"),
    HIJAU: _("baik"),
    KOSONG: _("belum ada data"),
}


def warna_persen(persen: int | None) -> str:
    """The colour hint of a share in percent (None: nothing to measure)."""
    if persen is None:
        return KOSONG
    if persen < BATAS_MERAH:
        return MERAH
    if persen < BATAS_KUNING:
        return KUNING
    return HIJAU


def warna_review(jam: float | None) -> str:
    """The colour hint of an average review delay in hours (None: nothing reviewed)."""
    if jam is None:
        return KOSONG
    if jam > JAM_REVIEW_MERAH:
        return MERAH
    if jam > JAM_REVIEW_KUNING:
        return KUNING
    return HIJAU


def _persen(bagian: int, dari: int) -> int | None:
    return round(100 * bagian / dari) if dari else None


@dataclass(frozen=True)
class Jendela:
    """The measuring window: `hari` days ending today (dates inclusive)."""

    hari: int
    hari_ini: dt.date
    sekarang: dt.datetime

    @property
    def mulai(self) -> dt.date:
        return self.hari_ini - dt.timedelta(days=self.hari - 1)

    @property
    def mulai_waktu(self) -> dt.datetime:
        """Midnight (Asia/Jakarta) at the start of the first day."""
        return timezone.make_aware(dt.datetime.combine(self.mulai, dt.time.min))

    @property
    def minggu(self) -> int:
        """Whole weeks counted back from today for the weekly-reporting share (at least 1)."""
        return max(1, self.hari // 7)

    @property
    def mulai_minggu(self) -> dt.date:
        return self.hari_ini - dt.timedelta(days=7 * self.minggu - 1)

    @property
    def batas_tunggu(self) -> dt.datetime:
        return self.sekarang - dt.timedelta(days=HARI_TUNGGU_LAMA)


def jendela(
    hari: Any = None, *, hari_ini: dt.date | None = None, sekarang: dt.datetime | None = None
) -> Jendela:
    """The window asked for (`?jendela=`), the default when missing or not one of the choices."""
    try:
        n = int(hari)
    except (TypeError, ValueError):
        n = JENDELA_BAWAAN
    if n not in JENDELA_PILIHAN:
        n = JENDELA_BAWAAN
    sekarang = sekarang or timezone.now()
    return Jendela(hari=n, hari_ini=hari_ini or timezone.localdate(sekarang), sekarang=sekarang)


@dataclass
class BarisAdopsi:
    """The numbers of one OPD, one unit (with its subtree) or the total."""

    pk: int
    nama: str = ""
    path: str = ""
    kantor: bool = False  # the OPD's own head office (pegawai placed directly in the OPD unit)
    pegawai: int = 0
    skp: int = 0
    lapor_rutin: int = 0
    minggu_lapor: int = 0  # sum over pegawai of the weeks with a report
    atasan: int = 0
    atasan_umpan: int = 0
    review_n: int = 0
    review_detik: float = 0.0
    menunggu_lama: int = 0
    minggu: int = 1  # weeks of the window (for the average)

    def tambah(self, lain: BarisAdopsi) -> None:
        self.pegawai += lain.pegawai
        self.skp += lain.skp
        self.lapor_rutin += lain.lapor_rutin
        self.minggu_lapor += lain.minggu_lapor
        self.atasan += lain.atasan
        self.atasan_umpan += lain.atasan_umpan
        self.review_n += lain.review_n
        self.review_detik += lain.review_detik
        self.menunggu_lama += lain.menunggu_lama

    @property
    def persen_skp(self) -> int | None:
        return _persen(self.skp, self.pegawai)

    @property
    def persen_lapor(self) -> int | None:
        return _persen(self.lapor_rutin, self.pegawai)

    @property
    def rata_minggu(self) -> float | None:
        """Average number of weeks with a report per pegawai (0 … minggu), one decimal."""
        return round(self.minggu_lapor / self.pegawai, 1) if self.pegawai else None

    @property
    def persen_umpan(self) -> int | None:
        return _persen(self.atasan_umpan, self.atasan)

    @property
    def rata_review_jam(self) -> float | None:
        """Average review delay in hours (None when nothing was reviewed in the window)."""
        return round(self.review_detik / 3600 / self.review_n, 1) if self.review_n else None

    @property
    def rata_review_teks(self) -> str:
        """The delay in words a reader gets at once: "5 jam", "1,5 hari"."""
        jam = self.rata_review_jam
        if jam is None:
            return "–"
        if jam < 24:
            return pgettext("durasi", "%(n)s jam") % {"n": _desimal(jam)}
        return pgettext("durasi", "%(n)s hari") % {"n": _desimal(round(jam / 24, 1))}

    @property
    def warna_skp(self) -> str:
        return warna_persen(self.persen_skp)

    @property
    def warna_lapor(self) -> str:
        return warna_persen(self.persen_lapor)

    @property
    def warna_umpan(self) -> str:
        return warna_persen(self.persen_umpan)

    @property
    def warna_review(self) -> str:
        return warna_review(self.rata_review_jam)


def _desimal(nilai: float) -> str:
    teks = f"{nilai:.1f}".rstrip("0").rstrip(".")
    return teks.replace(".", ",")


@dataclass
class Adopsi:
    """A whole page: its rows, the total, the window and the periode measured."""

    jendela: Jendela
    baris: list[BarisAdopsi]
    total: BarisAdopsi
    periode: Any = None  # skp.PeriodeKinerja | None
    opd: UnitKerja | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _penugasan(instansi_id: int, j: Jendela, opd_ids: Iterable[int] | None) -> QuerySet[Penugasan]:
    qs = Penugasan.objects.aktif_pada(j.hari_ini).filter(
        jenis=JenisPenugasan.DEFINITIF,
        pegawai__is_active=True,
        pegawai__instansi_id=instansi_id,
    )
    if opd_ids is not None:
        ids = list(opd_ids)
        qs = qs.filter(Q(unit__opd_id__in=ids) | Q(unit_id__in=ids))
    return qs


def _baris_pegawai(
    instansi_id: int, j: Jendela, opd_ids: Iterable[int] | None, periode_id: int | None
) -> dict[int, tuple[str, int, bool, bool, bool]]:
    """pegawai → (unit path, OPD, approved SKP, atasan, gave feedback): ONE query.

    The three flags are `pegawai_id IN (uncorrelated subquery)`: PostgreSQL hashes each
    subquery once (a correlated EXISTS per row made the plan look expensive enough to be
    JIT-compiled, 35 ms of the city page)."""
    hari_ini = j.hari_ini

    def di(sub: QuerySet[Any]) -> ExpressionWrapper:
        return ExpressionWrapper(Q(pegawai_id__in=sub), output_field=BooleanField())

    if periode_id is None:
        skp: Any = Value(False)
    else:
        skp = di(
            Skp.objects.filter(
                periode_id=periode_id, aktif=True, status=StatusSkp.DISETUJUI
            ).values("pegawai_id")
        )
    dipegang_bawahan = (
        Penugasan.objects.aktif_pada(hari_ini)
        .filter(pegawai__is_active=True, jabatan__parent__isnull=False)
        .values("jabatan__parent_id")
    )
    atasan = di(
        Penugasan.objects.aktif_pada(hari_ini)
        .filter(jabatan_id__in=dipegang_bawahan)
        .values("pegawai_id")
    )
    umpan = di(
        UmpanBalik.objects.filter(dibuat_pada__gte=j.mulai_waktu, dibuat_pada__lte=j.sekarang)
        .exclude(pegawai_id=F("penulis_id"))
        .values("penulis_id")
    )
    rows = (
        _penugasan(instansi_id, j, opd_ids)
        .annotate(
            opd_key=Coalesce("unit__opd_id", "unit_id"),
            skp_ok=skp,
            is_atasan=atasan,
            umpan_ok=umpan,
        )
        .order_by("pegawai_id", "-mulai", "-pk")
        .values_list("pegawai_id", "unit__path", "opd_key", "skp_ok", "is_atasan", "umpan_ok")
    )
    hasil: dict[int, tuple[str, int, bool, bool, bool]] = {}
    for pid, path, opd, skp_ok, is_atasan, umpan_ok in rows:
        if pid not in hasil:  # overlapping definitive assignments: the latest one counts
            hasil[pid] = (path, opd, bool(skp_ok), bool(is_atasan), bool(umpan_ok))
    return hasil


def _lingkup_laporan(
    instansi_id: int, j: Jendela, opd_ids: Iterable[int] | None
) -> QuerySet[LaporanKegiatan]:
    """Reports of the pegawai in scope (a semi-join on today's assignments, not an id list)."""
    qs = LaporanKegiatan.objects.all()
    if opd_ids is None:
        return qs.filter(pegawai__instansi_id=instansi_id)
    return qs.filter(pegawai_id__in=_penugasan(instansi_id, j, opd_ids).values("pegawai_id"))


def _minggu_lapor(instansi_id: int, j: Jendela, opd_ids: Iterable[int] | None) -> dict[int, int]:
    """pegawai → number of weeks of the window with at least one report: ONE grouped query.

    One `MAX(CASE …)` flag per week (at most 12 columns) rather than `COUNT(DISTINCT week)`:
    a plain hash aggregate, no sort of every report of the window."""
    flags = {
        f"m{i}": Max(
            Case(
                When(
                    tanggal__gte=j.hari_ini - dt.timedelta(days=7 * i + 6),
                    tanggal__lte=j.hari_ini - dt.timedelta(days=7 * i),
                    then=Value(1),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        for i in range(j.minggu)
    }
    rows = (
        _lingkup_laporan(instansi_id, j, opd_ids)
        .filter(tanggal__gte=j.mulai_minggu, tanggal__lte=j.hari_ini)
        .values("pegawai_id")
        .annotate(**flags)
        .order_by()
        .values_list("pegawai_id", *flags)
    )
    return {row[0]: sum(row[1:]) for row in rows}


class DetikSelisih(Func):
    """`a - b` in seconds as a float, computed by the database.

    Django's portable datetime subtraction calls a Python function per row on SQLite (300 ms
    for the city's 100,000 reviewed reports); julianday() / EXTRACT(EPOCH …) are native."""

    arity = 2
    output_field = FloatField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        return self.as_sql(
            compiler,
            connection,
            template="((julianday(%(expressions)s)) * 86400.0)",
            arg_joiner=") - julianday(",
            **extra,
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        return self.as_sql(
            compiler,
            connection,
            template="EXTRACT(EPOCH FROM (%(expressions)s))::float",
            arg_joiner=" - ",
            **extra,
        )


def _review(
    instansi_id: int, j: Jendela, opd_ids: Iterable[int] | None
) -> dict[int, tuple[int, float, int]]:
    """pegawai → (reports reviewed in the window, their summed delay in seconds, reports waiting
    longer than HARI_TUNGGU_LAMA days): ONE grouped query."""
    direview = Q(direview_pada__isnull=False, direview_pada__gte=j.mulai_waktu) & Q(
        direview_pada__lte=j.sekarang
    )
    lama = Q(status=StatusLaporan.DIAJUKAN, dibuat_pada__lt=j.batas_tunggu)
    selisih = DetikSelisih(F("direview_pada"), F("dibuat_pada"))
    rows = (
        _lingkup_laporan(instansi_id, j, opd_ids)
        .filter(direview | lama)
        .values("pegawai_id")
        .annotate(
            n=Count("pk", filter=direview),
            total=Sum(selisih, filter=direview),
            lama=Count("pk", filter=lama),
        )
        .order_by()
        .values_list("pegawai_id", "n", "total", "lama")
    )
    hasil: dict[int, tuple[int, float, int]] = {}
    for pid, n, total, menunggu in rows:
        hasil[pid] = (n, float(total or 0), menunggu)
    return hasil


def _hitung(
    *,
    instansi_id: int,
    j: Jendela,
    opd_ids: Iterable[int] | None,
    kunci: Callable[[str, int], int],
) -> tuple[dict[int, BarisAdopsi], Any]:
    """Rows keyed by `kunci(unit_path, opd_id)` and the periode measured."""
    opd_ids = list(opd_ids) if opd_ids is not None else None
    periode = periode_berjalan(instansi_id, j.hari_ini)
    orang = _baris_pegawai(instansi_id, j, opd_ids, periode.pk if periode else None)
    minggu = _minggu_lapor(instansi_id, j, opd_ids)
    review = _review(instansi_id, j, opd_ids)
    baris: dict[int, BarisAdopsi] = {}
    for pid, (path, opd, skp_ok, is_atasan, umpan_ok) in orang.items():
        k = kunci(path, opd)
        b = baris.get(k)
        if b is None:
            b = baris[k] = BarisAdopsi(pk=k, minggu=j.minggu)
        b.pegawai += 1
        b.skp += skp_ok
        n_minggu = minggu.get(pid, 0)
        b.minggu_lapor += n_minggu
        b.lapor_rutin += n_minggu >= j.minggu
        if is_atasan:
            b.atasan += 1
            b.atasan_umpan += umpan_ok
        n, detik, menunggu = review.get(pid, (0, 0.0, 0))
        b.review_n += n
        b.review_detik += detik
        b.menunggu_lama += menunggu
    return baris, periode


def _beri_nama(baris: dict[int, BarisAdopsi]) -> None:
    for pk, nama, path in UnitKerja.objects.filter(pk__in=list(baris)).values_list(
        "pk", "nama", "path"
    ):
        baris[pk].nama, baris[pk].path = nama, path


def _total(rows: Iterable[BarisAdopsi], j: Jendela) -> BarisAdopsi:
    total = BarisAdopsi(pk=0, minggu=j.minggu)
    for b in rows:
        total.tambah(b)
    return total


URUTAN = {
    "nama": lambda b: (b.nama.casefold(), b.pk),
    "pegawai": lambda b: (b.pegawai, b.nama.casefold()),
    "skp": lambda b: (_nilai(b.persen_skp), b.nama.casefold()),
    "lapor": lambda b: (_nilai(b.persen_lapor), b.nama.casefold()),
    "umpan": lambda b: (_nilai(b.persen_umpan), b.nama.casefold()),
    "review": lambda b: (_nilai(b.rata_review_jam), b.nama.casefold()),
    "menunggu": lambda b: (b.menunggu_lama, b.nama.casefold()),
}


def _nilai(x: float | None) -> float:
    return -1.0 if x is None else float(x)


def urutkan(rows: list[BarisAdopsi], urut: str) -> tuple[list[BarisAdopsi], str]:
    """Sort by a column (`urut` = name, or `-name` for descending); the key used is returned."""
    turun = urut.startswith("-")
    nama = urut.lstrip("-")
    if nama not in URUTAN:
        return sorted(rows, key=URUTAN["nama"]), "nama"
    return sorted(rows, key=URUTAN[nama], reverse=turun), urut


def per_opd(*, instansi_id: int, j: Jendela, opd_ids: Iterable[int] | None = None) -> Adopsi:
    """One row per OPD of the city (or of `opd_ids`) and the total: five queries."""
    baris, periode = _hitung(
        instansi_id=instansi_id, j=j, opd_ids=opd_ids, kunci=lambda _path, opd: opd
    )
    _beri_nama(baris)
    rows = sorted(baris.values(), key=URUTAN["nama"])
    return Adopsi(jendela=j, baris=rows, total=_total(rows, j), periode=periode)


def per_unit(*, instansi_id: int, j: Jendela, opd: UnitKerja) -> Adopsi:
    """The units of one OPD: one row per direct child unit with its whole subtree, plus the OPD's
    own head office (pegawai placed directly in the OPD unit), and the OPD total: five queries."""

    def kunci(path: str, _opd: int) -> int:
        bagian = path.strip("/").split("/")
        return int(bagian[1]) if len(bagian) > 1 else opd.pk

    baris, periode = _hitung(instansi_id=instansi_id, j=j, opd_ids=[opd.pk], kunci=kunci)
    _beri_nama(baris)
    kantor = baris.get(opd.pk)
    if kantor is not None:
        kantor.kantor = True
    rows = sorted(baris.values(), key=lambda b: (not b.kantor, b.nama.casefold(), b.pk))
    return Adopsi(jendela=j, baris=rows, total=_total(rows, j), periode=periode, opd=opd)
