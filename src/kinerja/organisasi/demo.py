"""Demo data: Pemerintah Kota Pangkalpinang with its OPD tree, jabatan and ~6,500 pegawai.

Run by `manage.py seed_demo` (`make run` seeds a smaller city; `make bench` the full one). It is
fast because the whole city is built in memory and written with `bulk_create` — unit paths are
computed here, not by per-row saves — and the password is hashed once for every account.

Every seeded account, the demo personas (DEMO_LOGINS) and the generated pegawai alike, has the
password DEMO_PASSWORD and `harus_ganti_password=False`: this is demo data, never production data.
Names come from Faker (`id_ID`); NIPs are valid but fictional; emails use the domain contoh.go.id.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone
from faker import Faker

from . import services
from .demo_data import (
    ASISTEN_SETDA,
    BOBOT_KECAMATAN,
    GELAR_ADMINISTRATOR,
    GELAR_JPT,
    GELAR_KEPALA_PUSKESMAS,
    GELAR_KEPALA_SEKOLAH,
    GELAR_PELAKSANA,
    GELAR_PENGAWAS,
    GURU_SD,
    GURU_SMP,
    JF,
    KECAMATAN,
    NAKES_PUSKESMAS,
    OPD,
    PELAKSANA,
    PUSKESMAS,
    SD_NEGERI,
    SEKSI_KECAMATAN,
    SMP_NEGERI,
    SUBBAGIAN_SEKRETARIAT,
    Bidang,
    Opd,
    Profil,
)
from .models import (
    GOLONGAN_PNS,
    Eselon,
    Instansi,
    Jabatan,
    JenisJabatan,
    JenisPenugasan,
    JenisUnit,
    Pegawai,
    Penugasan,
    Peran,
    StatusAsn,
    UnitKerja,
)
from .nip import validate_nomor_induk

DEMO_PASSWORD = "Kinerja#2026"  # noqa: S105 - the documented shared password of the demo
DEFAULT_PEGAWAI = 6500
MIN_PEGAWAI = 60
INSTANSI_KODE = "PKP"
EMAIL_DOMAIN = "contoh.go.id"
PERSENTASE_PPPK = 0.20
PERSENTASE_KOSONG = 0.02  # structural jabatan left vacant on purpose (the vacancy rule)
_TAHUN = 2026  # ages are computed against this year, so a seed gives the same city every year
_TERAKHIR = dt.date(2025, 12, 1)  # the latest generated start date: always in the past
_PLT_MULAI = dt.date(2025, 10, 1)
_PERAN_MULAI = dt.date(2025, 1, 2)
_KEPALA = "KEPALA"


class DemoLogin(NamedTuple):
    peran: str
    nip: str
    keterangan: str


@dataclass(frozen=True)
class _Persona:
    kunci: str
    peran: str
    nip: str
    nama: str
    gelar: str  # "depan|belakang"
    golongan: str
    tempat: tuple[str, str]  # (unit kode, jabatan name or _KEPALA)
    mulai: dt.date
    keterangan: str


_PERSONAS = (
    _Persona(
        "pegawai",
        "Pegawai",
        "199501102020121002",
        "Rahmat Hidayat",
        "A.Md.",
        "II/d",
        ("DISDUKCAPIL.B1.1", "Penata Layanan Operasional"),
        dt.date(2022, 3, 1),
        "Pelaksana, Seksi Identitas Penduduk, Disdukcapil",
    ),
    _Persona(
        "atasan",
        "Atasan langsung",
        "198407222009022003",
        "Dewi Kartika Sari",
        "S.Kom.",
        "III/d",
        ("DISDUKCAPIL.B1.1", _KEPALA),
        dt.date(2021, 7, 1),
        "Kepala Seksi Identitas Penduduk, atasan akun Pegawai",
    ),
    _Persona(
        "pimpinan_opd",
        "Pimpinan OPD",
        "197203151998031004",
        "Hendra Saputra",
        "S.Sos., M.Si.",
        "IV/c",
        ("DISDUKCAPIL", _KEPALA),
        dt.date(2022, 1, 3),
        "Kepala Dinas Kependudukan dan Pencatatan Sipil",
    ),
    _Persona(
        "operator_opd",
        "Operator OPD",
        "199208172019032011",
        "Nur Aisyah",
        "S.Kom.",
        "III/b",
        ("DISDUKCAPIL.SEK.1", "Pengolah Data dan Informasi"),
        dt.date(2021, 2, 1),
        "Pelaksana Subbagian Umum dan Kepegawaian, operator Disdukcapil",
    ),
    _Persona(
        "admin_bkpsdmd",
        "Admin BKPSDMD",
        "198811032014022002",
        "Rina Marlina",
        "S.Psi., M.Psi.",
        "III/c",
        ("BKPSDMD.B4.1", "Analis SDM Aparatur Ahli Muda"),
        dt.date(2020, 1, 2),
        "Analis SDM Aparatur, BKPSDMD; admin seluruh kota",
    ),
    _Persona(
        "pimpinan_daerah",
        "Pimpinan daerah",
        "196805121993031005",
        "Syahril Anwar",
        "Drs.|M.Si.",
        "IV/d",
        ("SETDA", _KEPALA),
        dt.date(2021, 3, 1),
        "Sekretaris Daerah; tampilan seluruh kota (baca saja)",
    ),
    _Persona(
        "inspektorat",
        "Inspektorat",
        "198602142010011001",
        "Yusuf Maulana",
        "S.E., Ak.",
        "III/d",
        ("INSPEKTORAT.B1", "Auditor Ahli Muda"),
        dt.date(2019, 10, 1),
        "Auditor, Inspektorat Daerah; audit seluruh kota (baca saja)",
    ),
    _Persona(
        "luar_opd",
        "Pegawai OPD lain",
        "199003252015031002",
        "Fajar Nugroho",
        "",
        "II/c",
        ("DISHUB.B1.1", "Operator Layanan Operasional"),
        dt.date(2018, 4, 2),
        "Pelaksana, Dinas Perhubungan",
    ),
)
_PERAN_PERSONA = {
    "operator_opd": (Peran.OPERATOR_OPD, "DISDUKCAPIL"),
    "admin_bkpsdmd": (Peran.ADMIN_BKPSDMD, None),
    "pimpinan_daerah": (Peran.PIMPINAN_DAERAH, None),
    "inspektorat": (Peran.INSPEKTORAT, None),
}
_OPD_PERSONA = ("DISDUKCAPIL", "BKPSDMD", "INSPEKTORAT", "DISHUB", "SETDA")

DEMO_NIP: dict[str, str] = {p.kunci: p.nip for p in _PERSONAS}
DEMO_LOGINS: list[DemoLogin] = [DemoLogin(p.peran, p.nip, p.keterangan) for p in _PERSONAS]


@dataclass(frozen=True)
class HasilDemo:
    unit: int
    jabatan: int
    pegawai: int
    pppk: int
    kosong: int
    detik: float


# --- the city in memory -----------------------------------------------------------------------


@dataclass(eq=False)
class _Posisi:
    """One jabatan being built; `profil` None means structural (exactly one holder)."""

    jabatan: Jabatan
    opd: str
    level: int
    gelar: tuple[str, ...] = ()
    profil: Profil | None = None


_PROFIL_PELAKSANA = {nama: Profil(nama, "", GELAR_PELAKSANA) for nama in PELAKSANA}
_PROFIL_NAMA = {p.nama_jabatan: p for p in JF.values()} | _PROFIL_PELAKSANA
_ESELON_GELAR: dict[str, tuple[str, ...]] = {
    "II.a": GELAR_JPT,
    "II.b": GELAR_JPT,
    "III.a": GELAR_ADMINISTRATOR,
    "III.b": GELAR_ADMINISTRATOR,
}


class _Kota:
    """The units and jabatan of the city, unsaved, parents always before their children."""

    def __init__(self, instansi: Instansi, rng: random.Random) -> None:
        self.instansi = instansi
        self.rng = rng
        self.units: list[UnitKerja] = []
        self.posisi: list[_Posisi] = []
        self.kepala: dict[str, _Posisi] = {}  # unit kode → head
        self.by_kode: dict[str, UnitKerja] = {}
        self._slot: dict[tuple[str, str], _Posisi] = {}
        self._urutan: dict[str, int] = defaultdict(int)

    def unit(
        self, kode: str, nama: str, jenis: str, parent: UnitKerja | None = None, singkatan: str = ""
    ) -> UnitKerja:
        key = parent.kode if parent else ""
        self._urutan[key] += 1
        unit = UnitKerja(
            instansi=self.instansi,
            kode=kode,
            nama=nama,
            jenis=jenis,
            parent=parent,
            singkatan=singkatan,
            urutan=self._urutan[key],
        )
        self.units.append(unit)
        self.by_kode[kode] = unit
        return unit

    def kepala_unit(
        self,
        unit: UnitKerja,
        nama: str,
        opd: str,
        atasan: _Posisi | None,
        *,
        jenis: str,
        eselon: str = "",
        jenjang: str = "",
        gelar: tuple[str, ...] = (),
    ) -> _Posisi:
        posisi = self._jabatan(unit, _KEPALA, nama, jenis, opd, atasan, eselon, jenjang)
        posisi.jabatan.kepala = True
        posisi.gelar = gelar or _ESELON_GELAR.get(eselon, GELAR_PENGAWAS)
        self.kepala[unit.kode] = posisi
        return posisi

    def struktural(
        self, unit: UnitKerja, nama: str, opd: str, atasan: _Posisi, eselon: str, jenis: str
    ) -> _Posisi:
        """A structural jabatan that does not head its unit (asisten, sekretaris kelurahan)."""
        kode = f"{self._urutan['J' + unit.kode] + 1:02d}"
        posisi = self._jabatan(unit, kode, nama, jenis, opd, atasan, eselon, "")
        posisi.gelar = _ESELON_GELAR.get(eselon, GELAR_PENGAWAS)
        return posisi

    def slot(self, unit_kode: str, nama: str, opd: str = "") -> _Posisi:
        """The staff jabatan `nama` in a unit, created under the unit's head when missing."""
        found = self._slot.get((unit_kode, nama))
        if found is not None:
            return found
        unit = self.by_kode[unit_kode]
        atasan = self.kepala[unit_kode]
        profil = _PROFIL_NAMA[nama]
        kode = f"{self._urutan['J' + unit_kode] + 1:02d}"
        posisi = self._jabatan(
            unit, kode, nama, profil.jenis, opd or atasan.opd, atasan, "", profil.jenjang
        )
        posisi.profil = profil
        self._slot[(unit_kode, nama)] = posisi
        return posisi

    def staf(self, unit: UnitKerja, opd: str, jf: Sequence[str], pelaksana: int = 2) -> None:
        for nama in self.rng.sample(PELAKSANA, pelaksana):
            self.slot(unit.kode, nama, opd)
        for key in jf:
            self.slot(unit.kode, JF[key].nama_jabatan, opd)

    def _jabatan(
        self,
        unit: UnitKerja,
        kode: str,
        nama: str,
        jenis: str,
        opd: str,
        atasan: _Posisi | None,
        eselon: str,
        jenjang: str,
    ) -> _Posisi:
        self._urutan["J" + unit.kode] += 1
        jabatan = Jabatan(
            instansi=self.instansi,
            unit=unit,
            parent=atasan.jabatan if atasan else None,
            kode=f"{unit.kode}/{kode}",
            nama=nama,
            jenis=jenis,
            jenjang=jenjang,
            eselon=eselon,
        )
        posisi = _Posisi(jabatan, opd, atasan.level + 1 if atasan else 0)
        self.posisi.append(posisi)
        return posisi


