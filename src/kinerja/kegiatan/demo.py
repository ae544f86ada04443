"""Demo history of activity reports for seed_demo: reports, reviews, realisasi, feedback.

For every pegawai with an SKP in the running periode: reports on working days (1–3 a day, most
days), Indonesian texts built from their own RHK plus varied verbs/objects/details (about 2 %
deliberate near-copies, flagged like the live check would), durations, output quantities for
kuantitas indikator, some links as evidence. Older reports are reviewed by the atasan (mostly
approved, ~5 % returned with a comment); the last days wait, longer for a few slow atasan.

`riwayat="kecil"` (make run): the last ~4.5 weeks, except the demo persona's team (the demo atasan
and their bawahan), who get the periode from its start. `riwayat="tahun"` (benchmarks): every
pegawai from the periode start to today (city: ~1.5 M reports).

Written with raw multi-row INSERTs (explicit ids, no per-row save, no signals, no history);
the monthly realisasi totals are summed while generating and written once; the recent window
is handed to the near-duplicate index when the kegiatan app provides one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kinerja.organisasi.demo import DEMO_NIP
from kinerja.organisasi.models import Instansi, Pegawai

from .models import (
    BuktiDukung,
    LaporanKegiatan,
    RealisasiBulanan,
    RealisasiManual,
    StatusLaporan,
    SumberMirip,
)

BATCH = 5000
JENDELA_KECIL_HARI_KERJA = 22  # ~4.5 weeks: covers the 28-day adoption window
PELUANG_LAPOR = 0.72  # share of working days with at least one report
JUMLAH_SEHARI = ([1, 2, 3], [0.5, 0.35, 0.15])
PELUANG_SALIN = 0.02  # deliberate near-copies (fairness flags)
PELUANG_KEMBALI = 0.05
PELUANG_TERLUPA = 0.003  # an old report the atasan never reviewed
PELUANG_TAUTAN = 0.12
SATUAN_TANPA_KUANTITAS = {"%", "indeks", "nilai", "persen"}
WIB = dt.timezone(dt.timedelta(hours=7))

KATA_KERJA = [
    "Menyusun",
    "Memverifikasi",
    "Mengoreksi",
    "Menginput",
    "Merekap",
    "Mengolah",
    "Menyiapkan",
    "Mengkoordinasikan",
    "Memeriksa",
    "Mendokumentasikan",
    "Menelaah",
    "Memfinalkan",
    "Mengarsipkan",
    "Mengunggah",
    "Menganalisis",
    "Memantau",
    "Membahas",
    "Memperbarui",
    "Mendistribusikan",
    "Mengevaluasi",
]
OBJEK = [
    "surat undangan rapat koordinasi",
    "notulen rapat",
    "data kepegawaian",
    "laporan bulanan",
    "usulan kenaikan pangkat",
    "berkas permohonan layanan",
    "rekap kehadiran pegawai",
    "SPJ kegiatan",
    "bahan paparan pimpinan",
    "matriks tindak lanjut temuan",
    "dokumen RKA",
    "data aset barang milik daerah",
    "surat keluar",
    "disposisi pimpinan",
    "aduan masyarakat",
    "formulir pendaftaran",
    "laporan realisasi anggaran",
    "berita acara serah terima",
    "daftar hadir kegiatan",
    "kuesioner survei kepuasan",
    "jadwal kegiatan pekan depan",
    "data pada aplikasi SIPD",
    "basis data layanan",
    "arsip inaktif",
    "nota dinas",
    "telaahan staf",
    "draf SOP pelayanan",
    "dokumen kontrak pengadaan",
    "laporan perjalanan dinas",
    "rencana kerja seksi",
    "konten informasi publik",
    "usulan kebutuhan pelatihan",
    "data capaian indikator",
    "checklist kelengkapan berkas",
]
KETERANGAN = [
    "bersama tim seksi",
    "sesuai arahan kepala bidang",
    "untuk periode {bulan}",
    "di ruang rapat lantai {lantai}",
    "melalui aplikasi SRIKANDI",
    "di Kelurahan {kel}",
    "bersama OPD terkait",
    "sebagai bahan rapat pimpinan",
    "secara daring melalui Zoom",
    "tahap {n}",
    "bersama pihak Kecamatan {kec}",
    "atas permintaan Sekretariat",
    "untuk pemohon dari Kelurahan {kel}",
    "dengan pendampingan operator",
    "menindaklanjuti surat nomor {nomor}",
    "untuk minggu ke-{minggu} bulan {bulan}",
]
RINCI = [
    "({n} berkas)",
    "sebanyak {n} dokumen",
    "hingga pukul {jam}.{menit}",
    "dan menyampaikan {n} catatan perbaikan",
    "kemudian melaporkan hasilnya kepada atasan",
    "dengan {n} peserta",
    "untuk {n} pemohon",
    "serta memperbaiki {n} data yang tidak sesuai",
]
KELURAHAN = [
    "Bukit Intan",
    "Gabek",
    "Girimaya",
    "Taman Sari",
    "Rangkui",
    "Gerunggang",
    "Bukit Besar",
    "Pasir Putih",
    "Air Itam",
    "Semabung Lama",
    "Bacang",
    "Opas Indah",
    "Kacang Pedang",
    "Tuatunu",
    "Pintu Air",
]
KECAMATAN = ["Bukit Intan", "Gabek", "Girimaya", "Taman Sari", "Rangkui", "Gerunggang"]
BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
AWALAN_RHK = re.compile(
    r"^(terlaksananya|tersusunnya|terselesaikannya|tercapainya target|tercapainya|"
    r"meningkatnya|terwujudnya)\s+",
    re.IGNORECASE,
)
DURASI = ([30, 45, 60, 90, 120, 150, 180, 240], [8, 6, 20, 18, 22, 8, 12, 6])
CATATAN_KEMBALI = [
    "Mohon lengkapi bukti dukung (foto atau dokumen).",
    "Uraian terlalu umum; sebutkan hasil kerjanya.",
    "Indikator yang dipilih kurang sesuai, mohon dipilih ulang.",
    "Durasi kurang wajar untuk kegiatan ini; mohon diperiksa.",
    "Jumlah output belum diisi.",
]
UMPAN_BALIK = [
    "Terima kasih, hasilnya rapi. Lanjutkan dengan rekap mingguan ya.",
    "Bagus. Lain kali lampirkan foto kegiatan sebagai bukti.",
    "Sudah sesuai target. Coba koordinasikan juga dengan seksi sebelah.",
    "Perhatikan tenggat: dokumen ini ditunggu pimpinan hari Jumat.",
    "Kerja yang baik; capaian bulan ini di atas rata-rata seksi.",
    "Uraiannya jelas. Tolong sebutkan nomor suratnya bila ada.",
]
BALASAN = [
    "Baik, terima kasih atas masukannya.",
    "Siap, akan saya perbaiki minggu ini.",
    "Terima kasih, Bu/Pak. Rekap mingguan saya kirim Jumat.",
    "Baik, foto kegiatan akan saya lampirkan berikutnya.",
]
PERMINTAAN = [
    "Mohon masukan atas laporan ini, apakah sudah sesuai harapan?",
    "Mohon arahan untuk capaian RHK ini pada triwulan berjalan.",
    "Apakah format rekap yang saya buat sudah tepat?",
]
TOPIK_DIALOG = [
    "Capaian triwulan III dan kendala input data",
    "Rencana pengembangan kompetensi dan pembagian tugas",
    "Ketepatan waktu penyelesaian dokumen",
]
KESEPAKATAN = [
    "Target rekap mingguan setiap Jumat; bukti dukung dilampirkan pada setiap laporan.",
    "Pegawai mengikuti pelatihan pengelolaan arsip; atasan menyediakan waktu mentoring.",
]
TINDAK_LANJUT = [
    "Menyusun jadwal rekap mingguan",
    "Mendaftar pelatihan daring pengelolaan arsip",
    "Menyiapkan templat laporan bulanan",
    "Mengatur pembagian tugas input data",
]


@dataclass
class _Pegawai:
    pegawai_id: int
    skp_id: int
    skp_disetujui: bool
    atasan_id: int | None
    unit_id: int
    indikator: list[tuple[int, int, str, str, Decimal | None, str]] = field(default_factory=list)
    # (indikator id, rhk id, aspek, satuan, target, rhk fragment)
    rhk: dict[int, str] = field(default_factory=dict)


class _Lap:
    __slots__ = (
        "pk",
        "pegawai_id",
        "skp_id",
        "rhk_id",
        "indikator_id",
        "tanggal",
        "jam_mulai",
        "durasi",
        "uraian",
        "kuantitas",
        "satuan",
        "tautan",
        "status",
        "direview_oleh_id",
        "direview_pada",
        "catatan",
        "dibuat_pada",
        "mirip_dengan_id",
        "skor_mirip",
        "mirip_sumber",
    )
    pk: int
    pegawai_id: int
    skp_id: int
    tanggal: dt.date
    durasi: int
    uraian: str
    dibuat_pada: dt.datetime

    @classmethod
    def dari(cls, laporan: LaporanKegiatan) -> _Lap:
        lap = cls()
        lap.pk, lap.pegawai_id, lap.tanggal = laporan.pk, laporan.pegawai_id, laporan.tanggal
        lap.uraian = laporan.uraian
        return lap

    def __init__(self) -> None:
        self.kuantitas: int = 0
        self.tautan = ""
        self.status = StatusLaporan.DIAJUKAN.value
        self.direview_oleh_id: int | None = None
        self.direview_pada: dt.datetime | None = None
        self.catatan = ""
        self.mirip_dengan_id: int | None = None
        self.skor_mirip: float | None = None
        self.mirip_sumber = ""
        self.jam_mulai: dt.time | None = None
        self.rhk_id: int | None = None
        self.indikator_id: int | None = None
        self.satuan = ""


# --- small helpers ------------------------------------------------------------------------


def _hari_kerja(instansi_id: int, mulai: dt.date, selesai: dt.date) -> list[dt.date]:
    """Working days: the notifikasi calendar (holidays as data) when present, else Mon–Fri."""
    try:
        from kinerja.notifikasi import kalender
    except ImportError:
        pass
    else:
        return list(kalender.hari_kerja(instansi_id, mulai, selesai))
    hari = []
    d = mulai
    while d <= selesai:
        if d.weekday() < 5:
            hari.append(d)
        d += dt.timedelta(days=1)
    return hari


def _kata(teks: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", teks.lower())


def jaccard(a: str, b: str, k: int = 3) -> float:
    """Jaccard similarity of word k-shingles (the demo's own estimate of a copy's score)."""
    wa, wb = _kata(a), _kata(b)
    sa = {tuple(wa[i : i + k]) for i in range(max(1, len(wa) - k + 1))}
    sb = {tuple(wb[i : i + k]) for i in range(max(1, len(wb) - k + 1))}
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def _fragmen_rhk(teks: str) -> str:
    frag = AWALAN_RHK.sub("", teks.strip()).rstrip(".")
    return frag[:1].lower() + frag[1:]


def _uraian(rng: random.Random, tanggal: dt.date, fragmen: str) -> str:
    verb = rng.choice(KATA_KERJA)
    objek = rng.choice(OBJEK)
    isi = {
        "bulan": BULAN[tanggal.month - 1],
        "lantai": rng.randint(1, 3),
        "kel": rng.choice(KELURAHAN),
        "kec": rng.choice(KECAMATAN),
        "n": rng.randint(2, 40),
        "nomor": f"{rng.randint(1, 999):03d}/{rng.randint(10, 99)}/{ROMAWI[tanggal.month - 1]}"
        f"/{tanggal.year}",
        "minggu": (tanggal.day - 1) // 7 + 1,
        "jam": rng.randint(9, 16),
        "menit": rng.choice(["00", "15", "30", "45"]),
    }
    bagian = [f"{verb} {objek}"]
    if fragmen and rng.random() < 0.6:
        bagian.append(f"terkait {fragmen}")
    bagian.append(rng.choice(KETERANGAN).format(**isi))
    if rng.random() < 0.7:
        bagian.append(rng.choice(RINCI).format(**isi))
    return " ".join(bagian) + "."


def _salin(rng: random.Random, teks: str) -> str:
    """A near-copy: case, punctuation and at most one small word changed."""
    hasil = teks.rstrip(".")
    pilihan = rng.random()
    if pilihan < 0.4:
        hasil = hasil.lower()
    elif pilihan < 0.7:
        hasil = hasil.replace(" dan ", ", ") + ";"
    else:
        hasil = hasil + " hari ini"
    return hasil if hasil.endswith((".", ";")) else hasil + "."


def _waktu(tanggal: dt.date, jam: int, menit: int = 0) -> dt.datetime:
    return dt.datetime.combine(tanggal, dt.time(jam, menit), tzinfo=WIB)


def _url(nama: str, pk: int, cadangan: str) -> str:
    try:
        return reverse(nama, args=[pk])
    except NoReverseMatch:
        return cadangan


# --- raw bulk insert ----------------------------------------------------------------------


def _desimal(digits: int | None, places: int | None) -> Callable[[Any], Any]:
    def adapt(v: Any) -> Any:
        return connection.ops.adapt_decimalfield_value(v, digits, places)

    return adapt


def _perbarui_statistik() -> None:
    """After a bulk load PostgreSQL's planner has no statistics for the new rows until
    autovacuum gets to them; refresh them now so the first requests use the indexes."""
    if connection.vendor != "postgresql":
        return
    from . import models as m

    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in (m.LaporanKegiatan, m.LaporanSidik, m.RealisasiBulanan):
            cursor.execute(f"ANALYZE {q(model._meta.db_table)}")


class _Penyisip:
    """INSERT rows of one model through the cursor, in batches; other columns get defaults."""

    def __init__(self, model: type[models.Model], kolom: Sequence[str]) -> None:
        self.model = model
        fields = {f.attname: f for f in model._meta.concrete_fields}
        self.kolom = list(kolom)
        # an unlisted auto primary key is left to the database (NULL fails on PostgreSQL)
        self.lain = [f for a, f in fields.items() if a not in self.kolom and not f.primary_key]
        self.nilai_lain = tuple(f.get_db_prep_save(f.get_default(), connection) for f in self.lain)
        ops = connection.ops
        adapt: list[Callable[[Any], Any] | None] = []
        for nama in self.kolom:
            f = fields[nama]
            if isinstance(f, models.DateTimeField):
                adapt.append(ops.adapt_datetimefield_value)
            elif isinstance(f, models.DateField):
                adapt.append(ops.adapt_datefield_value)
            elif isinstance(f, models.TimeField):
                adapt.append(ops.adapt_timefield_value)
            elif isinstance(f, models.DecimalField):
                adapt.append(_desimal(f.max_digits, f.decimal_places))
            else:
                adapt.append(None)
        self.adapt = adapt
        q = ops.quote_name
        semua = [fields[a].column for a in self.kolom] + [f.column for f in self.lain]
        tanda = ", ".join(["%s"] * len(semua))
        tabel, nama_kolom = q(model._meta.db_table), ", ".join(q(c) for c in semua)
        # names from model metadata, values as parameters
        self.sql = f"INSERT INTO {tabel} ({nama_kolom}) VALUES ({tanda})"  # noqa: S608
        self.antre: list[tuple[Any, ...]] = []
        self.jumlah = 0

    def tambah(self, row: Sequence[Any]) -> None:
        self.antre.append(
            tuple(
                v if a is None or v is None else a(v) for v, a in zip(row, self.adapt, strict=True)
            )
            + self.nilai_lain
        )
        if len(self.antre) >= BATCH:
            self.kirim()

    def kirim(self) -> None:
        if not self.antre:
            return
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, self.antre)
        self.jumlah += len(self.antre)
        self.antre = []

    def selesai(self) -> None:
        self.kirim()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [self.model]):
                    cursor.execute(sql)


KOLOM_LAPORAN = [
    "id",
    "pegawai_id",
    "skp_id",
    "rhk_id",
    "indikator_id",
    "tanggal",
    "jam_mulai",
    "jam_selesai",
    "durasi_menit",
    "uraian",
    "kuantitas",
    "satuan",
    "tautan",
    "status",
    "direview_oleh_id",
    "direview_pada",
    "catatan_review",
    "dibuat_pada",
    "diubah_pada",
    "revisi",
    "mirip_dengan_id",
    "skor_mirip",
    "mirip_sumber",
]


def _baris(lap: _Lap) -> tuple[Any, ...]:
    selesai = None
    if lap.jam_mulai is not None:
        akhir = dt.datetime.combine(lap.tanggal, lap.jam_mulai) + dt.timedelta(minutes=lap.durasi)
        selesai = akhir.time()
    return (
        lap.pk,
        lap.pegawai_id,
        lap.skp_id,
        lap.rhk_id,
        lap.indikator_id,
        lap.tanggal,
        lap.jam_mulai,
        selesai,
        lap.durasi,
        lap.uraian,
        Decimal(lap.kuantitas) if lap.kuantitas else None,
        lap.satuan if lap.kuantitas else "",
        lap.tautan,
        lap.status,
        lap.direview_oleh_id,
        lap.direview_pada,
        lap.catatan,
        lap.dibuat_pada,
        lap.direview_pada or lap.dibuat_pada,
        1 if lap.status == StatusLaporan.DISETUJUI else 0,
        lap.mirip_dengan_id,
        lap.skor_mirip,
        lap.mirip_sumber,
    )


# --- reading the SKP side -----------------------------------------------------------------


def _pegawai_skp(periode: Any) -> dict[int, _Pegawai]:
    from kinerja.skp.models import IndikatorKinerja, Rhk, Skp, StatusSkp

    orang: dict[int, _Pegawai] = {}
    for pk, pegawai_id, status, atasan_id, unit_id in (
        Skp.objects.filter(periode=periode, aktif=True, pegawai__is_active=True)
        .order_by("unit_id", "pegawai_id")
        .values_list("pk", "pegawai_id", "status", "pejabat_penilai_id", "unit_id")
    ):
        orang[pegawai_id] = _Pegawai(
            pegawai_id, pk, status == StatusSkp.DISETUJUI, atasan_id, unit_id or 0
        )
    per_skp = {o.skp_id: o for o in orang.values()}
    for rhk_id, skp_id, teks in Rhk.objects.filter(skp_id__in=list(per_skp)).values_list(
        "pk", "skp_id", "teks"
    ):
        per_skp[skp_id].rhk[rhk_id] = _fragmen_rhk(teks)
    rhk_skp = {r: o for o in per_skp.values() for r in o.rhk}
    for pk, rhk_id, aspek, satuan, target in (
        IndikatorKinerja.objects.filter(rhk__skp_id__in=list(per_skp))
        .order_by("rhk_id", "urutan", "pk")
        .values_list("pk", "rhk_id", "aspek", "target_satuan", "target_angka")
    ):
        o = rhk_skp[rhk_id]
        o.indikator.append((pk, rhk_id, aspek, satuan, target, o.rhk[rhk_id]))
    return orang


# --- the generator ------------------------------------------------------------------------


@dataclass
class _Konteks:
    rng: random.Random
    hari_ini: dt.date
    sekarang: dt.datetime
    hari: list[dt.date]  # working days of the periode up to today
    frac: float  # elapsed share of the periode
    lag: dict[int, int]  # atasan id → working days they lag behind
    next_id: int
    penyisip: _Penyisip
    indeks: _Indeks
    realisasi: dict[tuple[int, int, int], list[Any]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0, Decimal(0)])
    )
    unit_terakhir: dict[int, list[tuple[int, dt.date, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    status: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    salinan: int = 0
    contoh: dict[int, list[tuple[int, dt.date, int | None]]] = field(default_factory=dict)
    urut: dict[dt.date, int] = field(default_factory=dict)  # working day → age (0 = latest)

    def __post_init__(self) -> None:
        self.urut = {d: i for i, d in enumerate(reversed(self.hari))}


def _tinjau(k: _Konteks, lap: _Lap, atasan_id: int | None, urut_hari: int) -> None:
    """Status by age in working days (0 = today) and the atasan's lag."""
    rng = k.rng
    if atasan_id is None:
        return
    lag = k.lag.get(atasan_id, 1)
    if urut_hari < lag:
        if rng.random() < 0.15 and urut_hari > 0:
            lap.status = StatusLaporan.DISETUJUI
        else:
            return
    elif rng.random() < PELUANG_TERLUPA:
        return
    elif rng.random() < PELUANG_KEMBALI:
        lap.status = StatusLaporan.DIKEMBALIKAN
        lap.catatan = rng.choice(CATATAN_KEMBALI)
    else:
        lap.status = StatusLaporan.DISETUJUI
    tunda = min(lag, urut_hari) if urut_hari else 0
    tanggal = lap.tanggal + dt.timedelta(
        days=tunda + (2 if tunda and lap.tanggal.weekday() >= 4 else 0)
    )
    pada = _waktu(min(tanggal, k.hari_ini), rng.randint(8, 15), rng.randint(0, 59))
    lap.direview_pada = max(min(pada, k.sekarang), lap.dibuat_pada)
    lap.direview_oleh_id = atasan_id


