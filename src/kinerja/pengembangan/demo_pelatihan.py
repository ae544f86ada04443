"""Demo training data (part "pelatihan"), the first of the pengembangan demos.

- a catalogue of 30 items across bidang / bentuk / topics (JP 2–40), scheduled through the current
  year (e-learning without dates), with quotas sized to the enrolments (a few exactly full);
- a year of enrolments: ~70 % of the pegawai (those with an atasan langsung) have 1–4, mostly
  completed (a `CapaianJp` row each, dated the training's last day), some approved and upcoming,
  some waiting for the atasan, some declined; ~15 % have only a verified external training; the
  remaining ~15 % have no JP at all (a few of them with a waiting request);
- a few external trainings waiting for admin verification;
- the demo pegawai (199501102020121002) has one completed 8-JP training (below 20 JP) and a
  request waiting for the demo atasan (198407222009022003), whose other bawahan also wait.

One small PDF certificate is generated and stored once; every completed row points at it.
Rows go in with bulk_create (history rows for Pelatihan and Pendaftaran); the atasan of every
pegawai comes from one set-based map (notifikasi.pengingat.peta_atasan), so the city (6,500
pegawai) stays in seconds. A second run leaves everything as it is and says so.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from kinerja.notifikasi.pengingat import peta_atasan
from kinerja.organisasi.demo import DEMO_NIP
from kinerja.organisasi.models import Instansi, JenisPenugasan, Pegawai, Penugasan
from kinerja.pengembangan.models import (
    BentukPelatihan,
    BidangKompetensi,
    CapaianJp,
    Pelatihan,
    PelatihanEksternal,
    Pendaftaran,
    StatusPendaftaran,
    StatusVerifikasi,
    TopikKompetensi,
)

SERTIFIKAT = "sertifikat/demo/sertifikat-demo.pdf"
PENANDA = "Demo katalog"  # in the description of every demo item: the idempotency check

B = BidangKompetensi
F = BentukPelatihan

# judul, bidang, bentuk, topics, JP, penyelenggara, days (0 = no schedule)
KATALOG: tuple[tuple[str, str, str, tuple[str, ...], int, str, int], ...] = (
    ("Manajemen Waktu dan Prioritas Kerja", B.MANAJERIAL, F.KLASIKAL,
     ("manajemen-waktu",), 8, "BKPSDMD Kota Pangkalpinang", 1),
    ("Manajemen Waktu untuk Pelaksana (e-learning)", B.MANAJERIAL, F.E_LEARNING,
     ("manajemen-waktu",), 4, "ASN Unggul", 0),
    ("Perencanaan dan Pengendalian Kerja Unit", B.MANAJERIAL, F.KLASIKAL,
     ("perencanaan-kerja", "manajemen-waktu"), 16, "BPSDM Provinsi Kepulauan Bangka Belitung", 2),
    ("Komunikasi Efektif dalam Pelayanan", B.SOSIAL_KULTURAL, F.KLASIKAL,
     ("komunikasi-efektif", "pelayanan-publik"), 12, "BKPSDMD Kota Pangkalpinang", 2),
    ("Komunikasi Publik dan Media Sosial Instansi", B.SOSIAL_KULTURAL, F.E_LEARNING,
     ("komunikasi-efektif", "literasi-digital"), 6, "Kementerian Kominfo", 0),
    ("Pelayanan Publik Prima", B.TEKNIS, F.KLASIKAL,
     ("pelayanan-publik",), 16, "Ombudsman RI Perwakilan Babel", 2),
    ("Standar Pelayanan dan Survei Kepuasan Masyarakat", B.TEKNIS, F.KLASIKAL,
     ("pelayanan-publik",), 8, "Bagian Organisasi Setda", 1),
    ("Integritas dan Pencegahan Korupsi", B.SOSIAL_KULTURAL, F.E_LEARNING,
     ("integritas-antikorupsi",), 10, "ACLC KPK", 0),
    ("Penyuluh Antikorupsi Tingkat Dasar", B.SOSIAL_KULTURAL, F.KLASIKAL,
     ("integritas-antikorupsi",), 24, "Inspektorat Daerah", 3),
    ("Literasi Digital ASN", B.TEKNIS, F.E_LEARNING,
     ("literasi-digital", "pengembangan-diri"), 8, "Kementerian Kominfo", 0),
    ("Pengolahan Data dengan Spreadsheet", B.TEKNIS, F.KLASIKAL,
     ("literasi-digital",), 12, "Diskominfo Kota Pangkalpinang", 2),
    ("Keamanan Informasi untuk Pegawai", B.TEKNIS, F.E_LEARNING,
     ("literasi-digital",), 4, "BSSN", 0),
    ("Sistem Pemerintahan Berbasis Elektronik (SPBE)", B.TEKNIS, F.KLASIKAL,
     ("literasi-digital", "inovasi-perubahan"), 16, "Diskominfo Kota Pangkalpinang", 2),
    ("Wawasan Kebangsaan dan Bela Negara", B.SOSIAL_KULTURAL, F.KLASIKAL,
     ("wawasan-kebangsaan",), 12, "Badan Kesbangpol", 2),
    ("Inovasi Pelayanan Publik", B.MANAJERIAL, F.KLASIKAL,
     ("inovasi-perubahan", "pelayanan-publik"), 20, "BRIDA Kota Pangkalpinang", 3),
    ("Manajemen Perubahan di Unit Kerja", B.MANAJERIAL, F.E_LEARNING,
     ("inovasi-perubahan",), 6, "LAN RI", 0),
    ("Kerja Sama Tim dan Kolaborasi Lintas OPD", B.SOSIAL_KULTURAL, F.KLASIKAL,
     ("kerja-sama-tim", "komunikasi-efektif"), 8, "BKPSDMD Kota Pangkalpinang", 1),
    ("Kepemimpinan Pengawas", B.MANAJERIAL, F.KLASIKAL,
     ("kepemimpinan",), 40, "BPSDM Provinsi Kepulauan Bangka Belitung", 5),
    ("Coaching untuk Atasan Langsung", B.MANAJERIAL, F.COACHING,
     ("kepemimpinan", "komunikasi-efektif"), 6, "BKPSDMD Kota Pangkalpinang", 1),
    ("Mentoring Pejabat Fungsional Muda", B.MANAJERIAL, F.MENTORING,
     ("pengembangan-diri", "kepemimpinan"), 10, "BKPSDMD Kota Pangkalpinang", 30),
    ("Penyusunan SKP dan Manajemen Kinerja", B.TEKNIS, F.KLASIKAL,
     ("penyusunan-skp", "perencanaan-kerja"), 8, "BKPSDMD Kota Pangkalpinang", 1),
    ("Dialog Kinerja dan Umpan Balik Berkelanjutan", B.MANAJERIAL, F.E_LEARNING,
     ("penyusunan-skp", "komunikasi-efektif"), 4, "BKN", 0),
    ("Pengelolaan Keuangan Daerah", B.TEKNIS, F.KLASIKAL,
     ("pengelolaan-keuangan",), 24, "BPKPD Kota Pangkalpinang", 3),
    ("Penatausahaan Barang Milik Daerah", B.TEKNIS, F.KLASIKAL,
     ("pengelolaan-keuangan",), 16, "BPKPD Kota Pangkalpinang", 2),
    ("Pengadaan Barang/Jasa Tingkat Dasar", B.TEKNIS, F.KLASIKAL,
     ("pengadaan-barang-jasa",), 32, "LKPP", 4),
    ("E-Katalog dan Toko Daring Pengadaan", B.TEKNIS, F.E_LEARNING,
     ("pengadaan-barang-jasa", "literasi-digital"), 4, "LKPP", 0),
    ("Magang Layanan Adminduk Terpadu", B.TEKNIS, F.MAGANG,
     ("pelayanan-publik",), 30, "Disdukcapil Kota Pangkalpinang", 10),
    ("Job Rotation Antarbidang", B.MANAJERIAL, F.JOB_ROTATION,
     ("pengembangan-diri", "kerja-sama-tim"), 20, "BKPSDMD Kota Pangkalpinang", 20),
    ("Penulisan Naskah Dinas", B.TEKNIS, F.KLASIKAL,
     ("komunikasi-efektif",), 8, "Bagian Umum Setda", 1),
    ("Etika dan Budaya Kerja BerAKHLAK", B.SOSIAL_KULTURAL, F.E_LEARNING,
     ("integritas-antikorupsi", "kerja-sama-tim"), 2, "KemenPAN-RB", 0),
)  # fmt: skip

EKSTERNAL = (
    ("Webinar Transformasi Digital Pemerintah Daerah", "Kementerian Dalam Negeri", B.TEKNIS),
    ("Seminar Nasional Pelayanan Publik", "Universitas Bangka Belitung", B.TEKNIS),
    ("Kursus Daring Analisis Kebijakan", "LAN RI", B.MANAJERIAL),
    ("Pelatihan Public Speaking", "Lembaga Kursus Pangkalpinang", B.SOSIAL_KULTURAL),
    ("Bimtek Penyusunan Laporan Kinerja", "BPKP Perwakilan Babel", B.TEKNIS),
)

TOLAK = (
    "Kuota pelatihan OPD tahun ini sudah terpakai; ajukan lagi semester depan.",
    "Jadwal bentrok dengan pelayanan akhir bulan; pilih angkatan berikutnya.",
    "Lebih tepat mengikuti pelatihan manajemen waktu lebih dulu.",
)


@dataclass
class _Hasil:
    pendaftaran: int = 0
    selesai: int = 0
    menunggu: int = 0
    eksternal: int = 0


def _pdf_demo() -> bytes:
    """A one-page PDF saying it is a demo certificate (hand-written, no dependencies)."""
    teks = b"BT /F1 18 Tf 60 760 Td (Sertifikat pelatihan - contoh data demo) Tj ET"
    objek = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(teks) + teks + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    isi = b"%PDF-1.4\n"
    posisi = []
    for i, o in enumerate(objek, start=1):
        posisi.append(len(isi))
        isi += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(isi)
    isi += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objek) + 1)
    isi += b"".join(b"%010d 00000 n \n" % p for p in posisi)
    isi += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objek) + 1,
        xref,
    )
    return isi


def _simpan_sertifikat() -> str:
    if not default_storage.exists(SERTIFIKAT):
        return default_storage.save(SERTIFIKAT, ContentFile(_pdf_demo()))
    return SERTIFIKAT


def _waktu(tanggal: dt.date, jam: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(tanggal, dt.time(jam, 0)))


def _katalog(rng: random.Random, tahun: int, hari_ini: dt.date) -> list[Pelatihan]:
    topik = dict(TopikKompetensi.objects.values_list("kode", "pk"))
    items: list[Pelatihan] = []
    tautan: list[tuple[int, tuple[str, ...]]] = []
    bertanggal = [i for i, row in enumerate(KATALOG) if row[6]]
    akan_datang = set(bertanggal[-5:])  # a few start in the coming weeks
    awal = dt.date(tahun, 1, 6)
    rentang = max(1, (hari_ini - awal).days - 35)
    for i, (judul, bidang, bentuk, kode, jp, penyelenggara, hari) in enumerate(KATALOG):
        mulai: dt.date | None = None
        selesai: dt.date | None = None
        lokasi = "Daring"
        if hari:
            if i in akan_datang:
                mulai = hari_ini + dt.timedelta(days=rng.randint(3, 28))
            else:  # spread over the year so far
                urut = bertanggal.index(i)
                mulai = awal + dt.timedelta(days=rentang * urut // len(bertanggal))
            selesai = mulai + dt.timedelta(days=hari - 1)
            lokasi = rng.choice(
                ("Aula BKPSDMD", "Ruang Rapat Setda", "Gedung Serbaguna", "Daring (Zoom)")
            )
        items.append(
            Pelatihan(
                judul=judul,
                deskripsi=f"{PENANDA}: {judul.lower()} untuk ASN Pemerintah Kota.",
                bidang=bidang,
                bentuk=bentuk,
                penyelenggara=penyelenggara,
                jp=Decimal(jp),
                mulai=mulai,
                selesai=selesai,
                lokasi=lokasi,
                aktif=True,
                dibuat_pada=_waktu(dt.date(tahun, 1, 2)),
            )
        )
        tautan.append((i, kode))
    dibuat = bulk_create_with_history(items, Pelatihan, batch_size=100)
    if any(p.pk is None for p in dibuat):  # databases that do not return keys
        dibuat = list(Pelatihan.objects.filter(deskripsi__startswith=PENANDA).order_by("pk"))
    Through = Pelatihan.topik.through
    Through.objects.bulk_create(
        [
            Through(pelatihan_id=dibuat[i].pk, topikkompetensi_id=topik[k])
            for i, kode in tautan
            for k in kode
            if k in topik
        ]
    )
    return dibuat


def seed(*, instansi: Instansi, seed: int, riwayat: str = "kecil") -> str:
    """Add the demo catalogue, enrolments and JP ledger; a one-line summary."""
    if Pelatihan.objects.filter(deskripsi__startswith=PENANDA).exists():
        return "Pelatihan demo: sudah ada, tidak ditambah lagi."
    hari_ini = timezone.localdate()
    tahun = hari_ini.year
    rng = random.Random(f"pelatihan-{seed}")
    pegawai_ids = sorted(
        set(
            Penugasan.objects.aktif_pada(hari_ini)
            .filter(
                jenis=JenisPenugasan.DEFINITIF,
                pegawai__instansi=instansi,
                pegawai__is_active=True,
            )
            .values_list("pegawai_id", flat=True)
        )
    )
    if not pegawai_ids:
        return ""
    atasan = peta_atasan(pegawai_ids, hari_ini)
    nip = dict(
        Pegawai.objects.filter(nip__in=[DEMO_NIP["pegawai"], DEMO_NIP["atasan"]]).values_list(
            "nip", "pk"
        )
    )
    demo_pegawai = nip.get(DEMO_NIP["pegawai"])
    demo_atasan = nip.get(DEMO_NIP["atasan"])
    hasil = _Hasil()
    with transaction.atomic():
        katalog = _katalog(rng, tahun, hari_ini)
        sertifikat = _simpan_sertifikat()
        _enrolmen(
            rng, katalog, pegawai_ids, atasan, hari_ini, sertifikat, hasil,
            demo_pegawai, demo_atasan,
        )  # fmt: skip
    return (
        f"Pelatihan demo: {len(katalog)} pelatihan, {hasil.pendaftaran} pendaftaran "
        f"({hasil.selesai} selesai, {hasil.menunggu} menunggu atasan), "
        f"{hasil.eksternal} pelatihan eksternal."
    )


def _enrolmen(
    rng: random.Random,
    katalog: list[Pelatihan],
    pegawai_ids: list[int],
    atasan: dict[int, int],
    hari_ini: dt.date,
    sertifikat: str,
    hasil: _Hasil,
    demo_pegawai: int | None,
    demo_atasan: int | None,
) -> None:
    tahun = hari_ini.year
    awal_tahun = dt.date(tahun, 1, 1)
    bawahan_demo = [p for p, a in atasan.items() if a == demo_atasan and p != demo_pegawai]
    wajib_tunggu = set(bawahan_demo[:3])
    rows: list[Pendaftaran] = []
    pakai: dict[int, int] = {}  # pelatihan pk → living enrolments (for the quotas)

    def tambah(p: Pelatihan, pid: int, status: str, alasan: str = "") -> None:
        if p.mulai is not None:
            dibuat = max(awal_tahun, p.mulai - dt.timedelta(days=rng.randint(7, 30)))
        else:
            dibuat = awal_tahun + dt.timedelta(
                days=rng.randrange(max(1, (hari_ini - awal_tahun).days))
            )
        dibuat = min(dibuat, hari_ini)
        d = Pendaftaran(
            pelatihan_id=p.pk,
            pegawai_id=pid,
            status=status,
            diajukan_oleh_id=pid,
            alasan=alasan,
            atasan_id=atasan.get(pid),
            dibuat_pada=_waktu(dibuat, 8 + rng.randrange(8)),
        )
        if status != StatusPendaftaran.DIAJUKAN:
            d.diputus_oleh_id = atasan.get(pid)
            d.diputus_pada = _waktu(
                min(dibuat + dt.timedelta(days=rng.randint(0, 3)), hari_ini), 14
            )
        if status == StatusPendaftaran.DITOLAK:
            d.catatan_atasan = rng.choice(TOLAK)
        if status == StatusPendaftaran.SELESAI:
            if p.selesai is not None:
                tgl = p.selesai
            else:
                tgl = min(dibuat + dt.timedelta(days=rng.randint(3, 20)), hari_ini)
            d.selesai_pada = tgl
            d.jp = p.jp
            d.sertifikat = sertifikat
            d.sertifikat_nama = "sertifikat.pdf"
        rows.append(d)
        if status in (
            StatusPendaftaran.DIAJUKAN,
            StatusPendaftaran.DISETUJUI,
            StatusPendaftaran.SELESAI,
        ):
            pakai[p.pk] = pakai.get(p.pk, 0) + 1

    lalu = [p for p in katalog if p.selesai is None or p.selesai <= hari_ini]
    nanti = [p for p in katalog if p.mulai is not None and p.mulai > hari_ini]
    kecil = [p for p in lalu if p.jp <= 8]
    eksternal_verif: list[int] = []
    nol: list[int] = []
    for pid in pegawai_ids:
        if pid == demo_pegawai:
            continue
        x = rng.random()
        punya_atasan = pid in atasan
        if pid in wajib_tunggu:
            p = rng.choice(nanti or katalog)
            tambah(p, pid, StatusPendaftaran.DIAJUKAN, "Mendukung target kinerja tahun ini.")
            if lalu:
                tambah(rng.choice(lalu), pid, StatusPendaftaran.SELESAI)
            continue
        if x < 0.70 and punya_atasan and lalu:
            n = rng.randint(1, 4)
            pilihan = rng.sample(katalog, min(n, len(katalog)))
            selesai_satu = False
            for p in pilihan:
                lewat = p.selesai is None or p.selesai <= hari_ini
                if lewat:
                    status = (
                        StatusPendaftaran.DITOLAK
                        if rng.random() < 0.06
                        else StatusPendaftaran.SELESAI
                    )
                else:
                    status = (
                        StatusPendaftaran.DIAJUKAN
                        if rng.random() < 0.25
                        else StatusPendaftaran.DISETUJUI
                    )
                selesai_satu |= status == StatusPendaftaran.SELESAI
                tambah(p, pid, status)
            if not selesai_satu:  # mostly completed: at least one done
                sisa = [p for p in lalu if p not in pilihan]
                if sisa:
                    tambah(rng.choice(sisa), pid, StatusPendaftaran.SELESAI)
        elif x < 0.85:
            eksternal_verif.append(pid)
        else:
            nol.append(pid)
            if punya_atasan and nanti and rng.random() < 0.2:
                tambah(rng.choice(nanti), pid, StatusPendaftaran.DIAJUKAN)
    if demo_pegawai is not None and demo_pegawai in atasan:
        p8 = next(
            (p for p in lalu if p.jp == 8 and p.selesai is not None), kecil[0] if kecil else None
        )
        if p8 is not None:
            tambah(p8, demo_pegawai, StatusPendaftaran.SELESAI)
        if nanti:
            tambah(
                next((p for p in nanti if p.bentuk == BentukPelatihan.KLASIKAL), nanti[0]),
                demo_pegawai,
                StatusPendaftaran.DIAJUKAN,
                "Untuk meningkatkan ketepatan waktu penyelesaian layanan.",
            )
    # quotas: dated classroom items get room for their enrolments; two are exactly full
    perbarui: list[Pelatihan] = []
    penuh = 0
    for p in katalog:
        if p.mulai is None:
            continue
        n = pakai.get(p.pk, 0)
        if p.mulai > hari_ini and n and penuh < 2:
            p.kuota = n
            penuh += 1
        else:
            p.kuota = max(20, -(-n * 12 // 10) + 5)
        perbarui.append(p)
    Pelatihan.objects.bulk_update(perbarui, ["kuota"], batch_size=100)
    dibuat = bulk_create_with_history(rows, Pendaftaran, batch_size=1000)
    if any(d.pk is None for d in dibuat):
        dibuat = list(Pendaftaran.objects.filter(pelatihan__in=katalog).order_by("pk"))
    bidang = {p.pk: p.bidang for p in katalog}
    capaian = [
        CapaianJp(
            pegawai_id=d.pegawai_id,
            tahun=d.selesai_pada.year,
            tanggal=d.selesai_pada,
            jp=d.jp,
            bidang=bidang[d.pelatihan_id],
            pendaftaran_id=d.pk,
        )
        for d in dibuat
        if d.status == StatusPendaftaran.SELESAI and d.selesai_pada and d.jp
    ]
    hasil.pendaftaran = len(dibuat)
    hasil.selesai = len(capaian)
    hasil.menunggu = sum(1 for d in dibuat if d.status == StatusPendaftaran.DIAJUKAN)
    # external training: verified for the "external only" group, a few waiting
    menunggu = rng.sample(nol, min(len(nol), max(3, len(pegawai_ids) // 200)))
    eks_rows: list[PelatihanEksternal] = []
    for pid in eksternal_verif + menunggu:
        judul, penyelenggara, bid = rng.choice(EKSTERNAL)
        selesai = min(
            awal_tahun + dt.timedelta(days=rng.randrange(max(1, (hari_ini - awal_tahun).days))),
            hari_ini,
        )
        menit = rng.choice((90, 135, 180, 240, 360, None))
        jp = (
            (Decimal(menit) / 45).quantize(Decimal("0.01"))
            if menit
            else Decimal(rng.choice((2, 4, 8)))
        )
        verif = pid not in menunggu
        eks_rows.append(
            PelatihanEksternal(
                pegawai_id=pid,
                judul=judul,
                penyelenggara=penyelenggara,
                bidang=bid,
                bentuk=BentukPelatihan.E_LEARNING
                if "Daring" in judul or "Webinar" in judul
                else BentukPelatihan.KLASIKAL,
                mulai=selesai,
                selesai=selesai,
                menit=menit,
                jp=jp,
                sertifikat=sertifikat,
                sertifikat_nama="sertifikat.pdf",
                status=StatusVerifikasi.DIVERIFIKASI if verif else StatusVerifikasi.MENUNGGU,
                diverifikasi_pada=_waktu(selesai, 15) if verif else None,
                dibuat_pada=_waktu(selesai, 10),
            )
        )
    eks = PelatihanEksternal.objects.bulk_create(eks_rows, batch_size=1000)
    if any(e.pk is None for e in eks):
        eks = list(PelatihanEksternal.objects.filter(sertifikat=sertifikat).order_by("pk"))
    capaian += [
        CapaianJp(
            pegawai_id=e.pegawai_id,
            tahun=e.selesai.year,
            tanggal=e.selesai,
            jp=e.jp,
            bidang=e.bidang,
            eksternal_id=e.pk,
        )
        for e in eks
        if e.status == StatusVerifikasi.DIVERIFIKASI
    ]
    CapaianJp.objects.bulk_create(capaian, batch_size=2000)
    hasil.eksternal = len(eks)
