"""Every read of kegiatan data (reports, review queue, realisasi), scoped to the user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Max, Min, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Jabatan, Pegawai, Penugasan
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna
from kinerja.skp.models import Aspek, IndikatorKinerja, Rhk, Skp, SumberRealisasi
from kinerja.skp.selectors import realisasi_ikm_pasang, rhk_untuk_skp

from .models import (
    BuktiDukung,
    LaporanKegiatan,
    RealisasiBulanan,
    RealisasiManual,
    StatusLaporan,
    TemplateLaporan,
)

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


# --- scope ----------------------------------------------------------------------------------


def _akses(user: Pegawai | AnonymousUser) -> AksesPengguna:
    profil = akses_pengguna(user)
    if profil is None:
        raise Http404
    return profil


def bawahan_rantai_ids(pegawai: Pegawai, tanggal: dt.date | None = None) -> list[int]:
    """Everyone below the jabatan `pegawai` holds (direct and further down): one query per level
    of the jabatan tree plus one for the holders."""
    tanggal = tanggal or timezone.localdate()
    frontier = hierarki.jabatan_dipegang(pegawai, tanggal)
    semua: set[int] = set(frontier)
    while frontier:
        frontier = list(
            Jabatan.objects.filter(parent_id__in=frontier)
            .exclude(pk__in=semua)
            .values_list("pk", flat=True)
        )
        semua.update(frontier)
    ids = (
        Penugasan.objects.aktif_pada(tanggal)
        .filter(jabatan_id__in=semua)
        .exclude(pegawai_id=pegawai.pk)
        .values_list("pegawai_id", flat=True)
    )
    return list(dict.fromkeys(ids))


def _scope_pegawai(user: Pegawai | AnonymousUser) -> Q:
    """Whose reports the user may read: own; everyone below (atasan chain up to pimpinan OPD);
    the whole instansi for city roles (admin BKPSDMD)."""
    profil = _akses(user)
    if profil.kota:
        return Q(pegawai__instansi_id=profil.instansi_id)
    scope = Q(pegawai_id=profil.pegawai_id)
    if profil.atasan:
        scope |= Q(pegawai_id__in=bawahan_rantai_ids(user))  # type: ignore[arg-type]
    return scope


def laporan_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[LaporanKegiatan]:
    return LaporanKegiatan.objects.filter(_scope_pegawai(user))


def laporan_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> LaporanKegiatan:
    laporan = (
        LaporanKegiatan.objects.filter(pk=pk)
        .select_related("pegawai", "indikator", "rhk", "direview_oleh", "mirip_dengan__pegawai")
        .first()
    )
    if laporan is None:
        raise Http404
    if (
        laporan.pegawai_id != getattr(user, "pk", None)
        and not laporan_list_for_user(user).filter(pk=pk).exists()
    ):
        raise Http404
    return laporan


def pegawai_terlihat(*, user: Pegawai | AnonymousUser, pk: int) -> Pegawai:
    """A pegawai whose reports and progress the user may read (404 otherwise)."""
    profil = _akses(user)
    pegawai = Pegawai.objects.filter(pk=pk, instansi_id=profil.instansi_id).first()
    if pegawai is None:
        raise Http404
    if pegawai.pk == profil.pegawai_id or profil.kota:
        return pegawai
    if profil.atasan and pegawai.pk in bawahan_rantai_ids(user):  # type: ignore[arg-type]
        return pegawai
    raise Http404


def bukti_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> BuktiDukung:
    bukti = BuktiDukung.objects.select_related("laporan", "realisasi_manual").filter(pk=pk).first()
    if bukti is None:
        raise Http404
    pemilik = bukti.laporan.pegawai_id if bukti.laporan else bukti.realisasi_manual.pegawai_id  # type: ignore[union-attr]
    if pemilik != getattr(user, "pk", None):
        pegawai_terlihat(user=user, pk=pemilik)
    return bukti


def laporan_saya(
    user: Pegawai, *, bulan: dt.date | None = None, status: str | None = None
) -> QuerySet[LaporanKegiatan]:
    qs = LaporanKegiatan.objects.filter(pegawai=user)
    if bulan is not None:
        qs = qs.filter(tanggal__year=bulan.year, tanggal__month=bulan.month)
    if status:
        qs = qs.filter(status=status)
    return (
        qs.select_related("indikator", "rhk", "mirip_dengan")
        .prefetch_related("bukti_set")
        .order_by("-tanggal", "-pk")
    )


def template_saya(user: Pegawai) -> QuerySet[TemplateLaporan]:
    return TemplateLaporan.objects.filter(pegawai=user).select_related("indikator").order_by("nama")


def template_get_for_user(*, user: Pegawai, pk: int) -> TemplateLaporan:
    t = template_saya(user).filter(pk=pk).first()
    if t is None:
        raise Http404
    return t


def indikator_pilihan(user: Pegawai, tanggal: dt.date | None = None) -> list[Rhk]:
    """RHK with indikator of the user's SKP in force for the date's periode (the picker)."""
    tanggal = tanggal or timezone.localdate()
    skp = (
        Skp.objects.filter(
            pegawai=user, aktif=True, periode__mulai__lte=tanggal, periode__selesai__gte=tanggal
        )
        .select_related("periode")
        .first()
    )
    return rhk_untuk_skp(skp) if skp else []


# --- review queue ---------------------------------------------------------------------------


@dataclass
class AntrianReview:
    laporan: list[LaporanKegiatan] = field(default_factory=list)
    jumlah: int = 0
    tertua: dt.datetime | None = None
    bawahan: list[Pegawai] = field(default_factory=list)
    maks_pk: int = 0

    @property
    def tertua_hari(self) -> int | None:
        return None if self.tertua is None else (timezone.now() - self.tertua).days


def antrian_review(
    user: Pegawai | AnonymousUser,
    *,
    pegawai_id: int | None = None,
    status: str | None = None,
    dari: dt.date | None = None,
    sampai: dt.date | None = None,
    rhk_id: int | None = None,
    sejak_pk: int | None = None,
    limit: int = 200,
    bawahan: list[int] | None = None,
) -> AntrianReview:
    """Reports of the user's direct bawahan, oldest waiting first; pending count and the age of
    the oldest waiting one. Query count does not depend on the number of rows."""
    profil = _akses(user)
    if not profil.atasan:
        return AntrianReview()
    ids = bawahan if bawahan is not None else hierarki.bawahan_ids(user)  # type: ignore[arg-type]
    semua = LaporanKegiatan.objects.filter(pegawai_id__in=ids)
    ringkas = semua.filter(status=StatusLaporan.DIAJUKAN).aggregate(
        n=Count("pk"), tertua=Min("dibuat_pada"), maks=Max("pk")
    )
    qs = semua.filter(status=status or StatusLaporan.DIAJUKAN)
    if pegawai_id:
        qs = qs.filter(pegawai_id=pegawai_id)
    if dari:
        qs = qs.filter(tanggal__gte=dari)
    if sampai:
        qs = qs.filter(tanggal__lte=sampai)
    if rhk_id:
        qs = qs.filter(rhk_id=rhk_id)
    if sejak_pk is not None:
        qs = qs.filter(pk__gt=sejak_pk)
    rows = list(
        qs.select_related("pegawai", "indikator", "rhk", "mirip_dengan__pegawai")
        .prefetch_related("bukti_set")
        .order_by("dibuat_pada", "pk")[:limit]
    )
    return AntrianReview(
        laporan=rows,
        jumlah=ringkas["n"] or 0,
        tertua=ringkas["tertua"],
        maks_pk=ringkas["maks"] or 0,
    )


def antrian_ringkas(user: Pegawai, *, bawahan: list[int] | None = None) -> dict[str, Any]:
    """Pending count, oldest and newest id only: the cheap polling answer (one query when the
    bawahan ids are given)."""
    profil = _akses(user)
    if not profil.atasan:
        return {"n": 0, "tertua": None, "maks": 0}
    ids = bawahan if bawahan is not None else hierarki.bawahan_ids(user)
    return LaporanKegiatan.objects.filter(
        pegawai_id__in=ids, status=StatusLaporan.DIAJUKAN
    ).aggregate(n=Count("pk"), tertua=Min("dibuat_pada"), maks=Max("pk"))


def bawahan_untuk_filter(ids: list[int]) -> list[Pegawai]:
    return list(Pegawai.objects.filter(pk__in=ids).order_by("nama"))


def manual_menunggu(ids: list[int]) -> list[RealisasiManual]:
    """Manual realisasi entries of the given bawahan waiting for review."""
    return list(
        RealisasiManual.objects.filter(pegawai_id__in=ids, status=StatusLaporan.DIAJUKAN)
        .select_related("pegawai", "indikator__rhk")
        .prefetch_related("bukti_set")
        .order_by("dibuat_pada", "pk")[:100]
    )


# --- progress -------------------------------------------------------------------------------


@dataclass
class ProgresIndikator:
    indikator: IndikatorKinerja
    realisasi: RealisasiIndikator
    target: Decimal | None
    persen: Decimal | None

    @property
    def lebar(self) -> int:
        """Bar width in percent, capped at 100 (the real percent is shown as text)."""
        return 0 if self.persen is None else max(0, min(100, int(self.persen)))


@dataclass
class ProgresRhk:
    rhk: Rhk
    indikator: list[ProgresIndikator]
    bulanan: list[tuple[int, int, Decimal]]  # (tahun, bulan, kuantitas+manual)


def _bulan_range(mulai: dt.date, selesai: dt.date) -> list[tuple[int, int]]:
    hasil = []
    y, m = mulai.year, mulai.month
    while (y, m) <= (selesai.year, selesai.month):
        hasil.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return hasil


def progres_skp(skp: Skp, mulai: dt.date, selesai: dt.date) -> list[ProgresRhk]:
    """Per RHK, each indikator's realisasi vs the target for the range (kuantitas targets are
    yearly, pro-rated by months), and the monthly series of the year for the chart. 5-6 queries."""
    rows = rhk_untuk_skp(skp)
    realisasi_ikm_pasang(skp, rows)
    ind_ids = [ind.pk for rhk in rows for ind in rhk.indikator_set.all()]
    data = realisasi_indikator(ind_ids, mulai, selesai)
    from kinerja.proyek.tautan_selectors import realisasi_proyek_indikator  # link to projects

    dari_proyek = realisasi_proyek_indikator(
        [i.pk for rhk in rows for i in rhk.indikator_set.all() if i.sumber_realisasi == "proyek"],
        selesai,
    )
    bulan = _bulan_range(mulai, selesai)
    tahun_mulai = skp.periode.mulai
    seri_bulan = _bulan_range(tahun_mulai, skp.periode.selesai)
    per_bulan: dict[tuple[int, int, int], Decimal] = {}
    for ind_id, tahun, bln, k, man in RealisasiBulanan.objects.filter(
        indikator_id__in=ind_ids
    ).values_list("indikator_id", "tahun", "bulan", "kuantitas", "manual"):
        per_bulan[(ind_id, tahun, bln)] = Decimal(k) + Decimal(man)
    hasil = []
    for rhk in rows:
        items = []
        kuant_ids = []
        for ind in rhk.indikator_set.all():
            r = data[ind.pk]
            if ind.sumber_realisasi == SumberRealisasi.IKM:
                ikm = getattr(ind, "realisasi_ikm", None)
                nilai_ikm = ikm["hasil"].ikm if ikm else None
                if nilai_ikm is not None:
                    r.nilai = Decimal(str(nilai_ikm))
            if ind.pk in dari_proyek:  # the project's cumulative value at the end of the range
                r.nilai = dari_proyek[ind.pk]
            target = ind.target_angka
            if target is not None and ind.aspek == Aspek.KUANTITAS and ind.pk not in dari_proyek:
                target = (target * len(bulan) / 12).quantize(Decimal("0.01"))
                kuant_ids.append(ind.pk)
            persen = (r.nilai * 100 / target).quantize(Decimal("0.1")) if target else None
            items.append(ProgresIndikator(ind, r, target, persen))
        seri = [
            (y, m, sum((per_bulan.get((i, y, m), NOL) for i in kuant_ids), NOL))
            for y, m in seri_bulan
        ]
        hasil.append(ProgresRhk(rhk=rhk, indikator=items, bulanan=seri))
    return hasil


def rentang_periode(
    periode: Any, pilihan: str | None
) -> tuple[str, list[tuple[str, str]], dt.date, dt.date]:
    """The options of the periode's cadence (bulanan/triwulanan/semesteran, plus the year) and
    the chosen range. Returns (key, options, mulai, selesai)."""
    from kinerja.skp.models import Kadensi

    tahun = periode.tahun
    nama_bulan = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    if periode.kadensi == Kadensi.BULANAN:
        opsi = [(f"b{i}", _(nama_bulan[i - 1])) for i in range(1, 13)]
        rentang = {f"b{i}": (i, i) for i in range(1, 13)}
    elif periode.kadensi == Kadensi.SEMESTERAN:
        opsi = [("s1", _("Semester I")), ("s2", _("Semester II"))]
        rentang = {"s1": (1, 6), "s2": (7, 12)}
    else:
        opsi = [
            (f"t{i}", _("Triwulan %(n)s") % {"n": ["I", "II", "III", "IV"][i - 1]})
            for i in range(1, 5)
        ]
        rentang = {f"t{i}": (3 * i - 2, 3 * i) for i in range(1, 5)}
    opsi.append(("tahun", _("Setahun")))
    rentang["tahun"] = (1, 12)
    if pilihan not in rentang:
        hari_ini = timezone.localdate()
        bln = hari_ini.month if hari_ini.year == tahun else 12
        pilihan = next(k for k, (a, b) in rentang.items() if a <= bln <= b)
    a, b = rentang[pilihan]
    mulai = max(dt.date(tahun, a, 1), periode.mulai)
    selesai = min(_akhir_bulan(dt.date(tahun, b, 1)), periode.selesai)
    return pilihan, opsi, mulai, selesai


def ringkasan_beranda(user: Pegawai) -> dict[str, Any]:
    profil = _akses(user)
    hari_ini = timezone.localdate()
    hasil: dict[str, Any] = {
        "hari_ini": LaporanKegiatan.objects.filter(pegawai=user, tanggal=hari_ini).count(),
        "dikembalikan": LaporanKegiatan.objects.filter(
            pegawai=user, status=StatusLaporan.DIKEMBALIKAN
        ).count(),
        "menunggu": None,
    }
    if profil.atasan:
        hasil["menunggu"] = antrian_ringkas(user)["n"]
    return hasil
