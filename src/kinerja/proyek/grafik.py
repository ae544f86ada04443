"""The S-curve chart (plan vs actual, physical and financial) as a hand-written inline SVG.

Plain SVG with inline styles, so it renders the same in the page and in a WeasyPrint PDF.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import ProgresProyek, Proyek, RencanaBulanan

L, T, R, B = 40, 12, 12, 54  # margins
W, H = 640, 300
WARNA = {
    "rencana_fisik": "#1f5fa8",
    "aktual_fisik": "#1a7f37",
    "rencana_keu": "#8a63d2",
    "aktual_keu": "#c25e00",
}


def _akhir(b: dt.date) -> dt.date:
    return b.replace(day=calendar.monthrange(b.year, b.month)[1])


def _garis(
    titik: list[tuple[float, float]], warna: str, putus: bool = False, tebal: int = 3
) -> str:
    if not titik:
        return ""
    d = " ".join(f"{x:.1f},{y:.1f}" for x, y in titik)
    dash = ' stroke-dasharray="6 4"' if putus else ""
    bulat = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{warna}"/>' for x, y in titik[1:]
    )
    return (
        f'<polyline fill="none" stroke="{warna}" stroke-width="{tebal}"{dash} '
        f'stroke-linejoin="round" points="{d}"/>{bulat}'
    )


def kurva_s(
    proyek: Proyek,
    rencana: Sequence[RencanaBulanan],
    progres: Sequence[ProgresProyek],
    hari_ini: dt.date,
) -> SafeString:
    """Plan vs actual, % of physical progress and % of pagu, over the project's months."""
    urut = sorted(rencana, key=lambda r: r.bulan)
    lapor = sorted(progres, key=lambda p: (p.tanggal, p.pk))
    tanggal = [r.bulan for r in urut] + [_akhir(r.bulan) for r in urut]
    tanggal += [p.tanggal for p in lapor]
    tanggal += [d for d in (proyek.mulai, proyek.selesai) if d]
    if not tanggal:
        kosong = escape(_("Belum ada rencana kurva S maupun progres."))
        return mark_safe(f'<p class="empty">{kosong}</p>')  # noqa: S308 — escaped
    awal = min(tanggal).replace(day=1)
    akhir = _akhir(max(tanggal))
    rentang = max((akhir - awal).days, 1)
    lebar, tinggi = W - L - R, H - T - B

    def x(d: dt.date) -> float:
        return L + lebar * (d - awal).days / rentang

    def y(persen: Decimal | float) -> float:
        return T + tinggi * (1 - float(min(max(persen, 0), 100)) / 100)

    pagu = proyek.pagu or Decimal(0)
    bagian = [
        f'<svg class="kurva-s" viewBox="0 0 {W} {H}" role="img" '
        f'aria-labelledby="kurva-judul-{proyek.pk}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="sans-serif" font-size="11">',
        f'<title id="kurva-judul-{proyek.pk}">'
        f"{escape(_('Kurva S rencana dan realisasi: %(nama)s') % {'nama': proyek.nama})}</title>",
        f'<rect x="{L}" y="{T}" width="{lebar}" height="{tinggi}" fill="#fff" stroke="#d0d7de"/>',
    ]
    for p in (0, 25, 50, 75, 100):
        bagian.append(
            f'<line x1="{L}" x2="{W - R}" y1="{y(p):.1f}" y2="{y(p):.1f}" stroke="#eaeef2"/>'
            f'<text x="{L - 4}" y="{y(p) + 4:.1f}" text-anchor="end" fill="#57606a">{p}%</text>'
        )
    bulan, n = awal, 0
    total_bulan = (akhir.year - awal.year) * 12 + akhir.month - awal.month + 1
    langkah = max(1, (total_bulan + 7) // 8)
    while bulan <= akhir:
        if n % langkah == 0:
            label = escape(date_format(bulan, "M y"))  # month names in the reader's language
            bagian.append(
                f'<text x="{x(bulan) + 2:.1f}" y="{H - B + 14}" fill="#57606a">{label}</text>'
                f'<line x1="{x(bulan):.1f}" x2="{x(bulan):.1f}" y1="{T}" y2="{H - B}" '
                f'stroke="#f3f4f6"/>'
            )
        bulan = (bulan + dt.timedelta(days=32)).replace(day=1)
        n += 1
    if awal <= hari_ini <= akhir:
        bagian.append(
            f'<line x1="{x(hari_ini):.1f}" x2="{x(hari_ini):.1f}" y1="{T}" y2="{H - B}" '
            f'stroke="#cf222e" stroke-dasharray="2 3"/>'
            f'<text x="{x(hari_ini) + 3:.1f}" y="{T + 10}" fill="#cf222e">'
            f"{escape(_('hari ini'))}</text>"
        )
    if urut:
        mula = [(x(urut[0].bulan), y(0))]
        bagian.append(
            _garis(mula + [(x(_akhir(r.bulan)), y(r.fisik)) for r in urut], WARNA["rencana_fisik"])
        )
        if pagu > 0:
            bagian.append(
                _garis(
                    mula + [(x(_akhir(r.bulan)), y(r.keuangan * 100 / pagu)) for r in urut],
                    WARNA["rencana_keu"],
                    putus=True,
                    tebal=2,
                )
            )
    if lapor:
        nol = [(x(urut[0].bulan if urut else lapor[0].tanggal), y(0))]
        bagian.append(
            _garis(nol + [(x(p.tanggal), y(p.fisik)) for p in lapor], WARNA["aktual_fisik"])
        )
        if pagu > 0:
            bagian.append(
                _garis(
                    nol + [(x(p.tanggal), y(p.keuangan * 100 / pagu)) for p in lapor],
                    WARNA["aktual_keu"],
                    putus=True,
                    tebal=2,
                )
            )
    legenda = [
        (WARNA["rencana_fisik"], _("Rencana fisik"), False),
        (WARNA["aktual_fisik"], _("Realisasi fisik"), False),
        (WARNA["rencana_keu"], _("Rencana keuangan"), True),
        (WARNA["aktual_keu"], _("Realisasi keuangan"), True),
    ]
    for i, (warna, teks, putus) in enumerate(legenda):
        lx = L + (i % 2) * 260
        ly = H - 22 + (i // 2) * 14
        dash = ' stroke-dasharray="6 4"' if putus else ""
        bagian.append(
            f'<line x1="{lx}" x2="{lx + 22}" y1="{ly - 4}" y2="{ly - 4}" stroke="{warna}" '
            f'stroke-width="3"{dash}/><text x="{lx + 28}" y="{ly}" fill="#24292f">'
            f"{escape(teks)}</text>"
        )
    bagian.append("</svg>")
    return mark_safe("".join(bagian))  # noqa: S308 — every text above is escaped
