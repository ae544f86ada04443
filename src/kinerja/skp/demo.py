"""Demo SKP data for the demo city: periods, a Perjanjian Kinerja per OPD, and an SKP for
(almost) every pegawai, cascaded from the top, in a realistic mix of states.

Built in memory from a handful of reads (jabatan, assignments, pegawai, units) and written with
`bulk_create` level by level of the atasan line, so each RHK can name its atasan's RHK. The atasan
line is computed the way `kinerja.organisasi.hierarki` does (Plt/Plh first, vacancies pass up).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from kinerja.organisasi.demo import DEMO_NIP
from kinerja.organisasi.models import (
    Instansi,
    Jabatan,
    JenisJabatan,
    JenisPenugasan,
    Pegawai,
    Penugasan,
    UnitKerja,
)

from .dokumen import pangkat_golongan
from .models import (
    AksiSkp,
    EkspektasiPerilaku,
    IndikatorKinerja,
    IndikatorPK,
    JenisRhk,
    Kadensi,
    PerilakuKerja,
    PeriodeKinerja,
    PerjanjianKinerja,
    Rhk,
    RiwayatSkp,
    SasaranPK,
    Skp,
    SkpVersi,
    StatusPeriode,
    StatusSkp,
)

TAHUN = 2026
_BATCH = 2000
KODE_ALFABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
BELUM = "belum"
# share of each state among pegawai whose atasan has an SKP (leaders never "belum")
CAMPURAN = [
    (StatusSkp.DISETUJUI, 0.70),
    (StatusSkp.DIAJUKAN, 0.10),
    (StatusSkp.DIKEMBALIKAN, 0.05),
    (StatusSkp.DRAFT, 0.10),
    (BELUM, 0.05),
]
# leaders submit early (a bawahan cannot submit before them): approved or waiting
CAMPURAN_PIMPINAN = [(StatusSkp.DISETUJUI, 0.9), (StatusSkp.DIAJUKAN, 0.1)]
PERSONA_STATUS = {
    "pegawai": StatusSkp.DIAJUKAN,  # the demo atasan has something to approve
    "atasan": StatusSkp.DISETUJUI,
    "pimpinan_opd": StatusSkp.DISETUJUI,
    "operator_opd": StatusSkp.DISETUJUI,
    "admin_bkpsdmd": StatusSkp.DISETUJUI,
    "pimpinan_daerah": StatusSkp.DISETUJUI,
    "inspektorat": StatusSkp.DIKEMBALIKAN,
    "luar_opd": StatusSkp.DISETUJUI,
}
SASARAN = [
    "Meningkatnya kualitas pelayanan publik {opd}",
    "Meningkatnya akuntabilitas kinerja {opd}",
    "Terwujudnya tata kelola administrasi yang tertib di {opd}",
    "Meningkatnya kapasitas sumber daya aparatur {opd}",
    "Meningkatnya pemanfaatan teknologi informasi di {opd}",
    "Meningkatnya capaian program prioritas daerah pada {opd}",
]
INDIKATOR_PK = [
    ("Indeks kepuasan masyarakat", Decimal(85), "indeks"),
    ("Nilai SAKIP", Decimal(75), "nilai"),
    ("Persentase temuan pemeriksaan yang ditindaklanjuti", Decimal(100), "%"),
    ("Persentase pegawai yang memenuhi standar kompetensi", Decimal(80), "%"),
    ("Persentase layanan yang tersedia secara daring", Decimal(60), "%"),
    ("Persentase capaian target program prioritas", Decimal(90), "%"),
]
OBJEK = [
    "pelayanan administrasi",
    "laporan kinerja",
    "pengelolaan data dan informasi",
    "koordinasi program kerja",
    "monitoring dan evaluasi kegiatan",
    "dokumen perencanaan",
    "pengelolaan arsip",
    "pelaksanaan kegiatan teknis",
    "pengelolaan keuangan kegiatan",
    "layanan pengaduan masyarakat",
]
SATUAN = ["dokumen", "laporan", "kegiatan", "berkas"]
CATATAN_KEMBALI = [
    "Target kuantitas belum terukur; sebutkan jumlah dan satuannya.",
    "RHK kedua belum menautkan RHK atasan yang sesuai; mohon diperbaiki.",
    "Indikator waktu perlu ditambahkan untuk RHK utama.",
]
EKSPEKTASI = {
    "berorientasi-pelayanan": "Menanggapi setiap permohonan layanan paling lambat satu hari kerja.",
    "kolaboratif": "Aktif berbagi data dengan seksi lain tanpa harus diminta.",
}


@dataclass
class _Orang:
    pegawai_id: int
    nama: str
    nip: str
    golongan: str
    jabatan_id: int
    unit_id: int
    atasan_id: int | None = None
    atasan_jabatan_id: int | None = None
    level: int = 0
    status: str = ""
    skp: Skp | None = None
    rhk: list[Rhk] = field(default_factory=list)


def _periode(instansi: Instansi) -> tuple[PeriodeKinerja, PeriodeKinerja]:
    lalu, _ = PeriodeKinerja.objects.get_or_create(
        instansi=instansi,
        tahun=TAHUN - 1,
        defaults={
            "mulai": dt.date(TAHUN - 1, 1, 2),
            "selesai": dt.date(TAHUN - 1, 12, 31),
            "kadensi": Kadensi.TRIWULANAN,
            "status": StatusPeriode.DITUTUP,
        },
    )
    kini, _ = PeriodeKinerja.objects.get_or_create(
        instansi=instansi,
        tahun=TAHUN,
        defaults={
            "mulai": dt.date(TAHUN, 1, 2),
            "selesai": dt.date(TAHUN, 12, 31),
            "kadensi": Kadensi.TRIWULANAN,
            "batas_penyusunan": dt.date(TAHUN, 1, 31),
            "batas_persetujuan": dt.date(TAHUN, 2, 28),
            "status": StatusPeriode.BERJALAN,
        },
    )
    return kini, lalu


def _organisasi(instansi: Instansi, tanggal: dt.date) -> tuple[dict[int, _Orang], dict[int, Any]]:
    """Every pegawai with a definitive jabatan, their atasan and depth; jabatan rows by id."""
    jabatan = {
        j["pk"]: j
        for j in Jabatan.objects.filter(instansi=instansi).values(
            "pk", "parent_id", "nama", "jenis", "unit_id", "unit__nama", "unit__opd_id"
        )
    }
    tugas = list(
        Penugasan.objects.aktif_pada(tanggal)
        .filter(pegawai__instansi=instansi, pegawai__is_active=True)
        .values_list("pegawai_id", "jabatan_id", "unit_id", "jenis", "mulai")
    )
    best: dict[int, tuple[int, dt.date, int]] = {}
    definitif: dict[int, tuple[int, int]] = {}
    for pegawai_id, jabatan_id, unit_id, jenis, mulai in tugas:
        rank = 0 if jenis == JenisPenugasan.DEFINITIF else 1
        if jabatan_id not in best or (rank, mulai) > best[jabatan_id][:2]:
            best[jabatan_id] = (rank, mulai, pegawai_id)
        if jenis == JenisPenugasan.DEFINITIF:
            definitif.setdefault(pegawai_id, (jabatan_id, unit_id))
    pemegang = {jid: v[2] for jid, v in best.items()}
    info = {
        p["pk"]: p
        for p in Pegawai.objects.filter(pk__in=list(definitif)).values(
            "pk", "nama", "gelar_depan", "gelar_belakang", "nip", "golongan"
        )
    }
    orang: dict[int, _Orang] = {}
    for pid, (jid, uid) in definitif.items():
        p = info[pid]
        nama = f"{p['gelar_depan']} {p['nama']}".strip()
        nama = f"{nama}, {p['gelar_belakang']}" if p["gelar_belakang"] else nama
        orang[pid] = _Orang(pid, nama, p["nip"], p["golongan"], jid, uid)
    for o in orang.values():
        o.atasan_id, o.atasan_jabatan_id = _atasan(o, jabatan, pemegang)
    for o in orang.values():
        o.level = _level(o, orang)
    return orang, jabatan


def _atasan(
    o: _Orang, jabatan: dict[int, Any], pemegang: dict[int, int]
) -> tuple[int | None, int | None]:
    """(atasan pegawai id, the jabatan they hold it by), as hierarki.atasan_dari_jabatan."""
    current = jabatan[o.jabatan_id]["parent_id"]
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        holder = pemegang.get(current)
        if holder is not None and holder != o.pegawai_id:
            return holder, current
        current = jabatan[current]["parent_id"]
    return None, None


def _level(o: _Orang, orang: dict[int, _Orang]) -> int:
    level, current, seen = 0, o.atasan_id, {o.pegawai_id}
    while current is not None and current in orang and current not in seen:
        seen.add(current)
        level += 1
        current = orang[current].atasan_id
    return level


def _perjanjian(
    periode: PeriodeKinerja, rng: random.Random, opd_ids: list[int], nama: dict[int, str]
) -> dict[int, list[IndikatorPK]]:
    """3–5 sasaran with one or two indicators for each OPD; indicators by OPD id."""
    pks = [PerjanjianKinerja(periode=periode, unit_id=opd) for opd in opd_ids]
    PerjanjianKinerja.objects.bulk_create(pks, batch_size=_BATCH)
    sasaran: list[tuple[int, SasaranPK]] = []
    for pk in pks:
        for urutan, teks in enumerate(rng.sample(SASARAN, rng.randint(3, 5))):
            sasaran.append(
                (
                    pk.unit_id,
                    SasaranPK(
                        perjanjian=pk, urutan=urutan, sasaran=teks.format(opd=nama[pk.unit_id])
                    ),
                )
            )
    SasaranPK.objects.bulk_create([s for _, s in sasaran], batch_size=_BATCH)
    indikator: dict[int, list[IndikatorPK]] = defaultdict(list)
    for opd, s in sasaran:
        for urutan in range(rng.randint(1, 2)):
            teks, target, satuan = INDIKATOR_PK[(s.pk + urutan) % len(INDIKATOR_PK)]
            indikator[opd].append(
                IndikatorPK(
                    sasaran=s, urutan=urutan, indikator=teks, target_angka=target, satuan=satuan
                )
            )
    IndikatorPK.objects.bulk_create(
        [i for rows in indikator.values() for i in rows], batch_size=_BATCH
    )
    return indikator


def _status(o: _Orang, rng: random.Random, persona: dict[int, str], punya_bawahan: set[int]) -> str:
    if o.pegawai_id in persona:
        return PERSONA_STATUS[persona[o.pegawai_id]]
    pilihan = CAMPURAN_PIMPINAN if o.pegawai_id in punya_bawahan else CAMPURAN
    return rng.choices([s for s, _ in pilihan], weights=[w for _, w in pilihan])[0]


def _teks_rhk(o: _Orang, jab: dict[str, Any], rng: random.Random) -> str:
    objek = rng.choice(OBJEK)
    if jab["jenis"] in {JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS}:
        return f"Terlaksananya {objek} pada {jab['unit__nama']}"
    if jab["jenis"] == JenisJabatan.FUNGSIONAL:
        return f"Terselesaikannya {objek} sesuai standar jabatan {jab['nama']}"
    return f"Tersusunnya {objek} {jab['unit__nama']}"


def _indikator(rhk: Rhk, rng: random.Random, pk: IndikatorPK | None) -> list[IndikatorKinerja]:
    if pk is not None:
        return [
            IndikatorKinerja(
                rhk=rhk,
                aspek="kuantitas",
                teks=pk.indikator,
                target_angka=pk.target_angka,
                target_satuan=pk.satuan,
            )
        ]
    satuan = rng.choice(SATUAN)
    rows = [
        IndikatorKinerja(
            rhk=rhk,
            aspek="kuantitas",
            teks=f"Jumlah {satuan} yang diselesaikan",
            target_angka=Decimal(rng.choice([4, 6, 12, 24, 36, 50, 100])),
            target_satuan=satuan,
        )
    ]
    if rng.random() < 0.6:
        rows.append(
            IndikatorKinerja(
                rhk=rhk,
                urutan=1,
                aspek=rng.choice(["kualitas", "waktu"]),
                teks=f"Persentase {satuan} yang selesai sesuai standar dan tepat waktu",
                target_angka=Decimal(100),
                target_satuan="%",
            )
        )
    return rows


@dataclass
class _Tulis:
    """Everything created, in memory, for the later bulk writes and snapshots."""

    rhk: list[Rhk] = field(default_factory=list)
    indikator: dict[int, list[IndikatorKinerja]] = field(default_factory=dict)  # id(rhk) →


def _rhk_orang(
    o: _Orang,
    orang: dict[int, _Orang],
    jabatan: dict[int, Any],
    pk_opd: dict[int, list[IndikatorPK]],
    rng: random.Random,
    tulis: _Tulis,
) -> None:
    jab = jabatan[o.jabatan_id]
    opd = jab["unit__opd_id"] or jab["unit_id"]
    atasan = orang.get(o.atasan_id) if o.atasan_id else None
    dari_atasan = [r for r in atasan.rhk if r.jenis == JenisRhk.UTAMA] if atasan else []
    assert o.skp is not None
    if jab["jenis"] == JenisJabatan.JPT or (atasan is None and pk_opd.get(opd)):
        for urutan, ind in enumerate(pk_opd.get(opd, [])[:4]):
            rhk = Rhk(
                skp=o.skp,
                urutan=urutan,
                teks=f"Tercapainya target {ind.indikator.lower()}",
                indikator_pk=ind,
            )
            o.rhk.append(rhk)
            tulis.indikator[id(rhk)] = _indikator(rhk, rng, ind)
    else:
        mulai = rng.randrange(len(dari_atasan)) if dari_atasan else 0
        for urutan in range(rng.randint(2, 3)):
            link = dari_atasan[(mulai + urutan) % len(dari_atasan)] if dari_atasan else None
            rhk = Rhk(skp=o.skp, urutan=urutan, teks=_teks_rhk(o, jab, rng), rhk_atasan=link)
            o.rhk.append(rhk)
            tulis.indikator[id(rhk)] = _indikator(rhk, rng, None)
        if rng.random() < 0.3:
            link = rng.choice(dari_atasan) if dari_atasan else None
            rhk = Rhk(
                skp=o.skp,
                jenis=JenisRhk.TAMBAHAN,
                teks=f"Terlaksananya tugas tambahan {rng.choice(OBJEK)}",
                rhk_atasan=link,
            )
            o.rhk.append(rhk)
            tulis.indikator[id(rhk)] = _indikator(rhk, rng, None)
    tulis.rhk.extend(o.rhk)


def _skp(
    o: _Orang,
    periode: PeriodeKinerja,
    orang: dict[int, _Orang],
    jabatan: dict[int, Any],
    rng: random.Random,
) -> Skp:
    jab = jabatan[o.jabatan_id]
    atasan = orang.get(o.atasan_id) if o.atasan_id else None
    pj = jabatan.get(o.atasan_jabatan_id) if o.atasan_jabatan_id else None
    dibuat = dt.datetime(TAHUN, 1, rng.randint(3, 20), 2, tzinfo=dt.UTC)  # 09:00 WIB
    diajukan = dibuat + dt.timedelta(days=rng.randint(1, 7), hours=rng.randint(0, 6))
    disetujui = diajukan + dt.timedelta(days=rng.randint(1, 10), hours=rng.randint(0, 6))
    status = o.status
    return Skp(
        pegawai_id=o.pegawai_id,
        periode=periode,
        status=status,
        jabatan_id=o.jabatan_id,
        unit_id=o.unit_id,
        pegawai_nama=o.nama,
        pegawai_golongan=o.golongan,
        jabatan_nama=jab["nama"],
        jabatan_jenis=jab["jenis"],
        unit_nama=jab["unit__nama"],
        pejabat_penilai_id=o.atasan_id,
        penilai_nama=atasan.nama if atasan else "",
        penilai_nip=atasan.nip if atasan else "",
        penilai_golongan=atasan.golongan if atasan else "",
        penilai_jabatan_nama=pj["nama"] if pj else "",
        penilai_unit_nama=pj["unit__nama"] if pj else "",
        catatan_pengembalian=rng.choice(CATATAN_KEMBALI)
        if status == StatusSkp.DIKEMBALIKAN
        else "",
        diajukan_pada=diajukan
        if status in {StatusSkp.DIAJUKAN, StatusSkp.DIKEMBALIKAN, StatusSkp.DISETUJUI}
        else None,
        disetujui_pada=disetujui if status == StatusSkp.DISETUJUI else None,
        disetujui_oleh_id=o.atasan_id if status == StatusSkp.DISETUJUI else None,
        dibuat_pada=dibuat,
    )


def _snapshot(
    o: _Orang, skp: Skp, indikator: dict[int, list[IndikatorKinerja]], perilaku: list[Any]
) -> dict[str, Any]:
    """The frozen content of an approved demo SKP (the shape of dokumen.skp_snapshot)."""
    periode = skp.periode
    return {
        "format": 1,
        "skp_id": skp.pk,
        "versi": skp.versi,
        "pendekatan": skp.pendekatan,
        "instansi": periode.instansi.nama,
        "periode": {
            "tahun": periode.tahun,
            "mulai": periode.mulai.isoformat(),
            "selesai": periode.selesai.isoformat(),
        },
        "pegawai": {
            "nama": skp.pegawai_nama,
            "nip": o.nip,
            "golongan": skp.pegawai_golongan,
            "pangkat": pangkat_golongan(skp.pegawai_golongan),
            "jabatan": skp.jabatan_nama,
            "unit": skp.unit_nama,
        },
        "penilai": {
            "nama": skp.penilai_nama,
            "nip": skp.penilai_nip,
            "golongan": skp.penilai_golongan,
            "pangkat": pangkat_golongan(skp.penilai_golongan),
            "jabatan": skp.penilai_jabatan_nama,
            "unit": skp.penilai_unit_nama,
        },
        "rhk": [
            {
                "jenis": r.jenis,
                "teks": r.teks,
                "rhk_atasan": r.rhk_atasan.teks if r.rhk_atasan else "",
                "indikator_pk": r.indikator_pk.indikator if r.indikator_pk else "",
                "indikator": [
                    {"aspek": i.aspek, "teks": i.teks, "target": i.target} for i in indikator[id(r)]
                ],
            }
            for r in sorted(o.rhk, key=lambda r: (r.jenis != JenisRhk.UTAMA, r.urutan))
        ],
        "perilaku": [
            {"nama": p.nama, "panduan": p.panduan, "ekspektasi": EKSPEKTASI.get(p.kode, "")}
            for p in perilaku
        ],
        "lampiran": {"dukungan_sumber_daya": "", "skema_pertanggungjawaban": "", "konsekuensi": ""},
        "diajukan_pada": skp.diajukan_pada.isoformat() if skp.diajukan_pada else None,
        "disetujui_pada": skp.disetujui_pada.isoformat() if skp.disetujui_pada else None,
    }


def _kode(rng: random.Random, dipakai: set[str]) -> str:
    while True:
        kode = "".join(rng.choice(KODE_ALFABET) for _ in range(8))
        if kode not in dipakai:
            dipakai.add(kode)
            return kode


def _riwayat(o: _Orang, skp: Skp) -> list[RiwayatSkp]:
    rows = [RiwayatSkp(skp=skp, aksi=AksiSkp.DIBUAT, oleh_id=o.pegawai_id, waktu=skp.dibuat_pada)]
    if skp.diajukan_pada:
        rows.append(
            RiwayatSkp(
                skp=skp, aksi=AksiSkp.DIAJUKAN, oleh_id=o.pegawai_id, waktu=skp.diajukan_pada
            )
        )
    if skp.status == StatusSkp.DIKEMBALIKAN:
        rows.append(
            RiwayatSkp(
                skp=skp,
                aksi=AksiSkp.DIKEMBALIKAN,
                oleh_id=o.atasan_id,
                catatan=skp.catatan_pengembalian,
                waktu=(skp.diajukan_pada or skp.dibuat_pada) + dt.timedelta(days=2),
            )
        )
    if skp.disetujui_pada:
        rows.append(
            RiwayatSkp(
                skp=skp, aksi=AksiSkp.DISETUJUI, oleh_id=o.atasan_id, waktu=skp.disetujui_pada
            )
        )
    return rows


def _tentukan_status(
    orang: dict[int, _Orang], jabatan: dict[int, Any], rng: random.Random, persona: dict[int, str]
) -> None:
    """States top-down, within the submission rules: leaders always have an SKP; a non-JPT
    pegawai may only have submitted when their atasan's SKP is submitted or approved (their
    RHK must link to it), else stays a draft; with no atasan nobody in the system approves."""
    punya_bawahan = {o.atasan_id for o in orang.values() if o.atasan_id}
    for o in sorted(orang.values(), key=lambda o: o.level):
        o.status = _status(o, rng, persona, punya_bawahan)
        if o.status in {BELUM, StatusSkp.DRAFT}:
            continue
        atasan = orang.get(o.atasan_id) if o.atasan_id else None
        jpt = jabatan[o.jabatan_id]["jenis"] == JenisJabatan.JPT
        if atasan is None:
            o.status = StatusSkp.DIAJUKAN if jpt else StatusSkp.DRAFT
        elif not jpt and atasan.status not in {StatusSkp.DIAJUKAN, StatusSkp.DISETUJUI}:
            o.status = StatusSkp.DRAFT


@transaction.atomic
def demo_seed_skp(*, instansi: Instansi, seed: int) -> str:
    """Periods 2025 (closed) and 2026 (running), a PK per OPD, SKP for the demo pegawai."""
    mulai = time.perf_counter()
    rng = random.Random(seed)
    periode, _lalu = _periode(instansi)
    periode.instansi = instansi
    orang, jabatan = _organisasi(instansi, timezone.localdate())
    opd = dict(
        UnitKerja.objects.filter(instansi=instansi, parent__isnull=True).values_list("pk", "nama")
    )
    pk_opd = _perjanjian(periode, rng, sorted(opd), opd)
    nip_ke_id = {o.nip: o.pegawai_id for o in orang.values()}
    persona = {nip_ke_id[nip]: kunci for kunci, nip in DEMO_NIP.items() if nip in nip_ke_id}
    _tentukan_status(orang, jabatan, rng, persona)
    punya = [
        o
        for o in sorted(orang.values(), key=lambda o: (o.level, o.pegawai_id))
        if o.status != BELUM
    ]
    dibuat: list[tuple[_Orang, Skp]] = []
    for o in punya:
        o.skp = _skp(o, periode, orang, jabatan, rng)
        dibuat.append((o, o.skp))
    Skp.objects.bulk_create([skp for _o, skp in dibuat], batch_size=_BATCH)
    tulis = _Tulis()
    for level in sorted({o.level for o in punya}):
        awal = len(tulis.rhk)
        for o in punya:
            if o.level == level:
                _rhk_orang(o, orang, jabatan, pk_opd, rng, tulis)
        Rhk.objects.bulk_create(tulis.rhk[awal:], batch_size=_BATCH)
    IndikatorKinerja.objects.bulk_create(
        [i for r in tulis.rhk for i in tulis.indikator[id(r)]], batch_size=_BATCH
    )
    perilaku = list(PerilakuKerja.objects.filter(aktif=True).order_by("urutan"))
    EkspektasiPerilaku.objects.bulk_create(
        [
            EkspektasiPerilaku(
                skp=skp,
                perilaku=p,
                ekspektasi=EKSPEKTASI.get(p.kode, "") if o.status == StatusSkp.DISETUJUI else "",
            )
            for o, skp in dibuat
            for p in perilaku
        ],
        batch_size=_BATCH * 2,
    )
    RiwayatSkp.objects.bulk_create(
        [r for o, skp in dibuat for r in _riwayat(o, skp)], batch_size=_BATCH
    )
    dipakai: set[str] = set(SkpVersi.objects.values_list("kode", flat=True))
    versi = [
        SkpVersi(
            skp=skp,
            kode=_kode(rng, dipakai),
            snapshot=_snapshot(o, skp, tulis.indikator, perilaku),
            disetujui_oleh_id=skp.disetujui_oleh_id,
            disetujui_pada=skp.disetujui_pada,
        )
        for o, skp in dibuat
        if skp.disetujui_oleh_id is not None and skp.disetujui_pada is not None
    ]
    SkpVersi.objects.bulk_create(versi, batch_size=500)
    Skp.history.bulk_history_create(
        [skp for _o, skp in dibuat], batch_size=_BATCH, default_change_reason="seed_demo"
    )
    hitung: dict[str, int] = defaultdict(int)
    for o in orang.values():
        hitung[o.status] += 1
    ringkas = ", ".join(f"{hitung[s]} {s}" for s, _w in CAMPURAN)
    return (
        f"SKP demo {TAHUN}: {len(punya)} SKP ({ringkas}), {len(tulis.rhk)} RHK, "
        f"{len(opd)} Perjanjian Kinerja, dalam {time.perf_counter() - mulai:.1f} detik"
    )
