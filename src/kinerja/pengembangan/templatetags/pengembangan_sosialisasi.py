"""Home card of the socialisation part (announcements, first-login tour, pulse-survey prompt —
3 queries) and the safe plain-text renderer of announcements and guides."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

from kinerja.pengembangan import selectors_sosialisasi as sel

register = template.Library()


@register.inclusion_tag("pengembangan/sosialisasi_beranda_kartu.html", takes_context=True)
def sosialisasi_beranda(context: template.Context) -> dict[str, Any]:
    user = context["request"].user
    return {
        "pengumuman": sel.pengumuman_beranda(user),
        "tur": sel.tur_beranda(user),
        "denyut": sel.denyut_beranda(user),
        "csrf_token": context.get("csrf_token"),
    }


def _blok(blok: list[str]) -> str:
    butir = [b[2:].strip() for b in blok if b.startswith("- ")]
    if butir and len(butir) == len(blok):
        return "<ul>" + format_html_join("", "<li>{}</li>", ((b,) for b in butir)) + "</ul>"
    html: list[str] = []
    paragraf: list[str] = []
    daftar: list[str] = []

    def tutup_paragraf() -> None:
        if paragraf:
            html.append("<p>" + "<br>".join(escape(b) for b in paragraf) + "</p>")
            paragraf.clear()

    def tutup_daftar() -> None:
        if daftar:
            html.append("<ul>" + "".join(f"<li>{escape(b)}</li>" for b in daftar) + "</ul>")
            daftar.clear()

    for baris in blok:
        if baris.startswith("- "):
            tutup_paragraf()
            daftar.append(baris[2:].strip())
        else:
            tutup_daftar()
            paragraf.append(baris)
    tutup_paragraf()
    tutup_daftar()
    return "".join(html)


@register.filter
def teks_biasa(teks: Any) -> SafeString:
    """Plain text → HTML, everything escaped: a blank line separates paragraphs, a line break
    inside a paragraph stays a <br>, lines starting with "- " become list items."""
    baris_semua = str(teks or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blok_semua: list[list[str]] = [[]]
    for baris in baris_semua:
        baris = baris.rstrip()
        if not baris.strip():
            if blok_semua[-1]:
                blok_semua.append([])
            continue
        blok_semua[-1].append(baris.strip() if baris.lstrip().startswith("- ") else baris)
    return mark_safe("".join(_blok(b) for b in blok_semua if b))  # noqa: S308 — every piece escaped


@register.filter
def label_peran(target: Any) -> str:
    """["atasan", "pimpinan_opd"] → "Atasan (punya bawahan), Pimpinan OPD"; empty → ""."""
    return ", ".join(str(sel.LABEL_PERAN_TARGET.get(p, p)) for p in (target or []))
