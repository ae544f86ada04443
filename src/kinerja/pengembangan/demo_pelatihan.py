from __future__ import annotations

from kinerja.organisasi.models import Instansi


def seed(*, instansi: Instansi, seed: int, riwayat: str = "kecil") -> str:
    return ""
