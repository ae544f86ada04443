"""An SKP indikator takes its realisasi from a unit layanan's IKM for the period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kinerja.organisasi.models import Instansi, JenisUnit
from kinerja.organisasi.services import unit_create
from kinerja.skp.models import IndikatorKinerja
from kinerja.survei import selectors, services
from tests.factories import KotaKecil
from tests.skp.util import isi_rhk, rantai
from tests.survei.factories import buat_respons, buat_unit_layanan


def _indikator(kota: KotaKecil) -> IndikatorKinerja:
    data = rantai(kota)
    rhk = isi_rhk(data["skp"], "Layanan KTP-el memuaskan", rhk_atasan=data["rhk_atasan"])
    indikator = IndikatorKinerja.objects.filter(rhk=rhk).first()
    assert indikator is not None
    return indikator


def test_an_indikator_linked_to_a_unit_reads_its_ikm_for_the_period(kota: KotaKecil) -> None:
    unit = buat_unit_layanan(kota)
    indikator = _indikator(kota)
    assert (
        selectors.ikm_untuk_indikator(indikator, dt.date(2026, 1, 1), dt.date(2026, 3, 31)) is None
    )
    services.sumber_ikm_set(indikator=indikator, unit_layanan=unit)
    buat_respons(unit, [4] * 9, tanggal=dt.date(2026, 2, 1))
    buat_respons(unit, [3] * 9, tanggal=dt.date(2026, 2, 2))
    buat_respons(unit, [1] * 9, tanggal=dt.date(2026, 7, 1))  # another quarter
    hasil = selectors.ikm_untuk_indikator(indikator, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert hasil is not None and hasil.ikm == Decimal("87.50") and hasil.responden == 2
    services.sumber_ikm_set(indikator=indikator, unit_layanan=None)
    assert (
        selectors.ikm_untuk_indikator(indikator, dt.date(2026, 1, 1), dt.date(2026, 3, 31)) is None
    )


def test_a_unit_of_another_instansi_is_refused(kota: KotaKecil) -> None:
    lain = Instansi.objects.create(kode="LAIN", nama="Kota Lain")
    opd = unit_create(instansi=lain, kode="X", nama="Dinas X", jenis=JenisUnit.OPD)
    unit = services.unit_layanan_create(instansi=lain, unit_kerja=opd, kode="x-loket", nama="X")
    with pytest.raises(ValidationError, match="bukan milik instansi"):
        services.sumber_ikm_set(indikator=_indikator(kota), unit_layanan=unit)