def _laporan_pegawai(k: _Konteks, o: _Pegawai, hari: list[dt.date]) -> list[_Lap]:
    rng = k.rng
    urut = k.urut
    hasil: list[_Lap] = []
    for tanggal in hari:
        if rng.random() > PELUANG_LAPOR:
            continue
        jam = dt.time(7, 30)
        for _ in range(rng.choices(*JUMLAH_SEHARI)[0]):
            lap = _Lap()
            lap.pk = k.next_id
            k.next_id += 1
            lap.pegawai_id = o.pegawai_id
            lap.skp_id = o.skp_id
            lap.tanggal = tanggal
            lap.durasi = rng.choices(*DURASI)[0]
            if rng.random() < 0.5:
                lap.jam_mulai = jam
            akhir = dt.datetime.combine(tanggal, jam) + dt.timedelta(minutes=lap.durasi + 15)
            jam = akhir.time() if akhir.date() == tanggal and akhir.hour < 16 else dt.time(13, 0)
            fragmen = ""
            if o.indikator:
                kuant = [i for i in o.indikator if i[2] == "kuantitas"]
                pilih = rng.choice(kuant if kuant and rng.random() < 0.8 else o.indikator)
                lap.indikator_id, lap.rhk_id, _aspek, lap.satuan, _t, fragmen = pilih
            lap.uraian = _uraian(rng, tanggal, fragmen)
            if rng.random() < PELUANG_TAUTAN:
                lap.tautan = (
                    f"https://arsip.pangkalpinangkota.go.id/berkas/{rng.getrandbits(40):010x}"
                )
            lap.dibuat_pada = _waktu(tanggal, rng.randint(14, 16), rng.randint(0, 59))
            if lap.dibuat_pada > k.sekarang:
                lap.dibuat_pada = k.sekarang - dt.timedelta(minutes=rng.randint(1, 90))
            _tinjau(k, lap, o.atasan_id, urut.get(tanggal, 0))
            hasil.append(lap)
    _kuantitas(k, o, hasil)
    _salinan(k, o, hasil)
    return hasil


