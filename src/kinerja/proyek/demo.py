"""Demo projects for seed_demo: ~150 kegiatan across the city's OPD (scaled by pegawai count).

Each project gets a realistic name for its OPD's field (jalan, drainase, puskesmas, sekolah,
aplikasi, pelatihan…), a pagu, a PPTK from the OPD's pejabat (a kepala bidang/seksi) and a team,
a monthly sigmoid S-curve (fisik and keuangan), milestones, progress updates month by month up to
today — most on plan, some behind (kuning/merah), a few done or still being planned — and kendala
(open, escalated to the pimpinan OPD or the city, resolved) with a short thread. The early warning
is then computed with the proyek app's own rules (`peringatan.evaluasi`) and stored.

The demo pimpinan OPD (Disdukcapil) gets a portfolio with a mix of hijau/kuning/merah, the demo
pegawai is PPTK of one project and in the team of another. Deterministic for a seed; rows are
written with bulk_create (history rows for Proyek and Kendala), so `make run` stays quick.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from kinerja.organisasi.demo import DEMO_NIP
from kinerja.organisasi.models import Instansi, JenisUnit, Pegawai, Penugasan, UnitKerja

from . import peringatan
from .models import (
    AnggotaProyek,
    Eskalasi,
    JenisKomentar,
    Kendala,
    KomentarKendala,
    Milestone,
    PeranAnggota,
    ProgresProyek,
    Proyek,
    RencanaBulanan,
    StatusKendala,
    StatusProyek,
)

PROYEK_KOTA = 150  # at the full city size
PEGAWAI_KOTA = 6500
MIN_PROYEK = 12
MIN_DEMO_OPD = 8  # the demo pimpinan's portfolio
NOL = Decimal(0)
SERATUS = Decimal(100)

_LOKASI = (
    "Kecamatan Bukit Intan",
    "Kecamatan Gabek",
    "Kecamatan Gerunggang",
    "Kecamatan Girimaya",
    "Kecamatan Pangkalbalam",
    "Kecamatan Rangkui",
    "Kecamatan Taman Sari",
    "Kelurahan Air Itam",
    "Kelurahan Bacang",
    "Kelurahan Kacang Pedang",
    "Kelurahan Semabung Lama",
    "Kelurahan Tua Tunu Indah",
    "Kelurahan Selindung",
    "Kelurahan Opas Indah",
)
_JALAN = (
    "Jl. Soekarno-Hatta",
    "Jl. Jenderal Sudirman",
    "Jl. Depati Hamzah",
    "Jl. Mentok",
    "Jl. Koba",
    "Jl. Air Itam",
    "Jl. Kampung Melayu",
    "Jl. Pasir Padi",
    "Jl. Semabung",
    "Jl. Usman Ambon",
)

# (name pattern, pagu range in million rupiah, is it physical construction)
_Tema = tuple[str, tuple[int, int], bool]
_TEMA: dict[str, tuple[_Tema, ...]] = {
    "PUPR": (
        ("Peningkatan jalan {jalan}", (800, 4500), True),
        ("Pembangunan drainase {lokasi}", (400, 2200), True),
        ("Rehabilitasi jembatan {jalan}", (600, 3000), True),
        ("Pembangunan trotoar {jalan}", (300, 1500), True),
        ("Normalisasi saluran primer {lokasi}", (350, 1800), True),
        ("Penyusunan dokumen RDTR {lokasi}", (250, 600), False),
    ),
    "PERKIM": (
        ("Bantuan rehabilitasi rumah tidak layak huni {lokasi}", (400, 1500), True),
        ("Pembangunan PSU perumahan {lokasi}", (500, 2000), True),
        ("Pemasangan penerangan jalan umum {jalan}", (300, 1200), True),
        ("Penataan taman kota {lokasi}", (300, 1500), True),
    ),
    "DINKES": (
        ("Rehabilitasi gedung Puskesmas {lokasi}", (600, 2500), True),
        ("Pengadaan alat kesehatan Puskesmas", (400, 1800), False),
        ("Percepatan penurunan stunting {lokasi}", (150, 600), False),
        ("Pelatihan kader posyandu", (80, 250), False),
        ("Aplikasi rekam medis elektronik Puskesmas", (200, 800), False),
    ),
    "RSUD": (
        ("Pembangunan gedung rawat inap kelas III", (2500, 8000), True),
        ("Pengadaan alat kesehatan ruang ICU", (1200, 4000), False),
        ("Pengembangan SIMRS terintegrasi", (300, 1200), False),
    ),
    "DISDIK": (
        ("Rehabilitasi ruang kelas SD Negeri {nomor}", (250, 900), True),
        ("Pembangunan ruang kelas baru SMP Negeri {nomor}", (600, 1800), True),
        ("Pengadaan mebel sekolah dasar", (200, 700), False),
        ("Pelatihan guru Kurikulum Merdeka", (100, 350), False),
        ("Pembangunan perpustakaan SD Negeri {nomor}", (300, 900), True),
    ),
    "DISKOMINFO": (
        ("Pengembangan aplikasi layanan publik terpadu", (300, 1200), False),
        ("Perluasan jaringan fiber optik antar-OPD", (500, 2000), True),
        ("Pemasangan CCTV kota {lokasi}", (250, 900), True),
        ("Pembangunan command center", (800, 2500), True),
        ("Penguatan keamanan pusat data", (250, 800), False),
    ),
    "DISDUKCAPIL": (
        ("Perekaman KTP-el keliling {lokasi}", (80, 300), False),
        ("Pengembangan layanan adminduk daring", (200, 700), False),
        ("Digitalisasi arsip akta kelahiran", (150, 500), False),
        ("Pengadaan blanko dan perangkat cetak KTP-el", (200, 600), False),
        ("Jemput bola akta kelahiran di sekolah", (60, 200), False),
        ("Rehabilitasi ruang pelayanan Dukcapil", (250, 800), True),
        ("Integrasi data kependudukan dengan layanan kesehatan", (150, 450), False),
        ("Sosialisasi Identitas Kependudukan Digital", (50, 150), False),
    ),
    "DISHUB": (
        ("Pemasangan rambu dan marka {jalan}", (200, 800), True),
        ("Pembangunan halte {jalan}", (150, 600), True),
        ("Pemasangan APILL simpang {jalan}", (300, 900), True),
        ("Penerapan parkir elektronik", (200, 700), False),
    ),
    "DLH": (
        ("Pembangunan TPS3R {lokasi}", (400, 1500), True),
        ("Pembinaan bank sampah {lokasi}", (60, 200), False),
        ("Penambahan ruang terbuka hijau {lokasi}", (300, 1200), True),
        ("Pengadaan armada pengangkut sampah", (600, 2000), False),
    ),
    "DISPAR": (
        ("Festival Budaya Pangkalpinang", (300, 900), False),
        ("Penataan destinasi wisata Pantai Pasir Padi", (500, 2000), True),
        ("Promosi pariwisata digital", (100, 400), False),
    ),
    "DISPORA": (
        ("Rehabilitasi GOR {lokasi}", (500, 1800), True),
        ("Pembangunan lapangan olahraga {lokasi}", (300, 1200), True),
        ("Pelatihan kewirausahaan pemuda", (80, 250), False),
    ),
    "DINSOS": (
        ("Penyaluran bantuan sosial lansia", (200, 800), False),
        ("Rehabilitasi rumah singgah", (250, 700), True),
        ("Pemutakhiran data terpadu kesejahteraan sosial", (100, 350), False),
    ),
    "DPP": (
        ("Rehabilitasi jaringan irigasi {lokasi}", (400, 1500), True),
        ("Bantuan bibit dan pupuk hortikultura", (150, 500), False),
        ("Pengadaan alat mesin pertanian", (300, 900), False),
    ),
    "DISNAKER": (
        ("Pelatihan berbasis kompetensi di BLK", (200, 700), False),
        ("Bursa kerja dan pameran lowongan", (60, 200), False),
    ),
    "DISKOPUKMDAG": (
        ("Rehabilitasi Pasar Pagi", (800, 3000), True),
        ("Pelatihan digital marketing UMKM", (80, 250), False),
        ("Pembangunan los pasar {lokasi}", (400, 1500), True),
    ),
    "BPBD": (
        ("Pemasangan sistem peringatan dini banjir {lokasi}", (250, 900), True),
        ("Penguatan logistik kebencanaan", (150, 500), False),
        ("Pelatihan relawan tangguh bencana", (60, 200), False),
    ),
    "DPK": (
        ("Digitalisasi arsip daerah", (150, 600), False),
        ("Perpustakaan keliling ke sekolah", (80, 250), False),
    ),
    "SATPOLPP": (
        ("Pembangunan pos penjagaan {lokasi}", (150, 500), True),
        ("Operasi penegakan perda ketertiban umum", (80, 250), False),
    ),
    "KECAMATAN": (
        ("Pembangunan jalan lingkungan {lokasi}", (150, 600), True),
        ("Rehabilitasi kantor lurah {lokasi}", (150, 500), True),
        ("Pelatihan keterampilan warga {lokasi}", (40, 150), False),
    ),
    "UMUM": (
        ("Pengembangan sistem informasi {singkatan}", (150, 600), False),
        ("Rehabilitasi gedung kantor {singkatan}", (300, 1200), True),
        ("Peningkatan kapasitas SDM aparatur {singkatan}", (60, 250), False),
        ("Pengadaan kendaraan operasional {singkatan}", (250, 800), False),
        ("Penyusunan kajian dan dokumen perencanaan {singkatan}", (100, 400), False),
    ),
}

_KENDALA: dict[str, tuple[str, ...]] = {
    "anggaran": (
        "Anggaran pergeseran belum disahkan",
        "Pencairan termin tertunda di BPKAD",
        "Pagu tidak cukup setelah kenaikan harga material",
    ),
    "pengadaan": (
        "Tender gagal, perlu tender ulang",
        "Penyedia terlambat mendatangkan material",
        "Sanggahan peserta tender belum selesai",
    ),
    "sdm": ("Tenaga ahli pengawas belum tersedia", "PPTK merangkap tiga kegiatan"),
    "teknis": (
        "Lahan belum bebas dari klaim warga",
        "Curah hujan tinggi menghentikan pekerjaan",
        "Desain harus direvisi karena utilitas PLN",
    ),
    "regulasi": ("Menunggu revisi Perwali", "Izin lingkungan belum terbit"),
    "koordinasi": (
        "Menunggu data dari OPD lain",
        "Jadwal bersama kelurahan belum disepakati",
    ),
    "lainnya": ("Server penyedia aplikasi sering gangguan",),
}
_RESOLUSI = (
    "Rapat koordinasi dengan pihak terkait; disepakati jadwal baru dan pekerjaan berlanjut.",
    "Penyedia menambah tenaga dan material sudah tiba di lokasi.",
    "Dokumen sudah ditandatangani dan diserahkan ke BPKAD.",
    "Masalah selesai setelah mediasi di kantor kelurahan.",
)
_KOMENTAR = (
    "Mohon segera dikoordinasikan dan laporkan perkembangannya minggu ini.",
    "Sudah kami surati pihak terkait, menunggu jawaban.",
    "Jadwalkan rapat dengan penyedia paling lambat Jumat.",
    "Perlu dukungan pimpinan untuk mempercepat.",
)
_NARASI = (
    "Pekerjaan berjalan sesuai jadwal.",
    "Mobilisasi alat dan tenaga selesai.",
    "Pekerjaan persiapan dan pengukuran lapangan.",
    "Pekerjaan utama berlangsung, material tersedia.",
    "Sebagian pekerjaan tertunda karena cuaca.",
    "Koordinasi dengan kelurahan dan warga sekitar.",
    "Pemeriksaan bersama oleh tim teknis dan pengawas.",
    "Pembayaran termin diajukan ke BPKAD.",
)


def _rp(x: Decimal | float) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("1000"), rounding=ROUND_HALF_UP)


def _dua(x: Decimal | float) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _geser(d: dt.date, bulan: int) -> dt.date:
    m = d.month - 1 + bulan
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def _akhir(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _sigmoid(x: float, k: float = 9.0) -> float:
    """A normalised S-curve: 0 at x=0, 1 at x=1, steepest in the middle."""

    def f(t: float) -> float:
        return 1 / (1 + math.exp(-k * (t - 0.5)))

    return (f(x) - f(0)) / (f(1) - f(0))


def jumlah_proyek(pegawai: int) -> int:
    """~150 at the full city (6,500 pegawai), scaled down for a small city (at least 12)."""
    return max(MIN_PROYEK, round(PROYEK_KOTA * pegawai / PEGAWAI_KOTA))


# --- the city's people ---------------------------------------------------------------------------


@dataclass
class OpdDemo:
    unit: UnitKerja
    pegawai: int = 0
    pejabat: list[int] = field(default_factory=list)  # heads of bidang/seksi (PPTK candidates)
    staf: list[int] = field(default_factory=list)
    kepala: int | None = None

    @property
    def tema(self) -> tuple[_Tema, ...]:
        if self.unit.jenis == JenisUnit.KECAMATAN:
            return _TEMA["KECAMATAN"]
        return _TEMA.get(self.unit.kode, _TEMA["UMUM"])


def _opd_kota(instansi: Instansi, hari_ini: dt.date) -> list[OpdDemo]:
    opd = {
        u.pk: OpdDemo(u)
        for u in UnitKerja.objects.filter(instansi=instansi, parent__isnull=True).order_by("kode")
    }
    rows = (
        Penugasan.objects.aktif_pada(hari_ini)
        .filter(pegawai__instansi=instansi, pegawai__is_active=True)
        .values_list("pegawai_id", "unit_id", "unit__opd_id", "unit__parent_id", "jabatan__kepala")
        .order_by("pegawai_id", "pk")
    )
    terlihat: set[int] = set()
    for pegawai_id, unit_id, opd_id, parent_id, kepala in rows:
        o = opd.get(opd_id or unit_id)
        if o is None or pegawai_id in terlihat:
            continue
        terlihat.add(pegawai_id)
        o.pegawai += 1
        if kepala and parent_id is None:
            o.kepala = pegawai_id
        elif kepala:
            o.pejabat.append(pegawai_id)
        else:
            o.staf.append(pegawai_id)
    return [o for o in opd.values() if o.pegawai and (o.pejabat or o.staf)]


def _bagi(
    opd: list[OpdDemo], total: int, rng: random.Random, wajib: dict[int, int]
) -> dict[int, int]:
    """Projects per OPD by pegawai share (largest remainder), with the minimums in `wajib`."""
    sisa = max(0, total - sum(wajib.values()))
    bobot = {o.unit.pk: o.pegawai for o in opd if o.unit.pk not in wajib}
    jumlah_bobot = sum(bobot.values()) or 1
    kuota = {pk: sisa * b / jumlah_bobot for pk, b in bobot.items()}
    hasil = {pk: int(q) for pk, q in kuota.items()}
    urut = sorted(kuota, key=lambda pk: (-(kuota[pk] - hasil[pk]), pk))
    for pk in urut[: sisa - sum(hasil.values())]:
        hasil[pk] += 1
    hasil.update(wajib)
    return {pk: n for pk, n in hasil.items() if n}


# --- one project's story -----------------------------------------------------------------------


@dataclass
class Cerita:
    """What happens to one project: its plan and how far actual progress lags behind it."""

    profil: str  # "tepat" | "kuning" | "merah" | "selesai" | "rencana"
    lag: float  # points behind the plan at today (grows over time)


def _profil(rng: random.Random, paksa: str | None = None) -> Cerita:
    profil = (
        paksa
        or rng.choices(
            ["tepat", "kuning", "merah", "selesai", "rencana"], [0.55, 0.18, 0.12, 0.1, 0.05]
        )[0]
    )
    lag = {
        "tepat": rng.uniform(-3, 6),
        "kuning": rng.uniform(12, 18),
        "merah": rng.uniform(23, 38),
        "selesai": 0.0,
        "rencana": 0.0,
    }[profil]
    return Cerita(profil, lag)


def _rencana(
    mulai: dt.date, selesai: dt.date, pagu: Decimal
) -> list[tuple[dt.date, Decimal, Decimal]]:
    awal = mulai.replace(day=1)
    n = (selesai.year - awal.year) * 12 + selesai.month - awal.month + 1
    baris = []
    for i in range(n):
        x = (i + 1) / n
        fisik = _dua(100 * _sigmoid(x))
        # budget follows the work with a lag, after a 20 % down payment in the first month
        keu = pagu * Decimal(str(min(1.0, 0.2 + 0.8 * _sigmoid(max(0.0, x - 0.08)))))
        baris.append((_geser(awal, i), fisik, _rp(keu)))
    bulan, _f, _k = baris[-1]
    baris[-1] = (bulan, SERATUS, pagu)
    hasil, lalu_f, lalu_k = [], NOL, NOL
    for bulan, f, k in baris:  # cumulative: never down
        lalu_f, lalu_k = max(lalu_f, f), min(pagu, max(lalu_k, k))
        hasil.append((bulan, lalu_f, lalu_k))
    return hasil


@dataclass
class Hasil:
    proyek: int = 0
    progres: int = 0
    kendala: int = 0
    status: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def demo_seed_proyek(*, instansi: Instansi, seed: int, riwayat: str = "kecil") -> str:
    """Add demo projects; returns a one-line summary for the command's output."""
    hari_ini = timezone.localdate()
    rng = random.Random(f"proyek-{seed}")
    opd = _opd_kota(instansi, hari_ini)
    if not opd:
        return ""
    pegawai = sum(o.pegawai for o in opd)
    total = jumlah_proyek(pegawai)
    demo = Pegawai.objects.filter(nip__in=DEMO_NIP.values()).values_list("nip", "pk")
    nip_pk = dict(demo)
    opd_demo = next((o for o in opd if o.unit.kode == "DISDUKCAPIL"), None)
    wajib = {opd_demo.unit.pk: min(MIN_DEMO_OPD, total)} if opd_demo else {}
    bagian = _bagi(opd, total, rng, wajib)
    hasil = Hasil()
    with transaction.atomic():
        for o in opd:
            n = bagian.get(o.unit.pk, 0)
            if not n:
                continue
            demo_opd = opd_demo is not None and o.unit.pk == opd_demo.unit.pk
            _seed_opd(o, n, rng, hari_ini, hasil, nip_pk if demo_opd else {})
    st = hasil.status
    return (
        f"Proyek demo: {hasil.proyek} proyek di {len(bagian)} OPD, "
        f"{hasil.progres} laporan progres, "
        f"{hasil.kendala} kendala; hijau {st['hijau']}, kuning {st['kuning']}, merah {st['merah']}."
    )


