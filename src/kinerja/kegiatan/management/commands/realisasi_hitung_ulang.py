"""Repair: recompute RealisasiBulanan from approved reports and manual entries."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kinerja.kegiatan.services import realisasi_hitung_ulang


class Command(BaseCommand):
    help = "Hitung ulang realisasi bulanan dari laporan dan realisasi manual yang disetujui."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tahun", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        n = realisasi_hitung_ulang(tahun=options["tahun"])
        self.stdout.write(f"{n} baris realisasi bulanan ditulis.")
