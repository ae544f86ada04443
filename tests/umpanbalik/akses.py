"""Access table of the feedback and dialog pages (merged into tests/test_akses.py's URL walk).

The fixtures: the atasan (Kasi) gives the pegawai feedback / records a dialog with the pegawai;
the pimpinan OPD is in the chain above; the admin BKPSDMD and the other OPD's pegawai are
outsiders (404).
"""

from __future__ import annotations

from tests.akses_aturan import (
    FORBIDDEN,
    LOGIN_ONLY,
    NONE,
    NOT_FOUND,
    OK,
    REDIRECT,
    Aturan,
)
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

# the two sides and the chain above read; the rest of the city does not know it exists
PIHAK = {
    "pegawai": OK,
    "atasan": OK,
    "pimpinan_opd": OK,
    "admin_bkpsdmd": NOT_FOUND,
    "luar_opd": NOT_FOUND,
    "anonim": REDIRECT,
}
ATASAN_SAJA = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "atasan": OK,
    "pimpinan_opd": OK,
    "anonim": REDIRECT,
}


def _utas(k: KotaKecil) -> dict[str, object]:
    from tests.umpanbalik.util import beri

    return {"pk": beri(k).pk}


def _lampiran(k: KotaKecil) -> dict[str, object]:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from kinerja.umpanbalik.models import UmpanBalik

    nama = "umpanbalik/uji-akses.pdf"
    if not default_storage.exists(nama):
        default_storage.save(nama, ContentFile(b"%PDF-1.4\n%%EOF\n"))
    pk = int(_utas(k)["pk"])  # type: ignore[call-overload]
    UmpanBalik.objects.filter(pk=pk).update(lampiran=nama, lampiran_nama="bukti.pdf")
    return {"pk": pk}


def _dialog(k: KotaKecil) -> dict[str, object]:
    from tests.umpanbalik.util import dialog

    return {"pk": dialog(k).pk}


def _tindak_lanjut(k: KotaKecil) -> dict[str, object]:
    from tests.umpanbalik.util import dialog

    d = dialog(k)
    return {"pk": d.tindak_lanjut_set.get(pemilik=k.pegawai).pk}


EXPECTED: dict[str, Aturan] = {
    "umpanbalik_index": ("get", NONE, LOGIN_ONLY),
    "umpanbalik_beri": ("get", NONE, ATASAN_SAJA),
    "umpanbalik_minta": ("get", NONE, LOGIN_ONLY),
    "umpanbalik_thread": ("get", _utas, PIHAK),
    "umpanbalik_lampiran": ("get", _lampiran, PIHAK),
    "dialog_index": ("get", NONE, LOGIN_ONLY),
    "dialog_baru": ("get", NONE, LOGIN_ONLY),
    "dialog_detail": ("get", _dialog, PIHAK),
    # only the recorder edits, until the other side confirms
    "dialog_ubah": ("get", _dialog, PIHAK | {"pegawai": FORBIDDEN, "pimpinan_opd": FORBIDDEN}),
    # the two sides: confirm (or, already confirmed, a message); the pimpinan reads but may not
    "dialog_konfirmasi": (
        "post",
        _dialog,
        PIHAK | {"pegawai": REDIRECT, "atasan": REDIRECT, "pimpinan_opd": FORBIDDEN},
    ),
    # only the owner (the pegawai) marks it; the dialog is not confirmed yet: a message, no change
    "dialog_tindak_lanjut_selesai": (
        "post",
        _tindak_lanjut,
        PIHAK | {"pegawai": REDIRECT, "atasan": FORBIDDEN, "pimpinan_opd": FORBIDDEN},
    ),
}