def _bangun(kota: _Kota, jumlah: int) -> None:
    """Setda first (the Sekda heads every reporting line), then the OPD, then the kecamatan."""
    sekda = _opd(kota, OPD[0], None, jumlah)
    for opd in OPD[1:]:
        _opd(kota, opd, sekda, jumlah)
    for nama, kelurahan in KECAMATAN:
        _kecamatan(kota, nama, kelurahan, sekda)


def _opd(kota: _Kota, opd: Opd, sekda: _Posisi | None, jumlah: int) -> _Posisi:
    root = kota.unit(opd.kode, opd.nama, opd.jenis, singkatan=opd.singkatan)
    kepala = kota.kepala_unit(
        root,
        opd.kepala,
        opd.kode,
        sekda,
        jenis=JenisJabatan.JPT,
        eselon=Eselon.IIA if sekda is None else Eselon.IIB,
        gelar=opd.gelar * 2 + GELAR_JPT,
    )
    if opd.sekretariat:
        _sekretariat(kota, opd, root, kepala)
    atasan = _asisten(kota, root, kepala) if sekda is None else [kepala] * len(opd.bidang)
    for nomor, bidang in enumerate(opd.bidang, start=1):
        _bidang(kota, opd, root, bidang, nomor, atasan[nomor - 1])
    if opd.kode == "DISDIK":
        _sekolah(kota, root, jumlah)
    if opd.kode == "DINKES":
        _puskesmas(kota, root, kepala)
    return kepala


