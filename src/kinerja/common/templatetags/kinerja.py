from __future__ import annotations

import datetime as dt

from django import template
from django.utils import formats, timezone

register = template.Library()


@register.filter
def tanggal(value: dt.date | dt.datetime | None) -> str:
    """27 November 2026 (in the active language), in Asia/Jakarta."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(value, "j F Y H:i")
    return formats.date_format(value, "j F Y")


@register.simple_tag(takes_context=True)
def url_halaman(context: template.Context, nomor: int) -> str:
    """The current query string with `page` replaced."""
    query = context["request"].GET.copy()
    query["page"] = nomor
    return "?" + query.urlencode()


@register.filter
def menit(value: dt.timedelta | None) -> int:
    """Whole minutes of a duration, rounded up (a lockout of 14.5 minutes says 15)."""
    if not isinstance(value, dt.timedelta):
        return 0
    return -(-int(value.total_seconds()) // 60)