def _seed_opd(
    o: OpdDemo,
    n: int,
    rng: random.Random,
    hari_ini: dt.date,
    hasil: Hasil,
    nip_pk: dict[str, int],
) -> None:
    tahun = hari_ini.year
    pptk_pilihan = o.pejabat or o.staf
    # the demo pimpinan's portfolio: a fixed mix, the demo pegawai and atasan as PPTK
    paksa: list[str | None] = [None] * n
    pptk_paksa: dict[int, int] = {}
    tim_paksa: dict[int, list[int]] = defaultdict(list)
    if nip_pk:
        campuran = ["merah", "kuning", "tepat", "merah", "tepat", "kuning", "selesai", "tepat"]
        paksa = [*campuran[:n], *[None] * max(0, n - len(campuran))]
        if DEMO_NIP["pegawai"] in nip_pk:
            pptk_paksa[1] = nip_pk[DEMO_NIP["pegawai"]]  # PPTK of a kuning project
            tim_paksa[0].append(nip_pk[DEMO_NIP["pegawai"]])  # team of a merah one
        if DEMO_NIP["atasan"] in nip_pk:
            pptk_paksa[0] = nip_pk[DEMO_NIP["atasan"]]
    dipakai: set[str] = set()
    tema = list(o.tema)
    proyek_baru: list[tuple[Proyek, Cerita, list[int]]] = []
    for i in range(n):
        nama_pola, (pagu_min, pagu_maks), fisik_bangun = tema[i % len(tema)]
        for _coba in range(6):
            nama = nama_pola.format(
                jalan=rng.choice(_JALAN),
                lokasi=rng.choice(_LOKASI),
                nomor=rng.randint(1, 60),
                singkatan=o.unit.singkatan or o.unit.nama,
            )
            if nama not in dipakai:
                break
            nama_pola = tema[rng.randrange(len(tema))][0]
        dipakai.add(nama)
        cerita = _profil(rng, paksa[i])
        pagu = _rp(Decimal(rng.randint(pagu_min, pagu_maks)) * Decimal(1_000_000))
        if cerita.profil == "rencana":
            mulai = _geser(hari_ini, 1)
            selesai = _akhir(_geser(mulai, rng.randint(2, 5)))
        elif cerita.profil == "selesai":
            mulai = _geser(hari_ini, -rng.randint(7, 10))
            selesai = _akhir(_geser(hari_ini, -rng.randint(1, 2)))
        else:
            mulai = _geser(hari_ini, -rng.randint(3, 9))
            selesai = _akhir(_geser(hari_ini, rng.randint(0, 4)))
        mulai = mulai.replace(day=rng.choice([1, 1, 2, 5, 8]))
        pptk = pptk_paksa.get(i) or rng.choice(pptk_pilihan)
        staf = [p for p in o.staf if p != pptk]
        tim = rng.sample(staf, k=min(len(staf), rng.randint(1, 3)))
        tim += [p for p in tim_paksa.get(i, []) if p not in tim and p != pptk]
        kode = f"{o.unit.kode[:8]}.{tahun % 100:02d}.{i + 1:03d}"
        p = Proyek(
            opd=o.unit,
            kode=kode,
            nama=nama,
            tahun_anggaran=mulai.year if mulai.year <= tahun else tahun,
            pptk_id=pptk,
            lokasi=rng.choice(_LOKASI) if fisik_bangun else o.unit.nama,
            mulai=mulai,
            selesai=selesai,
            pagu=pagu,
            status=StatusProyek.PERENCANAAN,
            keterangan="",
            dibuat_pada=timezone.make_aware(dt.datetime.combine(mulai, dt.time(8, 0))),
        )
        proyek_baru.append((p, cerita, tim))
    dibuat = bulk_create_with_history([p for p, _c, _t in proyek_baru], Proyek, batch_size=500)
    anggota: list[AnggotaProyek] = []
    rencana: list[RencanaBulanan] = []
    tahapan: list[Milestone] = []
    progres: list[ProgresProyek] = []
    kendala_baru: list[tuple[Kendala, list[tuple[int, str, dt.datetime]]]] = []
    perbarui: list[Proyek] = []
    orang = {pid for _p, _c, tim in proyek_baru for pid in tim} | {
        p.pptk_id for p in dibuat if p.pptk_id
    }
    nama_orang = {pk: pg.nama_lengkap for pk, pg in Pegawai.objects.in_bulk(list(orang)).items()}
    for p, (_p, cerita, tim) in zip(dibuat, proyek_baru, strict=True):
        assert p.mulai and p.selesai and p.pptk_id
        anggota.append(AnggotaProyek(proyek=p, pegawai_id=p.pptk_id, peran=PeranAnggota.PPTK))
        peran_tim = [PeranAnggota.TEKNIS, PeranAnggota.KEUANGAN, PeranAnggota.PENGAWAS]
        for j, pid in enumerate(tim):
            anggota.append(AnggotaProyek(proyek=p, pegawai_id=pid, peran=peran_tim[j % 3]))
        titik = _rencana(p.mulai, p.selesai, p.pagu)
        rencana += [RencanaBulanan(proyek=p, bulan=b, fisik=f, keuangan=k) for b, f, k in titik]
        plan = [peringatan.TitikRencana(b, f, k) for b, f, k in titik]
        tahap = _tahapan(p, plan)
        # progress: one update a month (late in the month), the last one in the last days
        fisik, keu, tanggal = NOL, NOL, None
        if cerita.profil != "rencana":
            durasi = max(1, (min(p.selesai, hari_ini) - p.mulai).days)
            bulan = p.mulai.replace(day=1)
            while bulan <= hari_ini and bulan <= p.selesai:
                akhir = min(_akhir(bulan), hari_ini, p.selesai)
                tgl = akhir - dt.timedelta(days=rng.randint(0, min(5, akhir.day - 1)))
                if tgl < p.mulai:
                    bulan = _geser(bulan, 1)
                    continue
                rencana_f, _rk = peringatan.rencana_pada(plan, tgl)
                porsi = (tgl - p.mulai).days / durasi
                f = float(rencana_f) - cerita.lag * porsi + rng.uniform(-1.5, 1.5)
                if cerita.profil == "selesai" and akhir >= p.selesai:
                    f = 100.0
                f_dec = min(SERATUS, max(fisik, _dua(max(0.0, f))))
                k_dec = min(
                    p.pagu,
                    max(keu, _rp(p.pagu * f_dec / SERATUS * Decimal(str(rng.uniform(0.85, 1.0))))),
                )
                if f_dec >= SERATUS and cerita.profil == "selesai":
                    k_dec = _rp(p.pagu * Decimal(str(rng.uniform(0.94, 0.99))))
                progres.append(
                    ProgresProyek(
                        proyek=p,
                        tanggal=tgl,
                        fisik=f_dec,
                        keuangan=k_dec,
                        narasi=rng.choice(_NARASI),
                        dilaporkan_oleh_id=rng.choice([p.pptk_id, *tim]),
                        dibuat_pada=timezone.make_aware(dt.datetime.combine(tgl, dt.time(15, 0))),
                    )
                )
                fisik, keu, tanggal = f_dec, k_dec, tgl
                bulan = _geser(bulan, 1)
        # milestones done once the progress passed their cumulative weight (dated on the way)
        kumulatif = NOL
        toleransi = {"tepat": Decimal(6), "selesai": Decimal(6), "kuning": Decimal(14)}.get(
            cerita.profil, NOL
        )
        for m in tahap:
            kumulatif += m.bobot or NOL
            if fisik + toleransi >= kumulatif and tanggal is not None:
                m.selesai_pada = min(m.jatuh_tempo + dt.timedelta(days=rng.randint(-5, 3)), tanggal)
        tahapan += tahap
        kendala_baru += _kendala(p, cerita, tim, rng, hari_ini, nama_orang)
        p.fisik_realisasi, p.keuangan_realisasi, p.progres_terakhir = fisik, keu, tanggal
        if cerita.profil == "rencana":
            p.status = StatusProyek.PERENCANAAN
        elif fisik >= SERATUS and p.selesai < hari_ini:
            p.status = StatusProyek.SELESAI
        else:
            p.status = StatusProyek.BERJALAN
        perbarui.append(p)
    hasil.progres += len(progres)
    AnggotaProyek.objects.bulk_create(anggota, batch_size=1000)
    RencanaBulanan.objects.bulk_create(rencana, batch_size=1000)
    Milestone.objects.bulk_create(tahapan, batch_size=1000)
    ProgresProyek.objects.bulk_create(progres, batch_size=1000)
    kendala_obj = bulk_create_with_history([k for k, _c in kendala_baru], Kendala, batch_size=500)
    komentar = [
        KomentarKendala(kendala=k, penulis_id=penulis, jenis=jenis, isi=isi, dibuat_pada=waktu)
        for k, (_k, utas) in zip(kendala_obj, kendala_baru, strict=True)
        for penulis, isi, waktu, jenis in ((u[0], u[1], u[2], _jenis(u[1])) for u in utas)
    ]
    KomentarKendala.objects.bulk_create(komentar, batch_size=1000)
    hasil.kendala += len(kendala_obj)
    _peringatan(perbarui, rencana, tahapan, kendala_obj, hari_ini, hasil)


