"""Early warning (hijau/kuning/merah): pure functions of a project's data and the thresholds.

`evaluasi` takes plain data (no queries) so the daily job can evaluate many projects from one
bulk read; `hitung_peringatan(proyek, hari_ini)` loads one project's data and calls it.
A level is reached when the measure is STRICTLY GREATER than the threshold (AmbangPeringatan).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    STATUS_AKTIF,
    STATUS_KENDALA_TERBUKA,
    AmbangPeringatan,
    AturanPeringatan,
    Kendala,
    Milestone,
    Peringatan,
    Proyek,
    RencanaBulanan,
    TingkatKendala,
)

NOL = Decimal("0")
SERATUS = Decimal("100")
_URUTAN = {Peringatan.HIJAU: 0, Peringatan.KUNING: 1, Peringatan.MERAH: 2}


@dataclass(frozen=True)
class Ambang:
    kuning: Decimal | None
    merah: Decimal | None


@dataclass(frozen=True)
class TitikRencana:
    bulan: dt.date  # first day of the month; values are cumulative at the END of that month
    fisik: Decimal
    keuangan: Decimal


@dataclass(frozen=True)
class DataTahapan:
    nama: str
    jatuh_tempo: dt.date
    selesai_pada: dt.date | None


@dataclass(frozen=True)
class DataKendala:
    judul: str
    tingkat: str
    dibuka: dt.date
    terbuka: bool


@dataclass
class HasilPeringatan:
    status: str
    alasan: list[dict[str, Any]] = field(default_factory=list)
    fisik_rencana: Decimal = NOL
    keuangan_rencana: Decimal = NOL


def _dua(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _akhir_bulan(bulan: dt.date) -> dt.date:
    return bulan.replace(day=calendar.monthrange(bulan.year, bulan.month)[1])


def rencana_pada(rencana: Sequence[TitikRencana], tanggal: dt.date) -> tuple[Decimal, Decimal]:
    """The planned cumulative (fisik %, keuangan Rp) at `tanggal`.

    Each month's value is reached at the end of the month; within a month the plan grows linearly
    from the previous month's value (0 before the first month) by day. After the last month the
    plan stays at its last value.
    """
    if not rencana:
        return NOL, NOL
    urut = sorted(rencana, key=lambda r: r.bulan)
    fisik_lalu, keu_lalu = NOL, NOL
    for titik in urut:
        awal = titik.bulan.replace(day=1)
        akhir = _akhir_bulan(awal)
        if tanggal < awal:
            return fisik_lalu, keu_lalu
        if tanggal < akhir:
            hari = Decimal(akhir.day)
            porsi = Decimal(tanggal.day) / hari
            return (
                _dua(fisik_lalu + (titik.fisik - fisik_lalu) * porsi),
                _dua(keu_lalu + (titik.keuangan - keu_lalu) * porsi),
            )
        fisik_lalu, keu_lalu = titik.fisik, titik.keuangan
    return fisik_lalu, keu_lalu


def _tingkat(nilai: Decimal, ambang: Ambang | None) -> str:
    if ambang is None:
        return Peringatan.HIJAU
    if ambang.merah is not None and nilai > ambang.merah:
        return Peringatan.MERAH
    if ambang.kuning is not None and nilai > ambang.kuning:
        return Peringatan.KUNING
    return Peringatan.HIJAU


def _alasan(aturan: str, tingkat: str, nilai: Decimal, **detail: Any) -> dict[str, Any]:
    return {"aturan": aturan, "tingkat": tingkat, "nilai": str(_dua(nilai))} | {
        k: (str(v) if isinstance(v, (Decimal, dt.date)) else v) for k, v in detail.items()
    }


def evaluasi(
    *,
    status_proyek: str,
    pagu: Decimal,
    fisik: Decimal,
    keuangan: Decimal,
    rencana: Sequence[TitikRencana],
    tahapan: Iterable[DataTahapan],
    kendala: Iterable[DataKendala],
    ambang: Mapping[str, Ambang],
    hari_ini: dt.date,
) -> HasilPeringatan:
    """Apply every rule; the project's status is the worst level reached (with every reason)."""
    fisik_rencana, keu_rencana = rencana_pada(rencana, hari_ini)
    hasil = HasilPeringatan(Peringatan.HIJAU, [], fisik_rencana, keu_rencana)
    if status_proyek not in STATUS_AKTIF:
        return hasil
    kandidat: list[dict[str, Any]] = []
    A = AturanPeringatan
    tahapan, kendala = list(tahapan), list(kendala)
    if rencana:
        deviasi = fisik_rencana - fisik
        t = _tingkat(deviasi, ambang.get(A.DEVIASI_FISIK))
        if t != Peringatan.HIJAU:
            kandidat.append(
                _alasan(A.DEVIASI_FISIK, t, deviasi, aktual=fisik, rencana=fisik_rencana)
            )
        if pagu > 0:
            serap = (keu_rencana - keuangan) * SERATUS / pagu
            t = _tingkat(serap, ambang.get(A.SERAPAN_ANGGARAN))
            if t != Peringatan.HIJAU:
                kandidat.append(
                    _alasan(
                        A.SERAPAN_ANGGARAN,
                        t,
                        serap,
                        aktual=_dua(keuangan * SERATUS / pagu),
                        rencana=_dua(keu_rencana * SERATUS / pagu),
                    )
                )
    lewat = [m for m in tahapan if m.selesai_pada is None and m.jatuh_tempo < hari_ini]
    if lewat:
        paling = min(lewat, key=lambda m: m.jatuh_tempo)
        hari = Decimal((hari_ini - paling.jatuh_tempo).days)
        t = _tingkat(hari, ambang.get(A.MILESTONE_TERLAMBAT))
        if t != Peringatan.HIJAU:
            kandidat.append(
                _alasan(A.MILESTONE_TERLAMBAT, t, hari, nama=paling.nama, jumlah=len(lewat))
            )
    terbuka = [k for k in kendala if k.terbuka]
    if terbuka:
        tertua = min(terbuka, key=lambda k: k.dibuka)
        umur = Decimal((hari_ini - tertua.dibuka).days)
        t = _tingkat(umur, ambang.get(A.KENDALA_TERBUKA))
        if t != Peringatan.HIJAU:
            kandidat.append(_alasan(A.KENDALA_TERBUKA, t, umur, judul=tertua.judul))
        kritis = [k for k in terbuka if k.tingkat == TingkatKendala.KRITIS]
        t = _tingkat(Decimal(len(kritis)), ambang.get(A.KENDALA_KRITIS))
        if kritis and t != Peringatan.HIJAU:
            kandidat.append(
                _alasan(A.KENDALA_KRITIS, t, Decimal(len(kritis)), judul=kritis[0].judul)
            )
    if kandidat:
        kandidat.sort(key=lambda a: -_URUTAN[Peringatan(a["tingkat"])])
        hasil.status = kandidat[0]["tingkat"]
        hasil.alasan = kandidat
    return hasil


