from __future__ import annotations

from typing import Any

from django import template

from kinerja.kegiatan.selectors import ringkasan_beranda

register = template.Library()


@register.inclusion_tag("kegiatan/_beranda_kartu.html", takes_context=True)
def kegiatan_beranda(context: template.Context) -> dict[str, Any]:
    """The reports card on the home page: a fixed number of queries whatever the data."""
    return {"r": ringkasan_beranda(context["request"].user)}
