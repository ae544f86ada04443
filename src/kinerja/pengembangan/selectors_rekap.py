"""Scoped reads of the JP recap pages: who may see which scope (404 outside it).

- team (`tim`): the atasan's bawahan langsung (organisasi.hierarki.bawahan_ids, Plt-aware), or
  the whole chain below (every jabatan under the ones they hold);
- recap (`rekap`): admin BKPSDMD / pimpinan daerah → the city per OPD; pimpinan / operator OPD →
  their OPD(s) per unit;
- drill down (`rekap_unit`): a unit's subtree, for the city roles or the managers of its OPD;
- one pegawai's ledger (`jp_pegawai`): the pegawai, their atasan chain (the viewer holds a
  jabatan above the pegawai's), the managers of the pegawai's OPD, the city roles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.http import Http404
from django.utils import timezone

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import JenisPenugasan, Pegawai, Penugasan, Peran, UnitKerja
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna
from kinerja.pengembangan import rekap
from kinerja.pengembangan.models import CapaianJp

PERAN_REKAP_KOTA = (Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH)
PERAN_REKAP_OPD = (Peran.PIMPINAN_OPD, Peran.OPERATOR_OPD)
PERAN_REKAP = (*PERAN_REKAP_OPD, *PERAN_REKAP_KOTA)
TAHUN_DITAWARKAN = 5  # this year and the four before it in the year filter


def profil(user: Any) -> AksesPengguna:
    akses = akses_pengguna(user)
    if akses is None:
        raise Http404
    return akses


def tahun_dari(nilai: str | None) -> int:
    """The year asked for (?tahun=), or this year when missing or not a sensible year."""
    ini = timezone.localdate().year
    if nilai and nilai.isdigit() and ini - 50 <= int(nilai) <= ini + 1:
        return int(nilai)
    return ini


def pilihan_tahun() -> list[int]:
    ini = timezone.localdate().year
    return list(range(ini, ini - TAHUN_DITAWARKAN, -1))


@dataclass
class Lingkup:
    """A recap scope: the filter for rekap.pegawai_rows and how to group its table."""

    judul: str
    tingkat: str  # "opd": one row per OPD; "unit": one row per unit
    filter: dict[str, Any] = field(default_factory=dict)
    unit: UnitKerja | None = None
    akar_depth: int = 0


def kota(akses: AksesPengguna) -> bool:
    return akses.punya(*PERAN_REKAP_KOTA)


def lingkup_rekap(user: Any) -> Lingkup:
    """The recap page's scope by role (no query beyond the cached access profile, except the
    OPD name for a single-OPD manager)."""
    akses = profil(user)
    if kota(akses):
        return Lingkup(judul="", tingkat="opd")
    if not akses.punya(*PERAN_REKAP_OPD):
        raise Http404
    opd_ids = sorted(akses.opd_kelola_ids)
    if len(opd_ids) == 1:
        opd = UnitKerja.objects.filter(pk=opd_ids[0]).first()
        if opd is None:
            raise Http404
        return Lingkup(
            judul=opd.nama,
            tingkat="unit",
            filter={"opd_ids": opd_ids},
            unit=opd,
            akar_depth=opd.path.strip("/").count("/"),
        )
    return Lingkup(judul="", tingkat="opd", filter={"opd_ids": opd_ids})


def unit_untuk(user: Any, pk: int) -> UnitKerja:
    """A unit the user may recap: any unit of the instansi for the city roles, a unit of an OPD
    they manage otherwise; 404 outside."""
    akses = profil(user)
    unit = (
        UnitKerja.objects.filter(pk=pk, instansi_id=akses.instansi_id).select_related("opd").first()
    )
    if unit is None:
        raise Http404
    if not kota(akses) and (unit.opd_id or unit.pk) not in akses.opd_kelola_ids:
        raise Http404
    return unit


def lingkup_unit(user: Any, pk: int) -> Lingkup:
    unit = unit_untuk(user, pk)
    return Lingkup(
        judul=unit.nama,
        tingkat="unit",
        filter={"unit_path": unit.path},
        unit=unit,
        akar_depth=unit.path.strip("/").count("/"),
    )


def tim_filter(user: Pegawai, *, semua: bool, tanggal: dt.date | None = None) -> dict[str, Any]:
    """The team of an atasan for rekap.pegawai_rows: bawahan langsung, or everyone in a jabatan
    below the ones they hold (`semua`)."""
    if semua:
        held = hierarki.jabatan_dipegang(user, tanggal)
        turunan = rekap.jabatan_turunan(held, user.instansi_id or 0)
        return {"jabatan_ids": turunan, "kecuali": user.pk}
    return {"pegawai_ids": hierarki.bawahan_ids(user, tanggal)}


def boleh_lihat_pegawai(user: Pegawai, target: Pegawai) -> bool:
    """The ledger of `target` is readable by `user` (see the module docstring)."""
    if user.pk == target.pk:
        return True
    akses = profil(user)
    if target.instansi_id != akses.instansi_id or not akses.instansi_id:
        return False
    if kota(akses):
        return True
    hari_ini = timezone.localdate()
    tugas = list(
        Penugasan.objects.aktif_pada(hari_ini)
        .filter(pegawai=target, jenis=JenisPenugasan.DEFINITIF)
        .values_list("jabatan_id", "unit_id", "unit__opd_id")
    )
    if akses.punya(*PERAN_REKAP_OPD) and any(
        (opd or unit) in akses.opd_kelola_ids for _j, unit, opd in tugas
    ):
        return True
    if akses.atasan and tugas:
        held = hierarki.jabatan_dipegang(user, hari_ini)
        turunan = rekap.jabatan_turunan(held, akses.instansi_id)
        return any(jabatan in turunan for jabatan, _u, _o in tugas)
    return False


@dataclass
class LedgerPegawai:
    pegawai: Pegawai
    tahun: int
    rows: list[CapaianJp]
    total: Decimal
    target: Decimal
    persen: int
    kekurangan: Decimal


def ledger_pegawai(user: Pegawai, pk: int, tahun: int) -> LedgerPegawai:
    """The CapaianJp rows of one pegawai in a year, with their source; 404 when not allowed."""
    from kinerja.pengembangan.jp import kekurangan_jp, persen_jp

    target = Pegawai.objects.filter(pk=pk).first()
    if target is None or not boleh_lihat_pegawai(user, target):
        raise Http404
    rows = list(
        CapaianJp.objects.filter(pegawai=target, tahun=tahun)
        .select_related("pendaftaran__pelatihan", "eksternal")
        .order_by("tanggal", "pk")
    )
    total = sum((r.jp for r in rows), Decimal("0"))
    nilai_target = rekap.target_jp()
    return LedgerPegawai(
        pegawai=target,
        tahun=tahun,
        rows=rows,
        total=total,
        target=nilai_target,
        persen=persen_jp(total, target=nilai_target),
        kekurangan=kekurangan_jp(total, target=nilai_target),
    )