def _kuantitas(k: _Konteks, o: _Pegawai, laporan: list[_Lap]) -> None:
    """Spread a plausible total (target × elapsed share × 0.5–1.15) over an indikator's reports."""
    per_ind: dict[int, list[_Lap]] = defaultdict(list)
    for lap in laporan:
        if lap.indikator_id is not None:
            per_ind[lap.indikator_id].append(lap)
    for ind_id, _rhk, aspek, satuan, target, _f in o.indikator:
        rows = per_ind.get(ind_id)
        if not rows or aspek != "kuantitas" or satuan.lower() in SATUAN_TANPA_KUANTITAS:
            continue
        porsi = len(rows) / max(1, len(laporan))
        cakupan = min(1.0, len(laporan) / max(1, len(k.hari) * PELUANG_LAPOR * 1.65))
        total = round(float(target or 12) * k.frac * cakupan * k.rng.uniform(0.5, 1.15))
        total = max(total, 1 if porsi else 0)
        for _ in range(total):
            k.rng.choice(rows).kuantitas += 1


def _salinan(k: _Konteks, o: _Pegawai, laporan: list[_Lap]) -> None:
    """~2 % near-copies: of the same pegawai's earlier day, or of a unit colleague's report."""
    rng = k.rng
    dari_unit = k.unit_terakhir[o.unit_id]
    for i, lap in enumerate(laporan):
        if rng.random() >= PELUANG_SALIN:
            continue
        sumber: tuple[int, str, str] | None = None
        lebih_awal = [x for x in laporan[:i] if x.tanggal < lap.tanggal]
        if lebih_awal and (rng.random() < 0.6 or not dari_unit):
            src = rng.choice(lebih_awal[-30:])
            sumber = (src.pk, src.uraian, SumberMirip.SENDIRI.value)
        else:
            calon = [x for x in dari_unit if x[1] <= lap.tanggal]
            if calon:
                src_pk, _tgl, teks = rng.choice(calon)
                sumber = (src_pk, teks, SumberMirip.ORANG_LAIN.value)
        salinan = salinan_dari(rng, sumber[1]) if sumber is not None else None
        if sumber is None or salinan is None:
            continue
        lap.uraian, lap.skor_mirip = salinan
        lap.mirip_dengan_id, lap.mirip_sumber = sumber[0], sumber[2]
        k.salinan += 1
    if laporan:
        sampel = rng.sample(laporan, min(5, len(laporan)))
        dari_unit.extend((x.pk, x.tanggal, x.uraian) for x in sampel if not x.mirip_dengan_id)
        del dari_unit[:-40]


