"""Raw responses as CSV or XLSX (one row per respondent; the IP is never exported)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from openpyxl import Workbook

from .models import KOLOM_UNSUR, Respons

KOLOM = [
    "tanggal", "unit_layanan", "jenis_layanan", *[k.upper() for k in KOLOM_UNSUR],
    "usia", "jenis_kelamin", "pendidikan", "pekerjaan", "petugas_nip", "saran",
    "sumber", "status", "alasan", "dikirim_pada",
]  # fmt: skip


def _baris(rows: QuerySet[Respons]) -> Iterator[list[Any]]:
    for r in rows.iterator(chunk_size=2000):
        yield [
            r.tanggal.isoformat(),
            r.unit_layanan.kode,
            r.jenis_layanan.nama if r.jenis_layanan else "",
            *r.skor,
            r.usia,
            r.jenis_kelamin,
            r.pendidikan,
            r.pekerjaan,
            r.petugas.nip if r.petugas else "",
            r.saran,
            r.sumber,
            r.status,
            "; ".join(r.alasan or []),
            r.dibuat_pada.isoformat(timespec="seconds"),
        ]


def csv_bytes(rows: QuerySet[Respons]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(KOLOM)
    writer.writerows(_baris(rows))
    return ("\ufeff" + buffer.getvalue()).encode()  # BOM: Excel reads UTF-8


def xlsx_bytes(rows: QuerySet[Respons]) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Respons")
    ws.append(KOLOM)
    for baris in _baris(rows):
        ws.append(baris)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