def _jenis(isi: str) -> str:
    return (
        JenisKomentar.AKSI
        if isi.startswith(("Ditugaskan", "Dieskalasi", "Diselesaikan"))
        else JenisKomentar.KOMENTAR
    )


def _tahapan(p: Proyek, plan: list[peringatan.TitikRencana]) -> list[Milestone]:
    """Four weighted milestones due when the plan reaches 10 / 50 / 90 / 100 %."""
    assert p.mulai and p.selesai
    akhir_proyek: dt.date = p.selesai

    def saat(target: Decimal) -> dt.date:
        for t in plan:
            if t.fisik >= target:
                return min(_akhir(t.bulan), akhir_proyek)
        return akhir_proyek

    daftar = [
        ("Persiapan dan penandatanganan kontrak", Decimal(10), Decimal(10), "Kontrak dan SPMK"),
        ("Pelaksanaan tahap I", Decimal(40), Decimal(50), "Laporan kemajuan 50%"),
        ("Pelaksanaan tahap II", Decimal(40), Decimal(90), "Laporan kemajuan 90%"),
        ("Serah terima pekerjaan (PHO)", Decimal(10), Decimal(100), "Berita acara serah terima"),
    ]
    return [
        Milestone(
            proyek=p, urutan=i, nama=nama, bobot=bobot, jatuh_tempo=saat(ambang), deliverable=d
        )
        for i, (nama, bobot, ambang, d) in enumerate(daftar)
    ]


