"""A small hand-written SVG bar chart of monthly realisasi (server side, no script)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

BULAN = "JFMAMJJASOND"


def batang_bulanan(
    seri: list[tuple[int, int, Decimal]], lebar: int = 240, tinggi: int = 60
) -> SafeString:
    """Bars per month (label = the month's initial); an accessible title lists the values."""
    if not seri:
        return SafeString("")
    maks = max((v for _y, _m, v in seri), default=Decimal(0)) or Decimal(1)
    w = lebar / len(seri)
    bars = []
    for i, (_y, m, v) in enumerate(seri):
        h = float(v / maks) * (tinggi - 14)
        x = i * w
        bars.append(
            (
                f"{x + 2:.1f}",
                f"{tinggi - 12 - h:.1f}",
                f"{max(w - 4, 1):.1f}",
                f"{h:.1f}",
                f"{v.normalize():f}",
                f"{x + w / 2:.1f}",
                BULAN[m - 1],
            )
        )
    isi = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" rx="1"><title>{}</title></rect>'
        '<text x="{}" y="58" text-anchor="middle">{}</text>',
        bars,
    )
    judul = ", ".join(f"{BULAN[m - 1]}{y % 100:02d}: {v.normalize():f}" for y, m, v in seri)
    return format_html(
        '<svg class="grafik-bulanan" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>',
        lebar,
        tinggi,
        judul,
        isi,
    )
