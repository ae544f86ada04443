"""The settings row of competency development (PengaturanPengembangan), with defaults when the
table is empty (e.g. in browser tests that flush data-migration tables)."""

from __future__ import annotations

from kinerja.pengembangan.models import PengaturanPengembangan


def pengaturan() -> PengaturanPengembangan:
    """The first settings row, or an unsaved row with the defaults (1 query)."""
    return PengaturanPengembangan.objects.order_by("pk").first() or PengaturanPengembangan()
