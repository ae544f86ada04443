"""Proyek scenarios: seed the bench city's projects, the kepala dinas dashboard with 100 projects,
the city view with 1,500 projects, the monthly report PDF; query counts pinned.

Targets (issue #7): kepala dinas dashboard with 100 projects under 200 ms server time; city view
with 1,500 projects under 500 ms. At city size the largest OPD gets 100 projects and the city
1,500; at `small` (500 pegawai) the largest OPD still gets 100 and the city 120; a tiny test city
gets 20/40. Timed through the Django test Client (server time, no network). The last scenario
removes the proyek rows so organisasi's import_apply_new can wipe the city afterwards.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bench.core import SIZES, Bench, median_ms, seconds
from kinerja.organisasi.demo import DEMO_NIP
from kinerja.organisasi.models import Pegawai, PemberianPeran, Peran

SEED = 2026
DASHBOARD_TARGET_MS = 200
CITY_TARGET_MS = 500
PDF_TARGET_S = 2  # ours: one OPD's monthly report with 100 projects
SEED_TARGET_S = 30  # ours
QUERY_TARGET = 30
REPEAT = 10
KOTA_PROYEK, OPD_PROYEK = 1500, 100


def _jumlah(bench: Bench) -> tuple[int, int]:
    """(projects in the largest OPD, projects in the city) for the bench size."""
    pegawai = bench.pegawai
    terbesar = OPD_PROYEK if pegawai >= SIZES["small"] else 20
    total = max(terbesar + 20, round(KOTA_PROYEK * pegawai / SIZES["city"]))
    return terbesar, total


def seed_proyek(bench: Bench) -> None:
    from kinerja.proyek.demo import seed_proyek_bench

    terbesar, total = _jumlah(bench)
    (opd, kepala, ringkas), elapsed = seconds(
        lambda: seed_proyek_bench(
            instansi=bench.state["instansi"], seed=SEED, terbesar=terbesar, total=total
        )
    )
    if kepala is None:  # a vacant kepala: act as pimpinan OPD through a role grant
        from kinerja.proyek.models import Proyek

        kepala = Proyek.objects.filter(opd=opd).values_list("pptk_id", flat=True).first()
        grant = PemberianPeran.objects.create(
            pegawai_id=kepala, peran=Peran.PIMPINAN_OPD, unit=opd, mulai=timezone.localdate()
        )
        bench.state["proyek_grant"] = grant.pk
    bench.state["proyek_opd"] = opd
    bench.state["proyek_kepala"] = kepala
    bench.note(f"seed_proyek: {ringkas}")
    bench.record("proyek.seed", elapsed, "s", SEED_TARGET_S)


def _page(bench: Bench, scenario: str, client: Client, url: str, target_ms: float) -> None:
    def get() -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}")

    ms = median_ms(get, repeat=REPEAT, warmup=1)
    with CaptureQueriesContext(connection) as queries:
        get()
    bench.record(f"proyek.{scenario}", ms, "ms", target_ms)
    bench.record(
        f"proyek.{scenario}_queries", len(queries.captured_queries), "queries", QUERY_TARGET
    )


def _client(pk: int) -> Client:
    client = Client()
    client.force_login(Pegawai.objects.get(pk=pk))
    return client


def dashboard_opd(bench: Bench) -> None:
    """The kepala dinas portfolio of the OPD with the most projects (100 at small/city size)."""
    if "proyek_opd" not in bench.state:
        bench.skip("proyek.dashboard_opd", "ms", DASHBOARD_TARGET_MS, "no seeded projects")
        return
    from kinerja.proyek.models import Proyek

    opd = bench.state["proyek_opd"]
    n = Proyek.objects.filter(opd=opd).count()
    bench.note(f"dashboard_opd: {opd.nama}, {n} projects, as its kepala")
    client = _client(bench.state["proyek_kepala"])
    _page(bench, "dashboard_opd", client, reverse("proyek_portfolio"), DASHBOARD_TARGET_MS)


def _admin() -> Client:
    client = Client()
    client.force_login(Pegawai.objects.get(nip=DEMO_NIP["admin_bkpsdmd"]))
    return client


def city_view(bench: Bench) -> None:
    """The city view (per-OPD summary and kendala escalated to the city) over every project."""
    from kinerja.proyek.models import Proyek

    bench.note(f"city_view: {Proyek.objects.count()} projects, as admin BKPSDMD")
    _page(bench, "city_view", _admin(), reverse("proyek_kota"), CITY_TARGET_MS)


def city_portfolio(bench: Bench) -> None:
    """The portfolio across all OPD for a city role (first page of 100, totals over all)."""
    _page(bench, "city_portfolio", _admin(), reverse("proyek_portfolio"), CITY_TARGET_MS)


def report_pdf(bench: Bench) -> None:
    """The monthly progress report PDF of the OPD with the most projects."""
    if "proyek_opd" not in bench.state:
        bench.skip("proyek.report_pdf", "s", PDF_TARGET_S, "no seeded projects")
        return
    client = _admin()
    url = reverse("proyek_laporan_pdf", args=[bench.state["proyek_opd"].pk])

    def get() -> None:
        response = client.get(url)
        if response.status_code != 200 or not response.content.startswith(b"%PDF"):
            raise RuntimeError(f"GET {url} answered {response.status_code}")

    bench.record("proyek.report_pdf", median_ms(get, repeat=3, warmup=1) / 1000, "s", PDF_TARGET_S)


def bersihkan(bench: Bench) -> None:
    """Remove the proyek rows (plain SQL) so the city can be wiped by later scenarios."""
    from kinerja.proyek import models as m

    urut = [
        m.KomentarKendala,
        m.Kendala.history.model,  # type: ignore[attr-defined]
        m.Kendala,
        m.BuktiProyek,
        m.ProgresProyek,
        m.Milestone,
        m.RencanaBulanan,
        m.AnggotaProyek,
        m.SumberProyekIndikator,
        m.Proyek.history.model,  # type: ignore[attr-defined]
        m.Proyek,
    ]
    q = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for model in urut:
            cursor.execute(f"DELETE FROM {q(model._meta.db_table)}")
    grant = bench.state.pop("proyek_grant", None)
    if grant is not None:
        PemberianPeran.objects.filter(pk=grant).delete()
    bench.state.pop("proyek_opd", None)
    bench.state.pop("proyek_kepala", None)


SCENARIOS = [seed_proyek, dashboard_opd, city_view, city_portfolio, report_pdf, bersihkan]
