"""Demo evaluations for seed_demo: a finished previous year and the current year in progress.

- previous year (closed periode): an approved SKP copy per pegawai, every quarter and the year
  rated and locked, predikat organisasi per OPD, a few keberatan decided;
- current year: quarters that have ended are rated; the older ones are locked, the latest one
  is locked in about half of the OPDs, rated but open in others, and left as drafts (overdue)
  for some atasan — the demo atasan's own team is left to rate; one atasan rates everyone
  Di Atas (an outlier for the dashboard); the demo pegawai has a decided keberatan (changed)
  and an open one with a clarification.

Written with bulk_create from a handful of reads (the SKP rows, the rule tables) so `make run`
stays quick (about 1,200 pegawai → ~9,000 evaluations). The rules come from G's aturan.py:
the proposal from the capped achievement, the predikat from the matrix, the leader's rating
from the OPD's predikat organisasi.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db import transaction
from django.utils import timezone

from kinerja.organisasi.demo import DEMO_NIP
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.skp.models import (
    IndikatorKinerja,
    PerilakuKerja,
    PeriodeKinerja,
    Rhk,
    Skp,
    StatusSkp,
)

from . import aturan
from .models import (
    Evaluasi,
    EvaluasiIndikator,
    Keberatan,
    KeputusanKeberatan,
    PermintaanKlarifikasi,
    PerubahanEvaluasi,
    PihakKlarifikasi,
    PredikatOrganisasi,
    RatingPerilakuNilai,
    StatusEvaluasi,
    StatusKeberatan,
    SumberPerubahan,
)

_BATCH = 2000
HASIL = (["di_atas", "sesuai", "di_bawah"], [18, 68, 14])
PERILAKU = (["di_atas", "sesuai", "di_bawah"], [20, 73, 7])
PREDIKAT_ORG = (["istimewa", "baik", "butuh_perbaikan", "kurang"], [20, 60, 15, 5])
CATATAN = {
    "di_atas": "Konsisten melampaui ekspektasi; menjadi rujukan rekan kerja.",
    "sesuai": "Sesuai ekspektasi yang disepakati.",
    "di_bawah": "Perlu pembinaan; dibahas dalam dialog kinerja.",
}


def _jam(tanggal: dt.date, jam: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(tanggal, dt.time(jam)))


class _Seeder:
    def __init__(self, instansi: Instansi, seed: int) -> None:
        self.rng = random.Random(seed * 104729 + 5)
        self.instansi = instansi
        self.matriks = aturan.matriks()
        self.ambang = aturan.ambang()
        setelan = aturan.pengaturan()
        self.batas = setelan.batas_capaian_persen
        self.keberatan_hari = setelan.batas_keberatan_hari
        self.keputusan_hari = setelan.batas_keputusan_hari
        self.konversi = {
            k: aturan.rating_pimpinan(k) for k in ["istimewa", "baik", "butuh_perbaikan", "kurang"]
        }
        self.perilaku = list(PerilakuKerja.objects.filter(aktif=True).order_by("urutan"))
        self.evaluasi: list[Evaluasi] = []
        self.indikator: list[EvaluasiIndikator] = []
        self.perilaku_rows: list[RatingPerilakuNilai] = []
        self.predikat_org: list[PredikatOrganisasi] = []
        self.hari_ini = timezone.localdate()
        self.pegawai_demo: int | None = None

    # --- shared pieces ----------------------------------------------------------------------

    def usulan(self, capaian: list[Decimal | None]) -> tuple[str, Decimal | None, int]:
        """aturan.usulan_dari without its rule text (one settings query per call): the same
        rule — average of the capped achievements, half-up to 2 decimals, highest bound wins."""
        nilai = [min(c, self.batas) for c in capaian if c is not None]
        if not nilai:
            return "", None, 0
        rata = aturan.bulat2(Fraction(sum(nilai, Decimal(0))) / len(nilai))
        for bawah, rating in self.ambang:
            if rata >= bawah:
                return rating, rata, len(nilai)
        return "", rata, len(nilai)

    def org(self, opd_ids: list[int], periode: PeriodeKinerja, j: aturan.Jendela) -> dict[int, str]:
        hasil = {}
        for opd in opd_ids:
            p = self.rng.choices(*PREDIKAT_ORG)[0]
            hasil[opd] = p
            self.predikat_org.append(
                PredikatOrganisasi(
                    unit_id=opd,
                    periode=periode,
                    jenis=j.jenis,
                    urutan=j.urutan,
                    mulai=j.mulai,
                    selesai=j.selesai,
                    predikat=p,
                    alasan="Capaian Indikator Kinerja Utama perangkat daerah.",
                    ditetapkan_pada=_jam(j.selesai + dt.timedelta(days=3)),
                )
            )
        return hasil

    def satu(
        self,
        skp: Skp,
        indikator: list[IndikatorKinerja],
        j: aturan.Jendela,
        *,
        status: str,
        org: str,
        kepala_opd: bool,
        semua_di_atas: bool,
        catatan_perilaku: bool,
    ) -> Evaluasi:
        rng = self.rng
        tingkat = rng.choices([1.25, 1.0, 0.7], weights=HASIL[1])[0]
        baris = []
        for n, ind in enumerate(indikator):
            target = ind.target_angka
            realisasi = Decimal(0)
            cap = None
            if target is not None and target > 0:
                faktor = Decimal(str(round(tingkat * rng.uniform(0.85, 1.15), 3)))
                bagian = Decimal(aturan.jumlah_bulan(j.mulai, j.selesai)) / 12
                realisasi = aturan.bulat2(target * faktor * bagian)
                cap = aturan.capaian(ind.aspek, aturan.bulat2(target * bagian), realisasi)
            baris.append((n, ind, target, realisasi, cap))
        rating_usulan, rata, dihitung = self.usulan([b[4] for b in baris])
        if kepala_opd and org:
            rating_usulan = self.konversi[org]
        dinilai = status != StatusEvaluasi.DRAF
        hasil = perilaku = predikat = alasan = ""
        if dinilai:
            hasil = rating_usulan or "sesuai"
            if semua_di_atas:
                hasil = "di_atas"
            elif not (kepala_opd and org) and rng.random() < 0.12:
                hasil = rng.choices(*HASIL)[0]
            if hasil != rating_usulan:
                alasan = "Kontribusi di luar indikator (tugas tambahan) ikut dipertimbangkan."
            perilaku = "di_atas" if semua_di_atas else rng.choices(*PERILAKU)[0]
            predikat = self.matriks[(hasil, perilaku)]
        dinilai_pada = _jam(j.selesai + dt.timedelta(days=rng.randint(3, 12)))
        ev = Evaluasi(
            skp=skp,
            pegawai_id=skp.pegawai_id,
            periode_id=skp.periode_id,
            unit_id=skp.unit_id or 0,
            pejabat_penilai_id=skp.pejabat_penilai_id or 0,
            jenis=j.jenis,
            urutan=j.urutan,
            mulai=j.mulai,
            selesai=j.selesai,
            usulan_hasil=rating_usulan,
            capaian_rata=rata,
            jumlah_indikator_dihitung=dihitung,
            pimpinan_unit_id=skp.unit_id if kepala_opd else None,
            predikat_organisasi=org if kepala_opd else "",
            rating_hasil=hasil,
            alasan_hasil=alasan,
            rating_perilaku=perilaku,
            catatan_perilaku=CATATAN[perilaku] if perilaku else "",
            predikat=predikat,
            status=status,
            revisi=2 if status == StatusEvaluasi.DIKUNCI else (1 if dinilai else 0),
            dinilai_oleh_id=skp.pejabat_penilai_id if dinilai else None,
            dinilai_pada=dinilai_pada if dinilai else None,
            dikunci_pada=_jam(j.selesai + dt.timedelta(days=14))
            if status == StatusEvaluasi.DIKUNCI
            else None,
            dibuat_pada=_jam(j.selesai + dt.timedelta(days=1)),
        )
        if status == StatusEvaluasi.DIKUNCI and rng.random() < 0.7:
            ev.dilihat_pegawai_pada = _jam(j.selesai + dt.timedelta(days=rng.randint(15, 20)), 10)
        self.evaluasi.append(ev)
        for n, ind, target, realisasi, cap in baris:
            self.indikator.append(
                EvaluasiIndikator(
                    evaluasi=ev,
                    indikator=ind,
                    urutan=n,
                    rhk_teks=ind.rhk.teks,
                    rhk_jenis=ind.rhk.jenis,
                    teks=ind.teks,
                    aspek=ind.aspek,
                    target_angka=target,
                    target_satuan=ind.target_satuan,
                    target_teks=ind.target_teks,
                    realisasi=realisasi,
                    jumlah_laporan=rng.randint(3, 40) if target else 0,
                    menit=rng.randint(300, 4000) if target else 0,
                    capaian=cap,
                    capaian_dihitung=min(cap, self.batas) if cap is not None else None,
                )
            )
        if (
            catatan_perilaku
            and dinilai
            and (skp.pegawai_id == self.pegawai_demo or rng.random() < 0.35)
        ):
            # notes per BerAKHLAK value for about a third of the rated pegawai (the rest have
            # none — the pages show the values without a note)
            for p in self.perilaku:
                r = perilaku if rng.random() < 0.5 else ""
                self.perilaku_rows.append(
                    RatingPerilakuNilai(
                        evaluasi=ev, perilaku=p, rating=r, catatan=CATATAN[r] if r else ""
                    )
                )
        return ev

    def tulis(self) -> None:
        PredikatOrganisasi.objects.bulk_create(self.predikat_org, batch_size=_BATCH)
        Evaluasi.objects.bulk_create(self.evaluasi, batch_size=_BATCH)
        EvaluasiIndikator.objects.bulk_create(self.indikator, batch_size=_BATCH)
        RatingPerilakuNilai.objects.bulk_create(self.perilaku_rows, batch_size=_BATCH * 2)


def _skp_tahun_lalu(lalu: PeriodeKinerja, sumber: list[Skp]) -> list[Skp]:
    """An approved copy of each current SKP for the closed previous year (same people, same
    RHK texts) — the previous year had no SKP in the demo before."""
    baru = [
        Skp(
            pegawai_id=s.pegawai_id,
            periode=lalu,
            status=StatusSkp.DISETUJUI,
            jabatan_id=s.jabatan_id,
            unit_id=s.unit_id,
            pegawai_nama=s.pegawai_nama,
            pegawai_golongan=s.pegawai_golongan,
            jabatan_nama=s.jabatan_nama,
            jabatan_jenis=s.jabatan_jenis,
            unit_nama=s.unit_nama,
            pejabat_penilai_id=s.pejabat_penilai_id,
            penilai_nama=s.penilai_nama,
            penilai_nip=s.penilai_nip,
            penilai_golongan=s.penilai_golongan,
            penilai_jabatan_nama=s.penilai_jabatan_nama,
            penilai_unit_nama=s.penilai_unit_nama,
            diajukan_pada=_jam(dt.date(lalu.tahun, 1, 20)),
            disetujui_pada=_jam(dt.date(lalu.tahun, 2, 5)),
            disetujui_oleh_id=s.pejabat_penilai_id,
        )
        for s in sumber
    ]
    Skp.objects.bulk_create(baru, batch_size=_BATCH)
    asal = {s.pegawai_id: s for s in sumber}
    rhk_baru: list[Rhk] = []
    peta: dict[int, list[tuple[Rhk, Rhk]]] = {}
    for b in baru:
        for r in asal[b.pegawai_id].rhk_set.all():
            salinan = Rhk(skp=b, teks=r.teks, jenis=r.jenis, urutan=r.urutan)
            rhk_baru.append(salinan)
            peta.setdefault(b.pk, []).append((r, salinan))
    Rhk.objects.bulk_create(rhk_baru, batch_size=_BATCH)
    ind: list[IndikatorKinerja] = []
    for pasangan in peta.values():
        for lama, salinan in pasangan:
            for i in lama.indikator_set.all():
                ind.append(
                    IndikatorKinerja(
                        rhk=salinan,
                        teks=i.teks,
                        aspek=i.aspek,
                        target_angka=i.target_angka,
                        target_satuan=i.target_satuan,
                        target_teks=i.target_teks,
                        urutan=i.urutan,
                    )
                )
    IndikatorKinerja.objects.bulk_create(ind, batch_size=_BATCH)
    return baru


def _skp_dengan_isi(qs: Any) -> list[Skp]:
    from django.db.models import Prefetch

    return list(
        qs.select_related("jabatan", "unit").prefetch_related(
            Prefetch(
                "rhk_set",
                queryset=Rhk.objects.prefetch_related(
                    Prefetch(
                        "indikator_set", queryset=IndikatorKinerja.objects.order_by("urutan", "pk")
                    )
                ),
            )
        )
    )


def _indikator(skp: Skp) -> list[IndikatorKinerja]:
    hasil = []
    for r in sorted(skp.rhk_set.all(), key=lambda r: (r.jenis != "utama", r.urutan, r.pk)):
        for i in r.indikator_set.all():
            i.rhk = r
            hasil.append(i)
    return hasil


def demo_seed_penilaian(*, instansi: Instansi, seed: int, riwayat: str = "kecil") -> str:
    """Add demo data; returns a one-line summary for the command's output."""
    awal = time.perf_counter()
    periode = list(PeriodeKinerja.objects.filter(instansi=instansi).order_by("tahun"))
    if len(periode) < 2:
        return "Penilaian demo: perlu periode tahun lalu dan tahun berjalan."
    lalu, kini = periode[-2], periode[-1]
    if Evaluasi.objects.filter(periode__in=[lalu, kini]).exists():
        return "Penilaian demo: sudah ada."
    with transaction.atomic():
        ringkas = _isi(instansi, seed, lalu, kini)
    return f"{ringkas}, dalam {time.perf_counter() - awal:.1f} detik"


