"""JP recap scenarios (pengembangan, part "rekap"): seed a JP ledger for the seeded city in bulk,
then time the city recap page, the largest OPD's recap page and the city XLSX export, all as
admin BKPSDMD through the Django test Client; clean up afterwards.

Targets from the issue: the city JP recap for 6,500 pegawai under 500 ms (and one aggregate, not
a loop: the recap itself ≤ 3 queries); the OPD page under 500 ms (ours); the city XLSX under
5 s (ours). The ledger: a dozen catalogue items, each pegawai 0–5 finished enrolments (about
15 % with none), 1–8 JP each, most this year and some last year.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bench.core import Bench, median_ms, seconds
from kinerja.organisasi.demo import DEMO_NIP
from kinerja.organisasi.models import JenisPenugasan, Pegawai, Penugasan, UnitKerja

SEED = 2026
JUDUL = "[bench-jp] "
PELATIHAN = 12
TANPA_JP = 0.15
CITY_TARGET_MS = 500
OPD_TARGET_MS = 500
XLSX_TARGET_S = 5
REKAP_QUERY_TARGET = 3  # the recap itself (settings + one aggregate), whatever the city size
PAGE_QUERY_TARGET = 12  # the whole page incl. session, user, access profile, bell
REPEAT = 10


def _tanpa_kota(bench: Bench) -> bool:
    """True (and the scenarios skipped) when no city was seeded (run with organisasi.seed_demo)."""
    if "instansi" in bench.state:
        return False
    for nama, unit, target in (
        ("jp_rekap_city", "ms", CITY_TARGET_MS),
        ("jp_rekap_opd", "ms", OPD_TARGET_MS),
        ("jp_ekspor_xlsx", "s", XLSX_TARGET_S),
    ):
        bench.skip(
            f"pengembangan.{nama}", unit, target, "no seeded city (run organisasi.seed_demo)"
        )
    return True


def seed_jp(bench: Bench) -> None:
    """Catalogue items, finished enrolments and their ledger rows, in bulk."""
    from kinerja.pengembangan.models import (
        BentukPelatihan,
        BidangKompetensi,
        CapaianJp,
        Pelatihan,
        Pendaftaran,
        StatusPendaftaran,
    )

    if _tanpa_kota(bench):
        return
    instansi = bench.state["instansi"]
    rng = random.Random(SEED)
    tahun = timezone.localdate().year

    def isi() -> tuple[int, int]:
        with transaction.atomic():
            bidang = list(BidangKompetensi.values)
            katalog = Pelatihan.objects.bulk_create(
                [
                    Pelatihan(
                        judul=f"{JUDUL}Pelatihan {i + 1}",
                        bidang=bidang[i % len(bidang)],
                        bentuk=BentukPelatihan.KLASIKAL if i % 2 else BentukPelatihan.E_LEARNING,
                        penyelenggara="BKPSDMD",
                        jp=Decimal(1 + i % 8),
                    )
                    for i in range(PELATIHAN)
                ]
            )
            bench.state["jp_pelatihan_ids"] = [p.pk for p in katalog]
            pegawai_ids = list(
                Pegawai.objects.filter(instansi=instansi, is_active=True)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            daftar: list[Pendaftaran] = []
            for pid in pegawai_ids:
                n = 0 if rng.random() < TANPA_JP else rng.randint(1, 5)
                for p in rng.sample(katalog, n):
                    th = tahun if rng.random() < 0.8 else tahun - 1
                    daftar.append(
                        Pendaftaran(
                            pelatihan=p,
                            pegawai_id=pid,
                            diajukan_oleh_id=pid,
                            status=StatusPendaftaran.SELESAI,
                            selesai_pada=dt.date(th, rng.randint(1, 11), rng.randint(1, 28)),
                            jp=p.jp,
                        )
                    )
            daftar = Pendaftaran.objects.bulk_create(daftar, batch_size=1000)
            CapaianJp.objects.bulk_create(
                [
                    CapaianJp(
                        pegawai_id=d.pegawai_id,
                        tahun=d.selesai_pada.year,  # type: ignore[union-attr]
                        tanggal=d.selesai_pada,
                        jp=d.jp,
                        bidang=d.pelatihan.bidang,
                        pendaftaran_id=d.pk,
                    )
                    for d in daftar
                ],
                batch_size=1000,
            )
        if connection.vendor == "postgresql":
            # fresh bulk-loaded tables have no statistics yet (autovacuum would gather them in
            # a running system): without them the planner expects 1 row and nests loops
            with connection.cursor() as cursor:
                for tabel in (
                    "pengembangan_capaianjp",
                    "organisasi_pegawai",
                    "organisasi_penugasan",
                    "organisasi_unitkerja",
                ):
                    cursor.execute(f"ANALYZE {tabel}")
        return len(pegawai_ids), len(daftar)

    (pegawai, baris), elapsed = seconds(isi)
    bench.note(f"seed_jp: {baris} ledger rows for {pegawai} pegawai in {elapsed:.1f} s")


def _admin() -> Client:
    client = Client()
    client.force_login(Pegawai.objects.get(nip=DEMO_NIP["admin_bkpsdmd"]))
    return client


def _page(bench: Bench, scenario: str, url: str, target_ms: float) -> None:
    client = _admin()

    def get() -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}")

    ms = median_ms(get, repeat=REPEAT, warmup=1)
    with CaptureQueriesContext(connection) as queries:
        get()
    bench.record(f"pengembangan.{scenario}", ms, "ms", target_ms)
    bench.record(
        f"pengembangan.{scenario}_queries",
        len(queries.captured_queries),
        "queries",
        PAGE_QUERY_TARGET,
    )


def jp_rekap_city(bench: Bench) -> None:
    """The city recap page (per-OPD rows, summary, first page of pegawai) as admin BKPSDMD;
    plus the recap itself (selector) and its query count."""
    from kinerja.pengembangan import rekap

    if "jp_pelatihan_ids" not in bench.state:
        return
    instansi = bench.state["instansi"]
    tahun = timezone.localdate().year

    def hitung() -> int:
        target = rekap.target_jp()
        rows = rekap.pegawai_rows(instansi_id=instansi.pk, tahun=tahun, target=target)
        rekap.per_opd(rows)
        rekap.ringkas(rows)
        return len(rows)

    with CaptureQueriesContext(connection) as queries:
        n = hitung()
    ms = median_ms(hitung, repeat=REPEAT, warmup=1)
    bench.note(f"jp_rekap_city: {n} pegawai; recap (selector) {ms:.1f} ms")
    bench.record("pengembangan.jp_rekap_city_selector", ms, "ms", CITY_TARGET_MS)
    bench.record(
        "pengembangan.jp_rekap_city_selector_queries",
        len(queries.captured_queries),
        "queries",
        REKAP_QUERY_TARGET,
    )
    _page(bench, "jp_rekap_city", reverse("pengembangan:rekap"), CITY_TARGET_MS)


def _opd_terbesar(instansi_id: int) -> tuple[UnitKerja, int]:
    ukuran: dict[int, int] = {}
    for opd, unit, n in (
        Penugasan.objects.aktif_pada(timezone.localdate())
        .filter(
            jenis=JenisPenugasan.DEFINITIF,
            pegawai__is_active=True,
            pegawai__instansi_id=instansi_id,
        )
        .values_list("unit__opd_id", "unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        ukuran[opd or unit] = ukuran.get(opd or unit, 0) + n
    opd_id = max(ukuran, key=lambda k: (ukuran[k], -k))
    return UnitKerja.objects.get(pk=opd_id), ukuran[opd_id]


def jp_rekap_opd(bench: Bench) -> None:
    """The recap of the largest OPD (per-unit rows and its pegawai) as admin BKPSDMD."""
    if "jp_pelatihan_ids" not in bench.state:
        return
    opd, n = _opd_terbesar(bench.state["instansi"].pk)
    bench.note(f"jp_rekap_opd: {opd.nama} ({n} pegawai)")
    _page(bench, "jp_rekap_opd", reverse("pengembangan:rekap_unit", args=[opd.pk]), OPD_TARGET_MS)


def jp_ekspor_xlsx(bench: Bench) -> None:
    """Every pegawai of the city with JP and status as XLSX."""
    if "jp_pelatihan_ids" not in bench.state:
        return
    client = _admin()
    url = reverse("pengembangan:rekap_ekspor") + "?format=xlsx"

    def get() -> int:
        response = client.get(url)
        if response.status_code != 200 or not response.content.startswith(b"PK"):
            raise RuntimeError(f"GET {url} answered {response.status_code}")
        return len(response.content)

    ukuran, _ = seconds(get)
    s = median_ms(get, repeat=3, warmup=0) / 1000
    bench.note(f"jp_ekspor_xlsx: {ukuran / 1024:.0f} KiB")
    bench.record("pengembangan.jp_ekspor_xlsx", s, "s", XLSX_TARGET_S)


def bersihkan_jp(bench: Bench) -> None:
    """Remove what seed_jp created (plain SQL): ledger rows, enrolments, catalogue items."""
    from kinerja.pengembangan.models import CapaianJp, Pelatihan, Pendaftaran

    ids = bench.state.pop("jp_pelatihan_ids", [])
    if not ids:
        return
    q = connection.ops.quote_name
    tanda = ", ".join(["%s"] * len(ids))
    capaian, daftar, katalog = (q(m._meta.db_table) for m in (CapaianJp, Pendaftaran, Pelatihan))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {capaian} WHERE pendaftaran_id IN "  # noqa: S608
            f"(SELECT id FROM {daftar} WHERE pelatihan_id IN ({tanda}))",
            ids,
        )
        cursor.execute(f"DELETE FROM {daftar} WHERE pelatihan_id IN ({tanda})", ids)  # noqa: S608
        cursor.execute(f"DELETE FROM {katalog} WHERE id IN ({tanda})", ids)  # noqa: S608
    sisa = Pelatihan.objects.filter(Q(pk__in=ids) | Q(judul__startswith=JUDUL)).count()
    if sisa:
        bench.error("pengembangan.bersihkan_jp", f"{sisa} catalogue items left")


SCENARIOS: list[Callable[[Bench], None]] = [
    seed_jp,
    jp_rekap_city,
    jp_rekap_opd,
    jp_ekspor_xlsx,
    bersihkan_jp,
]
