"""Development needs (gaps) and training recommendations of a pegawai for a year.

The rules are pure functions over plain rows (`Celah`, `Kandidat`); `rekomendasi_untuk` reads
the rows with a constant number of queries (9, whatever the number of evaluations, feedback,
needs or catalogue items) and applies them. The rules (docs/pengembangan-rencana.md):

1. **Penilaian** (strongest, rank 0): only *locked* evaluations (`dikunci`) count — a draft or a
   rated-but-unlocked evaluation may still change and the pegawai cannot see it yet. Windows of
   the year, plus the annual evaluation of the previous year. Each BerAKHLAK value rated Di Bawah
   Ekspektasi (`RatingPerilakuNilai`) → the active topics tied to that value; a Rating Hasil Kerja
   Di Bawah Ekspektasi → the active topics marked `untuk_hasil_rendah`. Sesuai / Di Atas → nothing.
2. **Recorded needs** (rank 1): open `KebutuhanPengembangan` rows of the year (entered by the
   atasan or the pegawai) → their topic. Recorded needs whose source is an evaluation or feedback
   keep that source's rank.
3. **Umpan balik** (rank 2, the weakest): thread roots about a BerAKHLAK value written to the
   pegawai by someone else in the year (only the atasan chain may write feedback to a pegawai,
   umpanbalik.services) → the topics tied to that value.

A catalogue item is recommended when it is active, not finished (ends today or later; no end
date: starts today or later or has no dates), has places left (no quota, or fewer living
enrolments than the quota) and one of its topics matches a gap. Items the pegawai already has a
living enrolment in (diajukan / disetujui / selesai) are listed apart as "sudah diajukan/diikuti",
never re-offered. Order: best rank of the item's reasons, then start date (undated last), then
title.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kinerja.penilaian.models import (
    Evaluasi,
    JenisEvaluasi,
    Rating,
    RatingPerilakuNilai,
    StatusEvaluasi,
)
from kinerja.skp.models import Kadensi

from .models import (
    STATUS_PENDAFTARAN_HIDUP,
    KebutuhanPengembangan,
    Pelatihan,
    Pendaftaran,
    SumberKebutuhan,
    TopikKompetensi,
)

PERINGKAT_PENILAIAN = 0
PERINGKAT_MASUKAN = 1
PERINGKAT_UMPAN_BALIK = 2

PERINGKAT_SUMBER = {
    SumberKebutuhan.PENILAIAN: PERINGKAT_PENILAIAN,
    SumberKebutuhan.ATASAN: PERINGKAT_MASUKAN,
    SumberKebutuhan.PEGAWAI: PERINGKAT_MASUKAN,
    SumberKebutuhan.UMPAN_BALIK: PERINGKAT_UMPAN_BALIK,
}

ROMAWI = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


# --- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topik:
    pk: int
    nama: str
    perilaku_id: int | None
    untuk_hasil_rendah: bool


@dataclass(frozen=True)
class EvaluasiRingkas:
    """A locked evaluation as the rules need it."""

    pk: int
    jenis: str
    urutan: int
    mulai: dt.date
    tahun: int
    kadensi: str
    rating_hasil: str
    perilaku_di_bawah: tuple[tuple[int, str], ...] = ()  # (perilaku id, nama)


@dataclass(frozen=True)
class UmpanBalikRingkas:
    perilaku_id: int
    perilaku_nama: str
    tanggal: dt.date


@dataclass(frozen=True)
class KebutuhanRingkas:
    pk: int
    topik_id: int
    sumber: str
    alasan: str
    dicatat_oleh_id: int


@dataclass(frozen=True)
class Celah:
    """One gap: a topic, why (in words), and how strong the reason is (0 strongest)."""

    topik_id: int
    peringkat: int
    alasan: str
    sumber: str
    kebutuhan_id: int | None = None


@dataclass
class Kandidat:
    """A catalogue item as the rules need it."""

    pk: int
    judul: str
    topik_ids: frozenset[int]
    aktif: bool
    mulai: dt.date | None
    selesai: dt.date | None
    kuota: int | None
    terisi: int
    jp: Decimal = Decimal("0")
    bentuk: str = ""
    penyelenggara: str = ""

    @property
    def sisa(self) -> int | None:
        return None if self.kuota is None else max(self.kuota - self.terisi, 0)


@dataclass
class Rekomendasi:
    pelatihan: Kandidat
    alasan: list[str]
    peringkat: int
    status_pendaftaran: str = ""  # set for "sudah diajukan/diikuti"

    @property
    def alasan_utama(self) -> str:
        return self.alasan[0] if self.alasan else ""


@dataclass
class HasilRekomendasi:
    celah: list[Celah] = field(default_factory=list)
    rekomendasi: list[Rekomendasi] = field(default_factory=list)
    sudah: list[Rekomendasi] = field(default_factory=list)
    topik: dict[int, Topik] = field(default_factory=dict)
    kebutuhan: list[KebutuhanRingkas] = field(default_factory=list)

    def daftar_celah(self) -> list[dict[str, object]]:
        """Gaps with their topic names, strongest first (for the pages)."""
        return [
            {"topik": self.topik[c.topik_id].nama, "alasan": c.alasan, "sumber": c.sumber}
            for c in self.celah
            if c.topik_id in self.topik
        ]


# --- pure rules -----------------------------------------------------------------------------


def label_penilaian(ev: EvaluasiRingkas) -> str:
    """'Triwulan II 2026', 'Semester I 2026', 'Mei 2026', 'Tahunan 2026'."""
    if ev.jenis == JenisEvaluasi.TAHUNAN:
        return _("Tahunan %(tahun)s") % {"tahun": ev.tahun}
    nomor = ROMAWI[ev.urutan] if 0 < ev.urutan < len(ROMAWI) else str(ev.urutan)
    if ev.kadensi == Kadensi.TRIWULANAN:
        return _("Triwulan %(n)s %(tahun)s") % {"n": nomor, "tahun": ev.tahun}
    if ev.kadensi == Kadensi.SEMESTERAN:
        return _("Semester %(n)s %(tahun)s") % {"n": nomor, "tahun": ev.tahun}
    return formats.date_format(ev.mulai, "F Y")


def topik_perilaku(topik: Iterable[Topik], perilaku_id: int) -> list[int]:
    return [t.pk for t in topik if t.perilaku_id == perilaku_id]


def topik_hasil_rendah(topik: Iterable[Topik]) -> list[int]:
    return [t.pk for t in topik if t.untuk_hasil_rendah]


def celah_penilaian(evaluasi: Iterable[EvaluasiRingkas], topik: Sequence[Topik]) -> list[Celah]:
    """Rule 1: Di Bawah Ekspektasi on a BerAKHLAK value or on the Rating Hasil Kerja."""
    hasil: list[Celah] = []
    for ev in sorted(evaluasi, key=lambda e: (e.mulai, e.pk), reverse=True):
        label = label_penilaian(ev)
        for perilaku_id, nama in ev.perilaku_di_bawah:
            alasan = _(
                "Direkomendasikan karena penilaian %(label)s: "
                "perilaku %(nilai)s Di Bawah Ekspektasi"
            ) % {"label": label, "nilai": nama}
            hasil += [
                Celah(t, PERINGKAT_PENILAIAN, alasan, SumberKebutuhan.PENILAIAN)
                for t in topik_perilaku(topik, perilaku_id)
            ]
        if ev.rating_hasil == Rating.DI_BAWAH:
            alasan = _(
                "Direkomendasikan karena penilaian %(label)s: "
                "Rating Hasil Kerja Di Bawah Ekspektasi"
            ) % {"label": label}
            hasil += [
                Celah(t, PERINGKAT_PENILAIAN, alasan, SumberKebutuhan.PENILAIAN)
                for t in topik_hasil_rendah(topik)
            ]
    return hasil


def celah_kebutuhan(kebutuhan: Iterable[KebutuhanRingkas], topik: Sequence[Topik]) -> list[Celah]:
    """Rule 2: recorded needs → their topic (inactive topics are skipped)."""
    aktif = {t.pk for t in topik}
    hasil = []
    for k in kebutuhan:
        if k.topik_id not in aktif:
            continue
        if k.sumber == SumberKebutuhan.PEGAWAI:
            alasan = _("Direkomendasikan karena usulan pegawai: %(alasan)s") % {"alasan": k.alasan}
        else:
            alasan = _("Direkomendasikan karena masukan atasan: %(alasan)s") % {"alasan": k.alasan}
        peringkat = PERINGKAT_SUMBER.get(SumberKebutuhan(k.sumber), PERINGKAT_MASUKAN)
        hasil.append(Celah(k.topik_id, peringkat, alasan, k.sumber, kebutuhan_id=k.pk))
    return hasil


def celah_umpan_balik(
    umpan_balik: Iterable[UmpanBalikRingkas], topik: Sequence[Topik]
) -> list[Celah]:
    """Rule 3: feedback from the atasan side about a BerAKHLAK value → that value's topics."""
    hasil = []
    for ub in sorted(umpan_balik, key=lambda u: u.tanggal, reverse=True):
        alasan = _("Direkomendasikan karena umpan balik atasan tentang %(nilai)s (%(tanggal)s)") % {
            "nilai": ub.perilaku_nama,
            "tanggal": formats.date_format(ub.tanggal, "j F Y"),
        }
        hasil += [
            Celah(t, PERINGKAT_UMPAN_BALIK, alasan, SumberKebutuhan.UMPAN_BALIK)
            for t in topik_perilaku(topik, ub.perilaku_id)
        ]
    return hasil