def _isi(instansi: Instansi, seed: int, lalu: PeriodeKinerja, kini: PeriodeKinerja) -> str:
    s = _Seeder(instansi, seed)
    rng = s.rng
    disetujui = _skp_dengan_isi(
        Skp.objects.filter(periode=kini, status=StatusSkp.DISETUJUI, aktif=True).exclude(
            pejabat_penilai__isnull=True
        )
    )
    semua = _skp_dengan_isi(
        Skp.objects.filter(periode=kini, aktif=True).exclude(pejabat_penilai__isnull=True)
    )
    skp_lalu = _skp_dengan_isi(
        Skp.objects.filter(pk__in=[x.pk for x in _skp_tahun_lalu(lalu, semua)])
    )
    opd_ids = sorted({x.unit.opd_id or x.unit.pk for x in semua if x.unit is not None})
    nip = dict(Pegawai.objects.filter(nip__in=list(DEMO_NIP.values())).values_list("nip", "pk"))
    persona = {k: nip.get(n) for k, n in DEMO_NIP.items()}
    s.pegawai_demo = persona.get("pegawai")
    penilai_ids = sorted({x.pejabat_penilai_id for x in disetujui if x.pejabat_penilai_id})
    pencilan = {
        p for p in rng.sample(penilai_ids, k=min(2, len(penilai_ids))) if p != persona.get("atasan")
    }
    terlambat = {p for p in penilai_ids if rng.random() < 0.12} - {persona.get("atasan")}

    def kepala_opd(x: Skp) -> bool:
        return bool(x.jabatan and x.jabatan.kepala and x.unit and x.unit.parent_id is None)

    # previous year: everything rated and locked
    jendela_lalu = [*aturan.jendela_periodik(lalu), aturan.jendela_tahunan(lalu)]
    for j in jendela_lalu:
        org = s.org(opd_ids, lalu, j)
        for x in skp_lalu:
            opd = (x.unit.opd_id or x.unit.pk) if x.unit else 0
            s.satu(
                x,
                _indikator(x),
                j,
                status=StatusEvaluasi.DIKUNCI,
                org=org.get(opd, ""),
                kepala_opd=kepala_opd(x),
                semua_di_atas=x.pejabat_penilai_id in pencilan,
                catatan_perilaku=j.jenis == "tahunan",
            )
    # current year: the quarters that have ended
    selesai = [j for j in aturan.jendela_periodik(kini) if j.selesai < s.hari_ini]
    terakhir = selesai[-1].urutan if selesai else 0
    dikunci_opd = {o for o in opd_ids if rng.random() < 0.5}
    tim_demo = persona.get("atasan")
    for j in selesai:
        org = s.org(opd_ids, kini, j)
        for x in disetujui:
            opd = (x.unit.opd_id or x.unit.pk) if x.unit else 0
            if j.urutan < terakhir:
                status = StatusEvaluasi.DIKUNCI
            elif x.pejabat_penilai_id == tim_demo and x.pegawai_id != persona.get("pegawai"):
                continue  # left for the demo atasan to rate through the pages
            elif x.pejabat_penilai_id in terlambat:
                status = StatusEvaluasi.DRAF
            else:
                status = StatusEvaluasi.DIKUNCI if opd in dikunci_opd else StatusEvaluasi.FINAL
            if x.pegawai_id == persona.get("pegawai"):
                status = StatusEvaluasi.DIKUNCI
            s.satu(
                x,
                _indikator(x),
                j,
                status=status,
                org=org.get(opd, ""),
                kepala_opd=kepala_opd(x),
                semua_di_atas=x.pejabat_penilai_id in pencilan,
                catatan_perilaku=True,
            )
    s.tulis()
    n_kb = _keberatan(s, lalu, kini, persona)
    return (
        f"Penilaian demo: {len(s.evaluasi)} evaluasi ({len(skp_lalu)} pegawai {lalu.tahun} "
        f"selesai, {kini.tahun} s.d. periode {terakhir}), {len(s.predikat_org)} predikat "
        f"organisasi, {n_kb} keberatan"
    )


