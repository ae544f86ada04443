"""Checks for uploaded evidence (bukti dukung, project photos, certificates).

The type is read from the file's first bytes, never from its name or the browser's claim; the
size is capped; large photos are downscaled. Every app that stores a file calls `periksa_berkas`
before saving it through Django's storage API (local disk or S3, by settings).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class JenisBerkas:
    kode: str  # pdf | jpg | png | docx | xlsx
    mime: str
    ekstensi: str


PDF = JenisBerkas("pdf", "application/pdf", ".pdf")
JPG = JenisBerkas("jpg", "image/jpeg", ".jpg")
PNG = JenisBerkas("png", "image/png", ".png")
DOCX = JenisBerkas(
    "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"
)
XLSX = JenisBerkas(
    "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"
)
SEMUA = (PDF, JPG, PNG, DOCX, XLSX)
GAMBAR = (JPG, PNG)


@dataclass(frozen=True)
class BerkasDiperiksa:
    """A checked upload, ready to be saved: `berkas.name` is a safe name with the real extension."""

    berkas: ContentFile
    jenis: JenisBerkas
    nama_asli: str
    ukuran: int


def batas_ukuran() -> int:
    return int(getattr(settings, "BUKTI_MAX_BYTES", 10 * 1024 * 1024))


def _ukuran_mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def kenali_jenis(kepala: bytes, isi: bytes | None = None) -> JenisBerkas | None:
    """The real type from the content (magic bytes; for ZIP-based Office files, the parts)."""
    if kepala.startswith(b"%PDF-"):
        return PDF
    if kepala.startswith(b"\xff\xd8\xff"):
        return JPG
    if kepala.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if kepala.startswith(b"PK\x03\x04") and isi is not None:
        try:
            with zipfile.ZipFile(io.BytesIO(isi)) as z:
                nama = set(z.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" not in nama:
            return None
        if any(n.startswith("word/") for n in nama):
            return DOCX
        if any(n.startswith("xl/") for n in nama):
            return XLSX
    return None


def _perkecil_gambar(isi: bytes, jenis: JenisBerkas) -> tuple[bytes, JenisBerkas]:
    """Downscale a photo wider/taller than BUKTI_GAMBAR_MAX_PX (keeps the aspect); JPEG out."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    maks = int(getattr(settings, "BUKTI_GAMBAR_MAX_PX", 1600))
    try:
        with Image.open(io.BytesIO(isi)) as periksa:
            periksa.verify()
        with Image.open(io.BytesIO(isi)) as asli:
            if max(asli.size) <= maks:
                return isi, jenis
            img: Image.Image = ImageOps.exif_transpose(asli) or asli
            img.thumbnail((maks, maks))
            out = io.BytesIO()
            if jenis == PNG and img.mode in ("RGBA", "LA", "P"):
                img.save(out, format="PNG", optimize=True)
                return out.getvalue(), PNG
            img.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
            return out.getvalue(), JPG
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("Gambar rusak atau tidak dapat dibaca."), code="gambar") from exc


def periksa_berkas(
    f: UploadedFile, *, diizinkan: tuple[JenisBerkas, ...] = SEMUA, perkecil: bool = True
) -> BerkasDiperiksa:
    """Check size and real content; raise ValidationError with a message for the user."""
    nama_asli = (f.name or "berkas").rsplit("/", 1)[-1][:200]
    batas = batas_ukuran()
    if f.size is not None and f.size > batas:
        raise ValidationError(
            _("Berkas %(nama)s berukuran %(ukuran)s MB; batasnya %(batas)s MB.")
            % {"nama": nama_asli, "ukuran": _ukuran_mb(f.size), "batas": _ukuran_mb(batas)},
            code="terlalu_besar",
        )
    f.seek(0)
    isi = f.read(batas + 1)
    if len(isi) > batas:
        raise ValidationError(
            _("Berkas %(nama)s melebihi batas %(batas)s MB.")
            % {"nama": nama_asli, "batas": _ukuran_mb(batas)},
            code="terlalu_besar",
        )
    if not isi:
        raise ValidationError(_("Berkas %(nama)s kosong.") % {"nama": nama_asli}, code="kosong")
    jenis = kenali_jenis(isi[:16], isi)
    if jenis is None or jenis not in diizinkan:
        label = ", ".join(j.kode.upper() for j in diizinkan)
        raise ValidationError(
            _(
                "Isi berkas %(nama)s bukan %(jenis)s yang sah (jenis diperiksa dari isinya, "
                "bukan dari namanya)."
            )
            % {"nama": nama_asli, "jenis": label},
            code="jenis",
        )
    if jenis in GAMBAR and perkecil:
        isi, jenis = _perkecil_gambar(isi, jenis)
    dasar = nama_asli.rsplit(".", 1)[0][:80] or "berkas"
    aman = "".join(c if c.isalnum() or c in "-_" else "_" for c in dasar)
    return BerkasDiperiksa(
        berkas=ContentFile(isi, name=f"{aman}{jenis.ekstensi}"),
        jenis=jenis,
        nama_asli=nama_asli,
        ukuran=len(isi),
    )
