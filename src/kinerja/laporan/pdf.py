"""HTML templates → PDF (WeasyPrint): official documents come from the same templates as pages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """Render a Django template to PDF bytes. Static files resolve from the app folders."""
    from weasyprint import HTML  # imported late: it loads Pango, which `make run` may not need

    html = render_to_string(template_name, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR / "static")).write_pdf()