def _atasan_penilai(ev: Evaluasi, penilai_dari: Mapping[tuple[int, int], int | None]) -> int | None:
    return penilai_dari.get((ev.periode_id, ev.pejabat_penilai_id))


def _keberatan(
    s: _Seeder, lalu: PeriodeKinerja, kini: PeriodeKinerja, persona: dict[str, int | None]
) -> int:
    """Decided keberatan in the previous year (a few changed), and for the demo pegawai one
    decided (changed) and one open with a clarification in the current year. The atasan
    pejabat penilai is the pejabat penilai's own pejabat penilai (from the SKP rows)."""
    rng = s.rng
    penilai_dari = {
        (p, g): a
        for p, g, a in Skp.objects.filter(periode__in=[lalu, kini], aktif=True).values_list(
            "periode_id", "pegawai_id", "pejabat_penilai_id"
        )
    }
    dikunci = [
        e
        for e in s.evaluasi
        if e.status == StatusEvaluasi.DIKUNCI
        and e.dilihat_pegawai_pada is not None
        and _atasan_penilai(e, penilai_dari)
    ]
    pilih = [
        e for e in dikunci if e.periode_id == lalu.pk and e.pegawai_id != persona.get("pegawai")
    ]
    pilih = rng.sample(pilih, k=min(12, len(pilih)))
    # the demo pegawai: a decided (changed) keberatan on the first quarter of last year and an
    # open one (with a clarification) on last year's annual result, seen a few days ago
    milik = {
        (e.jenis, e.urutan): e
        for e in s.evaluasi
        if e.pegawai_id == persona.get("pegawai")
        and e.periode_id == lalu.pk
        and _atasan_penilai(e, penilai_dari)
    }
    demo = [e for e in (milik.get(("periodik", 1)), milik.get(("tahunan", 0))) if e]
    lihat = []
    for e in demo:
        if e.jenis == "tahunan":
            e.dilihat_pegawai_pada = timezone.now() - dt.timedelta(days=5)
        elif e.dilihat_pegawai_pada is None:
            e.dilihat_pegawai_pada = _jam(e.selesai + dt.timedelta(days=16), 10)
        lihat.append(e)
    Evaluasi.objects.bulk_update(lihat, ["dilihat_pegawai_pada"])
    rows: list[tuple[Evaluasi, str]] = [(e, "diputus") for e in pilih]
    if milik.get(("periodik", 1)):
        rows.append((milik[("periodik", 1)], "diubah"))
    if milik.get(("tahunan", 0)):
        rows.append((milik[("tahunan", 0)], "terbuka"))
    kb_list: list[Keberatan] = []
    perubahan: list[PerubahanEvaluasi] = []
    klarifikasi: list[PermintaanKlarifikasi] = []
    ubah_ev: list[Evaluasi] = []
    for ev, jenis in rows:
        atasan = _atasan_penilai(ev, penilai_dari)
        assert ev.dilihat_pegawai_pada is not None and atasan is not None
        diajukan = ev.dilihat_pegawai_pada + dt.timedelta(days=rng.randint(1, 10))
        if jenis == "terbuka":
            diajukan = timezone.now() - dt.timedelta(days=2)
        kb = Keberatan(
            evaluasi=ev,
            pegawai_id=ev.pegawai_id,
            atasan_pejabat_penilai_id=atasan,
            alasan="Sebagian realisasi (laporan bulan terakhir periode) belum terhitung; "
            "bukti dukung terlampir di laporan kegiatan.",
            diajukan_pada=diajukan,
            batas_keputusan=timezone.localtime(diajukan).date()
            + dt.timedelta(days=s.keputusan_hari),
            hasil_lama=ev.rating_hasil,
            perilaku_lama=ev.rating_perilaku,
            predikat_lama=ev.predikat,
        )
        if jenis == "terbuka":
            kb.status = StatusKeberatan.KLARIFIKASI
            klarifikasi.append(
                PermintaanKlarifikasi(
                    keberatan=kb,
                    pihak=PihakKlarifikasi.PEJABAT_PENILAI,
                    ditujukan_ke_id=ev.pejabat_penilai_id,
                    pertanyaan="Apakah laporan bulan terakhir sudah diperiksa saat menilai?",
                    diminta_pada=diajukan + dt.timedelta(hours=20),
                )
            )
        else:
            ubah = jenis == "diubah" or rng.random() < 0.4
            kb.status = StatusKeberatan.DIPUTUS
            kb.diputus_oleh_id = atasan
            kb.diputus_pada = diajukan + dt.timedelta(days=rng.randint(3, 12))
            kb.keputusan = KeputusanKeberatan.DIUBAH if ubah else KeputusanKeberatan.TETAP
            kb.alasan_keputusan = (
                "Bukti dukung sah; rating hasil kerja dinaikkan."
                if ubah
                else "Penilaian sudah sesuai bukti; hasil tetap."
            )
            if ubah:
                naik = {"di_bawah": "sesuai", "sesuai": "di_atas", "di_atas": "di_atas"}
                hasil = naik[ev.rating_hasil]
                perilaku = ev.rating_perilaku if hasil != ev.rating_hasil else "di_atas"
                baru = s.matriks[(hasil, perilaku)]
                perubahan.append(
                    PerubahanEvaluasi(
                        evaluasi=ev,
                        sumber=SumberPerubahan.KEBERATAN,
                        oleh_id=atasan,
                        waktu=kb.diputus_pada,
                        hasil_lama=ev.rating_hasil,
                        perilaku_lama=ev.rating_perilaku,
                        predikat_lama=ev.predikat,
                        hasil_baru=hasil,
                        perilaku_baru=perilaku,
                        predikat_baru=baru,
                        alasan=kb.alasan_keputusan,
                    )
                )
                ev.rating_hasil, ev.rating_perilaku, ev.predikat = hasil, perilaku, baru
                ev.revisi += 1
                ubah_ev.append(ev)
            kb.hasil_baru, kb.perilaku_baru, kb.predikat_baru = (
                ev.rating_hasil,
                ev.rating_perilaku,
                ev.predikat,
            )
        kb_list.append(kb)
    Keberatan.objects.bulk_create(kb_list)
    PermintaanKlarifikasi.objects.bulk_create(klarifikasi)
    PerubahanEvaluasi.objects.bulk_create(perubahan)
    Evaluasi.objects.bulk_update(
        ubah_ev, ["rating_hasil", "rating_perilaku", "predikat", "revisi"], batch_size=500
    )
    return len(kb_list)
