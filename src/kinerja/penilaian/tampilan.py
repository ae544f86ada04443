"""Reads for the penilaian pages (H's module): scoped to the user, constant query counts.

G's `services.py`/`aturan.py` hold the rules; this module only reads and shapes data for the
templates. Scope: out of scope → Http404; in scope but not allowed → PermissionDenied.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.organisasi.models import Pegawai, Peran, UnitKerja
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna
from kinerja.skp.models import PeriodeKinerja, Skp, StatusSkp

from . import aturan
from .models import (
    Evaluasi,
    JenisEvaluasi,
    Keberatan,
    Predikat,
    PredikatOrg,
    PredikatOrganisasi,
    Rating,
    StatusEvaluasi,
    StatusKeberatan,
)

RATING_URUT = [Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH]
PREDIKAT_URUT = [
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
]


def _akses(user: Any) -> AksesPengguna:
    akses = akses_pengguna(user)
    if akses is None or not akses.instansi_id:
        raise Http404
    return akses


# --- periods and windows --------------------------------------------------------------------


def kode_jendela(j: aturan.Jendela) -> str:
    return "tahunan" if j.jenis == JenisEvaluasi.TAHUNAN else f"p{j.urutan}"


def jendela_semua(periode: PeriodeKinerja) -> list[aturan.Jendela]:
    return [*aturan.jendela_periodik(periode), aturan.jendela_tahunan(periode)]


def jendela_dari_kode(periode: PeriodeKinerja, kode: str | None) -> aturan.Jendela:
    """The window named by `kode` ("p3", "tahunan"); default: the latest window that has
    ended (or the first one)."""
    semua = jendela_semua(periode)
    for j in semua:
        if kode and kode_jendela(j) == kode:
            return j
    hari_ini = timezone.localdate()
    selesai = [j for j in semua[:-1] if j.selesai < hari_ini]
    if periode.selesai < hari_ini:
        return semua[-1]
    return selesai[-1] if selesai else semua[0]


def periode_list(user: Any) -> list[PeriodeKinerja]:
    akses = _akses(user)
    return list(PeriodeKinerja.objects.filter(instansi_id=akses.instansi_id).order_by("-tahun"))


def periode_pilih(user: Any, pk: str | int | None) -> PeriodeKinerja:
    """The periode chosen (by pk) or the current one, or the latest."""
    daftar = periode_list(user)
    if not daftar:
        raise Http404
    for p in daftar:
        if pk and str(p.pk) == str(pk):
            return p
    hari_ini = timezone.localdate()
    for p in daftar:
        if p.mulai <= hari_ini <= p.selesai:
            return p
    return daftar[0]


# --- one evaluation -------------------------------------------------------------------------


@dataclass
class PeranEvaluasi:
    penilai: bool = False
    pegawai: bool = False
    pemutus: bool = False  # atasan pejabat penilai of the keberatan
    pengelola: bool = False  # pimpinan OPD of the unit, admin BKPSDMD
    kota: bool = False

    @property
    def baca_semua(self) -> bool:
        """Sees the evaluation before it is locked."""
        return self.penilai or self.pemutus or self.pengelola or self.kota


def peran_atas(
    user: Any, ev: Evaluasi, keberatan: Keberatan | None = None, akses: AksesPengguna | None = None
) -> PeranEvaluasi:
    """What the user is to an evaluation G's selectors already let them read."""
    akses = akses or _akses(user)
    opd_id = ev.unit.opd_id or ev.unit_id
    return PeranEvaluasi(
        penilai=user.pk == ev.pejabat_penilai_id,
        pegawai=user.pk == ev.pegawai_id,
        pemutus=keberatan is not None and keberatan.atasan_pejabat_penilai_id == user.pk,
        pengelola=akses.admin
        or (akses.punya(Peran.PIMPINAN_OPD) and opd_id in akses.opd_kelola_ids),
        kota=akses.kota,
    )


MAKS_LAPORAN = 5