def _waktu(d: dt.date, jam: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(d, dt.time(jam, 0)))


def _kendala(
    p: Proyek,
    cerita: Cerita,
    tim: list[int],
    rng: random.Random,
    hari_ini: dt.date,
    nama: dict[int, str],
) -> list[tuple[Kendala, list[tuple[int, str, dt.datetime]]]]:
    """Kendala of one project with their thread: late projects have open ones, some escalated."""
    assert p.mulai and p.pptk_id
    peluang = {"tepat": 0.25, "kuning": 0.8, "merah": 1.0, "selesai": 0.4, "rencana": 0.05}
    if rng.random() >= peluang[cerita.profil]:
        return []
    jumlah = 1 if cerita.profil in ("tepat", "selesai", "rencana") else rng.randint(1, 3)
    orang = [p.pptk_id, *tim]
    hasil = []
    for j in range(jumlah):
        kategori = rng.choice(list(_KENDALA))
        judul = rng.choice(_KENDALA[kategori])
        hari_lalu = max(3, (hari_ini - p.mulai).days)
        # open ones of a kuning project are recent (≤ 28 days), of a merah one up to two months
        paling_lama = 28 if cerita.profil == "kuning" else 60
        dibuka = hari_ini - dt.timedelta(days=rng.randint(3, max(3, min(paling_lama, hari_lalu))))
        dibuka = max(dibuka, min(p.mulai, hari_ini))
        terbuka = cerita.profil in ("kuning", "merah") and (j == 0 or rng.random() < 0.5)
        if cerita.profil == "rencana":
            terbuka = True
        tingkat = (
            rng.choice(["tinggi", "kritis", "tinggi"]) if cerita.profil == "merah" and j == 0
            else rng.choice(["rendah", "sedang", "sedang", "tinggi"])
        )  # fmt: skip
        pj = rng.choice(orang)
        utas: list[tuple[int, str, dt.datetime]] = []
        eskalasi, dieskalasi = Eskalasi.TIDAK, None
        if tingkat == "kritis":
            eskalasi, dieskalasi = Eskalasi.KOTA, _waktu(dibuka)
        elif tingkat == "tinggi" and rng.random() < 0.6:
            eskalasi, dieskalasi = Eskalasi.OPD, _waktu(dibuka + dt.timedelta(days=1))
            utas.append((p.pptk_id, "Dieskalasi ke Pimpinan OPD.", dieskalasi))
        utas.append((p.pptk_id, f"Ditugaskan kepada {nama.get(pj, '')}.", _waktu(dibuka, 11)))
        utas.append(
            (rng.choice(orang), rng.choice(_KOMENTAR), _waktu(dibuka + dt.timedelta(days=1), 14))
        )
        k = Kendala(
            proyek=p,
            judul=judul,
            kategori=kategori,
            tingkat=tingkat,
            deskripsi=judul + ". " + rng.choice(_KOMENTAR),
            dilaporkan_oleh_id=rng.choice(orang),
            penanggung_jawab_id=pj,
            batas_waktu=dibuka + dt.timedelta(days=rng.choice([7, 14, 21])),
            status=StatusKendala.DITANGANI if rng.random() < 0.6 else StatusKendala.TERBUKA,
            eskalasi=eskalasi,
            dieskalasi_pada=dieskalasi,
            dibuat_pada=_waktu(dibuka, 9),
        )
        if not terbuka:
            selesai = min(hari_ini, dibuka + dt.timedelta(days=rng.randint(2, 20)))
            k.status = StatusKendala.SELESAI
            k.diselesaikan_pada = _waktu(selesai, 16)
            k.diselesaikan_oleh_id = pj
            k.resolusi = rng.choice(_RESOLUSI)
            utas.append((pj, f"Diselesaikan: {k.resolusi}", k.diselesaikan_pada))
        hasil.append((k, utas))
    return hasil