def urut_celah(celah: Iterable[Celah]) -> list[Celah]:
    return sorted(celah, key=lambda c: c.peringkat)  # stable: keeps newest-first per source


def tersedia(k: Kandidat, hari_ini: dt.date) -> bool:
    """Active, not finished, places left."""
    if not k.aktif:
        return False
    if k.selesai is not None and k.selesai < hari_ini:
        return False
    if k.selesai is None and k.mulai is not None and k.mulai < hari_ini:
        return False
    return k.kuota is None or k.terisi < k.kuota


def _kunci_urut(r: Rekomendasi) -> tuple[int, int, dt.date, str, int]:
    mulai = r.pelatihan.mulai
    return (r.peringkat, mulai is None, mulai or dt.date.max, r.pelatihan.judul, r.pelatihan.pk)


def rekomendasikan(
    celah: Sequence[Celah],
    kandidat: Iterable[Kandidat],
    terdaftar: dict[int, str],
    hari_ini: dt.date,
) -> tuple[list[Rekomendasi], list[Rekomendasi]]:
    """(recommended, already enrolled) items for the gaps; `terdaftar` = pelatihan id → living
    enrolment status of the pegawai."""
    per_topik: dict[int, list[Celah]] = defaultdict(list)
    for c in urut_celah(celah):
        per_topik[c.topik_id].append(c)
    baru: list[Rekomendasi] = []
    sudah: list[Rekomendasi] = []
    for k in kandidat:
        cocok = [c for t in k.topik_ids for c in per_topik.get(t, [])]
        if not cocok:
            continue
        cocok.sort(key=lambda c: c.peringkat)
        alasan = list(dict.fromkeys(c.alasan for c in cocok))
        rek = Rekomendasi(pelatihan=k, alasan=alasan, peringkat=cocok[0].peringkat)
        if k.pk in terdaftar:
            rek.status_pendaftaran = terdaftar[k.pk]
            sudah.append(rek)
        elif tersedia(k, hari_ini):
            baru.append(rek)
    return sorted(baru, key=_kunci_urut), sorted(sudah, key=_kunci_urut)


