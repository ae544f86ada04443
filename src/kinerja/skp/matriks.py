"""Matriks Peran Hasil: for a unit, which bawahan RHK intervene which RHK of the unit's leader.

`hitung_matriks` is a pure function over plain rows; `matriks_unit` loads those rows with a
fixed number of queries (the leader, the bawahan, both sides' RHK) whatever the unit's size.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F
from django.http import Http404
from django.utils import timezone

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Jabatan, Pegawai, UnitKerja
from kinerja.organisasi.selectors import akses_pengguna, penugasan_aktif_map, unit_get_for_user

from .models import JenisRhk, PeriodeKinerja, Rhk, Skp


@dataclass
class KolomBawahan:
    pegawai_id: int
    nama: str
    nip: str
    jabatan: str
    skp_id: int | None
    status: str  # "" when no SKP yet
    jumlah_rhk: int = 0


@dataclass
class BarisMatriks:
    rhk_id: int
    teks: str
    jenis: str
    sel: list[list[dict[str, Any]]] = field(default_factory=list)  # one list per column
    sel_kolom: list[tuple[KolomBawahan, list[dict[str, Any]]]] = field(default_factory=list)
    jumlah: int = 0  # bawahan RHK that intervene this row

    @property
    def tanpa_kontribusi(self) -> bool:
        return self.jumlah == 0


def sel_per_kolom(
    baris: BarisMatriks, kolom: list[KolomBawahan]
) -> list[tuple[KolomBawahan, list[dict[str, Any]]]]:
    return list(zip(kolom, baris.sel, strict=True))


@dataclass
class Matriks:
    kolom: list[KolomBawahan]
    baris: list[BarisMatriks]
    yatim: list[dict[str, Any]]  # bawahan RHK with no link, or a link outside the leader's RHK
    tanpa_kontribusi: list[BarisMatriks]
    belum_skp: list[KolomBawahan]


def hitung_matriks(
    *,
    rhk_pimpinan: list[dict[str, Any]],
    bawahan: list[KolomBawahan],
    rhk_bawahan: list[dict[str, Any]],
) -> Matriks:
    """rhk_pimpinan rows: id, teks, jenis; rhk_bawahan rows: id, teks, jenis, rhk_atasan_id,
    pegawai_id. Orphans are bawahan RHK whose link is empty or not one of the leader's RHK."""
    posisi = {k.pegawai_id: i for i, k in enumerate(bawahan)}
    baris = [
        BarisMatriks(rhk_id=r["id"], teks=r["teks"], jenis=r["jenis"], sel=[[] for _ in bawahan])
        for r in rhk_pimpinan
    ]
    by_id = {b.rhk_id: b for b in baris}
    yatim: list[dict[str, Any]] = []
    jumlah: dict[int, int] = defaultdict(int)
    for r in rhk_bawahan:
        kolom = posisi.get(r["pegawai_id"])
        if kolom is None:
            continue
        jumlah[r["pegawai_id"]] += 1
        target = by_id.get(r["rhk_atasan_id"]) if r["rhk_atasan_id"] else None
        if target is None:
            yatim.append(r | {"pegawai": bawahan[kolom]})
            continue
        target.sel[kolom].append(r)
        target.jumlah += 1
    for k in bawahan:
        k.jumlah_rhk = jumlah.get(k.pegawai_id, 0)
    for b in baris:
        b.sel_kolom = sel_per_kolom(b, bawahan)
    return Matriks(
        kolom=bawahan,
        baris=baris,
        yatim=yatim,
        tanpa_kontribusi=[b for b in baris if b.tanpa_kontribusi],
        belum_skp=[k for k in bawahan if k.skp_id is None],
    )


# --- loading ----------------------------------------------------------------------------------


def pimpinan_unit(unit: UnitKerja, tanggal: dt.date | None = None) -> Pegawai | None:
    """The effective holder (Plt/Plh first) of the unit's kepala jabatan."""
    tanggal = tanggal or timezone.localdate()
    kepala = list(
        Jabatan.objects.filter(unit=unit, kepala=True).order_by("pk").values_list("pk", flat=True)
    )
    holders = hierarki.pemegang_efektif(kepala, tanggal) if kepala else {}
    for jabatan_id in kepala:
        if jabatan_id in holders:
            return Pegawai.objects.get(pk=holders[jabatan_id])
    return None


