"""Adoption view scenarios (pengembangan, part "adopsi"): seed what the view measures on the
seeded city, then time the city page (every OPD) and the largest OPD's page (its units) as admin
BKPSDMD through the Django test Client; clean up afterwards.

The earlier modules (skp, kegiatan, penilaian) remove their data at their end, so this module
seeds again what it needs and removes only what it seeded: the demo SKP (`demo_seed_skp`, when
no SKP is left) and the kegiatan demo (`demo_seed_kegiatan(..., riwayat="kecil")`: the last weeks of
activity reports with reviews and a backlog, and feedback threads), when no report is
left. Target from the issue: the adoption view for the city under 500 ms; the OPD page under
500 ms (ours); both pages' query counts recorded (they do not grow with the city).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.core import Bench, median_ms, seconds
from kinerja.organisasi.demo import DEMO_NIP
from kinerja.organisasi.models import Pegawai

SEED = 2026
CITY_TARGET_MS = 500
OPD_TARGET_MS = 500
PAGE_QUERY_TARGET = 14  # session, user, access profile, bell + periode and four set-based reads
REPEAT = 10
JENDELA = 28


def _tanpa_kota(bench: Bench) -> bool:
    """True (and the scenarios skipped) when no city was seeded (run with organisasi.seed_demo)."""
    if "instansi" in bench.state:
        return False
    for nama, target in (("adopsi_city", CITY_TARGET_MS), ("adopsi_opd", OPD_TARGET_MS)):
        bench.skip(
            f"pengembangan.{nama}", "ms", target, "no seeded city (run organisasi.seed_demo)"
        )
    return True


def seed_adopsi(bench: Bench) -> None:
    """Approved/draft SKP, the last weeks of reports with reviews and a backlog, feedback."""
    from kinerja.kegiatan.models import LaporanKegiatan
    from kinerja.skp.models import Skp
    from kinerja.umpanbalik.models import UmpanBalik

    if _tanpa_kota(bench):
        return
    instansi = bench.state["instansi"]
    catatan: list[str] = []

    def isi() -> None:
        if not Skp.objects.exists():
            from kinerja.skp.demo import demo_seed_skp

            catatan.append(demo_seed_skp(instansi=instansi, seed=SEED))
            bench.state["adopsi_skp_seeded"] = True
        if not LaporanKegiatan.objects.exists() and not UmpanBalik.objects.exists():
            from kinerja.kegiatan.demo import demo_seed_kegiatan

            catatan.append(demo_seed_kegiatan(instansi=instansi, seed=SEED, riwayat="kecil"))
            bench.state["adopsi_kegiatan_seeded"] = True
        if connection.vendor == "postgresql":
            # fresh bulk-loaded tables have no statistics yet (autovacuum would gather them)
            with connection.cursor() as cursor:
                for tabel in (
                    "skp_skp",
                    "kegiatan_laporankegiatan",
                    "umpanbalik_umpanbalik",
                    "organisasi_penugasan",
                    "organisasi_pegawai",
                    "organisasi_unitkerja",
                ):
                    cursor.execute(f"ANALYZE {tabel}")

    _, elapsed = seconds(isi)
    bench.state["adopsi_siap"] = True
    bench.note(
        f"seed_adopsi ({elapsed:.1f} s): "
        + ("; ".join(catatan) or "SKP, reports and feedback already there")
    )


def _page(bench: Bench, scenario: str, url: str, target_ms: float) -> None:
    client = Client()
    client.force_login(Pegawai.objects.get(nip=DEMO_NIP["admin_bkpsdmd"]))

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


def adopsi_city(bench: Bench) -> None:
    """The city page (one row per OPD, the city total) as admin BKPSDMD, 28-day window."""
    from kinerja.pengembangan import adopsi

    if not bench.state.get("adopsi_siap"):
        return
    instansi = bench.state["instansi"]
    data = adopsi.per_opd(instansi_id=instansi.pk, j=adopsi.jendela(JENDELA))
    t = data.total
    seminggu = adopsi.per_opd(instansi_id=instansi.pk, j=adopsi.jendela(7)).total
    bench.note(
        f"adopsi_city: {len(data.baris)} OPD, {t.pegawai} pegawai; SKP disetujui "
        f"{t.persen_skp}%, melapor tiap minggu {t.persen_lapor}%, atasan memberi umpan balik "
        f"{t.persen_umpan}% of {t.atasan}, review {t.rata_review_teks} over {t.review_n} "
        f"reports, {t.menunggu_lama} waiting > {adopsi.HARI_TUNGGU_LAMA} days; 7-day window: "
        f"reported in the last 7 days {seminggu.persen_lapor}%"
    )
    _page(
        bench, "adopsi_city", reverse("pengembangan:adopsi") + f"?jendela={JENDELA}", CITY_TARGET_MS
    )


def adopsi_opd(bench: Bench) -> None:
    """The largest OPD's page (its head office and direct units with their subtrees)."""
    from bench.pengembangan_jp import _opd_terbesar

    if not bench.state.get("adopsi_siap"):
        return
    opd, n = _opd_terbesar(bench.state["instansi"].pk)
    bench.note(f"adopsi_opd: {opd.nama} ({n} pegawai)")
    url = reverse("pengembangan:adopsi_opd", args=[opd.pk]) + f"?jendela={JENDELA}"
    _page(bench, "adopsi_opd", url, OPD_TARGET_MS)


def bersihkan_adopsi(bench: Bench) -> None:
    """Remove what seed_adopsi created (plain SQL, like bench/kegiatan.py and bench/skp.py)."""
    from django.apps import apps

    from bench import skp as bench_skp

    bench.state.pop("adopsi_siap", None)
    if bench.state.pop("adopsi_kegiatan_seeded", False):
        q = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for label in ("umpanbalik", "kegiatan", "notifikasi"):
                for model in apps.get_app_config(label).get_models():
                    tabel = q(model._meta.db_table)
                    if model.__name__ == "HariLibur":
                        cursor.execute(f"DELETE FROM {tabel} WHERE instansi_id IS NOT NULL")  # noqa: S608
                    else:
                        cursor.execute(f"DELETE FROM {tabel}")  # noqa: S608
    if bench.state.pop("adopsi_skp_seeded", False):
        bench_skp.bersihkan(bench)


SCENARIOS: list[Callable[[Bench], None]] = [
    seed_adopsi,
    adopsi_city,
    adopsi_opd,
    bersihkan_adopsi,
]
