"""Home card of the "rencana" part: needs count and plan status in one query."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

register = template.Library()


@register.inclusion_tag("pengembangan/rencana_beranda_kartu.html", takes_context=True)
def rencana_beranda(context: template.Context) -> dict[str, Any]:
    from kinerja.pengembangan.selectors_rencana import ringkasan_beranda

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"tampil": False}
    data = ringkasan_beranda(user.pk, timezone.localdate().year)
    return data | {"tampil": True}
