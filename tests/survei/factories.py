"""A unit layanan in the small known city (under Dukcapil's seksi) and response helpers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kinerja.survei import services
from kinerja.survei.models import KOLOM_UNSUR, Respons, StatusRespons, Sumber, UnitLayanan
from tests.factories import KotaKecil


def buat_unit_layanan(kota: KotaKecil, kode: str = "dukcapil-ktp") -> UnitLayanan:
    unit = UnitLayanan.objects.filter(kode=kode).first()
    if unit is not None:
        return unit
    return services.unit_layanan_create(
        instansi=kota.instansi,
        unit_kerja=kota.seksi,
        kode=kode,
        nama="Loket KTP-el Disdukcapil",
        jenis=["Perekaman KTP-el", "Kartu Identitas Anak"],
    )


def buat_respons(
    unit: UnitLayanan,
    skor: list[int | None],
    *,
    tanggal: dt.date = dt.date(2026, 3, 10),
    status: str = StatusRespons.VALID,
    **extra: Any,
) -> Respons:
    return Respons.objects.create(
        unit_layanan=unit,
        tanggal=tanggal,
        sumber=Sumber.KERTAS,
        status=status,
        **dict(zip(KOLOM_UNSUR, skor, strict=True)),
        **extra,
    )