# --- reads (constant queries) ---------------------------------------------------------------


def topik_aktif() -> list[Topik]:
    return [
        Topik(pk, nama, perilaku_id, hasil_rendah)
        for pk, nama, perilaku_id, hasil_rendah in TopikKompetensi.objects.filter(
            aktif=True
        ).values_list("pk", "nama", "perilaku_id", "untuk_hasil_rendah")
    ]


def evaluasi_terkunci_q(tahun: int) -> Q:
    """Locked evaluations of the year, and the annual one of the year before."""
    return Q(status=StatusEvaluasi.DIKUNCI) & (
        Q(periode__tahun=tahun) | Q(periode__tahun=tahun - 1, jenis=JenisEvaluasi.TAHUNAN)
    )


def evaluasi_pegawai(pegawai_ids: Sequence[int], tahun: int) -> dict[int, list[EvaluasiRingkas]]:
    """Locked evaluations with their Di Bawah values per pegawai (2 queries)."""
    rows = list(
        Evaluasi.objects.filter(evaluasi_terkunci_q(tahun), pegawai_id__in=pegawai_ids).values_list(
            "pk",
            "pegawai_id",
            "jenis",
            "urutan",
            "mulai",
            "periode__tahun",
            "periode__kadensi",
            "rating_hasil",
        )
    )
    perilaku: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for ev_id, perilaku_id, nama in (
        RatingPerilakuNilai.objects.filter(
            evaluasi_id__in=[r[0] for r in rows], rating=Rating.DI_BAWAH
        )
        .order_by("perilaku__urutan")
        .values_list("evaluasi_id", "perilaku_id", "perilaku__nama")
    ):
        perilaku[ev_id].append((perilaku_id, nama))
    hasil: dict[int, list[EvaluasiRingkas]] = defaultdict(list)
    for pk, pegawai_id, jenis, urutan, mulai, th, kadensi, rating_hasil in rows:
        hasil[pegawai_id].append(
            EvaluasiRingkas(
                pk, jenis, urutan, mulai, th, kadensi, rating_hasil, tuple(perilaku[pk])
            )
        )
    return hasil