# --- loading one project's data ----------------------------------------------------------------


# The values seeded by migration 0003; used for a rule whose row is missing (a row switched off
# with aktif=False turns its rule off).
AMBANG_BAWAAN = {
    AturanPeringatan.DEVIASI_FISIK: Ambang(Decimal(10), Decimal(20)),
    AturanPeringatan.MILESTONE_TERLAMBAT: Ambang(Decimal(0), Decimal(14)),
    AturanPeringatan.SERAPAN_ANGGARAN: Ambang(Decimal(15), Decimal(30)),
    AturanPeringatan.KENDALA_TERBUKA: Ambang(Decimal(14), Decimal(30)),
    AturanPeringatan.KENDALA_KRITIS: Ambang(None, Decimal(0)),
}


def ambang_aktif() -> dict[str, Ambang]:
    hasil: dict[str, Ambang] = {str(k): v for k, v in AMBANG_BAWAAN.items()}
    for a in AmbangPeringatan.objects.all():
        if a.aktif:
            hasil[a.aturan] = Ambang(a.kuning, a.merah)
        else:
            hasil.pop(a.aturan, None)
    return hasil


def titik_rencana(rows: Iterable[RencanaBulanan]) -> list[TitikRencana]:
    return [TitikRencana(r.bulan, r.fisik, r.keuangan) for r in rows]


