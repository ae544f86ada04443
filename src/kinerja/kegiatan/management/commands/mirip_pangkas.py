"""Delete near-duplicate index keys older than MIRIP_JENDELA_HARI (run daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kinerja.kegiatan.mirip import pangkas


class Command(BaseCommand):
    help = "Pangkas indeks kemiripan laporan yang lebih tua dari jendela (MIRIP_JENDELA_HARI)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{pangkas()} sidik laporan dihapus.")