def _peringatan(
    proyek: list[Proyek],
    rencana: list[RencanaBulanan],
    tahapan: list[Milestone],
    kendala: list[Kendala],
    hari_ini: dt.date,
    hasil: Hasil,
) -> None:
    """Compute and store each project's early warning with the app's own rules."""
    ambang = peringatan.ambang_aktif()
    per_rencana: dict[int, list[RencanaBulanan]] = defaultdict(list)
    per_tahap: dict[int, list[Milestone]] = defaultdict(list)
    per_kendala: dict[int, list[Kendala]] = defaultdict(list)
    for r in rencana:
        per_rencana[r.proyek.pk].append(r)
    for m in tahapan:
        if m.selesai_pada is None:
            per_tahap[m.proyek.pk].append(m)
    for k in kendala:
        if k.status != StatusKendala.SELESAI:
            per_kendala[k.proyek.pk].append(k)
    sekarang = timezone.now()
    for p in proyek:
        h = peringatan.evaluasi_proyek(
            p,
            hari_ini,
            rencana=per_rencana[p.pk],
            tahapan=per_tahap[p.pk],
            kendala=per_kendala[p.pk],
            ambang=ambang,
        )
        p.status_peringatan, p.alasan_peringatan = h.status, h.alasan
        p.fisik_rencana, p.keuangan_rencana = h.fisik_rencana, h.keuangan_rencana
        p.dihitung_pada = sekarang
        hasil.status[h.status] += 1
        hasil.proyek += 1
    Proyek.objects.bulk_update(
        proyek,
        [
            "status",
            "fisik_realisasi",
            "keuangan_realisasi",
            "progres_terakhir",
            "status_peringatan",
            "alasan_peringatan",
            "fisik_rencana",
            "keuangan_rencana",
            "dihitung_pada",
        ],
        batch_size=500,
    )


def seed_proyek_bench(
    *, instansi: Instansi, seed: int, terbesar: int, total: int
) -> tuple[UnitKerja, int | None, str]:
    """Projects for the benchmark city: `terbesar` in the OPD with the most pegawai, the rest of
    `total` spread over the other OPD by pegawai. Returns (that OPD, its kepala's id, summary)."""
    hari_ini = timezone.localdate()
    rng = random.Random(f"proyek-bench-{seed}")
    opd = _opd_kota(instansi, hari_ini)
    besar = max(opd, key=lambda o: (o.pegawai, -o.unit.pk))
    bagian = _bagi(opd, total, rng, {besar.unit.pk: terbesar})
    hasil = Hasil()
    with transaction.atomic():
        for o in opd:
            if bagian.get(o.unit.pk):
                _seed_opd(o, bagian[o.unit.pk], rng, hari_ini, hasil, {})
    st = hasil.status
    ringkas = (
        f"{hasil.proyek} proyek ({terbesar} di {besar.unit.nama}), {hasil.progres} progres, "
        f"{hasil.kendala} kendala; hijau {st['hijau']}, kuning {st['kuning']}, merah {st['merah']}"
    )
    return besar.unit, besar.kepala, ringkas
