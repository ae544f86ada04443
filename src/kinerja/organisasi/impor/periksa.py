"""Dry run: check every row against the file and the database, and plan the writes.

Reads the instansi's units and jabatan in one query each, and the file's pegawai (with their
open definitive assignments) in chunks of NIPs: the query count does not grow per row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import hierarki
from ..models import (
    Instansi,
    Jabatan,
    JenisJabatan,
    JenisPenugasan,
    Pegawai,
    Penugasan,
    StatusAsn,
    UnitKerja,
)
from ..nip import parse_nip, validate_nomor_induk
from .baca import Baris, DataImpor, Lembar
from .kolom import (
    JENIS_DATA,
    KOLOM,
    PILIHAN_BOOL,
    PILIHAN_JENIS_JABATAN,
    PILIHAN_JENIS_UNIT,
    PILIHAN_JENJANG,
    PILIHAN_STATUS_ASN,
    golongan_sah,
    kunci,
    normal_eselon,
    normal_golongan,
    parse_tanggal,
)
from .laporan import LaporanImpor

UKURAN_POTONGAN = 2000  # NIPs per IN (...) query
_KOLOM_PEGAWAI = {"is_active": "aktif"}


@dataclass
class UnitRencana:
    baris: int
    kode: str
    nama: str
    jenis: str
    induk: str | None
    induk_diisi: bool  # column present: its value (even empty) is the parent
    singkatan: str | None  # None: keep
    ditutup_pada: dt.date | None  # None: keep
    lama: UnitKerja | None = None
    ubah: list[str] = field(default_factory=list)


@dataclass
class JabatanRencana:
    baris: int
    kode: str
    nama: str
    jenis: str
    jenjang: str
    eselon: str | None  # None: keep
    unit: str
    atasan: str | None
    atasan_diisi: bool
    kepala: bool | None  # None: keep
    ditutup_pada: dt.date | None
    lama: Jabatan | None = None
    ubah: list[str] = field(default_factory=list)


@dataclass
class PegawaiRencana:
    baris: int
    nip: str
    nilai: dict[str, Any]  # model field → value from the file (only the fields it sets)
    jabatan: str | None
    tmt: dt.date
    lama: Pegawai | None = None
    ubah: list[str] = field(default_factory=list)
    mutasi: bool = False
    tutup: list[Penugasan] = field(default_factory=list)  # open assignments to close


@dataclass
class Rencana:
    unit_db: dict[str, UnitKerja]
    jabatan_db: dict[str, Jabatan]
    unit: list[UnitRencana] = field(default_factory=list)
    jabatan: list[JabatanRencana] = field(default_factory=list)
    pegawai: list[PegawaiRencana] = field(default_factory=list)


def rencanakan(data: DataImpor, instansi: Instansi) -> tuple[LaporanImpor, Rencana]:
    return _Pemeriksa(data, instansi).jalankan()


def impor_periksa(*, data: DataImpor, instansi: Instansi) -> LaporanImpor:
    """Dry run: every problem by row and column, and what would change. Writes nothing."""
    laporan, _rencana = rencanakan(data, instansi)
    return laporan


def _teks(nilai: Any) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "Y" if nilai else "N"
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    if isinstance(nilai, dt.datetime):
        return nilai.date().isoformat()
    if isinstance(nilai, dt.date):
        return nilai.isoformat()
    return str(nilai).strip()


class _Sel:
    """Typed access to one row's cells; each problem is reported against row and column."""

    def __init__(self, laporan: LaporanImpor, lembar: Lembar, baris: Baris) -> None:
        self.laporan, self.lembar, self.baris = laporan, lembar, baris
        self.ok = True

    def galat(self, kolom: str, pesan: str) -> None:
        self.ok = False
        self.laporan.tambah_galat(
            self.lembar.jenis, self.baris.nomor, self.lembar.label(kolom), pesan
        )

    def peringatan(self, kolom: str, pesan: str) -> None:
        self.laporan.tambah_peringatan(
            self.lembar.jenis, self.baris.nomor, self.lembar.label(kolom), pesan
        )

    def ada(self, kolom: str) -> bool:
        return kolom in self.lembar.header

    def mentah(self, kolom: str) -> Any:
        return self.baris.nilai.get(kolom)

    def teks(self, kolom: str, *, wajib: bool = False, maks: int | None = None) -> str:
        teks = _teks(self.mentah(kolom))
        if not teks:
            if wajib:
                self.galat(kolom, _("Kolom %(k)s wajib diisi.") % {"k": self.lembar.label(kolom)})
            return ""
        if maks is not None and len(teks) > maks:
            self.galat(
                kolom,
                _("Isi terlalu panjang: %(n)d karakter, maksimal %(m)d.")
                % {"n": len(teks), "m": maks},
            )
        return teks

    def pilihan(self, kolom: str, peta: dict[str, Any], *, wajib: bool = False) -> str:
        teks = self.teks(kolom, wajib=wajib)
        if not teks:
            return ""
        nilai = peta.get(kunci(teks))
        if nilai is None:
            self.galat(
                kolom,
                _("Nilai “%(v)s” tidak dikenal. Pilihan: %(p)s.")
                % {"v": teks, "p": ", ".join(dict.fromkeys(str(v) for v in peta.values()))},
            )
            return ""
        return str(nilai)

    def tanggal(self, kolom: str) -> dt.date | None:
        nilai = self.mentah(kolom)
        if nilai is None or nilai == "":
            return None
        try:
            return parse_tanggal(nilai)
        except (ValueError, OverflowError):
            self.galat(
                kolom,
                _("Tanggal “%(v)s” tidak dikenali. Gunakan YYYY-MM-DD atau DD-MM-YYYY.")
                % {"v": _teks(nilai)},
            )
            return None

    def ya_tidak(self, kolom: str) -> bool | None:
        nilai = self.mentah(kolom)
        if isinstance(nilai, bool):
            return nilai
        teks = _teks(nilai)
        if not teks:
            return None
        if kunci(teks) not in PILIHAN_BOOL:
            self.galat(kolom, _("Nilai “%(v)s” tidak dikenal. Isi Y atau N.") % {"v": teks})
            return None
        return PILIHAN_BOOL[kunci(teks)]


