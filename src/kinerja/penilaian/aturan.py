"""The rules of the evaluation as functions over the rule tables (data in models.py).

Pure arithmetic is separated from the table reads so each rule can be tested at its
boundaries. Rounding is explicit everywhere (see docs/penilaian.md):

- shares in the distribution check are exact fractions (count × 100 compared with
  percent × total in integers/Decimals, never a rounded percentage): "at most 70%" of 10 allows
  7, of 9 allows 6 (6.3 → 6); "at least 60%" of 9 needs 6 (5.4 → 6);
- the average achievement is rounded half-up to 2 decimals, and that shown number is compared
  with the thresholds;
- angka kredit is computed exactly (fractions) and rounded half-up to 2 decimals at the end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kinerja.skp.models import Aspek, Kadensi, PeriodeKinerja

from .models import (
    AmbangUsulan,
    AturanDistribusi,
    JenisAturan,
    JenisEvaluasi,
    KoefisienAngkaKredit,
    KonversiPredikatOrganisasi,
    KonversiTpp,
    MatriksPredikat,
    PengaturanPenilaian,
    PersentaseAngkaKredit,
    Predikat,
    PredikatOrg,
    Rating,
)

SERATUS = Decimal(100)
DUA_DESIMAL = Decimal("0.01")


def bulat2(nilai: Decimal | Fraction) -> Decimal:
    """Round half-up to 2 decimals (exact for Fractions)."""
    if isinstance(nilai, Fraction):
        nilai = Decimal(nilai.numerator) / Decimal(nilai.denominator)
    return nilai.quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


# --- settings -------------------------------------------------------------------------------


def pengaturan() -> PengaturanPenilaian:
    """The settings row (the first one); an unsaved default row if an admin deleted it."""
    return PengaturanPenilaian.objects.order_by("pk").first() or PengaturanPenilaian()


# --- windows --------------------------------------------------------------------------------

BULAN_PER_KADENSI = {Kadensi.BULANAN: 1, Kadensi.TRIWULANAN: 3, Kadensi.SEMESTERAN: 6}


@dataclass(frozen=True)
class Jendela:
    """One evaluation window: a periodic period (urutan 1..n) or the year (urutan 0)."""

    jenis: str
    urutan: int
    mulai: dt.date
    selesai: dt.date

    @property
    def label(self) -> str:
        if self.jenis == JenisEvaluasi.TAHUNAN:
            return _("Tahunan")
        return _("Periode %(n)s") % {"n": self.urutan}

    @property
    def bulan(self) -> int:
        """Calendar months covered (inclusive): the pro-rata factor of angka kredit."""
        return jumlah_bulan(self.mulai, self.selesai)


def jumlah_bulan(mulai: dt.date, selesai: dt.date) -> int:
    return (selesai.year - mulai.year) * 12 + selesai.month - mulai.month + 1


def tambah_bulan(tanggal: dt.date, n: int) -> dt.date:
    m = tanggal.month - 1 + n
    return dt.date(tanggal.year + m // 12, m % 12 + 1, 1)


def jendela_periodik(periode: PeriodeKinerja) -> list[Jendela]:
    """The periodic windows of the periode by its kadensi (calendar months from `mulai`,
    the last one clipped to `selesai`)."""
    langkah = BULAN_PER_KADENSI.get(Kadensi(periode.kadensi), 3)
    hasil: list[Jendela] = []
    awal = periode.mulai
    urutan = 1
    while awal <= periode.selesai:
        akhir = min(
            tambah_bulan(awal.replace(day=1), langkah) - dt.timedelta(days=1), periode.selesai
        )
        hasil.append(Jendela(JenisEvaluasi.PERIODIK, urutan, awal, akhir))
        awal = akhir + dt.timedelta(days=1)
        urutan += 1
    return hasil


def jendela_tahunan(periode: PeriodeKinerja) -> Jendela:
    return Jendela(JenisEvaluasi.TAHUNAN, 0, periode.mulai, periode.selesai)


def jendela_dari(periode: PeriodeKinerja, jenis: str, urutan: int) -> Jendela:
    """The window `jenis`/`urutan` of `periode`, or ValidationError."""
    if jenis == JenisEvaluasi.TAHUNAN:
        return jendela_tahunan(periode)
    if jenis == JenisEvaluasi.PERIODIK:
        for j in jendela_periodik(periode):
            if j.urutan == urutan:
                return j
    raise ValidationError({"urutan": _("Periode penilaian tidak dikenal.")})


def boleh_dinilai_sejak(selesai: dt.date, tenggang_hari: int) -> dt.date:
    """First day a window ending on `selesai` may be rated: the day after it ends, moved
    `tenggang_hari` days earlier (grace 1 → the last day itself)."""
    return selesai + dt.timedelta(days=1) - dt.timedelta(days=tenggang_hari)


# --- matrix ---------------------------------------------------------------------------------


def matriks() -> dict[tuple[str, str], str]:
    """(rating hasil, rating perilaku) → predikat, one query."""
    return {
        (h, p): k
        for h, p, k in MatriksPredikat.objects.values_list(
            "rating_hasil", "rating_perilaku", "predikat"
        )
    }


def predikat_dari(
    rating_hasil: str, rating_perilaku: str, tabel: dict[tuple[str, str], str] | None = None
) -> str:
    """The predikat of a pegawai from the matrix — computed, never typed."""
    tabel = tabel if tabel is not None else matriks()
    try:
        return tabel[(rating_hasil, rating_perilaku)]
    except KeyError:
        raise ValidationError(
            {"rating_hasil": _("Sel matriks predikat untuk kombinasi rating ini belum diatur.")}
        ) from None


# --- achievement and proposal ---------------------------------------------------------------


def capaian(aspek: str, target: Decimal | None, realisasi: Decimal) -> Decimal | None:
    """Achievement in percent (not capped), or None when there is no numeric target.

    kuantitas, kualitas: realisasi ÷ target (higher is better);
    waktu, biaya: target ÷ realisasi (lower is better: finishing in 10 days against a target of
    12 is 120%); no realisasi yet (0) counts as 0%.
    """
    if target is None or target <= 0:
        return None
    realisasi = Decimal(realisasi)
    if aspek in {Aspek.WAKTU, Aspek.BIAYA}:
        if realisasi <= 0:
            return Decimal(0)
        return bulat2(Fraction(target) / Fraction(realisasi) * 100)
    return bulat2(Fraction(max(realisasi, Decimal(0))) / Fraction(target) * 100)


@dataclass
class Usulan:
    rating: str  # "" when nothing could be computed
    rata: Decimal | None
    dihitung: int
    teks_aturan: str


def ambang() -> list[tuple[Decimal, str]]:
    """(lower bound %, rating), highest first."""
    return [
        (b, r)
        for r, b in AmbangUsulan.objects.order_by("-batas_bawah").values_list(
            "rating", "batas_bawah"
        )
    ]


def teks_aturan_usulan(
    tabel: list[tuple[Decimal, str]] | None = None, batas: Decimal | None = None
) -> str:
    """The rule shown next to the proposal (the settings text, or built from the tables)."""
    setelan = pengaturan()
    if setelan.teks_aturan_usulan.strip():
        return setelan.teks_aturan_usulan.strip()
    tabel = tabel if tabel is not None else ambang()
    batas = batas if batas is not None else setelan.batas_capaian_persen
    bagian = []
    atas: Decimal | None = None
    for bawah, rating in tabel:
        label = str(Rating(rating).label)
        if atas is None:
            bagian.append(_("≥ %(b)s%% → %(r)s") % {"b": _angka(bawah), "r": label})
        elif bawah <= 0:
            bagian.append(_("< %(a)s%% → %(r)s") % {"a": _angka(atas), "r": label})
        else:
            bagian.append(
                _("%(b)s%% s.d. < %(a)s%% → %(r)s")
                % {"b": _angka(bawah), "a": _angka(atas), "r": label}
            )
        atas = bawah
    return _(
        "Usulan dari rata-rata capaian indikator bertarget angka (capaian per indikator dibatasi "
        "%(batas)s%%; kuantitas/kualitas = realisasi ÷ target, waktu/biaya = target ÷ realisasi): "
        "%(aturan)s."
    ) % {"batas": _angka(batas), "aturan": "; ".join(bagian)}


def _angka(nilai: Decimal) -> str:
    teks = f"{nilai.normalize():f}"
    return teks.replace(".", ",")


def usulan_dari(
    capaian_list: list[Decimal | None],
    *,
    tabel: list[tuple[Decimal, str]] | None = None,
    batas: Decimal | None = None,
) -> Usulan:
    """Proposed Rating Hasil Kerja: average of the capped achievements (None = no numeric
    target, left out), rounded half-up to 2 decimals; the row with the highest lower bound
    ≤ that average wins."""
    tabel = tabel if tabel is not None else ambang()
    batas = batas if batas is not None else pengaturan().batas_capaian_persen
    nilai = [min(c, batas) for c in capaian_list if c is not None]
    teks = teks_aturan_usulan(tabel, batas)
    if not nilai:
        return Usulan("", None, 0, teks)
    rata = bulat2(Fraction(sum(nilai, Decimal(0))) / len(nilai))
    for bawah, rating in tabel:
        if rata >= bawah:
            return Usulan(rating, rata, len(nilai), teks)
    return Usulan("", rata, len(nilai), teks)


def rating_pimpinan(predikat_organisasi: str) -> str:
    """For the leader of a unit: the Rating Hasil Kerja set by the unit's predikat organisasi."""
    rating = (
        KonversiPredikatOrganisasi.objects.filter(predikat_organisasi=predikat_organisasi)
        .values_list("rating_hasil", flat=True)
        .first()
    )
    if rating is None:
        raise ValidationError(
            {"rating_hasil": _("Konversi predikat organisasi ke rating hasil belum diatur.")}
        )
    return rating


