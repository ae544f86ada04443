"""Organisation scenarios: seed the city, import it back, render the organisation pages.

Targets (city size, 6,500 pegawai) from the issue: seed under 60 s; import dry run and apply of
6,500 pegawai rows each under 30 s; tree and unit page under 100 ms server time. The query
ceiling of the pages is ours: the count must not grow with the data.
"""

from __future__ import annotations

import io
import random
from typing import Any

from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.core import Bench, median_ms, seconds
from kinerja.organisasi.demo import DEMO_NIP, INSTANSI_KODE, demo_seed
from kinerja.organisasi.models import (
    ImporBatch,
    Instansi,
    Jabatan,
    JenisPenugasan,
    Pegawai,
    PemberianPeran,
    Penugasan,
    UnitKerja,
)

SEED = 2026
SEED_TARGET_S = 60
IMPORT_TARGET_S = 30
PAGE_TARGET_MS = 100
PAGE_QUERY_TARGET = 20
PAGE_REPEAT = 10
CHANGED = 0.05  # share of pegawai renamed in the import file, so apply has work to do

UNIT_COLUMNS = (
    "kode_unit",
    "nama_unit",
    "jenis_unit",
    "kode_unit_induk",
    "singkatan",
    "ditutup_pada",
)
JABATAN_COLUMNS = (
    "kode_jabatan",
    "nama_jabatan",
    "jenis_jabatan",
    "jenjang",
    "eselon",
    "kode_unit",
    "kode_jabatan_atasan",
    "kepala_unit",
    "ditutup_pada",
)
PEGAWAI_COLUMNS = (
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "status_asn",
    "golongan",
    "email",
    "telepon",
    "kode_jabatan",
    "tmt_jabatan",
    "aktif",
)


def seed_demo(bench: Bench) -> None:
    hasil, elapsed = seconds(lambda: demo_seed(pegawai=bench.pegawai, seed=SEED))
    bench.state["instansi"] = Instansi.objects.get(kode=INSTANSI_KODE)
    bench.note(f"seed_demo: {hasil.pegawai} pegawai, {hasil.unit} unit, {hasil.jabatan} jabatan")
    bench.record("organisasi.seed_demo", elapsed, "s", SEED_TARGET_S)


# --- import -----------------------------------------------------------------------------------


def _importer() -> Any:
    """The importer module, or None while it has not landed."""
    try:
        from kinerja.organisasi import impor
    except ImportError:
        return None
    needed = ("impor_baca", "impor_periksa", "impor_terapkan")
    return impor if all(hasattr(impor, name) for name in needed) else None


def _blank(value: Any) -> Any:
    return None if value in ("", None) else value


def _yn(value: bool) -> str:
    return "Y" if value else "N"


def _import_file(bench: Bench) -> bytes:
    """The seeded city exported in the import format, with some pegawai renamed."""
    if "import_xlsx" in bench.state:
        return bench.state["import_xlsx"]
    from openpyxl import Workbook

    instansi = bench.state["instansi"]
    rng = random.Random(SEED)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("unit")
    sheet.append(UNIT_COLUMNS)
    for row in (
        UnitKerja.objects.filter(instansi=instansi)
        .order_by("path")
        .values_list("kode", "nama", "jenis", "parent__kode", "singkatan", "ditutup_pada")
    ):
        sheet.append([_blank(v) for v in row])
    sheet = workbook.create_sheet("jabatan")
    sheet.append(JABATAN_COLUMNS)
    for *row, kepala, ditutup in (
        Jabatan.objects.filter(instansi=instansi)
        .order_by("pk")
        .values_list(
            "kode",
            "nama",
            "jenis",
            "jenjang",
            "eselon",
            "unit__kode",
            "parent__kode",
            "kepala",
            "ditutup_pada",
        )
    ):
        sheet.append([*(_blank(v) for v in row), _yn(kepala), ditutup])
    sheet = workbook.create_sheet("pegawai")
    sheet.append(PEGAWAI_COLUMNS)
    rows = 0
    for nip, nama, *rest, aktif in _pegawai_rows(instansi):
        if rng.random() < CHANGED:
            nama = f"{nama} Saputra"
        sheet.append([nip, nama, *(_blank(v) for v in rest), _yn(aktif)])
        rows += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    bench.state["import_xlsx"] = buffer.getvalue()
    bench.note(f"import file: {rows} pegawai rows, {len(buffer.getvalue()) // 1024} KiB")
    return bench.state["import_xlsx"]


def _pegawai_rows(instansi: Instansi) -> Any:
    return (
        Penugasan.objects.filter(
            pegawai__instansi=instansi, jenis=JenisPenugasan.DEFINITIF, selesai__isnull=True
        )
        .order_by("pegawai_id")
        .values_list(
            "pegawai__nip",
            "pegawai__nama",
            "pegawai__gelar_depan",
            "pegawai__gelar_belakang",
            "pegawai__status_asn",
            "pegawai__golongan",
            "pegawai__email",
            "pegawai__telepon",
            "jabatan__kode",
            "mulai",
            "pegawai__is_active",
        )
    )


def _galat(laporan: Any) -> str:
    first = laporan.galat[0]
    where = f"{first.sheet} row {first.baris} {first.kolom}"
    return f"{len(laporan.galat)} galat, e.g. {where}: {first.pesan}"


