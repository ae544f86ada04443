"""Demo socialisation data: announcements (for everyone, for one OPD, for atasan, for pimpinan
OPD), and an open pulse survey answered in several OPDs — some at or above the minimum number of
answers, some below — with a few comments. The demo pegawai has not answered, so the home page
prompts them. Direct bulk inserts (a few queries). Guides come from migration 0003."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from django.utils import timezone

from kinerja.organisasi.demo import DEMO_NIP
from kinerja.organisasi.models import Instansi, JenisPenugasan, Pegawai, Penugasan, UnitKerja
from kinerja.pengembangan.models import (
    HitunganDenyut,
    KomentarDenyut,
    PartisipasiDenyut,
    Pengumuman,
    PertanyaanDenyut,
    ResponDenyut,
    SurveiDenyut,
)
from kinerja.pengembangan.pengaturan import pengaturan

JUDUL_SURVEI = "Survei denyut: penilaian kinerja"
PERTANYAAN = [
    "Apakah penilaian kinerja di unit Anda adil?",
    "Apakah penilaian kinerja bermanfaat bagi pekerjaan Anda?",
    "Apakah umpan balik dari atasan membantu Anda bekerja lebih baik?",
]
KOMENTAR = [
    "Penilaian sudah lebih jelas sejak ada laporan kegiatan.",
    "Target SKP kadang terlalu tinggi untuk jumlah staf yang ada.",
    "Mohon pelatihan penggunaan aplikasi untuk pegawai senior.",
    "Umpan balik atasan sangat membantu.",
    "Kurva predikat belum banyak dipahami pegawai.",
    "Bukti dukung sebaiknya boleh berupa foto dari ponsel.",
]


def _pengumuman(instansi: Instansi, admin: Pegawai | None, hari_ini: dt.date) -> int:
    if admin is None or Pengumuman.objects.filter(dibuat_oleh=admin).exists():
        return 0
    dukcapil = UnitKerja.objects.filter(instansi=instansi, kode="DISDUKCAPIL").first()
    data = [
        (
            "Batas pengajuan SKP tahun 2027",
            "SKP tahun 2027 diajukan paling lambat 31 Januari 2027.\n\n"
            "Panduan menyusun SKP ada di menu Panduan & FAQ.",
            True,
            [],
            [],
        ),
        (
            "Sosialisasi aplikasi kinerja di Disdukcapil",
            "Sosialisasi untuk seluruh pegawai Disdukcapil, Senin pukul 09.00 di aula.\n"
            "Bawa ponsel Anda.",
            False,
            [dukcapil] if dukcapil else [],
            [],
        ),
        (
            "Atasan: periksa laporan kegiatan bawahan setiap minggu",
            "Laporan yang lama menunggu membuat realisasi bawahan tertahan.\n\n"
            "- Buka menu Review laporan bawahan\n- Setujui atau kembalikan dengan catatan",
            False,
            [],
            ["atasan"],
        ),
        (
            "Pimpinan OPD: predikat kinerja organisasi triwulan IV",
            "Tetapkan predikat kinerja organisasi sebelum penilaian pegawai dimulai.",
            False,
            [],
            ["pimpinan_opd"],
        ),
    ]
    for urutan, (judul, isi, penting, opd, peran) in enumerate(data):
        p = Pengumuman.objects.create(
            judul=judul,
            isi=isi,
            penting=penting,
            mulai=hari_ini - dt.timedelta(days=urutan),
            selesai=hari_ini + dt.timedelta(days=30),
            target_peran=peran,
            dibuat_oleh=admin,
        )
        if opd:
            p.target_opd.set(opd)
    return len(data)


def seed(*, instansi: Instansi, seed: int, riwayat: str = "kecil") -> str:
    rng = random.Random(seed + 808)
    hari_ini = timezone.localdate()
    admin = Pegawai.objects.filter(nip=DEMO_NIP["admin_bkpsdmd"]).first()
    n_pengumuman = _pengumuman(instansi, admin, hari_ini)
    if SurveiDenyut.objects.filter(judul=JUDUL_SURVEI).exists():
        return f"sosialisasi: {n_pengumuman} pengumuman"
    survei = SurveiDenyut.objects.create(
        judul=JUDUL_SURVEI,
        pengantar="Tiga pertanyaan singkat, tanpa nama. Nilai 1 = sangat tidak setuju, "
        "5 = sangat setuju.",
        mulai=hari_ini - dt.timedelta(days=7),
        selesai=hari_ini + dt.timedelta(days=14),
        dibuat_oleh=admin,
    )
    pertanyaan = PertanyaanDenyut.objects.bulk_create(
        PertanyaanDenyut(survei=survei, urutan=i, teks=t) for i, t in enumerate(PERTANYAAN, 1)
    )
    # pegawai per OPD (definitive assignment today); the demo pegawai stays out
    demo_pegawai = DEMO_NIP["pegawai"]
    per_opd: dict[int, list[int]] = defaultdict(list)
    for pegawai_id, opd_id, unit_id in (
        Penugasan.objects.aktif_pada(hari_ini)
        .filter(pegawai__instansi=instansi, jenis=JenisPenugasan.DEFINITIF)
        .exclude(pegawai__nip=demo_pegawai)
        .values_list("pegawai_id", "unit__opd_id", "unit_id")
        .order_by("pegawai_id")
    ):
        per_opd[opd_id or unit_id].append(pegawai_id)
    minimum = pengaturan().min_jawaban_denyut
    partisipasi: list[PartisipasiDenyut] = []
    respon: list[ResponDenyut] = []
    hitungan: list[HitunganDenyut] = []
    komentar: list[KomentarDenyut] = []
    for urutan, opd_id in enumerate(sorted(per_opd)):
        ids = per_opd[opd_id]
        if urutan % 4 == 3:
            continue  # some OPDs have no answer at all
        # about half the OPDs reach the minimum, the others stay below it
        n = min(len(ids), minimum + rng.randint(0, 25) if urutan % 2 == 0 else rng.randint(1, 9))
        if n == 0:
            continue
        for pegawai_id in rng.sample(ids, n):
            partisipasi.append(PartisipasiDenyut(survei=survei, pegawai_id=pegawai_id))
        respon.append(ResponDenyut(survei=survei, opd_id=opd_id, jumlah=n))
        condong = rng.choice([(1, 2, 3, 4, 4), (2, 3, 3, 4, 5), (3, 4, 4, 5, 5)])
        for q in pertanyaan:
            jumlah = [0] * 5
            for _ in range(n):
                jumlah[rng.choice(condong) - 1] += 1
            hitungan.extend(
                HitunganDenyut(
                    survei=survei, opd_id=opd_id, pertanyaan=q, nilai=v + 1, jumlah=jumlah[v]
                )
                for v in range(5)
            )
        for teks in rng.sample(KOMENTAR, min(len(KOMENTAR), max(1, n // 6))):
            komentar.append(KomentarDenyut(survei=survei, opd_id=opd_id, teks=teks))
    komentar.sort(key=lambda k: k.pk)  # random-key order
    PartisipasiDenyut.objects.bulk_create(partisipasi, batch_size=1000)
    ResponDenyut.objects.bulk_create(respon)
    HitunganDenyut.objects.bulk_create(hitungan, batch_size=1000)
    KomentarDenyut.objects.bulk_create(komentar)
    cukup = sum(1 for r in respon if r.jumlah >= minimum)
    return (
        f"sosialisasi: {n_pengumuman} pengumuman, survei denyut {len(partisipasi)} jawaban di "
        f"{len(respon)} OPD ({cukup} mencapai minimal {minimum})"
    )
