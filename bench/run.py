"""`make bench`: seed a fresh database at a chosen size, run every scenario, report.

    python bench/run.py --size small|city      (make bench BENCH_SIZE=city)

DATABASE_URL picks the backend: unset or sqlite → a fresh file var/bench.sqlite3; postgresql →
a fresh database kinerja_bench_<pid> on the same server, dropped at the end. Prints a table and
writes var/bench.json. Exits 0 even when a target is missed (it is a report, not a test); 1 when
a scenario crashed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench.core import SIZES, Bench, Result, scenarios  # noqa: E402


@contextlib.contextmanager
def database(url: str) -> Iterator[tuple[str, str]]:
    """A fresh, empty database for this run: (DATABASE_URL, backend name)."""
    if not url or url.startswith("sqlite"):
        path = ROOT / "var" / "bench.sqlite3"
        path.parent.mkdir(exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        yield f"sqlite:///{path}", "sqlite"
        return
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(f"bench: unsupported DATABASE_URL scheme: {url.split(':', 1)[0]}")
    import psycopg
    from psycopg import sql

    name = f"kinerja_bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}")), "postgresql"
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("KINERJA_DEV", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    hosts = os.environ.get("ALLOWED_HOSTS") or "127.0.0.1,localhost,[::1]"
    os.environ["ALLOWED_HOSTS"] = f"{hosts},testserver"  # django.test.Client's host
    import django

    django.setup()


def run_all(bench: Bench, only: tuple[str, ...] = ()) -> int:
    """Run every scenario (or those whose `<app>.<name>` starts with one of `only`); a crash is
    reported and the rest still run. Returns the crashes."""
    crashes = 0
    for scenario in scenarios():
        label = f"{scenario.__module__.rsplit('.', 1)[-1]}.{scenario.__name__}"
        if only and not label.startswith(only):
            continue
        print(f"→ {label}", flush=True)
        try:
            scenario(bench)
        except Exception as exc:
            traceback.print_exc()
            bench.error(label, f"{type(exc).__name__}: {exc}")
            crashes += 1
    return crashes


def _value(result: Result) -> str:
    if result.value is None:
        return "—"
    return f"{result.value:.0f}" if result.unit == "queries" else f"{result.value:.2f}"


def print_table(bench: Bench) -> None:
    rows = [("name", "value", "unit", "target", "better", "ok?")]
    for r in bench.results:
        verdict = r.status or ("ok" if r.ok else "MISSED")
        target = f"{r.target:g}" if r.value is not None or r.status.startswith("skip") else ""
        rows.append((r.name, _value(r), r.unit, target, r.better if target else "", verdict))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print()
    for i, row in enumerate(rows):
        cells = [
            c.rjust(w) if 1 <= j <= 3 else c.ljust(w)
            for j, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    for note in bench.notes:
        print(f"  · {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size", choices=sorted(SIZES), default=os.environ.get("BENCH_SIZE", "small")
    )
    parser.add_argument("--output", type=Path, default=ROOT / "var" / "bench.json")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated scenario prefixes, e.g. organisasi.seed_demo,kegiatan "
        "(include the seeding scenarios the others need)",
    )
    args = parser.parse_args(argv)
    with database(os.environ.get("DATABASE_URL", "")) as (url, backend):
        setup_django(url)
        from django.core.management import call_command

        start = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        print(
            f"bench: size={args.size} ({SIZES[args.size]} pegawai), backend={backend}, "
            f"Python {platform.python_version()}; migrate {time.perf_counter() - start:.1f} s",
            flush=True,
        )
        bench = Bench(size=args.size, backend=backend)
        only = tuple(p.strip() for p in args.only.split(",") if p.strip())
        crashes = run_all(bench, only)
    print_table(bench)
    measured = [r.as_json() for r in bench.results if r.value is not None]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(measured, indent=2) + "\n", encoding="utf-8")
    shown = args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output
    print(f"\nwrote {shown}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