def _simpan(k: _Konteks, laporan: Iterable[_Lap]) -> None:
    for lap in laporan:
        k.status[lap.status] += 1
        if lap.status == StatusLaporan.DISETUJUI and lap.indikator_id is not None:
            tot = k.realisasi[(lap.indikator_id, lap.tanggal.year, lap.tanggal.month)]
            tot[0] += 1
            tot[1] += lap.durasi
            if lap.kuantitas:
                tot[2] += lap.kuantitas
        k.penyisip.tambah(_baris(lap))
        k.indeks.tambah(lap)


# --- personas -----------------------------------------------------------------------------


def _persona(k: _Konteks, laporan: list[_Lap], o: _Pegawai) -> None:
    """The demo pegawai: yesterday's and today's reports wait; one recent one was returned;
    one waiting report is a near-copy of their own earlier report (flag in the atasan's queue)."""
    rng = k.rng
    terakhir = k.hari[-1]
    baru = [x for x in laporan if x.tanggal >= k.hari[-2]]
    if not any(x.tanggal == terakhir for x in laporan):
        for x in laporan[-2:]:
            x.tanggal = terakhir
    for x in laporan:
        if x.tanggal < k.hari[-2] and x.status == StatusLaporan.DIAJUKAN and o.atasan_id:
            x.status, x.direview_oleh_id = StatusLaporan.DISETUJUI, o.atasan_id
            x.direview_pada = min(x.dibuat_pada + dt.timedelta(hours=20), k.sekarang)
        if x.tanggal >= k.hari[-2]:
            x.status, x.direview_oleh_id, x.direview_pada, x.catatan = (
                StatusLaporan.DIAJUKAN,
                None,
                None,
                "",
            )
    minggu_ini = [x for x in laporan if k.hari[-6] <= x.tanggal < k.hari[-2]]
    if minggu_ini and o.atasan_id:
        x = rng.choice(minggu_ini)
        x.status = StatusLaporan.DIKEMBALIKAN
        x.catatan = "Mohon lampirkan foto kegiatan dan sebutkan jumlah berkas yang selesai."
        x.direview_oleh_id = o.atasan_id
        x.direview_pada = min(x.dibuat_pada + dt.timedelta(hours=18), k.sekarang)
    lama = [x for x in laporan if k.hari[-12] <= x.tanggal <= k.hari[-7] and not x.mirip_dengan_id]
    baru = [x for x in laporan if x.tanggal >= k.hari[-2]]
    src = rng.choice(lama) if lama and baru else None
    salinan = salinan_dari(rng, src.uraian) if src is not None else None
    if src is not None and salinan is not None:
        x = baru[0]
        x.uraian, x.skor_mirip = salinan
        x.mirip_dengan_id, x.mirip_sumber = src.pk, SumberMirip.SENDIRI.value
        x.indikator_id, x.rhk_id, x.satuan = src.indikator_id, src.rhk_id, src.satuan
        k.salinan += 1
    for x in laporan[-12:]:
        if not x.tautan and rng.random() < 0.5:
            x.tautan = f"https://arsip.pangkalpinangkota.go.id/berkas/{rng.getrandbits(40):010x}"


