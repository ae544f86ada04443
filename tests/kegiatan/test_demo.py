"""The demo history of activity reports (kinerja.kegiatan.demo)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import Count, Min, Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from PIL import Image

from kinerja.kegiatan.demo import JENDELA_KECIL_HARI_KERJA, demo_seed_kegiatan
from kinerja.kegiatan.models import (
    BuktiDukung,
    LaporanKegiatan,
    RealisasiBulanan,
    RealisasiManual,
    StatusLaporan,
    SumberMirip,
)
from kinerja.notifikasi.models import HariLibur, Notifikasi
from kinerja.organisasi.demo import DEMO_NIP, INSTANSI_KODE, demo_seed
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.skp.demo import demo_seed_skp
from kinerja.skp.models import PeriodeKinerja, Skp, StatusPeriode
from kinerja.umpanbalik.models import DialogKinerja, UmpanBalik

pytestmark = pytest.mark.django_db(transaction=False)
SEED = 11


def _kota(pegawai: int = 150) -> Instansi:
    demo_seed(pegawai=pegawai, seed=SEED)
    instansi = Instansi.objects.get(kode=INSTANSI_KODE)
    demo_seed_skp(instansi=instansi, seed=SEED)
    return instansi


@pytest.fixture
def kecil() -> str:
    return demo_seed_kegiatan(instansi=_kota(), seed=SEED, riwayat="kecil")


def _sidik() -> type | None:
    from kinerja.kegiatan import models

    return getattr(models, "LaporanSidik", None)


def test_the_small_history_has_a_realistic_mix(kecil: str) -> None:
    total = LaporanKegiatan.objects.count()
    assert total > 1500
    assert f"{total} laporan" in kecil
    status = dict(LaporanKegiatan.objects.values_list("status").annotate(n=Count("pk")))
    assert status[StatusLaporan.DISETUJUI] / total > 0.6
    assert 0.01 < status[StatusLaporan.DIKEMBALIKAN] / total < 0.1
    assert status[StatusLaporan.DIAJUKAN] > 0
    # working days only (weekends and the holidays in the data skipped), never in the future
    tanggal = set(LaporanKegiatan.objects.values_list("tanggal", flat=True))
    libur = set(HariLibur.objects.values_list("tanggal", flat=True))
    assert all(d.weekday() < 5 and d not in libur for d in tanggal)
    assert max(tanggal) <= dt.date.today()
    # every report belongs to its pegawai's SKP; reviews are by that SKP's pejabat penilai
    assert not LaporanKegiatan.objects.exclude(skp__pegawai_id=models_f("pegawai_id")).exists()
    reviewed = LaporanKegiatan.objects.exclude(status=StatusLaporan.DIAJUKAN)
    assert not reviewed.exclude(direview_oleh_id=models_f("skp__pejabat_penilai_id")).exists()
    assert not reviewed.filter(catatan_review="", status=StatusLaporan.DIKEMBALIKAN).exists()
    # texts vary: almost all distinct
    distinct = LaporanKegiatan.objects.values("uraian").distinct().count()
    assert distinct / total > 0.95
    # reports with a quantity use the indikator's unit
    with_q = LaporanKegiatan.objects.filter(kuantitas__gt=0)
    assert with_q.exists()
    assert not with_q.exclude(satuan=models_f("indikator__target_satuan")).exists()


def models_f(name: str):  # type: ignore[no-untyped-def]
    from django.db.models import F

    return F(name)


def test_realisasi_equals_the_sums_of_approved_reports_and_manual_entries(kecil: str) -> None:
    laporan = {
        (r["indikator_id"], r["th"], r["bl"]): (r["n"], r["m"], r["q"] or Decimal(0))
        for r in LaporanKegiatan.objects.filter(
            status=StatusLaporan.DISETUJUI, indikator__isnull=False
        )
        .annotate(th=ExtractYear("tanggal"), bl=ExtractMonth("tanggal"))
        .values("indikator_id", "th", "bl")
        .annotate(n=Count("pk"), m=Sum("durasi_menit"), q=Sum("kuantitas"))
    }
    manual = {
        (r["indikator_id"], r["th"], r["bl"]): r["s"]
        for r in RealisasiManual.objects.filter(status=StatusLaporan.DISETUJUI)
        .annotate(th=ExtractYear("tanggal"), bl=ExtractMonth("tanggal"))
        .values("indikator_id", "th", "bl")
        .annotate(s=Sum("nilai"))
    }
    assert manual, "the demo team gets quarter-end manual realisasi"
    tabel = {(r.indikator_id, r.tahun, r.bulan): r for r in RealisasiBulanan.objects.all()}
    assert set(tabel) == set(laporan) | set(manual)
    for key, row in tabel.items():
        n, m, q = laporan.get(key, (0, 0, Decimal(0)))
        assert (row.jumlah_laporan, row.menit, row.kuantitas) == (n, m, q), key
        assert row.manual == manual.get(key, Decimal(0)), key


def test_about_two_percent_are_flagged_copies_with_their_source(kecil: str) -> None:
    from kinerja.kegiatan import mirip

    total = LaporanKegiatan.objects.count()
    flagged = list(
        LaporanKegiatan.objects.filter(mirip_dengan__isnull=False).select_related("mirip_dengan")
    )
    assert 0.005 < len(flagged) / total < 0.05
    for lap in flagged:
        src = lap.mirip_dengan
        assert src.tanggal <= lap.tanggal
        same = src.pegawai_id == lap.pegawai_id
        assert lap.mirip_sumber == (SumberMirip.SENDIRI if same else SumberMirip.ORANG_LAIN)
        assert lap.skor_mirip is not None and lap.skor_mirip >= mirip.ambang()
        assert lap.skor_mirip == round(
            mirip.jaccard(mirip.shingle(lap.uraian), mirip.shingle(src.uraian)), 2
        )


def test_the_recent_window_is_in_the_near_duplicate_index(kecil: str) -> None:
    from kinerja.kegiatan import mirip

    sidik = _sidik()
    assert sidik is not None
    terbaru = LaporanKegiatan.objects.filter(mirip_dengan__isnull=True).order_by("-tanggal").first()
    assert terbaru is not None
    assert sidik.objects.filter(laporan_id=terbaru.pk).exists()
    # the live check finds a demo report when the same pegawai copies it the next day
    salinan = LaporanKegiatan.objects.create(
        pegawai_id=terbaru.pegawai_id,
        tanggal=terbaru.tanggal + dt.timedelta(days=1),
        durasi_menit=60,
        uraian=terbaru.uraian.upper(),
    )
    opd = mirip.opd_pegawai([terbaru.pegawai_id]).get(terbaru.pegawai_id)
    hasil = mirip.periksa_dan_indeks(salinan, opd_id=opd)
    assert hasil is not None
    assert (hasil.laporan_id, hasil.sumber) == (terbaru.pk, SumberMirip.SENDIRI)


def test_personas_have_what_the_demo_shows(kecil: str) -> None:
    pegawai = Pegawai.objects.get(nip=DEMO_NIP["pegawai"])
    atasan = Pegawai.objects.get(nip=DEMO_NIP["atasan"])
    milik = LaporanKegiatan.objects.filter(pegawai=pegawai)
    periode = PeriodeKinerja.objects.get(status=StatusPeriode.BERJALAN)
    # a history from the start of the periode (everyone else: the last ~4.5 weeks)
    assert milik.aggregate(m=Min("tanggal"))["m"] < periode.mulai + dt.timedelta(days=14)
    others = LaporanKegiatan.objects.exclude(
        pegawai__in=Skp.objects.filter(pejabat_penilai=atasan).values("pegawai")
    ).exclude(pegawai=atasan)
    span = (dt.date.today() - others.aggregate(m=Min("tanggal"))["m"]).days
    assert span <= JENDELA_KECIL_HARI_KERJA / 5 * 7 + 14
    terakhir = milik.order_by("-tanggal").first()
    assert terakhir is not None and terakhir.status == StatusLaporan.DIAJUKAN
    assert milik.filter(status=StatusLaporan.DIKEMBALIKAN).exclude(catatan_review="").exists()
    # the atasan's queue holds a waiting near-duplicate
    antre = LaporanKegiatan.objects.filter(
        status=StatusLaporan.DIAJUKAN,
        pegawai__in=Skp.objects.filter(pejabat_penilai=atasan, aktif=True).values("pegawai"),
    )
    assert antre.count() >= 2
    assert antre.filter(mirip_dengan__isnull=False).exists()
    # two real evidence files
    bukti = {b.jenis: b for b in BuktiDukung.objects.filter(laporan__pegawai=pegawai)}
    assert set(bukti) == {"png", "pdf"}
    with bukti["png"].berkas.open("rb") as f:
        assert Image.open(io.BytesIO(f.read())).size == (640, 420)
    with bukti["pdf"].berkas.open("rb") as f:
        assert f.read(5) == b"%PDF-"
    # feedback, a dialog to confirm, notifications
    assert UmpanBalik.objects.filter(pegawai=pegawai, induk__isnull=True).count() >= 2
    assert DialogKinerja.objects.filter(
        pegawai=pegawai, dikonfirmasi_pegawai_pada__isnull=True
    ).exists()
    assert Notifikasi.objects.filter(penerima=pegawai, jenis="laporan_dikembalikan").exists()
    assert Notifikasi.objects.filter(penerima=atasan).exists()
    assert UmpanBalik.objects.exclude(pegawai=pegawai).exists()


def _sidik_jari() -> str:
    rows = LaporanKegiatan.objects.order_by("pegawai__nip", "tanggal", "uraian").values_list(
        "pegawai__nip", "tanggal", "uraian", "status", "durasi_menit", "kuantitas"
    )
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


def test_the_same_seed_gives_the_same_history() -> None:
    instansi = _kota(pegawai=80)
    jejak = []
    for _ in range(2):
        with transaction.atomic():
            demo_seed_kegiatan(instansi=instansi, seed=SEED, riwayat="kecil")
            jejak.append(_sidik_jari())
            transaction.set_rollback(True)
    assert jejak[0] == jejak[1]
    assert LaporanKegiatan.objects.count() == 0


def test_a_full_year_starts_at_the_periode(db: None) -> None:
    instansi = _kota(pegawai=60)
    ringkas = demo_seed_kegiatan(instansi=instansi, seed=SEED, riwayat="tahun")
    periode = PeriodeKinerja.objects.get(status=StatusPeriode.BERJALAN)
    awal = LaporanKegiatan.objects.aggregate(m=Min("tanggal"))["m"]
    assert awal < periode.mulai + dt.timedelta(days=7)
    per_pegawai = LaporanKegiatan.objects.values("pegawai").annotate(n=Count("pk"))
    assert min(r["n"] for r in per_pegawai) > 50
    assert "(tahun)" in ringkas
