"""A known SKP cascade in the small city, written straight with the ORM (documents, matriks,
monitoring tests): periode 2026, PK of the dinas, SKP of kadis → kabid → kasi (atasan) → pegawai.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.skp.dokumen import skp_dengan_isi, skp_snapshot
from kinerja.skp.models import (
    IndikatorKinerja,
    IndikatorPK,
    JenisRhk,
    PeriodeKinerja,
    PerjanjianKinerja,
    Rhk,
    SasaranPK,
    Skp,
    SkpVersi,
    StatusPeriode,
    StatusSkp,
)
from tests.factories import KotaKecil


@dataclass
class Cascade:
    periode: PeriodeKinerja
    skp_kadis: Skp
    skp_kabid: Skp
    skp_atasan: Skp
    skp_pegawai: Skp
    rhk_kadis: list[Rhk]
    rhk_kabid: list[Rhk]
    rhk_atasan: list[Rhk]
    rhk_pegawai: list[Rhk]


def periode_2026(kota: KotaKecil) -> PeriodeKinerja:
    periode, _ = PeriodeKinerja.objects.get_or_create(
        instansi=kota.instansi,
        tahun=2026,
        defaults={
            "mulai": dt.date(2026, 1, 2),
            "selesai": dt.date(2026, 12, 31),
            "status": StatusPeriode.BERJALAN,
        },
    )
    return periode


def buat_skp(
    periode: PeriodeKinerja,
    pegawai: Pegawai,
    penilai: Pegawai | None,
    *,
    jabatan: str,
    unit: str,
    status: str = StatusSkp.DRAFT,
    unit_kerja: UnitKerja | None = None,
    versi: int = 1,
) -> Skp:
    return Skp.objects.create(
        pegawai=pegawai,
        versi=versi,
        unit=unit_kerja,
        periode=periode,
        status=status,
        pegawai_nama=pegawai.nama_lengkap,
        pegawai_golongan="III/d",
        jabatan_nama=jabatan,
        unit_nama=unit,
        pejabat_penilai=penilai,
        penilai_nama=penilai.nama_lengkap if penilai else "",
        penilai_nip=penilai.nip if penilai else "",
        penilai_golongan="IV/a" if penilai else "",
        penilai_jabatan_nama=f"Atasan {jabatan}" if penilai else "",
        penilai_unit_nama=unit,
    )


def buat_rhk(
    skp: Skp,
    teks: str,
    *,
    atasan: Rhk | None = None,
    jenis: str = JenisRhk.UTAMA,
    indikator_pk: IndikatorPK | None = None,
    indikator: tuple[tuple[str, str, str], ...] = (),
) -> Rhk:
    rhk = Rhk.objects.create(
        skp=skp, teks=teks, rhk_atasan=atasan, jenis=jenis, indikator_pk=indikator_pk
    )
    for urutan, (aspek, teks_i, target) in enumerate(indikator):
        angka, _, satuan = target.partition(" ")
        IndikatorKinerja.objects.create(
            rhk=rhk,
            urutan=urutan,
            aspek=aspek,
            teks=teks_i,
            target_angka=Decimal(angka) if angka.isdigit() else None,
            target_satuan=satuan if angka.isdigit() else "",
            target_teks="" if angka.isdigit() else target,
        )
    return rhk


def setujui(skp: Skp, oleh: Pegawai, kode: str) -> SkpVersi:
    """What the approval does, for the document tests: status + frozen snapshot + short code."""
    now = timezone.now()
    Skp.objects.filter(pk=skp.pk).update(
        status=StatusSkp.DISETUJUI, disetujui_pada=now, disetujui_oleh=oleh, diajukan_pada=now
    )
    fresh = skp_dengan_isi(Skp.objects.filter(pk=skp.pk)).get()
    return SkpVersi.objects.create(
        skp=fresh, kode=kode, snapshot=skp_snapshot(fresh), disetujui_oleh=oleh, disetujui_pada=now
    )


def buat_cascade(kota: KotaKecil) -> Cascade:
    """Kadis (2 RHK from the PK) → kabid (2) → kasi (2) → pegawai (2 utama + 1 tambahan).

    Known gaps for the matriks: the kabid's second RHK has no link (orphan) and the kadis'
    second RHK gets no contribution from the kabid.
    """
    periode = periode_2026(kota)
    pk = PerjanjianKinerja.objects.create(periode=periode, unit=kota.dinas)
    sasaran = SasaranPK.objects.create(perjanjian=pk, sasaran="Meningkatnya kualitas layanan")
    ipk = [
        IndikatorPK.objects.create(sasaran=sasaran, indikator=f"Indeks layanan {i}") for i in (1, 2)
    ]
    dinas = kota.dinas.nama
    s_kadis = buat_skp(
        periode,
        kota.pimpinan,
        kota.sekda,
        jabatan="Kepala Dinas",
        unit=dinas,
        unit_kerja=kota.dinas,
    )
    s_kabid = buat_skp(
        periode,
        kota.kabid,
        kota.pimpinan,
        jabatan="Kepala Bidang",
        unit=dinas,
        unit_kerja=kota.bidang,
    )
    s_kasi = buat_skp(
        periode, kota.atasan, kota.kabid, jabatan="Kepala Seksi", unit=dinas, unit_kerja=kota.seksi
    )
    s_peg = buat_skp(
        periode,
        kota.pegawai,
        kota.atasan,
        jabatan="Pengadministrasi",
        unit=dinas,
        unit_kerja=kota.seksi,
    )
    r_kadis = [
        buat_rhk(s_kadis, "Meningkatnya cakupan dokumen kependudukan", indikator_pk=ipk[0]),
        buat_rhk(s_kadis, "Meningkatnya kepuasan layanan adminduk", indikator_pk=ipk[1]),
    ]
    r_kabid = [
        buat_rhk(s_kabid, "Terlaksananya pelayanan pendaftaran penduduk", atasan=r_kadis[0]),
        buat_rhk(s_kabid, "Tersusunnya laporan bidang"),  # no link: orphan
    ]
    r_kasi = [
        buat_rhk(s_kasi, "Terbitnya KTP-el tepat waktu", atasan=r_kabid[0]),
        buat_rhk(s_kasi, "Terkelolanya arsip identitas", atasan=r_kabid[0]),
    ]
    r_peg = [
        buat_rhk(
            s_peg,
            "Terverifikasinya berkas permohonan KTP-el",
            atasan=r_kasi[0],
            indikator=(
                ("kuantitas", "Jumlah berkas terverifikasi", "1200 berkas"),
                ("waktu", "Waktu verifikasi per berkas", "1 hari"),
            ),
        ),
        buat_rhk(
            s_peg,
            "Tertatanya arsip permohonan",
            atasan=r_kasi[1],
            indikator=(("kualitas", "Arsip lengkap dan tertata", "Lengkap"),),
        ),
        buat_rhk(
            s_peg,
            "Terlaksananya piket layanan Sabtu",
            jenis=JenisRhk.TAMBAHAN,
            atasan=r_kasi[0],
            indikator=(("kuantitas", "Jumlah piket", "12 kali"),),
        ),
    ]
    return Cascade(periode, s_kadis, s_kabid, s_kasi, s_peg, r_kadis, r_kabid, r_kasi, r_peg)