def _sekretariat(kota: _Kota, opd: Opd, root: UnitKerja, kepala: _Posisi) -> None:
    unit = kota.unit(f"{opd.kode}.SEK", "Sekretariat", JenisUnit.SEKRETARIAT, root)
    sekretaris = kota.kepala_unit(
        unit,
        f"Sekretaris {opd.nama}",
        opd.kode,
        kepala,
        jenis=JenisJabatan.ADMINISTRATOR,
        eselon=Eselon.IIIA,
        gelar=opd.gelar + GELAR_ADMINISTRATOR,
    )
    for nomor, (nama, jf) in enumerate(SUBBAGIAN_SEKRETARIAT, start=1):
        sub = kota.unit(f"{unit.kode}.{nomor}", nama, JenisUnit.SUBBAGIAN, unit)
        kota.kepala_unit(
            sub, f"Kepala {nama}", opd.kode, sekretaris, jenis=JenisJabatan.PENGAWAS, eselon="IV.a"
        )
        kota.staf(sub, opd.kode, jf)


def _asisten(kota: _Kota, root: UnitKerja, sekda: _Posisi) -> list[_Posisi]:
    """The Setda's asisten (JPT II.b) stand between the Sekda and the bagian."""
    atasan: dict[int, _Posisi] = {}
    for nama, bagian in ASISTEN_SETDA:
        asisten = kota.struktural(root, nama, root.kode, sekda, Eselon.IIB, JenisJabatan.JPT)
        atasan.update(dict.fromkeys(bagian, asisten))
    return [atasan[i] for i in sorted(atasan)]