def _bukti_persona(laporan: list[_Lap], pegawai_id: int) -> int:
    """Two real small files (a PNG photo, a PDF) on the demo pegawai's recent reports."""
    from PIL import Image, ImageDraw

    if not laporan:
        return 0
    gambar = Image.new("RGB", (640, 420), (236, 240, 243))
    pena = ImageDraw.Draw(gambar)
    pena.rectangle((40, 60, 600, 360), outline=(40, 90, 140), width=6)
    pena.rectangle((80, 120, 300, 320), fill=(120, 160, 200))
    pena.text((330, 140), "Dokumentasi kegiatan", fill=(20, 30, 40))
    pena.text((330, 170), "Rapat koordinasi", fill=(20, 30, 40))
    buf = io.BytesIO()
    gambar.save(buf, "PNG")
    png = buf.getvalue()
    pdf = _pdf_kecil("Notulen rapat koordinasi")
    target = laporan[-1]
    kedua = laporan[-3] if len(laporan) >= 3 else target
    rows = [
        (target.pk, f"foto-kegiatan-{target.tanggal:%Y%m%d}.png", png, "png"),
        (kedua.pk, f"notulen-{kedua.tanggal:%Y%m%d}.pdf", pdf, "pdf"),
    ]
    for laporan_id, nama, isi, jenis in rows:
        bukti = BuktiDukung(
            laporan_id=laporan_id,
            nama_asli=nama,
            jenis=jenis,
            ukuran=len(isi),
            diunggah_oleh_id=pegawai_id,
        )
        bukti.berkas.save(nama, ContentFile(isi), save=False)
        bukti.save()
    return len(rows)


def _pdf_kecil(judul: str) -> bytes:
    """A tiny valid one-page PDF with one line of text."""
    stream = f"BT /F1 18 Tf 72 760 Td ({judul}) Tj ET".encode()
    objek = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    posisi = []
    for i, isi in enumerate(objek, start=1):
        posisi.append(len(out))
        out += b"%d 0 obj\n" % i + isi + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objek) + 1)
    for p in posisi:
        out += b"%010d 00000 n \n" % p
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objek) + 1,
        xref,
    )
    return bytes(out)


# --- realisasi, manual entries, feedback, notifications ------------------------------------