def umpan_balik_pegawai(pegawai_id: int, tahun: int) -> list[UmpanBalikRingkas]:
    from kinerja.umpanbalik.models import UmpanBalik

    rows = (
        UmpanBalik.objects.filter(
            pegawai_id=pegawai_id,
            induk__isnull=True,
            permintaan=False,
            perilaku__isnull=False,
            dibuat_pada__year=tahun,
        )
        .exclude(penulis_id=pegawai_id)
        .values_list("perilaku_id", "perilaku__nama", "dibuat_pada")
    )
    return [UmpanBalikRingkas(p, n, timezone.localtime(w).date()) for p, n, w in rows]


def kebutuhan_pegawai(pegawai_id: int, tahun: int) -> list[KebutuhanRingkas]:
    return [
        KebutuhanRingkas(*row)
        for row in KebutuhanPengembangan.objects.filter(
            pegawai_id=pegawai_id, tahun=tahun, terpenuhi_pada__isnull=True
        )
        .order_by("-dibuat_pada", "-pk")
        .values_list("pk", "topik_id", "sumber", "alasan", "dicatat_oleh_id")
    ]


def kandidat_untuk_topik(topik_ids: Iterable[int]) -> list[Kandidat]:
    """Catalogue items having one of the topics, with all their topics and living enrolments
    (2 queries)."""
    Through = Pelatihan.topik.through
    pasangan: dict[int, set[int]] = defaultdict(set)
    ids = set(
        Through.objects.filter(topikkompetensi_id__in=list(topik_ids)).values_list(
            "pelatihan_id", flat=True
        )
    )
    if not ids:
        return []
    for pelatihan_id, topik_id in Through.objects.filter(pelatihan_id__in=ids).values_list(
        "pelatihan_id", "topikkompetensi_id"
    ):
        pasangan[pelatihan_id].add(topik_id)
    rows = Pelatihan.objects.filter(pk__in=ids).annotate(
        terisi=Count(
            "pendaftaran_set", filter=Q(pendaftaran_set__status__in=STATUS_PENDAFTARAN_HIDUP)
        )
    )
    return [
        Kandidat(
            pk=p.pk,
            judul=p.judul,
            topik_ids=frozenset(pasangan[p.pk]),
            aktif=p.aktif,
            mulai=p.mulai,
            selesai=p.selesai,
            kuota=p.kuota,
            terisi=p.terisi,
            jp=p.jp,
            bentuk=p.get_bentuk_display(),
            penyelenggara=p.penyelenggara,
        )
        for p in rows
    ]


def rekomendasi_untuk(
    pegawai_id: int, tahun: int, *, hari_ini: dt.date | None = None
) -> HasilRekomendasi:
    """Gaps and recommendations of one pegawai for a year: 9 queries at most, constant."""
    hari_ini = hari_ini or timezone.localdate()
    topik = topik_aktif()
    kebutuhan = kebutuhan_pegawai(pegawai_id, tahun)
    celah = urut_celah(
        celah_penilaian(evaluasi_pegawai([pegawai_id], tahun).get(pegawai_id, []), topik)
        + celah_kebutuhan(kebutuhan, topik)
        + celah_umpan_balik(umpan_balik_pegawai(pegawai_id, tahun), topik)
    )
    hasil = HasilRekomendasi(celah=celah, topik={t.pk: t for t in topik}, kebutuhan=kebutuhan)
    if not celah:
        return hasil
    kandidat = kandidat_untuk_topik({c.topik_id for c in celah})
    terdaftar = dict(
        Pendaftaran.objects.filter(
            pegawai_id=pegawai_id,
            status__in=STATUS_PENDAFTARAN_HIDUP,
            pelatihan_id__in=[k.pk for k in kandidat],
        ).values_list("pelatihan_id", "status")
    )
    hasil.rekomendasi, hasil.sudah = rekomendasikan(celah, kandidat, terdaftar, hari_ini)
    return hasil
