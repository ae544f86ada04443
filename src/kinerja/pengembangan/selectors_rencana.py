"""Reads of the "rencana" part, scoped by user: out of scope → Http404; in scope but not
allowed → PermissionDenied.

Who sees a pegawai's needs, recommendations and plan: the pegawai; the atasan chain (the atasan
langsung, then up to the pimpinan of the OPD, Plt-aware — umpanbalik.selectors.rantai_ids); the
pimpinan OPD of the pegawai's OPD; admin BKPSDMD and pimpinan daerah (city). Nobody else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import JenisPenugasan, Pegawai, Penugasan, Peran
from kinerja.organisasi.selectors import akses_pengguna

from .models import (
    AktivitasRencana,
    KebutuhanPengembangan,
    Pendaftaran,
    RencanaPengembangan,
)
from .services_rencana import pihak_rencana


def opd_pegawai(pegawai_id: int, tanggal: dt.date | None = None) -> int | None:
    """OPD of the pegawai's current definitive assignment (1 query)."""
    row = (
        Penugasan.objects.aktif_pada(tanggal or timezone.localdate())
        .filter(pegawai_id=pegawai_id, jenis=JenisPenugasan.DEFINITIF)
        .order_by("-mulai")
        .values_list("unit__opd_id", "unit_id")
        .first()
    )
    if row is None:
        return None
    return row[0] or row[1]


def peran_terhadap(user: Pegawai | AnonymousUser, pegawai: Pegawai) -> str | None:
    """'sendiri', 'kota', 'pimpinan', 'atasan' or None (no access)."""
    if not user.is_authenticated:
        return None
    if user.pk == pegawai.pk:
        return "sendiri"
    if user.instansi_id != pegawai.instansi_id:
        return None
    profil = akses_pengguna(user)
    if profil is None:
        return None
    if profil.punya(Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH):
        return "kota"
    if Peran.PIMPINAN_OPD in profil.peran and opd_pegawai(pegawai.pk) in profil.opd_kelola_ids:
        return "pimpinan"
    if profil.atasan:
        from kinerja.umpanbalik.selectors import rantai_ids

        assert isinstance(user, Pegawai)
        if user.pk in rantai_ids(pegawai):
            return "atasan"
    return None


def pegawai_untuk_rekomendasi(*, user: Pegawai | AnonymousUser, pk: int) -> tuple[Pegawai, str]:
    pegawai = Pegawai.objects.filter(pk=pk, is_active=True).first()
    if pegawai is None:
        raise Http404
    peran = peran_terhadap(user, pegawai)
    if peran is None:
        raise Http404
    return pegawai, peran


def kebutuhan_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> KebutuhanPengembangan:
    k = KebutuhanPengembangan.objects.select_related("pegawai").filter(pk=pk).first()
    if k is None or peran_terhadap(user, k.pegawai) is None:
        raise Http404
    return k


def kebutuhan_list(pegawai_id: int, tahun: int) -> list[KebutuhanPengembangan]:
    return list(
        KebutuhanPengembangan.objects.filter(pegawai_id=pegawai_id, tahun=tahun)
        .select_related("topik", "dicatat_oleh")
        .order_by("-dibuat_pada", "-pk")
    )


# --- plans ----------------------------------------------------------------------------------


@dataclass
class RencanaDetail:
    rencana: RencanaPengembangan
    aktivitas: list[AktivitasRencana]
    pihak: str | None  # 'pegawai' / 'atasan' may edit; None = read only
    peran: str

    @property
    def boleh_ubah(self) -> bool:
        return self.pihak is not None and self.rencana.status != "selesai"

    @property
    def boleh_setujui(self) -> bool:
        r = self.rencana
        if not self.boleh_ubah or not self.aktivitas:
            return False
        if self.pihak == "pegawai":
            return r.disetujui_pegawai_pada is None
        return r.disetujui_atasan_pada is None

    @property
    def jumlah_selesai(self) -> int:
        return sum(1 for a in self.aktivitas if a.selesai_pada)


def rencana_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> RencanaPengembangan:
    r = RencanaPengembangan.objects.select_related("pegawai", "atasan").filter(pk=pk).first()
    if r is None or not user.is_authenticated:
        raise Http404
    assert isinstance(user, Pegawai)
    if user.pk == r.atasan_id:
        return r
    if peran_terhadap(user, r.pegawai) is None:
        raise Http404
    return r


def rencana_detail(*, user: Pegawai | AnonymousUser, pk: int) -> RencanaDetail:
    r = rencana_get_for_user(user=user, pk=pk)
    assert isinstance(user, Pegawai)
    aktivitas = list(
        r.aktivitas_set.select_related("topik", "pendaftaran__pelatihan", "dialog").order_by(
            "urutan", "batas", "pk"
        )
    )
    pihak = pihak_rencana(r, user)
    return RencanaDetail(
        rencana=r,
        aktivitas=aktivitas,
        pihak=pihak,
        peran=pihak or peran_terhadap(user, r.pegawai) or "",
    )


def aktivitas_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> AktivitasRencana:
    a = AktivitasRencana.objects.select_related("rencana").filter(pk=pk).first()
    if a is None:
        raise Http404
    a.rencana = rencana_get_for_user(user=user, pk=a.rencana_id)
    return a


def rencana_saya(pegawai_id: int, tahun: int) -> RencanaPengembangan | None:
    return (
        RencanaPengembangan.objects.select_related("atasan")
        .filter(pegawai_id=pegawai_id, tahun=tahun)
        .first()
    )