def _rhk_rows(pegawai_ids: list[int], periode: PeriodeKinerja) -> list[dict[str, Any]]:
    """RHK of the active SKP of these pegawai, utama before tambahan (alphabetical order of
    `jenis` would put tambahan first)."""
    rows = Rhk.objects.filter(
        skp__pegawai_id__in=pegawai_ids, skp__periode=periode, skp__aktif=True
    ).values("id", "teks", "jenis", "urutan", "rhk_atasan_id", pegawai_id=F("skp__pegawai_id"))
    return sorted(
        (dict(r) for r in rows),
        key=lambda r: (r["jenis"] != JenisRhk.UTAMA, r["urutan"], r["id"]),
    )


def _kolom(ids: list[int], periode: PeriodeKinerja) -> list[KolomBawahan]:
    orang = {
        p["pk"]: p
        for p in Pegawai.objects.filter(pk__in=ids).values(
            "pk", "nama", "gelar_depan", "gelar_belakang", "nip"
        )
    }
    skp: dict[int, dict[str, Any]] = {
        row["pegawai_id"]: dict(row)
        for row in Skp.objects.filter(pegawai_id__in=ids, periode=periode, aktif=True).values(
            "pegawai_id", "pk", "status"
        )
    }
    jabatan = penugasan_aktif_map(ids)
    kolom = []
    for pid in ids:
        p = orang.get(pid)
        if p is None:
            continue
        nama = f"{p['gelar_depan']} {p['nama']}".strip()
        nama = f"{nama}, {p['gelar_belakang']}" if p["gelar_belakang"] else nama
        tugas = jabatan.get(pid)
        s: dict[str, Any] = skp.get(pid) or {}
        kolom.append(
            KolomBawahan(
                pegawai_id=pid,
                nama=nama,
                nip=p["nip"],
                jabatan=tugas.jabatan.nama if tugas else "",
                skp_id=s.get("pk"),
                status=s.get("status", ""),
            )
        )
    kolom.sort(key=lambda k: (k.jabatan, k.nama))
    return kolom


@dataclass
class HasilMatriks:
    unit: UnitKerja
    pimpinan: Pegawai | None
    periode: PeriodeKinerja
    matriks: Matriks | None


def boleh_lihat(user: Any, unit: UnitKerja, pimpinan: Pegawai | None) -> bool:
    """The leader, anyone up their atasan line, pimpinan/operator of the OPD, city roles."""
    profil = akses_pengguna(user)
    if profil is None:
        return False
    if profil.kota or (unit.opd_id or unit.pk) in profil.opd_kelola_ids:
        return True
    if pimpinan is None:
        return False
    if pimpinan.pk == user.pk:
        return True
    if not profil.atasan:
        return False
    held = set(hierarki.jabatan_dipegang(user))
    current = Jabatan.objects.filter(unit=unit, kepala=True).values_list("parent_id", flat=True)
    parent_id = current.first()
    seen: set[int] = set()
    while parent_id is not None and parent_id not in seen:
        if parent_id in held:
            return True
        seen.add(parent_id)
        parent_id = Jabatan.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
    return False


def matriks_unit(*, user: Any, unit_pk: int, periode: PeriodeKinerja) -> HasilMatriks:
    unit = unit_get_for_user(user=user, pk=unit_pk)
    pimpinan = pimpinan_unit(unit)
    if not boleh_lihat(user, unit, pimpinan):
        raise Http404
    if pimpinan is None:
        return HasilMatriks(unit, None, periode, None)
    ids = hierarki.bawahan_ids(pimpinan)
    kolom = _kolom(ids, periode)
    rhk = _rhk_rows([pimpinan.pk, *ids], periode)
    matriks = hitung_matriks(
        rhk_pimpinan=[r for r in rhk if r["pegawai_id"] == pimpinan.pk],
        bawahan=kolom,
        rhk_bawahan=[r for r in rhk if r["pegawai_id"] != pimpinan.pk],
    )
    return HasilMatriks(unit, pimpinan, periode, matriks)