def laporan_per_indikator(
    indikator_ids: list[int], mulai: dt.date, selesai: dt.date
) -> dict[int, list[Any]]:
    """The latest approved reports (≤ MAKS_LAPORAN) per indikator in the window, with their
    evidence count — the links behind G's evidence counts. One query (window function)."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    from kinerja.kegiatan.models import LaporanKegiatan

    if not indikator_ids:
        return {}
    qs = (
        LaporanKegiatan.objects.filter(
            indikator_id__in=indikator_ids,
            status="disetujui",
            tanggal__gte=mulai,
            tanggal__lte=selesai,
        )
        .annotate(
            n_bukti=Count("bukti_set"),
            nomor=Window(
                RowNumber(),
                partition_by=[F("indikator_id")],
                order_by=[F("tanggal").desc(), F("pk").desc()],
            ),
        )
        .only("pk", "indikator_id", "tanggal", "uraian", "tautan")
        .order_by("indikator_id", "-tanggal", "-pk")
    )
    hasil: dict[int, list[Any]] = defaultdict(list)
    for lap in qs:
        if lap.nomor <= MAKS_LAPORAN and lap.indikator_id is not None:
            hasil[lap.indikator_id].append(lap)
    return dict(hasil)


def matriks_sel(ev: Evaluasi, tabel: dict[tuple[str, str], str] | None = None) -> list[dict]:
    """The 3×3 matrix (rows hasil Di Atas → Di Bawah, columns perilaku Di Bawah → Di Atas)
    with the evaluation's cell marked."""
    tabel = tabel if tabel is not None else aturan.matriks()
    kolom = list(reversed(RATING_URUT))
    return [
        {
            "hasil": h,
            "label": Rating(h).label,
            "sel": [
                {
                    "perilaku": p,
                    "predikat": tabel.get((h, p), ""),
                    "label": Predikat(tabel[(h, p)]).label if (h, p) in tabel else "",
                    "aktif": (ev.rating_hasil, ev.rating_perilaku) == (h, p),
                }
                for p in kolom
            ],
        }
        for h in RATING_URUT
    ]


# --- distribution of a unit -----------------------------------------------------------------


@dataclass
class Distribusi:
    unit: UnitKerja
    jendela: aturan.Jendela
    predikat_org: PredikatOrganisasi | None
    jumlah: dict[str, int]
    total: int
    belum: int
    hasil: aturan.HasilDistribusi | None
    kurva: list[str]

    @property
    def baris(self) -> list[dict[str, Any]]:
        return [
            {
                "kode": k,
                "label": Predikat(k).label,
                "n": self.jumlah.get(k, 0),
                "persen": round(self.jumlah.get(k, 0) * 100 / self.total) if self.total else 0,
            }
            for k in PREDIKAT_URUT
        ]

    @property
    def pelanggaran(self) -> list[aturan.StatusAturan]:
        return self.hasil.pelanggaran if self.hasil else []


def distribusi_untuk(
    unit: UnitKerja, periode: PeriodeKinerja, jendela: aturan.Jendela
) -> Distribusi:
    """The curve that applies to `unit`: the predikat organisasi of the unit or of its nearest
    ancestor that has one, checked against the rated evaluations of that unit's whole subtree
    (one aggregate query). Without any predikat organisasi: the unit's own counts, no curve."""
    leluhur = [*unit.ancestor_ids(), unit.pk]
    po_list = list(
        PredikatOrganisasi.objects.filter(
            unit_id__in=leluhur, periode=periode, jenis=jendela.jenis, urutan=jendela.urutan
        ).select_related("unit", "ditetapkan_oleh")
    )
    po = max(po_list, key=lambda p: p.unit.depth) if po_list else None
    cakupan = po.unit if po else unit
    qs = Evaluasi.objects.filter(
        unit__path__startswith=cakupan.path,
        periode=periode,
        jenis=jendela.jenis,
        urutan=jendela.urutan,
    )
    jumlah: dict[str, int] = {}
    belum = 0
    for predikat, n in qs.values_list("predikat").annotate(n=Count("pk")).order_by():
        if predikat:
            jumlah[predikat] = n
        else:
            belum += n
    return Distribusi(
        unit=cakupan,
        jendela=jendela,
        predikat_org=po,
        jumlah=jumlah,
        total=sum(jumlah.values()),
        belum=belum,
        hasil=aturan.nilai_distribusi(po.predikat, jumlah) if po else None,
        kurva=aturan.teks_kurva(po.predikat) if po else [],
    )