def data_tahapan(rows: Iterable[Milestone]) -> list[DataTahapan]:
    return [DataTahapan(m.nama, m.jatuh_tempo, m.selesai_pada) for m in rows]


def data_kendala(rows: Iterable[Kendala]) -> list[DataKendala]:
    return [
        DataKendala(
            k.judul,
            k.tingkat,
            timezone.localtime(k.dibuat_pada).date(),
            k.status in STATUS_KENDALA_TERBUKA,
        )
        for k in rows
    ]


def evaluasi_proyek(
    proyek: Proyek,
    hari_ini: dt.date,
    *,
    rencana: Iterable[RencanaBulanan],
    tahapan: Iterable[Milestone],
    kendala: Iterable[Kendala],
    ambang: Mapping[str, Ambang],
) -> HasilPeringatan:
    return evaluasi(
        status_proyek=proyek.status,
        pagu=proyek.pagu,
        fisik=proyek.fisik_realisasi,
        keuangan=proyek.keuangan_realisasi,
        rencana=titik_rencana(rencana),
        tahapan=data_tahapan(tahapan),
        kendala=data_kendala(kendala),
        ambang=ambang,
        hari_ini=hari_ini,
    )


def hitung_peringatan(proyek: Proyek, hari_ini: dt.date) -> tuple[str, list[dict[str, Any]]]:
    """(status, reasons) of one project on `hari_ini`, from its stored data and the thresholds."""
    hasil = evaluasi_proyek(
        proyek,
        hari_ini,
        rencana=proyek.rencana_set.all(),
        tahapan=proyek.milestone_set.filter(selesai_pada__isnull=True),
        kendala=proyek.kendala_set.filter(status__in=STATUS_KENDALA_TERBUKA),
        ambang=ambang_aktif(),
    )
    return hasil.status, hasil.alasan


# --- plain-Indonesian wording of a stored reason -----------------------------------------------


def _angka(nilai: Any) -> str:
    d = Decimal(str(nilai)).normalize()
    teks = f"{d:f}"
    return teks.replace(".", ",")


def uraikan(alasan: Mapping[str, Any]) -> str:
    """One sentence for a stored reason (rendered in the reader's language)."""
    aturan = alasan.get("aturan")
    n = _angka(alasan.get("nilai", "0"))
    if aturan == AturanPeringatan.DEVIASI_FISIK:
        return _("Progres fisik %(aktual)s%% tertinggal %(n)s poin dari rencana %(rencana)s%%.") % {
            "aktual": _angka(alasan["aktual"]),
            "rencana": _angka(alasan["rencana"]),
            "n": n,
        }
    if aturan == AturanPeringatan.SERAPAN_ANGGARAN:
        return _(
            "Serapan anggaran %(aktual)s%% dari pagu, rencana %(rencana)s%% "
            "(tertinggal %(n)s poin)."
        ) % {"aktual": _angka(alasan["aktual"]), "rencana": _angka(alasan["rencana"]), "n": n}
    if aturan == AturanPeringatan.MILESTONE_TERLAMBAT:
        return _("Tahapan “%(nama)s” lewat jatuh tempo %(n)s hari.") % {
            "nama": alasan.get("nama", ""),
            "n": n,
        }
    if aturan == AturanPeringatan.KENDALA_TERBUKA:
        return _("Kendala “%(judul)s” belum selesai selama %(n)s hari.") % {
            "judul": alasan.get("judul", ""),
            "n": n,
        }
    if aturan == AturanPeringatan.KENDALA_KRITIS:
        return _("Ada %(n)s kendala kritis yang belum selesai (“%(judul)s”).") % {
            "judul": alasan.get("judul", ""),
            "n": n,
        }
    return str(aturan)
