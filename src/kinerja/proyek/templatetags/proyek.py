from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import gettext as _

from kinerja.proyek import peringatan
from kinerja.proyek.selectors import ringkasan_beranda

register = template.Library()


def _ribuan(nilai: Decimal | int | float) -> str:
    return f"{nilai:,.0f}".replace(",", ".")


@register.filter
def rupiah(nilai: Any) -> str:
    """Rp 1.250.000.000"""
    return f"Rp {_ribuan(Decimal(str(nilai or 0)))}"


@register.filter
def rupiah_singkat(nilai: Any) -> str:
    """Rp 1,25 M · Rp 350 jt — for dense dashboards."""
    n = Decimal(str(nilai or 0))
    if n >= 1_000_000_000:
        return _("Rp %(n)s M") % {"n": f"{n / 1_000_000_000:.2f}".replace(".", ",")}
    if n >= 1_000_000:
        return _("Rp %(n)s jt") % {"n": f"{n / 1_000_000:.0f}"}
    return f"Rp {_ribuan(n)}"


@register.filter
def persen(nilai: Any) -> str:
    """45,5 (one decimal, Indonesian comma; no trailing ,0)."""
    if nilai is None or nilai == "":
        return "—"
    teks = f"{Decimal(str(nilai)):.1f}".replace(".", ",")
    return teks[:-2] if teks.endswith(",0") else teks


@register.filter
def alasan(item: Any) -> str:
    return peringatan.uraikan(item)


@register.filter
def batas_100(nilai: Any) -> str:
    """A CSS width in % clamped to 0..100 (dot decimal)."""
    try:
        n = float(nilai or 0)
    except (TypeError, ValueError):
        n = 0.0
    return f"{min(max(n, 0.0), 100.0):.1f}"


@register.inclusion_tag("proyek/_beranda_kartu.html", takes_context=True)
def proyek_beranda(context: template.Context) -> dict[str, Any]:
    """The projects card on the home page: a fixed number of queries."""
    user = context["request"].user
    return ringkasan_beranda(user) | {"user": user}


@register.filter
def ambil(kamus: Any, kunci: Any) -> Any:
    """dict lookup in templates: {{ data.kendala|ambil:t }}"""
    try:
        return kamus.get(kunci, 0)
    except AttributeError:
        return 0
