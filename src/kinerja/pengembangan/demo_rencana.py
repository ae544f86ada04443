"""Demo data of the "rencana" part (after demo_pelatihan): needs recorded by atasan for some
pegawai, development plans for about 30 % of the pegawai with activities (some done, some tied
to the pegawai's enrolments, some to dialog kinerja rows of the umpanbalik demo). The demo
pegawai gets a need from the atasan when the penilaian demo gave no gap that a catalogue item
answers, so "Rekomendasi pelatihan" shows at least one training with its reason.

Bulk inserts; pairs pegawai → atasan from the SKP snapshot of the year (one query).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from django.utils import timezone

from kinerja.organisasi.models import Instansi, Pegawai

from .models import (
    STATUS_PENDAFTARAN_HIDUP,
    AktivitasRencana,
    BentukPelatihan,
    KebutuhanPengembangan,
    Pendaftaran,
    RencanaPengembangan,
    StatusRencana,
    SumberKebutuhan,
    TopikKompetensi,
)

_BATCH = 2000

ALASAN = [
    "Sering melewati tenggat laporan bulanan; perlu mengatur prioritas kerja.",
    "Akan menangani layanan loket; perlu penguatan pelayanan kepada warga.",
    "Masih kesulitan memakai aplikasi layanan daring.",
    "Perlu lebih terbuka berkomunikasi dengan rekan satu tim.",
    "Disiapkan untuk mengoordinasi tim kecil tahun depan.",
    "Penyusunan SKP dan indikator masih perlu pendampingan.",
]
TUJUAN = [
    "Meningkatkan ketepatan waktu penyelesaian pekerjaan dan kualitas laporan.",
    "Menguasai layanan daring agar antrean loket berkurang.",
    "Memperbaiki komunikasi dengan rekan kerja dan warga.",
    "Siap memimpin tim kecil dan menyusun rencana kerja seksi.",
    "Menyusun SKP yang terukur dan melaporkan realisasi tepat waktu.",
]
AKTIVITAS_COACHING = "Coaching bulanan dengan atasan tentang {topik}"
AKTIVITAS = [
    ("Belajar mandiri modul e-learning {topik}", BentukPelatihan.E_LEARNING),
    (AKTIVITAS_COACHING, BentukPelatihan.COACHING),
    ("Mentoring bersama rekan senior: {topik}", BentukPelatihan.MENTORING),
    ("Magang dua minggu di unit layanan terkait {topik}", BentukPelatihan.MAGANG),
]


def _tanggal(rng: random.Random, tahun: int, sampai: dt.date) -> dt.date:
    awal = dt.date(tahun, 1, 1)
    return awal + dt.timedelta(days=rng.randint(0, max((sampai - awal).days, 0)))


def seed(*, instansi: Instansi, seed: int, riwayat: str = "kecil") -> str:
    from kinerja.organisasi.demo import DEMO_NIP
    from kinerja.skp.models import Skp
    from kinerja.umpanbalik.models import DialogKinerja

    rng = random.Random(seed + 8_08)
    hari_ini = timezone.localdate()
    tahun = hari_ini.year
    sekarang = timezone.now()
    pasangan: dict[int, int] = dict(
        Skp.objects.filter(
            periode__instansi=instansi,
            periode__tahun=tahun,
            aktif=True,
            pejabat_penilai__isnull=False,
            pegawai__is_active=True,
        ).values_list("pegawai_id", "pejabat_penilai_id")
    )
    if not pasangan:
        return ""
    topik = list(TopikKompetensi.objects.filter(aktif=True).values_list("pk", "nama"))
    if not topik:
        return ""
    demo_pegawai = Pegawai.objects.filter(nip=DEMO_NIP.get("pegawai", "")).first()
    lewati = {demo_pegawai.pk} if demo_pegawai else set()
    pegawai_ids = sorted(set(pasangan) - lewati)

    # needs recorded by the atasan for ~10 % of the pegawai
    kebutuhan = [
        KebutuhanPengembangan(
            pegawai_id=pid,
            tahun=tahun,
            topik_id=rng.choice(topik)[0],
            sumber=SumberKebutuhan.ATASAN,
            alasan=rng.choice(ALASAN),
            dicatat_oleh_id=pasangan[pid],
            dibuat_pada=sekarang - dt.timedelta(days=rng.randint(1, 200)),
        )
        for pid in pegawai_ids
        if rng.random() < 0.10
    ]

    # plans for ~30 %, with 1–3 activities
    enrol: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for pk, pid, judul in (
        Pendaftaran.objects.filter(pegawai_id__in=pegawai_ids, status__in=STATUS_PENDAFTARAN_HIDUP)
        .order_by("pk")
        .values_list("pk", "pegawai_id", "pelatihan__judul")
    ):
        enrol[pid].append((pk, judul))
    dialog: dict[int, list[int]] = defaultdict(list)
    for pk, pid, atasan_id in (
        DialogKinerja.objects.filter(pegawai_id__in=pegawai_ids, tanggal__year=tahun)
        .order_by("pk")
        .values_list("pk", "pegawai_id", "atasan_id")
    ):
        if pasangan.get(pid) == atasan_id:
            dialog[pid].append(pk)

    # pegawai who had a dialog kinerja are more likely to have a plan (coaching is recorded)
    dipilih = [pid for pid in pegawai_ids if rng.random() < (0.6 if dialog.get(pid) else 0.30)]
    rencana: list[RencanaPengembangan] = []
    rincian: list[list[AktivitasRencana]] = []
    for pid in dipilih:
        dibuat = _tanggal(rng, tahun, hari_ini)
        r = RencanaPengembangan(
            pegawai_id=pid,
            tahun=tahun,
            atasan_id=pasangan[pid],
            tujuan=rng.choice(TUJUAN),
            dibuat_oleh_id=pid if rng.random() < 0.6 else pasangan[pid],
            dibuat_pada=timezone.make_aware(dt.datetime.combine(dibuat, dt.time(9, 0))),
            revisi=rng.randint(1, 4),
        )
        akt: list[AktivitasRencana] = []
        for urutan in range(rng.randint(1, 3)):
            topik_id, nama = rng.choice(topik)
            uraian, bentuk = rng.choice(AKTIVITAS)
            a = AktivitasRencana(
                uraian=uraian.format(topik=nama.lower()),
                bentuk=bentuk,
                topik_id=topik_id,
                batas=dt.date(tahun, rng.randint(2, 12), 28),
                urutan=urutan,
            )
            if urutan == 0 and enrol.get(pid):
                pk, judul = rng.choice(enrol[pid])
                a.uraian, a.bentuk, a.pendaftaran_id = (
                    f"Mengikuti {judul}"[:300],
                    BentukPelatihan.KLASIKAL,
                    pk,
                )
            elif bentuk == BentukPelatihan.COACHING and dialog.get(pid):
                a.dialog_id = rng.choice(dialog[pid])
            if a.batas <= hari_ini and rng.random() < 0.6:
                a.selesai_pada = a.batas - dt.timedelta(days=rng.randint(0, 20))
            akt.append(a)
        if dialog.get(pid) and not any(a.dialog_id for a in akt):
            # a pegawai who had a dialog kinerja with the atasan records it as a coaching session
            topik_id, nama = rng.choice(topik)
            akt.append(
                AktivitasRencana(
                    uraian=AKTIVITAS_COACHING.format(topik=nama.lower()),
                    bentuk=BentukPelatihan.COACHING,
                    topik_id=topik_id,
                    batas=dt.date(tahun, rng.randint(2, 12), 28),
                    urutan=len(akt),
                    dialog_id=rng.choice(dialog[pid]),
                )
            )
        nasib = rng.random()
        waktu = r.dibuat_pada + dt.timedelta(days=rng.randint(1, 10))
        if nasib < 0.5:
            r.disetujui_pegawai_pada = waktu
            r.disetujui_atasan_pada = waktu + dt.timedelta(days=1)
            r.status = (
                StatusRencana.SELESAI
                if all(a.selesai_pada for a in akt)
                else StatusRencana.DISEPAKATI
            )
        elif nasib < 0.65:
            r.disetujui_pegawai_pada = waktu
        rencana.append(r)
        rincian.append(akt)
    KebutuhanPengembangan.objects.bulk_create(kebutuhan, batch_size=_BATCH)
    RencanaPengembangan.objects.bulk_create(rencana, batch_size=_BATCH)
    aktivitas: list[AktivitasRencana] = []
    for r, akt in zip(rencana, rincian, strict=True):
        for a in akt:
            a.rencana_id = r.pk
            aktivitas.append(a)
    AktivitasRencana.objects.bulk_create(aktivitas, batch_size=_BATCH)

    catatan = _demo_pegawai(demo_pegawai, tahun)
    return (
        f"{len(kebutuhan)} kebutuhan pengembangan, {len(rencana)} rencana pengembangan "
        f"({len(aktivitas)} aktivitas){catatan}"
    )


def _demo_pegawai(pegawai: Pegawai | None, tahun: int) -> str:
    """Make sure the demo pegawai sees at least one recommendation with a reason."""
    from kinerja.organisasi import hierarki

    from .rekomendasi import kandidat_untuk_topik, rekomendasi_untuk, tersedia

    if pegawai is None:
        return ""
    if rekomendasi_untuk(pegawai.pk, tahun).rekomendasi:
        return "; pegawai demo: rekomendasi dari penilaian"
    atasan = hierarki.atasan_langsung(pegawai)
    hari_ini = timezone.localdate()
    semua = list(TopikKompetensi.objects.filter(aktif=True).values_list("pk", flat=True))
    cocok = [k for k in kandidat_untuk_topik(semua) if tersedia(k, hari_ini)]
    if atasan is None or not cocok:
        return "; pegawai demo: belum ada pelatihan di katalog untuk direkomendasikan"
    pilihan = {t for k in cocok for t in k.topik_ids}
    urut = list(
        TopikKompetensi.objects.filter(pk__in=pilihan)
        .order_by("urutan")
        .values_list("pk", flat=True)
    )
    KebutuhanPengembangan.objects.create(
        pegawai=pegawai,
        tahun=tahun,
        topik_id=urut[0],
        sumber=SumberKebutuhan.ATASAN,
        alasan="Sering melewati tenggat laporan bulanan; perlu mengatur prioritas kerja.",
        dicatat_oleh=atasan,
    )
    return "; pegawai demo: kebutuhan dicatat atasan"
