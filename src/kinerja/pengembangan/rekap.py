"""JP recaps (reads of the CapaianJp ledger): one pegawai, a team, a unit/OPD, the city.

JP comes only from the ledger `CapaianJp` (written by the pelatihan part on completion /
verification); a pegawai without rows has 0 JP. A pegawai counts under their definitive
assignment (Penugasan) active today, in its unit and that unit's OPD — also when the recap is for
a past year. Inactive pegawai (`is_active=False`) and pegawai without an active definitive
assignment are not in any recap.

Every recap is ONE query: the active definitive assignments of the scope joined to the pegawai
and unit, each annotated with a correlated `SUM(jp)` of that pegawai's ledger rows of the year
(the (tahun, pegawai) index answers it). Summaries, per-unit and per-OPD rows, filters, sorting
and pages are then computed in Python over those rows (6,500 rows for the city: milliseconds),
never one query per pegawai or per unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.models import Jabatan, JenisPenugasan, Pegawai, Penugasan
from kinerja.pengembangan.jp import TARGET_JP_TAHUNAN, persen_jp
from kinerja.pengembangan.models import CapaianJp, PengaturanPengembangan
from kinerja.pengembangan.pengaturan import pengaturan

_DUA = Decimal("0.01")

# status of a pegawai's year (mutually exclusive); BELUM is a filter only (= NOL + KURANG)
NOL = "nol"
KURANG = "kurang"
TERCAPAI = "tercapai"
BELUM = "belum"
STATUS_LABEL = {
    NOL: _("0 JP"),
    KURANG: _("Di bawah target"),
    TERCAPAI: _("Tercapai"),
}
FILTER_STATUS = [
    (NOL, _("0 JP")),
    (KURANG, _("Di bawah target (di atas 0)")),
    (BELUM, _("Belum mencapai target (termasuk 0 JP)")),
    (TERCAPAI, _("Tercapai")),
]
URUTAN = [
    ("jp", _("JP terendah dulu")),
    ("-jp", _("JP tertinggi dulu")),
    ("nama", _("Nama")),
    ("nip", _("NIP")),
    ("unit", _("Unit kerja")),
]


def jp_tahun(pegawai_id: int, tahun: int) -> Decimal:
    """JP credited to one pegawai in a year (1 query)."""
    total = CapaianJp.objects.filter(pegawai_id=pegawai_id, tahun=tahun).aggregate(s=Sum("jp"))["s"]
    return total or Decimal("0")


def _desimal(nilai: Any) -> Decimal:
    """A SUM from the database (Decimal, or float/str on SQLite) as Decimal with 2 places."""
    if nilai is None:
        return Decimal("0.00")
    return Decimal(str(nilai)).quantize(_DUA, rounding=ROUND_HALF_UP)


def status_jp(jp: Decimal, target: Decimal) -> str:
    if jp <= 0:
        return NOL
    return TERCAPAI if jp >= target else KURANG


def _nama_lengkap(nama: str, depan: str, belakang: str) -> str:
    teks = f"{depan} {nama}".strip()
    return f"{teks}, {belakang}" if belakang else teks


@dataclass
class BarisPegawai:
    """One pegawai of a recap."""

    pegawai_id: int
    nama: str
    nip: str
    unit_id: int
    unit_nama: str
    unit_path: str
    opd_id: int
    opd_nama: str
    jp: Decimal
    status: str
    persen: int  # toward the target, capped at 100 (progress bars)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABEL[self.status])


@dataclass
class Ringkasan:
    """Counts of a set of pegawai (a unit, an OPD, the whole scope)."""

    pk: int = 0
    nama: str = ""
    path: str = ""
    depth: int = 0
    pegawai: int = 0
    nol: int = 0
    kurang: int = 0
    tercapai: int = 0
    total_jp: Decimal = field(default_factory=lambda: Decimal("0"))

    def tambah(self, baris: BarisPegawai) -> None:
        self.pegawai += 1
        self.total_jp += baris.jp
        if baris.status == NOL:
            self.nol += 1
        elif baris.status == KURANG:
            self.kurang += 1
        else:
            self.tercapai += 1

    @property
    def di_bawah_target(self) -> int:
        """Pegawai below the target, 0 JP included."""
        return self.nol + self.kurang

    @property
    def rata_jp(self) -> Decimal:
        if not self.pegawai:
            return Decimal("0.00")
        return (self.total_jp / self.pegawai).quantize(_DUA, rounding=ROUND_HALF_UP)

    @property
    def persen_tercapai(self) -> int:
        return round(100 * self.tercapai / self.pegawai) if self.pegawai else 0

    @property
    def persen_nol(self) -> int:
        return round(100 * self.nol / self.pegawai) if self.pegawai else 0


def target_jp() -> Decimal:
    """The yearly target from the settings row (1 query; the default when there is none)."""
    return Decimal(pengaturan().target_jp_tahunan)


def _jp_subquery(tahun: int, luar: str = "pegawai_id") -> Subquery:
    return Subquery(
        CapaianJp.objects.filter(pegawai_id=OuterRef(luar), tahun=tahun)
        .order_by()
        .values("pegawai_id")
        .annotate(s=Sum("jp"))
        .values("s")[:1],
        output_field=DecimalField(max_digits=9, decimal_places=2),
    )


def pegawai_rows(
    *,
    instansi_id: int,
    tahun: int,
    target: Decimal,
    pegawai_ids: Iterable[int] | None = None,
    jabatan_ids: Iterable[int] | None = None,
    opd_ids: Iterable[int] | None = None,
    unit_path: str | None = None,
    kecuali: int | None = None,
    tanggal: dt.date | None = None,
) -> list[BarisPegawai]:
    """Per pegawai rows of a scope and year, by name: ONE query.

    Scope: the whole instansi, narrowed by any of `pegawai_ids` (a team), `jabatan_ids` (the
    chain below an atasan), `opd_ids` (OPDs) or `unit_path` (a unit's subtree)."""
    tanggal = tanggal or timezone.localdate()
    qs = Penugasan.objects.aktif_pada(tanggal).filter(
        jenis=JenisPenugasan.DEFINITIF,
        pegawai__is_active=True,
        pegawai__instansi_id=instansi_id,
    )
    if pegawai_ids is not None:
        qs = qs.filter(pegawai_id__in=list(pegawai_ids))
    if jabatan_ids is not None:
        qs = qs.filter(jabatan_id__in=list(jabatan_ids))
    if opd_ids is not None:
        ids = list(opd_ids)
        qs = qs.filter(Q(unit__opd_id__in=ids) | Q(unit_id__in=ids))
    if unit_path is not None:
        qs = qs.filter(unit__path__startswith=unit_path)
    if kecuali is not None:
        qs = qs.exclude(pegawai_id=kecuali)
    nol = Value(Decimal("0"), output_field=DecimalField(max_digits=9, decimal_places=2))
    rows = (
        qs.annotate(
            opd_key=Coalesce("unit__opd_id", "unit_id"),
            opd_label=Coalesce("unit__opd__nama", "unit__nama"),
            jp_tahun=Coalesce(_jp_subquery(tahun), nol),
        )
        .order_by("pegawai_id", "-mulai", "-pk")
        .values_list(
            "pegawai_id",
            "pegawai__nama",
            "pegawai__gelar_depan",
            "pegawai__gelar_belakang",
            "pegawai__nip",
            "unit_id",
            "unit__nama",
            "unit__path",
            "opd_key",
            "opd_label",
            "jp_tahun",
        )
    )
    hasil: dict[int, BarisPegawai] = {}
    for pid, nama, depan, belakang, nip, uid, unama, upath, opd, opd_nama, jp in rows:
        if pid in hasil:  # overlapping definitive assignments: the latest one counts
            continue
        nilai = _desimal(jp)
        hasil[pid] = BarisPegawai(
            pegawai_id=pid,
            nama=_nama_lengkap(nama, depan, belakang),
            nip=nip,
            unit_id=uid,
            unit_nama=unama,
            unit_path=upath,
            opd_id=opd,
            opd_nama=opd_nama,
            jp=nilai,
            status=status_jp(nilai, target),
            persen=persen_jp(nilai, target=target),
        )
    return sorted(hasil.values(), key=lambda b: (b.nama.casefold(), b.pegawai_id))


def ringkas(rows: Iterable[BarisPegawai]) -> Ringkasan:
    total = Ringkasan()
    for baris in rows:
        total.tambah(baris)
    return total


def per_opd(rows: Iterable[BarisPegawai]) -> list[Ringkasan]:
    """One row per OPD (city recap), by name."""
    hasil: dict[int, Ringkasan] = {}
    for baris in rows:
        hasil.setdefault(baris.opd_id, Ringkasan(pk=baris.opd_id, nama=baris.opd_nama)).tambah(
            baris
        )
    return sorted(hasil.values(), key=lambda r: (r.nama.casefold(), r.pk))


def per_unit(rows: Iterable[BarisPegawai], *, akar_depth: int = 0) -> list[Ringkasan]:
    """One row per unit (pegawai placed directly in it), in tree order; `depth` is relative to
    the viewed unit (for indentation)."""
    hasil: dict[int, Ringkasan] = {}
    for baris in rows:
        depth = max(0, baris.unit_path.strip("/").count("/") - akar_depth)
        hasil.setdefault(
            baris.unit_id,
            Ringkasan(pk=baris.unit_id, nama=baris.unit_nama, path=baris.unit_path, depth=depth),
        ).tambah(baris)
    return sorted(hasil.values(), key=lambda r: r.path)


def saring(
    rows: Sequence[BarisPegawai], *, status: str = "", q: str = "", urut: str = ""
) -> list[BarisPegawai]:
    """Filter by status and name/NIP, then sort (default: lowest JP first, then name)."""
    hasil = list(rows)
    if status == BELUM:
        hasil = [b for b in hasil if b.status != TERCAPAI]
    elif status in STATUS_LABEL:
        hasil = [b for b in hasil if b.status == status]
    q = (q or "").strip()
    if q:
        if q.isdigit():
            hasil = [b for b in hasil if b.nip.startswith(q)]
        else:
            kata = q.casefold().split()[:5]
            hasil = [b for b in hasil if all(k in b.nama.casefold() for k in kata)]
    kunci: dict[str, Any] = {
        "nama": lambda b: (b.nama.casefold(), b.pegawai_id),
        "nip": lambda b: (b.nip, b.pegawai_id),
        "unit": lambda b: (b.opd_nama.casefold(), b.unit_path, b.nama.casefold()),
        "-jp": lambda b: (-b.jp, b.nama.casefold(), b.pegawai_id),
    }
    hasil.sort(key=kunci.get(urut, lambda b: (b.jp, b.nama.casefold(), b.pegawai_id)))
    return hasil


def jabatan_turunan(jabatan_ids: Iterable[int], instansi_id: int) -> set[int]:
    """Every jabatan below the given ones (all levels): one query over the instansi's tree."""
    anak: dict[int, list[int]] = {}
    for pk, parent in Jabatan.objects.filter(instansi_id=instansi_id).values_list(
        "pk", "parent_id"
    ):
        if parent is not None:
            anak.setdefault(parent, []).append(pk)
    hasil: set[int] = set()
    antre = list(jabatan_ids)
    while antre:
        for pk in anak.get(antre.pop(), []):
            if pk not in hasil:
                hasil.add(pk)
                antre.append(pk)
    return hasil


def beranda(pegawai: Pegawai, tahun: int, bawahan_ids: Sequence[int]) -> dict[str, Any]:
    """The home card: own JP and the target (1 query), and for an atasan how many of the given
    bawahan have no JP this year (1 more query)."""
    target_sub = Subquery(
        PengaturanPengembangan.objects.order_by("pk").values("target_jp_tahunan")[:1]
    )
    row = (
        Pegawai.objects.filter(pk=pegawai.pk)
        .annotate(jp_tahun=_jp_subquery(tahun, "pk"), target=target_sub)
        .values_list("jp_tahun", "target")
        .first()
    )
    jp, target = row or (None, None)
    target_d = Decimal(str(target)) if target is not None else TARGET_JP_TAHUNAN
    nilai = _desimal(jp)
    hasil: dict[str, Any] = {
        "jp": nilai,
        "target": target_d,
        "persen": persen_jp(nilai, target=target_d),
        "tahun": tahun,
        "bawahan_nol": None,
    }
    if bawahan_ids:
        punya = (
            CapaianJp.objects.filter(tahun=tahun, pegawai_id__in=list(bawahan_ids))
            .values("pegawai_id")
            .distinct()
            .count()
        )
        hasil["bawahan_nol"] = len(set(bawahan_ids)) - punya
    return hasil
