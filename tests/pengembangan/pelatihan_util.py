"""Helpers of the pelatihan tests: catalogue items, uploads, enrolments at each stage."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import zipfile
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kinerja.organisasi.models import Pegawai
from kinerja.pengembangan import services_pelatihan as svc
from kinerja.pengembangan.models import (
    BentukPelatihan,
    BidangKompetensi,
    Pelatihan,
    Pendaftaran,
    TopikKompetensi,
)
from tests.kegiatan.util import besar, exe_pdf, pdf, png  # noqa: F401 — re-exported

_urut = itertools.count(1)


def hari(n: int = 0) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def pelatihan(
    *,
    jp: str = "8",
    kuota: int | None = None,
    mulai: dt.date | None = None,
    selesai: dt.date | None = None,
    aktif: bool = True,
    judul: str | None = None,
    bidang: str = BidangKompetensi.MANAJERIAL,
    bentuk: str = BentukPelatihan.KLASIKAL,
    topik: list[str] | None = None,
) -> Pelatihan:
    p = Pelatihan.objects.create(
        judul=judul or f"Pelatihan manajemen waktu {next(_urut)}",
        bidang=bidang,
        bentuk=bentuk,
        penyelenggara="BKPSDMD Kota",
        jp=Decimal(jp),
        mulai=mulai if mulai is not None else hari(-10),
        selesai=selesai if selesai is not None else hari(20),
        kuota=kuota,
        aktif=aktif,
    )
    if topik:
        p.topik.set(TopikKompetensi.objects.filter(kode__in=topik))
    return p


def docx(nama: str = "sertifikat.docx") -> SimpleUploadedFile:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(nama, buf.getvalue(), content_type="application/octet-stream")


def diajukan(kota: Any, p: Pelatihan | None = None, pegawai: Pegawai | None = None) -> Pendaftaran:
    return svc.pendaftaran_ajukan(
        pegawai=pegawai or kota.pegawai, pelatihan=p or pelatihan(), alasan="Perlu"
    )


def disetujui(kota: Any, p: Pelatihan | None = None) -> Pendaftaran:
    d = diajukan(kota, p)
    return svc.pendaftaran_putus(oleh=kota.atasan, pendaftaran=d, setuju=True)


def selesai(kota: Any, p: Pelatihan | None = None) -> Pendaftaran:
    d = disetujui(kota, p)
    return svc.pendaftaran_selesaikan(
        oleh=kota.pegawai, pendaftaran=d, tanggal_selesai=hari(0), sertifikat=pdf("sertifikat.pdf")
    )