def _realisasi_manual(k: _Konteks, orang: Iterable[_Pegawai]) -> int:
    """Quarter-end manual realisasi (approved) for indikator that reports do not count."""
    rng = k.rng
    rows = []
    for o in orang:
        if not o.skp_disetujui or o.atasan_id is None:
            continue
        for ind_id, _rhk, aspek, satuan, target, _f in o.indikator:
            tanpa = satuan.lower() in SATUAN_TANPA_KUANTITAS
            if aspek == "kuantitas" and not tanpa:
                continue
            akhir = [
                dt.date(k.hari_ini.year, m, {3: 31, 6: 30, 9: 30}[m])
                for m in (3, 6, 9)
                if dt.date(k.hari_ini.year, m, 28) < k.hari_ini
                and k.hari[0] <= dt.date(k.hari_ini.year, m, 1)
            ]
            if aspek == "kuantitas":
                akhir = akhir[-1:]
            for tanggal in akhir:
                dasar = float(target or 100)
                nilai = Decimal(str(round(dasar * rng.uniform(0.82, 1.02), 2)))
                rows.append(
                    RealisasiManual(
                        indikator_id=ind_id,
                        pegawai_id=o.pegawai_id,
                        tanggal=tanggal,
                        nilai=nilai,
                        keterangan=f"Capaian s.d. {tanggal:%d-%m-%Y} berdasarkan rekap seksi.",
                        status=StatusLaporan.DISETUJUI,
                        direview_oleh_id=o.atasan_id,
                        direview_pada=_waktu(tanggal + dt.timedelta(days=3), 10),
                        revisi=1,
                    )
                )
                tot = k.realisasi[(ind_id, tanggal.year, tanggal.month)]
                while len(tot) < 4:
                    tot.append(Decimal(0))
                tot[3] += nilai
    RealisasiManual.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _tulis_realisasi(k: _Konteks) -> int:
    rows = [
        RealisasiBulanan(
            indikator_id=ind,
            tahun=tahun,
            bulan=bulan,
            jumlah_laporan=tot[0],
            menit=tot[1],
            kuantitas=tot[2],
            manual=tot[3] if len(tot) > 3 else Decimal(0),
        )
        for (ind, tahun, bulan), tot in k.realisasi.items()
    ]
    RealisasiBulanan.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _umpan_balik(
    k: _Konteks, orang: dict[int, _Pegawai], persona: dict[str, int], perilaku_ids: list[int]
) -> tuple[int, int]:
    """Feedback threads for ~8 % of pegawai (and the personas), dialogs for ~4 %."""
    from kinerja.umpanbalik.models import DialogKinerja, Sasaran, TindakLanjutDialog, UmpanBalik

    rng = k.rng
    akar: list[tuple[UmpanBalik, list[UmpanBalik]]] = []
    dialog: list[tuple[DialogKinerja, list[TindakLanjutDialog]]] = []
    pegawai_demo = persona.get("pegawai")
    for pid, contoh in k.contoh.items():
        o = orang[pid]
        if o.atasan_id is None or not contoh:
            continue
        demo = pid == pegawai_demo
        for _ in range(3 if demo else rng.randint(1, 2)):
            laporan_id, tanggal, rhk_id = rng.choice(contoh)
            waktu = min(_waktu(tanggal + dt.timedelta(days=1), rng.randint(8, 15)), k.sekarang)
            minta = rng.random() < 0.3
            root = UmpanBalik(
                pegawai_id=pid,
                penulis_id=pid if minta else o.atasan_id,
                pejabat_id=o.atasan_id,
                skp_id=o.skp_id,
                sasaran=Sasaran.LAPORAN,
                laporan_id=laporan_id,
                permintaan=minta,
                teks=rng.choice(PERMINTAAN if minta else UMPAN_BALIK),
                dibuat_pada=waktu,
                aktivitas_pada=waktu,
            )
            if rhk_id and rng.random() < 0.3 and not minta:
                root.sasaran, root.laporan_id, root.rhk_id = Sasaran.RHK, None, rhk_id
                bulan_akhir = 3 * ((tanggal.month - 1) // 3) + 3
                root.periode_mulai = dt.date(tanggal.year, bulan_akhir - 2, 1)
                root.periode_selesai = dt.date(
                    tanggal.year, bulan_akhir, calendar.monthrange(tanggal.year, bulan_akhir)[1]
                )
            elif perilaku_ids and rng.random() < 0.1 and not minta:
                root.sasaran, root.laporan_id, root.perilaku_id = (
                    Sasaran.PERILAKU,
                    None,
                    rng.choice(perilaku_ids),
                )
            balasan: list[UmpanBalik] = []
            dibalas = rng.random() < (0.7 if minta else 0.5)
            if demo and not minta:
                dibalas = False  # unread feedback waiting for the demo pegawai
            if dibalas:
                w2 = min(waktu + dt.timedelta(hours=rng.randint(2, 30)), k.sekarang)
                balasan.append(
                    UmpanBalik(
                        pegawai_id=pid,
                        penulis_id=o.atasan_id if minta else pid,
                        pejabat_id=o.atasan_id,
                        skp_id=o.skp_id,
                        sasaran=root.sasaran,
                        laporan_id=root.laporan_id,
                        rhk_id=root.rhk_id,
                        perilaku_id=root.perilaku_id,
                        teks=rng.choice(UMPAN_BALIK if minta else BALASAN),
                        dibuat_pada=w2,
                        aktivitas_pada=w2,
                        dibaca_pada=w2 + dt.timedelta(hours=1) if w2 < k.sekarang else None,
                    )
                )
                root.aktivitas_pada = w2
                root.dibaca_pada = w2
                if minta:
                    root.dijawab_pada = w2
            elif not minta and not demo and rng.random() < 0.6:
                root.dibaca_pada = waktu + dt.timedelta(hours=3)
            akar.append((root, balasan))
        if (demo or rng.random() < 0.5) and len(k.hari) > 30:
            tanggal = k.hari[-rng.randint(8, 25)]
            d = DialogKinerja(
                pegawai_id=pid,
                atasan_id=o.atasan_id,
                skp_id=o.skp_id,
                tanggal=tanggal,
                topik=rng.choice(TOPIK_DIALOG),
                kesepakatan=rng.choice(KESEPAKATAN),
                dibuat_oleh_id=o.atasan_id,
                dibuat_pada=_waktu(tanggal, 14),
                dikonfirmasi_atasan_pada=_waktu(tanggal, 14),
                dikonfirmasi_pegawai_pada=None if demo else _waktu(tanggal + dt.timedelta(1), 9),
            )
            tl = [
                TindakLanjutDialog(
                    dialog=d,
                    aksi=aksi,
                    pemilik_id=pemilik,
                    batas=tanggal + dt.timedelta(days=rng.choice([7, 14, 30])),
                    selesai_pada=_waktu(tanggal + dt.timedelta(days=5), 10)
                    if rng.random() < 0.4
                    else None,
                )
                for aksi, pemilik in zip(
                    rng.sample(TINDAK_LANJUT, 2), [pid, o.atasan_id], strict=True
                )
            ]
            dialog.append((d, tl))
    UmpanBalik.objects.bulk_create([r for r, _b in akar], batch_size=2000)
    for r, balasan in akar:
        for b in balasan:
            b.induk_id = r.pk
    UmpanBalik.objects.bulk_create([b for _r, bs in akar for b in bs], batch_size=2000)
    DialogKinerja.objects.bulk_create([d for d, _t in dialog], batch_size=2000)
    for d, tl in dialog:
        for t in tl:
            t.dialog_id = d.pk
    TindakLanjutDialog.objects.bulk_create([t for _d, tl in dialog for t in tl], batch_size=2000)
    return len(akar), len(dialog)


def _notifikasi(k: _Konteks, persona: dict[str, int], laporan_persona: list[_Lap]) -> int:
    from kinerja.notifikasi.services import notifikasi_kirim

    pegawai_id, atasan_id = persona.get("pegawai"), persona.get("atasan")
    n = 0
    if pegawai_id:
        kembali = [x for x in laporan_persona if x.status == StatusLaporan.DIKEMBALIKAN][-1:]
        for x in kembali:
            n += len(
                notifikasi_kirim(
                    penerima=[pegawai_id],
                    jenis="laporan_dikembalikan",
                    judul=f"Laporan {x.tanggal:%d-%m-%Y} dikembalikan atasan",
                    isi=x.catatan,
                    url=_url("kegiatan_laporan_detail", x.pk, "/kegiatan/"),
                    email=False,
                )
            )
        n += len(
            notifikasi_kirim(
                penerima=[pegawai_id],
                jenis="umpan_balik",
                judul="Umpan balik baru dari atasan",
                isi=UMPAN_BALIK[0],
                url="/umpan-balik/",
                email=False,
            )
        )
    if atasan_id:
        n += len(
            notifikasi_kirim(
                penerima=[atasan_id],
                jenis="pengingat_review",
                judul="Laporan bawahan menunggu review",
                isi="Beberapa laporan kegiatan bawahan menunggu persetujuan Anda.",
                url="/kegiatan/review/",
                email=False,
            )
        )
    return n


class _Indeks:
    """Rows of the near-duplicate index (kegiatan.mirip's keys) for reports of the window.

    Built with the app's own `shingle`/`kunci_band`, written in bulk: the per-report candidate
    comparison of `indeks_laporan_massal` is too slow for a city year (the demo's copies carry
    their flags from the generator, scored with the app's `jaccard`).
    """

    def __init__(self, mulai: dt.date, opd: dict[int, int | None]) -> None:
        from . import models as m

        self.mirip = _alat_mirip()
        sidik = getattr(m, "LaporanSidik", None)
        self.aktif = self.mirip is not None and sidik is not None
        self.mulai = mulai
        self.opd = opd
        self.jumlah = 0
        self.penyisip = (
            _Penyisip(sidik, ["laporan_id", "kunci", "pegawai_ref", "opd_id", "tanggal"])
            if self.aktif and sidik is not None
            else None
        )

    def tambah(self, lap: _Lap) -> None:
        if self.penyisip is None or lap.tanggal < self.mulai:
            return
        assert self.mirip is not None
        opd_id = self.opd.get(lap.pegawai_id)
        for kunci in self.mirip.kunci_band(self.mirip.shingle(lap.uraian)):
            self.penyisip.tambah((lap.pk, kunci, lap.pegawai_id, opd_id, lap.tanggal))
        self.jumlah += 1

    def selesai(self) -> None:
        if self.penyisip is not None:
            self.penyisip.selesai()


def _alat_mirip() -> Any:
    try:
        from . import mirip
    except ImportError:
        return None
    perlu = ("shingle", "kunci_band", "jaccard", "jendela_hari", "opd_pegawai")
    return mirip if all(hasattr(mirip, n) for n in perlu) else None


def _ambang() -> float:
    alat = _alat_mirip()
    return float(alat.ambang()) if alat is not None and hasattr(alat, "ambang") else 0.8


def salinan_dari(rng: random.Random, teks: str) -> tuple[str, float] | None:
    """A near-copy of `teks` and its score, at or above the flag threshold; None when `teks` is
    too short for the check to judge (no copy of it could be flagged)."""
    salin = _salin(rng, teks)
    skor = skor_mirip(salin, teks)
    if skor < _ambang():
        salin = teks.lower()
        skor = skor_mirip(salin, teks)
        if skor < _ambang():
            return None
    return salin, round(skor, 2)


def skor_mirip(a: str, b: str) -> float:
    """The similarity the live check would compute (the app's shingles), else word triples."""
    alat = _alat_mirip()
    if alat is not None:
        return float(alat.jaccard(alat.shingle(a), alat.shingle(b)))
    return jaccard(a, b)


# --- entry point --------------------------------------------------------------------------


@transaction.atomic
def demo_seed_kegiatan(*, instansi: Instansi, seed: int, riwayat: str = "kecil") -> str:
    """Add demo reports; returns a one-line summary for the command's output."""
    from kinerja.skp.models import PerilakuKerja, PeriodeKinerja, StatusPeriode

    awal = time.perf_counter()
    rng = random.Random(seed * 7919 + 4)
    periode = (
        PeriodeKinerja.objects.filter(instansi=instansi, status=StatusPeriode.BERJALAN)
        .order_by("-tahun")
        .first()
    )
    if periode is None:
        return "Laporan kegiatan demo: tidak ada periode berjalan."
    sekarang = timezone.now()
    hari_ini = min(timezone.localdate(), periode.selesai)
    mulai = periode.mulai
    if periode.dikunci_sampai:
        mulai = max(mulai, periode.dikunci_sampai + dt.timedelta(days=1))
    hari = _hari_kerja(instansi.pk, mulai, hari_ini)
    if len(hari) < 15:
        return "Laporan kegiatan demo: periode berjalan terlalu pendek."
    orang = _pegawai_skp(periode)
    nip = dict(Pegawai.objects.filter(nip__in=list(DEMO_NIP.values())).values_list("nip", "pk"))
    persona = {kunci: nip[n] for kunci, n in DEMO_NIP.items() if n in nip}
    atasan_demo = persona.get("atasan")
    tim = {pid for pid, o in orang.items() if atasan_demo and o.atasan_id == atasan_demo}
    tim |= {atasan_demo} if atasan_demo in orang else set()
    tim |= {persona["pegawai"]} if persona.get("pegawai") in orang else set()
    atasan_ids = sorted({o.atasan_id for o in orang.values() if o.atasan_id})
    lag = {
        a: rng.choices([1, 2, 3, rng.randint(5, 12)], weights=[70, 12, 8, 10])[0]
        for a in atasan_ids
    }
    if atasan_demo:
        lag[atasan_demo] = 3
    maks = LaporanKegiatan.objects.aggregate(m=models.Max("pk"))["m"] or 0
    k = _Konteks(
        rng=rng,
        hari_ini=hari_ini,
        sekarang=sekarang,
        hari=hari,
        frac=(hari_ini - periode.mulai).days / max(1, (periode.selesai - periode.mulai).days),
        lag=lag,
        next_id=maks + 1,
        penyisip=_Penyisip(LaporanKegiatan, KOLOM_LAPORAN),
        indeks=_indeks_baru(hari_ini, list(orang)),
    )
    jendela = hari if riwayat == "tahun" else hari[-JENDELA_KECIL_HARI_KERJA:]
    pilih_contoh = {pid for pid in orang if rng.random() < 0.08} | tim
    laporan_persona: list[_Lap] = []
    for pid, o in orang.items():
        laporan = _laporan_pegawai(k, o, hari if pid in tim else jendela)
        if pid == persona.get("pegawai"):
            _persona(k, laporan, o)
            laporan_persona = laporan
        if pid in pilih_contoh:
            disetujui = [
                (x.pk, x.tanggal, x.rhk_id) for x in laporan if x.status == StatusLaporan.DISETUJUI
            ]
            k.contoh[pid] = disetujui[-20:]
        _simpan(k, laporan)
    k.penyisip.selesai()
    k.indeks.selesai()
    if atasan_demo:
        _salinan_antrean(k, orang, atasan_demo, persona.get("pegawai"))
    bukti = _bukti_persona(laporan_persona, persona["pegawai"]) if laporan_persona else 0
    manual = _realisasi_manual(k, (orang[p] for p in orang if riwayat == "tahun" or p in tim))
    n_realisasi = _tulis_realisasi(k)
    perilaku_ids = list(PerilakuKerja.objects.filter(aktif=True).values_list("pk", flat=True))
    n_ub, n_dialog = _umpan_balik(k, orang, persona, perilaku_ids)
    n_notif = _notifikasi(k, persona, laporan_persona)
    _perbarui_statistik()
    jumlah = k.penyisip.jumlah
    return (
        f"Laporan kegiatan demo ({riwayat}): {jumlah} laporan dari {len(orang)} pegawai "
        f"({k.status[StatusLaporan.DISETUJUI]} disetujui, {k.status[StatusLaporan.DIAJUKAN]} "
        f"menunggu, {k.status[StatusLaporan.DIKEMBALIKAN]} dikembalikan, {k.salinan} salinan "
        f"ditandai), {bukti} berkas bukti, {manual} realisasi manual, {n_realisasi} baris "
        f"realisasi bulanan, {n_ub} utas umpan balik, {n_dialog} dialog, {n_notif} notifikasi; "
        f"{k.indeks.jumlah} laporan diindeks untuk kemiripan; "
        f"dalam {time.perf_counter() - awal:.1f} detik"
    )


def _indeks_baru(hari_ini: dt.date, pegawai_ids: list[int]) -> _Indeks:
    alat = _alat_mirip()
    if alat is None:
        return _Indeks(hari_ini + dt.timedelta(days=1), {})
    mulai = hari_ini - dt.timedelta(days=int(alat.jendela_hari()))
    return _Indeks(mulai, alat.opd_pegawai(pegawai_ids))


def _salinan_antrean(
    k: _Konteks, orang: dict[int, _Pegawai], atasan_id: int, pegawai_demo: int | None
) -> None:
    """Make sure the demo atasan's queue holds a waiting report flagged as a near-duplicate
    of another bawahan's report (the persona pegawai already has one of their own)."""
    bawahan = [pid for pid, o in orang.items() if o.atasan_id == atasan_id and pid != pegawai_demo]
    if not bawahan or pegawai_demo is None:
        return
    tunggu = (
        LaporanKegiatan.objects.filter(
            pegawai_id__in=bawahan, status=StatusLaporan.DIAJUKAN, mirip_dengan__isnull=True
        )
        .order_by("-tanggal", "pk")
        .first()
    )
    if tunggu is None:
        return
    sumber = (
        LaporanKegiatan.objects.filter(
            pegawai_id=pegawai_demo, mirip_dengan__isnull=True, tanggal__lt=tunggu.tanggal
        )
        .order_by("-tanggal", "-pk")
        .values_list("pk", "uraian")[:1]
    )
    if not sumber:
        return
    src_pk, teks = sumber[0]
    salinan = salinan_dari(k.rng, teks)
    if salinan is None:
        return
    uraian, skor = salinan
    LaporanKegiatan.objects.filter(pk=tunggu.pk).update(
        uraian=uraian, mirip_dengan_id=src_pk, mirip_sumber=SumberMirip.ORANG_LAIN, skor_mirip=skor
    )
    k.salinan += 1
    if k.indeks.aktif:
        from . import models as m

        sidik = m.LaporanSidik
        sidik.objects.filter(laporan_id=tunggu.pk).delete()
        tunggu.uraian = uraian
        k.indeks.tambah(_Lap.dari(tunggu))
        k.indeks.selesai()
