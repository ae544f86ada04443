"""The home card and the report thread partial of the umpanbalik app."""

from __future__ import annotations

from typing import Any

from django import template

from kinerja.kegiatan.models import LaporanKegiatan
from kinerja.umpanbalik import selectors

register = template.Library()


@register.inclusion_tag("umpanbalik/_beranda_kartu.html", takes_context=True)
def umpanbalik_beranda(context: template.Context) -> dict[str, Any]:
    """Unread feedback, open requests, dialogs to confirm, follow-ups due: fixed query count."""
    return selectors.ringkasan_beranda(context["request"].user)


@register.inclusion_tag("umpanbalik/_laporan_isi.html", takes_context=True)
def umpanbalik_laporan(context: template.Context, laporan: LaporanKegiatan) -> dict[str, Any]:
    """The threads on one report, with the give/ask/reply forms for the two sides only."""
    request = context["request"]
    sisi = selectors.pihak(request.user, laporan.pegawai)
    return {
        "laporan": laporan,
        "sisi": sisi,
        "utas": selectors.utas_untuk_laporan(laporan.pk) if sisi else [],
        "kembali": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