# --- distribution ---------------------------------------------------------------------------


@dataclass
class Pelanggaran:
    aturan_id: int
    jenis: str
    predikat: list[str]
    jumlah: int
    total: int
    batas_orang: int | None
    pesan: str


@dataclass
class StatusAturan:
    aturan: AturanDistribusi
    jumlah: int
    total: int
    batas_orang: int | None
    terpenuhi: bool
    pesan: str = ""


@dataclass
class HasilDistribusi:
    predikat_organisasi: str
    total: int
    jumlah: dict[str, int] = field(default_factory=dict)
    aturan: list[StatusAturan] = field(default_factory=list)

    @property
    def pelanggaran(self) -> list[StatusAturan]:
        return [a for a in self.aturan if not a.terpenuhi]


def _nama_predikat(kode: list[str]) -> str:
    nama = [str(Predikat(k).label) for k in kode if k in Predikat.values]
    return _(" dan/atau ").join(nama)


def _persen_teks(jumlah: int, total: int) -> str:
    share = Fraction(jumlah * 100, total)
    if share.denominator == 1:
        return f"{share.numerator}%"
    satu = (Decimal(share.numerator) / Decimal(share.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    return f"{satu}%".replace(".", ",")


def _ambang_orang(jenis: str, persen: Decimal, total: int) -> int:
    """Allowed maximum (floor) or required minimum (ceiling) head count for `persen` of total."""
    tepat = Fraction(persen) * total / 100
    if jenis == JenisAturan.PALING_BANYAK:
        return tepat.numerator // tepat.denominator
    return -((-tepat.numerator) // tepat.denominator)


def nilai_distribusi(
    predikat_organisasi: str,
    jumlah: dict[str, int],
    aturan: list[AturanDistribusi] | None = None,
) -> HasilDistribusi:
    """Every rule of the curve with its status for these counts (one query unless `aturan`)."""
    if aturan is None:
        aturan = list(AturanDistribusi.objects.filter(predikat_organisasi=predikat_organisasi))
    else:
        aturan = [a for a in aturan if a.predikat_organisasi == predikat_organisasi]
    jumlah = {k: int(v) for k, v in jumlah.items() if k in Predikat.values}
    total = sum(jumlah.values())
    hasil = HasilDistribusi(predikat_organisasi, total, jumlah)
    disebut = {
        k for a in aturan if a.jenis != JenisAturan.SISANYA for k in (a.predikat_pegawai or [])
    }
    for a in aturan:
        himpunan = list(a.predikat_pegawai or [])
        nama = _nama_predikat(himpunan)
        if a.jenis == JenisAturan.SISANYA:
            luar = [k for k, n in jumlah.items() if n and k not in disebut and k not in himpunan]
            n_luar = sum(jumlah[k] for k in luar)
            st = StatusAturan(a, n_luar, total, None, n_luar == 0)
            if n_luar:
                st.pesan = _(
                    "%(nama)s %(n)s dari %(t)s — selain yang diatur di atas, hanya boleh %(boleh)s"
                ) % {"nama": _nama_predikat(luar), "n": n_luar, "t": total, "boleh": nama}
            hasil.aturan.append(st)
            continue
        n = sum(jumlah.get(k, 0) for k in himpunan)
        if a.persen is not None:
            batas = _ambang_orang(a.jenis, a.persen, total)
            syarat_teks = _angka(a.persen) + "%"
        else:
            batas = int(a.jumlah or 0)
            syarat_teks = _("%(n)s orang") % {"n": batas}
        ok = n <= batas if a.jenis == JenisAturan.PALING_BANYAK else n >= batas
        st = StatusAturan(a, n, total, batas, ok or total == 0)
        if not st.terpenuhi:
            if a.jenis == JenisAturan.PALING_BANYAK and batas == 0 and a.persen is None:
                syarat = _("tidak boleh ada")
            elif a.persen is None:
                syarat = (
                    _("paling banyak %(s)s")
                    if a.jenis == JenisAturan.PALING_BANYAK
                    else _("paling sedikit %(s)s")
                ) % {"s": syarat_teks}
            elif a.jenis == JenisAturan.PALING_BANYAK:
                syarat = _("paling banyak %(s)s (%(b)s orang)") % {"s": syarat_teks, "b": batas}
            else:
                syarat = _("paling sedikit %(s)s (%(b)s orang)") % {"s": syarat_teks, "b": batas}
            st.pesan = _("%(nama)s %(n)s dari %(t)s (%(p)s) — %(syarat)s") % {
                "nama": nama,
                "n": n,
                "t": total,
                "p": _persen_teks(n, total),
                "syarat": syarat,
            }
        hasil.aturan.append(st)
    return hasil


def periksa_distribusi(
    predikat_organisasi: str,
    counts: dict[str, int],
    aturan: list[AturanDistribusi] | None = None,
) -> list[Pelanggaran]:
    """Warnings for a unit's predikat counts against its curve: never blocks, never changes
    a predikat. An empty unit has no warnings."""
    if predikat_organisasi not in PredikatOrg.values:
        raise ValidationError({"predikat_organisasi": _("Predikat organisasi tidak dikenal.")})
    hasil = nilai_distribusi(predikat_organisasi, counts, aturan)
    return [
        Pelanggaran(
            aturan_id=s.aturan.pk,
            jenis=s.aturan.jenis,
            predikat=list(s.aturan.predikat_pegawai or []),
            jumlah=s.jumlah,
            total=s.total,
            batas_orang=s.batas_orang,
            pesan=s.pesan,
        )
        for s in hasil.pelanggaran
    ]


def teks_kurva(predikat_organisasi: str, aturan: list[AturanDistribusi] | None = None) -> list[str]:
    """The curve of a predikat organisasi as readable lines (the rules' keterangan)."""
    if aturan is None:
        aturan = list(AturanDistribusi.objects.filter(predikat_organisasi=predikat_organisasi))
    return [a.keterangan or str(a) for a in aturan if a.predikat_organisasi == predikat_organisasi]


# --- angka kredit and TPP -------------------------------------------------------------------


def hitung_angka_kredit(*, persen: Decimal, koefisien: Decimal, bulan: int = 12) -> Decimal:
    """AK = (bulan/12) × persen% × koefisien, exact, rounded half-up to 2 decimals.

    Ahli Pertama (12.5), Sangat Baik (150%), annual → 18.75; 2 months at Baik → 2.08.
    """
    nilai = Fraction(bulan, 12) * Fraction(persen) / 100 * Fraction(koefisien)
    return bulat2(nilai)


def angka_kredit(*, predikat: str, jenjang: str, bulan: int = 12) -> Decimal | None:
    """From the tables; None when the jenjang or predikat has no row (not fungsional)."""
    if not jenjang or not predikat:
        return None
    koef = (
        KoefisienAngkaKredit.objects.filter(jenjang=jenjang)
        .values_list("koefisien", flat=True)
        .first()
    )
    persen = (
        PersentaseAngkaKredit.objects.filter(predikat=predikat)
        .values_list("persen", flat=True)
        .first()
    )
    if koef is None or persen is None:
        return None
    return hitung_angka_kredit(persen=persen, koefisien=koef, bulan=bulan)


def tabel_angka_kredit() -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """(koefisien by jenjang, persen by predikat): two queries, for lists."""
    return (
        dict(KoefisienAngkaKredit.objects.values_list("jenjang", "koefisien")),
        dict(PersentaseAngkaKredit.objects.values_list("predikat", "persen")),
    )


def tabel_tpp() -> dict[str, Decimal]:
    return dict(KonversiTpp.objects.values_list("predikat", "persen"))


# --- keberatan window -----------------------------------------------------------------------


def hari_ke(dilihat: dt.date, tanggal: dt.date) -> int:
    """Day number of `tanggal` counted from the day the pegawai saw the result (= day 0)."""
    return (tanggal - dilihat).days


def keberatan_masih_boleh(dilihat: dt.date, tanggal: dt.date, batas_hari: int) -> bool:
    """Day 0 … day `batas_hari` (14) inclusive are accepted; day 15 is refused."""
    return 0 <= hari_ke(dilihat, tanggal) <= batas_hari


def batas_keberatan(dilihat: dt.date, batas_hari: int) -> dt.date:
    """The last day a keberatan is accepted."""
    return dilihat + dt.timedelta(days=batas_hari)
