from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from kinerja.laporan.pdf import render_pdf
from kinerja.laporan.qr import qr_png, qr_svg


def test_render_pdf_makes_a_real_pdf_with_the_text(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    template = tmp_path / "dok.html"
    template.write_text("<html><body><h1>Dokumen {{ nama }}</h1></body></html>")
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [engine | {"DIRS": [*engine["DIRS"], tmp_path]}]  # resets the engines
    pdf = render_pdf("dok.html", {"nama": "Uji Coba"})
    assert pdf.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Dokumen Uji Coba" in text


@pytest.mark.parametrize("data", ["https://kinerja.example/v/ABC123"])
def test_qr_codes_encode_the_link(data: str) -> None:
    svg = qr_svg(data)
    assert svg.startswith("<svg") and "</svg>" in svg
    png = qr_png(data)
    assert png.startswith(b"\x89PNG")
    import zxingcpp
    from PIL import Image

    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [d.text for d in decoded] == [data]