def pendaftaran_pilihan(pegawai_id: int) -> list[Pendaftaran]:
    return list(
        Pendaftaran.objects.filter(pegawai_id=pegawai_id)
        .select_related("pelatihan")
        .order_by("-dibuat_pada")[:100]
    )


def dialog_pilihan(pegawai_id: int, atasan_id: int) -> list[object]:
    from kinerja.umpanbalik.models import DialogKinerja

    return list(
        DialogKinerja.objects.filter(pegawai_id=pegawai_id, atasan_id=atasan_id).order_by(
            "-tanggal", "-pk"
        )[:100]
    )


@dataclass
class BarisTim:
    pegawai: Pegawai
    rencana: RencanaPengembangan | None
    aktivitas: int
    selesai: int


def rencana_tim(user: Pegawai, tahun: int) -> list[BarisTim]:
    """The atasan's direct bawahan with their plan of the year (constant queries)."""
    from django.db.models import Count, Q

    ids = hierarki.bawahan_ids(user)
    pegawai = list(Pegawai.objects.filter(pk__in=ids, is_active=True).order_by("nama", "pk"))
    rencana = {
        r.pegawai_id: r
        for r in RencanaPengembangan.objects.filter(pegawai_id__in=ids, tahun=tahun).annotate(
            n_aktivitas=Count("aktivitas_set"),
            n_selesai=Count("aktivitas_set", filter=Q(aktivitas_set__selesai_pada__isnull=False)),
        )
    }
    return [
        BarisTim(
            pegawai=p,
            rencana=rencana.get(p.pk),
            aktivitas=getattr(rencana.get(p.pk), "n_aktivitas", 0),
            selesai=getattr(rencana.get(p.pk), "n_selesai", 0),
        )
        for p in pegawai
    ]


# --- home card ------------------------------------------------------------------------------


def ringkasan_beranda(pegawai_id: int, tahun: int) -> dict[str, Any]:
    """The home card in ONE query: how many gaps/needs the recommendation rules will read
    (Di Bawah values and low Rating Hasil Kerja of locked evaluations, open recorded needs,
    feedback about a value) and the plan of the year. The full recommendation list (9 queries)
    is on its own page."""
    from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
    from django.db.models.functions import Coalesce

    from kinerja.penilaian.models import (
        Evaluasi,
        JenisEvaluasi,
        Rating,
        RatingPerilakuNilai,
        StatusEvaluasi,
    )
    from kinerja.umpanbalik.models import UmpanBalik

    from .rekomendasi import evaluasi_terkunci_q

    ev = Evaluasi.objects.filter(evaluasi_terkunci_q(tahun), pegawai_id=OuterRef("pk"))
    perilaku = (
        RatingPerilakuNilai.objects.filter(
            Q(evaluasi__periode__tahun=tahun)
            | Q(evaluasi__periode__tahun=tahun - 1, evaluasi__jenis=JenisEvaluasi.TAHUNAN),
            evaluasi__pegawai_id=OuterRef("pk"),
            evaluasi__status=StatusEvaluasi.DIKUNCI,
            rating=Rating.DI_BAWAH,
        )
        .order_by()  # no default ordering inside a grouped subquery (PostgreSQL)
        .annotate(g=Value(1))
        .values("g")
        .annotate(n=Count("pk"))
        .values("n")
    )
    hasil = (
        ev.filter(rating_hasil=Rating.DI_BAWAH)
        .order_by()  # no default ordering inside a grouped subquery (PostgreSQL)
        .annotate(g=Value(1))
        .values("g")
        .annotate(n=Count("pk"))
        .values("n")
    )
    kebutuhan = (
        KebutuhanPengembangan.objects.filter(
            pegawai_id=OuterRef("pk"), tahun=tahun, terpenuhi_pada__isnull=True
        )
        .order_by()  # no default ordering inside a grouped subquery (PostgreSQL)
        .annotate(g=Value(1))
        .values("g")
        .annotate(n=Count("pk"))
        .values("n")
    )
    umpan = (
        UmpanBalik.objects.filter(
            pegawai_id=OuterRef("pk"),
            induk__isnull=True,
            permintaan=False,
            perilaku__isnull=False,
            dibuat_pada__year=tahun,
        )
        .exclude(penulis_id=OuterRef("pk"))
        .order_by()  # no default ordering inside a grouped subquery (PostgreSQL)
        .annotate(g=Value(1))
        .values("g")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rencana = RencanaPengembangan.objects.filter(pegawai_id=OuterRef("pk"), tahun=tahun)

    def nol(sub: Any) -> Any:
        return Coalesce(Subquery(sub[:1], output_field=IntegerField()), Value(0))

    row = (
        Pegawai.objects.filter(pk=pegawai_id)
        .annotate(
            n_perilaku=nol(perilaku),
            n_hasil=nol(hasil),
            n_kebutuhan=nol(kebutuhan),
            n_umpan=nol(umpan),
            rencana_pk=Subquery(rencana.values("pk")[:1]),
            rencana_status=Subquery(rencana.values("status")[:1]),
        )
        .values("n_perilaku", "n_hasil", "n_kebutuhan", "n_umpan", "rencana_pk", "rencana_status")
        .first()
    ) or {}
    from .models import StatusRencana

    status = row.get("rencana_status")
    return {
        "celah": sum(row.get(k) or 0 for k in ("n_perilaku", "n_hasil", "n_kebutuhan", "n_umpan")),
        "dari_penilaian": (row.get("n_perilaku") or 0) + (row.get("n_hasil") or 0),
        "rencana_pk": row.get("rencana_pk"),
        "rencana_status": StatusRencana(status).label if status else "",
        "tahun": tahun,
    }
