"""Every read of SKP data, scoped to the user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna
from kinerja.survei import selectors as survei_selectors

from .models import (
    EkspektasiPerilaku,
    IndikatorKinerja,
    IndikatorPK,
    PeriodeKinerja,
    PerjanjianKinerja,
    Rhk,
    Skp,
    StatusPeriode,
    StatusSkp,
    SumberRealisasi,
    TemplateSkp,
)


def _akses(user: Pegawai | AnonymousUser) -> AksesPengguna:
    profil = akses_pengguna(user)
    if profil is None:
        raise Http404
    return profil


# --- periode and Perjanjian Kinerja ---------------------------------------------------------


def periode_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[PeriodeKinerja]:
    return PeriodeKinerja.objects.filter(instansi_id=_akses(user).instansi_id).order_by("-tahun")


def periode_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> PeriodeKinerja:
    periode = periode_list_for_user(user).filter(pk=pk).first()
    if periode is None:
        raise Http404
    return periode


def periode_berjalan(instansi_id: int, tanggal: dt.date | None = None) -> PeriodeKinerja | None:
    """The periode in force: the one containing today, else the latest not closed."""
    tanggal = tanggal or timezone.localdate()
    qs = PeriodeKinerja.objects.filter(instansi_id=instansi_id).exclude(
        status=StatusPeriode.DITUTUP
    )
    return (
        qs.filter(mulai__lte=tanggal, selesai__gte=tanggal).first() or qs.order_by("-tahun").first()
    )


def perjanjian_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[PerjanjianKinerja]:
    """PK of the OPDs the user may read (own OPD; all for city roles)."""
    profil = _akses(user)
    qs = PerjanjianKinerja.objects.filter(periode__instansi_id=profil.instansi_id)
    if not profil.kota:
        qs = qs.filter(unit_id__in=profil.opd_ids)
    return qs.select_related("periode", "unit")


def perjanjian_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> PerjanjianKinerja:
    perjanjian = (
        perjanjian_list_for_user(user)
        .prefetch_related("sasaran_set__indikator_set")
        .filter(pk=pk)
        .first()
    )
    if perjanjian is None:
        raise Http404
    return perjanjian


def opd_kelola_for_user(user: Pegawai | AnonymousUser) -> QuerySet[Any]:
    """OPDs whose PK the user may edit: managed OPDs, or every OPD for admin BKPSDMD."""
    from kinerja.organisasi.models import UnitKerja

    profil = _akses(user)
    qs = UnitKerja.objects.filter(instansi_id=profil.instansi_id, parent__isnull=True)
    if not profil.admin:
        qs = qs.filter(pk__in=profil.opd_kelola_ids)
    return qs.order_by("nama")


# --- SKP ------------------------------------------------------------------------------------


def skp_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[Skp]:
    """SKP the user may read: own; bawahan's (as pejabat penilai); managed OPDs; all for city."""
    profil = _akses(user)
    qs = Skp.objects.filter(periode__instansi_id=profil.instansi_id)
    if profil.kota:
        return qs
    scope = Q(pegawai_id=profil.pegawai_id) | Q(pejabat_penilai_id=profil.pegawai_id)
    if profil.atasan:
        scope |= Q(pegawai_id__in=hierarki.bawahan_ids(user))  # type: ignore[arg-type]
    if profil.opd_kelola_ids:
        scope |= Q(unit__opd_id__in=profil.opd_kelola_ids) | Q(unit_id__in=profil.opd_kelola_ids)
    return qs.filter(scope)


def skp_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> Skp:
    skp = (
        skp_list_for_user(user)
        .select_related("pegawai", "periode", "unit", "jabatan", "pejabat_penilai")
        .filter(pk=pk)
        .first()
    )
    if skp is None:
        raise Http404
    return skp


def skp_milik(*, user: Pegawai, periode: PeriodeKinerja) -> Skp | None:
    """The user's SKP version in force for the periode."""
    return (
        Skp.objects.filter(pegawai=user, periode=periode, aktif=True)
        .select_related("periode")
        .first()
    )


def rhk_untuk_skp(skp: Skp) -> list[Rhk]:
    """RHK rows with their indikator and link texts, utama first: two queries."""
    return list(
        skp.rhk_set.select_related("rhk_atasan", "indikator_pk")
        .prefetch_related(
            Prefetch(
                "indikator_set",
                queryset=IndikatorKinerja.objects.select_related(
                    "sumber_ikm__unit_layanan"
                ).order_by("urutan", "pk"),
            )
        )
        .order_by("-jenis", "urutan", "pk")
    )


def realisasi_ikm_pasang(skp: Skp, rows: list[Rhk]) -> None:
    """Attach `realisasi_ikm` (unit, result, mutu for the SKP's periode) to each indikator
    with sumber IKM (rows from rhk_untuk_skp, links already joined). No query when none."""
    indikator = [
        ind
        for rhk in rows
        for ind in rhk.indikator_set.all()
        if ind.sumber_realisasi == SumberRealisasi.IKM and hasattr(ind, "sumber_ikm")
    ]
    if not indikator:
        return
    periode = skp.periode
    data = survei_selectors.realisasi_ikm_indikator(
        [ind.sumber_ikm for ind in indikator], periode.mulai, periode.selesai
    )
    for ind in indikator:
        ind.realisasi_ikm = data.get(ind.pk)  # type: ignore[attr-defined]