# --- calibration grid -----------------------------------------------------------------------


def opd_kelola(user: Any) -> list[UnitKerja]:
    """OPDs the user manages for penilaian (admin BKPSDMD: all OPDs of the instansi)."""
    akses = _akses(user)
    qs = UnitKerja.objects.filter(instansi_id=akses.instansi_id, parent__isnull=True)
    if not akses.admin:
        if not akses.punya(Peran.PIMPINAN_OPD):
            raise PermissionDenied
        qs = qs.filter(pk__in=akses.opd_kelola_ids)
    return list(qs.order_by("nama"))


def unit_kelola_get(user: Any, pk: int) -> UnitKerja:
    """A unit (OPD or below) the user manages: 404 outside their instansi/OPD."""
    akses = _akses(user)
    unit = UnitKerja.objects.filter(pk=pk, instansi_id=akses.instansi_id).first()
    if unit is None:
        raise Http404
    opd_id = unit.opd_id or unit.pk
    if akses.admin or (akses.punya(Peran.PIMPINAN_OPD) and opd_id in akses.opd_kelola_ids):
        return unit
    if opd_id in akses.opd_ids or akses.kota:
        raise PermissionDenied
    raise Http404


def grid_baris(grid: Any) -> list[dict[str, Any]]:
    """G's GridKalibrasi rows with labels for the template."""
    hasil = []
    for h, sel in zip(RATING_URUT, grid.baris, strict=True):
        hasil.append(
            {
                "label": Rating(h).label,
                "sel": [
                    {
                        "s": c,
                        "label": Predikat(c.predikat).label if c.predikat else "",
                        "lainnya": c.jumlah - len(c.pegawai),
                    }
                    for c in sel
                ],
            }
        )
    return hasil


# --- keberatan ------------------------------------------------------------------------------


def keberatan_untuk_user(user: Any) -> dict[str, list[Keberatan]]:
    """Keberatan the user must decide, answer, or filed."""
    base = Keberatan.objects.select_related("evaluasi", "pegawai", "atasan_pejabat_penilai")
    return {
        "diputus_saya": list(base.filter(atasan_pejabat_penilai=user).order_by("status", "-pk")),
        "milik_saya": list(base.filter(pegawai=user).order_by("-pk")),
        "klarifikasi": list(
            base.filter(
                klarifikasi_set__ditujukan_ke=user, klarifikasi_set__dijawab_pada__isnull=True
            )
            .exclude(status=StatusKeberatan.DIPUTUS)
            .distinct()
        ),
    }


# --- the pegawai's own results --------------------------------------------------------------


def evaluasi_saya(user: Pegawai) -> list[Evaluasi]:
    return list(
        Evaluasi.objects.filter(pegawai=user)
        .select_related("periode", "keberatan")
        .order_by("-periode__tahun", "jenis", "-urutan")
    )


def batas_keberatan(ev: Evaluasi) -> dt.date | None:
    if ev.dilihat_pegawai_pada is None:
        return None
    setelan = aturan.pengaturan()
    dilihat = timezone.localtime(ev.dilihat_pegawai_pada).date()
    return aturan.batas_keberatan(dilihat, setelan.batas_keberatan_hari)


# --- rekap (ORM and raw SQL: the benchmark compares them) -----------------------------------


@dataclass
class BarisRekap:
    unit: UnitKerja
    jumlah: dict[str, int]
    total: int
    dinilai: int
    dikunci: int
    predikat_org: str
    pelanggaran: list[aturan.StatusAturan]
    pegawai_skp: int = 0

    @property
    def predikat_org_label(self) -> str:
        return str(PredikatOrg(self.predikat_org).label) if self.predikat_org else ""

    @property
    def persen_dinilai(self) -> int:
        basis = max(self.pegawai_skp, self.total)
        return round(self.dinilai * 100 / basis) if basis else 0

    @property
    def baris_predikat(self) -> list[tuple[str, str, int]]:
        return [(k, str(Predikat(k).label), self.jumlah.get(k, 0)) for k in PREDIKAT_URUT]


