"""Demo survey data for the demo city: ~20 unit layanan and a year of responses (bulk inserts).

Most units land in mutu B, one in A and one in C; about 2% of the answers are flagged as abuse
(kept for audit, left out of the IKM).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random

from django.db import transaction
from django.utils import timezone

from kinerja.organisasi.models import Instansi, JenisUnit, Pegawai, UnitKerja

from . import selectors, services
from .models import (
    KOLOM_UNSUR,
    JenisKelamin,
    JenisLayanan,
    Pekerjaan,
    Pendidikan,
    Respons,
    StatusRespons,
    Sumber,
    UnitLayanan,
    Usia,
)

RESPONS_KOTA = 20_000  # at city size (6,500 pegawai); proportionally fewer below
PEGAWAI_KOTA = 6_500
# answer weights for 1..4: a typical (B), the best (A) and the weakest (C) unit
MUTU_B = ((2, 10, 52, 36), (3, 14, 55, 28), (1, 8, 48, 43), (2, 12, 58, 28))
MUTU_A = (0, 3, 30, 67)
MUTU_C = (6, 26, 50, 18)
SARAN = (
    "Antrean sudah tertib, terima kasih.",
    "Mohon tambah kursi di ruang tunggu.",
    "Petugas ramah dan cepat.",
    "Informasi persyaratan di papan pengumuman kurang jelas.",
    "Jam layanan mohon diperpanjang sampai sore.",
    "AC ruang tunggu tidak dingin.",
    "Pelayanan sangat membantu.",
    "Loket online sering error.",
)
KTP = ["Perekaman KTP-el", "Kartu Keluarga", "KIA"]
AKTA = ["Akta kelahiran", "Akta kematian", "Akta perkawinan"]
IZIN = ["PBG", "Izin usaha (OSS)", "Izin reklame"]
POLI = ["Poli umum", "Poli spesialis", "Farmasi"]
ALASAN = (
    "Kolom jebakan (honeypot) terisi: kemungkinan bot.",
    "Dikirim terlalu cepat setelah formulir dibuka.",
    "Jawaban sama dari jaringan dan perangkat yang sama pada hari ini.",
)


def _rencana(instansi: Instansi) -> list[tuple[UnitKerja, str, str, list[str]]]:
    """(unit kerja, kode, nama, jenis layanan) for the service points the city has."""
    units = list(UnitKerja.objects.filter(instansi=instansi).select_related("opd"))
    by_kode = {u.kode: u for u in units}
    rencana: list[tuple[UnitKerja, str, str, list[str]]] = []
    dukcapil = by_kode.get("DISDUKCAPIL")
    if dukcapil is not None:
        bidang = [
            next((u for u in units if u.parent_id == dukcapil.pk and kata in u.nama), dukcapil)
            for kata in ("Pendaftaran Penduduk", "Pencatatan Sipil", "Pendaftaran Penduduk")
        ]
        loket = [
            ("dukcapil-ktp", "Loket KTP-el dan KK Disdukcapil", KTP),
            ("dukcapil-akta", "Loket Akta Catatan Sipil", AKTA),
            ("dukcapil-pindah", "Loket Pindah Datang", ["Surat pindah", "Surat datang"]),
        ]
        for i, (kode, nama, jenis) in enumerate(loket):
            rencana.append((bidang[i], kode, nama, jenis))
    if (dpm := by_kode.get("DPMPTSP")) is not None:
        rencana.append((dpm, "mpp-perizinan", "Mal Pelayanan Publik — Perizinan", IZIN))
    rsud = next((u for u in units if u.jenis == JenisUnit.RSUD), None)
    if rsud is not None:
        rencana.append((rsud, "rsud-rawat-jalan", "RSUD Depati Hamzah — Rawat Jalan", POLI))
        rencana.append((rsud, "rsud-igd", "RSUD Depati Hamzah — IGD", ["Gawat darurat"]))
    pkm = [u for u in units if u.jenis == JenisUnit.PUSKESMAS][:9]
    for u in pkm:
        slug = u.nama.lower().replace("uptd ", "").replace(" ", "-")[:36]
        rencana.append((u, slug, u.nama, ["Pemeriksaan umum", "KIA/KB", "Imunisasi", "Gigi"]))
    kel = [u for u in units if u.jenis == JenisUnit.KELURAHAN][:5]
    for u in kel:
        slug = u.nama.lower().replace(" ", "-")[:36]
        rencana.append(
            (u, slug, f"Kantor {u.nama}", ["Surat pengantar", "Surat keterangan domisili"])
        )
    return rencana


def _skor(rng: random.Random, bobot: tuple[int, ...]) -> dict[str, int]:
    return {k: rng.choices((1, 2, 3, 4), bobot)[0] for k in KOLOM_UNSUR}


@transaction.atomic
def demo_seed_survei(*, instansi: Instansi, seed: int) -> str:
    rng = random.Random(seed)
    units: list[UnitLayanan] = []
    for unit_kerja, kode, nama, jenis in _rencana(instansi):
        units.append(
            services.unit_layanan_create(
                instansi=instansi, unit_kerja=unit_kerja, kode=kode, nama=nama, jenis=jenis
            )
        )
    if not units:
        return "Survei: tidak ada unit layanan yang cocok di kota demo."
    pegawai = Pegawai.objects.filter(instansi=instansi).count()
    total = max(400, RESPONS_KOTA * pegawai // PEGAWAI_KOTA)
    hari_ini = timezone.localdate()
    batch: list[Respons] = []
    dicurigai = 0
    for i, unit in enumerate(units):
        bobot = MUTU_A if i == 3 else MUTU_C if i == len(units) - 1 else rng.choice(MUTU_B)
        daftar_jenis = list(unit.jenis_set.all())
        staf = list(selectors.petugas_unit(unit).values_list("pk", flat=True)[:30])
        for _ in range(total // len(units)):
            respons = _satu(rng, unit, daftar_jenis, staf, bobot, hari_ini)
            if rng.random() < 0.02:
                respons.status = StatusRespons.MENCURIGAKAN
                respons.alasan = [rng.choice(ALASAN)]
                respons.u1 = respons.u2 = respons.u3 = 1
                dicurigai += 1
            batch.append(respons)
        if len(batch) >= 5000:
            Respons.objects.bulk_create(batch, batch_size=2000)
            batch = []
    Respons.objects.bulk_create(batch, batch_size=2000)
    jumlah = (total // len(units)) * len(units)
    return (
        f"Survei kepuasan: {len(units)} unit layanan, {jumlah} respons setahun "
        f"({dicurigai} ditandai mencurigakan)."
    )


def _satu(
    rng: random.Random,
    unit: UnitLayanan,
    jenis: list[JenisLayanan],
    staf: list[int],
    bobot: tuple[int, ...],
    hari_ini: dt.date,
) -> Respons:
    tanggal = hari_ini - dt.timedelta(days=rng.randrange(365))
    waktu = timezone.make_aware(
        dt.datetime.combine(tanggal, dt.time(8 + rng.randrange(8), rng.randrange(60)))
    )
    return Respons(
        unit_layanan=unit,
        jenis_layanan=rng.choice(jenis) if jenis else None,
        tanggal=tanggal,
        sumber=rng.choices((Sumber.ONLINE, Sumber.KIOSK, Sumber.KERTAS), (5, 3, 2))[0],
        usia=rng.choice(["", *Usia.values]),
        jenis_kelamin=rng.choice(["", *JenisKelamin.values]),
        pendidikan=rng.choice(["", *Pendidikan.values]),
        pekerjaan=rng.choice(["", *Pekerjaan.values]),
        petugas_id=rng.choice(staf) if staf and rng.random() < 0.4 else None,
        saran=rng.choice(SARAN) if rng.random() < 0.1 else "",
        ip_hash=hashlib.sha256(str(rng.random()).encode()).hexdigest(),
        dibuat_pada=waktu,
        **_skor(rng, bobot),
    )
