"""Recompute every active project's early warning (daily, for overdue-by-time cases)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Hitung ulang peringatan dini (hijau/kuning/merah) semua proyek aktif; jalankan harian "
        "agar tahapan dan kendala yang lewat waktu terdeteksi walau tidak ada perubahan data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tanggal", help="Tanggal acuan YYYY-MM-DD (bawaan: hari ini).")

    def handle(self, *args: Any, **options: Any) -> None:
        from kinerja.proyek.services import peringatan_harian

        tanggal = dt.date.fromisoformat(options["tanggal"]) if options.get("tanggal") else None
        hasil = peringatan_harian(hari_ini=tanggal)
        self.stdout.write(f"{hasil.dihitung} proyek dihitung, {hasil.berubah} berubah status.")