def rekap_unit(
    units: list[UnitKerja], periode: PeriodeKinerja, jendela: aturan.Jendela
) -> list[BarisRekap]:
    """Per given unit (with sub-units): counts by predikat and status, approved SKP count,
    predikat organisasi and curve warnings. Four queries whatever the number of units."""
    if not units:
        return []
    ids = {u.pk for u in units}
    paths = {u.pk: u.path for u in units}
    instansi_id = units[0].instansi_id
    data: dict[int, dict[tuple[str, str], int]] = defaultdict(dict)
    evq = (
        Evaluasi.objects.filter(
            unit__instansi_id=instansi_id,
            periode=periode,
            jenis=jendela.jenis,
            urutan=jendela.urutan,
        )
        .values_list("unit__path", "predikat", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    skpq = (
        Skp.objects.filter(periode=periode, status=StatusSkp.DISETUJUI, aktif=True)
        .values_list("unit__path")
        .annotate(n=Count("pegawai_id", distinct=True))
        .order_by()
    )

    def pemilik(path: str) -> list[int]:
        return [uid for uid, p in paths.items() if path and path.startswith(p)]

    for path, predikat, status, n in evq:
        for uid in pemilik(path):
            kunci = (predikat, status)
            data[uid][kunci] = data[uid].get(kunci, 0) + n
    skp_n: dict[int, int] = defaultdict(int)
    for path, n in skpq:
        for uid in pemilik(path or ""):
            skp_n[uid] += n
    po = dict(
        PredikatOrganisasi.objects.filter(
            unit_id__in=ids, periode=periode, jenis=jendela.jenis, urutan=jendela.urutan
        ).values_list("unit_id", "predikat")
    )
    from .models import AturanDistribusi

    semua_aturan = list(AturanDistribusi.objects.all())
    hasil = []
    for u in units:
        per_predikat: dict[str, int] = defaultdict(int)
        total = dinilai = dikunci = 0
        for (predikat, status), n in data.get(u.pk, {}).items():
            total += n
            if predikat:
                per_predikat[predikat] += n
                dinilai += n
            if status == StatusEvaluasi.DIKUNCI:
                dikunci += n
        org = po.get(u.pk, "")
        pel = (
            aturan.nilai_distribusi(org, dict(per_predikat), semua_aturan).pelanggaran
            if org
            else []
        )
        hasil.append(
            BarisRekap(
                unit=u,
                jumlah=dict(per_predikat),
                total=total,
                dinilai=dinilai,
                dikunci=dikunci,
                predikat_org=org,
                pelanggaran=pel,
                pegawai_skp=skp_n.get(u.pk, 0),
            )
        )
    return hasil


# --- dashboard outliers ---------------------------------------------------------------------


@dataclass
class Pencilan:
    atasan_semua_di_atas: list[dict[str, Any]]
    terlambat: list[dict[str, Any]]
    keberatan_terbuka: list[Keberatan]


MIN_BAWAHAN_PENCILAN = 3


def pencilan(
    unit_ids: list[int] | None,
    instansi_id: int,
    periode: PeriodeKinerja,
    jendela: aturan.Jendela,
) -> Pencilan:
    """Outliers: an atasan who rated ≥ 3 bawahan all Di Atas (hasil), units with drafts past
    the window's end + 14 days, open keberatan. `unit_ids` None = the whole instansi (OPD ids
    otherwise). Three queries."""
    qs = Evaluasi.objects.filter(
        unit__instansi_id=instansi_id, periode=periode, jenis=jendela.jenis, urutan=jendela.urutan
    )
    if unit_ids is not None:
        qs = qs.filter(Q(unit__opd_id__in=unit_ids) | Q(unit_id__in=unit_ids))
    atasan = list(
        qs.exclude(rating_hasil="")
        .values("pejabat_penilai_id", "pejabat_penilai__nama")
        .annotate(
            n=Count("pk"),
            di_atas=Count("pk", filter=Q(rating_hasil=Rating.DI_ATAS)),
        )
        .filter(n__gte=MIN_BAWAHAN_PENCILAN)
        .order_by("pejabat_penilai__nama")
    )
    semua_di_atas = [a for a in atasan if a["di_atas"] == a["n"]]
    batas = jendela.selesai + dt.timedelta(days=14)
    terlambat = []
    if timezone.localdate() > batas:
        terlambat = list(
            qs.filter(status=StatusEvaluasi.DRAF)
            .values("pejabat_penilai_id", "pejabat_penilai__nama", "unit__nama")
            .annotate(n=Count("pk"))
            .order_by("-n")[:20]
        )
    kb = Keberatan.objects.filter(evaluasi__unit__instansi_id=instansi_id).exclude(
        status=StatusKeberatan.DIPUTUS
    )
    if unit_ids is not None:
        kb = kb.filter(Q(evaluasi__unit__opd_id__in=unit_ids) | Q(evaluasi__unit_id__in=unit_ids))
    return Pencilan(
        atasan_semua_di_atas=semua_di_atas,
        terlambat=terlambat,
        keberatan_terbuka=list(
            kb.select_related("pegawai", "atasan_pejabat_penilai").order_by("batas_keputusan")[:20]
        ),
    )


# --- chart ----------------------------------------------------------------------------------

WARNA_PREDIKAT = {
    Predikat.SANGAT_BAIK: "#1a7f37",
    Predikat.BAIK: "#4c9be8",
    Predikat.BUTUH_PERBAIKAN: "#f0b429",
    Predikat.KURANG: "#e8590c",
    Predikat.SANGAT_KURANG: "#b42318",
}


def svg_distribusi(rows: list[BarisRekap]) -> str:
    """A hand-written SVG: per unit one 100% stacked bar of predikat shares, a red ✕ when the
    unit is outside its curve, and a legend. Text is escaped; no script."""
    from django.utils.html import escape

    lebar, kiri, tinggi_baris = 640, 210, 26
    bar = lebar - kiri - 30
    tinggi = 40 + tinggi_baris * len(rows) + 30
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" viewBox="0 0 {lebar} {tinggi}" '
        f'role="img" aria-label="{escape(_("Distribusi predikat per unit"))}">'
    ]
    x = kiri
    for k in PREDIKAT_URUT:
        bagian.append(
            f'<rect x="{x}" y="6" width="10" height="10" fill="{WARNA_PREDIKAT[k]}"/>'
            f'<text x="{x + 13}" y="15" font-size="10">{escape(Predikat(k).label)}</text>'
        )
        x += 86
    for i, r in enumerate(rows):
        y = 36 + i * tinggi_baris
        nama = r.unit.nama if len(r.unit.nama) <= 32 else r.unit.nama[:31] + "…"
        bagian.append(
            f'<text x="{kiri - 8}" y="{y + 14}" font-size="11" text-anchor="end">'
            f"{escape(nama)}</text>"
        )
        total = sum(r.jumlah.values())
        if not total:
            bagian.append(
                f'<rect x="{kiri}" y="{y}" width="{bar}" height="18" fill="#eee"/>'
                f'<text x="{kiri + 6}" y="{y + 13}" font-size="10" fill="#555">'
                f"{escape(_('belum ada penilaian'))}</text>"
            )
            continue
        x0 = float(kiri)
        for k in PREDIKAT_URUT:
            n = r.jumlah.get(k, 0)
            if not n:
                continue
            w = bar * n / total
            bagian.append(
                f'<rect x="{x0:.1f}" y="{y}" width="{w:.1f}" height="18" '
                f'fill="{WARNA_PREDIKAT[k]}"><title>{escape(Predikat(k).label)}: {n}</title></rect>'
            )
            x0 += w
        if r.pelanggaran:
            bagian.append(
                f'<text x="{kiri + bar + 6}" y="{y + 14}" font-size="14" fill="#b42318">'
                f"✕<title>{escape(_('di luar kurva'))}</title></text>"
            )
    bagian.append("</svg>")
    return "".join(bagian)
