"""NIP (PNS) and NI PPPK validation, per shared/domain.md (Identity)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

NIP_LENGTH = 18
MIN_CPNS_AGE = 17


@dataclass(frozen=True)
class NipInfo:
    tanggal_lahir: dt.date
    tmt_cpns: dt.date  # first day of the CPNS start month
    jenis_kelamin: str  # "L" or "P"
    urutan: int
    peringatan: tuple[str, ...] = ()


def _digits_only(value: str, label: str) -> str:
    value = (value or "").strip().replace(" ", "")
    if not value:
        raise ValidationError(_("%(label)s wajib diisi.") % {"label": label}, code="required")
    if not value.isdigit():
        raise ValidationError(
            _("%(label)s hanya boleh berisi angka.") % {"label": label}, code="digits"
        )
    if len(value) != NIP_LENGTH:
        raise ValidationError(
            _("%(label)s harus %(n)d digit (sekarang %(m)d digit).")
            % {"label": label, "n": NIP_LENGTH, "m": len(value)},
            code="length",
        )
    return value


def parse_nip(value: str) -> NipInfo:
    """Validate an 18-digit PNS NIP and return what it encodes; the error names the bad part."""
    nip = _digits_only(value, "NIP")
    try:
        lahir = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValidationError(
            _("Tanggal lahir pada NIP tidak valid (digit 1–8: %(v)s).") % {"v": nip[0:8]},
            code="tanggal_lahir",
        ) from None
    bulan = int(nip[12:14])
    if not 1 <= bulan <= 12:
        raise ValidationError(
            _("Bulan TMT CPNS pada NIP tidak valid (digit 13–14: %(v)s).") % {"v": nip[12:14]},
            code="bulan_cpns",
        )
    tahun = int(nip[8:12])
    if tahun < 1900:
        raise ValidationError(
            _("Tahun TMT CPNS pada NIP tidak valid (digit 9–12: %(v)s).") % {"v": nip[8:12]},
            code="tahun_cpns",
        )
    tmt = dt.date(tahun, bulan, 1)
    if (tmt.year, tmt.month) <= (lahir.year, lahir.month):
        raise ValidationError(
            _("TMT CPNS pada NIP (%(tmt)s) harus sesudah tanggal lahir.") % {"tmt": nip[8:14]},
            code="cpns_sebelum_lahir",
        )
    if nip[14] not in "12":
        raise ValidationError(
            _("Digit jenis kelamin (digit 15) harus 1 atau 2, bukan %(v)s.") % {"v": nip[14]},
            code="jenis_kelamin",
        )
    urutan = int(nip[15:18])
    if urutan < 1:
        raise ValidationError(_("Nomor urut pada NIP (digit 16–18) minimal 001."), code="urutan")
    peringatan: tuple[str, ...] = ()
    umur = tmt.year - lahir.year - ((tmt.month, 1) < (lahir.month, lahir.day))
    if umur < MIN_CPNS_AGE:
        peringatan = (
            _("Umur saat TMT CPNS menurut NIP %(u)d tahun (kurang dari 17).") % {"u": umur},
        )
    return NipInfo(
        tanggal_lahir=lahir,
        tmt_cpns=tmt,
        jenis_kelamin="L" if nip[14] == "1" else "P",
        urutan=urutan,
        peringatan=peringatan,
    )


def validate_nip(value: str) -> None:
    parse_nip(value)


def validate_ni_pppk(value: str) -> None:
    """NI PPPK layout is unconfirmed: only length and digits are checked."""
    _digits_only(value, "NI PPPK")


def validate_nomor_induk(value: str, *, status_asn: str) -> None:
    if status_asn == "PPPK":
        validate_ni_pppk(value)
    else:
        validate_nip(value)
