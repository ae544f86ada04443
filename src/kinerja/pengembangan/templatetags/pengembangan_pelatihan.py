"""The approval card on the home page (part "pelatihan"): for an atasan, how many training
requests of their bawahan wait for a decision — 1 query; nothing (0 queries) for others."""

from __future__ import annotations

from typing import Any

from django import template

from kinerja.pengembangan.selectors_pelatihan import jumlah_menunggu

register = template.Library()


@register.inclusion_tag("pengembangan/pelatihan_beranda_kartu.html", takes_context=True)
def pelatihan_beranda(context: template.Context) -> dict[str, Any]:
    """Reads the bawahan the home view already listed (`bawahan`) instead of walking the jabatan
    tree again."""
    profil = context.get("profil")
    if profil is None or not profil.atasan:
        return {"tampil": False}
    ids = [p.pk for p in context.get("bawahan") or []]
    return {"tampil": True, "menunggu": jumlah_menunggu(ids)}
