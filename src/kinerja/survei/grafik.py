"""Small server-side SVG charts (no JavaScript): NRR per unsur and the IKM trend."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WARNA = "#0b5cad"


def batang_nrr(nrr: list[Decimal | None], *, judul: str) -> SafeString:
    """Horizontal bars U1..U9 on the 1–4 scale."""
    lebar, tinggi_baris = 320, 22
    tinggi = tinggi_baris * len(nrr) + 24
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar + 80} {tinggi}" '
        f'role="img" aria-label="{escape(judul)}" class="grafik">'
    ]
    for i, nilai in enumerate(nrr):
        y = i * tinggi_baris + 4
        panjang = 0 if nilai is None else float(nilai) / 4 * lebar
        teks = "—" if nilai is None else f"{nilai}".replace(".", ",")
        bagian.append(
            f'<text x="0" y="{y + 15}" font-size="12">U{i + 1}</text>'
            f'<rect x="30" y="{y}" width="{panjang:.1f}" height="16" fill="{WARNA}"/>'
            f'<text x="{34 + panjang:.1f}" y="{y + 13}" font-size="12">{teks}</text>'
        )
    skala = tinggi_baris * len(nrr) + 18
    for n in range(5):
        x = 30 + n / 4 * lebar
        bagian.append(f'<text x="{x:.1f}" y="{skala}" font-size="10">{n}</text>')
    bagian.append("</svg>")
    return mark_safe("".join(bagian))  # noqa: S308 — numbers and escaped text only


def garis_tren(titik: list[tuple[str, Decimal | None]], *, judul: str) -> SafeString:
    """IKM per period as a line on the 25–100 scale; periods without data leave a gap."""
    lebar, tinggi, kiri, bawah = 360, 160, 30, 20
    n = max(len(titik), 1)
    langkah = lebar / max(n - 1, 1)

    def y(v: Decimal) -> float:
        return 10 + (100 - float(v)) / 75 * (tinggi - 10 - bawah)

    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar + kiri + 20} {tinggi}" '
        f'role="img" aria-label="{escape(judul)}" class="grafik">'
    ]
    for garis in (25, 65, 76.61, 88.31, 100):
        gy = y(Decimal(str(garis)))
        bagian.append(
            f'<line x1="{kiri}" x2="{kiri + lebar}" y1="{gy:.1f}" y2="{gy:.1f}" stroke="#d9dde3"/>'
            f'<text x="0" y="{gy + 4:.1f}" font-size="9">{int(garis)}</text>'
        )
    segmen: list[str] = []
    for i, (label, nilai) in enumerate(titik):
        x = kiri + i * langkah
        bagian.append(
            f'<text x="{x:.1f}" y="{tinggi - 4}" font-size="9" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
        if nilai is None:
            if len(segmen) > 1:
                bagian.append(_polyline(segmen))
            segmen = []
            continue
        segmen.append(f"{x:.1f},{y(nilai):.1f}")
        bagian.append(f'<circle cx="{x:.1f}" cy="{y(nilai):.1f}" r="3" fill="{WARNA}"/>')
    if len(segmen) > 1:
        bagian.append(_polyline(segmen))
    bagian.append("</svg>")
    return mark_safe("".join(bagian))  # noqa: S308 — numbers and escaped text only


def _polyline(titik: list[str]) -> str:
    return f'<polyline fill="none" stroke="{WARNA}" stroke-width="2" points="{" ".join(titik)}"/>'
