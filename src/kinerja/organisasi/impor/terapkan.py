"""Apply a checked import in one transaction with bulk queries and audit history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ..models import Instansi, Jabatan, JenisPenugasan, Pegawai, Penugasan, UnitKerja
from ..services import units_rebuild_paths
from .baca import DataImpor
from .laporan import ImporGagal, LaporanImpor
from .periksa import PegawaiRencana, Rencana, rencanakan

UKURAN_BATCH = 500
M = TypeVar("M", bound=models.Model)
T = TypeVar("T")


@transaction.atomic
def impor_terapkan(
    *,
    data: DataImpor,
    instansi: Instansi,
    oleh: Pegawai | None,
    progress: Callable[[int, int], None] | None = None,
) -> LaporanImpor:
    """Re-check, then write everything or nothing; raises ImporGagal when a row is bad."""
    laporan, rencana = rencanakan(data, instansi)
    if laporan.galat:
        raise ImporGagal(laporan)
    alasan = _("Impor berkas %(nama)s") % {"nama": data.nama_file}
    _Penerap(rencana, instansi, oleh, progress, alasan).jalankan()
    laporan.diterapkan = True
    return laporan


def _potong(items: Sequence[T], ukuran: int = UKURAN_BATCH) -> Iterable[Sequence[T]]:
    for i in range(0, len(items), ukuran):
        yield items[i : i + ukuran]


class _Penerap:
    def __init__(
        self,
        rencana: Rencana,
        instansi: Instansi,
        oleh: Pegawai | None,
        progress: Callable[[int, int], None] | None,
        alasan: str,
    ) -> None:
        self.rencana, self.instansi, self.progress = rencana, instansi, progress
        self.riwayat: dict[str, Any] = {
            "batch_size": UKURAN_BATCH,
            "default_user": oleh,
            "default_change_reason": alasan,
        }
        self.total = len(rencana.unit) + len(rencana.jabatan) + len(rencana.pegawai)
        self.selesai = 0

    def _maju(self, jumlah: int) -> None:
        self.selesai += jumlah
        if self.progress is not None:
            self.progress(self.selesai, self.total)

    def _buat(self, model: type[M], objs: list[M]) -> list[M]:
        return bulk_create_with_history(objs, model, **self.riwayat) if objs else []

    def _perbarui(self, model: type[M], objs: list[M], fields: set[str]) -> None:
        if objs and fields:
            bulk_update_with_history(objs, model, sorted(fields), **self.riwayat)

    def jalankan(self) -> None:
        self._maju(0)
        unit_ids = self._unit()
        jabatan_ids, jabatan_unit = self._jabatan(unit_ids)
        self._pegawai(jabatan_ids, jabatan_unit)

    def _unit(self) -> dict[str, int]:
        ids = {kode: u.pk for kode, u in self.rencana.unit_db.items()}
        baru = [r for r in self.rencana.unit if r.lama is None]
        dibuat = len(baru)
        while baru:  # parents first, one bulk insert per tree level
            siap = [r for r in baru if not r.induk or r.induk in ids]
            if not siap:
                raise RuntimeError("unit cycle not caught by the dry run")
            objs = [
                UnitKerja(
                    instansi=self.instansi,
                    kode=r.kode,
                    nama=r.nama,
                    jenis=r.jenis,
                    parent_id=ids[r.induk] if r.induk else None,
                    singkatan=r.singkatan or "",
                    ditutup_pada=r.ditutup_pada,
                )
                for r in siap
            ]
            ids.update({u.kode: u.pk for u in self._buat(UnitKerja, objs)})
            baru = [r for r in baru if r.kode not in ids]
        ubah = [r for r in self.rencana.unit if r.lama is not None and r.ubah]
        for r in ubah:
            unit = r.lama
            assert unit is not None
            unit.nama, unit.jenis = r.nama, r.jenis
            if r.induk_diisi:
                unit.parent_id = ids[r.induk] if r.induk else None
            if r.singkatan is not None:
                unit.singkatan = r.singkatan
            if r.ditutup_pada is not None:
                unit.ditutup_pada = r.ditutup_pada
        self._perbarui(
            UnitKerja, [r.lama for r in ubah if r.lama], {f for r in ubah for f in r.ubah}
        )
        if dibuat or any("parent" in r.ubah for r in ubah):
            units_rebuild_paths(instansi=self.instansi)
        self._maju(len(self.rencana.unit))
        return ids

    def _jabatan(self, unit_ids: dict[str, int]) -> tuple[dict[str, int], dict[str, int]]:
        ids = {kode: j.pk for kode, j in self.rencana.jabatan_db.items()}
        unit_of = {kode: j.unit_id for kode, j in self.rencana.jabatan_db.items()}
        baru = [r for r in self.rencana.jabatan if r.lama is None]
        while baru:  # atasan first, one bulk insert per level of the reporting line
            siap = [r for r in baru if not r.atasan or r.atasan in ids]
            if not siap:
                raise RuntimeError("jabatan cycle not caught by the dry run")
            objs = [
                Jabatan(
                    instansi=self.instansi,
                    unit_id=unit_ids[r.unit],
                    parent_id=ids[r.atasan] if r.atasan else None,
                    kode=r.kode,
                    nama=r.nama,
                    jenis=r.jenis,
                    jenjang=r.jenjang,
                    eselon=r.eselon or "",
                    kepala=bool(r.kepala),
                    ditutup_pada=r.ditutup_pada,
                )
                for r in siap
            ]
            for dibuat in self._buat(Jabatan, objs):
                ids[dibuat.kode], unit_of[dibuat.kode] = dibuat.pk, dibuat.unit_id
            baru = [r for r in baru if r.kode not in ids]
        ubah = [r for r in self.rencana.jabatan if r.lama is not None and r.ubah]
        for r in ubah:
            jabatan = r.lama
            assert jabatan is not None
            jabatan.nama, jabatan.jenis, jabatan.jenjang = r.nama, r.jenis, r.jenjang
            jabatan.unit_id = unit_of[r.kode] = unit_ids[r.unit]
            if r.atasan_diisi:
                jabatan.parent_id = ids[r.atasan] if r.atasan else None
            for field, nilai in (
                ("eselon", r.eselon),
                ("kepala", r.kepala),
                ("ditutup_pada", r.ditutup_pada),
            ):
                if nilai is not None:
                    setattr(jabatan, field, nilai)
        self._perbarui(Jabatan, [r.lama for r in ubah if r.lama], {f for r in ubah for f in r.ubah})
        self._pindahkan_penugasan(
            {r.lama.pk: unit_of[r.kode] for r in ubah if r.lama and "unit" in r.ubah}
        )
        self._maju(len(self.rencana.jabatan))
        return ids, unit_of

    def _pindahkan_penugasan(self, unit_baru: dict[int, int]) -> None:
        """A jabatan moved to another unit takes its open assignments along."""
        if not unit_baru:
            return
        rows = list(Penugasan.objects.filter(jabatan_id__in=unit_baru, selesai__isnull=True))
        for row in rows:
            row.unit_id = unit_baru[row.jabatan_id]
        self._perbarui(Penugasan, rows, {"unit"})

    def _pegawai(self, jabatan_ids: dict[str, int], jabatan_unit: dict[str, int]) -> None:
        def penugasan(pegawai_id: int, r: PegawaiRencana) -> Penugasan:
            assert r.jabatan is not None
            return Penugasan(
                pegawai_id=pegawai_id,
                jabatan_id=jabatan_ids[r.jabatan],
                unit_id=jabatan_unit[r.jabatan],
                jenis=JenisPenugasan.DEFINITIF,
                mulai=r.tmt,
            )

        baru = [r for r in self.rencana.pegawai if r.lama is None]
        for potongan in _potong(baru):
            objs = [self._pegawai_baru(r) for r in potongan]
            dibuat = self._buat(Pegawai, objs)
            self._buat(
                Penugasan,
                [penugasan(p.pk, r) for p, r in zip(dibuat, potongan, strict=True) if r.jabatan],
            )
            self._maju(len(potongan))
        lama = [r for r in self.rencana.pegawai if r.lama is not None]
        for potongan in _potong(lama):
            self._perbarui_pegawai(potongan)
            mutasi = [r for r in potongan if r.mutasi]
            tutup = []
            for r in mutasi:
                for row in r.tutup:
                    row.selesai = r.tmt - dt.timedelta(days=1)
                    tutup.append(row)
            self._perbarui(Penugasan, tutup, {"selesai"})
            self._buat(Penugasan, [penugasan(r.lama.pk, r) for r in mutasi if r.lama])
            self._maju(len(potongan))

    def _pegawai_baru(self, r: PegawaiRencana) -> Pegawai:
        pegawai = Pegawai(instansi=self.instansi, nip=r.nip, harus_ganti_password=True, **r.nilai)
        pegawai.set_unusable_password()  # no per-row hashing; see docs/impor.md
        return pegawai

    def _perbarui_pegawai(self, potongan: Sequence[PegawaiRencana]) -> None:
        ubah = [r for r in potongan if r.lama is not None and r.ubah]
        for r in ubah:
            assert r.lama is not None
            for field in r.ubah:
                if field == "instansi":
                    r.lama.instansi = self.instansi
                else:
                    setattr(r.lama, field, r.nilai[field])
        self._perbarui(Pegawai, [r.lama for r in ubah if r.lama], {f for r in ubah for f in r.ubah})