class _Pemeriksa:
    def __init__(self, data: DataImpor, instansi: Instansi) -> None:
        self.data, self.instansi = data, instansi
        self.laporan = LaporanImpor(
            peringatan=list(data.peringatan), jumlah_baris=data.jumlah_baris
        )
        self.hari_ini = timezone.localdate()
        self.rencana = Rencana(
            unit_db={u.kode: u for u in UnitKerja.objects.filter(instansi=instansi)},
            jabatan_db={j.kode: j for j in Jabatan.objects.filter(instansi=instansi)},
        )
        self.unit_kode_by_id = {u.pk: k for k, u in self.rencana.unit_db.items()}
        self.jabatan_kode_by_id = {j.pk: k for k, j in self.rencana.jabatan_db.items()}
        self.jabatan_ditutup: dict[str, dt.date | None] = {}

    def jalankan(self) -> tuple[LaporanImpor, Rencana]:
        if not self.data.jumlah_baris:
            sheet = next(iter(self.data.lembar), "-")
            self.laporan.tambah_galat(sheet, 2, "-", _("Berkas tidak berisi baris data."))
        for jenis in JENIS_DATA:
            lembar = self.data.lembar.get(jenis)
            if lembar is not None:
                self._kolom_wajib(lembar)
        self._periksa_unit()
        self._periksa_jabatan()
        self._periksa_pegawai()
        self.laporan.urutkan()
        return self.laporan, self.rencana

    def _kolom_wajib(self, lembar: Lembar) -> None:
        for kolom in KOLOM[lembar.jenis]:
            if kolom.wajib and kolom.nama not in lembar.header:
                self.laporan.tambah_galat(
                    lembar.jenis,
                    1,
                    kolom.nama,
                    _("Kolom wajib “%(k)s” tidak ada di baris judul.") % {"k": kolom.nama},
                )

    def _sel_sel(self, jenis: str) -> list[_Sel]:
        lembar = self.data.lembar.get(jenis)
        return [_Sel(self.laporan, lembar, b) for b in lembar.baris] if lembar else []

    def _duplikat(self, sel: _Sel, kolom: str, kode: str, pertama: dict[str, int]) -> bool:
        if kode in pertama:
            sel.galat(
                kolom,
                _("“%(k)s” muncul lebih dari sekali di berkas (pertama di baris %(n)d).")
                % {"k": kode, "n": pertama[kode]},
            )
            return True
        pertama[kode] = sel.baris.nomor
        return False

    def _dikenal(self, kode: str, di_berkas: Collection[str], jenis: str) -> bool:
        di_db = self.rencana.unit_db if jenis == "unit" else self.rencana.jabatan_db
        return kode in di_berkas or kode in di_db

    def _siklus(
        self, parent_of: dict[str, str | None], baris_of: dict[str, int], jenis: str, kolom: str
    ) -> None:
        """Report every cycle that involves a row of the file, at each such row."""
        parent_of = dict(parent_of)
        lembar = self.data.lembar[jenis]
        while siklus := hierarki.cari_siklus(parent_of):
            pesan = (
                _("Unit induk membentuk siklus: %(s)s.")
                if jenis == "unit"
                else _("Garis atasan membentuk siklus: %(s)s.")
            ) % {"s": " → ".join(siklus)}
            for kode in siklus[:-1]:
                if kode in baris_of:
                    self.laporan.tambah_galat(jenis, baris_of[kode], lembar.label(kolom), pesan)
                parent_of[kode] = None

    # --- unit ---------------------------------------------------------------------------------

    def _periksa_unit(self) -> None:
        pertama: dict[str, int] = {}
        for sel in self._sel_sel("unit"):
            kode = sel.teks("kode_unit", wajib=True, maks=40)
            rencana = UnitRencana(
                baris=sel.baris.nomor,
                kode=kode,
                nama=sel.teks("nama_unit", wajib=True, maks=200),
                jenis=sel.pilihan("jenis_unit", PILIHAN_JENIS_UNIT, wajib=True),
                induk=sel.teks("kode_unit_induk", maks=40) or None,
                induk_diisi=sel.ada("kode_unit_induk"),
                singkatan=sel.teks("singkatan", maks=40) or None,
                ditutup_pada=sel.tanggal("ditutup_pada"),
            )
            if kode and not self._duplikat(sel, "kode_unit", kode, pertama):
                self.rencana.unit.append(rencana)
        for r in self.rencana.unit:
            if r.induk and r.induk not in pertama and r.induk not in self.rencana.unit_db:
                self.laporan.tambah_galat(
                    "unit",
                    r.baris,
                    self.data.lembar["unit"].label("kode_unit_induk"),
                    self._pesan_unit_tak_dikenal(r.induk),
                )
        if self.rencana.unit:
            self._siklus_unit()
        for rencana in self.rencana.unit:
            self._banding_unit(rencana)

    def _pesan_unit_tak_dikenal(self, kode: str) -> str:
        return _("Unit dengan kode “%(k)s” tidak ada di berkas maupun di data instansi.") % {
            "k": kode
        }

    def _siklus_unit(self) -> None:
        parent_of = {
            k: self.unit_kode_by_id.get(u.parent_id) if u.parent_id else None
            for k, u in self.rencana.unit_db.items()
        }
        for r in self.rencana.unit:
            parent_of[r.kode] = r.induk if r.induk_diisi else parent_of.get(r.kode)
        baris_of = {r.kode: r.baris for r in self.rencana.unit}
        self._siklus(parent_of, baris_of, "unit", "kode_unit_induk")

    def _banding_unit(self, r: UnitRencana) -> None:
        lama = self.rencana.unit_db.get(r.kode)
        ringkasan = self.laporan.ringkasan["unit"]
        if lama is None:
            ringkasan.baru += 1
            return
        r.lama = lama
        induk_lama = self.unit_kode_by_id.get(lama.parent_id) if lama.parent_id else None
        beda = [
            ("nama", "nama_unit", lama.nama, r.nama),
            ("jenis", "jenis_unit", lama.jenis, r.jenis),
            ("parent", "kode_unit_induk", induk_lama, r.induk if r.induk_diisi else induk_lama),
            ("singkatan", "singkatan", lama.singkatan, _atau(r.singkatan, lama.singkatan)),
            (
                "ditutup_pada",
                "ditutup_pada",
                lama.ditutup_pada,
                _atau(r.ditutup_pada, lama.ditutup_pada),
            ),
        ]
        r.ubah = self._catat("unit", r.kode, beda)

    def _catat(self, jenis: str, kunci_: str, beda: list[tuple[str, str, Any, Any]]) -> list[str]:
        ubah = []
        for field_name, kolom, lama, baru in beda:
            if lama != baru:
                ubah.append(field_name)
                self.laporan.catat_perubahan(jenis, kunci_, kolom, lama, baru)
        ringkasan = self.laporan.ringkasan[jenis]
        if ubah:
            ringkasan.diubah += 1
        else:
            ringkasan.tetap += 1
        return ubah

    # --- jabatan ------------------------------------------------------------------------------

    def _periksa_jabatan(self) -> None:
        pertama: dict[str, int] = {}
        kode_unit_file = {r.kode for r in self.rencana.unit}
        for sel in self._sel_sel("jabatan"):
            kode = sel.teks("kode_jabatan", wajib=True, maks=40)
            rencana = self._baca_jabatan(sel, kode)
            if rencana.unit and not self._dikenal(rencana.unit, kode_unit_file, "unit"):
                sel.galat("kode_unit", self._pesan_unit_tak_dikenal(rencana.unit))
            if kode and not self._duplikat(sel, "kode_jabatan", kode, pertama):
                self.rencana.jabatan.append(rencana)
        kode_file = {r.kode for r in self.rencana.jabatan}
        baris_of = {r.kode: r.baris for r in self.rencana.jabatan}
        for r in self.rencana.jabatan:
            if r.atasan and r.atasan not in kode_file and r.atasan not in self.rencana.jabatan_db:
                self.laporan.tambah_galat(
                    "jabatan",
                    r.baris,
                    self.data.lembar["jabatan"].label("kode_jabatan_atasan"),
                    self._pesan_jabatan_tak_dikenal(r.atasan),
                )
        if self.rencana.jabatan:
            parent_of = {
                k: self.jabatan_kode_by_id.get(j.parent_id) if j.parent_id else None
                for k, j in self.rencana.jabatan_db.items()
            }
            for r in self.rencana.jabatan:
                parent_of[r.kode] = r.atasan if r.atasan_diisi else parent_of.get(r.kode)
            self._siklus(parent_of, baris_of, "jabatan", "kode_jabatan_atasan")
        for r in self.rencana.jabatan:
            self._banding_jabatan(r)

    def _baca_jabatan(self, sel: _Sel, kode: str) -> JabatanRencana:
        lama = self.rencana.jabatan_db.get(kode)
        jenis = sel.pilihan("jenis_jabatan", PILIHAN_JENIS_JABATAN, wajib=True)
        jenjang_teks = sel.teks("jenjang")
        if sel.ada("jenjang"):
            jenjang = sel.pilihan("jenjang", PILIHAN_JENJANG)
        else:
            jenjang = lama.jenjang if lama else ""
        if jenis == JenisJabatan.FUNGSIONAL and not jenjang and not jenjang_teks:
            sel.galat("jenjang", _("Jabatan fungsional wajib punya jenjang."))
        elif jenis and jenis != JenisJabatan.FUNGSIONAL and jenjang:
            if jenjang_teks:
                sel.peringatan("jenjang", _("Jenjang hanya untuk jabatan fungsional; diabaikan."))
            jenjang = ""
        eselon_teks = sel.teks("eselon")
        eselon = normal_eselon(eselon_teks) if eselon_teks else ""
        if eselon is None:
            sel.galat(
                "eselon",
                _("Eselon “%(v)s” tidak dikenal. Pilihan: II.a, II.b, III.a, III.b, IV.a, IV.b.")
                % {"v": eselon_teks},
            )
        return JabatanRencana(
            baris=sel.baris.nomor,
            kode=kode,
            nama=sel.teks("nama_jabatan", wajib=True, maks=200),
            jenis=jenis,
            jenjang=jenjang,
            eselon=(eselon or "") if sel.ada("eselon") else None,
            unit=sel.teks("kode_unit", wajib=True, maks=40),
            atasan=sel.teks("kode_jabatan_atasan", maks=40) or None,
            atasan_diisi=sel.ada("kode_jabatan_atasan"),
            kepala=bool(sel.ya_tidak("kepala_unit")) if sel.ada("kepala_unit") else None,
            ditutup_pada=sel.tanggal("ditutup_pada"),
        )

    def _pesan_jabatan_tak_dikenal(self, kode: str) -> str:
        return _("Jabatan dengan kode “%(k)s” tidak ada di berkas maupun di data instansi.") % {
            "k": kode
        }

    def _banding_jabatan(self, r: JabatanRencana) -> None:
        lama = self.rencana.jabatan_db.get(r.kode)
        if lama is None:
            self.laporan.ringkasan["jabatan"].baru += 1
            return
        r.lama = lama
        atasan_lama = self.jabatan_kode_by_id.get(lama.parent_id) if lama.parent_id else None
        beda = [
            ("nama", "nama_jabatan", lama.nama, r.nama),
            ("jenis", "jenis_jabatan", lama.jenis, r.jenis),
            ("jenjang", "jenjang", lama.jenjang, r.jenjang),
            ("eselon", "eselon", lama.eselon, _atau(r.eselon, lama.eselon)),
            ("unit", "kode_unit", self.unit_kode_by_id.get(lama.unit_id), r.unit),
            (
                "parent",
                "kode_jabatan_atasan",
                atasan_lama,
                r.atasan if r.atasan_diisi else atasan_lama,
            ),
            ("kepala", "kepala_unit", lama.kepala, _atau(r.kepala, lama.kepala)),
            (
                "ditutup_pada",
                "ditutup_pada",
                lama.ditutup_pada,
                _atau(r.ditutup_pada, lama.ditutup_pada),
            ),
        ]
        r.ubah = self._catat("jabatan", r.kode, beda)

    # --- pegawai ------------------------------------------------------------------------------

    def _periksa_pegawai(self) -> None:
        pertama: dict[str, int] = {}
        sel_of: dict[str, _Sel] = {}
        jabatan_file = {r.kode: r for r in self.rencana.jabatan}
        for sel in self._sel_sel("pegawai"):
            rencana = self._baca_pegawai(sel)
            if rencana.jabatan and not self._dikenal(rencana.jabatan, jabatan_file, "jabatan"):
                sel.galat("kode_jabatan", self._pesan_jabatan_tak_dikenal(rencana.jabatan))
            if rencana.nip and not self._duplikat(sel, "nip", rencana.nip, pertama):
                self.rencana.pegawai.append(rencana)
                sel_of[rencana.nip] = sel
        self.jabatan_ditutup = {k: j.ditutup_pada for k, j in self.rencana.jabatan_db.items()}
        self.jabatan_ditutup.update(
            {j.kode: j.ditutup_pada for j in self.rencana.jabatan if j.ditutup_pada}
        )
        lama_of, terbuka_of = self._pegawai_db(list(sel_of))
        for r in self.rencana.pegawai:
            self._banding_pegawai(r, sel_of[r.nip], lama_of.get(r.nip), terbuka_of)

    def _baca_nip(self, sel: _Sel) -> str:
        mentah = sel.mentah("nip")
        if isinstance(mentah, float):
            sel.galat(
                "nip",
                _(
                    "NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya bisa "
                    "berubah. Format kolom NIP sebagai Teks lalu isi ulang."
                ),
            )
            return ""
        return sel.teks("nip", wajib=True).replace(" ", "").lstrip("'")

    def _baca_pegawai(self, sel: _Sel) -> PegawaiRencana:
        nip = self._baca_nip(sel)
        nama = sel.teks("nama", wajib=True, maks=150)
        status = sel.pilihan("status_asn", PILIHAN_STATUS_ASN, wajib=True)
        if nip and status:
            self._periksa_nip(sel, nip, status)
        nilai: dict[str, Any] = {"nama": nama, "status_asn": status}
        for kolom, maks in (("gelar_depan", 40), ("gelar_belakang", 60)):
            if teks := sel.teks(kolom, maks=maks):
                nilai[kolom] = teks
        if golongan := sel.teks("golongan"):
            golongan = normal_golongan(golongan)
            if status and not golongan_sah(golongan, status):
                sel.galat(
                    "golongan",
                    _("Golongan “%(g)s” tidak dikenal untuk %(s)s (contoh: III/a, IX).")
                    % {"g": golongan, "s": status},
                )
            nilai["golongan"] = golongan
        if email := sel.teks("email", maks=254):
            try:
                validate_email(email)
            except ValidationError:
                sel.galat("email", _("Alamat email “%(v)s” tidak valid.") % {"v": email})
            nilai["email"] = email
        if telepon := sel.teks("telepon", maks=20):
            if isinstance(sel.mentah("telepon"), int | float) and telepon.startswith("8"):
                telepon = "0" + telepon  # Excel drops the leading zero of a number cell
            nilai["telepon"] = telepon
        aktif = sel.ya_tidak("aktif")
        if aktif is not None:
            nilai["is_active"] = aktif
        return PegawaiRencana(
            baris=sel.baris.nomor,
            nip=nip,
            nilai=nilai,
            jabatan=sel.teks("kode_jabatan", maks=40) or None,
            tmt=sel.tanggal("tmt_jabatan") or self.hari_ini,
        )

    def _periksa_nip(self, sel: _Sel, nip: str, status: str) -> None:
        try:
            validate_nomor_induk(nip, status_asn=status)
        except ValidationError as exc:
            sel.galat("nip", " ".join(exc.messages))
            return
        if status == StatusAsn.PNS:
            for pesan in parse_nip(nip).peringatan:
                sel.peringatan("nip", pesan)

    def _pegawai_db(self, nips: list[str]) -> tuple[dict[str, Pegawai], dict[int, list[Penugasan]]]:
        lama_of: dict[str, Pegawai] = {}
        terbuka_of: dict[int, list[Penugasan]] = defaultdict(list)
        for i in range(0, len(nips), UKURAN_POTONGAN):
            potongan = nips[i : i + UKURAN_POTONGAN]
            for pegawai in Pegawai.objects.filter(nip__in=potongan):
                lama_of[pegawai.nip] = pegawai
            for penugasan in Penugasan.objects.filter(
                pegawai__nip__in=potongan,
                jenis=JenisPenugasan.DEFINITIF,
                selesai__isnull=True,
            ).order_by("-mulai", "-pk"):
                terbuka_of[penugasan.pegawai_id].append(penugasan)
        return lama_of, terbuka_of

    def _banding_pegawai(
        self,
        r: PegawaiRencana,
        sel: _Sel,
        lama: Pegawai | None,
        terbuka_of: dict[int, list[Penugasan]],
    ) -> None:
        self._periksa_jabatan_tujuan(r, sel)
        if lama is None:
            self.laporan.ringkasan["pegawai"].baru += 1
            if r.jabatan:
                self.laporan.ringkasan["penugasan"].baru += 1
            return
        if lama.instansi_id not in (None, self.instansi.pk):
            sel.galat("nip", _("NIP %(nip)s sudah terdaftar di instansi lain.") % {"nip": r.nip})
            return
        r.lama = lama
        beda = [(f, _KOLOM_PEGAWAI.get(f, f), getattr(lama, f), v) for f, v in r.nilai.items()]
        if lama.instansi_id is None:
            beda.append(("instansi", "instansi", "—", self.instansi.kode))
        terbuka = terbuka_of.get(lama.pk, [])
        sekarang = self.jabatan_kode_by_id.get(terbuka[0].jabatan_id) if terbuka else None
        if r.jabatan and r.jabatan != sekarang:
            r.mutasi, r.tutup = True, terbuka
            beda.append(("", "kode_jabatan", sekarang, r.jabatan))
            self._periksa_tmt(r, sel)
            penugasan = self.laporan.ringkasan["penugasan"]
            penugasan.baru += 1
            penugasan.diubah += len(terbuka)
        elif r.jabatan:
            self.laporan.ringkasan["penugasan"].tetap += 1
        r.ubah = [f for f in self._catat("pegawai", r.nip, beda) if f]

    def _periksa_tmt(self, r: PegawaiRencana, sel: _Sel) -> None:
        for penugasan in r.tutup:
            if penugasan.mulai >= r.tmt:
                sel.galat(
                    "tmt_jabatan",
                    _(
                        "TMT jabatan baru (%(baru)s) harus sesudah mulai jabatan sekarang "
                        "(%(lama)s)."
                    )
                    % {"baru": r.tmt.isoformat(), "lama": penugasan.mulai.isoformat()},
                )
                return

    def _periksa_jabatan_tujuan(self, r: PegawaiRencana, sel: _Sel) -> None:
        if not r.jabatan:
            return
        ditutup = self.jabatan_ditutup.get(r.jabatan)
        if ditutup is not None and ditutup <= r.tmt:
            sel.galat(
                "kode_jabatan",
                _("Jabatan “%(k)s” sudah ditutup pada %(t)s.")
                % {"k": r.jabatan, "t": ditutup.isoformat()},
            )


def _atau(baru: Any, lama: Any) -> Any:
    """The file's value, or the current one when the cell was empty (None)."""
    return lama if baru is None else baru
