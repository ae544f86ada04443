"""The import report: errors by row and column, counts, and what changed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MAKS_PERUBAHAN = 1000  # changes kept for display; the count covers all


@dataclass
class GalatBaris:
    """One problem: sheet (unit/jabatan/pegawai), 1-based row as seen in the file, column."""

    sheet: str
    baris: int
    kolom: str
    pesan: str


@dataclass
class Ringkasan:
    baru: int = 0
    diubah: int = 0
    tetap: int = 0

    @property
    def jumlah(self) -> int:
        return self.baru + self.diubah + self.tetap


@dataclass
class Perubahan:
    jenis: str  # unit / jabatan / pegawai
    kunci: str  # kode or NIP
    kolom: str
    lama: str
    baru: str


def _ringkasan_kosong() -> dict[str, Ringkasan]:
    return {jenis: Ringkasan() for jenis in ("unit", "jabatan", "pegawai", "penugasan")}


@dataclass
class LaporanImpor:
    galat: list[GalatBaris] = field(default_factory=list)
    peringatan: list[GalatBaris] = field(default_factory=list)
    ringkasan: dict[str, Ringkasan] = field(default_factory=_ringkasan_kosong)
    perubahan: list[Perubahan] = field(default_factory=list)
    jumlah_perubahan: int = 0
    jumlah_baris: int = 0
    diterapkan: bool = False

    @property
    def ok(self) -> bool:
        return not self.galat

    def tambah_galat(self, sheet: str, baris: int, kolom: str, pesan: str) -> None:
        self.galat.append(GalatBaris(sheet, baris, kolom, pesan))

    def tambah_peringatan(self, sheet: str, baris: int, kolom: str, pesan: str) -> None:
        self.peringatan.append(GalatBaris(sheet, baris, kolom, pesan))

    def catat_perubahan(
        self, jenis: str, kunci: str, kolom: str, lama: object, baru: object
    ) -> None:
        self.jumlah_perubahan += 1
        if len(self.perubahan) < MAKS_PERUBAHAN:
            self.perubahan.append(Perubahan(jenis, kunci, kolom, _teks(lama), _teks(baru)))

    def urutkan(self) -> None:
        order = {"unit": 0, "jabatan": 1, "pegawai": 2}
        self.galat.sort(key=lambda g: (order.get(g.sheet, 9), g.baris, g.kolom))
        self.peringatan.sort(key=lambda g: (order.get(g.sheet, 9), g.baris, g.kolom))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ok"] = self.ok
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LaporanImpor:
        ringkasan = _ringkasan_kosong()
        ringkasan.update({k: Ringkasan(**v) for k, v in data.get("ringkasan", {}).items()})
        return cls(
            galat=[GalatBaris(**g) for g in data.get("galat", [])],
            peringatan=[GalatBaris(**g) for g in data.get("peringatan", [])],
            ringkasan=ringkasan,
            perubahan=[Perubahan(**p) for p in data.get("perubahan", [])],
            jumlah_perubahan=data.get("jumlah_perubahan", 0),
            jumlah_baris=data.get("jumlah_baris", 0),
            diterapkan=data.get("diterapkan", False),
        )


def _teks(nilai: object) -> str:
    if nilai is None or nilai == "":
        return "—"
    if isinstance(nilai, bool):
        return "Y" if nilai else "N"
    return str(nilai)


class ImporGagal(Exception):  # noqa: N818 (a domain word, like ValidationError)
    """Apply refused: the dry run found errors. Nothing was written."""

    def __init__(self, laporan: LaporanImpor) -> None:
        super().__init__(f"{len(laporan.galat)} galat")
        self.laporan = laporan
