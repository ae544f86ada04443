"""The JP home card (part "rekap"): own JP against the target, and for an atasan how many
bawahan langsung have no JP this year — 2 queries at most."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from kinerja.pengembangan import rekap

register = template.Library()


@register.inclusion_tag("pengembangan/rekap_beranda_kartu.html", takes_context=True)
def rekap_beranda(context: template.Context) -> dict[str, Any]:
    """Reads the bawahan the home view already listed (`bawahan`, at most 100) instead of
    walking the jabatan tree again."""
    user = context["request"].user
    profil = context.get("profil")
    bawahan = context.get("bawahan") or []
    ids = [p.pk for p in bawahan] if profil is not None and profil.atasan else []
    data = rekap.beranda(user, timezone.localdate().year, ids)
    if profil is not None and profil.atasan and not ids:
        data["bawahan_nol"] = 0
    return data | {"user": user}
