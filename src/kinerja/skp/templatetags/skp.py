from __future__ import annotations

from typing import Any

from django import template

from kinerja.skp.selectors import ringkasan_beranda

register = template.Library()


@register.inclusion_tag("skp/_beranda_kartu.html", takes_context=True)
def skp_beranda(context: template.Context) -> dict[str, Any]:
    """The SKP card on the home page: a fixed number of queries whatever the data."""
    return ringkasan_beranda(context["request"].user)
