"""Factories and a small known organisation used by the persona fixtures."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from kinerja.organisasi import services
from kinerja.organisasi.models import (
    Instansi,
    Jabatan,
    JenisJabatan,
    JenisUnit,
    Pegawai,
    Peran,
    UnitKerja,
)

PASSWORD = "Rahasia-Kinerja-2026"
_urut = itertools.count(1)


def buat_nip(
    lahir: dt.date = dt.date(1985, 3, 14), tmt: tuple[int, int] = (2010, 1), jk: int = 1
) -> str:
    """A valid NIP with a fresh sequence number."""
    return f"{lahir:%Y%m%d}{tmt[0]:04d}{tmt[1]:02d}{jk}{next(_urut) % 999 + 1:03d}"


def buat_pegawai(
    instansi: Instansi, nama: str, jabatan: Jabatan | None = None, **extra: object
) -> Pegawai:
    lahir = dt.date(1970 + next(_urut) % 25, 1 + next(_urut) % 12, 1 + next(_urut) % 28)
    pegawai = services.pegawai_create(
        instansi=instansi,
        nip=buat_nip(lahir=lahir),
        nama=nama,
        password=PASSWORD,
        harus_ganti_password=False,
        email=f"{nama.split()[0].lower()}@contoh.go.id",
        **extra,  # type: ignore[arg-type]
    )
    if jabatan is not None:
        services.penugasan_mutasi(pegawai=pegawai, jabatan=jabatan, mulai=dt.date(2020, 1, 1))
    return pegawai


@dataclass
class KotaKecil:
    instansi: Instansi
    setda: UnitKerja
    dinas: UnitKerja
    bidang: UnitKerja
    seksi: UnitKerja
    bkpsdmd: UnitKerja
    dinas_lain: UnitKerja
    j_sekda: Jabatan
    j_kadis: Jabatan
    j_kabid: Jabatan
    j_kasi: Jabatan
    j_pelaksana: Jabatan
    j_kaban: Jabatan
    j_analis: Jabatan
    j_kadis_lain: Jabatan
    j_staf_lain: Jabatan
    sekda: Pegawai
    pimpinan: Pegawai
    kabid: Pegawai
    atasan: Pegawai
    pegawai: Pegawai
    admin: Pegawai
    luar: Pegawai

    def personas(self) -> dict[str, Pegawai | None]:
        return {
            "pegawai": self.pegawai,
            "atasan": self.atasan,
            "pimpinan_opd": self.pimpinan,
            "admin_bkpsdmd": self.admin,
            "luar_opd": self.luar,
            "anonim": None,
        }


def buat_kota_kecil() -> KotaKecil:
    """Setda → Dinas (bidang → seksi), BKPSDMD, and another dinas; one holder per persona."""
    ins = Instansi.objects.create(
        kode="PKP", nama="Pemerintah Kota Pangkalpinang", kota="Pangkalpinang"
    )
    uc = services.unit_create
    setda = uc(instansi=ins, kode="SETDA", nama="Sekretariat Daerah", jenis=JenisUnit.OPD)
    dinas = uc(
        instansi=ins,
        kode="DUKCAPIL",
        nama="Dinas Kependudukan dan Pencatatan Sipil",
        jenis=JenisUnit.OPD,
    )
    bidang = uc(
        instansi=ins,
        kode="DUKCAPIL.PD",
        nama="Bidang Pelayanan Pendaftaran Penduduk",
        jenis=JenisUnit.BIDANG,
        parent=dinas,
    )
    seksi = uc(
        instansi=ins,
        kode="DUKCAPIL.PD.1",
        nama="Seksi Identitas Penduduk",
        jenis=JenisUnit.SEKSI,
        parent=bidang,
    )
    bkpsdmd = uc(instansi=ins, kode="BKPSDMD", nama="BKPSDMD", jenis=JenisUnit.OPD)
    dinas_lain = uc(instansi=ins, kode="DISHUB", nama="Dinas Perhubungan", jenis=JenisUnit.OPD)
    jc = services.jabatan_create
    j_sekda = jc(
        unit=setda,
        kode="J-SEKDA",
        nama="Sekretaris Daerah",
        jenis=JenisJabatan.JPT,
        kepala=True,
        eselon="II.a",
    )
    j_kadis = jc(
        unit=dinas,
        kode="J-KADIS",
        nama="Kepala Dinas Dukcapil",
        jenis=JenisJabatan.JPT,
        kepala=True,
        parent=j_sekda,
        eselon="II.b",
    )
    j_kabid = jc(
        unit=bidang,
        kode="J-KABID",
        nama="Kepala Bidang Pelayanan",
        jenis=JenisJabatan.ADMINISTRATOR,
        kepala=True,
        parent=j_kadis,
        eselon="III.b",
    )
    j_kasi = jc(
        unit=seksi,
        kode="J-KASI",
        nama="Kepala Seksi Identitas",
        jenis=JenisJabatan.PENGAWAS,
        kepala=True,
        parent=j_kabid,
        eselon="IV.a",
    )
    j_pelaksana = jc(
        unit=seksi,
        kode="J-PELAKSANA",
        nama="Pengadministrasi Kependudukan",
        jenis=JenisJabatan.PELAKSANA,
        parent=j_kasi,
    )
    j_kaban = jc(
        unit=bkpsdmd,
        kode="J-KABAN",
        nama="Kepala BKPSDMD",
        jenis=JenisJabatan.JPT,
        kepala=True,
        parent=j_sekda,
    )
    j_analis = jc(
        unit=bkpsdmd,
        kode="J-ANALIS",
        nama="Analis SDM Aparatur",
        jenis=JenisJabatan.FUNGSIONAL,
        jenjang="ahli_pertama",
        parent=j_kaban,
    )
    j_kadis_lain = jc(
        unit=dinas_lain,
        kode="J-KADISHUB",
        nama="Kepala Dinas Perhubungan",
        jenis=JenisJabatan.JPT,
        kepala=True,
        parent=j_sekda,
    )
    j_staf_lain = jc(
        unit=dinas_lain,
        kode="J-STAFHUB",
        nama="Pengatur Lalu Lintas",
        jenis=JenisJabatan.PELAKSANA,
        parent=j_kadis_lain,
    )
    sekda = buat_pegawai(ins, "Rudi Hartono", j_sekda, gelar_depan="Drs.")
    pimpinan = buat_pegawai(ins, "Siti Aminah", j_kadis, gelar_belakang="S.H.")
    kabid = buat_pegawai(ins, "Bambang Sutrisno", j_kabid)
    atasan = buat_pegawai(ins, "Dewi Lestari", j_kasi, gelar_belakang="S.Kom.")
    pegawai = buat_pegawai(ins, "Agus Salim", j_pelaksana)
    admin = buat_pegawai(ins, "Rina Wati", j_analis)
    services.peran_grant(pegawai=admin, peran=Peran.ADMIN_BKPSDMD)
    luar = buat_pegawai(ins, "Joko Susilo", j_staf_lain)
    return KotaKecil(
        instansi=ins,
        setda=setda,
        dinas=dinas,
        bidang=bidang,
        seksi=seksi,
        bkpsdmd=bkpsdmd,
        dinas_lain=dinas_lain,
        j_sekda=j_sekda,
        j_kadis=j_kadis,
        j_kabid=j_kabid,
        j_kasi=j_kasi,
        j_pelaksana=j_pelaksana,
        j_kaban=j_kaban,
        j_analis=j_analis,
        j_kadis_lain=j_kadis_lain,
        j_staf_lain=j_staf_lain,
        sekda=sekda,
        pimpinan=pimpinan,
        kabid=kabid,
        atasan=atasan,
        pegawai=pegawai,
        admin=admin,
        luar=Pegawai.objects.get(pk=luar.pk),
    )
