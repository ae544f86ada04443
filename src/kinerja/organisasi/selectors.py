"""Every read of organisation data, scoped to what the user may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from . import hierarki
from .models import (
    Jabatan,
    JenisPenugasan,
    Pegawai,
    PemberianPeran,
    Penugasan,
    Peran,
    UnitKerja,
)

PERAN_KOTA = {Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH, Peran.INSPEKTORAT}


@dataclass
class AksesPengguna:
    """What one signed-in user is: roles, and which OPDs they see."""

    pegawai_id: int
    instansi_id: int  # 0 when the account has no instansi: such a user sees nothing
    peran: set[str] = field(default_factory=set)
    opd_ids: set[int] = field(default_factory=set)  # OPDs whose data may be read
    opd_kelola_ids: set[int] = field(default_factory=set)  # OPDs managed (pimpinan/operator)
    opd_sendiri_id: int | None = None
    unit_sendiri_id: int | None = None
    atasan: bool = False

    @property
    def kota(self) -> bool:
        """Reads the whole instansi (admin BKPSDMD, pimpinan daerah, Inspektorat)."""
        return bool(self.peran & PERAN_KOTA)

    @property
    def admin(self) -> bool:
        return Peran.ADMIN_BKPSDMD in self.peran

    @property
    def label_peran(self) -> list[str]:
        return [str(Peran(p).label) for p in sorted(self.peran)]

    def punya(self, *peran: str) -> bool:
        return any(p in self.peran for p in peran)


def akses_pengguna(
    user: Pegawai | AnonymousUser, tanggal: dt.date | None = None
) -> AksesPengguna | None:
    """Compute (and cache on the user object) the access profile; None for anonymous."""
    if not user.is_authenticated:
        return None
    cached = getattr(user, "_akses_cache", None)
    if cached is not None and tanggal is None:
        return cached
    assert isinstance(user, Pegawai)
    tanggal = tanggal or timezone.localdate()
    akses = AksesPengguna(pegawai_id=user.pk, instansi_id=user.instansi_id or 0)
    own = (
        Penugasan.objects.aktif_pada(tanggal)
        .filter(pegawai=user)
        .select_related("jabatan", "unit")
        .order_by("jenis", "-mulai")
    )
    held = set(hierarki.jabatan_dipegang(user, tanggal))
    for penugasan in own:
        opd_id = penugasan.unit.opd_id or penugasan.unit_id
        akses.opd_ids.add(opd_id)
        if penugasan.jenis == JenisPenugasan.DEFINITIF and akses.unit_sendiri_id is None:
            akses.unit_sendiri_id = penugasan.unit_id
            akses.opd_sendiri_id = opd_id
        if (
            penugasan.jabatan.kepala
            and penugasan.unit.parent_id is None
            and penugasan.jabatan_id in held
        ):
            akses.peran.add(Peran.PIMPINAN_OPD)
            akses.opd_kelola_ids.add(opd_id)
    grants = (
        PemberianPeran.objects.filter(pegawai=user, mulai__lte=tanggal)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal))
        .select_related("unit")
    )
    for grant in grants:
        akses.peran.add(grant.peran)
        if grant.unit is not None and grant.peran in {Peran.PIMPINAN_OPD, Peran.OPERATOR_OPD}:
            opd_id = grant.unit.opd_id or grant.unit.pk
            akses.opd_ids.add(opd_id)
            akses.opd_kelola_ids.add(opd_id)
    akses.atasan = bool(held) and Jabatan.objects.filter(parent_id__in=held).exists()
    if tanggal == timezone.localdate():
        setattr(user, "_akses_cache", akses)  # noqa: B010 — a per-request cache on the user object
    return akses


def _akses_wajib(user: Pegawai | AnonymousUser) -> AksesPengguna:
    akses = akses_pengguna(user)
    if akses is None:
        raise Http404
    return akses


def unit_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[UnitKerja]:
    """Units the user may see: the whole instansi for city roles, otherwise their OPDs."""
    akses = _akses_wajib(user)
    qs = UnitKerja.objects.filter(instansi_id=akses.instansi_id)
    if not akses.kota:
        qs = qs.filter(Q(opd_id__in=akses.opd_ids) | Q(pk__in=akses.opd_ids))
    return qs


def unit_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> UnitKerja:
    unit = unit_list_for_user(user).select_related("parent", "opd").filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit


def unit_tree_for_user(
    user: Pegawai | AnonymousUser, *, akar: UnitKerja | None = None, hanya_akar: bool = False
) -> list[UnitKerja]:
    """Visible units in tree order, each with `jumlah_pegawai` and `punya_anak`; three queries.

    `akar` limits the list to that unit's descendants; `hanya_akar` to the top-level units, whose
    `jumlah_pegawai` then counts their whole OPD.
    """
    visible = unit_list_for_user(user)
    qs = visible
    if akar is not None:
        qs = qs.filter(path__startswith=akar.path).exclude(pk=akar.pk)
    if hanya_akar:
        qs = qs.filter(depth=visible.order_by("depth").values_list("depth", flat=True)[:1])
    units = list(qs.order_by("path"))
    today = timezone.localdate()
    aktif = Penugasan.objects.aktif_pada(today).filter(jenis=JenisPenugasan.DEFINITIF)
    key = "unit__opd_id" if hanya_akar else "unit_id"
    counts = dict(
        aktif.filter(**{f"{key}__in": [u.pk for u in units]})
        .values(key)
        .annotate(n=Count("pk"))
        .values_list(key, "n")
    )
    parents = set(
        visible.filter(parent_id__in=[u.pk for u in units]).values_list("parent_id", flat=True)
    )
    for unit in units:
        unit.jumlah_pegawai = counts.get(unit.pk, 0)  # type: ignore[attr-defined]
        unit.punya_anak = unit.pk in parents  # type: ignore[attr-defined]
    return units


def unit_search(*, user: Pegawai | AnonymousUser, q: str, limit: int = 100) -> list[UnitKerja]:
    qs = unit_list_for_user(user).select_related("opd")
    for word in q.split()[:5]:
        qs = qs.filter(Q(nama__icontains=word) | Q(kode__iexact=word))
    return list(qs.order_by("nama", "pk")[:limit])


def unit_ancestors(unit: UnitKerja) -> list[UnitKerja]:
    ids = unit.ancestor_ids()
    by_id = {u.pk: u for u in UnitKerja.objects.filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id]


def pegawai_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[Pegawai]:
    """Pegawai the user may see: the whole instansi for city roles, else those in their OPDs."""
    akses = _akses_wajib(user)
    qs = Pegawai.objects.filter(instansi_id=akses.instansi_id)
    if akses.kota:
        return qs
    today = timezone.localdate()
    in_scope = Penugasan.objects.aktif_pada(today).filter(
        Q(unit__opd_id__in=akses.opd_ids) | Q(unit_id__in=akses.opd_ids)
    )
    return qs.filter(Q(pk=akses.pegawai_id) | Q(pk__in=in_scope.values("pegawai_id")))


def pegawai_search(*, user: Pegawai | AnonymousUser, q: str = "") -> QuerySet[Pegawai]:
    qs = pegawai_list_for_user(user)
    q = (q or "").strip()
    if q:
        if q.isdigit():
            qs = qs.filter(nip__startswith=q)
        else:
            for word in q.split()[:5]:
                qs = qs.filter(nama__icontains=word)
    return qs.order_by("nama", "pk")


def pegawai_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> Pegawai:
    pegawai = pegawai_list_for_user(user).filter(pk=pk).select_related("instansi").first()
    if pegawai is None:
        raise Http404
    return pegawai


def penugasan_aktif_map(
    pegawai_ids: list[int], tanggal: dt.date | None = None
) -> dict[int, Penugasan]:
    """The current definitive assignment of each pegawai, in one query."""
    tanggal = tanggal or timezone.localdate()
    rows = (
        Penugasan.objects.aktif_pada(tanggal)
        .filter(pegawai_id__in=pegawai_ids, jenis=JenisPenugasan.DEFINITIF)
        .select_related("jabatan", "unit")
        .order_by("pegawai_id", "-mulai")
    )
    result: dict[int, Penugasan] = {}
    for row in rows:
        result.setdefault(row.pegawai_id, row)
    return result


def peran_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[PemberianPeran]:
    """Role grants of the user's instansi still in force (admin BKPSDMD only reaches this)."""
    akses = _akses_wajib(user)
    today = timezone.localdate()
    return (
        PemberianPeran.objects.filter(pegawai__instansi_id=akses.instansi_id)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=today))
        .select_related("pegawai", "unit", "diberikan_oleh")
        .order_by("peran", "pegawai__nama", "pk")
    )


def peran_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> PemberianPeran:
    grant = peran_list_for_user(user).filter(pk=pk).first()
    if grant is None:
        raise Http404
    return grant


def ringkasan_organisasi(user: Pegawai | AnonymousUser) -> dict[str, int]:
    """Counts for a leader's home: units, OPDs and active pegawai in what the user manages."""
    akses = _akses_wajib(user)
    units = unit_list_for_user(user)
    if not akses.kota:
        units = units.filter(Q(opd_id__in=akses.opd_kelola_ids) | Q(pk__in=akses.opd_kelola_ids))
    today = timezone.localdate()
    aktif = units.filter(Q(ditutup_pada__isnull=True) | Q(ditutup_pada__gt=today))
    pegawai = (
        Penugasan.objects.aktif_pada(today)
        .filter(unit__in=aktif, jenis=JenisPenugasan.DEFINITIF, pegawai__is_active=True)
        .values("pegawai_id")
        .distinct()
        .count()
    )
    return {
        "opd": aktif.filter(parent__isnull=True).count(),
        "unit": aktif.count(),
        "pegawai": pegawai,
    }
