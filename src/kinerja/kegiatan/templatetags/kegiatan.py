from __future__ import annotations

from typing import Any

from django import template

from kinerja.kegiatan.selectors import ringkasan_beranda

register = template.Library()


@register.inclusion_tag("kegiatan/_beranda_kartu.html", takes_context=True)
def kegiatan_beranda(context: template.Context) -> dict[str, Any]:
    """The reports card on the home page: a fixed number of queries whatever the data."""
    return {"r": ringkasan_beranda(context["request"].user)}


@register.filter
def durasi(menit: int | None) -> str:
    """Minutes as words: 90 → "1 jam 30 menit", 45 → "45 menit"."""
    from django.utils.translation import gettext as _

    if not menit:
        return _("0 menit")
    jam, sisa = divmod(int(menit), 60)
    bagian = []
    if jam:
        bagian.append(_("%(n)s jam") % {"n": jam})
    if sisa:
        bagian.append(_("%(n)s menit") % {"n": sisa})
    return " ".join(bagian)
