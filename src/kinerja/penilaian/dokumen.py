"""Dokumen Evaluasi Kinerja Pegawai (periodic and annual) as PDF, with QR verification.

The SKP's verification (`skp.SkpVersi.kode`, route /v/<kode>/) is tied to an approved SKP
version row, so it cannot carry an evaluation. Instead of a new table, the printed code is
*signed*: `<evaluasi id>-<revisi>-<HMAC>` (Django's salted_hmac with SECRET_KEY). The public
page /penilaian/v/<kode>/ checks the signature, shows the result and says when the evaluation
changed after printing (another revisi, e.g. after a keberatan) — a forged code is a 404.
"""

from __future__ import annotations

import re
from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import Evaluasi, JenisEvaluasi, StatusEvaluasi

SALT = "kinerja.penilaian.dokumen"
KODE_RE = re.compile(r"^(\d+)-(\d+)-([0-9A-F]{12})$")
TEMPAT = "Pangkalpinang"


def _tanda(pk: int, revisi: int) -> str:
    return salted_hmac(SALT, f"{pk}:{revisi}").hexdigest()[:12].upper()


def kode_verifikasi(ev: Evaluasi) -> str:
    return f"{ev.pk}-{ev.revisi}-{_tanda(ev.pk, ev.revisi)}"


def verifikasi_get(kode: str) -> tuple[Evaluasi, bool]:
    """(evaluation, still current) for a printed code; 404 for an unknown or forged code."""
    cocok = KODE_RE.match("".join(kode.split()).upper())
    if cocok is None:
        raise Http404
    pk, revisi, tanda = int(cocok[1]), int(cocok[2]), cocok[3]
    if not constant_time_compare(tanda, _tanda(pk, revisi)):
        raise Http404
    ev = (
        Evaluasi.objects.select_related("pegawai", "pejabat_penilai", "unit", "periode__instansi")
        .filter(pk=pk, status=StatusEvaluasi.DIKUNCI)
        .first()
    )
    if ev is None:
        raise Http404
    return ev, ev.revisi == revisi


def evaluasi_dokumen_qs() -> Any:
    return Evaluasi.objects.select_related(
        "pegawai", "pejabat_penilai", "unit", "periode__instansi", "skp", "skp__jabatan"
    )


def dokumen_konteks(
    ev: Evaluasi, *, verifikasi_url: str = "", tabel: dict | None = None
) -> dict[str, Any]:
    """Everything the PDF template needs (3 queries: indikator, perilaku, matrix unless given)."""
    from kinerja.laporan.qr import qr_svg

    from . import aturan, tampilan

    rows = list(ev.indikator_set.all())
    perilaku = list(ev.perilaku_set.select_related("perilaku"))
    final = ev.status == StatusEvaluasi.DIKUNCI
    skp = ev.skp
    return {
        "ev": ev,
        "judul": "DOKUMEN EVALUASI KINERJA PEGAWAI"
        + (" PERIODE TAHUNAN" if ev.jenis == JenisEvaluasi.TAHUNAN else " PERIODIK"),
        "jendela": aturan.Jendela(ev.jenis, ev.urutan, ev.mulai, ev.selesai),
        "indikator": rows,
        "perilaku": perilaku,
        "matriks": tampilan.matriks_sel(ev, tabel),
        "pegawai": {
            "nama": skp.pegawai_nama or ev.pegawai.nama_lengkap,
            "nip": ev.pegawai.nip,
            "golongan": skp.pegawai_golongan,
            "jabatan": skp.jabatan_nama,
            "unit": skp.unit_nama or ev.unit.nama,
        },
        "penilai": {
            "nama": ev.pejabat_penilai.nama_lengkap,
            "nip": ev.pejabat_penilai.nip,
            "jabatan": skp.penilai_jabatan_nama,
            "unit": skp.penilai_unit_nama,
        },
        "instansi": ev.periode.instansi.nama,
        "final": final,
        "kode": kode_verifikasi(ev) if final else "",
        "verifikasi_url": verifikasi_url if final else "",
        "qr": qr_svg(verifikasi_url, scale=2) if final and verifikasi_url else "",
        "tempat": TEMPAT,
        "dicetak_pada": timezone.localtime(),
    }


def nama_berkas(ev: Evaluasi) -> str:
    jenis = "tahunan" if ev.jenis == JenisEvaluasi.TAHUNAN else f"p{ev.urutan}"
    return f"evaluasi-{ev.periode.tahun}-{jenis}-{ev.pegawai.nip}.pdf"


def evaluasi_pdf(
    ev: Evaluasi, *, verifikasi_url: str = "", font_config: Any = None, tabel: dict | None = None
) -> bytes:
    """One evaluation document as PDF (WeasyPrint). A bulk run passes one FontConfiguration."""
    from django.conf import settings
    from django.template.loader import render_to_string
    from weasyprint import HTML

    konteks = dokumen_konteks(ev, verifikasi_url=verifikasi_url, tabel=tabel)
    if font_config is None:
        from kinerja.laporan.pdf import render_pdf

        return render_pdf("penilaian/dokumen/evaluasi_pdf.html", konteks)
    html = render_to_string("penilaian/dokumen/evaluasi_pdf.html", konteks)
    return HTML(string=html, base_url=str(settings.BASE_DIR / "static")).write_pdf(
        font_config=font_config
    )
