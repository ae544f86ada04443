from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kinerja.organisasi.nip import parse_nip, validate_ni_pppk, validate_nomor_induk


def test_it_reads_a_good_nip() -> None:
    info = parse_nip("198503142010011003")
    assert info.tanggal_lahir == dt.date(1985, 3, 14)
    assert info.tmt_cpns == dt.date(2010, 1, 1)
    assert info.jenis_kelamin == "L"
    assert info.urutan == 3
    assert info.peringatan == ()


def test_it_reads_a_female_nip_with_spaces() -> None:
    assert parse_nip("19900101 201503 2 001").jenis_kelamin == "P"


@pytest.mark.parametrize(
    ("nip", "code", "fragment"),
    [
        ("", "required", "wajib diisi"),
        ("19850314201001100A", "digits", "hanya boleh berisi angka"),
        ("1985031420100110", "length", "harus 18 digit"),
        ("1985031420100110031", "length", "harus 18 digit"),
        ("198502302010011003", "tanggal_lahir", "Tanggal lahir pada NIP tidak valid"),
        ("198513142010011003", "tanggal_lahir", "Tanggal lahir pada NIP tidak valid"),
        ("198503142010131003", "bulan_cpns", "Bulan TMT CPNS"),
        ("198503142010001003", "bulan_cpns", "Bulan TMT CPNS"),
        ("198503141984011003", "cpns_sebelum_lahir", "harus sesudah tanggal lahir"),
        ("198503142010013003", "jenis_kelamin", "Digit jenis kelamin (digit 15) harus 1 atau 2"),
        ("198503142010010003", "jenis_kelamin", "harus 1 atau 2"),
        ("198503142010011000", "urutan", "minimal 001"),
    ],
)
def test_it_names_the_wrong_part_of_a_bad_nip(nip: str, code: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_nip(nip)
    assert info.value.code == code
    assert fragment in info.value.messages[0]


def test_it_warns_but_accepts_a_cpns_start_before_seventeen() -> None:
    info = parse_nip("200001012010011001")
    assert info.peringatan and "kurang dari 17" in info.peringatan[0]


def test_ni_pppk_checks_only_length_and_digits() -> None:
    validate_ni_pppk("202301012023210001")  # unconfirmed layout: anything with 18 digits
    with pytest.raises(ValidationError, match="18 digit"):
        validate_ni_pppk("12345")
    with pytest.raises(ValidationError, match="angka"):
        validate_ni_pppk("2023010120232100A1")


def test_status_picks_the_rule() -> None:
    validate_nomor_induk("999999999999999999", status_asn="PPPK")
    with pytest.raises(ValidationError):
        validate_nomor_induk("999999999999999999", status_asn="PNS")
