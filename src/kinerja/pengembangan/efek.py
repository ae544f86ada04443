"""Effect per training: the ratings of the participants before and after (descriptive only).

For each catalogue item with completed participants (enrolment status selesai) in scope:
- the training's end = `Pelatihan.selesai`, else the enrolment's `selesai_pada`;
- before = the participant's last *locked* evaluation whose window ended before that end;
  after = the first locked evaluation whose window ended after it (a periodic window is
  preferred over the annual one ending the same day);
- counts per Rating Hasil Kerja and Rating Perilaku Kerja before/after, and the share Di Bawah
  Ekspektasi among those with an evaluation — only when n (completed participants) reaches
  `pengaturan().min_peserta_efek` (5); below it "n terlalu kecil" and the counts only.

Nothing here is causal: ratings change for many reasons, the participants chose or were chosen
for the training, and there is no comparison group. Two queries whatever the number of trainings
or participants (enrolments, evaluations) plus the settings row.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, Subquery
from django.utils.translation import gettext as _

from kinerja.organisasi.models import JenisPenugasan, Penugasan
from kinerja.penilaian.models import Evaluasi, JenisEvaluasi, Rating, StatusEvaluasi

from .models import Pendaftaran, StatusPendaftaran
from .pengaturan import pengaturan

RATING_URUT = [Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH]


@dataclass
class Sisi:
    """Ratings on one side (before or after) of a training."""

    hasil: Counter[str] = field(default_factory=Counter)
    perilaku: Counter[str] = field(default_factory=Counter)
    n: int = 0  # participants with an evaluation on this side

    def tambah(self, hasil: str, perilaku: str) -> None:
        self.n += 1
        if hasil:
            self.hasil[hasil] += 1
        if perilaku:
            self.perilaku[perilaku] += 1

    def persen_di_bawah(self, jenis: str) -> Decimal | None:
        hitung = self.hasil if jenis == "hasil" else self.perilaku
        total = sum(hitung.values())
        if not total:
            return None
        return (Decimal(hitung[Rating.DI_BAWAH]) * 100 / total).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )

    def baris(self, jenis: str) -> list[int]:
        hitung = self.hasil if jenis == "hasil" else self.perilaku
        return [hitung[r] for r in RATING_URUT]


@dataclass
class EfekPelatihan:
    pelatihan_id: int
    judul: str
    selesai: dt.date | None
    n: int = 0
    sebelum: Sisi = field(default_factory=Sisi)
    sesudah: Sisi = field(default_factory=Sisi)
    cukup: bool = False

    @property
    def bagian(self) -> list[tuple[str, list[tuple[str, list[int], Decimal | None]]]]:
        """For the detail page: per rating kind, the before/after counts and shares."""
        hasil = []
        for jenis, judul in (
            ("hasil", _("Rating Hasil Kerja")),
            ("perilaku", _("Rating Perilaku Kerja")),
        ):
            hasil.append(
                (
                    judul,
                    [
                        (
                            label,
                            sisi.baris(jenis),
                            sisi.persen_di_bawah(jenis) if self.cukup else None,
                        )
                        for label, sisi in (
                            (_("Sebelum"), self.sebelum),
                            (_("Sesudah"), self.sesudah),
                        )
                    ],
                )
            )
        return hasil

    def persen(self) -> dict[str, Decimal | None]:
        """Shares Di Bawah (None when n is too small or nobody has an evaluation)."""
        if not self.cukup:
            return {
                "hasil_sebelum": None,
                "hasil_sesudah": None,
                "perilaku_sebelum": None,
                "perilaku_sesudah": None,
            }
        return {
            "hasil_sebelum": self.sebelum.persen_di_bawah("hasil"),
            "hasil_sesudah": self.sesudah.persen_di_bawah("hasil"),
            "perilaku_sebelum": self.sebelum.persen_di_bawah("perilaku"),
            "perilaku_sesudah": self.sesudah.persen_di_bawah("perilaku"),
        }


def _pilih(
    evaluasi: list[tuple[dt.date, int, str, str]], batas: dt.date
) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """(before, after) among (selesai, 0 periodic / 1 annual, hasil, perilaku) rows."""
    sebelum = [e for e in evaluasi if e[0] < batas]
    sesudah = [e for e in evaluasi if e[0] > batas]
    a = max(sebelum, key=lambda e: (e[0], -e[1])) if sebelum else None
    b = min(sesudah, key=lambda e: (e[0], e[1])) if sesudah else None
    return (a[2], a[3]) if a else None, (b[2], b[3]) if b else None


def efek_pelatihan(
    *, instansi_id: int, opd_ids: set[int] | None, pelatihan_id: int | None = None
) -> list[EfekPelatihan]:
    """One row per training with completed participants in scope (`opd_ids` None = city;
    otherwise participants whose current definitive assignment is in those OPDs)."""
    minimal = pengaturan().min_peserta_efek
    qs = Pendaftaran.objects.filter(
        status=StatusPendaftaran.SELESAI, pegawai__instansi_id=instansi_id
    )
    if pelatihan_id is not None:
        qs = qs.filter(pelatihan_id=pelatihan_id)
    if opd_ids is not None:
        from django.utils import timezone

        penugasan = Penugasan.objects.aktif_pada(timezone.localdate()).filter(
            Q(unit__opd_id__in=opd_ids) | Q(unit_id__in=opd_ids), jenis=JenisPenugasan.DEFINITIF
        )
        qs = qs.filter(pegawai_id__in=Subquery(penugasan.values("pegawai_id")))
    rows = list(
        qs.values_list(
            "pelatihan_id",
            "pelatihan__judul",
            "pelatihan__selesai",
            "selesai_pada",
            "pegawai_id",
        )
    )
    per_pegawai: dict[int, list[tuple[dt.date, int, str, str]]] = defaultdict(list)
    for pegawai_id, selesai, jenis, r_hasil, r_perilaku in Evaluasi.objects.filter(
        status=StatusEvaluasi.DIKUNCI, pegawai_id__in=Subquery(qs.values("pegawai_id"))
    ).values_list("pegawai_id", "selesai", "jenis", "rating_hasil", "rating_perilaku"):
        per_pegawai[pegawai_id].append(
            (selesai, 1 if jenis == JenisEvaluasi.TAHUNAN else 0, r_hasil, r_perilaku)
        )
    hasil: dict[int, EfekPelatihan] = {}
    for p_id, judul, p_selesai, selesai_pada, pegawai_id in rows:
        e = hasil.setdefault(p_id, EfekPelatihan(p_id, judul, p_selesai))
        e.n += 1
        batas = p_selesai or selesai_pada
        if batas is None:
            continue
        sebelum, sesudah = _pilih(per_pegawai.get(pegawai_id, []), batas)
        if sebelum:
            e.sebelum.tambah(*sebelum)
        if sesudah:
            e.sesudah.tambah(*sesudah)
    for e in hasil.values():
        e.cukup = e.n >= minimal
    return sorted(
        hasil.values(),
        key=lambda e: (e.selesai is None, -(e.selesai or dt.date.min).toordinal(), e.judul),
    )
