"""Every read of the penilaian app, scoped by user (out of scope → Http404; in scope but not
allowed → PermissionDenied). Query counts do not grow with the number of rows.

Who sees an evaluation: the pegawai (once it is locked), the pejabat penilai, the atasan
pejabat penilai of a keberatan on it, the kepala of the unit or of a unit above it (Plt-aware),
pimpinan/operator of its OPD, and the city roles (admin BKPSDMD, pimpinan daerah, Inspektorat).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Jabatan, Pegawai, UnitKerja
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna
from kinerja.skp.models import (
    EkspektasiPerilaku,
    IndikatorKinerja,
    PeriodeKinerja,
    Skp,
    StatusSkp,
)

from . import aturan
from .models import (
    AturanDistribusi,
    Evaluasi,
    EvaluasiIndikator,
    Keberatan,
    PermintaanKlarifikasi,
    PerubahanEvaluasi,
    Predikat,
    PredikatOrganisasi,
    Rating,
    RatingPerilakuNilai,
    StatusEvaluasi,
    StatusKeberatan,
)

DINILAI = [StatusEvaluasi.FINAL, StatusEvaluasi.DIKUNCI]


def _akses(user: Pegawai | AnonymousUser) -> AksesPengguna:
    profil = akses_pengguna(user)
    if profil is None:
        raise Http404
    return profil


def unit_dipimpin_ids(user: Pegawai, tanggal: dt.date | None = None) -> list[int]:
    """Units whose kepala jabatan the user effectively holds today (Plt-aware)."""
    cache = getattr(user, "_penilaian_unit_dipimpin", None)
    if cache is not None and tanggal is None:
        return list(cache)
    held = hierarki.jabatan_dipegang(user, tanggal or timezone.localdate())
    ids = (
        list(Jabatan.objects.filter(pk__in=held, kepala=True).values_list("unit_id", flat=True))
        if held
        else []
    )
    if tanggal is None:
        setattr(user, "_penilaian_unit_dipimpin", ids)  # noqa: B010 — per-request cache
    return ids


def _scope_q(user: Pegawai, profil: AksesPengguna) -> Q:
    scope = Q(pegawai_id=profil.pegawai_id, status=StatusEvaluasi.DIKUNCI) | Q(
        pejabat_penilai_id=profil.pegawai_id
    )
    scope |= Q(keberatan__atasan_pejabat_penilai_id=profil.pegawai_id)
    if profil.opd_kelola_ids:
        scope |= Q(unit__opd_id__in=profil.opd_kelola_ids) | Q(unit_id__in=profil.opd_kelola_ids)
    dipimpin = unit_dipimpin_ids(user)
    if dipimpin:
        paths = list(UnitKerja.objects.filter(pk__in=dipimpin).values_list("path", flat=True))
        for path in paths:
            scope |= Q(unit__path__startswith=path)
    return scope


def evaluasi_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[Evaluasi]:
    profil = _akses(user)
    qs = Evaluasi.objects.filter(periode__instansi_id=profil.instansi_id)
    if profil.kota:
        return qs
    assert isinstance(user, Pegawai)
    return qs.filter(_scope_q(user, profil)).distinct()


def evaluasi_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> Evaluasi:
    ev = (
        evaluasi_list_for_user(user)
        .select_related("pegawai", "pejabat_penilai", "unit", "periode", "skp", "pimpinan_unit")
        .filter(pk=pk)
        .first()
    )
    if ev is None:
        raise Http404
    return ev


# --- one evaluation: everything the pages show ----------------------------------------------


@dataclass
class BarisIndikator:
    baris: EvaluasiIndikator
    bukti: int = 0
    tautan: int = 0


@dataclass
class BarisRhk:
    teks: str
    jenis: str
    indikator: list[BarisIndikator] = field(default_factory=list)
    umpan_balik: list[Any] = field(default_factory=list)


@dataclass
class BarisPerilaku:
    nilai: RatingPerilakuNilai
    ekspektasi: str
    umpan_balik: list[Any] = field(default_factory=list)


@dataclass
class DetailEvaluasi:
    evaluasi: Evaluasi
    rhk: list[BarisRhk]
    perilaku: list[BarisPerilaku]
    riwayat: Any  # umpanbalik.selectors.RiwayatUmpanBalik
    teks_aturan_usulan: str
    ambang: list[tuple[Decimal, str]]
    matriks: dict[tuple[str, str], str]
    perubahan: list[PerubahanEvaluasi]
    keberatan: Keberatan | None
    klarifikasi: list[PermintaanKlarifikasi]
    predikat_organisasi: PredikatOrganisasi | None
    batas_keberatan: dt.date | None
    boleh_nilai: bool
    boleh_kalibrasi: bool
    boleh_keberatan: bool
    boleh_putus: bool
    penjelasan: list[str] = field(default_factory=list)

    @property
    def sel_matriks(self) -> tuple[str, str] | None:
        ev = self.evaluasi
        if ev.rating_hasil and ev.rating_perilaku:
            return (ev.rating_hasil, ev.rating_perilaku)
        return None


def _bukti_per_indikator(
    indikator_ids: list[int], mulai: dt.date, selesai: dt.date
) -> dict[int, tuple[int, int]]:
    """(files, links) of approved reports and manual entries per indikator in the window:
    two aggregate queries."""
    from kinerja.kegiatan.models import BuktiDukung, LaporanKegiatan

    hasil: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    if not indikator_ids:
        return {}
    for row in (
        BuktiDukung.objects.filter(
            Q(
                laporan__indikator_id__in=indikator_ids,
                laporan__status="disetujui",
                laporan__tanggal__gte=mulai,
                laporan__tanggal__lte=selesai,
            )
            | Q(
                realisasi_manual__indikator_id__in=indikator_ids,
                realisasi_manual__status="disetujui",
                realisasi_manual__tanggal__gte=mulai,
                realisasi_manual__tanggal__lte=selesai,
            )
        )
        .values(ind=Coalesce("laporan__indikator_id", "realisasi_manual__indikator_id"))
        .annotate(n=Count("pk"))
        .order_by()
    ):
        hasil[row["ind"]][0] += row["n"]
    for row in (
        LaporanKegiatan.objects.filter(
            indikator_id__in=indikator_ids,
            status="disetujui",
            tanggal__gte=mulai,
            tanggal__lte=selesai,
        )
        .exclude(tautan="")
        .values("indikator_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        hasil[row["indikator_id"]][1] += row["n"]
    return {k: (v[0], v[1]) for k, v in hasil.items()}


def _boleh_kalibrasi(profil: AksesPengguna, ev: Evaluasi) -> bool:
    from kinerja.organisasi.models import Peran

    opd_id = ev.unit.opd_id or ev.unit_id
    return ev.status == StatusEvaluasi.FINAL and (
        profil.admin or (profil.punya(Peran.PIMPINAN_OPD) and opd_id in profil.opd_kelola_ids)
    )


def evaluasi_detail(*, user: Pegawai | AnonymousUser, pk: int) -> DetailEvaluasi:
    """The evaluation with indikator target/realisasi/capaian + evidence counts, BerAKHLAK notes
    with the SKP's ekspektasi, the feedback history (umpanbalik), the proposal rule, the matrix,
    the change log and the keberatan; a constant number of queries."""
    from kinerja.umpanbalik.selectors import riwayat_untuk_penilaian

    profil = _akses(user)
    ev = evaluasi_get_for_user(user=user, pk=pk)
    baris = list(ev.indikator_set.all())
    bukti = _bukti_per_indikator(
        [b.indikator_id for b in baris if b.indikator_id], ev.mulai, ev.selesai
    )
    riwayat = riwayat_untuk_penilaian(ev.pegawai_id, ev.mulai, ev.selesai)
    rhk_dari = dict(
        IndikatorKinerja.objects.filter(
            pk__in=[b.indikator_id for b in baris if b.indikator_id]
        ).values_list("pk", "rhk_id")
    )
    rhk: dict[str, BarisRhk] = {}
    for b in baris:
        grup = rhk.get(b.rhk_teks)
        if grup is None:
            grup = rhk[b.rhk_teks] = BarisRhk(b.rhk_teks, b.rhk_jenis)
            rid = rhk_dari.get(b.indikator_id or 0)
            grup.umpan_balik = list(riwayat.per_rhk.get(rid, [])) if rid else []
        f, t = bukti.get(b.indikator_id or 0, (0, 0))
        grup.indikator.append(BarisIndikator(b, f, t))
    ekspektasi = dict(
        EkspektasiPerilaku.objects.filter(skp_id=ev.skp_id).values_list("perilaku_id", "ekspektasi")
    )
    perilaku = [
        BarisPerilaku(
            n, ekspektasi.get(n.perilaku_id, ""), riwayat.per_perilaku.get(n.perilaku_id, [])
        )
        for n in ev.perilaku_set.select_related("perilaku").order_by("perilaku__urutan")
    ]
    keberatan = (
        Keberatan.objects.filter(evaluasi=ev)
        .select_related("atasan_pejabat_penilai", "diputus_oleh")
        .prefetch_related("lampiran_set")
        .first()
    )
    klarifikasi = (
        list(keberatan.klarifikasi_set.select_related("ditujukan_ke")) if keberatan else []
    )
    setelan = aturan.pengaturan()
    tabel_ambang = aturan.ambang()
    batas = None
    if ev.dilihat_pegawai_pada is not None:
        batas = aturan.batas_keberatan(
            timezone.localtime(ev.dilihat_pegawai_pada).date(), setelan.batas_keberatan_hari
        )
    hari_ini = timezone.localdate()
    boleh_keberatan = (
        ev.pegawai_id == profil.pegawai_id
        and ev.status == StatusEvaluasi.DIKUNCI
        and keberatan is None
        and (batas is None or hari_ini <= batas)
    )
    detail = DetailEvaluasi(
        evaluasi=ev,
        rhk=list(rhk.values()),
        perilaku=perilaku,
        riwayat=riwayat,
        teks_aturan_usulan=aturan.teks_aturan_usulan(tabel_ambang, setelan.batas_capaian_persen),
        ambang=tabel_ambang,
        matriks=aturan.matriks(),
        perubahan=list(ev.perubahan_set.select_related("oleh")),
        keberatan=keberatan,
        klarifikasi=klarifikasi,
        predikat_organisasi=(
            PredikatOrganisasi.objects.filter(
                unit_id=ev.pimpinan_unit_id,
                periode_id=ev.periode_id,
                jenis=ev.jenis,
                urutan=ev.urutan,
            ).first()
            if ev.pimpinan_unit_id
            else None
        ),
        batas_keberatan=batas,
        boleh_nilai=ev.pejabat_penilai_id == profil.pegawai_id
        and ev.status != StatusEvaluasi.DIKUNCI
        and hari_ini >= aturan.boleh_dinilai_sejak(ev.selesai, setelan.tenggang_hari),
        boleh_kalibrasi=_boleh_kalibrasi(profil, ev),
        boleh_keberatan=boleh_keberatan,
        boleh_putus=keberatan is not None
        and keberatan.atasan_pejabat_penilai_id == profil.pegawai_id
        and keberatan.status != StatusKeberatan.DIPUTUS,
    )
    detail.penjelasan = penjelasan(detail)
    return detail


def penjelasan(detail: DetailEvaluasi) -> list[str]:
    """Why the result is what it is, in sentences for the pegawai."""
    from django.utils.translation import gettext as _

    ev = detail.evaluasi
    baris: list[str] = []
    if ev.capaian_rata is not None:
        baris.append(
            _("Rata-rata capaian %(n)s indikator bertarget angka: %(rata)s%%.")
            % {"n": ev.jumlah_indikator_dihitung, "rata": str(ev.capaian_rata).replace(".", ",")}
        )
    if ev.pimpinan_unit_id and ev.predikat_organisasi:
        baris.append(
            _(
                "Sebagai pimpinan %(unit)s, rating hasil kerja mengikuti predikat kinerja "
                "organisasi unit: %(org)s."
            )
            % {
                "unit": ev.pimpinan_unit.nama if ev.pimpinan_unit else "",
                "org": ev.get_predikat_organisasi_display(),
            }
        )
    elif ev.usulan_hasil:
        baris.append(
            _("Usulan sistem: %(u)s. %(aturan)s")
            % {"u": Rating(ev.usulan_hasil).label, "aturan": detail.teks_aturan_usulan}
        )
    if ev.rating_hasil:
        teks = _("Rating hasil kerja: %(r)s.") % {"r": Rating(ev.rating_hasil).label}
        if ev.alasan_hasil:
            teks += " " + _("Alasan: %(a)s") % {"a": ev.alasan_hasil}
        baris.append(teks)
    if ev.rating_perilaku:
        teks = _("Rating perilaku kerja: %(r)s.") % {"r": Rating(ev.rating_perilaku).label}
        if ev.catatan_perilaku:
            teks += " " + ev.catatan_perilaku
        baris.append(teks)
    if ev.predikat:
        baris.append(
            _("Matriks: %(h)s × %(p)s → predikat %(k)s.")
            % {
                "h": Rating(ev.rating_hasil).label,
                "p": Rating(ev.rating_perilaku).label,
                "k": Predikat(ev.predikat).label,
            }
        )
    for p in detail.perubahan:
        baris.append(
            _("%(sumber)s: %(lama)s → %(baru)s. %(alasan)s")
            % {
                "sumber": p.get_sumber_display(),
                "lama": p.get_predikat_lama_display() or "-",
                "baru": p.get_predikat_baru_display() or "-",
                "alasan": p.alasan,
            }
        )
    return baris


# --- queue of the pejabat penilai -----------------------------------------------------------


@dataclass
class BarisAntrian:
    pegawai: Pegawai
    skp_id: int | None
    evaluasi: Evaluasi | None


def antrian_penilaian(
    *, user: Pegawai | AnonymousUser, periode: PeriodeKinerja, jenis: str, urutan: int
) -> list[BarisAntrian]:
    """The pegawai the user rates for a window (bawahan at the window's end with an approved
    SKP) and their evaluation if opened; a constant number of queries per hierarchy level."""
    profil = _akses(user)
    if periode.instansi_id != profil.instansi_id:
        raise Http404
    assert isinstance(user, Pegawai)
    jendela = aturan.jendela_dari(periode, jenis, urutan)
    ids = hierarki.bawahan_ids(user, jendela.selesai)
    skp = dict(
        Skp.objects.filter(periode=periode, pegawai_id__in=ids, status=StatusSkp.DISETUJUI)
        .order_by("pegawai_id", "versi")
        .values_list("pegawai_id", "pk")
    )
    evals = {
        e.pegawai_id: e
        for e in Evaluasi.objects.filter(
            periode=periode, jenis=jendela.jenis, urutan=jendela.urutan, pegawai_id__in=ids
        )
    }
    pegawai = Pegawai.objects.filter(pk__in=ids).order_by("nama", "pk")
    return [BarisAntrian(p, skp.get(p.pk), evals.get(p.pk)) for p in pegawai]


# --- distribution and calibration -----------------------------------------------------------


def _wajib_lihat_unit(user: Pegawai | AnonymousUser, unit: UnitKerja) -> AksesPengguna:
    profil = _akses(user)
    if unit.instansi_id != profil.instansi_id:
        raise Http404
    if profil.kota:
        return profil
    assert isinstance(user, Pegawai)
    opd_id = unit.opd_id or unit.pk
    if opd_id in profil.opd_kelola_ids:
        return profil
    dipimpin = UnitKerja.objects.filter(pk__in=unit_dipimpin_ids(user)).values_list(
        "path", flat=True
    )
    if any(unit.path.startswith(p) for p in dipimpin):
        return profil
    if opd_id in profil.opd_ids:
        raise PermissionDenied
    raise Http404


@dataclass
class DistribusiUnit:
    unit: UnitKerja
    predikat_organisasi: PredikatOrganisasi | None
    jumlah: dict[str, int]
    total: int
    belum_dinilai: int
    hasil: aturan.HasilDistribusi | None
    kurva: list[str]


def distribusi_unit(
    *,
    user: Pegawai | AnonymousUser,
    unit: UnitKerja,
    periode: PeriodeKinerja,
    jenis: str,
    urutan: int,
) -> DistribusiUnit:
    """The unit's (and sub-units') current predikat counts vs the curve of its predikat
    organisasi: warnings, never blocking. Three queries."""
    _wajib_lihat_unit(user, unit)
    jendela = aturan.jendela_dari(periode, jenis, urutan)
    rows = (
        Evaluasi.objects.filter(
            unit__path__startswith=unit.path,
            periode=periode,
            jenis=jendela.jenis,
            urutan=jendela.urutan,
        )
        .values("predikat")
        .annotate(n=Count("pk"))
        .order_by()
    )
    jumlah: dict[str, int] = {}
    belum = 0
    for r in rows:
        if r["predikat"]:
            jumlah[r["predikat"]] = r["n"]
        else:
            belum += r["n"]
    po = PredikatOrganisasi.objects.filter(
        unit=unit, periode=periode, jenis=jendela.jenis, urutan=jendela.urutan
    ).first()
    hasil = kurva = None
    if po is not None:
        semua = list(AturanDistribusi.objects.filter(predikat_organisasi=po.predikat))
        hasil = aturan.nilai_distribusi(po.predikat, jumlah, semua)
        kurva = aturan.teks_kurva(po.predikat, semua)
    return DistribusiUnit(unit, po, jumlah, sum(jumlah.values()), belum, hasil, kurva or [])


@dataclass
class SelKalibrasi:
    rating_hasil: str
    rating_perilaku: str
    predikat: str
    jumlah: int = 0
    pegawai: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class GridKalibrasi:
    unit: UnitKerja
    baris: list[
        list[SelKalibrasi]
    ]  # rows hasil Di Atas → Di Bawah, columns perilaku Di Bawah → Di Atas
    total: int
    belum_dinilai: int


URUT_HASIL = [Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH]
URUT_PERILAKU = [Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS]


def grid_kalibrasi(
    *,
    user: Pegawai | AnonymousUser,
    unit: UnitKerja,
    periode: PeriodeKinerja,
    jenis: str,
    urutan: int,
    per_sel: int = 500,
) -> GridKalibrasi:
    """3×3 grid hasil × perilaku of an OPD/unit (with sub-units): counts aggregated in SQL and
    the pegawai of each cell (one narrow values() query). Three queries whatever the size."""
    _wajib_lihat_unit(user, unit)
    jendela = aturan.jendela_dari(periode, jenis, urutan)
    qs = Evaluasi.objects.filter(
        unit__path__startswith=unit.path,
        periode=periode,
        jenis=jendela.jenis,
        urutan=jendela.urutan,
    )
    tabel = aturan.matriks()
    sel: dict[tuple[str, str], SelKalibrasi] = {
        (h, p): SelKalibrasi(h, p, tabel.get((h, p), "")) for h in URUT_HASIL for p in URUT_PERILAKU
    }
    belum = 0
    for r in qs.values("rating_hasil", "rating_perilaku").annotate(n=Count("pk")).order_by():
        kunci = (r["rating_hasil"], r["rating_perilaku"])
        if kunci in sel:
            sel[kunci].jumlah = r["n"]
        else:
            belum += r["n"]
    for orang in (
        qs.filter(status__in=DINILAI)
        .values(
            "pk",
            "pegawai_id",
            "pegawai__nama",
            "pegawai__nip",
            "unit__nama",
            "rating_hasil",
            "rating_perilaku",
            "predikat",
            "status",
            "revisi",
            "dikalibrasi",
        )
        .order_by("pegawai__nama", "pk")
    ):
        s = sel.get((orang["rating_hasil"], orang["rating_perilaku"]))
        if s is not None and len(s.pegawai) < per_sel:
            s.pegawai.append(dict(orang))
    baris = [[sel[(h, p)] for p in URUT_PERILAKU] for h in URUT_HASIL]
    total = sum(s.jumlah for s in sel.values())
    return GridKalibrasi(unit, baris, total, belum)


# --- rekap (ORM and one raw SQL query) ------------------------------------------------------

KOLOM_PREDIKAT = [p.value for p in Predikat]
KOLOM_RATING = [r.value for r in Rating]


def _rekap_scope(user: Pegawai | AnonymousUser) -> tuple[int, set[int] | None]:
    """(instansi id, OPD ids or None for the whole city); others may not read a rekap."""
    profil = _akses(user)
    if profil.kota:
        return profil.instansi_id, None
    if profil.opd_kelola_ids:
        return profil.instansi_id, set(profil.opd_kelola_ids)
    raise PermissionDenied


def rekap(
    *,
    user: Pegawai | AnonymousUser,
    periode: PeriodeKinerja,
    jenis: str,
    urutan: int,
    tingkat: str = "opd",
) -> list[dict[str, Any]]:
    """Counts per unit / OPD / city: total, dinilai, dikunci, per predikat and per rating
    (hasil_*, perilaku_*). ORM, one aggregate query plus one for the names."""
    instansi_id, opd = _rekap_scope(user)
    if periode.instansi_id != instansi_id:
        raise Http404
    jendela = aturan.jendela_dari(periode, jenis, urutan)
    qs = Evaluasi.objects.filter(periode=periode, jenis=jendela.jenis, urutan=jendela.urutan)
    if opd is not None:
        qs = qs.filter(Q(unit__opd_id__in=opd) | Q(unit_id__in=opd))
    agg: dict[str, Any] = {
        "total": Count("pk"),
        "dinilai": Count("pk", filter=Q(status__in=DINILAI)),
        "dikunci": Count("pk", filter=Q(status=StatusEvaluasi.DIKUNCI)),
    }
    for p in KOLOM_PREDIKAT:
        agg[p] = Count("pk", filter=Q(predikat=p))
    for r in KOLOM_RATING:
        agg[f"hasil_{r}"] = Count("pk", filter=Q(rating_hasil=r))
        agg[f"perilaku_{r}"] = Count("pk", filter=Q(rating_perilaku=r))
    if tingkat == "kota":
        row = qs.aggregate(**agg)
        return [{"kunci": 0, "nama": "", **row}] if row["total"] else []
    kunci = Coalesce("unit__opd_id", "unit_id") if tingkat == "opd" else F("unit_id")
    rows = list(qs.values(kunci_id=kunci).annotate(**agg).order_by())
    return _beri_nama(rows)


def _beri_nama(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    nama = dict(
        UnitKerja.objects.filter(pk__in=[r["kunci_id"] for r in rows]).values_list("pk", "nama")
    )
    hasil = []
    for r in rows:
        r = dict(r)
        r["kunci"] = r.pop("kunci_id")
        r["nama"] = nama.get(r["kunci"], "")
        hasil.append(r)
    return sorted(hasil, key=lambda r: (r["nama"], r["kunci"]))


def rekap_sql(
    *,
    user: Pegawai | AnonymousUser,
    periode: PeriodeKinerja,
    jenis: str,
    urutan: int,
    tingkat: str = "opd",
) -> list[dict[str, Any]]:
    """The same aggregate as `rekap` written as one raw SQL query (names joined in) — the
    benchmark compares the two."""
    instansi_id, opd = _rekap_scope(user)
    if periode.instansi_id != instansi_id:
        raise Http404
    jendela = aturan.jendela_dari(periode, jenis, urutan)
    ev = Evaluasi._meta.db_table
    un = UnitKerja._meta.db_table
    kolom = [
        "COUNT(*) AS total",
        "SUM(CASE WHEN e.status IN ('final', 'dikunci') THEN 1 ELSE 0 END) AS dinilai",
        "SUM(CASE WHEN e.status = 'dikunci' THEN 1 ELSE 0 END) AS dikunci",
    ]
    params: list[Any] = []
    for p in KOLOM_PREDIKAT:
        kolom.append(f"SUM(CASE WHEN e.predikat = %s THEN 1 ELSE 0 END) AS {p}")
        params.append(p)
    for r in KOLOM_RATING:
        kolom.append(f"SUM(CASE WHEN e.rating_hasil = %s THEN 1 ELSE 0 END) AS hasil_{r}")
        kolom.append(f"SUM(CASE WHEN e.rating_perilaku = %s THEN 1 ELSE 0 END) AS perilaku_{r}")
        params.extend([r, r])
    if tingkat == "kota":
        kunci, join_nama, grup = "0", "''", ""
    else:
        kunci = "COALESCE(u.opd_id, u.id)" if tingkat == "opd" else "u.id"
        join_nama, grup = "n.nama", f" GROUP BY {kunci}, n.nama"
    # identifiers are ours, every value is a parameter
    sql = f"SELECT {kunci} AS kunci, {join_nama} AS nama, {', '.join(kolom)} "
    sql += f"FROM {ev} e JOIN {un} u ON u.id = e.unit_id"
    if tingkat != "kota":
        sql += f" JOIN {un} n ON n.id = {kunci}"
    sql += " WHERE e.periode_id = %s AND e.jenis = %s AND e.urutan = %s"
    params += [periode.pk, jendela.jenis, jendela.urutan]
    if opd is not None:
        marks = ", ".join(["%s"] * len(opd))
        sql += f" AND (u.opd_id IN ({marks}) OR u.id IN ({marks}))"
        params += sorted(opd) * 2
    sql += grup
    with connection.cursor() as cur:
        cur.execute(sql, params)
        names = [c[0] for c in cur.description]
        rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    hasil: list[dict[str, Any]] = []
    for baris in rows:
        if not baris["total"]:
            continue
        for k in names[2:]:
            baris[k] = int(baris[k] or 0)
        baris["kunci"] = int(baris["kunci"])
        baris["nama"] = baris["nama"] or ""
        hasil.append(baris)
    return sorted(hasil, key=lambda b: (b["nama"], b["kunci"]))


# --- angka kredit and TPP -------------------------------------------------------------------


def angka_kredit_pegawai(
    *,
    user: Pegawai | AnonymousUser,
    periode: PeriodeKinerja,
    jenis: str | None = None,
    pegawai_id: int | None = None,
) -> list[dict[str, Any]]:
    """Angka kredit per rated evaluation of a fungsional pegawai (jenjang from the SKP's
    jabatan): periodic = months/12 × % × coefficient, annual = % × coefficient. Three queries."""
    qs = (
        evaluasi_list_for_user(user)
        .filter(periode=periode, status__in=DINILAI)
        .exclude(skp__jabatan__jenjang="")
        .exclude(skp__jabatan__isnull=True)
    )
    if jenis:
        qs = qs.filter(jenis=jenis)
    if pegawai_id:
        qs = qs.filter(pegawai_id=pegawai_id)
    koef, persen = aturan.tabel_angka_kredit()
    hasil = []
    for r in qs.values(
        "pk",
        "pegawai_id",
        "pegawai__nama",
        "pegawai__nip",
        "skp__jabatan__jenjang",
        "jenis",
        "urutan",
        "mulai",
        "selesai",
        "predikat",
    ).order_by("pegawai__nama", "pegawai_id", "mulai", "jenis"):
        jenjang = r["skp__jabatan__jenjang"]
        bulan = aturan.jumlah_bulan(r["mulai"], r["selesai"])
        ak = None
        if jenjang in koef and r["predikat"] in persen:
            ak = aturan.hitung_angka_kredit(
                persen=persen[r["predikat"]], koefisien=koef[jenjang], bulan=bulan
            )
        hasil.append(
            {
                "evaluasi_id": r["pk"],
                "pegawai_id": r["pegawai_id"],
                "nama": r["pegawai__nama"],
                "nip": r["pegawai__nip"],
                "jenjang": jenjang,
                "jenis": r["jenis"],
                "urutan": r["urutan"],
                "bulan": bulan,
                "predikat": r["predikat"],
                "koefisien": koef.get(jenjang),
                "persen": persen.get(r["predikat"]),
                "angka_kredit": ak,
            }
        )
    return hasil


def tpp_bulanan(
    *, user: Pegawai | AnonymousUser, periode: PeriodeKinerja, bulan: int
) -> list[dict[str, Any]]:
    """For the payroll export: each pegawai's predikat for month `bulan` (the locked periodic
    evaluation whose window contains the month) and its TPP percentage. Two queries."""
    if not 1 <= bulan <= 12:
        raise Http404
    _rekap_scope(user)
    tanggal = dt.date(periode.tahun, bulan, 1)
    tpp = aturan.tabel_tpp()
    qs = evaluasi_list_for_user(user).filter(
        periode=periode,
        jenis="periodik",
        status=StatusEvaluasi.DIKUNCI,
        mulai__lte=aturan.tambah_bulan(tanggal, 1) - dt.timedelta(days=1),
        selesai__gte=tanggal,
    )
    return [
        {
            "pegawai_id": r["pegawai_id"],
            "nip": r["pegawai__nip"],
            "nama": r["pegawai__nama"],
            "unit": r["unit__nama"],
            "tahun": periode.tahun,
            "bulan": bulan,
            "predikat": r["predikat"],
            "persen_tpp": tpp.get(r["predikat"]),
        }
        for r in qs.values(
            "pegawai_id", "pegawai__nip", "pegawai__nama", "unit__nama", "predikat"
        ).order_by("unit__nama", "pegawai__nama", "pegawai_id")
    ]


# --- keberatan ------------------------------------------------------------------------------


def keberatan_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[Keberatan]:
    """Own; to decide (atasan pejabat penilai); as the pejabat penilai; pimpinan/operator of the
    OPD; city roles read all."""
    profil = _akses(user)
    qs = Keberatan.objects.filter(evaluasi__periode__instansi_id=profil.instansi_id)
    if profil.kota:
        return qs
    scope = (
        Q(pegawai_id=profil.pegawai_id)
        | Q(atasan_pejabat_penilai_id=profil.pegawai_id)
        | Q(evaluasi__pejabat_penilai_id=profil.pegawai_id)
    )
    if profil.opd_kelola_ids:
        scope |= Q(evaluasi__unit__opd_id__in=profil.opd_kelola_ids) | Q(
            evaluasi__unit_id__in=profil.opd_kelola_ids
        )
    return qs.filter(scope)


def keberatan_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> Keberatan:
    kb = (
        keberatan_list_for_user(user)
        .select_related(
            "evaluasi", "pegawai", "atasan_pejabat_penilai", "evaluasi__pejabat_penilai"
        )
        .filter(pk=pk)
        .first()
    )
    if kb is None:
        raise Http404
    return kb


def klarifikasi_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> PermintaanKlarifikasi:
    profil = _akses(user)
    k = (
        PermintaanKlarifikasi.objects.filter(pk=pk)
        .filter(
            Q(ditujukan_ke_id=profil.pegawai_id)
            | Q(keberatan__atasan_pejabat_penilai_id=profil.pegawai_id)
        )
        .select_related("keberatan")
        .first()
    )
    if k is None:
        raise Http404
    return k


def periode_get(*, user: Pegawai | AnonymousUser, pk: int) -> PeriodeKinerja:
    profil = _akses(user)
    p = PeriodeKinerja.objects.filter(pk=pk, instansi_id=profil.instansi_id).first()
    if p is None:
        raise Http404
    return p


def unit_get(*, user: Pegawai | AnonymousUser, pk: int) -> UnitKerja:
    profil = _akses(user)
    u = UnitKerja.objects.filter(pk=pk, instansi_id=profil.instansi_id).first()
    if u is None:
        raise Http404
    return u