def _bidang(
    kota: _Kota, opd: Opd, root: UnitKerja, bidang: Bidang, nomor: int, atasan: _Posisi
) -> None:
    unit = kota.unit(f"{opd.kode}.B{nomor}", bidang.nama, bidang.jenis, root)
    setda = opd.kode == "SETDA"
    kepala = kota.kepala_unit(
        unit,
        bidang.kepala or f"Kepala {bidang.nama}",
        opd.kode,
        atasan,
        jenis=JenisJabatan.ADMINISTRATOR,
        eselon=Eselon.IIIA if setda else Eselon.IIIB,
        gelar=opd.gelar + GELAR_ADMINISTRATOR,
    )
    jf = bidang.jf or opd.jf
    if not bidang.anak:
        kota.staf(unit, opd.kode, jf)
        return
    anak_jenis = JenisUnit.SUBBAGIAN if bidang.jenis == JenisUnit.BAGIAN else JenisUnit.SEKSI
    for n, nama in enumerate(bidang.anak, start=1):
        anak = kota.unit(f"{unit.kode}.{n}", nama, anak_jenis, unit)
        kota.kepala_unit(
            anak, f"Kepala {nama}", opd.kode, kepala, jenis=JenisJabatan.PENGAWAS, eselon="IV.a"
        )
        sample = bidang.jf or kota.rng.sample(jf, min(2, len(jf)))
        kota.staf(anak, opd.kode, sample)


def _sekolah(kota: _Kota, root: UnitKerja, jumlah: int) -> None:
    """SD and SMP negeri; fewer schools in a smaller demo city so each still has teachers."""
    skala = jumlah / DEFAULT_PEGAWAI
    jenjang = (
        ("SD", max(2, min(SD_NEGERI, round(SD_NEGERI * skala))), "DISDIK.B2", GURU_SD),
        ("SMP", max(1, min(SMP_NEGERI, round(SMP_NEGERI * skala))), "DISDIK.B3", GURU_SMP),
    )
    for tingkat, banyak, pembina, guru in jenjang:
        for n in range(1, banyak + 1):
            nama = f"{tingkat} Negeri {n} Pangkalpinang"
            unit = kota.unit(f"DISDIK.{tingkat}N{n:02d}", nama, JenisUnit.SEKOLAH, root)
            kota.kepala_unit(
                unit,
                f"Kepala {nama}",
                "DISDIK",
                kota.kepala[pembina],
                jenis=JenisJabatan.FUNGSIONAL,
                jenjang="ahli_madya",
                gelar=GELAR_KEPALA_SEKOLAH,
            )
            kota.staf(unit, "DISDIK", guru, pelaksana=1)


def _puskesmas(kota: _Kota, root: UnitKerja, kadis: _Posisi) -> None:
    for n, nama in enumerate(PUSKESMAS, start=1):
        unit = kota.unit(f"DINKES.PKM{n:02d}", f"UPTD Puskesmas {nama}", JenisUnit.PUSKESMAS, root)
        kota.kepala_unit(
            unit,
            f"Kepala UPTD Puskesmas {nama}",
            "DINKES",
            kadis,
            jenis=JenisJabatan.PENGAWAS,
            eselon="IV.a",
            gelar=GELAR_KEPALA_PUSKESMAS,
        )
        kota.staf(unit, "DINKES", NAKES_PUSKESMAS, pelaksana=1)