def ekspektasi_untuk_skp(skp: Skp) -> list[EkspektasiPerilaku]:
    return list(skp.ekspektasi_set.select_related("perilaku").order_by("perilaku__urutan"))


def rhk_pilihan_atasan(skp: Skp) -> list[Rhk]:
    """RHK of the current pejabat penilai's SKP in force for the same periode: the link picker."""
    penilai = hierarki.atasan_langsung(skp.pegawai)
    if penilai is None:
        return []
    return list(
        Rhk.objects.filter(skp__pegawai=penilai, skp__periode_id=skp.periode_id, skp__aktif=True)
        .select_related("skp")
        .order_by("-jenis", "urutan", "pk")
    )


def indikator_pk_pilihan(skp: Skp) -> list[IndikatorPK]:
    """Indicators of the OPD's Perjanjian Kinerja for the SKP's periode (JPT RHK source)."""
    if skp.unit is None:
        return []
    opd_id = skp.unit.opd_id or skp.unit_id
    return list(
        IndikatorPK.objects.filter(
            sasaran__perjanjian__unit_id=opd_id, sasaran__perjanjian__periode_id=skp.periode_id
        )
        .select_related("sasaran")
        .order_by("sasaran__urutan", "urutan", "pk")
    )


def skp_versi_list(skp: Skp) -> list[Skp]:
    """Every version of this pegawai's SKP in the periode, newest first."""
    return list(
        Skp.objects.filter(pegawai_id=skp.pegawai_id, periode_id=skp.periode_id)
        .select_related("versi_disetujui")
        .order_by("-versi")
    )


def template_list_for_skp(skp: Skp) -> QuerySet[TemplateSkp]:
    qs = TemplateSkp.objects.filter(instansi_id=skp.periode.instansi_id)
    return qs.filter(Q(jabatan_id=skp.jabatan_id) | Q(jabatan__isnull=True)).order_by("nama")


def template_get_for_skp(*, skp: Skp, pk: int) -> TemplateSkp:
    template = template_list_for_skp(skp).filter(pk=pk).first()
    if template is None:
        raise Http404
    return template


@dataclass
class Antrian:
    skp: list[Skp] = field(default_factory=list)
    jumlah: int = 0
    tertua_hari: int | None = None


def antrian_persetujuan(user: Pegawai | AnonymousUser, *, limit: int = 200) -> Antrian:
    """SKP of the user's bawahan waiting for approval, oldest first."""
    profil = _akses(user)
    if not profil.atasan:
        return Antrian()
    ids = hierarki.bawahan_ids(user)  # type: ignore[arg-type]
    qs = Skp.objects.filter(
        pegawai_id__in=ids, aktif=True, status=StatusSkp.DIAJUKAN
    ).select_related("periode", "pegawai")
    rows = list(qs.order_by("diajukan_pada", "pk")[:limit])
    tertua = None
    if rows and rows[0].diajukan_pada:
        tertua = (timezone.now() - rows[0].diajukan_pada).days
    return Antrian(
        skp=rows, jumlah=qs.count() if len(rows) == limit else len(rows), tertua_hari=tertua
    )


def ringkasan_beranda(user: Pegawai) -> dict[str, Any]:
    """My SKP in the current periode and, for an atasan, how many wait for my approval."""
    profil = _akses(user)
    periode = periode_berjalan(profil.instansi_id)
    hasil: dict[str, Any] = {"periode": periode, "skp": None, "menunggu": None}
    if periode is not None:
        hasil["skp"] = skp_milik(user=user, periode=periode)
    if profil.atasan:
        hasil["menunggu"] = Skp.objects.filter(
            pegawai_id__in=hierarki.bawahan_ids(user), aktif=True, status=StatusSkp.DIAJUKAN
        ).count()
    return hasil


def bawahan_untuk_penugasan(user: Pegawai) -> QuerySet[Pegawai]:
    """Direct bawahan, for the bulk RHK assignment form."""
    return Pegawai.objects.filter(pk__in=hierarki.bawahan_ids(user)).order_by("nama", "pk")


# --- diff between versions ------------------------------------------------------------------


def _baris_versi(skp: Skp) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for rhk in rhk_untuk_skp(skp):
        rows[f"rhk:{rhk.jenis}:{rhk.teks}"] = {
            "jenis": _("RHK"),
            "teks": rhk.teks,
            "isi": rhk.rhk_atasan.teks if rhk.rhk_atasan else "",
        }
        for ind in rhk.indikator_set.all():
            rows[f"ind:{rhk.teks}:{ind.teks}"] = {
                "jenis": _("Indikator"),
                "teks": ind.teks,
                "isi": f"{ind.get_aspek_display()} · {ind.target}",
            }
    return rows


def skp_diff(lama: Skp, baru: Skp) -> list[dict[str, str]]:
    """Rows added, removed or changed between two versions (RHK and indikator)."""
    a, b = _baris_versi(lama), _baris_versi(baru)
    hasil = []
    for key, row in b.items():
        if key not in a:
            hasil.append({"perubahan": "ditambah", "label": _("ditambah"), **row})
        elif a[key]["isi"] != row["isi"]:
            hasil.append(
                {"perubahan": "diubah", "label": _("diubah"), "sebelum": a[key]["isi"], **row}
            )
    for key, row in a.items():
        if key not in b:
            hasil.append({"perubahan": "dihapus", "label": _("dihapus"), **row})
    return hasil
