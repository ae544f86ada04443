"""Demo data for competency development and socialisation, called by seed_demo after penilaian.

Each part seeds its own data in order: the catalogue and a year of enrolments (demo_pelatihan),
needs and development plans (demo_rencana), announcements, guides and a pulse survey
(demo_sosialisasi).
"""

from __future__ import annotations

from kinerja.organisasi.models import Instansi


def demo_seed_pengembangan(*, instansi: Instansi, seed: int, riwayat: str = "kecil") -> str:
    from kinerja.pengembangan import demo_pelatihan, demo_rencana, demo_sosialisasi

    bagian = [
        demo_pelatihan.seed(instansi=instansi, seed=seed, riwayat=riwayat),
        demo_rencana.seed(instansi=instansi, seed=seed, riwayat=riwayat),
        demo_sosialisasi.seed(instansi=instansi, seed=seed, riwayat=riwayat),
    ]
    return "; ".join(b for b in bagian if b)
