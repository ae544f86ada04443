"""Helpers for the kegiatan tests: an approved SKP for the pegawai, small real files."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kinerja.kegiatan import services
from kinerja.kegiatan.models import LaporanKegiatan
from kinerja.organisasi.models import Pegawai
from kinerja.skp import services as skp_services
from kinerja.skp.models import Aspek, IndikatorKinerja, Skp, SumberRealisasi
from tests.factories import KotaKecil
from tests.skp.util import isi_rhk, rantai

PDF_MINI = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def hari(n: int = 0) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def png(nama: str = "foto.png", ukuran: tuple[int, int] = (40, 30)) -> SimpleUploadedFile:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", ukuran, (200, 30, 30)).save(buf, format="PNG")
    return SimpleUploadedFile(nama, buf.getvalue(), content_type="image/png")


def jpeg(nama: str = "foto.jpg", ukuran: tuple[int, int] = (40, 30)) -> SimpleUploadedFile:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", ukuran, (30, 120, 30)).save(buf, format="JPEG")
    return SimpleUploadedFile(nama, buf.getvalue(), content_type="image/jpeg")


def pdf(nama: str = "bukti.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, PDF_MINI, content_type="application/pdf")


def exe_pdf(nama: str = "laporan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")


def besar(nama: str = "besar.pdf", mb: int = 15) -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, b"%PDF-1.4\n" + b"0" * (mb * 1024 * 1024), "application/pdf")


def siapkan(kota: KotaKecil, *, setujui: bool = True) -> dict[str, Any]:
    """The SKP chain; the pegawai's SKP with one RHK (indikator kuantitas from reports, plus a
    kualitas indikator filled by hand), approved by the atasan unless `setujui=False`."""
    data = rantai(kota)
    skp: Skp = data["skp"]
    rhk = isi_rhk(skp, "Berkas KTP-el terverifikasi", rhk_atasan=data["rhk_atasan"])
    skp.refresh_from_db()
    kualitas = skp_services.indikator_add(
        rhk=rhk,
        oleh=kota.pegawai,
        revisi=skp.revisi,
        teks="Persentase berkas tanpa kesalahan",
        aspek=Aspek.KUALITAS,
        target_angka=Decimal("95"),
        target_satuan="%",
        sumber_realisasi=SumberRealisasi.MANUAL,
    )
    skp.refresh_from_db()
    if setujui:
        skp = skp_services.skp_submit(skp=skp, oleh=kota.pegawai, revisi=skp.revisi)
        skp_services.skp_approve(skp=skp, oleh=kota.atasan)
        skp.refresh_from_db()
    indikator = IndikatorKinerja.objects.filter(rhk=rhk, aspek=Aspek.KUANTITAS).get()
    return data | {"skp": skp, "rhk": rhk, "indikator": indikator, "kualitas": kualitas}


def lapor(
    pegawai: Pegawai, indikator: IndikatorKinerja | None = None, **extra: Any
) -> LaporanKegiatan:
    nilai: dict[str, Any] = {
        "tanggal": hari(0),
        "uraian": "Memverifikasi berkas permohonan KTP-el warga Kelurahan Bukit Intan",
        "durasi_menit": 60,
        "indikator": indikator,
        "kuantitas": Decimal("3"),
    }
    nilai.update(extra)
    return services.laporan_create(oleh=pegawai, **nilai)
