"""`manage.py demo_logins`: the demo accounts, one per role, as a table (used by `make run`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from kinerja.organisasi.demo import DEMO_LOGINS, DEMO_PASSWORD
from kinerja.organisasi.models import Pegawai


class Command(BaseCommand):
    help = "Tampilkan akun demo per peran (NIP dan kata sandi)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            nama = dict(
                Pegawai.objects.filter(nip__in=[d.nip for d in DEMO_LOGINS]).values_list(
                    "nip", "nama"
                )
            )
        except DatabaseError:
            nama = {}
        rows = [("Peran", "NIP", "Nama", "Keterangan")]
        rows += [
            (d.peran, d.nip, nama.get(d.nip, "(belum ada)"), d.keterangan) for d in DEMO_LOGINS
        ]
        lebar = [max(len(row[i]) for row in rows) for i in range(4)]
        garis = "  ".join("-" * n for n in lebar).rstrip()
        self.stdout.write(f"\nAkun demo — kata sandi semua akun: {DEMO_PASSWORD}\n")
        for i, row in enumerate(rows):
            cells = (cell.ljust(n) for cell, n in zip(row, lebar, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
            if i == 0:
                self.stdout.write(garis)
        if not nama:
            self.stdout.write(
                self.style.WARNING("Belum ada data demo: jalankan `manage.py seed_demo`.")
            )
