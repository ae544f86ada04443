"""The atasan line, derived from the jabatan tree at a date.

A pegawai's atasan langsung is the effective holder of the nearest jabatan above their
definitive jabatan. A Plt/Plh assignment active at the date overrides the definitive holder;
a vacant jabatan passes the line to the next holder up.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.utils import timezone

from .models import Jabatan, JenisPenugasan, Pegawai, Penugasan


def _hari_ini(tanggal: dt.date | None) -> dt.date:
    return tanggal or timezone.localdate()


def pemegang_efektif(jabatan_ids: Iterable[int], tanggal: dt.date) -> dict[int, int]:
    """Map jabatan id → pegawai id holding it at `tanggal` (Plt/Plh before definitif)."""
    rows = (
        Penugasan.objects.aktif_pada(tanggal)
        .filter(jabatan_id__in=list(jabatan_ids), pegawai__is_active=True)
        .values_list("jabatan_id", "pegawai_id", "jenis", "mulai")
    )
    best: dict[int, tuple[int, dt.date, int]] = {}
    for jabatan_id, pegawai_id, jenis, mulai in rows:
        rank = 0 if jenis == JenisPenugasan.DEFINITIF else 1
        current = best.get(jabatan_id)
        if current is None or (rank, mulai) > (current[0], current[1]):
            best[jabatan_id] = (rank, mulai, pegawai_id)
    return {jabatan_id: value[2] for jabatan_id, value in best.items()}


def penugasan_definitif(pegawai: Pegawai, tanggal: dt.date | None = None) -> Penugasan | None:
    return (
        Penugasan.objects.aktif_pada(_hari_ini(tanggal))
        .filter(pegawai=pegawai, jenis=JenisPenugasan.DEFINITIF)
        .select_related("jabatan", "unit", "unit__opd")
        .order_by("-mulai")
        .first()
    )


def atasan_dari_jabatan(
    jabatan: Jabatan, tanggal: dt.date | None = None, *, kecuali: int | None = None
) -> tuple[Pegawai | None, Jabatan | None]:
    """Walk up from `jabatan` to the first jabatan with an effective holder other than `kecuali`."""
    tanggal = _hari_ini(tanggal)
    current_id = jabatan.parent_id
    seen: set[int] = set()
    while current_id is not None and current_id not in seen:
        seen.add(current_id)
        holder = pemegang_efektif([current_id], tanggal).get(current_id)
        if holder is not None and holder != kecuali:
            return Pegawai.objects.get(pk=holder), Jabatan.objects.get(pk=current_id)
        current_id = (
            Jabatan.objects.filter(pk=current_id).values_list("parent_id", flat=True).first()
        )
    return None, None


def atasan_langsung(pegawai: Pegawai, tanggal: dt.date | None = None) -> Pegawai | None:
    """The pejabat penilai kinerja of `pegawai` at `tanggal`."""
    penugasan = penugasan_definitif(pegawai, tanggal)
    if penugasan is None:
        return None
    atasan, _jabatan = atasan_dari_jabatan(penugasan.jabatan, tanggal, kecuali=pegawai.pk)
    return atasan


def atasan_pejabat_penilai(pegawai: Pegawai, tanggal: dt.date | None = None) -> Pegawai | None:
    """The atasan of the atasan: decides objections (keberatan)."""
    atasan = atasan_langsung(pegawai, tanggal)
    return atasan_langsung(atasan, tanggal) if atasan else None


def jabatan_dipegang(pegawai: Pegawai, tanggal: dt.date | None = None) -> list[int]:
    """Ids of jabatan that `pegawai` effectively holds at `tanggal`.

    Their Plt/Plh jabatan, and their definitive jabatan unless someone else acts in it (Plt/Plh).
    A definitive jabatan shared by many pegawai (a pelaksana position) is held by each of them.
    """
    tanggal = _hari_ini(tanggal)
    rows = list(
        Penugasan.objects.aktif_pada(tanggal)
        .filter(pegawai=pegawai)
        .values_list("jabatan_id", "jenis")
    )
    acting = {jid for jid, jenis in rows if jenis != JenisPenugasan.DEFINITIF}
    definitif = {jid for jid, jenis in rows if jenis == JenisPenugasan.DEFINITIF} - acting
    if definitif:
        overridden = set(
            Penugasan.objects.aktif_pada(tanggal)
            .filter(jabatan_id__in=definitif, pegawai__is_active=True)
            .exclude(jenis=JenisPenugasan.DEFINITIF)
            .exclude(pegawai=pegawai)
            .values_list("jabatan_id", flat=True)
        )
        definitif -= overridden
    return sorted(acting | definitif)


def bawahan_ids(pegawai: Pegawai, tanggal: dt.date | None = None) -> list[int]:
    """Pegawai whose atasan langsung is `pegawai` at `tanggal`; one pair of queries per level."""
    tanggal = _hari_ini(tanggal)
    frontier = jabatan_dipegang(pegawai, tanggal)
    result: list[int] = []
    seen: set[int] = set(frontier)
    while frontier:
        children = list(
            Jabatan.objects.filter(parent_id__in=frontier)
            .exclude(pk__in=seen)
            .values_list("pk", flat=True)
        )
        seen.update(children)
        holders = pemegang_efektif(children, tanggal)
        definitif: dict[int, list[int]] = defaultdict(list)
        for jabatan_id, pegawai_id in (
            Penugasan.objects.aktif_pada(tanggal)
            .filter(
                jabatan_id__in=children, jenis=JenisPenugasan.DEFINITIF, pegawai__is_active=True
            )
            .values_list("jabatan_id", "pegawai_id")
        ):
            definitif[jabatan_id].append(pegawai_id)
        frontier = []
        for jabatan_id in children:
            result.extend(pid for pid in definitif.get(jabatan_id, []) if pid != pegawai.pk)
            if jabatan_id not in holders:
                frontier.append(jabatan_id)  # vacant: its people report further up, i.e. to us
    return list(dict.fromkeys(result))


def punya_bawahan_jabatan(pegawai: Pegawai, tanggal: dt.date | None = None) -> bool:
    """Cheap check used for navigation: does any jabatan report to one `pegawai` holds?"""
    held = jabatan_dipegang(pegawai, tanggal)
    return bool(held) and Jabatan.objects.filter(parent_id__in=held).exists()


def cari_siklus(parent_of: dict[str, str | None]) -> list[str] | None:
    """Return one cycle in a child→parent mapping (by key), or None. Used by the importer."""
    state: dict[str, int] = {}
    for start in parent_of:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent_of and state.get(node, 0) == 0:
            state[node] = 1
            path.append(node)
            node = parent_of[node]
        if node is not None and state.get(node) == 1:
            return path[path.index(node) :] + [node]
        for visited in path:
            state[visited] = 2
    return None
