"""Daily job: remind the atasan pejabat penilai of open keberatan near their decision deadline."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kinerja.penilaian.services import keberatan_kirim_pengingat


class Command(BaseCommand):
    help = "Kirim pengingat keberatan yang mendekati batas keputusan (sekali sehari)."

    def handle(self, *args: Any, **options: Any) -> None:
        n = keberatan_kirim_pengingat()
        self.stdout.write(f"{n} pengingat keberatan dikirim")
