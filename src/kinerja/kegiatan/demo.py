"""Demo data of the kegiatan app for seed_demo (filled in by its issue)."""

from __future__ import annotations

from kinerja.organisasi.models import Instansi


def demo_seed_kegiatan(*, instansi: Instansi, seed: int, riwayat: str = "kecil") -> str:
    """Add demo data; returns a one-line summary for the command's output."""
    return ""