def import_dry_run(bench: Bench) -> None:
    name = "organisasi.import_dry_run"
    impor = _importer()
    if impor is None:
        bench.skip(name, "s", IMPORT_TARGET_S, "importer missing")
        return
    konten, instansi = _import_file(bench), bench.state["instansi"]

    def run() -> Any:
        data = impor.impor_baca(konten=konten, nama_file="bench.xlsx")
        return impor.impor_periksa(data=data, instansi=instansi)

    laporan, elapsed = seconds(run)
    if laporan.galat:
        bench.error(name, _galat(laporan))
        return
    bench.record(name, elapsed, "s", IMPORT_TARGET_S)


def import_apply(bench: Bench) -> None:
    name = "organisasi.import_apply"
    impor = _importer()
    if impor is None:
        bench.skip(name, "s", IMPORT_TARGET_S, "importer missing")
        return
    konten, instansi = _import_file(bench), bench.state["instansi"]
    admin = Pegawai.objects.get(nip=DEMO_NIP["admin_bkpsdmd"])

    def run() -> Any:
        data = impor.impor_baca(konten=konten, nama_file="bench.xlsx")
        return impor.impor_terapkan(data=data, instansi=instansi, oleh=admin)

    laporan, elapsed = seconds(run)
    diubah = laporan.ringkasan["pegawai"].diubah
    if not diubah:
        bench.error(name, "apply changed no pegawai")
        return
    bench.note(f"import_apply: {diubah} pegawai changed")
    bench.record(name, elapsed, "s", IMPORT_TARGET_S)


# --- pages ------------------------------------------------------------------------------------


def _page(bench: Bench, scenario: str, url: str, nip: str) -> None:
    client = Client()
    client.force_login(Pegawai.objects.get(nip=nip))

    def get() -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}")

    ms = median_ms(get, repeat=PAGE_REPEAT, warmup=1)
    with CaptureQueriesContext(connection) as queries:
        get()
    bench.record(f"organisasi.{scenario}", ms, "ms", PAGE_TARGET_MS)
    bench.record(
        f"organisasi.{scenario}_queries",
        len(queries.captured_queries),
        "queries",
        PAGE_QUERY_TARGET,
    )


def tree_page(bench: Bench) -> None:
    """The whole city's tree, as admin BKPSDMD sees it."""
    _page(bench, "tree_page", reverse("pohon_organisasi"), DEMO_NIP["admin_bkpsdmd"])


def tree_subtree(bench: Bench) -> None:
    """The subtree of the OPD with the most units (what opening it on the tree page loads)."""
    sizes = dict(
        UnitKerja.objects.values("opd_id").annotate(n=Count("pk")).values_list("opd_id", "n")
    )
    opd = max(sizes, key=lambda k: (sizes[k], -k))
    bench.note(f"tree_subtree: {UnitKerja.objects.get(pk=opd).nama} ({sizes[opd]} unit)")
    url = reverse("pohon_organisasi") + f"?akar={opd}"
    _page(bench, "tree_subtree", url, DEMO_NIP["admin_bkpsdmd"])


def unit_page(bench: Bench) -> None:
    """The unit with the most pegawai, as admin BKPSDMD sees it."""
    biggest = (
        Penugasan.objects.filter(jenis=JenisPenugasan.DEFINITIF, selesai__isnull=True)
        .values("unit_id", "unit__nama")
        .annotate(n=Count("pk"))
        .order_by("-n", "unit_id")
        .first()
    )
    if biggest is None:
        raise RuntimeError("no unit has pegawai")
    bench.note(f"unit_page: {biggest['unit__nama']} ({biggest['n']} pegawai)")
    url = reverse("unit_detail", args=[biggest["unit_id"]])
    _page(bench, "unit_page", url, DEMO_NIP["admin_bkpsdmd"])


def import_apply_new(bench: Bench) -> None:
    """A first import: the whole city file into an instansi with no data yet (run last).

    The seeded organisation is wiped with plain SQL first (outside the timed part), so every
    unit, jabatan, pegawai and penugasan of the file is created.
    """
    name = "organisasi.import_apply_new"
    impor = _importer()
    if impor is None:
        bench.skip(name, "s", IMPORT_TARGET_S, "importer missing")
        return
    konten, instansi = _import_file(bench), bench.state["instansi"]
    _wipe_organisation()

    def run() -> Any:
        data = impor.impor_baca(konten=konten, nama_file="bench.xlsx")
        return impor.impor_terapkan(data=data, instansi=instansi, oleh=None)

    laporan, elapsed = seconds(run)
    baru = laporan.ringkasan["pegawai"].baru
    if baru != Pegawai.objects.count() or not baru:
        bench.error(name, f"expected every pegawai new, got {baru}")
        return
    bench.note(f"import_apply_new: {baru} pegawai, {laporan.ringkasan['unit'].baru} unit created")
    bench.record(name, elapsed, "s", IMPORT_TARGET_S)


def _wipe_organisation() -> None:
    tables = [model._meta.db_table for model in (Penugasan, PemberianPeran, ImporBatch)]
    history = [
        model.history.model._meta.db_table  # type: ignore[attr-defined]
        for model in (Penugasan, PemberianPeran, Pegawai, Jabatan, UnitKerja, Instansi)
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for table in [*tables, *history]:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(Pegawai._meta.db_table)}")
        for model in (Jabatan, UnitKerja):
            cursor.execute(
                f"UPDATE {connection.ops.quote_name(model._meta.db_table)} SET parent_id = NULL"
            )
        cursor.execute(
            f"UPDATE {connection.ops.quote_name(UnitKerja._meta.db_table)} SET opd_id = NULL"
        )
        for model in (Jabatan, UnitKerja):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


SCENARIOS = [
    seed_demo,
    import_dry_run,
    import_apply,
    tree_page,
    tree_subtree,
    unit_page,
    import_apply_new,  # last: it replaces the seeded city
]
