"""QR codes (segno) for verification links and public survey posters."""

from __future__ import annotations

import io

import segno


def qr_svg(data: str, *, scale: int = 4) -> str:
    """An inline SVG (no XML declaration) that embeds in HTML pages and WeasyPrint PDFs."""
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="svg", scale=scale, xmldecl=False, svgns=True)
    return buffer.getvalue().decode()


def qr_png(data: str, *, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=scale)
    return buffer.getvalue()