def _slug(nama: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", nama.upper()).strip("_")


def _kecamatan(kota: _Kota, nama: str, kelurahan: Sequence[str], sekda: _Posisi) -> None:
    kode = f"KEC.{_slug(nama)}"
    root = kota.unit(kode, f"Kecamatan {nama}", JenisUnit.KECAMATAN, singkatan=f"Kec. {nama}")
    camat = kota.kepala_unit(
        root, f"Camat {nama}", kode, sekda, jenis=JenisJabatan.ADMINISTRATOR, eselon="III.a"
    )
    sek = kota.unit(f"{kode}.SEK", "Sekretariat Kecamatan", JenisUnit.SEKRETARIAT, root)
    kota.kepala_unit(
        sek,
        f"Sekretaris Kecamatan {nama}",
        kode,
        camat,
        jenis=JenisJabatan.ADMINISTRATOR,
        eselon="III.b",
    )
    kota.staf(sek, kode, ("arsiparis_t",))
    for n, seksi in enumerate(SEKSI_KECAMATAN, start=1):
        unit = kota.unit(f"{kode}.{n}", seksi, JenisUnit.SEKSI, root)
        kota.kepala_unit(
            unit, f"Kepala {seksi}", kode, camat, jenis=JenisJabatan.PENGAWAS, eselon="IV.a"
        )
        kota.staf(unit, kode, ("penggerak_swadaya_1",) if "Pemberdayaan" in seksi else ())
    for kel in kelurahan:
        unit = kota.unit(f"KEL.{_slug(kel)}", f"Kelurahan {kel}", JenisUnit.KELURAHAN, root)
        lurah = kota.kepala_unit(
            unit, f"Lurah {kel}", kode, camat, jenis=JenisJabatan.PENGAWAS, eselon="IV.a"
        )
        kota.struktural(
            unit, f"Sekretaris Kelurahan {kel}", kode, lurah, "IV.b", JenisJabatan.PENGAWAS
        )
        kota.staf(unit, kode, ())


# --- who holds what -------------------------------------------------------------------------


@dataclass
class _Rencana:
    persona: dict[str, _Posisi]
    struktural: list[_Posisi]  # filled, one holder each
    staf: list[_Posisi]  # one entry per pegawai
    pppk: set[int]  # indexes into `staf`
    kosong: int
    plt: _Posisi
    plt_oleh: _Posisi


def _bagi(total: int, bobot: Sequence[float]) -> list[int]:
    """Split `total` proportionally to `bobot` (largest remainder), deterministically."""
    jumlah = sum(bobot)
    if total <= 0 or jumlah <= 0:
        return [0] * len(bobot)
    exact = [total * b / jumlah for b in bobot]
    hasil = [int(x) for x in exact]
    urut = sorted(range(len(bobot)), key=lambda i: (hasil[i] - exact[i], i))
    for i in urut[: total - sum(hasil)]:
        hasil[i] += 1
    return hasil


def _rencana(kota: _Kota, jumlah: int) -> _Rencana:
    persona = {
        p.kunci: (kota.kepala[p.tempat[0]] if p.tempat[1] == _KEPALA else kota.slot(*p.tempat))
        for p in _PERSONAS
    }
    plt, plt_oleh = kota.kepala["DISDUKCAPIL.B2"], kota.kepala["DISDUKCAPIL.SEK"]
    dipakai = {id(p) for p in persona.values()} | {id(plt)}
    struktural = [p for p in kota.posisi if p.profil is None and id(p) not in dipakai]
    calon_kosong = [p for p in struktural if p.level >= 2 and p.opd not in _OPD_PERSONA]
    kosong = {
        id(p) for p in kota.rng.sample(calon_kosong, round(PERSENTASE_KOSONG * len(struktural)))
    }
    isi = sorted(
        (p for p in struktural if id(p) not in kosong),
        key=lambda p: (p.level, p.opd != "DISDUKCAPIL"),
    )
    sisa = jumlah - len(_PERSONAS)
    isi = isi[: min(len(isi), int(sisa * 0.6))]
    staf = _sebar_staf(kota, sisa - len(isi))
    pppk = _pilih_pppk(kota.rng, staf, round(PERSENTASE_PPPK * jumlah))
    kosong_total = len(struktural) + 1 - len(isi)  # +1: the Plt's jabatan has no definitive holder
    return _Rencana(persona, isi, staf, pppk, kosong_total, plt, plt_oleh)


def _sebar_staf(kota: _Kota, total: int) -> list[_Posisi]:
    """Spread the non-structural pegawai over OPD by weight, then over their staff jabatan."""
    bobot_opd = {opd.kode: opd.bobot for opd in OPD}
    slots: dict[str, list[_Posisi]] = defaultdict(list)
    for posisi in kota.posisi:
        if posisi.profil is not None:
            slots[posisi.opd].append(posisi)
    kode = list(slots)
    per_opd = _bagi(total, [bobot_opd.get(k, BOBOT_KECAMATAN) for k in kode])
    staf: list[_Posisi] = []
    for k, banyak in zip(kode, per_opd, strict=True):
        daftar = slots[k]
        per_slot = _bagi(banyak, [p.profil.bobot if p.profil else 0.0 for p in daftar])
        for posisi, n in zip(daftar, per_slot, strict=True):
            staf.extend([posisi] * n)
    return staf


def _pilih_pppk(rng: random.Random, staf: list[_Posisi], banyak: int) -> set[int]:
    """Weighted sample without replacement (Efraimidis–Spirakis) by each profile's PPPK share."""
    kunci = []
    for i, posisi in enumerate(staf):
        bobot = posisi.profil.pppk if posisi.profil else 0.0
        kunci.append((rng.random() ** (1 / bobot) if bobot > 0 else -1.0, i))
    kunci.sort(reverse=True)
    return {i for k, i in kunci[: min(banyak, len(staf))] if k >= 0}


# --- people ------------------------------------------------------------------------------------

_GOLONGAN = list(GOLONGAN_PNS)
_GOL_ESELON = {
    "II.a": (14, 15),
    "II.b": (13, 14),
    "III.a": (12, 13),
    "III.b": (11, 12),
    "IV.a": (9, 11),
    "IV.b": (8, 10),
}
_GOL_JENJANG = {
    "pemula": (4, 5),
    "terampil": (6, 7),
    "mahir": (8, 9),
    "penyelia": (10, 11),
    "ahli_pertama": (8, 9),
    "ahli_muda": (10, 11),
    "ahli_madya": (12, 14),
    "ahli_utama": (15, 16),
}
_GOL_PELAKSANA = {"SMA": (4, 7), "D3": (6, 8), "S1": (8, 10), "S2": (9, 10)}
_GOL_MASUK = {"SMA": 4, "D3": 6, "S1": 8, "S2": 9}
_UMUR_CPNS = {"SMA": (19, 26), "D3": (21, 28), "S1": (23, 31), "S2": (25, 33)}
_PPPK_JENJANG = {
    "pemula": "V",
    "terampil": "VII",
    "mahir": "VIII",
    "penyelia": "IX",
    "ahli_pertama": "IX",
    "ahli_muda": "XI",
    "ahli_madya": "XIII",
}
_PPPK_PENDIDIKAN = {"SMA": "V", "D3": "VII", "S1": "IX", "S2": "X"}
_PREFIKS_HP = ("11", "12", "13", "21", "22", "23", "52", "53", "77", "78", "19", "59", "81", "95")


def _pendidikan(depan: str, belakang: str) -> str:
    if not depan and not belakang:
        return "SMA"
    if belakang.startswith("A.Md"):
        return "D3"
    if depan or re.search(r"(^|[ ,])(M\.|Sp\.)|Ners", belakang):
        return "S2"  # master's degree, or a profession (dr., apt., Ners)
    return "S1"


def _bulan_acak(rng: random.Random, awal: dt.date, akhir: dt.date) -> dt.date:
    """The first day of a random month between two dates (inclusive)."""
    a = awal.year * 12 + awal.month - 1
    b = max(a, akhir.year * 12 + akhir.month - 1)
    n = rng.randint(a, b)
    return dt.date(n // 12, n % 12 + 1, 1)


class _Pembuat:
    """Generates consistent people: name, gender, gelar, NIP, golongan and start date agree."""

    def __init__(self, instansi: Instansi, rng: random.Random, fake: Faker, hash_: str) -> None:
        self.instansi = instansi
        self.rng = rng
        self.fake = fake
        self.hash = hash_
        self.nip_terpakai = {p.nip for p in _PERSONAS}
        self.urut: dict[str, int] = {}
        self.email: dict[str, int] = defaultdict(int)
        self.sekarang = timezone.now()

    def persona(self, p: _Persona) -> Pegawai:
        depan, _, belakang = p.gelar.rpartition("|")
        status = StatusAsn.PNS
        validate_nomor_induk(p.nip, status_asn=status)
        return self._pegawai(p.nip, p.nama, status, depan, belakang, p.golongan)

    def orang(self, posisi: _Posisi, pppk: bool) -> tuple[Pegawai, dt.date]:
        """A holder for `posisi`, and the start date of the assignment."""
        perempuan = self._perempuan(posisi.jabatan.nama)
        depan, belakang = self._gelar(posisi, perempuan)
        pendidikan = _pendidikan(depan, belakang)
        jk = "2" if perempuan else "1"
        if pppk:
            nip, golongan, mulai = self._pppk(posisi, pendidikan, jk)
        else:
            nip, golongan, mulai = self._pns(posisi, pendidikan, jk)
        status = StatusAsn.PPPK if pppk else StatusAsn.PNS
        validate_nomor_induk(nip, status_asn=status)
        nama = self._nama(perempuan)
        return self._pegawai(nip, nama, status, depan, belakang, golongan), mulai

    def _pegawai(
        self, nip: str, nama: str, status: str, depan: str, belakang: str, golongan: str
    ) -> Pegawai:
        return Pegawai(
            instansi=self.instansi,
            nip=nip,
            nama=nama,
            status_asn=status,
            gelar_depan=depan,
            gelar_belakang=belakang,
            golongan=golongan,
            email=self._email(nama),
            telepon=self._telepon(),
            password=self.hash,
            harus_ganti_password=False,
            dibuat_pada=self.sekarang,
        )

    def _perempuan(self, jabatan: str) -> bool:
        if jabatan.startswith("Bidan"):
            return True
        share = 0.65 if jabatan.startswith(("Guru", "Perawat", "Nutrisionis")) else 0.45
        return self.rng.random() < share

    def _gelar(self, posisi: _Posisi, perempuan: bool) -> tuple[str, str]:
        pilihan = posisi.profil.gelar if posisi.profil else posisi.gelar
        depan, _, belakang = self.rng.choice(pilihan).rpartition("|")
        if perempuan and depan == "Drs.":
            depan = "Dra."
        return depan, belakang

    def _nama(self, perempuan: bool) -> str:
        f, r = self.fake, self.rng.random()
        if perempuan:
            nama = f"{f.first_name_female()} {f.last_name_female()}"
            return f"{'Siti' if r < 0.06 else 'Nur'} {nama}" if r < 0.1 else nama
        nama = f"{f.first_name_male()} {f.last_name_male()}"
        return f"Muhammad {nama}" if r < 0.08 else nama

    def _email(self, nama: str) -> str:
        kata = re.sub(r"[^a-z ]", "", nama.lower()).split()
        lokal = f"{kata[0]}.{kata[-1]}" if len(kata) > 1 else kata[0]
        self.email[lokal] += 1
        n = self.email[lokal]
        return f"{lokal}{n if n > 1 else ''}@{EMAIL_DOMAIN}"

    def _telepon(self) -> str:
        r = self.rng
        return f"08{r.choice(_PREFIKS_HP)}-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}"

    def _nomor(self, awalan: str) -> str:
        urut = self.urut.get(awalan, self.rng.randint(1, 4))
        while f"{awalan}{urut:03d}" in self.nip_terpakai:
            urut += 1
        self.urut[awalan] = urut + 1
        nip = f"{awalan}{urut:03d}"
        self.nip_terpakai.add(nip)
        return nip

    def _lahir(self, tahun: int) -> dt.date:
        return dt.date(tahun, 1, 1) + dt.timedelta(days=self.rng.randint(0, 364))

    def _pns(self, posisi: _Posisi, pendidikan: str, jk: str) -> tuple[str, str, dt.date]:
        """NIP digits agree with the person: birth date, CPNS start, gender; golongan with both."""
        r, jabatan = self.rng, posisi.jabatan
        if jabatan.eselon:
            rentang = _GOL_ESELON[jabatan.eselon]
        elif jabatan.jenjang:
            rentang = _GOL_JENJANG[jabatan.jenjang]
        else:
            rentang = _GOL_PELAKSANA[pendidikan]
        gol = r.randint(*rentang)
        masuk = min(_GOL_MASUK[pendidikan], gol)
        tmt_tahun = max(1988, _TERAKHIR.year - (gol - masuk) * 4 - r.randint(1, 4))
        lahir_tahun = max(tmt_tahun - r.randint(*_UMUR_CPNS[pendidikan]), _TAHUN - 57)
        tmt_tahun = max(tmt_tahun, lahir_tahun + 18)
        tmt = dt.date(tmt_tahun, r.choice((1, 2, 3, 3, 4, 10, 12, 12)), 1)
        nip = self._nomor(f"{self._lahir(lahir_tahun):%Y%m%d}{tmt:%Y%m}{jk}")
        awal = max(dt.date(tmt.year + 1, tmt.month, 1), dt.date(2016, 1, 1))
        if posisi.profil is None:
            awal = max(awal, dt.date(2019, 1, 1))
        return nip, _GOLONGAN[gol], _bulan_acak(r, min(awal, _TERAKHIR), _TERAKHIR)

    def _pppk(self, posisi: _Posisi, pendidikan: str, jk: str) -> tuple[str, str, dt.date]:
        """NI PPPK (layout unconfirmed): birth date, appointment year, 21, gender, sequence."""
        r = self.rng
        tahun = r.choice((2021, 2022, 2022, 2023, 2024, 2024, 2025))
        lahir = self._lahir(tahun - r.randint(24, 48))
        nip = self._nomor(f"{lahir:%Y%m%d}{tahun}21{jk}")
        jenjang = posisi.jabatan.jenjang
        golongan = _PPPK_JENJANG.get(jenjang) or _PPPK_PENDIDIKAN[pendidikan]
        return nip, golongan, _bulan_acak(r, dt.date(tahun, 1, 1), dt.date(tahun, 12, 1))


# --- writing -----------------------------------------------------------------------------------

_BATCH = 1000
_ALASAN = "seed_demo"


def _riwayat(model: type[models.Model], objs: Sequence[models.Model], waktu: dt.datetime) -> None:
    model.history.bulk_history_create(  # type: ignore[attr-defined]
        objs, batch_size=_BATCH, default_change_reason=_ALASAN, default_date=waktu
    )


def _simpan_struktur(kota: _Kota, waktu: dt.datetime) -> None:
    """Insert level by level (a child needs its parent's id), then set every path in memory."""
    depth: dict[str, int] = {}
    per_level: dict[int, list[UnitKerja]] = defaultdict(list)
    for unit in kota.units:
        depth[unit.kode] = depth[unit.parent.kode] + 1 if unit.parent else 0
        per_level[depth[unit.kode]].append(unit)
    for level in sorted(per_level):
        UnitKerja.objects.bulk_create(per_level[level], batch_size=_BATCH)
    for unit in kota.units:
        unit.path, unit.depth, unit.opd_id = services.unit_path(unit, unit.parent)
    UnitKerja.objects.bulk_update(kota.units, ["path", "depth", "opd"], batch_size=_BATCH)
    _riwayat(UnitKerja, kota.units, waktu)
    jabatan_level: dict[int, list[Jabatan]] = defaultdict(list)
    for posisi in kota.posisi:
        jabatan_level[posisi.level].append(posisi.jabatan)
    for level in sorted(jabatan_level):
        Jabatan.objects.bulk_create(jabatan_level[level], batch_size=_BATCH)
    _riwayat(Jabatan, [p.jabatan for p in kota.posisi], waktu)


def _simpan_pegawai(pembuat: _Pembuat, rencana: _Rencana, waktu: dt.datetime) -> dict[str, Pegawai]:
    """Create every pegawai and their one definitive assignment; returns the personas by key."""
    orang: list[Pegawai] = []
    tugas: list[tuple[Pegawai, _Posisi, dt.date]] = []
    persona: dict[str, Pegawai] = {}
    for p in _PERSONAS:
        pegawai = pembuat.persona(p)
        persona[p.kunci] = pegawai
        orang.append(pegawai)
        tugas.append((pegawai, rencana.persona[p.kunci], p.mulai))
    for i, posisi in enumerate([*rencana.struktural, *rencana.staf]):
        pppk = i - len(rencana.struktural) in rencana.pppk
        pegawai, mulai = pembuat.orang(posisi, pppk)
        orang.append(pegawai)
        tugas.append((pegawai, posisi, mulai))
    Pegawai.objects.bulk_create(orang, batch_size=_BATCH)
    _riwayat(Pegawai, orang, waktu)
    penugasan = [
        Penugasan(pegawai=p, jabatan=pos.jabatan, unit=pos.jabatan.unit, mulai=mulai)
        for p, pos, mulai in tugas
    ]
    pemegang = {id(pos): p for p, pos, _ in tugas if pos.profil is None}
    plt_oleh = pemegang.get(id(rencana.plt_oleh), persona["pimpinan_opd"])
    penugasan.append(
        Penugasan(
            pegawai=plt_oleh,
            jabatan=rencana.plt.jabatan,
            unit=rencana.plt.jabatan.unit,
            jenis=JenisPenugasan.PLT,
            mulai=_PLT_MULAI,
            keterangan=f"Plt. {rencana.plt.jabatan.nama}",
        )
    )
    Penugasan.objects.bulk_create(penugasan, batch_size=_BATCH)
    _riwayat(Penugasan, penugasan, waktu)
    return persona


def _beri_peran(persona: dict[str, Pegawai], kota: _Kota) -> None:
    for kunci, (peran, unit_kode) in _PERAN_PERSONA.items():
        unit = kota.by_kode[unit_kode] if unit_kode else None
        services.peran_grant(pegawai=persona[kunci], peran=peran, unit=unit, mulai=_PERAN_MULAI)


@transaction.atomic
def demo_seed(*, pegawai: int = DEFAULT_PEGAWAI, seed: int = 2026) -> HasilDemo:
    """Build the demo city with exactly `pegawai` pegawai; the same seed gives the same city."""
    if pegawai < MIN_PEGAWAI:
        raise ValueError(f"pegawai must be at least {MIN_PEGAWAI}")
    mulai = time.perf_counter()
    rng = random.Random(seed)
    fake = Faker("id_ID")
    fake.seed_instance(seed)
    instansi = Instansi.objects.create(
        kode=INSTANSI_KODE, nama="Pemerintah Kota Pangkalpinang", kota="Pangkalpinang"
    )
    kota = _Kota(instansi, rng)
    _bangun(kota, pegawai)
    rencana = _rencana(kota, pegawai)
    waktu = timezone.now()
    _simpan_struktur(kota, waktu)
    pembuat = _Pembuat(instansi, rng, fake, make_password(DEMO_PASSWORD))
    persona = _simpan_pegawai(pembuat, rencana, waktu)
    _beri_peran(persona, kota)
    return HasilDemo(
        unit=len(kota.units),
        jabatan=len(kota.posisi),
        pegawai=pegawai,
        pppk=len(rencana.pppk),
        kosong=rencana.kosong,
        detik=time.perf_counter() - mulai,
    )
